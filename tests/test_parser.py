"""Parser: every statement to its AST, spans, every parser diagnostic code, the CLI surface."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spatialgrammar import ParseError, ast, parse, parse_diagnostics
from spatialgrammar.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_GRID, MAX_OBJECTS

ROOT = Path(__file__).resolve().parent.parent
HEADER = 'scene "t" cell 0.1\n'


def stmt(text: str):
    """The single top-level statement of ``text`` (a header is added)."""
    program = parse(HEADER + text + "\n")
    assert len(program.statements) == 1, program.statements
    return program.statements[0]


def clauses(text: str) -> ast.Clauses:
    return stmt(f"object a bed {text}").clauses


def errors(text: str) -> list:
    """Every error diagnostic of ``text`` (no header is added)."""
    _, found = parse_diagnostics(text)
    return [d for d in found if d.severity == "error"]


def codes(text: str) -> list[str]:
    return [d.code for d in errors(text)]


def only(text: str, code: str):
    """The one diagnostic ``text`` produces, which must have ``code``."""
    found = errors(text)
    assert [d.code for d in found] == [code], [d.render_short() for d in found]
    return found[0]


# ---- statements to AST ---------------------------------------------------------------------------


def test_scene_header_fields_and_defaults():
    program = parse('scene "My flat" cell 0.05 thickness 0.12\n')
    assert program.scene == ast.SceneHeader(name="My flat", cell=0.05, thickness=0.12)
    assert program.statements == []
    bare = parse("object a bed\n")
    assert bare.scene == ast.SceneHeader(name="Untitled", cell=0.1, thickness=0.1)


def test_room_rect_with_options():
    room = stmt("room br bedroom rect 10,-5 40x35 height 2.6 floor oak walls white")
    assert isinstance(room, ast.Room)
    assert (room.id, room.type) == ("br", "bedroom")
    assert room.shape == ast.Rect(x=10, y=-5, w=40, h=35)
    assert (room.height, room.floor, room.walls) == (2.6, "oak", "white")
    assert room.body == []


def test_room_poly_keeps_its_corners_in_order():
    room = stmt("room l living_room poly 0,0 50,0 50,30 30,30 30,45 0,45 {\n}")
    assert room.shape == ast.Poly(points=[(0, 0), (50, 0), (50, 30), (30, 30), (30, 45), (0, 45)])
    assert room.height is None and room.floor is None and room.walls is None


def test_door_with_every_option():
    room = stmt("room r x rect 0,0 30x30 {\n"
                "door d on south wall offset 8 width 10 height 2.2 swing out hinge right\n}")
    door = room.body[0]
    assert door == ast.Opening(kind="door", id="d", wall=ast.WallRef(side="south"), offset=8,
                               width=10, height=2.2, swing="out", hinge="right")


def test_door_defaults_are_left_to_the_compiler():
    door = stmt("room r x rect 0,0 30x30 {\ndoor d on wall 2\n}").body[0]
    assert door.wall == ast.WallRef(index=2)
    assert (door.offset, door.width, door.height, door.swing, door.hinge) == (None,) * 5


def test_window_with_every_option():
    window = stmt("room r x rect 0,0 30x30 {\n"
                  "window w on E wall offset 12 width 14 sill 0.8 height 1.4\n}").body[0]
    assert window == ast.Opening(kind="window", id="w", wall=ast.WallRef(side="east"), offset=12,
                                 width=14, sill=0.8, height=1.4)


def test_object_with_description_and_overrides():
    obj = stmt('object sofa sofa "grey sofa, three seats" at 12,-3 facing east size 20x9 '
               "height 0.8")
    assert isinstance(obj, ast.ObjectDecl)
    assert (obj.id, obj.category, obj.description) == ("sofa", "sofa", "grey sofa, three seats")
    assert obj.clauses == ast.Clauses(
        placement=ast.At(x=12, y=-3), facing=ast.Facing(direction="east"),
        size=ast.Size(w=20, d=9), height=0.8)


@pytest.mark.parametrize(("text", "placement"), [
    ("at 3,4", ast.At(x=3, y=4)),
    ("against north wall", ast.Against(side="north")),
    ("against W wall", ast.Against(side="west")),
    ("against wall 3", ast.Against(index=3)),
    ("in northeast corner", ast.InCorner(corner="northeast")),
    ("in SW corner", ast.InCorner(corner="southwest")),
    ("centered", ast.Centered()),
    ("left of b", ast.Relative(relation="left_of", target=ast.Ref(name="b"))),
    ("right of b", ast.Relative(relation="right_of", target=ast.Ref(name="b"))),
    ("in front of b", ast.Relative(relation="in_front_of", target=ast.Ref(name="b"))),
    ("behind b", ast.Relative(relation="behind", target=ast.Ref(name="b"))),
    ("next to b", ast.Relative(relation="next_to", target=ast.Ref(name="b"))),
    ("around b", ast.Around(target=ast.Ref(name="b"))),
])
def test_every_placement(text, placement):
    assert clauses(text).placement == placement


@pytest.mark.parametrize(("text", "facing"), [
    ("facing north", ast.Facing(direction="north")),
    ("facing S", ast.Facing(direction="south")),
    ("facing southwest", ast.Facing(direction="southwest")),
    ("facing NE", ast.Facing(direction="northeast")),
    ("facing 30", ast.Facing(angle=30.0)),
    ("facing 22.5", ast.Facing(angle=22.5)),
    ("facing -90", ast.Facing(angle=270.0)),
    ("facing 450", ast.Facing(angle=90.0)),
    ("facing sofa", ast.Facing(target=ast.Ref(name="sofa"))),
])
def test_every_facing(text, facing):
    assert clauses(text).facing == facing


def test_relative_placement_clauses():
    c = clauses("against east wall offset 7 aligned with desk gap 2")
    assert c.placement == ast.Against(side="east")
    assert (c.offset, c.aligned_with, c.gap) == (7, ast.Ref(name="desk"), 2)


def test_clause_order_does_not_matter():
    assert clauses("facing west at 1,2 size 3x4") == clauses("size 3x4 at 1,2 facing west")


@pytest.mark.parametrize(("text", "arrangement", "placement"), [
    ("row against north wall spacing 1", ast.Row(), ast.Against(side="north")),
    ("grid 3x2 at 10,10 spacing 2", ast.Grid(columns=3, rows=2), ast.At(x=10, y=10)),
    ("around table gap 1", None, ast.Around(target=ast.Ref(name="table"))),
])
def test_groups(text, arrangement, placement):
    group = stmt(f'group chairs 4 dining_chair "oak chairs" {text}')
    assert isinstance(group, ast.GroupDecl)
    assert (group.id, group.count, group.category, group.description) == (
        "chairs", 4, "dining_chair", "oak chairs")
    assert group.clauses.arrangement == arrangement
    assert group.clauses.placement == placement


def test_group_spacing_and_gap():
    c = stmt("group books 6 book row centered spacing 1").clauses
    assert c.spacing == 1 and c.placement == ast.Centered()
    assert stmt("group c 2 dining_chair around t gap 3").clauses.gap == 3


@pytest.mark.parametrize(("head", "surface"), [
    ("on desk", ast.SurfaceRef(kind="top", parent=ast.Ref(name="desk"))),
    ("on desk top", ast.SurfaceRef(kind="top", parent=ast.Ref(name="desk"))),
    ("on shelf shelf 2", ast.SurfaceRef(kind="shelf", parent=ast.Ref(name="shelf"), level=2)),
    ("on north wall", ast.SurfaceRef(kind="wall", wall=ast.WallRef(side="north"))),
    ("on wall 4", ast.SurfaceRef(kind="wall", wall=ast.WallRef(index=4))),
    ("on ceiling", ast.SurfaceRef(kind="ceiling")),
])
def test_every_surface(head, surface):
    block = stmt(f"{head} {{\n  object x cup at 1,1\n}}")
    assert isinstance(block, ast.OnBlock)
    assert block.surface == surface
    assert [s.id for s in block.body] == ["x"]


def test_one_line_and_empty_blocks():
    block = stmt("on desk { object x cup at 1,1 }")
    assert [s.id for s in block.body] == ["x"]
    assert stmt("on desk {}").body == []
    assert stmt("on desk {\n}").body == []


def test_nested_blocks_keep_their_structure():
    room = stmt("room r office rect 0,0 30x30 {\n"
                "  object desk desk against north wall\n"
                "  on desk {\n"
                "    object tray book at 3,3\n"
                "    on tray {\n"
                "      object cup cup centered\n"
                "    }\n"
                "  }\n"
                "}")
    outer = room.body[1]
    inner = outer.body[1]
    assert inner.surface.parent == ast.Ref(name="tray")
    assert inner.body[0].id == "cup"


def test_edit_statements():
    program = parse(HEADER + "move bed against west wall offset 5 facing east\n"
                             "rotate chair facing 45\n"
                             "remove lamp\n"
                             'replace chair with armchair "leather" size 8x8 height 0.9\n'
                             "in bedroom {\n  object p plant in NW corner\n}\n"
                             "on desk {\n  object c cup centered\n}\n")
    move, rotate, remove, replace, in_block, on_block = program.statements
    assert move == ast.Move(target=ast.Ref(name="bed"), clauses=ast.Clauses(
        placement=ast.Against(side="west"), offset=5, facing=ast.Facing(direction="east")))
    assert rotate == ast.Rotate(target=ast.Ref(name="chair"), facing=ast.Facing(angle=45.0))
    assert remove == ast.Remove(target=ast.Ref(name="lamp"))
    assert replace == ast.Replace(target=ast.Ref(name="chair"), category="armchair",
                                  description="leather",
                                  clauses=ast.Clauses(size=ast.Size(w=8, d=8), height=0.9))
    assert in_block.room == ast.Ref(name="bedroom")
    assert in_block.body[0].clauses.placement == ast.InCorner(corner="northwest")
    assert on_block.surface.parent == ast.Ref(name="desk")


def test_rotate_to_a_direction_or_an_object():
    assert stmt("rotate a facing W").facing == ast.Facing(direction="west")
    assert stmt("rotate a facing b").facing == ast.Facing(target=ast.Ref(name="b"))


def test_ids_may_start_with_keywords():
    obj = stmt("object rowan rug at 1,1 facing Northern")
    assert obj.id == "rowan"
    assert obj.clauses.facing == ast.Facing(target=ast.Ref(name="Northern"))
    assert stmt("in in_room {\n}").room.name == "in_room"


def test_blank_lines_indentation_and_crlf_are_free():
    text = 'scene "t" cell 0.1\r\n\r\n\t  object a bed at 1,1   \r\n\n\n   object b bed at 5,5\r\n'
    program = parse(text)
    assert [s.id for s in program.statements] == ["a", "b"]


def test_no_trailing_newline_needed():
    assert parse("object a bed at 1,1").statements[0].id == "a"


def test_trailing_comment_and_hash_inside_description():
    program = parse('object a bed "bed #1" at 1,1  # the main bed\n')
    obj = program.statements[0]
    assert obj.description == "bed #1"
    assert obj.note == "the main bed"


def test_leading_comment_is_kept():
    program = parse('# a bedroom\nscene "t" cell 0.1\n')
    assert program.scene.comments == ["a bedroom"]


def test_comment_lines_between_statements():
    """Comment-only lines anywhere (between statements, inside blocks, at the end) are part of
    the line break (grammar.lark `_NL`), and each comment is kept on the next statement."""
    text = (HEADER + "# the bed\nobject a bed at 1,1\n\n# the lamp\n   # second line\n"
            "room r x rect 0,0 10x10 {\n  # inside\n  object b bed\n  # last in block\n}\n# end\n")
    program, found = parse_diagnostics(text)
    assert found == []
    assert program.statements[0].comments == ["the bed"]
    assert program.statements[1].comments == ["the lamp", "second line"]


def test_two_comment_lines_at_the_top():
    """Several comment lines before the `scene` line are one line break."""
    assert codes('# one\n# two\nscene "t" cell 0.1\n') == []


# ---- spans ---------------------------------------------------------------------------------------

SPANNED = """scene "Flat" cell 0.1 thickness 0.12
room bed bedroom rect 0,0 40x35 height 2.6 floor oak walls white {
  door entry on south wall offset 8 width 9 height 2.1 swing out hinge right
  object bed bed "queen bed" against north wall facing south
  on bed {
    object book book at 3,4
  }
}
move bed at 10,10
"""


def span(node) -> tuple[int, int, int, int]:
    s = node.span
    return (s.line, s.column, s.end_line, s.end_column)


def test_spans_are_one_based_and_end_exclusive():
    program = parse(SPANNED)
    room = program.statements[0]
    door, bed, on_bed = room.body
    move = program.statements[1]
    assert span(program.scene) == (1, 1, 1, 37)
    assert span(room) == (2, 1, 8, 2)  # through the closing brace
    assert span(room.shape) == (2, 18, 2, 32)  # `rect 0,0 40x35`
    assert span(door) == (3, 3, 3, 77)
    assert span(door.wall) == (3, 17, 3, 27)  # `south wall`
    assert span(bed) == (4, 3, 4, 61)
    assert span(bed.clauses.placement) == (4, 30, 4, 48)  # `against north wall`
    assert span(bed.clauses.facing) == (4, 49, 4, 61)
    assert span(on_bed) == (5, 3, 7, 4)
    assert span(on_bed.surface) == (5, 6, 5, 9)
    assert span(on_bed.body[0].clauses.placement) == (6, 22, 6, 28)  # `at 3,4`
    assert span(move) == (9, 1, 9, 18)
    assert span(move.target) == (9, 6, 9, 9)


def test_span_text_matches_the_source():
    lines = SPANNED.splitlines()
    program = parse(SPANNED)
    bed = program.statements[0].body[1]
    s = bed.clauses.placement.span
    assert lines[s.line - 1][s.column - 1:s.end_column - 1] == "against north wall"
    s = bed.span
    assert lines[s.line - 1][s.column - 1:s.end_column - 1] == (
        'object bed bed "queen bed" against north wall facing south')


def test_nodes_compare_equal_whatever_their_spans():
    a = parse("object a bed at 1,1\n").statements[0]
    b = parse("\n\n    object a bed   at 1 , 1\n").statements[0]
    assert a.span != b.span
    assert a == b


# ---- diagnostics: one test per parser code -------------------------------------------------------


def test_syntax():
    d = only(HEADER + "object a bed at 1 2\n", "syntax")
    assert (d.span.line, d.span.column) == (2, 19)
    assert "`,`" in d.message


def test_syntax_unterminated_description():
    d = only('object a bed "queen\n', "syntax")
    assert "description" in d.message
    assert d.span.line == 1


def test_syntax_stray_character():
    d = only("object a bed @ 1,1\n", "syntax")
    assert "`@`" in d.message and d.span.column == 14


def test_syntax_stray_closing_brace():
    d = only("object a bed\n}\n", "syntax")
    assert d.span.line == 2 and d.span.column == 1


def test_unknown_keyword():
    d = only(HEADER + "objet lamp table_lamp at 1,1\n", "unknown_keyword")
    assert d.span.line == 2 and d.span.column == 1
    assert "`objet`" in d.message
    assert "`object`" in d.hint


def test_unknown_keyword_inside_a_statement():
    d = only(HEADER + "object bed bed agaisnt north wall\n", "unknown_keyword")
    assert (d.span.line, d.span.column, d.span.end_column) == (2, 16, 23)
    assert "`against`" in d.hint


def test_unknown_direction():
    d = only(HEADER + "object bed bed against nort wall\n", "unknown_direction")
    assert (d.span.line, d.span.column, d.span.end_column) == (2, 24, 28)
    assert "`north`" in d.hint


@pytest.mark.parametrize(("line", "word"), [
    ("door d on Sout wall", "south"),
    ("object a bed in northeats corner", "northeast"),
    ("object a bed against easst wall", "east"),
])
def test_unknown_direction_names_the_right_word(line, word):
    d = only(HEADER + line + "\n", "unknown_direction")
    assert d.span.line == 2
    assert f"`{word}`" in d.hint


def test_misspelled_direction_in_an_on_wall_block():
    """`on nort wall {` is a misspelled side, not an object called `nort`."""
    d = errors(HEADER + "room r x rect 0,0 30x30 {\n  on nort wall {\n  }\n}\n")[0]
    assert d.span.line == 3
    assert d.code == "unknown_direction"
    assert "`north`" in (d.hint or "")


def test_unclosed_block():
    text = HEADER + "room r bedroom rect 0,0 40x35 {\n  object a bed at 1,1\n"
    d = only(text, "unclosed_block")
    assert d.span.line >= 2


def test_unclosed_block_still_reports_what_it_holds():
    text = HEADER + "room r bedroom rect 0,0 40x35 {\n  object a bed at 1.5,1\n"
    assert sorted(codes(text)) == ["not_whole_cells", "unclosed_block"]


def test_two_unclosed_blocks_are_one_fault_inside_the_file():
    """Several missing `}` are one fault, reported once, on a line of the file (recovery appends
    `}` lines to keep checking what the blocks hold)."""
    text = "room a x rect 0,0 10x10 {\n  on b {\n    object c cup\n"
    found = errors(text)
    line_count = text.count("\n") + 1
    assert all(d.span.line <= line_count for d in found), [d.render_short() for d in found]
    assert [d.code for d in found] == ["unclosed_block"]


def test_not_whole_cells():
    d = only(HEADER + "object a bed at 1.5,2\n", "not_whole_cells")
    assert (d.span.line, d.span.column, d.span.end_column) == (2, 17, 20)
    assert "`2`" in d.hint


@pytest.mark.parametrize("line", [
    "room r x rect 0,0 10x10 {\n  door d on south wall width 8.5\n}",
    "group g 2.5 dining_chair row",
    "object a bed against wall 1.5",
    "object a bed at 1,1 gap 0.5",
])
def test_not_whole_cells_everywhere(line):
    assert "not_whole_cells" in codes(HEADER + line + "\n")


def test_duplicate_clause():
    d = only(HEADER + "object a bed at 1,1 against north wall\n", "duplicate_clause")
    assert "placement" in d.message
    assert (d.span.line, d.span.column) == (2, 21)


def test_duplicate_option_on_a_door():
    assert codes(HEADER + "room r x rect 0,0 9x9 {\ndoor d on N wall width 8 width 9\n}\n") == [
        "duplicate_clause"]


@pytest.mark.parametrize(("line", "word"), [
    ("object a bed row", "row"),
    ("object a bed spacing 2", "spacing"),
    ("room r x rect 0,0 9x9 {\ndoor d on N wall sill 1\n}", "sill"),
    ("room r x rect 0,0 9x9 {\nwindow w on N wall swing in\n}", "swing"),
    ("replace a with sofa at 1,1", "at"),
    ("move a row", "row"),
])
def test_misplaced_clause(line, word):
    d = only(HEADER + line + "\n", "misplaced_clause")
    assert f"`{word}`" in d.message


def test_misplaced_scene():
    d = only("object a bed\nscene \"late\" cell 0.1\n", "misplaced_scene")
    assert d.span.line == 2
    assert codes('scene "a" cell 0.1\nscene "b" cell 0.1\n') == ["misplaced_scene"]
    assert codes('room r x rect 0,0 9x9 {\nscene "c" cell 0.1\n}\n') == ["misplaced_scene"]


@pytest.mark.parametrize("count", ["0", "-2"])
def test_bad_count(count):
    d = only(HEADER + f"group g {count} dining_chair row\n", "bad_count")
    assert d.span.line == 2 and d.span.column == 9


def test_file_too_large():
    text = HEADER + "object a bed at 1,1\n" * (MAX_FILE_BYTES // 20 + 1)
    d = only(text, "file_too_large")
    assert d.span.line == 1


def test_too_many_objects():
    assert codes(HEADER + f"group g {MAX_OBJECTS} book row\n") == []
    text = HEADER + "object a bed\n" + f"group g {MAX_OBJECTS} book row\n"
    only(text, "too_many_objects")


@pytest.mark.parametrize("line", [
    f"object a bed at {MAX_GRID + 1},0",
    f"object a bed at 0,-{MAX_GRID + 1}",
    f"room r x rect 0,0 {MAX_GRID + 1}x10",
    f"object a bed size 10x{MAX_GRID + 5}",
    f"object a bed left of b gap {MAX_GRID + 1}",
])
def test_grid_too_large(line):
    d = only(HEADER + line + "\n", "grid_too_large")
    assert d.span.line == 2
    assert codes(HEADER + line.replace(str(MAX_GRID + 1), str(MAX_GRID))
                 .replace(str(MAX_GRID + 5), str(MAX_GRID)) + "\n") == []


def nested(depth: int) -> str:
    opening = "".join(f"{'  ' * i}on p{i} {{\n" for i in range(depth))
    closing = "".join(f"{'  ' * i}}}\n" for i in reversed(range(depth)))
    return HEADER + opening + "  " * depth + "object x cup\n" + closing


def test_nesting_too_deep():
    assert codes(nested(MAX_DEPTH)) == []
    d = only(nested(MAX_DEPTH + 1), "nesting_too_deep")
    assert d.span.line == 2 + MAX_DEPTH


def test_very_deep_nesting_is_a_diagnostic_not_a_crash():
    """A few hundred nested blocks (a 3 kB file) once made the tree transformer recurse past
    Python's limit (lark VisitError); they are a diagnostic."""
    _, found = parse_diagnostics(nested(400))
    assert "nesting_too_deep" in [d.code for d in found]


