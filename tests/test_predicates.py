"""Every requirement predicate on hand-built scenes: a scene that passes and one that fails.

The scenes are built directly as compiler Scenes (metres, yaw north 0 / west 90 / south 180 /
east 270), so these tests pin the predicates' geometry independently of the compiler.
"""

from __future__ import annotations

import math

import pytest

from compiler import Opening, PlacedObject, Room, Scene, Wall
from eval.predicates import Requirement, SceneView, check_requirement, normalise_room_type
from eval.registry import UnknownName

T = 0.1


# ---- builders ------------------------------------------------------------------------------------


class FakeCategory:
    def __init__(self, name: str):
        self.name = name


class FakeCatalog:
    """Just enough of the catalog: names and synonyms."""

    SYNONYMS = {
        "sofa": ["couch", "settee"], "bed": [], "nightstand": ["bedside table", "night table"],
        "desk": ["writing desk"], "lamp": ["table lamp"], "chair": [], "coffee_table": [],
        "tv": ["television"], "painting": ["picture"], "ceiling_light": ["pendant"], "bookcase": ["bookshelf"],
        "book": [], "rug": ["carpet"], "plant": ["houseplant"],
    }

    def __init__(self):
        self.index = {n: n for n in self.SYNONYMS}
        for name, syns in self.SYNONYMS.items():
            for s in syns:
                self.index[s.replace(" ", "_")] = name

    def resolve(self, word: str):
        key = word.strip().lower().replace(" ", "_")
        name = self.index.get(key)
        return FakeCategory(name) if name else None


def rect_room(room_id: str, room_type: str, x0: float, y0: float, x1: float, y1: float,
              height: float = 2.7) -> Room:
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    sides = ["south", "east", "north", "west"]
    walls = [Wall(room=room_id, index=i, side=sides[i], start=corners[i], end=corners[(i + 1) % 4],
                  height=height, thickness=T) for i in range(4)]
    return Room(id=room_id, type=room_type, polygon=corners, origin=(x0, y0), height=height, walls=walls)


def obj(oid: str, category: str, x: float, y: float, size=(1.0, 1.0, 1.0), yaw: float = 0.0, z: float = 0.0,
        room: str = "r", parent: str | None = None, surface: str = "floor") -> PlacedObject:
    return PlacedObject(id=oid, category=category, room=room, parent=parent, surface=surface,
                        position=(x, y, z), size=size, yaw_deg=yaw, cell=(0, 0), facing="north")


def opening(oid: str, kind: str, x: float, y: float, rooms: list[str], yaw: float = 0.0, width: float = 0.9,
            sill: float = 0.0) -> Opening:
    return Opening(id=oid, kind=kind, room=rooms[0], rooms=rooms, wall_index=0, position=(x, y, sill),
                   yaw_deg=yaw, width=width, height=2.1 if kind == "door" else 1.2, sill=sill, thickness=T)


def scene(*objects: PlacedObject, rooms: list[Room] | None = None, openings: list[Opening] = ()) -> Scene:
    rooms = rooms if rooms is not None else [rect_room("r", "bedroom", 0, 0, 4, 4)]
    return Scene(name="t", cell=0.1, wall_thickness=T, rooms=rooms, openings=list(openings), objects=list(objects))


def check(sc: Scene, predicate: str, catalog=None, **params):
    view = SceneView(sc, catalog or FakeCatalog())
    return check_requirement(view, Requirement(text="t", check={predicate: params}))


def met(sc: Scene, predicate: str, **params) -> bool:
    return check(sc, predicate, **params).met


# ---- names ---------------------------------------------------------------------------------------


def test_names_resolve_through_synonyms():
    sc = scene(obj("s", "sofa", 2, 2))
    assert met(sc, "count", category="couch", op="==", n=1)
    assert met(sc, "count", category="a settee", op="==", n=1)
    assert met(sc, "count", category="Couches", op="==", n=1)  # plural and case


