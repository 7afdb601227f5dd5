"""The compiler pipeline: program -> edits applied -> rooms -> objects -> checks."""

from __future__ import annotations

from dataclasses import dataclass, field

from assets import Catalog, load_catalog
from spatialgrammar import ast
from spatialgrammar.diagnostics import Diagnostic, has_errors
from spatialgrammar.edits import apply_edits
from spatialgrammar.parser import parse_diagnostics

from .place import Placer
from .rooms import build_opening, build_room
from .scene import Scene


@dataclass
class CompileResult:
    """A compiled scene (None if the script could not be read) and every diagnostic."""

    scene: Scene | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    program: ast.Program | None = None

    @property
    def ok(self) -> bool:
        """True when the scene exists and no diagnostic is an error."""
        return self.scene is not None and not has_errors(self.diagnostics)


def build_scene(program: ast.Program, catalog: Catalog | None = None) -> tuple[Scene, list[Diagnostic]]:
    """Rooms, openings and object poses of a program, with naming/placement diagnostics."""
    catalog = catalog or load_catalog()
    edited, diagnostics = apply_edits(program)
    header = edited.scene
    rooms = {}
    room_stmts = [s for s in edited.statements if isinstance(s, ast.Room)]
    for stmt in room_stmts:
        if stmt.id in rooms:
            diagnostics.append(Diagnostic(code="duplicate_id", message=f"room `{stmt.id}` is declared twice",
                                          span=stmt.span, objects=[stmt.id], hint="give every room its own id"))
            continue
        room, found = build_room(stmt, header)
        diagnostics += found
        if room is not None:
            rooms[stmt.id] = room
    openings = []
    for stmt in room_stmts:
        room = rooms.get(stmt.id)
        for item in stmt.body if room else []:
            if isinstance(item, ast.Opening):
                opening, found = build_opening(item, room, list(rooms.values()), header.cell)
                diagnostics += found
                if opening is not None:
                    openings.append(opening)
    placer = Placer(rooms, header.cell, catalog)
    objects = placer.run(room_stmts)
    diagnostics += placer.diagnostics
    scene = Scene(name=header.name, cell=header.cell, wall_thickness=header.thickness,
                  rooms=list(rooms.values()), openings=openings, objects=objects)
    return scene, diagnostics


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: ((d.span.line, d.span.column) if d.span else (0, 0), d.code))


def compile_program(program: ast.Program, catalog: Catalog | None = None, checks: bool = True) -> CompileResult:
    """Compile a parsed program and (by default) run every physical check on it."""
    from .checks import run_checks

    scene, diagnostics = build_scene(program, catalog)
    if checks:
        diagnostics += run_checks(scene)
    return CompileResult(scene=scene, diagnostics=_sorted(diagnostics), program=program)


def compile_text(text: str, file: str | None = None, catalog: Catalog | None = None,
                 checks: bool = True) -> CompileResult:
    """Parse and compile a script; syntax errors stop before compiling."""
    program, diagnostics = parse_diagnostics(text, file)
    if program is None:
        return CompileResult(scene=None, diagnostics=diagnostics)
    result = compile_program(program, catalog, checks)
    result.diagnostics = _sorted(diagnostics + result.diagnostics)
    for d in result.diagnostics:
        d.file = file
    return result
