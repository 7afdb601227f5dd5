"""Physical checks and the ASCII map, on small scenes built directly from the Scene model.

Each check has a fixture that triggers it and a near miss that does not.
"""

from __future__ import annotations

import itertools

import pytest

from compiler.ascii_map import ascii_map
from compiler.checks import explain, known_checks, register_check, run_checks
from compiler.scene import Opening, PlacedObject, Room, Scene, Wall, yaw_of
from spatialgrammar.ast import Span

CELL = 0.1
FACING = {0.0: "north", 90.0: "west", 180.0: "south", 270.0: "east"}
_lines = itertools.count(10)


# ---- builders -----------------------------------------------------------------------


def span(line: int, name: str = "x") -> Span:
    return Span(line=line, column=3, end_line=line, end_column=3 + len(name))


def make_room(rid: str = "room", x: float = 0.0, y: float = 0.0, w: float = 4.0, h: float = 3.0,
              thickness: float = 0.1, height: float = 2.7, type: str = "bedroom") -> Room:
    """A rectangular room: counter-clockwise polygon, walls along its edges (0 = south)."""
    pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    sides = ["south", "east", "north", "west"]
    walls = [
        Wall(room=rid, index=i, side=sides[i], start=pts[i], end=pts[(i + 1) % 4], height=height, thickness=thickness)
        for i in range(4)
    ]
    return Room(id=rid, type=type, polygon=pts, origin=(x, y), height=height, walls=walls, span=span(1, rid))


def obj(oid: str, x: float, y: float, w: float = 0.5, d: float = 0.5, h: float = 0.8, yaw: float = 180.0,
        z: float = 0.0, room: str = "room", category: str | None = None, surface: str = "floor",
        parent: str | None = None, ground: bool = False, level: int | None = None,
        cell: tuple[float, float] | None = None, line: int | None = None, origin=(0.0, 0.0)) -> PlacedObject:
    """A placed object; its local cell defaults to its room-grid position."""
    if cell is None:
        cell = (round((x - origin[0]) / CELL, 3), round((y - origin[1]) / CELL, 3))
    line = next(_lines) if line is None else line
    return PlacedObject(
        id=oid, category=category or oid.rstrip("0123456789_"), room=room, parent=parent, surface=surface,
        level=level, position=(x, y, z), size=(w, d, h), yaw_deg=yaw, cell=cell,
        facing=FACING.get(yaw % 360, f"{yaw:g}"), ground=ground, span=span(line, oid),
    )


def opening(oid: str, room: Room, wall_index: int, at: float, width: float = 0.9, kind: str = "door",
            rooms: list[str] | None = None, swing: str = "in", sill: float | None = None,
            height: float | None = None, line: int | None = None) -> Opening:
    """A door or window whose centre is ``at`` metres from the wall's start."""
    wall = room.walls[wall_index]
    dx, dy = wall.direction
    sill = sill if sill is not None else (0.0 if kind == "door" else 0.9)
    height = height if height is not None else (2.1 if kind == "door" else 1.2)
    x, y = wall.start[0] + dx * at, wall.start[1] + dy * at
    return Opening(
        id=oid, kind=kind, room=room.id, rooms=rooms or [room.id], wall_index=wall_index, position=(x, y, sill),
        yaw_deg=yaw_of(wall.inward), width=width, height=height, sill=sill, thickness=wall.thickness,
        swing=swing, span=span(next(_lines) if line is None else line, oid),
    )


def scene(*objects: PlacedObject, rooms: list[Room] | None = None, openings: list[Opening] | None = None) -> Scene:
    return Scene(name="test", cell=CELL, wall_thickness=0.1, rooms=rooms if rooms is not None else [make_room()],
                 openings=openings or [], objects=list(objects))


def codes(diags, code: str | None = None):
    return [d for d in diags if code is None or d.code == code]


# ---- registry -------------------------------------------------------------------------


def test_known_checks_cover_the_physics_codes():
    assert set(known_checks()) == {
        "collision", "out_of_room", "too_large_for_room", "unsupported", "door_blocked",
        "window_blocked", "opening_overlap", "opening_out_of_wall", "unreachable",
    }


def test_unknown_check_name_suggests_the_closest():
    with pytest.raises(ValueError) as err:
        run_checks(scene(), only=["colision"])
    text = str(err.value)
    assert "unknown check `colision`" in text
    assert "did you mean `collision`?" in text
    assert "`unreachable`" in text  # lists the known ones


