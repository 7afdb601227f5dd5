"""Typed records of an agent run: every iteration's reply, script, diagnostics, timings and tokens."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal

from pydantic import BaseModel, Field

StopReason = Literal["done", "max_iters", "token_budget", "interrupted", "error"]
IterationKind = Literal["generate", "repair", "confirm", "edit"]
ToolMode = Literal["tools", "text"]
ToolsOption = Literal["auto", "on", "off"]
"""Offer tools always, never, or on the first request with a fall-back to text (``auto``)."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Usage(BaseModel):
    """Token counts as the endpoint reported them (zeros when it reports none)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def __add__(self, other: "Usage") -> "Usage":
        return Usage(prompt_tokens=self.prompt_tokens + other.prompt_tokens,
                     completion_tokens=self.completion_tokens + other.completion_tokens,
                     total_tokens=self.total_tokens + other.total_tokens)


class Timings(BaseModel):
    llm_s: float = 0.0
    compile_s: float = 0.0
    render_s: float = 0.0


class ToolCall(BaseModel):
    """One function call in a reply, and what the agent answered it."""

    id: str
    name: str
    arguments: str
    """As the model wrote them (JSON text): only ever read as JSON, never run."""
    result: str = ""
    """The content of the ``role: tool`` answer (JSON)."""
    errors: int | None = None
    """Errors of the script the call carried (None when it carried none)."""


class Iteration(BaseModel):
    """One LLM call and what the compiler made of its reply."""

    index: int
    kind: IterationKind
    reply: str
    script: str | None = None
    """The script read from the reply (edit statements are appended to the scene they edit)."""
    said_done: bool = False
    errors: int = 0
    warnings: int = 0
    diagnostics: list[dict] = Field(default_factory=list)
    tool_calls: list[ToolCall] = Field(default_factory=list)
    """The reply's function calls (tool mode); ``script`` is then the last one's script."""
    feedback: str | None = None
    """The user message sent back after this reply (None when the loop stopped here, or when the
    tool answers were the feedback)."""
    timings: Timings = Field(default_factory=Timings)
    usage: Usage = Field(default_factory=Usage)
    retries: int = 0
    """HTTP attempts that failed (429/5xx) before this call succeeded."""


class Transcript(BaseModel):
    """The whole run: what was asked, every iteration, and how the final scene was chosen."""

    prompt: str
    mode: Literal["generate", "edit"] = "generate"
    model: str
    base_url: str
    started_at: str = Field(default_factory=now)
    max_iters: int
    tool_mode: ToolMode = "text"
    """``tools``: the requests offered the functions of ``agent.tools``; ``text``: fenced code only."""
    tool_fallback: str | None = None
    """Why an ``auto`` run fell back to text (the endpoint rejected ``tools``, or the model ignored them)."""
    iterations: list[Iteration] = Field(default_factory=list)
    stop_reason: StopReason | None = None
    best_iteration: int | None = None
    auto_repaired: bool = False
    repair_changes: list[str] = Field(default_factory=list)
    final_script: str | None = None
    final_errors: int | None = None
    final_diagnostics: list[dict] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0
    error: str | None = None


class Session(BaseModel):
    """A multi-turn editing conversation, kept on disk so that turns can continue."""

    model: str
    base_url: str
    messages: list[dict] = Field(default_factory=list)
    script: str
    turns: list[str] = Field(default_factory=list)


class AgentResult(BaseModel):
    """What ``run_agent`` / ``edit_scene`` hand back."""

    script: str | None
    clean: bool
    transcript: Transcript
    files: dict[str, str] = Field(default_factory=dict)
    """Written files by role: ``script``, ``glb``, ``transcript``, ``session``."""
