"""Typed records of an agent run: every iteration's reply, script, diagnostics, timings and tokens."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal

from pydantic import BaseModel, Field

StopReason = Literal["done", "max_iters", "token_budget", "interrupted", "error"]
IterationKind = Literal["generate", "repair", "confirm", "edit"]


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
    feedback: str | None = None
    """The message sent back to the model after this reply (None when the loop stopped here)."""
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
