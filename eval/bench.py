"""The benchmark runner: suite + generator -> scores per case -> metrics.json, cases.jsonl, report.md.

    from eval.bench import run_eval
    metrics = run_eval(Path("eval/suites/dev.jsonl"), "dir:eval/suites/dev_ref", Path("out"))

Every case of the suite is scored. A generator that returns nothing, raises, or writes a
script that does not parse gives a case with no scene, which scores zero (the worst value)
on every metric: cases are never skipped. The figures over the cases that got a script
(``answered``) are reported beside the overall ones, so a folder of references for part of
a suite can be checked on its own.
"""

from __future__ import annotations

import json
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel

from assets import load_catalog
from compiler import compile_program
from spatialgrammar import parse_diagnostics

from .generators import Generate, make_generator
from .metrics import CaseContext, Metric, Score, all_metrics, score_case
from .predicates import SceneView
from .suite import SCENARIOS, Case, load_suite

HEADLINE = (
    "drfr", "parse_valid_rate", "clean_compile_rate", "collision_rate_object", "collision_rate_scene",
    "out_of_bounds_rate", "unsupported_rate", "navigability", "objects_per_scene", "seconds_per_case",
)
LOWER_IS_BETTER = {"collision_rate_object", "collision_rate_scene", "out_of_bounds_rate", "unsupported_rate",
                   "seconds_per_case"}


class CaseRecord(BaseModel):
    """One line of ``cases.jsonl``: what the generator gave and how it scored."""

    id: str
    scenario: str
    answered: bool
    generator_error: str | None = None
    compiler_error: str | None = None
    metric_errors: list[str] = []
    generate_seconds: float
    score_seconds: float
    seconds: float
    drfr: float
    requirements: list[dict]
    scores: dict[str, dict]


@dataclass
class Scored:
    case: Case
    record: CaseRecord
    scores: dict[str, Score]


def evaluate_script(case: Case, script: str | None, catalog=None, metrics: list[Metric] | None = None,
                    ) -> tuple[dict[str, Score], CaseContext, str | None]:
    """Parse, compile and score one script for one case (None = no answer)."""
    catalog = catalog or load_catalog()
    metrics = metrics if metrics is not None else all_metrics()
    ctx = CaseContext(case=case, script=script)
    crash = None
    if script is not None:
        program, diags = parse_diagnostics(script, f"{case.id}.sg")
        ctx.program, ctx.parse_diagnostics = program, diags
        if program is not None:
            try:
                result = compile_program(program, catalog)
                result.diagnostics = diags + result.diagnostics
                ctx.result = result
                if result.scene is not None:
                    ctx.view = SceneView(result.scene, catalog)
            except Exception:  # noqa: BLE001 - a compiler crash is a finding, scored as no scene
                crash = traceback.format_exc(limit=3).strip().splitlines()[-1]
                ctx.result = None
    return score_case(ctx, metrics), ctx, crash


def score_cases(cases: list[Case], generate: Generate, catalog=None, metrics: list[Metric] | None = None,
                progress: bool = True, description: str = "scoring") -> list[Scored]:
    """Generate and score every case, in suite order."""
    catalog = catalog or load_catalog()
    metrics = metrics if metrics is not None else all_metrics()
    out: list[Scored] = []
    for case in _progress(cases, progress, description):
        t0 = time.perf_counter()
        error = None
        try:
            script = generate(case.task())
            if script is not None and not isinstance(script, str):
                raise TypeError(f"the generator returned {type(script).__name__}, not a script")
        except Exception as err:  # noqa: BLE001 - a failing generator scores zero on this case
            script, error = None, f"{type(err).__name__}: {err}"
        t1 = time.perf_counter()
        scores, ctx, crash = evaluate_script(case, script, catalog, metrics)
        t2 = time.perf_counter()
        req = scores.get("requirements")
        record = CaseRecord(
            id=case.id, scenario=case.scenario, answered=script is not None, generator_error=error,
            compiler_error=crash, metric_errors=ctx.errors, generate_seconds=round(t1 - t0, 4), score_seconds=round(t2 - t1, 4),
            seconds=round(t2 - t0, 4), drfr=round(req.drfr, 6) if req is not None else 0.0,
            requirements=[r.model_dump(mode="json") for r in req.results] if req is not None else [],
            scores={name: s.model_dump(mode="json", exclude={"results"}) for name, s in scores.items()},
        )
        out.append(Scored(case=case, record=record, scores=scores))
    return out


def _progress(cases: list[Case], enabled: bool, description: str) -> Iterable[Case]:
    if not enabled:
        yield from cases
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.fields[case]}"))
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(description, total=len(cases), case="")
        for case in cases:
            bar.update(task, case=case.id)
            yield case
            bar.advance(task)