def test_errors_late_in_a_long_file_are_found_quickly():
    """BUG (parser.py, recovery loop): every error re-parses the whole text from the top, so N
    errors after many good lines cost N full parses (50 errors after 1,000 good lines: 13 s; a
    1 MB file would take minutes), while the same errors at the top cost almost nothing."""
    good = "".join(f"object o{i} bed at {i % 100},{i % 50} facing north\n" for i in range(400))
    bad = "object x bed at 1 2\n" * 30
    parse_diagnostics(good)  # warm-up
    start = time.perf_counter()
    parse_diagnostics(good)
    clean = time.perf_counter() - start
    start = time.perf_counter()
    _, found = parse_diagnostics(good + bad)
    broken = time.perf_counter() - start
    assert len(found) == 30
    assert broken < 5 * clean + 0.5, f"{broken:.2f} s with 30 errors, {clean:.2f} s without"


# ---- several errors, glued keywords --------------------------------------------------------------


def test_several_errors_in_one_file_are_all_reported():
    text = (HEADER
            + "objet a bed at 1,1\n"               # 2 unknown_keyword
            + "object b bed against nort wall\n"   # 3 unknown_direction
            + "object c bed at 1.5,2\n"            # 4 not_whole_cells
            + "object d bed at 1,1 at 2,2\n"       # 5 duplicate_clause
            + "room r x rect 0,0 9x9 {\n"
            + "  door e on N wall sill 1\n"        # 7 misplaced_clause
            + "  object f bed at 1 1\n"            # 8 syntax
            + "}\n"
            + "group g 0 book row\n")              # 10 bad_count
    found = errors(text)
    assert [(d.code, d.span.line) for d in found] == [
        ("unknown_keyword", 2), ("unknown_direction", 3), ("not_whole_cells", 4),
        ("duplicate_clause", 5), ("misplaced_clause", 7), ("syntax", 8), ("bad_count", 10)]


