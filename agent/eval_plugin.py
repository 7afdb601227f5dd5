"""Benchmark generator: ``--generator agent:URL@MODEL[@MAX_ITERS]``.

``agent:http://127.0.0.1:8000/v1@sgmini`` runs each case through SG-Agent against that endpoint;
an empty URL (``agent:@gpt-4o``) uses OPENAI_BASE_URL. Editing cases run the prompt, then each
turn through the edit mode (one session per case), and score the scene the last turn ends with.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from eval.registry import register_generator


def parse_option(option: str) -> tuple[str | None, str, int]:
    url, sep, rest = (option or "").partition("@")
    if not sep or not rest:
        raise ValueError("`agent` needs an endpoint and a model: `--generator agent:URL@MODEL[@MAX_ITERS]`, "
                         "e.g. agent:http://127.0.0.1:8000/v1@sgmini")
    model, _, iters = rest.partition("@")
    try:
        max_iters = int(iters) if iters else 3
    except ValueError:
        raise ValueError(f"`agent`: MAX_ITERS must be an integer, got `{iters}`") from None
    return url or None, model, max_iters


@register_generator("agent")
def agent_generator(option: str):
    """``agent:URL@MODEL[@MAX_ITERS]``: SG-Agent against any OpenAI-compatible endpoint."""
    from .api import edit_scene, run_agent

    base_url, model, max_iters = parse_option(option)

    def generate(case: dict) -> str | None:
        result = run_agent(case["prompt"], base_url, model, max_iters=max_iters)
        script = result.script
        turns = case.get("turns") or []
        if script is None or not turns:
            return script
        with tempfile.TemporaryDirectory(prefix="sg-agent-") as tmp:
            path = Path(tmp) / "scene.sg"
            path.write_text(script, encoding="utf-8")
            for turn in turns:
                edited = edit_scene(path, turn, base_url, model, max_iters=max_iters, out=tmp)
                if edited.script is None:
                    break
            return path.read_text(encoding="utf-8")

    return generate
