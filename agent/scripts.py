"""Scripts as the agent sees them: read out of a reply, checked by the compiler, drawn.

The only text handling is taking the body of a fenced code block (line by line, no regular
expressions); everything else is the language's own parser and compiler. Nothing the model
writes is executed.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from spatialgrammar import Diagnostic, format, parse_diagnostics
from spatialgrammar.api import check_text

SCRIPT_FENCES = ("sg", "spatialgrammar", "sgram")
FILE_NAME = "scene.sg"


def extract_script(reply: str) -> str:
    """The body of the reply's ```sg block (else its first fenced block), else the whole reply."""
    lines = reply.splitlines()
    blocks: list[tuple[str, list[str]]] = []
    info, body = None, []
    for line in lines:
        stripped = line.strip()
        if info is None:
            if stripped.startswith("```"):
                info, body = stripped[3:].strip().lower(), []
        elif stripped.startswith("```"):
            blocks.append((info, body))
            info = None
        else:
            body.append(line)
    if info is not None:  # an unclosed fence (a reply cut off by max_tokens): take what is there
        blocks.append((info, body))
    if not blocks:
        return reply.strip()
    for tag, block in blocks:
        if tag in SCRIPT_FENCES:
            return "\n".join(block).strip()
    return "\n".join(blocks[0][1]).strip()


def says_done(reply: str) -> bool:
    return reply.strip().strip("`*_.! \n").upper() == "DONE"


def _has_rooms(program) -> bool:
    return program is not None and any(getattr(s, "kind", None) == "room" for s in program.statements)


def same_script(a: str | None, b: str | None) -> bool:
    """Both parse and format to the same canonical text."""
    if a is None or b is None:
        return False
    pa, _ = parse_diagnostics(a)
    pb, _ = parse_diagnostics(b)
    return pa is not None and pb is not None and format(pa) == format(pb)


@dataclass
class Checked:
    """A script as the compiler saw it."""

    script: str
    diagnostics: list[Diagnostic]
    ascii_map: str | None
    scene_ok: bool
    """Parsed, with at least one room: a scene that can be the result."""

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)

    @property
    def clean(self) -> bool:
        return self.scene_ok and self.errors == 0

    def json(self) -> list[dict]:
        return [d.to_json() for d in self.diagnostics]

    def summary(self) -> str:
        """``2 errors (collision, out_of_room), 1 warning``."""
        codes = sorted({d.code for d in self.diagnostics if d.severity == "error"})
        parts = [_count(self.errors, "error") + (f" ({', '.join(codes)})" if codes else "")]
        if self.warnings:
            parts.append(_count(self.warnings, "warning"))
        return ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def check(script: str) -> Checked:
    report = check_text(script, FILE_NAME, with_map=True)
    diagnostics = list(report.diagnostics)
    has_rooms = _has_rooms(report.program)
    if report.program is not None and not has_rooms:
        diagnostics.append(Diagnostic(code="no_room", message="the script declares no `room`", file=FILE_NAME,
                                      hint="answer with a whole script: `scene`, then `room ID TYPE rect ...`"))
    return Checked(script, diagnostics, report.ascii_map, report.program is not None and has_rooms)


def read_script(reply: str, base: str | None) -> str:
    """The script a reply stands for: the whole script, or ``base`` plus the reply's edit statements."""
    text = extract_script(reply)
    if base is None:
        return text
    program, _ = parse_diagnostics(text)
    if program is not None and not _has_rooms(program) and program.statements:
        return base.rstrip("\n") + "\n\n" + text + "\n"
    return text


def picture_parts(c: Checked) -> list[dict]:
    """The top-down plan (diagnostics outlined in red) and a perspective view, as image message parts."""
    from compiler import compile_text
    from compiler.render import render_perspective, render_topdown

    result = compile_text(c.script, FILE_NAME)
    if result.scene is None:
        return []
    pictures = [render_topdown(result.scene, result.diagnostics, size_px=800),
                render_perspective(result.scene, size=(800, 500))]
    urls = ["data:image/png;base64," + base64.b64encode(png).decode("ascii") for png in pictures]
    return [{"type": "image_url", "image_url": {"url": url}} for url in urls]