def test_unknown_name_fails_with_a_reason():
    sc = scene(obj("s", "sofa", 2, 2))
    r = check(sc, "count", category="flux capacitor", op=">=", n=0)
    assert not r.met and "names nothing in the catalog" in r.reason
    r = check(sc, "next_to", a="sofa", b="zorblax")
    assert not r.met and "`zorblax`" in r.reason


def test_known_name_absent_from_scene_fails():
    r = check(scene(obj("s", "sofa", 2, 2)), "near", a="bed", b="sofa", max_m=5)
    assert not r.met and "no `bed`" in r.reason


def test_unknown_predicate_lists_the_known_ones():
    r = check_requirement(None, Requirement(text="t", check={"besides": {"a": "x", "b": "y"}}))
    assert not r.met and "known predicates" in r.reason
    with pytest.raises(UnknownName) as err:
        Requirement(text="t", check={"nexto": {"a": "x", "b": "y"}}).predicate()
    assert "did you mean `next_to`" in str(err.value)


def test_bad_params_are_rejected():
    with pytest.raises(ValueError, match="max_m"):
        Requirement(text="t", check={"near": {"a": "x", "b": "y"}}).predicate()


def test_no_scene_fails_every_requirement():
    r = check_requirement(None, Requirement(text="t", check={"room_count": {"op": ">=", "n": 0}}))
    assert not r.met and r.reason == "no scene"


def test_doors_and_windows_are_objects():
    sc = scene(openings=[opening("d", "door", 2, 0, ["r"]), opening("w1", "window", 0, 2, ["r"], yaw=270),
                         opening("w2", "window", 4, 2, ["r"], yaw=90)])
    assert met(sc, "count", category="window", op="==", n=2)
    assert met(sc, "count", category="doors", op="==", n=1)
    assert not met(sc, "count", category="window", op="==", n=1)


# ---- count ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("op,n,expected", [("==", 2, True), ("==", 3, False), (">=", 2, True), (">=", 3, False),
                                           ("<=", 2, True), ("<=", 1, False)])
def test_count(op, n, expected):
    sc = scene(obj("c1", "chair", 1, 1), obj("c2", "chair", 3, 1), obj("t", "desk", 2, 3))
    assert met(sc, "count", category="chair", op=op, n=n) is expected


# ---- on ------------------------------------------------------------------------------------------


def test_on_by_parent():
    sc = scene(obj("d", "desk", 2, 2, (1.2, 0.6, 0.75)),
               obj("l", "lamp", 2, 2, (0.2, 0.2, 0.4), z=0.75, parent="d", surface="top"),
               obj("n", "nightstand", 0.5, 0.5, (0.5, 0.4, 0.5)))
    assert met(sc, "on", a="table lamp", b="writing desk")
    r = check(sc, "on", a="lamp", b="nightstand")
    assert not r.met and "on `d`" in r.reason


def test_on_by_resting_on_top():
    base = obj("n", "nightstand", 1, 1, (0.5, 0.4, 0.5))
    assert met(scene(base, obj("l", "lamp", 1.1, 1.05, (0.2, 0.2, 0.4), z=0.5)), "on", a="lamp", b="nightstand")
    # 2 cm above the top: floats
    assert not met(scene(base, obj("l", "lamp", 1, 1, (0.2, 0.2, 0.4), z=0.52)), "on", a="lamp", b="nightstand")
    # right height, centre beside the top
    assert not met(scene(base, obj("l", "lamp", 1.4, 1, (0.2, 0.2, 0.4), z=0.5)), "on", a="lamp", b="nightstand")


def test_on_surfaces():
    sc = scene(obj("p", "painting", 2, 3.9, (0.8, 0.04, 0.6), yaw=180, z=1.2, surface="wall"),
               obj("c", "ceiling_light", 2, 2, (0.4, 0.4, 0.3), z=2.4, surface="ceiling"),
               obj("b", "bed", 2, 1, (1.6, 2.0, 0.5)))
    assert met(sc, "on", a="picture", b="wall")
    assert met(sc, "on", a="pendant", b="ceiling")
    assert met(sc, "on", a="bed", b="floor")
    assert not met(sc, "on", a="bed", b="wall")


