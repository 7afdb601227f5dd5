"""Placement semantics: every shortcut compiles to the exact pose the textbook promises."""

from __future__ import annotations

import pytest

from assets import load_catalog
from compiler import build_scene
from spatialgrammar import parse

HEADER = 'scene "t" cell 0.1\n'


def scene_of(body: str, room: str = "room r bedroom rect 0,0 40x35"):
    program = parse(HEADER + f"{room} {{\n{body}\n}}\n")
    scene, diagnostics = build_scene(program)
    return scene, diagnostics


def size(category: str) -> tuple[float, float, float]:
    return load_catalog().get(category).size


def approx(a, b):
    return a == pytest.approx(b, abs=1e-6)


def test_at_names_the_footprint_centre():
    scene, diags = scene_of("object b bed at 20,15 facing east")
    bed = scene.object("b")
    assert approx(bed.position, (2.0, 1.5, 0.0))
    assert bed.yaw_deg == 270.0 and bed.facing == "east"
    assert not diags


def test_against_wall_is_flush_with_the_inner_face_and_faces_away():
    scene, _ = scene_of("object b bed against north wall")
    w, d, _ = size("bed")
    bed = scene.object("b")
    assert bed.yaw_deg == 180.0
    assert approx(bed.position[1], 3.5 - 0.05 - d / 2)
    assert approx(bed.position[0], 2.0)


def test_against_wall_offset_and_aligned_with():
    scene, _ = scene_of("object d desk against east wall offset 10\n"
                        "object s bookshelf against west wall aligned with d")
    desk, shelf = scene.object("d"), scene.object("s")
    assert approx(desk.position[1], 1.0) and desk.facing == "west"
    assert approx(shelf.position[1], desk.position[1]) and shelf.facing == "east"
    assert approx(desk.position[0], 4.0 - 0.05 - size("desk")[1] / 2)


def test_corner_backs_onto_the_first_wall_and_sides_onto_the_second():
    scene, _ = scene_of("object s bookshelf in southwest corner")
    w, d, _ = size("bookshelf")
    shelf = scene.object("s")
    assert shelf.facing == "north"
    assert approx(shelf.position[:2], (0.05 + w / 2, 0.05 + d / 2))


def test_left_and_right_are_the_targets_own_sides_backs_flush():
    scene, _ = scene_of("object b bed against north wall\n"
                        "object l nightstand left of b\nobject r nightstand right of b gap 1")
    bed, left, right = scene.object("b"), scene.object("l"), scene.object("r")
    bw, bd, _ = size("bed")
    nw, nd, _ = size("nightstand")
    # The bed faces south, so its own left is east.
    assert approx(left.position[0], 2.0 + bw / 2 + nw / 2)
    assert approx(right.position[0], 2.0 - bw / 2 - 0.1 - nw / 2)
    back = bed.position[1] + bd / 2
    assert approx(left.position[1] + nd / 2, back) and left.facing == "south"


def test_in_front_of_faces_the_target():
    scene, _ = scene_of("object d desk against east wall\nobject c office_chair in front of d gap 1")
    desk, chair = scene.object("d"), scene.object("c")
    assert chair.facing == "east"
    assert approx(chair.position[0], desk.position[0] - size("desk")[1] / 2 - 0.1 - size("office_chair")[1] / 2)
    assert approx(chair.position[1], desk.position[1])


def test_facing_an_object_snaps_to_the_nearest_compass_direction():
    scene, _ = scene_of("object t tv_stand against north wall\nobject s sofa at 20,8 facing t")
    assert scene.object("s").facing == "north"


def test_children_sit_on_the_parents_top_in_its_own_frame():
    scene, _ = scene_of("object d desk against east wall\non d {\n object l table_lamp in northeast corner\n}")
    desk, lamp = scene.object("d"), scene.object("l")
    assert lamp.parent == "d" and lamp.surface == "top"
    assert approx(lamp.position[2], desk.size[2])
    # The desk faces west: its front (local north) is west, its own right (local east) is north.
    lw, ld, _ = size("table_lamp")
    assert approx(lamp.position[0], desk.position[0] - desk.size[1] / 2 + ld / 2)
    assert approx(lamp.position[1], desk.position[1] + desk.size[0] / 2 - lw / 2)


def test_wall_and_ceiling_sub_layouts():
    scene, _ = scene_of("on north wall {\n object p painting at 20,16\n}\non ceiling {\n object c ceiling_light centered\n}")
    painting, light = scene.object("p"), scene.object("c")
    pw, pd, ph = painting.size
    assert painting.surface == "wall" and painting.facing == "south"
    assert approx(painting.position, (2.0, 3.45 - pd / 2, 1.6 - ph / 2))
    assert approx(light.position[2], 2.7 - light.size[2])


def test_wall_category_on_the_floor_is_mounted_on_its_wall():
    scene, diags = scene_of("object p painting against west wall")
    painting = scene.object("p")
    assert painting.surface == "wall" and painting.facing == "east" and painting.position[2] > 0.5
    assert not [d for d in diags if d.severity == "error"]


def test_group_around_a_long_table_fills_the_long_sides_first():
    scene, _ = scene_of("object t dining_table centered\ngroup c 6 dining_chair around t")
    chairs = [o for o in scene.objects if o.group == "c"]
    assert [o.id for o in chairs] == [f"c_{i}" for i in range(1, 7)]
    table = scene.object("t")
    assert {o.facing for o in chairs} == {"north", "south"}
    assert all(abs(o.position[1] - table.position[1]) > table.size[1] / 2 for o in chairs)