def test_duplicate_registration_fails_loudly():
    with pytest.raises(ValueError, match="already registered"):
        register_check("collision")(lambda s: iter(()))


def test_explain_gives_the_check_docs():
    assert "5 mm" in explain("collision")
    with pytest.raises(ValueError, match="did you mean"):
        explain("colission")


def test_run_checks_is_sorted_by_source_position():
    a = obj("a", 1.0, 1.0, w=0.6, d=0.6, line=30)
    b = obj("b", 1.5, 1.0, w=0.6, d=0.6, line=31)
    far = obj("far", 3.8, 2.5, w=0.6, d=0.6, line=20)  # out of the room, declared first
    diags = run_checks(scene(a, b, far))
    lines = [(d.span.line, d.span.column, d.code) for d in diags]
    assert lines == sorted(lines)
    assert [d.code for d in diags][:1] == ["out_of_room"]
    assert run_checks(scene(a, b, far)) == diags  # deterministic


def test_clean_scene_has_no_diagnostics():
    room = make_room()
    door = opening("door", room, 0, 2.0)
    bed = obj("bed", 2.0, 2.0, w=1.6, d=1.8, h=0.5, yaw=180.0)
    assert run_checks(scene(bed, rooms=[room], openings=[door])) == []


# ---- collision ------------------------------------------------------------------------


def test_collision_overlapping_boxes():
    a = obj("a", 1.0, 1.0, w=0.6, d=0.6, line=10)
    b = obj("b", 1.5, 1.0, w=0.6, d=0.6, line=11)
    [d] = run_checks(scene(a, b), only=["collision"])
    assert d.code == "collision" and d.severity == "error"
    assert d.objects == ["b", "a"]  # reported on the later declaration, which the hint moves
    assert d.span == b.span
    assert d.amount_m == pytest.approx(0.1)
    assert d.message == "`b` collides with `a` (overlap 0.10 m, 1 cell)"
    assert d.hint == "move `b` 1 cell east (to 16,10)"


def test_collision_moves_later_declared_object_west():
    a = obj("a", 2.0, 1.0, w=0.6, d=0.6, line=20)
    b = obj("b", 1.6, 1.0, w=0.6, d=0.6, line=11)  # declared first: `a` moves
    [d] = run_checks(scene(a, b), only=["collision"])
    assert d.objects == ["a", "b"]
    assert d.hint == "move `a` 2 cells east (to 22,10)"
    assert "overlap 0.20 m, 2 cells" in d.message


def test_collision_hint_keeps_the_object_in_its_room():
    a = obj("a", 3.6, 1.5, w=0.6, d=0.6)  # 3.3..3.9, against the east wall's face at 3.95
    b = obj("b", 3.7, 1.5, w=0.5, d=0.4)  # 3.45..3.95
    [d] = run_checks(scene(a, b), only=["collision"])
    assert d.amount_m == pytest.approx(0.45)  # the smallest separation (east) ...
    assert d.hint == "move `b` 5 cells north (to 37,20)"  # ... would push it through the wall


def test_touching_objects_do_not_collide():
    a = obj("a", 1.0, 1.0, w=0.6, d=0.6)
    b = obj("b", 1.6, 1.0, w=0.6, d=0.6)
    assert run_checks(scene(a, b), only=["collision"]) == []


def test_overlap_within_tolerance_is_not_a_collision():
    a = obj("a", 1.0, 1.0, w=0.6, d=0.6)
    b = obj("b", 1.596, 1.0, w=0.6, d=0.6)  # 4 mm
    assert run_checks(scene(a, b), only=["collision"]) == []
    c = obj("c", 1.594, 1.0, w=0.6, d=0.6)  # 6 mm
    assert len(run_checks(scene(a, c), only=["collision"])) == 1


def test_boxes_apart_in_height_do_not_collide():
    table = obj("table", 2.0, 1.5, w=1.0, d=1.0, h=0.75)
    light = obj("light", 2.0, 1.5, w=0.4, d=0.4, h=0.3, z=2.4, surface="ceiling")
    assert run_checks(scene(table, light), only=["collision"]) == []


def test_rug_under_bed_is_not_a_collision():
    bed = obj("bed", 2.0, 1.5, w=1.6, d=2.0, h=0.5)
    rug = obj("rug", 2.0, 1.5, w=2.0, d=1.4, h=0.01, ground=True)
    assert run_checks(scene(rug, bed), only=["collision"]) == []


