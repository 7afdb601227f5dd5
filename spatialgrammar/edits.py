"""Editing statements applied in order: the result is a program of rooms only.

``move``, ``rotate``, ``remove`` and ``replace`` change an existing declaration;
``in ROOM { ... }`` adds to a room; a top-level ``on OBJECT { ... }`` adds onto an object.
"""

from __future__ import annotations

import difflib

from . import ast
from .diagnostics import Diagnostic

Decl = ast.ObjectDecl | ast.GroupDecl


def _walk(body: list, room: ast.Room, out: dict[str, tuple[list, Decl, ast.Room]]) -> None:
    for stmt in body:
        if isinstance(stmt, (ast.ObjectDecl, ast.GroupDecl)):
            out.setdefault(stmt.id, (body, stmt, room))
        elif isinstance(stmt, ast.OnBlock):
            _walk(stmt.body, room, out)


def _in_wall_block(body: list, inner: list) -> bool:
    """Whether ``inner`` is the body of an ``on ... wall { }`` block (at any depth) of ``body``."""
    for stmt in body:
        if isinstance(stmt, ast.OnBlock):
            if stmt.body is inner:
                return stmt.surface.kind == "wall"
            if _in_wall_block(stmt.body, inner):
                return True
    return False


class _Editor:
    def __init__(self, rooms: list[ast.Room]):
        self.rooms = rooms
        self.diagnostics: list[Diagnostic] = []

    def index(self) -> dict[str, tuple[list, Decl, ast.Room]]:
        found: dict[str, tuple[list, Decl, ast.Room]] = {}
        for room in self.rooms:
            _walk(room.body, room, found)
        return found

    def _unknown(self, ref: ast.Ref, known: list[str], what: str) -> None:
        close = difflib.get_close_matches(ref.name, known, n=1)
        hint = f"did you mean `{close[0]}`?" if close else f"declare `{ref.name}` before editing it"
        self.diagnostics.append(Diagnostic(
            code="unknown_reference", message=f"no {what} named `{ref.name}`", span=ref.span,
            objects=[ref.name], hint=hint))

    def find(self, ref: ast.Ref, members: bool = False) -> tuple[list, Decl, ast.Room] | None:
        """The declaration ``ref`` names; group members (``ID_N``) only when ``members``."""
        found = self.index()
        if ref.name in found:
            return found[ref.name]
        group = self.group_of(ref.name, found)
        if group is not None and members:
            return found[group]
        if group is not None:
            self.diagnostics.append(Diagnostic(
                code="group_member_edit",
                message=f"`{ref.name}` is a member of group `{group}`; edits change whole groups",
                span=ref.span, objects=[ref.name, group],
                hint=f"edit `{group}` as a whole, or write its members as separate `object` lines"))
            return None
        self._unknown(ref, sorted(found), "object")
        return None

    @staticmethod
    def group_of(name: str, found: dict[str, tuple[list, Decl, ast.Room]]) -> str | None:
        """The group whose member ``name`` is (``chairs_2`` -> ``chairs``), if any."""
        stem, _, number = name.rpartition("_")
        hit = found.get(stem)
        if hit and isinstance(hit[1], ast.GroupDecl) and number.isdigit() and 1 <= int(number) <= hit[1].count:
            return stem
        return None

    def move(self, stmt: ast.Move) -> None:
        if (hit := self.find(stmt.target)) is None:
            return
        body, decl, room = hit
        old = decl.clauses
        if stmt.clauses.placement is not None:
            old = old.model_copy(update={"offset": None, "gap": None, "aligned_with": None})
        updates = {
            name: value for name in type(old).model_fields
            if name != "span" and (value := getattr(stmt.clauses, name)) is not None
        }
        new = decl.model_copy(update={"clauses": old.model_copy(update=updates)})
        if isinstance(stmt.clauses.placement, ast.Against) and _in_wall_block(room.body, body):
            # `against SIDE wall` hangs a wall thing on that wall: it leaves its `on ... wall { }` block
            body.remove(decl)
            room.body.append(new)
            return
        self._swap(body, decl, new)

    def rotate(self, stmt: ast.Rotate) -> None:
        if (hit := self.find(stmt.target)) is None:
            return
        body, decl, _ = hit
        clauses = decl.clauses.model_copy(update={"facing": stmt.facing})
        self._swap(body, decl, decl.model_copy(update={"clauses": clauses}))

    def replace(self, stmt: ast.Replace) -> None:
        if (hit := self.find(stmt.target)) is None:
            return
        body, decl, _ = hit
        clauses = decl.clauses.model_copy(update={
            "size": stmt.clauses.size,
            "height": stmt.clauses.height,
            "facing": stmt.clauses.facing or decl.clauses.facing,
        })
        new = decl.model_copy(update={
            "category": stmt.category, "description": stmt.description, "clauses": clauses})
        self._swap(body, decl, new)

    def remove(self, stmt: ast.Remove) -> None:
        if (hit := self.find(stmt.target)) is None:
            return
        body, decl, _ = hit
        body.remove(decl)
        for room in self.rooms:
            self._drop_blocks_on(room.body, decl.id)

    def _drop_blocks_on(self, body: list, parent: str) -> None:
        body[:] = [s for s in body if not (
            isinstance(s, ast.OnBlock) and s.surface.parent is not None
            and s.surface.parent.name == parent)]
        for stmt in body:
            if isinstance(stmt, ast.OnBlock):
                self._drop_blocks_on(stmt.body, parent)

    def add_to_room(self, stmt: ast.InBlock) -> None:
        room = next((r for r in self.rooms if r.id == stmt.room.name), None)
        if room is None:
            self._unknown(stmt.room, [r.id for r in self.rooms], "room")
            return
        room.body.extend(stmt.body)

    def add_on(self, stmt: ast.OnBlock) -> None:
        parent = stmt.surface.parent
        if parent is None:
            self.diagnostics.append(Diagnostic(
                code="outside_room", message="a wall or ceiling block needs a room",
                span=stmt.span, hint="put it inside a `room` or `in ROOM { }` block"))
            return
        if (hit := self.find(parent, members=True)) is None:
            return
        hit[2].body.append(stmt)

    @staticmethod
    def _swap(body: list, old: Decl, new: Decl) -> None:
        body[body.index(old)] = new


