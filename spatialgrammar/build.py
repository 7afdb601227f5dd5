"""Lark parse tree -> typed AST, with semantic diagnostics for misused clauses."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from lark import Token, Transformer, v_args
from lark.tree import Meta

from . import ast
from .diagnostics import Diagnostic

RECOVER = "__recover__"  # room name of the placeholder blocks inserted by error recovery

OBJECT_CLAUSES = {"placement", "facing", "aligned_with", "gap", "offset", "size", "height"}
GROUP_CLAUSES = OBJECT_CLAUSES | {"arrangement", "spacing"}
REPLACE_CLAUSES = {"size", "height", "facing"}
DOOR_OPTIONS = {"offset", "width", "height", "swing", "hinge"}
WINDOW_OPTIONS = {"offset", "width", "height", "sill"}
ROOM_OPTIONS = {"height", "floor", "walls"}
SCENE_OPTIONS = {"cell", "thickness"}


@dataclass
class Opt:
    """One ``keyword value`` clause as parsed, before it is folded into its statement."""

    key: str
    value: Any
    span: ast.Span
    word: str


def span_of(item: Meta | Token) -> ast.Span:
    """The 1-based, end-exclusive span of a tree node's meta or a token."""
    return ast.Span(
        line=item.line, column=item.column, end_line=item.end_line, end_column=item.end_column
    )