def test_group_row_and_grid_are_placed_like_one_object():
    scene, _ = scene_of("group d 6 desk grid 3x2 centered spacing 5")
    desks = [o for o in scene.objects if o.group == "d"]
    xs = sorted({round(o.position[0], 6) for o in desks})
    ys = sorted({round(o.position[1], 6) for o in desks})
    w, d, _ = size("desk")
    assert len(xs) == 3 and len(ys) == 2
    assert approx(xs[1] - xs[0], w + 0.5) and approx(ys[1] - ys[0], d + 0.5)
    assert approx(sum(xs) / 3, 2.0)


def test_shelf_levels_and_unknown_shelf():
    scene, diags = scene_of("object s bookshelf against north wall\non s shelf 2 {\n group b 3 book row centered\n}")
    shelf = scene.object("s")
    level = load_catalog().get("bookshelf").shelf_levels()[1]
    assert all(approx(o.position[2], level * shelf.size[2] / size("bookshelf")[2]) for o in scene.objects if o.group == "b")
    _, diags = scene_of("object s bookshelf against north wall\non s shelf 99 {\n object b book centered\n}")
    assert [d.code for d in diags] == ["no_surface"]


def test_names_are_resolved_with_suggestions():
    _, diags = scene_of("object bed1 bedd at 10,10\nobject n nightstand left of bde1")
    codes = {d.code: d for d in diags}
    assert "did you mean `bed`" in codes["unknown_category"].hint
    assert codes["unknown_reference"].hint == "did you mean `bed1`?"


def test_synonyms_resolve_to_the_canonical_category():
    scene, diags = scene_of("object s couch at 20,10")
    assert scene.object("s").category == "sofa" and not diags


def test_duplicate_ids_and_cycles_are_reported():
    _, diags = scene_of("object a bed at 10,10\nobject a desk at 30,10")
    assert [d.code for d in diags] == ["duplicate_id"]
    _, diags = scene_of("object a desk left of b\nobject b desk left of a")
    assert "cyclic_reference" in {d.code for d in diags}


def test_declaration_order_does_not_matter_for_references():
    scene, diags = scene_of("object n nightstand left of b\nobject b bed against north wall")
    assert not diags and scene.object("n").position[0] > scene.object("b").position[0]


def test_doors_join_rooms_that_share_the_wall():
    program = parse(HEADER + "room a bedroom rect 0,0 30x30 {\n door d on east wall\n}\n"
                    "room b hallway rect 30,0 20x30 {\n door e on east wall\n}\n")
    scene, diags = build_scene(program)
    doors = {o.id: o for o in scene.openings}
    assert doors["d"].rooms == ["a", "b"] and doors["e"].rooms == ["b"]
    assert approx(doors["d"].position, (3.0, 1.5, 0.0)) and doors["d"].yaw_deg == 90.0
    assert not diags


def test_polygon_rooms_name_their_longest_wall_per_side():
    program = parse(HEADER + "room l living_room poly 0,0 60,0 60,30 40,30 40,50 0,50 {\n"
                    " object s sofa against north wall\n object t tv_stand against wall 3\n}\n")
    scene, diags = build_scene(program)
    assert not diags
    sofa, stand = scene.object("s"), scene.object("t")
    assert approx(sofa.position[1], 5.0 - 0.05 - sofa.size[1] / 2) and approx(sofa.position[0], 2.0)
    assert approx(stand.position[0], 4.0 - 0.05 - stand.size[1] / 2) and stand.facing == "west"
    assert approx(stand.position[1], 4.0)


def test_bad_room_shapes_are_reported():
    _, diags = build_scene(parse(HEADER + "room l living_room poly 0,0 10,5 0,10 0,5\n"))
    assert [d.code for d in diags] == ["bad_room_shape"]


def test_edits_move_rotate_remove_replace_add():
    program = parse(HEADER + "room r bedroom rect 0,0 40x35 {\n object b bed against north wall\n"
                    " object d desk against east wall\n on d {\n  object l table_lamp centered\n }\n}\n"
                    "move b against west wall\nrotate d facing north\nremove l\n"
                    "replace b with bed \"twin bed\" size 10x20\nin r {\n object p plant in southwest corner\n}\n")
    scene, diags = build_scene(program)
    assert not diags
    bed = scene.object("b")
    assert bed.facing == "east" and approx(bed.size[:2], (1.0, 2.0)) and bed.description == "twin bed"
    assert scene.object("d").facing == "north" and scene.object("l") is None
    assert scene.object("p") is not None


def test_moving_a_hung_thing_against_another_wall_rehangs_it():
    program = parse(HEADER + "room r living_room rect 0,0 50x40 {\n on east wall {\n  object tv wall_tv at 20,15\n }\n}\n"
                    "move tv against north wall\n")
    scene, diags = build_scene(program)
    assert not diags
    tv = scene.object("tv")
    assert tv.facing == "south" and approx(tv.position[1], 4.0 - 0.05 - tv.size[1] / 2)


def test_same_script_same_scene():
    text = HEADER + "room r bedroom rect 0,0 40x35 {\n object t dining_table centered\n group c 5 dining_chair around t\n}\n"
    a, _ = build_scene(parse(text))
    b, _ = build_scene(parse(text))
    assert a.model_dump_json() == b.model_dump_json()


def test_offsets_on_numbered_walls_use_the_room_local_axis():
    program = parse(HEADER + "room l living_room poly 0,0 60,0 60,30 40,30 40,50 0,50 {\n"
                    " door d on wall 3 offset 42\n window w on wall 2 offset 50\n}\n")
    scene, diags = build_scene(program)
    assert not diags
    door, window = (scene.openings[0], scene.openings[1])
    assert approx(door.position[:2], (4.0, 4.2)) and door.yaw_deg == 90.0  # faces into the room: west
    assert approx(window.position[:2], (5.0, 3.0))