def test_lamp_on_desk_is_not_a_collision_with_the_desk():
    desk = obj("desk", 2.0, 1.5, w=1.2, d=0.6, h=0.75)
    lamp = obj("lamp", 2.0, 1.5, w=0.2, d=0.2, h=0.4, z=0.7, surface="top", parent="desk", cell=(6, 3))
    bulb = obj("bulb", 2.0, 1.5, w=0.1, d=0.1, h=0.1, z=0.72, surface="top", parent="lamp", cell=(1, 1))
    assert run_checks(scene(desk, lamp, bulb), only=["collision"]) == []
    # ... but two things on the desk still collide with each other
    book = obj("book", 2.05, 1.5, w=0.2, d=0.2, h=0.05, z=0.75, surface="top", parent="desk", cell=(6.5, 3))
    [d] = run_checks(scene(desk, lamp, book), only=["collision"])
    assert d.objects == ["book", "lamp"]
    assert "toward the" in d.hint and "of `desk`" in d.hint


def test_rotated_collision_uses_the_intersection():
    a = obj("a", 1.0, 1.0, w=0.8, d=0.8, yaw=45.0)
    b = obj("b", 1.6, 1.0, w=0.6, d=0.6)
    [d] = run_checks(scene(a, b), only=["collision"])
    assert 0.1 < d.amount_m < 0.4
    assert d.hint.startswith("move `b`") and "east" in d.hint


def test_each_colliding_pair_is_reported_once():
    a, b, c = (obj(n, 1.0 + 0.1 * k, 1.0, w=0.6, d=0.6) for k, n in enumerate("abc"))
    diags = run_checks(scene(a, b, c), only=["collision"])
    pairs = [frozenset(d.objects) for d in diags]
    assert len(pairs) == 3 and len(set(pairs)) == 3


def test_objects_in_neighbouring_rooms_touching_do_not_collide():
    left, right = make_room("left", 0, 0, 2, 3), make_room("right", 2, 0, 2, 3)
    a = obj("a", 1.75, 1.0, w=0.5, d=0.5, room="left")
    b = obj("b", 2.25, 1.0, w=0.5, d=0.5, room="right")
    assert run_checks(scene(a, b, rooms=[left, right]), only=["collision"]) == []


def test_collision_scales_to_two_thousand_objects():
    room = make_room("hall", 0, 0, 30.0, 20.0)
    objects = [
        obj(f"box_{i}_{j}", 0.3 + i * 0.6, 0.3 + j * 0.4, w=0.5, d=0.3, room="hall", line=10 + i * 40 + j)
        for i in range(50) for j in range(40)
    ]
    assert len(objects) == 2000
    assert run_checks(scene(*objects, rooms=[room]), only=["collision"]) == []


def test_wall_objects_collide_along_their_wall():
    room = make_room()
    # two paintings on the north wall, facing south, overlapping 0.1 m along the wall
    p1 = obj("painting1", 1.0, 2.925, w=0.6, d=0.05, h=0.6, z=1.4, yaw=180.0, surface="wall", cell=(10, 17))
    p2 = obj("painting2", 1.5, 2.925, w=0.6, d=0.05, h=0.6, z=1.4, yaw=180.0, surface="wall", cell=(15, 17))
    [d] = run_checks(scene(p1, p2, rooms=[room]), only=["collision"])
    assert d.amount_m == pytest.approx(0.1)
    # facing the north wall, east is to the right (the wall grid's +x)
    assert d.hint == "move `painting2` 1 cell right along the wall (to 16,17)"


# ---- out_of_room / too_large_for_room --------------------------------------------------


def test_out_of_room_through_a_wall():
    chest = obj("chest", 3.8, 1.5, w=0.7, d=0.5, yaw=180.0)  # east side at 4.15; clear floor ends at 3.95
    [d] = run_checks(scene(chest), only=["out_of_room"])
    assert d.code == "out_of_room"
    assert d.amount_m == pytest.approx(0.2)
    assert d.message == "`chest` sticks out of `room` by 0.20 m (2 cells)"
    assert d.hint == "move `chest` 2 cells west (to 36,15)"


def test_out_of_room_in_a_corner_moves_both_ways():
    chest = obj("chest", 3.8, 2.8, w=0.6, d=0.4)  # east to 4.1, north to 3.0
    [d] = run_checks(scene(chest), only=["out_of_room"])
    assert d.hint == "move `chest` 2 cells west and 1 cell south (to 36,27)"


