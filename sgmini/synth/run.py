"""``sgram synth``: sample scenes, keep the clean ones, write prompt/edit/repair records as sharded JSONL.

Shard ``k`` of a run with seed ``S`` holds the first ``shard_size`` clean scenes drawn from
``Random(f"{S}:{k}:{j}")``, j = 0, 1, ...: the output depends only on (seed, shard), never on the
number of workers, so shards can be made on many machines (one seed, or one shard range, per
machine) and concatenated.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import random
import time
from dataclasses import dataclass
from pathlib import Path

from compiler import compile_text

from .layout import Plan
from .pairs import make_edit, make_repair
from .prompts import write_prompts
from .sampler import SCENARIOS, architectural, furnished_room, pick, single_object

FORMAT_VERSION = 1


def clean(text: str) -> bool:
    """True when the script compiles with no diagnostic at all (no error, no warning)."""
    try:
        result = compile_text(text)
    except Exception:  # noqa: BLE001 - a compiler crash on a sample just rejects it
        return False
    return result.scene is not None and not result.diagnostics


def diagnose(text: str) -> str:
    """Short diagnostics of a broken script, one per line: ``error[code] line N: message``."""
    try:
        result = compile_text(text)
    except Exception:  # noqa: BLE001
        return ""
    lines = []
    for d in result.diagnostics[:4]:
        where = f" line {d.span.line}" if d.span else ""
        lines.append(f"{d.severity}[{d.code}]{where}: {d.message}")
    return "\n".join(lines)


def sample_plan(rng: random.Random, scenario: str | None = None) -> Plan:
    scenario = scenario or pick(rng, SCENARIOS)
    plan = Plan(scenario=scenario)
    if scenario == "single_object":
        single_object(plan, rng)
    elif scenario == "multi_object":
        furnished_room(plan, rng, rng.choice([0, 1, 1]))
    elif scenario in ("hierarchical", "dense"):
        furnished_room(plan, rng, 2)
    else:
        architectural(plan, rng)
    if scenario == "dense":
        plan.scenario = "hierarchical"
    return plan


def make_record(seed: int, shard: int, j: int, prompts: int = 3, edit_p: float = 0.6,
                repair_p: float = 0.25) -> dict | None:
    """One clean scene with its prompts and pairs, or None when the sampled scene is not clean."""
    rng = random.Random(f"{seed}:{shard}:{j}")
    try:
        plan = sample_plan(rng)
    except (ValueError, IndexError, KeyError, ZeroDivisionError):  # an impossible draw: reject it
        return None
    script = plan.script()
    if not plan.rooms or not clean(script):
        return None
    record = {"id": f"s{seed}-{shard}-{j}", "scenario": plan.scenario, "script": script,
              "prompts": write_prompts(plan, rng, prompts), "edits": [], "repairs": []}
    if rng.random() < edit_p and plan.scenario != "architectural":
        context = script
        current = plan
        for _ in range(rng.choice([1, 1, 2, 3])):
            got = make_edit(current, rng, lambda text: clean(text))
            if got is None:
                break
            instruction, edit, current = got
            # the edited plan must carry the edit in its script for the next turn: keep the text form
            record["edits"].append({"context": context, "instruction": instruction, "edit": edit})
            context = context + edit
            current = _with_edits(current, context)
    if rng.random() < repair_p:
        got = make_repair(script, rng, diagnose)
        if got is not None:
            broken, diags = got
            record["repairs"].append({"broken": broken, "diagnostics": diags, "fixed": script})
    return record


def _with_edits(plan: Plan, context: str) -> Plan:
    """A plan whose ``script()`` is ``context`` (the scene with its edits appended)."""
    plan = _Scripted(plan, context)
    return plan


class _Scripted(Plan):
    def __init__(self, plan: Plan, text: str):
        super().__init__(rooms=plan.rooms, facts=plan.facts, style=plan.style, scenario=plan.scenario)
        self._text = text

    def script(self) -> str:
        return self._text


@dataclass
class ShardJob:
    seed: int
    shard: int
    size: int
    out: str
    prompts: int = 3


def run_shard(job: ShardJob) -> dict:
    t0 = time.perf_counter()
    kept = tried = 0
    path = Path(job.out) / f"shard-{job.seed}-{job.shard:05d}.jsonl"
    tmp = path.with_suffix(".tmp")
    scenarios: dict[str, int] = {}
    counts = {"prompts": 0, "edits": 0, "repairs": 0}
    with tmp.open("w", encoding="utf-8") as fh:
        j = 0
        while kept < job.size and j < job.size * 5:
            rec = make_record(job.seed, job.shard, j, job.prompts)
            j += 1
            tried += 1
            if rec is None:
                continue
            kept += 1
            scenarios[rec["scenario"]] = scenarios.get(rec["scenario"], 0) + 1
            counts["prompts"] += len(rec["prompts"])
            counts["edits"] += len(rec["edits"])
            counts["repairs"] += len(rec["repairs"])
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return {"shard": job.shard, "path": str(path), "kept": kept, "tried": tried, "seconds": time.perf_counter() - t0,
            "scenarios": scenarios, **counts}


def synth(n: int, out: str | Path, seed: int = 0, workers: int = 2, shard_size: int = 1000, prompts: int = 3,
          progress: bool = True) -> dict:
    """Write ``n`` clean scenes (with prompts, edit and repair pairs) to ``out/shard-SEED-K.jsonl``.

    Returns the manifest (also written to ``out/manifest-SEED.json``): counts, acceptance rate,
    wall time and clean scenes per second.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    shard_size = max(1, min(shard_size, n))
    jobs = []
    left, k = n, 0
    while left > 0:
        size = min(shard_size, left)
        jobs.append(ShardJob(seed, k, size, str(out), prompts))
        left -= size
        k += 1
    t0 = time.perf_counter()
    results = []
    bar = None
    if progress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
        bar = Progress(TextColumn("[bold]synth"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       TextColumn("{task.fields[rate]}"))
        bar.start()
        task = bar.add_task("synth", total=n, rate="")
    try:
        if workers <= 1:
            iterator = map(run_shard, jobs)
            pool = None
        else:
            pool = mp.get_context("fork" if hasattr(mp, "get_all_start_methods") and "fork" in
                                  mp.get_all_start_methods() else "spawn").Pool(workers)
            iterator = pool.imap_unordered(run_shard, jobs)
        for res in iterator:
            results.append(res)
            if bar is not None:
                done = sum(r["kept"] for r in results)
                bar.update(task, completed=done, rate=f"{done / (time.perf_counter() - t0):.1f} scenes/s")
        if pool is not None:
            pool.close()
            pool.join()
    finally:
        if bar is not None:
            bar.stop()
    seconds = time.perf_counter() - t0
    results.sort(key=lambda r: r["shard"])
    kept = sum(r["kept"] for r in results)
    tried = sum(r["tried"] for r in results)
    scen: dict[str, int] = {}
    for r in results:
        for k2, v in r["scenarios"].items():
            scen[k2] = scen.get(k2, 0) + v
    manifest = {
        "format": FORMAT_VERSION, "seed": seed, "workers": workers, "scenes": kept, "sampled": tried,
        "acceptance": kept / tried if tried else 0.0, "seconds": round(seconds, 2),
        "scenes_per_second": round(kept / seconds, 2) if seconds else 0.0,
        "prompts": sum(r["prompts"] for r in results), "edits": sum(r["edits"] for r in results),
        "repairs": sum(r["repairs"] for r in results), "scenarios": scen,
        "shards": [r["path"] for r in results],
    }
    (out / f"manifest-{seed}.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest
