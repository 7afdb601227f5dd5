"""Ids that say what they name: ``object sideboard vase`` is renamed ``object vase vase``.

A small model picks an object's id before its category and sometimes writes one category's word
as another's id (``object sideboard vase``). The scene compiles, but the next edit ("put a
vase on the sideboard") then lands on the wrong thing. This pass renames every object whose id
names another category after its own category, and rewrites every reference to it.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from spatialgrammar import ast

_TRAILING_DIGITS = re.compile(r"_?\d+$")


def _refs(node: object):
    """Every :class:`ast.Ref` below ``node``."""
    if isinstance(node, ast.Ref):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _refs(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _refs(item)


def _objects(body: list):
    for stmt in body:
        if isinstance(stmt, (ast.ObjectDecl, ast.GroupDecl)):
            yield stmt
        elif isinstance(stmt, (ast.OnBlock, ast.Room, ast.InBlock)):
            yield from _objects(stmt.body)


def _ids(program: ast.Program) -> set[str]:
    used = set()
    for stmt in program.statements:
        if isinstance(stmt, ast.Room):
            used.add(stmt.id)
            used.update(s.id for s in stmt.body if isinstance(s, ast.Opening))
    for decl in _objects(program.statements):
        used.add(decl.id)
        if isinstance(decl, ast.GroupDecl):
            used.update(f"{decl.id}_{i}" for i in range(1, decl.count + 1))
    return used


def tidy_ids(program: ast.Program, catalog) -> ast.Program:
    """A copy of ``program`` in which no object's id names a category other than its own."""
    program = program.model_copy(deep=True)
    rooms = {s.id for s in program.statements if isinstance(s, ast.Room)}
    wrong = []
    for decl in _objects(program.statements):
        if not isinstance(decl, ast.ObjectDecl) or decl.id in rooms:
            continue
        named = catalog.resolve(_TRAILING_DIGITS.sub("", decl.id).replace("_", " "))
        own = catalog.categories.get(decl.category)
        if named is not None and own is not None and named.name not in (own.name, own.family):
            wrong.append(decl)  # "table" for a dining table is fine; "sideboard" for a vase is not
    if not wrong:
        return program
    used = _ids(program) - {decl.id for decl in wrong}  # swapped ids ("sideboard" <-> "vase") come free
    renames: dict[str, str] = {}
    for decl in wrong:
        new, n = decl.category, 2
        while new in used:
            new, n = f"{decl.category}{n}", n + 1
        used.add(new)
        renames[decl.id] = new
        decl.id = new
    for ref in _refs(program):
        if ref.name in renames:
            ref.name = renames[ref.name]
    return program