def test_flush_with_the_wall_is_inside():
    flush = obj("chest", 3.6, 1.5, w=0.7, d=0.5)  # east side at exactly 3.95
    almost = obj("shelf", 3.604, 0.5, w=0.7, d=0.5)  # 4 mm past the clear floor
    assert run_checks(scene(flush, almost), only=["out_of_room"]) == []


def test_out_of_room_ceiling_object():
    light = obj("light", 0.1, 1.5, w=0.4, d=0.4, h=0.2, z=2.5, surface="ceiling")
    [d] = run_checks(scene(light), only=["out_of_room"])
    assert "east" in d.hint


def test_out_of_room_wall_object_past_the_corner():
    # TV on the north wall (facing south) running past the east corner
    tv = obj("tv", 3.7, 2.9, w=1.0, d=0.1, h=0.6, z=1.2, yaw=180.0, surface="wall", cell=(37, 15))
    [d] = run_checks(scene(tv), only=["out_of_room"])
    assert d.amount_m == pytest.approx(0.25)
    assert "runs off the north wall of `room`" in d.message
    # seen facing the north wall, west is to the left
    assert d.hint == "move `tv` 3 cells left along the wall (to 34,15)"
    ok = obj("tv", 3.4, 2.9, w=1.0, d=0.1, h=0.6, z=1.2, yaw=180.0, surface="wall", cell=(34, 15))
    assert run_checks(scene(ok), only=["out_of_room"]) == []


def test_wall_object_above_the_wall():
    tv = obj("tv", 2.0, 2.9, w=1.0, d=0.1, h=0.6, z=2.3, yaw=180.0, surface="wall", cell=(20, 26))
    [d] = run_checks(scene(tv), only=["out_of_room"])
    assert d.hint == "move `tv` 2 cells down (to 20,24)"


def test_children_are_not_checked_by_bounds():
    desk = obj("desk", 3.6, 1.5, w=0.7, d=0.5, h=0.75)
    cup = obj("cup", 4.0, 1.5, w=0.1, d=0.1, h=0.1, z=0.75, surface="top", parent="desk", cell=(7, 2.5))
    diags = run_checks(scene(desk, cup), only=["out_of_room", "too_large_for_room"])
    assert diags == []


def test_too_large_for_room():
    bar = obj("bar", 2.0, 1.5, w=4.5, d=0.5, yaw=180.0)
    diags = run_checks(scene(bar), only=["out_of_room", "too_large_for_room"])
    assert [d.code for d in diags] == ["too_large_for_room"]  # not out_of_room as well
    assert "use a smaller `size`" in diags[0].hint and "39x29 cells" in diags[0].hint


def test_rotated_fit_is_not_too_large():
    # 2.9 m long fits along the 3.9 m side only when turned: still fine
    long = obj("sofa", 2.0, 1.5, w=2.9, d=0.9, yaw=90.0)
    big_ok = obj("bed", 2.0, 1.5, w=3.9, d=2.9)
    assert run_checks(scene(long), only=["too_large_for_room"]) == []
    assert run_checks(scene(big_ok), only=["too_large_for_room"]) == []


def test_taller_than_the_room_is_too_large():
    tall = obj("wardrobe", 2.0, 1.5, w=1.0, d=0.6, h=2.9)
    [d] = run_checks(scene(tall), only=["too_large_for_room"])
    assert "taller" in d.message and "`height`" in d.hint
    # too tall and also through a wall: moving fixes the second fault, so both are reported
    tall_out = obj("wardrobe", 3.8, 1.5, w=1.0, d=0.6, h=2.9)
    diags = run_checks(scene(tall_out), only=["out_of_room", "too_large_for_room"])
    assert sorted(d.code for d in diags) == ["out_of_room", "too_large_for_room"]


# ---- unsupported -----------------------------------------------------------------------


def test_unsupported_overhang_in_the_parents_frame():
    desk = obj("desk", 2.0, 1.5, w=1.2, d=0.6, h=0.75, yaw=180.0)  # faces south: its right is west
    lamp = obj("lamp", 2.54, 1.5, w=0.2, d=0.2, h=0.4, z=0.75, surface="top", parent="desk", cell=(0.6, 3))
    [d] = run_checks(scene(desk, lamp), only=["unsupported"])
    assert d.objects == ["lamp", "desk"]
    assert d.amount_m == pytest.approx(0.04)
    assert d.message == "`lamp` overhangs `desk` by 0.04 m (1 cell)"
    assert d.hint == "move `lamp` 1 cell toward the right of `desk`; it overhangs `desk` by 0.04 m"


