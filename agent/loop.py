"""The write-check-look-repair loop.

The model writes a script; the compiler checks it; the agent feeds back the diagnostics (JSON),
the ASCII map and, with ``vision``, the top-down picture; the model answers with a corrected script.
The loop stops when a clean scene is confirmed (the model says DONE, or repeats the clean script),
or when the iteration or token budget runs out. The result is the best scene seen (fewest errors),
auto-repaired with ``fix_text`` when it is still unclean.

Replies are read by the language's own parser: the only text handling is taking the body of a
fenced code block (line by line, no regular expressions). Nothing the model writes is executed.
"""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from spatialgrammar import Diagnostic, format, parse_diagnostics
from spatialgrammar.api import check_text, fix_text, textbook

from .client import AgentError, ChatClient
from .schemas import Iteration, Timings, Transcript

PROMPTS = Path(__file__).resolve().parent / "prompts"
SCRIPT_FENCES = ("sg", "spatialgrammar", "sgram")
FILE_NAME = "scene.sg"

Progress = Callable[[str], None]


def load_prompt(name: str, **fields: object) -> str:
    """The prompt ``agent/prompts/NAME.md`` with each ``{{field}}`` filled in."""
    path = PROMPTS / f"{name}.md"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in PROMPTS.glob("*.md")))
        raise ValueError(f"unknown prompt `{name}` (known: {known})")
    text = path.read_text(encoding="utf-8")
    for key, value in fields.items():
        text = text.replace("{{" + key + "}}", str(value))
    return text.rstrip("\n")


@lru_cache(maxsize=1)
def system_prompt() -> str:
    """The textbook plus the catalog's category names."""
    from assets import load_catalog

    return load_prompt("system", categories=", ".join(load_catalog().names()), textbook=textbook())


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


def _same_script(a: str | None, b: str | None) -> bool:
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

    def json(self) -> list[dict]:
        return [d.to_json() for d in self.diagnostics]


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


def _summary(c: Checked) -> str:
    codes = sorted({d.code for d in c.diagnostics if d.severity == "error"})
    parts = [f"{c.errors} error{'s' * (c.errors != 1)}" + (f" ({', '.join(codes)})" if codes else "")]
    if c.warnings:
        parts.append(f"{c.warnings} warning{'s' * (c.warnings != 1)}")
    return ", ".join(parts)


def _diagnostics_text(c: Checked) -> str:
    return "[\n" + ",\n".join(json.dumps(d) for d in c.json()) + "\n]" if c.diagnostics else "[]"


