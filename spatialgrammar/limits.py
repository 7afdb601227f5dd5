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


def _cell_numbers(stmt: ast.Stmt) -> Iterator[int]:
    """Every cell quantity a statement writes (positions, sizes, widths, gaps)."""
    if isinstance(stmt, ast.Room):
        shape = stmt.shape
        if isinstance(shape, ast.Rect):
            yield from (shape.x, shape.y, shape.w, shape.h)
        else:
            for x, y in shape.points:
                yield from (x, y)
    elif isinstance(stmt, ast.Opening):
        yield from (v for v in (stmt.offset, stmt.width) if v is not None)
    clauses = getattr(stmt, "clauses", None)
    if clauses is not None:
        if isinstance(clauses.placement, ast.At):
            yield from (clauses.placement.x, clauses.placement.y)
        if clauses.size is not None:
            yield from (clauses.size.w, clauses.size.d)
        yield from (v for v in (clauses.gap, clauses.offset, clauses.spacing) if v is not None)


def check_limits(program: ast.Program) -> list[Diagnostic]:
    """Diagnostics for every limit the program exceeds (each reported once)."""
    found: list[Diagnostic] = []
    objects = 0

    def visit(statements: list, depth: int) -> None:
        nonlocal objects
        for stmt in statements:
            if isinstance(stmt, ast.ObjectDecl):
                objects += 1
            elif isinstance(stmt, ast.GroupDecl):
                objects += stmt.count
            big = [n for n in _cell_numbers(stmt) if abs(n) > MAX_GRID]
            if big:
                found.append(Diagnostic(
                    code="grid_too_large",
                    message=f"`{big[0]}` cells is beyond the grid limit of {MAX_GRID} cells",
                    span=stmt.span,
                    hint="use a coarser `cell` size in the `scene` line",
                ))
            inner = depth + 1 if isinstance(stmt, ast.OnBlock) else depth
            if isinstance(stmt, ast.OnBlock) and inner == MAX_DEPTH + 1:
                found.append(Diagnostic(
                    code="nesting_too_deep",
                    message=f"`on` blocks are nested {inner} deep, the limit is {MAX_DEPTH}",
                    span=stmt.span,
                    hint="place this sub-layout on a surface higher up the hierarchy",
                ))
            visit(getattr(stmt, "body", []), inner)

    visit(program.statements, 0)
    if objects > MAX_OBJECTS:
        found.append(Diagnostic(
            code="too_many_objects",
            message=f"the script declares {objects} objects, the limit is {MAX_OBJECTS}",
            span=ast.Span(line=1, column=1, end_line=1, end_column=2),
            hint="split the scene into several scripts",
        ))
    return found