def test_unsupported_centre_off_the_parent():
    desk = obj("desk", 2.0, 1.5, w=1.2, d=0.6, h=0.75, yaw=0.0)
    vase = obj("vase", 2.0, 1.9, w=0.2, d=0.2, h=0.3, z=0.75, surface="top", parent="desk", cell=(6, 7))
    [d] = run_checks(scene(desk, vase), only=["unsupported"])
    assert "centre is outside its top" in d.message
    assert d.hint.startswith("move `vase` 2 cells toward the back of `desk` (to 6,5)")


def test_supported_children_are_fine():
    desk = obj("desk", 2.0, 1.5, w=1.2, d=0.6, h=0.75, yaw=180.0)
    flush = obj("lamp", 2.5, 1.5, w=0.2, d=0.2, h=0.4, z=0.75, surface="top", parent="desk", cell=(1, 3))
    almost = obj("cup", 2.0, 1.704, w=0.2, d=0.2, h=0.1, z=0.75, surface="top", parent="desk", cell=(6, 1))
    shelf = obj("shelf", 1.0, 2.7, w=0.8, d=0.3, h=1.8, yaw=180.0)
    book = obj("book", 1.0, 2.7, w=0.3, d=0.2, h=0.25, z=0.4, surface="shelf", level=2, parent="shelf",
               cell=(4, 1.5))
    assert run_checks(scene(desk, flush, almost, shelf, book), only=["unsupported"]) == []


# ---- openings --------------------------------------------------------------------------


def test_door_blocked_by_a_chair_in_the_swing():
    room = make_room()
    door = opening("door", room, 0, 2.0)  # south wall, to outside, swings in
    chair = obj("chair", 2.0, 0.5, w=0.5, d=0.5)
    [d] = run_checks(scene(chair, rooms=[room], openings=[door]), only=["door_blocked"])
    assert d.objects == ["chair", "door"]
    assert "swing zone" in d.message
    assert d.hint.startswith("move `chair`") and d.hint.endswith("to clear door `door`")


def test_door_zone_near_misses():
    room = make_room()
    door = opening("door", room, 0, 2.0)
    beyond = obj("chair", 2.0, 1.2, w=0.5, d=0.5)  # south side at 0.95 = the zone's far edge
    beside = obj("table", 2.7, 0.5, w=0.5, d=0.5)  # west side at 2.45 = the zone's side
    rug = obj("rug", 2.0, 0.5, w=1.2, d=0.8, h=0.01, ground=True)
    assert run_checks(scene(beyond, beside, rug, rooms=[room], openings=[door]), only=["door_blocked"]) == []


def test_door_between_rooms_needs_the_step_zone_on_the_far_side():
    a, b = make_room("a", 0, 0, 3, 3), make_room("b", 3, 0, 3, 3)
    door = opening("door", a, 1, 1.5, rooms=["a", "b"])  # on a's east wall, swings into a
    near = obj("cabinet", 3.35, 1.5, w=0.5, d=0.5, room="b")  # 0.25 m from b's wall face: in the 0.4 m zone
    [d] = run_checks(scene(near, rooms=[a, b], openings=[door]), only=["door_blocked"])
    assert "step-through zone" in d.message
    ok = obj("cabinet", 3.3 + 0.05 + 0.4, 1.5, w=0.5, d=0.5, room="b")  # exactly 0.4 m clear
    assert run_checks(scene(ok, rooms=[a, b], openings=[door]), only=["door_blocked"]) == []


def test_window_blocked_by_a_tall_wardrobe():
    room = make_room()
    window = opening("window", room, 2, 2.0, width=1.2, kind="window")  # north wall
    wardrobe = obj("wardrobe", 2.0, 2.65, w=1.0, d=0.6, h=2.0, yaw=180.0)
    [d] = run_checks(scene(wardrobe, rooms=[room], openings=[window]), only=["window_blocked"])
    assert d.severity == "warning"
    assert d.objects == ["wardrobe", "window"]
    assert "lower than 0.95 m" in d.hint


