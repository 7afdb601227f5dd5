"""Keeps `#` comments through parse and format: each is attached to a statement."""

from __future__ import annotations

from collections.abc import Iterator

from . import ast


def scan_comments(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text after `#`) for every comment; `#` inside a description is text."""
    found = []
    for number, line in enumerate(lines, start=1):
        inside = False
        for column, char in enumerate(line):
            if char == '"':
                inside = not inside
            elif char == "#" and not inside:
                found.append((number, line[column + 1:].strip()))
                break
    return found


def _statements(items: list) -> Iterator[ast.Stmt]:
    for item in items:
        yield item
        yield from _statements(getattr(item, "body", []))


def attach_comments(program: ast.Program, comments: list[tuple[int, str]]) -> None:
    """Give each comment to the first statement starting on or after its line."""
    order = [program.scene] if program.scene.span else []
    order += list(_statements(program.statements))
    pending = sorted(comments)
    for stmt in order:
        line = stmt.span.line
        while pending and pending[0][0] <= line:
            number, text = pending.pop(0)
            if number == line:
                stmt.note = text
            else:
                stmt.comments.append(text)
    program.end_comments = [text for _, text in pending]