def summarise(scored: list[Scored], metrics: list[Metric]) -> dict[str, float]:
    """The suite-level figures of a list of scored cases (all of them count)."""
    out: dict[str, float] = {"cases": len(scored)}
    for m in metrics:
        out.update(m.summarise([s.scores[m.name] for s in scored]))
    for key in ("requirements_met", "requirements_total"):
        if key in out:
            out[key] = int(out[key])
    out["seconds_per_case"] = (sum(s.record.seconds for s in scored) / len(scored)) if scored else 0.0
    return out


def build_metrics(scored: list[Scored], metrics: list[Metric], suite: str, generator: str,
                  total_seconds: float) -> dict:
    """The content of ``metrics.json``."""
    answered = [s for s in scored if s.record.answered]
    result: dict = {"suite": suite, "generator": generator}
    result.update(summarise(scored, metrics))
    result["answered"] = len(answered)
    result["coverage"] = len(answered) / len(scored) if scored else 0.0
    result["seconds_total"] = round(total_seconds, 3)
    result["per_scenario"] = {
        sc: summarise([s for s in scored if s.case.scenario == sc], metrics)
        for sc in SCENARIOS if any(s.case.scenario == sc for s in scored)
    }
    result["answered_only"] = summarise(answered, metrics)
    result["answered_only"]["per_scenario"] = {
        sc: summarise([s for s in answered if s.case.scenario == sc], metrics)
        for sc in SCENARIOS if any(s.case.scenario == sc for s in answered)
    }
    result["generator_errors"] = sum(s.record.generator_error is not None for s in scored)
    result["compiler_crashes"] = sum(s.record.compiler_error is not None for s in scored)
    result["metric_errors"] = sum(len(s.record.metric_errors) for s in scored)
    return _rounded(result)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


# ---- report --------------------------------------------------------------------------------------


def _fmt(key: str, value: float) -> str:
    if key in ("cases", "requirements_met", "requirements_total"):
        return f"{value:.0f}"
    if key == "objects_per_scene":
        return f"{value:.1f}"
    if key == "seconds_per_case":
        return f"{value:.3f}"
    return f"{value:.3f}"