def test_window_near_misses():
    room = make_room()
    window = opening("window", room, 2, 2.0, width=1.2, kind="window")
    low = obj("cabinet", 2.0, 2.65, w=1.0, d=0.6, h=0.9)  # under the sill
    away = obj("wardrobe", 2.0, 2.25, w=1.0, d=0.6, h=2.0)  # north side at 2.55: 0.3 m from the wall face
    aside = obj("shelf", 0.8, 2.65, w=0.6, d=0.6, h=2.0)  # east side at 1.1 < 1.4 where the window starts
    assert run_checks(scene(low, away, aside, rooms=[room], openings=[window]), only=["window_blocked"]) == []


def test_opening_overlap_on_one_wall():
    room = make_room()
    door = opening("door", room, 0, 1.5, line=5)
    window = opening("window", room, 0, 2.3, width=1.0, kind="window", line=6)
    [d] = run_checks(scene(rooms=[room], openings=[door, window]), only=["opening_overlap"])
    assert d.objects == ["window", "door"]
    assert d.amount_m == pytest.approx(0.15)  # door 1.05..1.95, window 1.8..2.8
    assert d.hint == "move `window` 2 cells east along the wall (its `offset`), or make it narrower"


def test_opening_overlap_across_a_shared_wall():
    a, b = make_room("a", 0, 0, 3, 3), make_room("b", 3, 0, 3, 3)
    door = opening("door", a, 1, 1.0, rooms=["a", "b"], line=5)  # a's east wall runs north
    window = opening("hatch", b, 3, 1.8, width=0.6, kind="window", rooms=["b", "a"], line=9)  # b's west wall runs south
    [d] = run_checks(scene(rooms=[a, b], openings=[door, window]), only=["opening_overlap"])
    assert set(d.objects) == {"door", "hatch"}


def test_adjacent_openings_do_not_overlap():
    room = make_room()
    door = opening("door", room, 0, 1.0)
    window = opening("window", room, 0, 2.05, width=1.2, kind="window")  # starts at 1.45 where the door ends
    assert run_checks(scene(rooms=[room], openings=[door, window]), only=["opening_overlap"]) == []


def test_opening_out_of_wall():
    room = make_room()
    door = opening("door", room, 0, 0.4)  # starts 0.05 m before the wall's start
    [d] = run_checks(scene(rooms=[room], openings=[door]), only=["opening_out_of_wall"])
    assert d.objects == ["door"]
    assert "past the wall's start" in d.message
    assert d.hint == "move `door` 2 cells east along the wall (its `offset`)"


def test_opening_too_tall_or_too_wide():
    room = make_room(w=1.0)
    tall = opening("tall", room, 2, 0.5, width=0.6, height=2.8)
    wide = opening("wide", room, 0, 0.5, width=0.9)
    diags = run_checks(scene(rooms=[room], openings=[tall, wide]), only=["opening_out_of_wall"])
    by_id = {d.objects[0]: d for d in diags}
    assert "above the wall" in by_id["tall"].message and "`height` at most 2.70" in by_id["tall"].hint
    assert "narrower: at most 8 cells fit" in by_id["wide"].hint


def test_opening_fits_with_the_margin():
    room = make_room()
    door = opening("door", room, 0, 0.1 + 0.45)  # 0.05 thickness + 0.05 margin from the corner
    assert run_checks(scene(rooms=[room], openings=[door]), only=["opening_out_of_wall"]) == []


# ---- unreachable -----------------------------------------------------------------------


def _bedroom(*objects):
    room = make_room()
    door = opening("door", room, 0, 0.6)
    return scene(*objects, rooms=[room], openings=[door])


def test_wardrobe_blocked_by_a_bed_is_unreachable():
    wardrobe = obj("wardrobe", 2.0, 2.65, w=1.2, d=0.6, h=2.0, yaw=180.0)
    bed = obj("bed", 2.0, 1.55, w=2.4, d=1.6, h=0.5, yaw=0.0)  # touching the wardrobe's front
    [d] = run_checks(_bedroom(wardrobe, bed), only=["unreachable"])
    assert d.objects == ["wardrobe", "bed"]
    assert d.hint.startswith("clear a path to the front of `wardrobe` (its front faces south)")
    assert "`bed`" in d.hint


def test_wardrobe_with_a_narrow_aisle_is_reachable():
    wardrobe = obj("wardrobe", 2.0, 2.65, w=1.0, d=0.6, h=2.0, yaw=180.0)
    bed = obj("bed", 2.0, 1.05, w=2.0, d=1.6, h=0.5, yaw=0.0)  # 0.5 m aisle in front of the wardrobe
    assert run_checks(_bedroom(wardrobe, bed), only=["unreachable"]) == []