def test_errors_come_sorted_and_carry_the_file_name():
    _, found = parse_diagnostics("object a bed at 1 2\nobjet b bed\n", file="x.sg")
    assert [d.span.line for d in found] == [1, 2]
    assert {d.file for d in found} == {"x.sg"}


def test_parse_raises_parse_error_with_every_diagnostic():
    with pytest.raises(ParseError) as info:
        parse("objet a bed\nobject b bed at 1.5,1\n", file="y.sg")
    assert [d.code for d in info.value.diagnostics] == ["unknown_keyword", "not_whole_cells"]
    assert "y.sg:1:1" in str(info.value)


@pytest.mark.parametrize("line", [
    "roomr bedroom rect 0,0 10x10",
    "object lamp table_lamp next tobed",
    "object lamp table_lamp behindbed",
    "object lamp table_lamp left ofbed",
    "object lamp table_lamp at 1,1 facingnorth",
])
def test_keywords_glued_to_the_next_word_are_errors(line):
    """Keywords are whole words: the contextual lexer once matched a keyword as a prefix where no
    name may follow, so `roomr bedroom ...` parsed as `room r bedroom ...`."""
    assert errors(HEADER + line + "\n"), f"{line!r} was accepted"


# ---- the command line ----------------------------------------------------------------------------

