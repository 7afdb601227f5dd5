"""One diagnostic model for every stage (parser, compiler checks), with renderers.

A diagnostic has a stable snake_case ``code`` that is never renamed, a severity, a
lowercase message with names in backticks, the source span, the object ids involved
and a ``hint`` that says how to fix it.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, Field

from .ast import Span

Severity = Literal["error", "warning"]


class Diagnostic(BaseModel):
    """A problem found in a script, located in its source."""

    code: str
    severity: Severity = "error"
    message: str
    span: Span | None = None
    objects: list[str] = Field(default_factory=list)
    hint: str | None = None
    amount_m: float | None = None
    file: str | None = None

    def to_json(self) -> dict:
        """The flat JSON form printed by ``sgram check --json``."""
        span = self.span
        return {
            "file": self.file,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line": span.line if span else None,
            "column": span.column if span else None,
            "end_line": span.end_line if span else None,
            "end_column": span.end_column if span else None,
            "objects": self.objects,
            "hint": self.hint,
        }

    def render(self, source: str | None = None) -> str:
        """Full human form: ``file:line:col: severity[code]: message``, a caret snippet, ``help:``."""
        out = [self.render_short()]
        span = self.span
        if span is not None:
            lines = source.splitlines() if source is not None else []
            if 0 < span.line <= len(lines):
                text = lines[span.line - 1]
                gutter = " " * len(str(span.line))
                end = span.end_column if span.end_line == span.line else len(text) + 1
                width = max(1, end - span.column)
                out.append(f"{gutter} |")
                out.append(f"{span.line} | {text}")
                out.append(f"{gutter} | {' ' * (span.column - 1)}{'^' * width}")
        if self.hint:
            out.append(f"help: {self.hint}")
        return "\n".join(out)

    def render_short(self) -> str:
        """One line: ``file:line:col: severity[code]: message``."""
        span = self.span
        where = f"{self.file or '<input>'}:{span.line}:{span.column}" if span else (self.file or "<input>")
        return f"{where}: {self.severity}[{self.code}]: {self.message}"


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    """True when any diagnostic is an error (warnings do not fail a script)."""
    return any(d.severity == "error" for d in diagnostics)


def to_json(diagnostics: list[Diagnostic]) -> str:
    """A JSON array of the flat forms, as ``sgram check --json`` prints it."""
    return json.dumps([d.to_json() for d in diagnostics], indent=2)