def test_facing_the_wall_is_unreachable():
    desk = obj("desk", 2.0, 2.65, w=1.2, d=0.6, h=0.75, yaw=0.0)  # front against the north wall
    shelf = obj("shelf", 3.0, 2.75, w=0.8, d=0.4, h=1.8, yaw=180.0)  # beside it: not the culprit
    [d] = run_checks(_bedroom(desk, shelf), only=["unreachable"])
    assert d.objects == ["desk"]
    assert "its front faces north" in d.hint and "faces a wall" in d.hint


def test_room_without_doors_starts_from_its_largest_area():
    room = make_room()
    desk = obj("desk", 2.0, 2.65, w=1.2, d=0.6, h=0.75, yaw=180.0)
    assert run_checks(scene(desk, rooms=[room]), only=["unreachable"]) == []


def test_rooms_connect_only_through_doors():
    a, b = make_room("a", 0, 0, 3, 3), make_room("b", 3, 0, 3, 3)
    door_a = opening("door_a", a, 0, 1.5)  # each room has a door to outside
    door_b = opening("door_b", b, 0, 2.0)
    # a fence of shelves (facing east) walls off a pocket along b's west wall, next to room a
    fence = [obj(f"shelf{k}", 4.3, 0.45 + k * 0.7, w=0.7, d=0.4, h=1.8, yaw=270.0, room="b") for k in range(4)]
    desk = obj("desk", 3.35, 2.2, w=1.0, d=0.6, h=0.75, yaw=270.0, room="b")  # in the pocket, facing east
    diags = run_checks(scene(desk, *fence, rooms=[a, b], openings=[door_a, door_b]), only=["unreachable"])
    # open floor in room a, just across the wall, does not count
    assert [d.objects[0] for d in diags] == ["desk"]
    # a door in the shared wall opens the pocket
    link = opening("link", a, 1, 0.6, rooms=["a", "b"])
    assert run_checks(scene(desk, *fence, rooms=[a, b], openings=[door_a, door_b, link]),
                      only=["unreachable"]) == []


def test_a_blocked_door_is_reported_once_not_as_unreachable_furniture():
    room = make_room()
    door = opening("door", room, 0, 2.0)
    crate = obj("crate", 2.0, 0.4, w=1.0, d=0.6, h=0.6, yaw=0.0)  # in the door's swing
    sofa = obj("sofa", 2.0, 2.5, w=1.8, d=0.8, h=0.8, yaw=180.0)
    diags = run_checks(scene(crate, sofa, rooms=[room], openings=[door]), only=["door_blocked", "unreachable"])
    assert [d.code for d in diags] == ["door_blocked"]


def test_small_decor_is_not_checked():
    plant = obj("plant", 0.3, 2.7, w=0.4, d=0.4, h=1.0, category="potted_plant", yaw=0.0)  # faces the wall
    stool = obj("stool", 3.7, 2.75, w=0.25, d=0.25, h=0.45, yaw=0.0)  # under 0.09 m^2
    rug = obj("rug", 2.0, 1.5, w=2.0, d=1.4, h=0.01, ground=True, yaw=0.0)
    assert run_checks(_bedroom(plant, stool, rug), only=["unreachable"]) == []


# ---- ASCII map -------------------------------------------------------------------------


def _map_scene():
    room = make_room("bedroom", 0, 0, 4.0, 3.0)
    door = opening("door", room, 0, 0.6)
    window = opening("window", room, 2, 2.0, width=1.2, kind="window")
    bed = obj("bed1", 2.0, 1.9, w=1.6, d=2.0, h=0.5, yaw=180.0, room="bedroom", category="bed", line=5)
    stand = obj("nightstand", 2.9, 2.6, w=0.5, d=0.4, h=0.6, yaw=180.0, room="bedroom", line=6)  # into the bed
    rug = obj("rug", 2.0, 0.7, w=1.6, d=0.6, h=0.01, yaw=180.0, room="bedroom", ground=True, line=7)
    lamp = obj("lamp", 2.9, 2.6, w=0.2, d=0.2, h=0.4, z=0.6, room="bedroom", surface="top",
               parent="nightstand", cell=(2.5, 2), line=8)
    return Scene(name="demo", cell=CELL, wall_thickness=0.1, rooms=[room], openings=[door, window],
                 objects=[bed, stand, rug, lamp])


