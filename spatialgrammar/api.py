"""Public Python API behind every ``sgram`` subcommand."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import ast
from .diagnostics import Diagnostic, to_json
from .formatter import format as format_program
from .parser import parse_diagnostics

TEXTBOOK = Path(__file__).resolve().parent.parent / "docs" / "textbook.md"


@dataclass
class CheckReport:
    """What ``sgram check`` found in one script."""

    diagnostics: list[Diagnostic]
    program: ast.Program | None = None
    ascii_map: str | None = None

    @property
    def error_count(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warning_count(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)


@dataclass
class FormatResult:
    """The canonical text of a script, or the diagnostics that stopped formatting."""

    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def check_text(text: str, file: str | None = None) -> CheckReport:
    """Parse a script and report its diagnostics."""
    program, diagnostics = parse_diagnostics(text, file)
    return CheckReport(diagnostics=diagnostics, program=program)


def format_text(text: str, file: str | None = None) -> FormatResult:
    """Canonical form of a script; unparsable scripts are returned untouched with diagnostics."""
    program, diagnostics = parse_diagnostics(text, file)
    if program is None:
        return FormatResult(text=text, diagnostics=diagnostics)
    return FormatResult(text=format_program(program))


def diagnostics_json(diagnostics: list[Diagnostic]) -> str:
    """The JSON array ``sgram check --json`` prints."""
    return to_json(diagnostics)


def textbook() -> str:
    """The language manual (docs/textbook.md)."""
    return TEXTBOOK.read_text(encoding="utf-8")