# ---- against_wall --------------------------------------------------------------------------------


def test_against_wall():
    # room 0..4 with 0.1 m walls: the inner faces are x = 0.05, x = 3.95, y = 0.05, y = 3.95
    bed_n = obj("b", "bed", 2, 3.95 - 1.0, (1.6, 2.0, 0.5), yaw=180)   # back on the north face
    assert met(scene(bed_n), "against_wall", a="bed")
    assert met(scene(bed_n), "against_wall", a="bed", wall="north")
    assert not met(scene(bed_n), "against_wall", a="bed", wall="south")
    near = obj("b", "bed", 2, 3.95 - 1.0 - 0.04, (1.6, 2.0, 0.5), yaw=180)  # 4 cm off: still against
    assert met(scene(near), "against_wall", a="bed")
    off = obj("b", "bed", 2, 3.95 - 1.0 - 0.1, (1.6, 2.0, 0.5), yaw=180)  # 10 cm off
    r = check(scene(off), "against_wall", a="bed")
    assert not r.met and "0.10 m" in r.reason
    # flush with the north wall but facing it: its back is 2 m away
    assert not met(scene(obj("b", "bed", 2, 2.95, (1.6, 2.0, 0.5), yaw=0)), "against_wall", a="bed")
    # side against the west wall, back free
    assert not met(scene(obj("b", "bed", 0.05 + 0.8, 2, (1.6, 2.0, 0.5), yaw=0)), "against_wall", a="bed")
    # back against the east wall (facing west)
    assert met(scene(obj("b", "bed", 3.95 - 1.0, 2, (1.6, 2.0, 0.5), yaw=90)), "against_wall", a="bed", wall="east")


def test_against_wall_in_a_corner_and_openings():
    desk = obj("d", "desk", 0.05 + 0.6, 0.05 + 0.3, (1.2, 0.6, 0.75), yaw=0)  # back on south, side on west
    assert met(scene(desk), "against_wall", a="desk", wall="south")
    sc = scene(openings=[opening("w", "window", 2, 4, ["r"], yaw=180)])
    assert met(sc, "against_wall", a="window")


# ---- facing --------------------------------------------------------------------------------------


def test_facing():
    tv = obj("tv", "tv", 2, 3.8, (1.2, 0.1, 0.7), yaw=180)
    sofa = obj("s", "sofa", 2, 0.6, (2.0, 0.9, 0.8), yaw=0)
    assert met(scene(tv, sofa), "facing", a="couch", b="television")
    assert met(scene(tv, sofa), "facing", a="tv", b="sofa")
    turned = obj("s", "sofa", 2, 0.6, (2.0, 0.9, 0.8), yaw=90)  # faces west
    assert not met(scene(tv, turned), "facing", a="sofa", b="tv")
    # 40 degrees off still faces; 50 degrees off does not
    for dx, ok in ((math.tan(math.radians(40)) * 3.2, True), (math.tan(math.radians(50)) * 3.2, False)):
        tv2 = obj("tv", "tv", 2 + dx, 3.8, (1.2, 0.1, 0.7), yaw=180)
        assert met(scene(tv2, sofa), "facing", a="sofa", b="tv") is ok


def test_facing_a_window_and_a_compass_direction():
    desk = obj("d", "desk", 2, 3.5, (1.2, 0.6, 0.75), yaw=0)
    sc = scene(desk, openings=[opening("w", "window", 2, 4, ["r"], yaw=180)])
    assert met(sc, "facing", a="desk", b="window")
    assert met(sc, "facing", a="desk", b="north")
    assert not met(sc, "facing", a="desk", b="south")


# ---- near / next_to ------------------------------------------------------------------------------


