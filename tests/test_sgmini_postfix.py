"""SG-Mini's prompt reading and the passes between decoding and the final scene (no model needed)."""

from __future__ import annotations

import pytest

from assets import load_catalog, plain_text
from compiler import compile_program, compile_text
from sgmini.doors import fix_doors
from sgmini.generate import drop_offenders
from sgmini.reading import edit_requirements, edit_scope, prompt_requirements, removals, scoped_edit
from sgmini.ids import tidy_ids
from sgmini.reanchor import reanchor
from sgmini.relations import apply_relations, prompt_relations
from spatialgrammar import parse


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.mark.parametrize("prompt, expected", [
    ("A small café with four café tables, two chairs at each, and a counter along the back wall.",
     {"cafe_table": 4, "chair": 8, "kitchen_counter": 1}),
    ("Nightstands on both sides of the bed, each with a table lamp.",
     {"nightstand": 2, "bed": 1, "table_lamp": 2}),
    ("Four student desks, each with a book on it.", {"school_desk": 4, "book": 4}),
    ("Three tables with a vase on each", {"table": 3, "vase": 3}),
    ("a bedroom with a double bed and two nightstands", {"bed": 1, "nightstand": 2}),
    ("A glass table and some glasses", {"table": 1, "glass": 2}),
])
def test_prompt_counts(catalog, prompt, expected):
    cats, _ = prompt_requirements(prompt, catalog)
    assert cats == expected


def test_accents_fold_in_catalog_lookup(catalog):
    assert plain_text("Café Crème") == "cafe creme"
    assert catalog.resolve("café table").name == "cafe_table"


def _errors(program) -> list:
    return [d for d in compile_program(program).diagnostics if d.severity == "error"]


def test_reanchor_moves_crowded_wall_objects_to_free_walls():
    program = parse("""scene "x" cell 0.1
room bedroom bedroom rect 0,0 40x30 {
  door door on south wall offset 6
  object bed bed against east wall
  object wardrobe wardrobe against east wall
  object desk desk against east wall
}
""")
    assert len(_errors(program)) >= 3
    fixed = reanchor(program)
    assert _errors(fixed) == []
    assert {o.id for o in compile_program(fixed).scene.objects} == {"bed", "wardrobe", "desk"}
    assert _errors(program), "the input program is left as it was"


def test_reanchor_puts_a_thing_off_its_surface_back_on_it():
    program = parse("""scene "x" cell 0.1
room bedroom bedroom rect 0,0 40x40 {
  door door on south wall offset 20
  object bed bed against north wall
  object ns nightstand left of bed
  on ns {
    object clock alarm_clock at 9,9
  }
}
""")
    assert any(d.code == "unsupported" for d in _errors(program))
    fixed = reanchor(program)
    assert _errors(fixed) == []
    clock = compile_program(fixed).scene.object("clock")
    assert clock.parent == "ns"


def test_drop_offenders_keeps_what_the_prompt_asked_for():
    text = """scene "x" cell 0.1
room r bedroom rect 0,0 30x30 {
  door d on south wall offset 15
  object bed bed centered
  object plant plant centered
}
"""
    kept = drop_offenders(text, text, keep={"plant": 1})
    assert kept.ok
    assert [o.category for o in kept.scene.objects] == ["plant"]
    default = drop_offenders(text, text)
    assert default.ok and len(default.scene.objects) == 1


def test_fix_doors_removes_a_door_drawn_from_both_sides_and_adds_the_way_in():
    raw = """room gym gym rect 0,0 70x50 {
door door on north wall offset 25
}
room lockers locker_room rect 0,50 60x35 {
door other on south wall offset 25
}
"""
    assert any(d.code == "opening_overlap" for d in compile_text(raw).diagnostics)
    fixed = fix_doors(raw, "A gym with an adjoining locker room; you come in from the street into the gym.")
    result = compile_text(fixed)
    assert not [d for d in result.diagnostics if d.severity == "error"]
    assert "door other" not in fixed
    gym_doors = [o for o in result.scene.openings if o.kind == "door" and o.room == "gym"]
    assert len(gym_doors) == 2  # the inner door and one to the outside


def test_hallway_opens_onto_every_room_it_touches():
    raw = """room hall hallway rect 0,30 80x15 {
door front on west wall offset 7
}
room b1 bedroom rect 0,0 40x30 {
}
room k kitchen rect 0,45 45x30 {
}
"""
    fixed = fix_doors(raw, "A flat: a hallway, a bedroom and a kitchen.")
    result = compile_text(fixed)
    assert not [d for d in result.diagnostics if d.severity == "error"]
    assert fixed.count("door ") == 3


def test_arrays_multiply_counts(catalog):
    cats, _ = prompt_requirements("Add two rows of three student desks facing the whiteboard.", catalog)
    assert cats["school_desk"] == 6