def _table(rows: dict[str, dict], keys: Iterable[str]) -> list[str]:
    keys = list(keys)
    lines = ["| | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, figures in rows.items():
        lines.append(f"| {name} | " + " | ".join(_fmt(k, figures.get(k, 0.0)) for k in keys) + " |")
    return lines


def _plots(out: Path, metrics: dict) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    per = metrics["per_scenario"]
    names = list(per)
    files = []
    if not names:
        return files
    fig, ax = plt.subplots(figsize=(7, 3.5))
    values = [per[n]["drfr"] for n in names]
    ax.bar(names, values, color="#4c72b0")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("DRFR")
    ax.set_title(f"Requirement following by scenario (overall {metrics['drfr']:.3f})")
    for i, v in enumerate(values):
        ax.text(i, v + 0.02, f"{v:.2f}", ha="center", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    fig.savefig(out / "drfr_by_scenario.png", dpi=110)
    plt.close(fig)
    files.append("drfr_by_scenario.png")

    keys = ["parse_valid_rate", "clean_compile_rate", "collision_rate_scene", "out_of_bounds_rate",
            "unsupported_rate", "navigability"]
    fig, ax = plt.subplots(figsize=(9, 3.8))
    width = 0.8 / len(keys)
    for k, key in enumerate(keys):
        xs = [i + (k - (len(keys) - 1) / 2) * width for i in range(len(names))]
        ax.bar(xs, [per[n][key] for n in names], width=width, label=key)
    ax.set_xticks(range(len(names)), names, fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_title("Validity and physical metrics by scenario")
    ax.legend(fontsize=7, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    fig.tight_layout()
    fig.savefig(out / "physical_by_scenario.png", dpi=110)
    plt.close(fig)
    files.append("physical_by_scenario.png")
    return files


def write_report(out: Path, metrics: dict, scored: list[Scored], command: str | None = None) -> None:
    """``report.md``: headline and per-scenario tables, plots, and every unmet requirement."""
    plots = _plots(out, metrics)
    lines = [f"# Benchmark report: `{metrics['generator']}` on `{metrics['suite']}`", ""]
    if command:
        lines += ["Reproduce with:", "", "```", command, "```", ""]
    lines += [
        f"{metrics['cases']:.0f} cases, {metrics['answered']} answered (coverage {metrics['coverage']:.3f}), "
        f"{metrics['seconds_total']:.1f} s in all. Unanswered or unparsable cases score zero (the worst value) "
        "on every metric.", "",
        "## Overall", "",
    ]
    overall = {"all cases": metrics, "answered only": metrics["answered_only"]}
    lines += _table(overall, HEADLINE) + [""]
    lines += ["Lower is better for: " + ", ".join(sorted(LOWER_IS_BETTER)) + ".", ""]
    lines += ["## Per scenario (all cases)", ""]
    rows = {k: v for k, v in metrics["per_scenario"].items()}
    lines += _table(rows, ("cases",) + HEADLINE) + [""]
    if metrics["answered_only"].get("per_scenario"):
        lines += ["## Per scenario (answered cases)", ""]
        lines += _table(metrics["answered_only"]["per_scenario"], ("cases",) + HEADLINE) + [""]
    for p in plots:
        lines += [f"![{p}]({p})", ""]
    failures = [(s.record, r) for s in scored if s.record.answered for r in s.record.requirements if not r["met"]]
    lines += ["## Unmet requirements of answered cases", ""]
    if not failures:
        lines += ["None.", ""]
    for record, r in failures[:200]:
        lines.append(f"- `{record.id}`: {r['text']} - {r['reason']}")
    if len(failures) > 200:
        lines.append(f"- ... and {len(failures) - 200} more (see cases.jsonl)")
    lines += ["", "## Physical faults in answered cases", ""]
    faults = []
    for s in scored:
        if not s.record.answered:
            continue
        found = s.record.scores
        parts = [f"collision `{a}`/`{b}`" for a, b in found.get("collision", {}).get("pairs", [])]
        parts += [f"out of bounds `{o}`" for o in found.get("out_of_bounds", {}).get("objects", [])]
        parts += [f"unsupported `{o}`" for o in found.get("unsupported", {}).get("objects", [])]
        if parts:
            faults.append(f"- `{s.record.id}`: " + ", ".join(parts))
    lines += faults or ["None."]
    errors = [(s.record.id, e) for s in scored
              for e in [s.record.generator_error, s.record.compiler_error, *s.record.metric_errors] if e]
    if errors:
        lines += ["", "## Errors", ""]
        lines += [f"- `{case_id}`: {e}" for case_id, e in errors]
    (out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---- entry point ---------------------------------------------------------------------------------


def run_eval(suite: Path, generator: str, out: Path, limit: int | None = None, progress: bool = True) -> dict:
    """Score ``generator`` (e.g. ``"dir:eval/suites/dev_ref"``) on the first ``limit`` cases of
    ``suite``; write ``metrics.json``, ``cases.jsonl``, ``report.md`` and PNG plots into ``out``;
    return the metrics. Raises ``SuiteError`` for a bad suite and ``UnknownName``/``ValueError``
    for a bad generator spec."""
    suite, out = Path(suite), Path(out)
    cases = load_suite(suite)
    if limit is not None:
        cases = cases[:max(0, limit)]
    generate = make_generator(generator)
    metrics = all_metrics()
    catalog = load_catalog()
    t0 = time.perf_counter()
    scored = score_cases(cases, generate, catalog, metrics, progress=progress)
    total = time.perf_counter() - t0
    result = build_metrics(scored, metrics, str(suite), generator, total)
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    with (out / "cases.jsonl").open("w", encoding="utf-8") as fh:
        for s in scored:
            fh.write(s.record.model_dump_json() + "\n")
    command = f"sgram eval --suite {suite} --generator {generator}" + (
        f" --limit {limit}" if limit is not None else "") + f" -o {out}"
    write_report(out, result, scored, command)
    return result


def summary_line(metrics: dict) -> str:
    """A short human summary for the command line."""
    a = metrics["answered_only"]
    return (f"{metrics['cases']:.0f} cases: DRFR {metrics['drfr']:.3f}, parse-valid {metrics['parse_valid_rate']:.3f}, "
            f"collision (scene) {metrics['collision_rate_scene']:.3f}, navigability {metrics['navigability']:.3f}; "
            f"on the {metrics['answered']} answered: DRFR {a['drfr']:.3f}, clean compile "
            f"{a['clean_compile_rate']:.3f}, collisions {a['collision_rate_scene'] * a['cases']:.0f} scene(s) "
            f"({a['collision_rate_object']:.3f} per object), out of bounds {a['out_of_bounds_rate']:.3f}, "
            f"unsupported {a['unsupported_rate']:.3f}")


def main(argv: list[str] | None = None) -> int:
    """``python -m eval.bench``: the same options as ``sgram eval``."""
    import argparse
    import sys

    from .registry import UnknownName
    from .suite import SuiteError

    parser = argparse.ArgumentParser(prog="python -m eval.bench", description=run_eval.__doc__)
    parser.add_argument("--suite", type=Path, default=Path("eval/suites/dev.jsonl"))
    parser.add_argument("--generator", required=True, help="NAME:OPTION, e.g. dir:eval/suites/dev_ref")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N cases")
    parser.add_argument("-o", "--out", type=Path, required=True, help="folder for the reports")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    try:
        metrics = run_eval(args.suite, args.generator, args.out, args.limit, progress=not args.no_progress)
    except (SuiteError, UnknownName, ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(summary_line(metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