def test_near():
    sc = scene(obj("p", "plant", 1, 1, (0.4, 0.4, 1.0)), obj("s", "sofa", 2.5, 1, (2.0, 0.9, 0.8)))
    assert met(sc, "near", a="houseplant", b="sofa", max_m=1.5)
    r = check(sc, "near", a="plant", b="sofa", max_m=1.4)
    assert not r.met and "1.50 m" in r.reason


def test_next_to():
    sofa = obj("s", "sofa", 2, 1, (2.0, 0.9, 0.8))
    assert met(scene(sofa, obj("p", "plant", 3.2, 1, (0.4, 0.4, 1.0))), "next_to", a="plant", b="sofa")  # touching
    assert met(scene(sofa, obj("p", "plant", 3.5, 1, (0.4, 0.4, 1.0))), "next_to", a="plant", b="sofa")  # 0.3 m
    r = check(scene(sofa, obj("p", "plant", 3.6, 1, (0.4, 0.4, 1.0))), "next_to", a="plant", b="sofa")
    assert not r.met and "0.40 m" in r.reason


def test_pairs_need_two_distinct_objects():
    one = scene(obj("c1", "chair", 1, 1))
    r = check(one, "next_to", a="chair", b="chair")
    assert not r.met and "only one" in r.reason
    two = scene(obj("c1", "chair", 1, 1, (0.5, 0.5, 0.9)), obj("c2", "chair", 1.5, 1, (0.5, 0.5, 0.9)))
    assert met(two, "next_to", a="chair", b="chair")


def test_some_pair_suffices():
    sc = scene(obj("n1", "nightstand", 0.4, 3, (0.5, 0.4, 0.5)), obj("n2", "nightstand", 3.5, 0.5, (0.5, 0.4, 0.5)),
               obj("l", "lamp", 3.5, 0.5, (0.2, 0.2, 0.4), z=0.5, parent="n2", surface="top"))
    assert met(sc, "on", a="lamp", b="nightstand")


# ---- relative to b's own facing ------------------------------------------------------------------


BED_N = obj("b", "bed", 2, 2, (1.6, 2.0, 0.5), yaw=0)      # faces north: its left is west (-x)
BED_E = obj("b", "bed", 2, 2, (1.6, 2.0, 0.5), yaw=270)    # faces east: its left is north (+y)


@pytest.mark.parametrize("bed,pos,relation", [
    (BED_N, (0.95, 1.2), "left_of"), (BED_N, (3.05, 1.2), "right_of"),
    (BED_N, (2.0, 3.3), "in_front_of"), (BED_N, (2.0, 0.7), "behind"),
    (BED_E, (1.2, 3.05), "left_of"), (BED_E, (1.2, 0.95), "right_of"),
    (BED_E, (3.3, 2.0), "in_front_of"), (BED_E, (0.7, 2.0), "behind"),
])
def test_relative_to_own_facing(bed, pos, relation):
    ns = obj("n", "nightstand", pos[0], pos[1], (0.5, 0.4, 0.5), yaw=bed.yaw_deg)
    others = {"left_of", "right_of", "in_front_of", "behind"} - {relation}
    assert met(scene(bed, ns), relation, a="nightstand", b="bed")
    for other in others:
        assert not met(scene(bed, ns), other, a="nightstand", b="bed"), other


def test_left_is_the_beds_own_left_not_the_viewers():
    # a bed facing south: its own left is east (+x)
    bed = obj("b", "bed", 2, 2, (1.6, 2.0, 0.5), yaw=180)
    east = obj("n", "nightstand", 3.05, 2.8, (0.5, 0.4, 0.5), yaw=180)
    assert met(scene(bed, east), "left_of", a="nightstand", b="bed")
    assert not met(scene(bed, east), "right_of", a="nightstand", b="bed")


def test_relative_diagonal_is_not_beside():
    bed = BED_N
    diag = obj("n", "nightstand", 0.5, 3.5, (0.5, 0.4, 0.5))  # left and beyond the foot of the bed
    r = check(scene(bed, diag), "left_of", a="nightstand", b="bed")
    assert not r.met and "diagonally" in r.reason