@v_args(meta=True)
class Builder(Transformer):
    """Builds AST nodes; collects (does not raise) the diagnostics it finds."""

    def __init__(self) -> None:
        super().__init__()
        self.diagnostics: list[Diagnostic] = []

    # ---- helpers -----------------------------------------------------------------

    def _error(self, code: str, message: str, span: ast.Span, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(code=code, message=message, span=span, hint=hint))

    def _cells(self, tok: Token, what: str = "cells") -> int:
        value = float(tok)
        if value != int(value):
            self._error(
                "not_whole_cells",
                f"`{tok}` is not a whole number of {what}",
                span_of(tok),
                f"grid positions and widths are whole cells: write `{round(value)}`",
            )
        return int(round(value))

    def _fold(self, opts: list[Opt], allowed: set[str], owner: str) -> dict[str, Any]:
        """Fold clauses into a dict, reporting repeated and misplaced ones once each."""
        found: dict[str, Any] = {}
        for opt in opts:
            if opt.key not in allowed:
                self._error(
                    "misplaced_clause",
                    f"`{opt.word}` cannot be used on {owner}",
                    opt.span,
                    f"remove `{opt.word}` from this line",
                )
            elif opt.key in found:
                self._error(
                    "duplicate_clause",
                    f"{opt.key.replace('_', ' ')} is given twice on {owner}",
                    opt.span,
                    "keep only one of them",
                )
            else:
                found[opt.key] = opt.value
        return found

    def _clauses(self, opts: list[Opt], allowed: set[str], owner: str) -> ast.Clauses:
        return ast.Clauses(**self._fold(opts, allowed, owner))

    @staticmethod
    def _text(tok: Token | None) -> str | None:
        return None if tok is None else str(tok)[1:-1]

    @staticmethod
    def _split(children: list, count: int) -> tuple[list, list]:
        return children[:count], children[count:]

    # ---- words -------------------------------------------------------------------------

    def point(self, meta, ch):
        return (self._cells(ch[0]), self._cells(ch[1]), span_of(meta))

    def direction(self, meta, ch):
        return ast.DIRECTION_WORDS[str(ch[0])]

    def corner(self, meta, ch):
        return ast.CORNER_WORDS[str(ch[0])]

    def wall_ref(self, meta, ch):
        if isinstance(ch[0], Token) and ch[0].type == "NUMBER":
            return ast.WallRef(index=self._cells(ch[0], "walls"), span=span_of(meta))
        return ast.WallRef(side=ch[0], span=span_of(meta))

    def _size(self, tok: Token) -> ast.Size:
        w, d = str(tok).split("x")
        return ast.Size(w=int(w), d=int(d), span=span_of(tok))

    def _ref(self, tok: Token) -> ast.Ref:
        return ast.Ref(name=str(tok), span=span_of(tok))

    # ---- options and clauses ----------------------------------------------------------

    def _opt(self, key: str, value: Any, meta: Meta, word: str | None = None) -> Opt:
        return Opt(key, value, span_of(meta), word or key)

    def cell(self, meta, ch):
        return self._opt("cell", float(ch[0]), meta)

    def thickness(self, meta, ch):
        return self._opt("thickness", float(ch[0]), meta)

    def height(self, meta, ch):
        return self._opt("height", float(ch[0]), meta)

    def floor(self, meta, ch):
        return self._opt("floor", str(ch[0]), meta)

    def walls(self, meta, ch):
        return self._opt("walls", str(ch[0]), meta)

    def offset(self, meta, ch):
        return self._opt("offset", self._cells(ch[0]), meta)

    def width(self, meta, ch):
        return self._opt("width", self._cells(ch[0]), meta)

    def sill(self, meta, ch):
        return self._opt("sill", float(ch[0]), meta)

    def swing(self, meta, ch):
        return self._opt("swing", str(ch[0]), meta)

    def hinge(self, meta, ch):
        return self._opt("hinge", str(ch[0]), meta)

    def gap(self, meta, ch):
        return self._opt("gap", self._cells(ch[0]), meta)

    def spacing(self, meta, ch):
        return self._opt("spacing", self._cells(ch[0]), meta)

    def size(self, meta, ch):
        return self._opt("size", self._size(ch[0]), meta)

    def at(self, meta, ch):
        x, y, _ = ch[0]
        return self._opt("placement", ast.At(x=x, y=y, span=span_of(meta)), meta, "at")

    def against(self, meta, ch):
        return self._opt("placement", ast.Against(side=ch[0], span=span_of(meta)), meta, "against")

    def against_index(self, meta, ch):
        node = ast.Against(index=self._cells(ch[0], "walls"), span=span_of(meta))
        return self._opt("placement", node, meta, "against")

    def corner_clause(self, meta, ch):
        return self._opt("placement", ast.InCorner(corner=ch[0], span=span_of(meta)), meta, "in corner")

    def centered(self, meta, ch):
        return self._opt("placement", ast.Centered(span=span_of(meta)), meta, "centered")

    def _relative(self, relation: str, meta: Meta, tok: Token) -> Opt:
        node = ast.Relative(relation=relation, target=self._ref(tok), span=span_of(meta))
        return self._opt("placement", node, meta, relation.replace("_", " "))

    def left_of(self, meta, ch):
        return self._relative("left_of", meta, ch[0])

    def right_of(self, meta, ch):
        return self._relative("right_of", meta, ch[0])

    def in_front_of(self, meta, ch):
        return self._relative("in_front_of", meta, ch[0])

    def behind(self, meta, ch):
        return self._relative("behind", meta, ch[0])

    def next_to(self, meta, ch):
        return self._relative("next_to", meta, ch[0])

    def around(self, meta, ch):
        node = ast.Around(target=self._ref(ch[0]), span=span_of(meta))
        return self._opt("placement", node, meta, "around")

    def row(self, meta, ch):
        return self._opt("arrangement", ast.Row(span=span_of(meta)), meta, "row")

    def grid(self, meta, ch):
        size = self._size(ch[0])
        node = ast.Grid(columns=size.w, rows=size.d, span=span_of(meta))
        return self._opt("arrangement", node, meta, "grid")

    def facing(self, meta, ch):
        target = ch[0]
        node = target if isinstance(target, ast.Facing) else ast.Facing(direction=target)
        node = node.model_copy(update={"span": span_of(meta)})
        return self._opt("facing", node, meta)

    def facing_angle(self, meta, ch):
        return ast.Facing(angle=float(ch[0]) % 360.0 % 360.0, span=span_of(meta))  # -1e-14 % 360 == 360

    def facing_object(self, meta, ch):
        return ast.Facing(target=self._ref(ch[0]), span=span_of(meta))

    def aligned_with(self, meta, ch):
        return self._opt("aligned_with", self._ref(ch[0]), meta, "aligned with")

    # ---- statements ---------------------------------------------------------------------

    def scene(self, meta, ch):
        opts = self._fold(ch[1:], SCENE_OPTIONS, "the scene")
        return ast.SceneHeader(name=self._text(ch[0]), span=span_of(meta), **opts)

    def rect(self, meta, ch):
        x, y, _ = ch[0]
        size = self._size(ch[1])
        return ast.Rect(x=x, y=y, w=size.w, h=size.d, span=span_of(meta))

    def poly(self, meta, ch):
        return ast.Poly(points=[(x, y) for x, y, _ in ch], span=span_of(meta))

    def block(self, meta, ch):
        return self._statements(ch, inside_block=True)[1]

    def _statements(self, items: list, inside_block: bool) -> tuple[ast.SceneHeader | None, list]:
        """Split the scene header from statements; drop error-recovery placeholders."""
        header: ast.SceneHeader | None = None
        statements = []
        for item in items:
            if isinstance(item, ast.SceneHeader):
                if inside_block or header is not None or statements:
                    self._error(
                        "misplaced_scene",
                        "the `scene` line must come first and only once",
                        item.span,
                        "move the `scene` line to the top of the file",
                    )
                header = header or item
            elif not (isinstance(item, ast.InBlock) and item.room.name == RECOVER):
                statements.append(item)
        return header, statements

    def room(self, meta, ch):
        (name, kind, shape), rest = self._split(ch, 3)
        body = rest.pop() if rest and isinstance(rest[-1], list) else []
        opts = self._fold(rest, ROOM_OPTIONS, f"room `{name}`")
        return ast.Room(
            id=str(name), type=str(kind), shape=shape, body=body, span=span_of(meta), **opts
        )

    def _opening(self, kind: str, meta: Meta, ch: list) -> ast.Opening:
        allowed = DOOR_OPTIONS if kind == "door" else WINDOW_OPTIONS
        opts = self._fold(ch[2:], allowed, f"{kind} `{ch[0]}`")
        return ast.Opening(kind=kind, id=str(ch[0]), wall=ch[1], span=span_of(meta), **opts)

    def door(self, meta, ch):
        return self._opening("door", meta, ch)

    def window(self, meta, ch):
        return self._opening("window", meta, ch)

    def _described(self, ch: list) -> tuple[str | None, list]:
        if ch and isinstance(ch[0], Token) and ch[0].type == "STRING":
            return self._text(ch[0]), ch[1:]
        return None, ch

    def object(self, meta, ch):
        description, opts = self._described(ch[2:])
        owner = f"object `{ch[0]}`"
        return ast.ObjectDecl(
            id=str(ch[0]),
            category=str(ch[1]),
            description=description,
            clauses=self._clauses(opts, OBJECT_CLAUSES, owner),
            span=span_of(meta),
        )

    def group(self, meta, ch):
        description, opts = self._described(ch[3:])
        count = self._cells(ch[1], "objects")
        if count < 1:
            self._error("bad_count", f"group `{ch[0]}` needs at least 1 object", span_of(ch[1]))
        return ast.GroupDecl(
            id=str(ch[0]),
            count=max(count, 1),
            category=str(ch[2]),
            description=description,
            clauses=self._clauses(opts, GROUP_CLAUSES, f"group `{ch[0]}`"),
            span=span_of(meta),
        )

    def surface_top(self, meta, ch):
        return ast.SurfaceRef(kind="top", parent=self._ref(ch[0]), span=span_of(meta))

    def surface_shelf(self, meta, ch):
        level = self._cells(ch[1], "shelf levels")
        return ast.SurfaceRef(kind="shelf", parent=self._ref(ch[0]), level=level, span=span_of(meta))

    def surface_wall(self, meta, ch):
        return ast.SurfaceRef(kind="wall", wall=ch[0], span=span_of(meta))

    def surface_bad_wall(self, meta, ch):
        """``on nort wall``: a misspelled side, reported like any unknown direction."""
        word = str(ch[0])
        close = difflib.get_close_matches(word, list(ast.DIRECTION_WORDS), n=1, cutoff=0.5)
        self._error("unknown_direction", f"`{word}` is not a direction", span_of(ch[0]),
                    f"did you mean `{close[0]}`?" if close else "write north, east, south or west")
        return ast.SurfaceRef(kind="wall", wall=ast.WallRef(side="north"), span=span_of(meta))

    def surface_ceiling(self, meta, ch):
        return ast.SurfaceRef(kind="ceiling", span=span_of(meta))

    def on_block(self, meta, ch):
        return ast.OnBlock(surface=ch[0], body=ch[1], span=span_of(meta))

    def in_block(self, meta, ch):
        return ast.InBlock(room=self._ref(ch[0]), body=ch[1], span=span_of(meta))

    def move(self, meta, ch):
        clauses = self._clauses(ch[1:], OBJECT_CLAUSES, f"`move {ch[0]}`")
        return ast.Move(target=self._ref(ch[0]), clauses=clauses, span=span_of(meta))

    def rotate(self, meta, ch):
        facing = ch[1] if isinstance(ch[1], ast.Facing) else ast.Facing(direction=ch[1])
        facing = facing.model_copy(update={"span": span_of(meta)})
        return ast.Rotate(target=self._ref(ch[0]), facing=facing, span=span_of(meta))

    def remove(self, meta, ch):
        return ast.Remove(target=self._ref(ch[0]), span=span_of(meta))

    def replace(self, meta, ch):
        description, opts = self._described(ch[2:])
        return ast.Replace(
            target=self._ref(ch[0]),
            category=str(ch[1]),
            description=description,
            clauses=self._clauses(opts, REPLACE_CLAUSES, f"`replace {ch[0]}`"),
            span=span_of(meta),
        )

    def start(self, meta, ch):
        header, statements = self._statements(ch, inside_block=False)
        return ast.Program(scene=header or ast.SceneHeader(), statements=statements)