def apply_edits(program: ast.Program) -> tuple[ast.Program, list[Diagnostic]]:
    """The program with every edit statement applied in order, and what went wrong."""
    rooms: list[ast.Room] = []
    editor = _Editor(rooms)
    edits = any(not isinstance(s, ast.Room) for s in program.statements)
    # Edits change room bodies in place, so only then is a private copy needed.
    for stmt in (program.model_copy(deep=True) if edits else program).statements:
        if isinstance(stmt, ast.Room):
            rooms.append(stmt)
        elif isinstance(stmt, ast.Move):
            editor.move(stmt)
        elif isinstance(stmt, ast.Rotate):
            editor.rotate(stmt)
        elif isinstance(stmt, ast.Remove):
            editor.remove(stmt)
        elif isinstance(stmt, ast.Replace):
            editor.replace(stmt)
        elif isinstance(stmt, ast.InBlock):
            editor.add_to_room(stmt)
        elif isinstance(stmt, ast.OnBlock):
            editor.add_on(stmt)
        else:
            editor.diagnostics.append(Diagnostic(
                code="outside_room",
                message=f"`{getattr(stmt, 'id', stmt.kind)}` is not inside a room",
                span=stmt.span,
                hint="put it inside a `room ... { }` block or an `in ROOM { }` block",
                objects=[getattr(stmt, "id", "")] if hasattr(stmt, "id") else []))
    edited = ast.Program(scene=program.scene, statements=rooms, end_comments=program.end_comments)
    return edited, editor.diagnostics