def test_in_front_of_a_window():
    sc = scene(obj("d", "desk", 2, 3.6, (1.2, 0.6, 0.75), yaw=0),
               openings=[opening("w", "window", 2, 4, ["r"], yaw=180)])
    assert met(sc, "in_front_of", a="desk", b="window")


# ---- rooms and doors -----------------------------------------------------------------------------


def flat() -> Scene:
    rooms = [rect_room("lr", "living_room", 0, 0, 5, 4), rect_room("bd", "bedroom", 5, 0, 9, 4),
             rect_room("ba", "bathroom", 5, 4, 9, 6)]
    openings = [opening("d1", "door", 5, 2, ["lr", "bd"], yaw=90), opening("d2", "door", 7, 4, ["bd", "ba"]),
                opening("d3", "door", 2, 0, ["lr"]), opening("w", "window", 0, 2, ["lr"], yaw=270)]
    return scene(rooms=rooms, openings=openings)


def test_room_count_and_exists():
    sc = flat()
    assert met(sc, "room_count", op="==", n=3)
    assert not met(sc, "room_count", op=">=", n=4)
    assert met(sc, "room_exists", type="living room")
    assert met(sc, "room_exists", type="Lounge")
    assert met(sc, "room_exists", type="bathroom")
    r = check(sc, "room_exists", type="kitchen")
    assert not r.met and "kitchen" in r.reason
    assert normalise_room_type("Living-Room") == "living_room"


def test_door_between():
    sc = flat()
    assert met(sc, "door_between", a="living room", b="bedroom")
    assert met(sc, "door_between", a="bedroom", b="living_room")
    assert met(sc, "door_between", a="bathroom", b="bedroom")
    assert met(sc, "door_between", a="bd", b="ba")          # by room id
    assert met(sc, "door_between", a="living room", b="outside")
    assert not met(sc, "door_between", a="bathroom", b="living room")
    assert not met(sc, "door_between", a="bedroom", b="outside")
    r = check(sc, "door_between", a="kitchen", b="bedroom")
    assert not r.met and "kitchen" in r.reason


def test_a_window_is_not_a_door():
    rooms = [rect_room("a", "bedroom", 0, 0, 4, 4), rect_room("b", "office", 4, 0, 8, 4)]
    sc = scene(rooms=rooms, openings=[opening("w", "window", 4, 2, ["a", "b"], yaw=90)])
    assert not met(sc, "door_between", a="bedroom", b="office")


# ---- the real catalog ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog():
    from assets import load_catalog

    return load_catalog()


def test_real_catalog_synonyms(catalog):
    sc = scene(obj("s", "sofa", 2, 1, (2.0, 0.9, 0.85)), obj("t", "tv_stand", 2, 3.7, (1.6, 0.45, 0.5), yaw=180))
    assert check(sc, "facing", catalog, a="couch", b="media console").met
    assert check(sc, "count", catalog, category="a comfy couch", op="==", n=1).met


def test_generic_words_cover_their_kinds(catalog):
    sc = scene(obj("c", "office_chair", 1, 1, (0.65, 0.65, 1.0)), obj("d", "dining_chair", 3, 1, (0.45, 0.52, 0.9)),
               obj("l", "desk_lamp", 2, 3, (0.18, 0.2, 0.45)), obj("v", "wall_tv", 2, 3.9, (1.2, 0.06, 0.7), z=1.2,
                                                                   surface="wall", yaw=180))
    assert check(sc, "count", catalog, category="chairs", op="==", n=2).met       # family word
    assert check(sc, "count", catalog, category="desk chair", op="==", n=1).met   # a specific kind
    assert check(sc, "count", catalog, category="lamp", op="==", n=1).met         # "lamp" is a family
    assert check(sc, "count", catalog, category="tv", op="==", n=1).met           # tv covers wall_tv
    r = check(sc, "count", catalog, category="hoverboard", op=">=", n=0)
    assert not r.met and "names nothing" in r.reason
