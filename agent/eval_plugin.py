"""Benchmark generator: ``--generator agent:URL@MODEL[@MAX_ITERS][@first][@tools=MODE][@log=DIR]``.

``agent:http://127.0.0.1:8000/v1@sgmini`` runs each case through SG-Agent against that endpoint;
an empty URL (``agent:@gpt-4o``) uses OPENAI_BASE_URL. Editing cases run the prompt, then each
turn through the edit mode (one session per case), and score the scene the last turn ends with.

Options after the model, in any order: an integer is the iteration budget per call (default 3);
``first`` scores the first reply as the model wrote it (one iteration, no auto-repair: the loop's
ablation baseline); ``tools=auto|on|off`` as ``sgram agent --tools``; ``log=DIR`` writes each case's
transcripts to ``DIR/<id>.json``, which :func:`summarise_logs` reads back (iterations, seconds).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from eval.registry import register_generator

from .schemas import ToolsOption, Transcript

USAGE = "`--generator agent:URL@MODEL[@MAX_ITERS][@first][@tools=auto|on|off][@log=DIR]`"


@dataclass
class AgentOptions:
    base_url: str | None
    model: str
    max_iters: int = 3
    first: bool = False
    tools: ToolsOption = "auto"
    log: Path | None = None


def parse_option(option: str) -> AgentOptions:
    url, sep, rest = (option or "").partition("@")
    model, *extras = rest.split("@")
    if not sep or not model:
        raise ValueError(f"`agent` needs an endpoint and a model: {USAGE}, e.g. agent:http://127.0.0.1:8000/v1@sgmini")
    opts = AgentOptions(base_url=url or None, model=model)
    iters = None
    for extra in extras:
        key, eq, value = extra.partition("=")
        if extra == "first":
            opts.first = True
        elif extra.isdigit() and int(extra) >= 1:
            iters = int(extra)
        elif eq and key == "tools" and value in get_args(ToolsOption):
            opts.tools = value
        elif eq and key == "log" and value:
            opts.log = Path(value)
        else:
            raise ValueError(f"`agent`: unknown option `{extra}` ({USAGE})")
    if opts.first and iters is not None:
        raise ValueError("`agent`: `first` scores one reply; leave out MAX_ITERS")
    if iters is not None:
        opts.max_iters = iters
    if opts.first:
        opts.max_iters = 1
    return opts


@register_generator("agent")
def agent_generator(option: str):
    """``agent:URL@MODEL[@MAX_ITERS][@first][@tools=MODE][@log=DIR]``: SG-Agent against any endpoint."""
    opts = parse_option(option)

    def generate(case: dict) -> str | None:
        transcripts: list[Transcript] = []
        try:
            return _run_case(case, opts, transcripts)
        finally:
            if opts.log is not None:
                _write_log(opts.log, case, transcripts)

    return generate


def _run_case(case: dict, opts: AgentOptions, transcripts: list[Transcript]) -> str | None:
    from .api import edit_scene, run_agent

    options = {"max_iters": opts.max_iters, "tools": opts.tools, "repair": not opts.first}
    result = run_agent(case["prompt"], opts.base_url, opts.model, **options)
    transcripts.append(result.transcript)
    script = result.script
    turns = case.get("turns") or []
    if script is None or not turns:
        return script
    with tempfile.TemporaryDirectory(prefix="sg-agent-") as tmp:
        path = Path(tmp) / "scene.sg"
        path.write_text(script, encoding="utf-8")
        for turn in turns:
            edited = edit_scene(path, turn, opts.base_url, opts.model, out=tmp, **options)
            transcripts.append(edited.transcript)
            if edited.script is None:
                break
        return path.read_text(encoding="utf-8")


def _write_log(folder: Path, case: dict, transcripts: list[Transcript]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    record = {"id": case["id"], "scenario": case.get("scenario"),
              "transcripts": [t.model_dump(mode="json") for t in transcripts]}
    (folder / f"{case['id']}.json").write_text(json.dumps(record, indent=1), encoding="utf-8")


def summarise_logs(folder: str | Path) -> dict[str, dict[str, float]]:
    """Per scenario and ``overall``: cases, LLM calls (iterations) and tool calls per case, the
    agent's seconds per case, the share of calls that stopped ``done`` and of auto-repaired scenes."""
    by_scenario: dict[str, list[list[dict]]] = {}
    for path in sorted(Path(folder).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        by_scenario.setdefault(record.get("scenario") or "?", []).append(record["transcripts"])
    by_scenario["overall"] = [case for cases in list(by_scenario.values()) for case in cases]
    return {name: _figures(cases) for name, cases in by_scenario.items()}


def _figures(cases: list[list[dict]]) -> dict[str, float]:
    runs = [t for case in cases for t in case]
    n, calls = max(len(cases), 1), max(len(runs), 1)
    return {
        "cases": len(cases),
        "iterations_per_case": round(sum(len(t["iterations"]) for t in runs) / n, 3),
        "tool_calls_per_case": round(sum(len(it.get("tool_calls", [])) for t in runs for it in t["iterations"]) / n, 3),
        "agent_seconds_per_case": round(sum(t["seconds"] for t in runs) / n, 3),
        "done_rate": round(sum(t["stop_reason"] == "done" for t in runs) / calls, 3),
        "auto_repaired_rate": round(sum(t["auto_repaired"] for t in runs) / calls, 3),
    }
