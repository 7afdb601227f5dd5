"""The write-check-look-repair loop.

The model writes a script; the compiler checks it; the agent feeds back the diagnostics (JSON),
the ASCII map and, with ``vision``, the top-down picture; the model answers with a corrected script.
The loop stops when a clean scene is confirmed (the model says DONE, or repeats the clean script),
or when the iteration or token budget runs out. The result is the best scene seen (fewest errors),
auto-repaired with ``fix_text`` when it is still unclean.

With ``tools`` the requests also offer the functions of :mod:`agent.tools` (``check_scene``,
``render_scene``, ``list_categories``, ``submit_scene``). Every LLM call is one iteration of the
budget, whether it answers with calls or with text, and every script a call carries is a
candidate for the result. The model finishes by submitting: the ``submit_scene`` call, or a reply
with the script in a fenced block. A clean submission ends the run; one with errors is answered with
its diagnostics. ``auto`` offers tools on the first request and falls back to text for the rest of
the run when the endpoint refuses them (HTTP 400/422) or the first reply calls none (an endpoint
that ignores ``tools``, such as ``sgram serve`` with SG-Mini); the transcript records the mode.

Replies are read by the language's own parser (:mod:`agent.scripts`). Nothing the model writes is
executed.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from sgmini.server import FEEDBACK_NAME
from spatialgrammar.api import fix_text, textbook

from .client import AgentError, ChatClient, Reply, ToolsRejected
from .schemas import Iteration, Timings, ToolsOption, Transcript
from .scripts import FILE_NAME, Checked, check, picture_parts, read_script, same_script, says_done
from .tools import TOOLS, ToolContext, ToolOutcome, run_tool

PROMPTS = Path(__file__).resolve().parent / "prompts"

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


def _diagnostics_text(c: Checked) -> str:
    return "[\n" + ",\n".join(json.dumps(d) for d in c.json()) + "\n]" if c.diagnostics else "[]"


@dataclass
class _Best:
    """The best scene seen: fewest errors, then fewest warnings, then the latest."""

    checked: Checked | None = None
    iteration: int | None = None
    key: tuple[int, int, int] = field(default=(0, 0, 0))

    def offer(self, c: Checked, i: int) -> None:
        key = (c.errors, c.warnings, -i)
        if c.scene_ok and (self.checked is None or key <= self.key):  # `<=`: a later call of the same reply wins
            self.checked, self.iteration, self.key = c, i, key


class Loop:
    """Runs one conversation to a result; see the module docstring."""

    def __init__(self, client: ChatClient, max_iters: int = 3, max_tokens: int | None = None,
                 vision: bool = False, progress: Progress | None = None, tools: ToolsOption = "auto"):
        if max_iters < 1:
            raise ValueError("`max_iters` must be at least 1")
        if tools not in ("auto", "on", "off"):
            raise ValueError(f"`tools` must be `auto`, `on` or `off`, not `{tools}`")
        self.client = client
        self.max_iters = max_iters
        self.max_tokens = max_tokens
        self.vision = vision
        self.tools = tools
        self.progress = progress or (lambda _msg: None)

    def run(self, messages: list[dict], transcript: Transcript, base: str | None = None) -> Checked | None:
        """Talk until done or out of budget; fills ``transcript``; returns the final checked scene."""
        t0 = time.perf_counter()
        transcript.tool_mode = "text" if self.tools == "off" else "tools"
        best = _Best()
        previous: Checked | None = None
        try:
            for i in range(1, self.max_iters + 1):
                kind = ("edit" if base is not None else "generate") if previous is None else (
                    "confirm" if previous.clean else "repair")
                self.progress(f"iteration {i}/{self.max_iters}: asking `{self.client.model}` ({kind})")
                reply = self._complete(messages, transcript)
                if transcript.tool_mode == "tools" and not reply.tool_calls and self.tools == "auto" and i == 1:
                    self._fall_back(transcript, "the first reply called no tool")
                if transcript.tool_mode == "text":
                    reply.tool_calls = []  # none were offered: only the text counts
                messages.append(reply.message())
                transcript.usage = transcript.usage + reply.usage
                it = Iteration(index=i, kind=kind, reply=reply.content, usage=reply.usage,
                               timings=Timings(llm_s=round(reply.seconds, 3)), retries=reply.retries)
                transcript.iterations.append(it)
                clean_before = previous is not None and previous.clean
                if not reply.tool_calls and clean_before and says_done(reply.content):
                    it.said_done = True
                    transcript.stop_reason = "done"
                    self.progress(f"iteration {i}: the model says DONE")
                    break
                checked, submitted = self._read(reply, it, messages, base, best)
                if submitted and checked.clean and (transcript.tool_mode == "tools" or (
                        clean_before and same_script(previous.script, checked.script))):
                    it.said_done = True  # a clean submission, or the model repeats the clean scene: converged
                    transcript.stop_reason = "done"
                    break
                if i == self.max_iters:
                    transcript.stop_reason = "max_iters"
                    break
                if self.max_tokens is not None and transcript.usage.total_tokens >= self.max_tokens:
                    transcript.stop_reason = "token_budget"
                    break
                if not reply.tool_calls:  # a text reply is answered by a user message; calls by their results
                    it.feedback, message = self._feedback(i, checked, transcript.prompt, it.timings)
                    messages.append(message)
                previous = checked or previous
        except KeyboardInterrupt:
            transcript.stop_reason = "interrupted"
            transcript.error = "interrupted"
        except AgentError as err:
            transcript.stop_reason = "error"
            transcript.error = str(err)
        transcript.seconds = round(time.perf_counter() - t0, 3)
        transcript.best_iteration = best.iteration
        return best.checked

    def _read(self, reply: Reply, it: Iteration, messages: list[dict], base: str | None,
              best: _Best) -> tuple[Checked | None, bool]:
        """The script the reply stands for (the submitted one, else the last a call carried) and
        whether it is a submission; records it in ``it`` and offers every script seen to ``best``."""
        if reply.tool_calls:
            outcomes = self._call_tools(reply, it, messages, base)
            seen = [o.checked for o in outcomes if o.checked is not None]
            for c in seen:
                best.offer(c, it.index)
            submission = next((o.checked for o in outcomes if o.submitted), None)
            checked, submitted = submission or (seen[-1] if seen else None), submission is not None
        else:
            t0 = time.perf_counter()
            checked, submitted = check(read_script(reply.content, base)), True
            it.timings.compile_s = round(time.perf_counter() - t0, 3)
            best.offer(checked, it.index)
            self.progress(f"iteration {it.index}: {checked.summary()}")
        if checked is not None:
            it.script, it.errors, it.warnings = checked.script, checked.errors, checked.warnings
            it.diagnostics = checked.json()
        return checked, submitted

    def _complete(self, messages: list[dict], transcript: Transcript) -> Reply:
        if transcript.tool_mode == "text":
            return self.client.complete(messages)
        try:
            return self.client.complete(messages, tools=TOOLS)
        except ToolsRejected as err:
            if self.tools == "on":
                raise
            self._fall_back(transcript, str(err))
            return self.client.complete(messages)

    def _fall_back(self, transcript: Transcript, reason: str) -> None:
        transcript.tool_mode, transcript.tool_fallback = "text", reason
        self.progress(f"no tool calling ({reason}): plain text with fenced code from now on")

    def _call_tools(self, reply: Reply, it: Iteration, messages: list[dict], base: str | None) -> list[ToolOutcome]:
        """Answer every call with a ``role: tool`` message (pictures follow in one user message)."""
        i = it.index
        context = ToolContext(base=base, vision=self.vision, calls_left=self.max_iters - i)
        outcomes = []
        for call in reply.tool_calls:
            t0 = time.perf_counter()
            outcome = run_tool(call, context)
            seconds = time.perf_counter() - t0
            if outcome.images:
                it.timings.render_s = round(it.timings.render_s + seconds, 3)
            else:
                it.timings.compile_s = round(it.timings.compile_s + seconds, 3)
            call.result = outcome.result
            call.errors = outcome.checked.errors if outcome.checked is not None else None
            messages.append({"role": "tool", "tool_call_id": call.id, "content": outcome.result})
            self.progress(f"iteration {i}: `{call.name}`" + (
                f" -> {outcome.checked.summary()}" if outcome.checked is not None else ""))
            outcomes.append(outcome)
        it.tool_calls = list(reply.tool_calls)
        images = [part for o in outcomes for part in o.images]
        if images:
            messages.append({"role": "user", "content": [
                {"type": "text", "text": "The pictures `render_scene` drew:"}, *images]})
        return outcomes

    def _feedback(self, i: int, c: Checked, prompt: str, timings: Timings) -> tuple[str, dict]:
        common = {"iteration": i, "max_iters": self.max_iters, "summary": c.summary()}
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
        pictures: list[dict] = []
        if self.vision and c.scene_ok:
            t0 = time.perf_counter()
            pictures = picture_parts(c)
            timings.render_s = round(time.perf_counter() - t0, 3)
        content = [{"type": "text", "text": text}, *pictures] if pictures else text
        return text, {"role": "user", "name": FEEDBACK_NAME, "content": content}


def finish(best: Checked | None, transcript: Transcript, repair: bool = True) -> Checked | None:
    """The best scene, auto-repaired with ``fix_text`` when it still has errors (unless not ``repair``);
    records the outcome in the transcript."""
    if best is None:
        transcript.final_errors = None
        return None
    final = best
    if best.errors and repair:
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
