"""``ReplayBackend``: an ``sgram serve`` backend that answers with scripted replies, in order.

The file is JSON Lines, one reply per line: ``{"content": "..."}`` is the assistant's message,
``{"tool_calls": [{"name": "check_scene", "arguments": {"script": "..."}}]}`` a message of function
calls (``arguments`` an object or its JSON text; the request must offer those functions), and
``{"status": 429, "message": "rate limited"}`` makes the server answer that HTTP error instead.
Tests and demos drive the agent through the real ``openai`` client and a real socket with it.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from sgmini.server import ApiError, Backend, FunctionCall, Message


class ReplayBackend(Backend):
    def __init__(self, path: str | Path, name: str = "replay"):
        self.path = Path(path)
        self.name = name
        self.replies = [self._entry(n, line) for n, line in
                        enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
        self.position = 0
        self.requests: list[tuple[str, str]] = []
        """What each call was asked: ``("script", prompt)`` or ``("edit", instruction)``."""
        self._lock = threading.Lock()

    def _entry(self, n: int, line: str) -> dict:
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{self.path}:{n}: not JSON: {err}") from None
        if not isinstance(entry, dict) or not ("content" in entry or "status" in entry or "tool_calls" in entry):
            raise ValueError(f'{self.path}:{n}: expected {{"content": ...}}, {{"tool_calls": [...]}} or '
                             f'{{"status": N, "message": ...}}')
        calls = entry.get("tool_calls", [])
        if not isinstance(calls, list) or not all(isinstance(c, dict) and isinstance(c.get("name"), str)
                                                  for c in calls):
            raise ValueError(f'{self.path}:{n}: `tool_calls` must be a list of {{"name": ..., "arguments": ...}}')
        return entry

    def _next(self, kind: str, text: str) -> str | Message:
        with self._lock:
            self.requests.append((kind, text))
            if self.position >= len(self.replies):
                raise ApiError(500, f"replay `{self.path.name}` has no reply left (it holds {len(self.replies)})",
                               kind="server_error", code="replay_exhausted")
            entry = self.replies[self.position]
            self.position += 1
        if "status" in entry:
            raise ApiError(int(entry["status"]), str(entry.get("message", "replayed error")),
                           kind=entry.get("type", "replayed_error"))
        if "tool_calls" in entry:
            return Message(content=entry.get("content"), tool_calls=[FunctionCall(c["name"], _arguments(c))
                                                                      for c in entry["tool_calls"]])
        return str(entry["content"])

    def script(self, prompt: str, seed: int | None = None, temperature: float = 0.0) -> str | Message:
        return self._next("script", prompt)

    def edit(self, script: str, instruction: str, seed: int | None = None,
             temperature: float = 0.0) -> str | Message:
        return self._next("edit", instruction)

    @property
    def remaining(self) -> int:
        return len(self.replies) - self.position


def _arguments(call: dict) -> str:
    arguments = call.get("arguments", {})
    return arguments if isinstance(arguments, str) else json.dumps(arguments)