class Loop:
    """Runs one conversation to a result; see the module docstring."""

    def __init__(self, client: ChatClient, max_iters: int = 3, max_tokens: int | None = None,
                 vision: bool = False, progress: Progress | None = None):
        if max_iters < 1:
            raise ValueError("`max_iters` must be at least 1")
        self.client = client
        self.max_iters = max_iters
        self.max_tokens = max_tokens
        self.vision = vision
        self.progress = progress or (lambda _msg: None)

    def run(self, messages: list[dict], transcript: Transcript, base: str | None = None) -> Checked | None:
        """Talk until done or out of budget; fills ``transcript``; returns the final checked scene."""
        t0 = time.perf_counter()
        best: tuple[int, int, int, Checked] | None = None  # (errors, warnings, -index, checked)
        previous: Checked | None = None
        try:
            for i in range(1, self.max_iters + 1):
                kind = ("edit" if base is not None else "generate") if previous is None else (
                    "confirm" if previous.scene_ok and previous.errors == 0 else "repair")
                self.progress(f"iteration {i}/{self.max_iters}: asking `{self.client.model}` ({kind})")
                reply = self.client.complete(messages)
                messages.append({"role": "assistant", "content": reply.content})
                transcript.usage = transcript.usage + reply.usage
                it = Iteration(index=i, kind=kind, reply=reply.content, usage=reply.usage,
                               timings=Timings(llm_s=round(reply.seconds, 3)), retries=reply.retries)
                transcript.iterations.append(it)
                clean_before = previous is not None and previous.scene_ok and previous.errors == 0
                if clean_before and says_done(reply.content):
                    it.said_done = True
                    transcript.stop_reason = "done"
                    self.progress(f"iteration {i}: the model says DONE")
                    break
                t1 = time.perf_counter()
                checked = check(read_script(reply.content, base))
                it.timings.compile_s = round(time.perf_counter() - t1, 3)
                it.script, it.errors, it.warnings = checked.script, checked.errors, checked.warnings
                it.diagnostics = checked.json()
                self.progress(f"iteration {i}: {_summary(checked)}")
                if checked.scene_ok:
                    key = (checked.errors, checked.warnings, -i)
                    if best is None or key < best[:3]:
                        best = (*key, checked)
                if clean_before and checked.errors == 0 and _same_script(previous.script, checked.script):
                    it.said_done = True  # the model repeats the clean scene: converged
                    transcript.stop_reason = "done"
                    break
                if i == self.max_iters:
                    transcript.stop_reason = "max_iters"
                    break
                if self.max_tokens is not None and transcript.usage.total_tokens >= self.max_tokens:
                    transcript.stop_reason = "token_budget"
                    break
                it.feedback, message = self._feedback(i, checked, transcript.prompt, it.timings)
                messages.append(message)
                previous = checked
        except KeyboardInterrupt:
            transcript.stop_reason = "interrupted"
            transcript.error = "interrupted"
        except AgentError as err:
            transcript.stop_reason = "error"
            transcript.error = str(err)
        transcript.seconds = round(time.perf_counter() - t0, 3)
        if best is None:
            return None
        transcript.best_iteration = -best[2]
        return best[3]

    def _feedback(self, i: int, c: Checked, prompt: str, timings: Timings) -> tuple[str, dict]:
        common = {"iteration": i, "max_iters": self.max_iters, "summary": _summary(c)}
        if not c.scene_ok:
            text = load_prompt("malformed", diagnostics=_diagnostics_text(c), **common)
        elif c.errors:
            text = load_prompt("feedback", diagnostics=_diagnostics_text(c), ascii_map=c.ascii_map or "", **common)
        else:
            warnings = f", {c.warnings} warning{'s' * (c.warnings != 1)}" if c.warnings else ""
            if c.warnings:
                warnings += "\n\n```json\n" + _diagnostics_text(c) + "\n```"
            text = load_prompt("clean", warnings=warnings, ascii_map=c.ascii_map or "", prompt=prompt,
                               iteration=i, max_iters=self.max_iters)
        if not (self.vision and c.scene_ok):
            return text, {"role": "user", "content": text}
        t0 = time.perf_counter()
        pictures = _pictures(c)
        timings.render_s = round(time.perf_counter() - t0, 3)
        if not pictures:
            return text, {"role": "user", "content": text}
        parts: list[dict] = [{"type": "text", "text": text}]
        for png in pictures:
            url = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
            parts.append({"type": "image_url", "image_url": {"url": url}})
        return text, {"role": "user", "content": parts}


def _pictures(c: Checked) -> list[bytes]:
    """The top-down plan (diagnostics outlined in red) and a perspective view, as PNG bytes."""
    from compiler import compile_text
    from compiler.render import render_perspective, render_topdown

    result = compile_text(c.script, FILE_NAME)
    if result.scene is None:
        return []
    return [render_topdown(result.scene, result.diagnostics, size_px=800),
            render_perspective(result.scene, size=(800, 500))]


def finish(best: Checked | None, transcript: Transcript) -> Checked | None:
    """The best scene, auto-repaired with ``fix_text`` when it still has errors; records the outcome."""
    if best is None:
        transcript.final_errors = None
        return None
    final = best
    if best.errors:
        fixed = fix_text(best.script, FILE_NAME)
        if fixed.parsed:
            repaired = check(fixed.text)
            if repaired.scene_ok and repaired.errors < best.errors:
                final = repaired
                transcript.auto_repaired = True
                transcript.repair_changes = [
                    f"`{ch.object}` {ch.from_cell} -> {ch.to_cell} ({ch.distance_m:.2f} m)" for ch in fixed.changes]
    transcript.final_script = final.script
    transcript.final_errors = final.errors
    transcript.final_diagnostics = final.json()
    return final