def map_rows(text: str) -> dict[int, str]:
    """The map's rows by their y label (the lines between the ruler and the legend)."""
    lines = text.splitlines()
    body = lines[3:lines.index("rooms:")]
    rows = {}
    for line in body:
        label, _, rest = line.lstrip().partition(" ")
        rows[int(label)] = rest
    return rows


def test_ascii_map_draws_the_layout_and_legend():
    s = _map_scene()
    diags = run_checks(s)
    assert [d.code for d in diags] == ["collision"]
    text = ascii_map(s, diags)
    lines = text.splitlines()
    assert "A bed1 (bed) facing south at 20,19" in lines
    assert "B nightstand (nightstand) facing south at 29,26" in lines
    assert "C rug (rug) facing south at 20,7, ground" in lines
    assert "  lamp (lamp) on top of `nightstand` at 2.5,2" in lines
    assert "  bed1: collision" in lines and "  nightstand: collision" in lines
    rows = map_rows(text)
    body = "\n".join(rows.values())
    assert body.count("!") == 2  # one mark at each colliding object's centre
    assert rows[19][1 + 20] == "!" and rows[26][1 + 29] == "!"  # column 0 is x = -1
    assert "D" * 9 in rows[-1] and "=" * 12 in rows[29]
    assert set(rows[0]) == {"#", "."}
    assert ascii_map(s, diags) == text  # deterministic


def test_ascii_map_is_one_character_per_cell():
    text = ascii_map(_map_scene())
    rows = map_rows(text)
    # a 40x30-cell room: the west/south walls show outside the polygon, the east/north ones inside
    assert sorted(rows) == list(range(-1, 30))
    assert all(len(r) == 41 for r in rows.values())
    bed = [r for r in rows.values() if "A" in r]
    assert len(bed) == 20 and {r.count("A") for r in bed if "B" not in r} == {16}
    assert rows[28].index("A") == 1 + 12  # bed spans x 1.2..2.8 -> cells 12..27
    assert "!" not in "".join(rows.values())


def test_ascii_map_downsamples_wide_scenes():
    room = make_room("hall", 0, 0, 30.0, 8.0)
    objects = [obj(f"crate{k}", 1.0 + 0.4 * k, 4.0, w=0.3, d=0.3, room="hall") for k in range(70)]
    s = Scene(name="wide", cell=CELL, wall_thickness=0.1, rooms=[room], objects=objects)
    text = ascii_map(s, max_width=80)
    assert "1 character = 4 cells (0.4 m)" in text.splitlines()[0]
    map_lines = text.splitlines()[2:text.splitlines().index("rooms:")]
    assert all(len(line) <= 80 for line in map_lines)
    assert 20 <= len(map_rows(text)) <= 22
    assert "A2 crate61 (crate) facing south at 254,40" in text  # symbols repeat after 61 objects
    assert "D" not in "".join(map_rows(text).values())  # D only draws doors


def test_desk_with_its_chair_tucked_in_stays_reachable():
    desk = obj("desk", 2.0, 2.65, w=1.2, d=0.6, h=0.75, yaw=180.0)  # against the north wall, facing south
    chair = obj("chair", 2.0, 2.1, w=0.5, d=0.5, h=0.9, yaw=0.0, category="office_chair")  # in front of it
    assert run_checks(_bedroom(desk, chair), only=["unreachable"]) == []
    cabinet = obj("cabinet", 2.0, 2.1, w=1.2, d=0.5, h=0.9, yaw=0.0)  # a cabinet there is in the way
    [d] = run_checks(_bedroom(desk, cabinet), only=["unreachable"])
    assert d.objects == ["desk", "cabinet"]


def test_small_amounts_keep_their_millimetres():
    a = obj("a", 1.0, 1.0, w=0.6, d=0.6)
    b = obj("b", 1.594, 1.0, w=0.6, d=0.6)
    [d] = run_checks(scene(a, b), only=["collision"])
    assert d.message == "`b` collides with `a` (overlap 0.006 m, 1 cell)"


def test_ascii_map_marks_a_faulty_opening_on_its_wall():
    room = make_room()
    door = opening("door", room, 0, 1.5, line=5)
    window = opening("window", room, 0, 2.3, width=1.0, kind="window", line=6)
    s = scene(rooms=[room], openings=[door, window])
    text = ascii_map(s, run_checks(s))
    rows = map_rows(text)
    assert rows[-1][1 + 22] == "!"  # the window's centre (x = 2.3 m), on the south wall row
    assert "  window: opening_overlap" in text.splitlines()