LIVING = """scene "x" cell 0.1
room living living_room rect 0,0 50x40 {
  door door on east wall offset 20
  object sofa sofa against north wall
  object coffee coffee_table in front of sofa gap 4
  object armchair armchair in southwest corner
  object armchair2 armchair in southeast corner
}
"""


def test_edit_requirements_ask_for_what_is_missing_or_more(catalog):
    have = {"sofa": 1, "coffee_table": 1, "armchair": 2, "dining_chair": 4}
    assert edit_requirements("Put a book and a candle on the coffee table.", have, catalog) == {"book": 1,
                                                                                               "candle": 1}
    assert edit_requirements("Add two more chairs at the table.", have, catalog) == {"chair": 2}
    assert edit_requirements("And a kettle right next to the sofa.", have, catalog) == {"kettle": 1}
    assert edit_requirements("Remove one of the armchairs.", have, catalog) == {}


def test_removals_take_out_what_the_model_left(catalog):
    scene = compile_text(LIVING).scene
    assert removals("Remove one of the armchairs.", scene, scene, catalog) == ["armchair2"]
    assert removals("Get rid of the armchairs", scene, scene, catalog) == ["armchair", "armchair2"]
    fewer = compile_text(LIVING.replace("  object armchair2 armchair in southeast corner\n", "")).scene
    assert removals("Remove one of the armchairs.", scene, fewer, catalog) == []
    assert removals("Add a lamp.", scene, scene, catalog) == []


def test_scoped_edit_drops_changes_the_instruction_does_not_ask_for(catalog):
    declared = {"sofa": "sofa", "coffee": "coffee_table", "armchair": "armchair"}
    edit = "on coffee {\nobject book book centered\n}\nremove coffee\nmove sofa against east wall\n"
    kept = scoped_edit(edit, declared, edit_scope("Put a book on the coffee table.", catalog))
    assert kept == "on coffee {\nobject book book centered\n}\n"
    moved = scoped_edit("move sofa against east wall\nremove armchair\n", declared,
                        edit_scope("Push the sofa against the east wall.", catalog))
    assert moved == "move sofa against east wall\n"


def test_tidy_ids_renames_ids_that_name_another_category(catalog):
    program = parse("""scene "x" cell 0.1
room d dining_room rect 0,0 50x40 {
  object table dining_table at 25,20
  object vase sideboard against west wall
  on vase {
    object sideboard vase centered
  }
}
move vase against east wall
""")
    tidy = tidy_ids(program, catalog)
    decls = {s.id: s.category for s in tidy.statements[0].body if hasattr(s, "category")}
    assert decls == {"table": "dining_table", "sideboard": "sideboard"}
    assert tidy.statements[0].body[2].surface.parent.name == "sideboard"
    assert tidy.statements[1].target.name == "sideboard"
    assert not [d for d in compile_program(tidy).diagnostics if d.severity == "error"]


@pytest.mark.parametrize("prompt, expected", [
    ("Home office: the desk sits under the window, an office chair in front of it, a bookshelf on the desk's left "
     "and a filing cabinet on its right.",
     [("desk", "under", "window"), ("office_chair", "in_front_of", "desk"), ("bookshelf", "left_of", "desk"),
      ("filing_cabinet", "right_of", "desk")]),
    ("A nightstand beside the bed with a table lamp and an alarm clock on it.",
     [("nightstand", "next_to", "bed"), ("table_lamp", "on", "nightstand"), ("alarm_clock", "on", "nightstand")]),
    ("Living room with a sectional sofa against the wall, a rug in front of it and a floor lamp right next to it.",
     [("rug", "in_front_of", "sectional_sofa"), ("floor_lamp", "next_to", "sectional_sofa")]),
    ("a bedroom with a double bed and two nightstands", []),
])
def test_prompt_relations(catalog, prompt, expected):
    assert [(r.thing, r.relation, r.target) for r in prompt_relations(prompt, catalog)] == expected


def test_apply_relations_makes_the_prompt_true(catalog):
    program = parse("""scene "x" cell 0.1
room office office rect 0,0 40x35 {
  door door on south wall offset 6
  window w on north wall offset 25
  object desk desk against east wall
  object bookshelf bookshelf against west wall
  object lamp desk_lamp in northwest corner
}
""")
    rels = prompt_relations("The desk under the window with a desk lamp on it, a bookshelf on the desk's left.",
                            catalog)
    result = compile_program(apply_relations(program, rels, catalog))
    assert not [d for d in result.diagnostics if d.severity == "error"]
    scene = result.scene
    assert scene.object("lamp").parent == "desk"
    desk = scene.object("desk")
    assert desk.facing == "south" and abs(desk.position[0] - 2.5) < 0.05  # against the north wall, at the window
    assert scene.object("bookshelf").position[0] > desk.position[0]  # facing south, the desk's left is east