runner = CliRunner()


def cli():
    from spatialgrammar.cli import app

    return app


def test_check_json_fields_and_exit_code_1(tmp_path):
    bad = tmp_path / "bad.sg"
    bad.write_text(HEADER + "object a bed against nort wall\n")
    result = runner.invoke(cli(), ["check", "--json", str(bad)])
    assert result.exit_code == 1, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    row = rows[0]
    assert set(row) >= {"file", "code", "severity", "message", "line", "column", "end_line",
                        "end_column", "objects", "hint"}
    assert row["file"] == str(bad)
    assert (row["code"], row["severity"]) == ("unknown_direction", "error")
    assert (row["line"], row["column"], row["end_line"], row["end_column"]) == (2, 22, 2, 26)
    assert isinstance(row["objects"], list)
    assert "`north`" in row["hint"]


def test_check_exit_code_0_on_a_clean_script(tmp_path):
    good = tmp_path / "good.sg"
    good.write_text(HEADER + "room r bedroom rect 0,0 30x30 {\n  door d on south wall\n}\n")
    result = runner.invoke(cli(), ["check", "--json", str(good)])
    assert result.exit_code == 0, result.output
    assert [d for d in json.loads(result.stdout) if d["severity"] == "error"] == []


def test_check_human_output_has_location_and_help(tmp_path):
    bad = tmp_path / "bad.sg"
    bad.write_text(HEADER + "objet a bed\n")
    result = runner.invoke(cli(), ["check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2:1: error[unknown_keyword]" in result.output
    assert "help: did you mean `object`?" in result.output


def test_fmt_reads_stdin_and_writes_stdout():
    result = runner.invoke(cli(), ["fmt", "-"], input="object   a bed facing W   at 1 , 2\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == 'scene "Untitled" cell 0.1\n\nobject a bed at 1,2 facing west\n'


def test_fmt_stdin_with_errors_exits_1():
    result = runner.invoke(cli(), ["fmt", "-"], input="objet a bed\n")
    assert result.exit_code == 1
    assert "unknown_keyword" in result.output


def test_fmt_check_reports_files_that_would_change(tmp_path):
    messy = tmp_path / "messy.sg"
    messy.write_text("object a bed   at 1,2\n")
    result = runner.invoke(cli(), ["fmt", "--check", str(messy)])
    assert result.exit_code == 1
    assert messy.read_text() == "object a bed   at 1,2\n"
    assert runner.invoke(cli(), ["fmt", str(messy)]).exit_code == 0
    assert runner.invoke(cli(), ["fmt", "--check", str(messy)]).exit_code == 0


def test_python_dash_m_help():
    result = subprocess.run([sys.executable, "-m", "spatialgrammar", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for command in ("check", "fmt", "textbook"):
        assert command in result.stdout


# ---- the examples exercise the whole language ----------------------------------------------------


def features(program: ast.Program) -> set[str]:
    """Names of the constructs a program uses."""
    found: set[str] = set()
    if program.scene.thickness != 0.1:
        found.add("scene thickness")

    def clause_features(c: ast.Clauses) -> None:
        if c.placement is not None:
            p = c.placement
            found.add(f"placement {p.relation if isinstance(p, ast.Relative) else p.kind}")
            if isinstance(p, ast.Against):
                found.add("against wall K" if p.index is not None else "against side")
        if c.arrangement is not None:
            found.add(f"arrangement {c.arrangement.kind}")
        if c.facing is not None:
            f = c.facing
            found.add("facing object" if f.target else "facing angle" if f.angle is not None
                      else "facing corner" if f.direction in ast.CORNER_WORDS.values()
                      else "facing direction")
        for key in ("aligned_with", "gap", "offset", "spacing", "size", "height"):
            if getattr(c, key) is not None:
                found.add(key)

    def walk(items, depth: int = 0) -> None:
        for s in items:
            found.add(s.kind)
            if s.comments:
                found.add("comment line")
            if s.note:
                found.add("trailing comment")
            if getattr(s, "description", None):
                found.add("description")
            if isinstance(s, ast.Room):
                found.add(f"room {s.shape.kind}")
                for key in ("height", "floor", "walls"):
                    if getattr(s, key) is not None:
                        found.add(f"room {key}")
            if isinstance(s, ast.Opening):
                where = "on wall K" if s.wall.index is not None else "on side"
                found.add(f"{s.kind} {where}")
                for key in ("offset", "width", "height", "sill", "swing", "hinge"):
                    if getattr(s, key) is not None:
                        found.add(f"{s.kind} {key}")
                if s.swing:
                    found.add(f"swing {s.swing}")
                if s.hinge:
                    found.add(f"hinge {s.hinge}")
            if isinstance(s, ast.OnBlock):
                found.add(f"on {s.surface.kind}" + (" K" if s.surface.wall and s.surface.wall.index
                                                     is not None else ""))
                if depth:
                    found.add("nested on")
            if isinstance(s, (ast.ObjectDecl, ast.GroupDecl, ast.Move, ast.Replace)):
                clause_features(s.clauses)
            if isinstance(s, ast.Rotate):
                clause_features(ast.Clauses(facing=s.facing))
            walk(getattr(s, "body", []), depth + isinstance(s, ast.OnBlock))

    walk(program.statements)
    if program.scene.comments or program.end_comments:
        found.add("comment line")
    return found


EVERY_FEATURE = {
    "scene thickness", "room rect", "room poly", "room height", "room floor", "room walls",
    "door on side", "door on wall K", "door offset", "door width", "swing in", "swing out",
    "hinge left", "hinge right", "window on side", "window offset", "window width", "window sill",
    "window height", "object", "group", "description", "comment line", "trailing comment",
    "placement at", "against side", "against wall K", "placement corner", "placement centered",
    "placement left_of", "placement right_of", "placement in_front_of", "placement behind",
    "placement next_to", "placement around", "arrangement row", "arrangement grid",
    "facing direction", "facing corner", "facing angle", "facing object", "aligned_with", "gap",
    "offset", "spacing", "size", "height", "on top", "on shelf", "on wall", "on wall K",
    "on ceiling", "nested on", "move", "rotate", "remove", "replace", "in",
}


def test_the_examples_use_every_feature():
    used: set[str] = set()
    for path in sorted((ROOT / "examples").glob("*.sg")):
        used |= features(parse(path.read_text(encoding="utf-8"), file=str(path)))
    assert EVERY_FEATURE - used == set()
    top_level_on = any(
        isinstance(s, ast.OnBlock)
        for path in (ROOT / "examples").glob("*.sg")
        for s in parse(path.read_text(encoding="utf-8")).statements)
    assert top_level_on, "an edit adds onto an existing object with a top-level `on` block"


def test_examples_check_clean():
    """`sgram check examples/*.sg` reports nothing: no error and no warning."""
    paths = sorted(str(p) for p in (ROOT / "examples").glob("*.sg"))
    result = runner.invoke(cli(), ["check", "--json", *paths])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
