"""``ReplayBackend``: an ``sgram serve`` backend that answers with scripted replies, in order.

The file is JSON Lines, one reply per line: ``{"content": "..."}`` is the assistant's message,
``{"status": 429, "message": "rate limited"}`` makes the server answer that HTTP error instead.
Tests and demos drive the agent through the real ``openai`` client and a real socket with it.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from sgmini.server import ApiError, Backend


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
        if not isinstance(entry, dict) or not ("content" in entry or "status" in entry):
            raise ValueError(f'{self.path}:{n}: expected {{"content": ...}} or {{"status": N, "message": ...}}')
        return entry

    def _next(self, kind: str, text: str) -> str:
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
        return str(entry["content"])

    def script(self, prompt: str, seed: int | None = None, temperature: float = 0.0) -> str:
        return self._next("script", prompt)

    def edit(self, script: str, instruction: str, seed: int | None = None, temperature: float = 0.0) -> str:
        return self._next("edit", instruction)

    @property
    def remaining(self) -> int:
        return len(self.replies) - self.position
