"""Explicit limits of the language, each reported with its own diagnostic code."""

from __future__ import annotations

from collections.abc import Iterator

from . import ast
from .diagnostics import Diagnostic

MAX_FILE_BYTES = 1_000_000
MAX_OBJECTS = 10_000
MAX_GRID = 10_000  # cells, on any axis, for any coordinate or size
MAX_DEPTH = 4  # nested `on` blocks
MAX_ERRORS = 50  # diagnostics reported per file before giving up


def _numbers(node: ast.Node) -> Iterator[int]:
    """Every cell quantity written directly on this node."""
    if isinstance(node, ast.At):
        yield from (node.x, node.y)
    elif isinstance(node, ast.Rect):
        yield from (node.x, node.y, node.w, node.h)
    elif isinstance(node, ast.Poly):
        for x, y in node.points:
            yield from (x, y)
    elif isinstance(node, ast.Size):
        yield from (node.w, node.d)
    elif isinstance(node, ast.Clauses):
        yield from (v for v in (node.gap, node.offset, node.spacing) if v is not None)
    elif isinstance(node, ast.Opening):
        yield from (v for v in (node.offset, node.width) if v is not None)


def _children(node: ast.Node) -> Iterator[ast.Node]:
    for name in type(node).model_fields:
        value = getattr(node, name)
        items = value if isinstance(value, list) else [value]
        yield from (item for item in items if isinstance(item, ast.Node))


def check_limits(program: ast.Program) -> list[Diagnostic]:
    """Diagnostics for every limit the program exceeds (each reported once)."""
    found: list[Diagnostic] = []
    objects = 0

    def visit(node: ast.Node, depth: int, span: ast.Span | None) -> None:
        nonlocal objects
        span = node.span or span
        if isinstance(node, ast.ObjectDecl):
            objects += 1
        elif isinstance(node, ast.GroupDecl):
            objects += node.count
        if isinstance(node, ast.OnBlock):
            depth += 1
            if depth == MAX_DEPTH + 1:
                found.append(Diagnostic(
                    code="nesting_too_deep",
                    message=f"`on` blocks are nested {depth} deep, the limit is {MAX_DEPTH}",
                    span=node.span,
                    hint="place this sub-layout on a surface higher up the hierarchy",
                ))
        big = [n for n in _numbers(node) if abs(n) > MAX_GRID]
        if big:
            found.append(Diagnostic(
                code="grid_too_large",
                message=f"`{big[0]}` cells is beyond the grid limit of {MAX_GRID} cells",
                span=span,
                hint="use a coarser `cell` size in the `scene` line",
            ))
        for child in _children(node):
            visit(child, depth, span)

    visit(program, 0, None)
    if objects > MAX_OBJECTS:
        found.append(Diagnostic(
            code="too_many_objects",
            message=f"the script declares {objects} objects, the limit is {MAX_OBJECTS}",
            span=ast.Span(line=1, column=1, end_line=1, end_column=2),
            hint="split the scene into several scripts",
        ))
    return found
