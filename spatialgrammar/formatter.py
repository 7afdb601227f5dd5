"""AST -> canonical text: one method per node kind, fixed clause order, two-space blocks."""

from __future__ import annotations

from decimal import Decimal

from . import ast

INDENT = "  "


def _num(value: float) -> str:
    """Shortest exact text of a metre or degree value, never in exponent form: ``2.7``,
    ``90``, ``0.00001``."""
    if float(value).is_integer():
        return str(int(value))
    return f"{Decimal(repr(float(value))):f}"


def _wall(wall: ast.WallRef) -> str:
    return f"{wall.side} wall" if wall.side else f"wall {wall.index}"


def _facing(facing: ast.Facing) -> str:
    if facing.target is not None:
        return facing.target.name
    if facing.angle is not None:
        return _num(facing.angle)
    return str(facing.direction)


def _placement(node: ast.Node) -> str:
    if isinstance(node, ast.At):
        return f"at {node.x},{node.y}"
    if isinstance(node, ast.Against):
        return f"against {node.side} wall" if node.side else f"against wall {node.index}"
    if isinstance(node, ast.InCorner):
        return f"in {node.corner} corner"
    if isinstance(node, ast.Centered):
        return "centered"
    if isinstance(node, ast.Relative):
        words = {"left_of": "left of", "right_of": "right of", "in_front_of": "in front of",
                 "behind": "behind", "next_to": "next to"}
        return f"{words[node.relation]} {node.target.name}"
    if isinstance(node, ast.Around):
        return f"around {node.target.name}"
    if isinstance(node, ast.Row):
        return "row"
    if isinstance(node, ast.Grid):
        return f"grid {node.columns}x{node.rows}"
    raise TypeError(f"no placement text for {type(node).__name__}")


def format_clauses(clauses: ast.Clauses) -> str:
    """Clauses in canonical order, space separated (empty string if none)."""
    parts = []
    if clauses.arrangement is not None:
        parts.append(_placement(clauses.arrangement))
    if clauses.placement is not None:
        parts.append(_placement(clauses.placement))
    for key in ("gap", "offset", "spacing"):
        value = getattr(clauses, key)
        if value is not None:
            parts.append(f"{key} {value}")
    if clauses.aligned_with is not None:
        parts.append(f"aligned with {clauses.aligned_with.name}")
    if clauses.facing is not None:
        parts.append(f"facing {_facing(clauses.facing)}")
    if clauses.size is not None:
        parts.append(f"size {clauses.size.w}x{clauses.size.d}")
    if clauses.height is not None:
        parts.append(f"height {_num(clauses.height)}")
    return " ".join(parts)


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _described(text: str | None) -> str | None:
    return None if text is None else f'"{text}"'


class Formatter:
    """Prints a program in its canonical layout; comments are kept."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def line(self, depth: int, text: str, stmt: ast.Stmt) -> None:
        pad = INDENT * depth
        self.out.extend(f"{pad}# {c}".rstrip() for c in stmt.comments)
        self.out.append(f"{pad}{text}" + (f"  # {stmt.note}".rstrip() if stmt.note is not None else ""))

    def block(self, depth: int, head: str, stmt: ast.Stmt, body: list, required: bool = True) -> None:
        if not body:
            self.line(depth, head + (" {}" if required else ""), stmt)
            return
        self.line(depth, head + " {", stmt)
        for item in body:
            self.statement(depth + 1, item)
        self.out.append(INDENT * depth + "}")

    def statement(self, depth: int, stmt: ast.Stmt) -> None:
        getattr(self, f"do_{stmt.kind}")(depth, stmt)

    def do_scene(self, depth: int, s: ast.SceneHeader) -> None:
        thickness = None if s.thickness == 0.1 else f"thickness {_num(s.thickness)}"
        self.line(depth, _join(f'scene "{s.name}" cell {_num(s.cell)}', thickness), s)

    def do_room(self, depth: int, r: ast.Room) -> None:
        if isinstance(r.shape, ast.Rect):
            shape = f"rect {r.shape.x},{r.shape.y} {r.shape.w}x{r.shape.h}"
        else:
            shape = "poly " + " ".join(f"{x},{y}" for x, y in r.shape.points)
        head = _join(
            f"room {r.id} {r.type} {shape}",
            r.height is not None and f"height {_num(r.height)}",
            r.floor and f"floor {r.floor}",
            r.walls and f"walls {r.walls}",
        )
        self.block(depth, head, r, r.body, required=False)

    def _opening(self, depth: int, o: ast.Opening) -> None:
        self.line(depth, _join(
            f"{o.kind} {o.id} on {_wall(o.wall)}",
            o.offset is not None and f"offset {o.offset}",
            o.width is not None and f"width {o.width}",
            o.sill is not None and f"sill {_num(o.sill)}",
            o.height is not None and f"height {_num(o.height)}",
            o.swing and f"swing {o.swing}",
            o.hinge and f"hinge {o.hinge}",
        ), o)

    do_door = do_window = _opening

    def do_object(self, depth: int, o: ast.ObjectDecl) -> None:
        text = _join(f"object {o.id} {o.category}", _described(o.description), format_clauses(o.clauses))
        self.line(depth, text, o)

    def do_group(self, depth: int, g: ast.GroupDecl) -> None:
        text = _join(f"group {g.id} {g.count} {g.category}", _described(g.description),
                     format_clauses(g.clauses))
        self.line(depth, text, g)

    def do_on(self, depth: int, b: ast.OnBlock) -> None:
        s = b.surface
        if s.kind == "top":
            where = s.parent.name
        elif s.kind == "shelf":
            where = f"{s.parent.name} shelf {s.level}"
        elif s.kind == "wall":
            where = _wall(s.wall)
        else:
            where = "ceiling"
        self.block(depth, f"on {where}", b, b.body)

    def do_in(self, depth: int, b: ast.InBlock) -> None:
        self.block(depth, f"in {b.room.name}", b, b.body)

    def do_move(self, depth: int, m: ast.Move) -> None:
        self.line(depth, f"move {m.target.name} {format_clauses(m.clauses)}", m)

    def do_rotate(self, depth: int, r: ast.Rotate) -> None:
        self.line(depth, f"rotate {r.target.name} facing {_facing(r.facing)}", r)

    def do_remove(self, depth: int, r: ast.Remove) -> None:
        self.line(depth, f"remove {r.target.name}", r)

    def do_replace(self, depth: int, r: ast.Replace) -> None:
        text = _join(f"replace {r.target.name} with {r.category}", _described(r.description),
                     format_clauses(r.clauses))
        self.line(depth, text, r)


def format(program: ast.Program) -> str:  # noqa: A001 - the public name the API promises
    """The canonical text of ``program``; formatting it again changes nothing."""
    f = Formatter()
    f.statement(0, program.scene)
    previous_block = True
    for stmt in program.statements:
        is_block = isinstance(stmt, (ast.Room, ast.OnBlock, ast.InBlock))
        if is_block or previous_block:
            f.out.append("")
        f.statement(0, stmt)
        previous_block = is_block
    if program.end_comments:
        f.out.append("")
        f.out.extend(f"# {c}".rstrip() for c in program.end_comments)
    return "\n".join(f.out) + "\n"
