"""Re-anchoring: before the grid search of ``sgram fix``, try other anchors for objects in error.

A small model often stacks several things against one wall, or puts a lamp at a point off the
nightstand it stands on. The grid repair then moves them far, or the pipeline drops them, and
the prompt's request is lost. This pass tries, for each offending object in turn, the anchors a
designer would: another relation to the same target, another wall, a corner; on a surface,
centred or a corner of it. An anchor is kept when it lowers the scene's error count. Everything
goes through the language's AST and the compiler's public API.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Iterator

from compiler import compile_program
from spatialgrammar import ast
from spatialgrammar.edits import apply_edits

SIDES: tuple[ast.Direction, ...] = ("north", "east", "south", "west")
CORNERS: tuple[ast.Corner, ...] = ("northwest", "northeast", "southwest", "southeast")
RELATIONS: tuple[ast.Relation, ...] = ("next_to", "left_of", "right_of", "in_front_of", "behind")
GEOMETRIC = {"collision", "out_of_room", "unsupported", "door_blocked", "unreachable", "too_large_for_room"}

Decl = ast.ObjectDecl | ast.GroupDecl


@dataclass
class Found:
    """A declaration, whether it stands on another object's surface, and its room's rect (if any)."""

    decl: Decl
    on_surface: bool
    rect: ast.Rect | None


def _declarations(body: list, on_surface: bool, rect: ast.Rect | None, out: dict[str, Found]) -> None:
    for stmt in body:
        if isinstance(stmt, (ast.ObjectDecl, ast.GroupDecl)):
            out.setdefault(stmt.id, Found(stmt, on_surface, rect))
        elif isinstance(stmt, ast.OnBlock):
            _declarations(stmt.body, stmt.surface.kind in ("top", "shelf"), rect, out)


def declarations(program: ast.Program) -> dict[str, Found]:
    """Every object and group by id."""
    found: dict[str, Found] = {}
    for stmt in program.statements:
        if isinstance(stmt, ast.Room):
            rect = stmt.shape if isinstance(stmt.shape, ast.Rect) else None
            _declarations(stmt.body, False, rect, found)
    return found


def _errors(program: ast.Program) -> list:
    result = compile_program(program)
    return [d for d in result.diagnostics if d.severity == "error"]


def _anchors(found: Found) -> Iterator[ast.Clauses]:
    """Alternative clauses for a declaration, the closest in meaning first; facing and size are kept."""
    decl, on_surface = found.decl, found.on_surface
    old = decl.clauses
    keep = {"facing": old.facing, "size": old.size, "height": old.height, "arrangement": old.arrangement,
            "spacing": old.spacing}
    place = old.placement
    if on_surface:
        options: list = [ast.Centered()] + [ast.InCorner(corner=c) for c in CORNERS]
        keep["facing"] = None
    else:
        options = []
        if isinstance(place, ast.Against) and place.side and found.rect is not None:
            length = found.rect.w if place.side in ("north", "south") else found.rect.h
            options += [(place, round(length * k / 6)) for k in range(1, 6)]  # along the same wall
        if isinstance(place, ast.Relative):
            options += [ast.Relative(relation=r, target=place.target) for r in RELATIONS if r != place.relation]
        options += [ast.Against(side=s) for s in SIDES]
        options += [ast.InCorner(corner=c) for c in CORNERS]
    for option in options:
        option, offset = option if isinstance(option, tuple) else (option, None)
        if option == place and offset is None:
            continue
        wall_bound = isinstance(option, (ast.Against, ast.InCorner)) and not on_surface
        clauses = dict(keep, facing=None if wall_bound else keep["facing"])  # a wall sets its own facing
        yield ast.Clauses(placement=option, offset=offset, **clauses)


def reanchor(program: ast.Program, max_objects: int = 6, budget_s: float = 2.0) -> ast.Program:
    """The program (edits folded in) with offending objects re-anchored where that lowers the errors."""
    program, _ = apply_edits(program)
    program = program.model_copy(deep=True)
    t0 = time.perf_counter()
    errors = _errors(program)
    decls = declarations(program)
    tried: set[str] = set()
    for _ in range(max_objects):
        offender = next((o for d in errors if d.code in GEOMETRIC for o in d.objects
                         if o in decls and o not in tried), None)
        if offender is None or time.perf_counter() - t0 > budget_s:
            break
        tried.add(offender)
        decl = decls[offender].decl
        best = (len(errors), decl.clauses, errors)
        for clauses in _anchors(decls[offender]):
            decl.clauses = clauses
            trial = _errors(program)
            if len(trial) < best[0]:
                best = (len(trial), clauses, trial)
                if not any(offender in d.objects for d in trial):
                    break
            if time.perf_counter() - t0 > budget_s:
                break
        decl.clauses, errors = best[1], best[2]
        if not errors:
            break
    return program
