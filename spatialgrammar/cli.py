"""The ``sgram`` command line. Each subcommand is a thin shell over a Python API function."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from agent.cli import agent_command
from assets.cli import assets_app

from . import api

app = typer.Typer(
    name="sgram",
    help="SpatialGrammar: write, check, format and compile bird's-eye-view scene scripts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(assets_app, name="assets")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        typer.echo(f"error: cannot read `{path}`: {err}", err=True)
        raise typer.Exit(2) from None


@app.command()
def check(
    files: list[Path] = typer.Argument(..., help="Scripts to check."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array over all files."),
    map_out: bool = typer.Option(False, "--map", help="Also print an ASCII top-down map."),
) -> None:
    """Parse, compile and check scripts; exit 1 if any has errors."""
    reports = [api.check_text(_read(f), file=str(f), with_map=map_out) for f in files]
    if json_out:
        typer.echo(api.diagnostics_json([d for r in reports for d in r.diagnostics]))
    else:
        for path, report in zip(files, reports):
            source = _read(path)
            for d in report.diagnostics:
                typer.echo(d.render(source) + "\n")
            if map_out and report.ascii_map:
                typer.echo(report.ascii_map)
        errors = sum(r.error_count for r in reports)
        warnings = sum(r.warning_count for r in reports)
        typer.echo(f"{len(files)} file(s): {errors} error(s), {warnings} warning(s)", err=True)
    raise typer.Exit(1 if any(r.error_count for r in reports) else 0)


@app.command()
def fmt(
    files: list[str] = typer.Argument(..., help="Scripts to rewrite in place; `-` reads stdin."),
    check_only: bool = typer.Option(False, "--check", help="Exit 1 if any file would change."),
    apply_edits: bool = typer.Option(False, "--apply-edits", help="Apply edit statements first."),
) -> None:
    """Rewrite scripts in canonical form (comments kept)."""
    changed = failed = 0
    for name in files:
        source = sys.stdin.read() if name == "-" else _read(Path(name))
        result = api.format_text(source, file=name, apply=apply_edits)
        if result.diagnostics:
            failed += 1
            for d in result.diagnostics:
                typer.echo(d.render(source) + "\n", err=True)
            continue
        if name == "-":
            sys.stdout.write(result.text)
        elif result.text != source:
            changed += 1
            if check_only:
                typer.echo(f"would reformat {name}", err=True)
            else:
                Path(name).write_text(result.text, encoding="utf-8")
    raise typer.Exit(1 if failed or (check_only and changed) else 0)


def _print_diagnostics(diagnostics, source: str) -> None:
    for d in diagnostics:
        typer.echo(d.render(source) + "\n", err=True)


@app.command()
def fix(
    file: Path = typer.Argument(..., help="Script to repair."),
    out: Path = typer.Option(None, "-o", "--out", help="Where to write the fixed script (default: stdout)."),
) -> None:
    """Move or turn offending objects to the nearest valid cells; report each change."""
    source = _read(file)
    result = api.fix_text(source, file=str(file))
    for change in result.changes:
        typer.echo(change.describe(), err=True)
    if result.parsed:
        if out is None:
            sys.stdout.write(result.text)
        else:
            out.write_text(result.text, encoding="utf-8")
    _print_diagnostics([d for d in result.diagnostics if d.severity == "error"], source)
    verdict = "is clean" if result.ok else "still has errors"
    typer.echo(f"{len(result.changes)} change(s); the result {verdict}", err=True)
    raise typer.Exit(0 if result.ok else 1)


@app.command(name="compile")
def compile_cmd(
    file: Path = typer.Argument(..., help="Script to compile."),
    out: Path = typer.Option(..., "-o", "--out", help="Output: .glb, .gltf or .json (by extension)."),
    force: bool = typer.Option(False, "--force", help="Export even if the checks found errors."),
    models: Path = typer.Option(None, "--models", help="Folder of your own GLB/OBJ models with a manifest.yaml."),
) -> None:
    """Compile a script to glTF/GLB (Y up) or the JSON layout (Z up)."""
    source = _read(file)
    try:
        report = api.compile_file(file, out, force=force, models=models)
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    _print_diagnostics(report.diagnostics, source)
    if report.error_count and not force:
        typer.echo(f"not written: {report.error_count} error(s); fix them or pass --force", err=True)
        raise typer.Exit(1)
    typer.echo(f"wrote {out}", err=True)


@app.command()
def render(
    file: Path = typer.Argument(..., help="Script to draw."),
    out: Path = typer.Option(None, "-o", "--out", help="PNG to write (default FILE_<view>.png)."),
    view: str = typer.Option("top", "--view", help="top (plan with diagnostics) or persp (shaded 3D)."),
    size: int = typer.Option(None, "--size", help="Width in pixels."),
) -> None:
    """Draw a script as PNG: a top-down plan (default) or a perspective picture."""
    from compiler.render import VIEWS, render_file

    if view not in VIEWS:
        typer.echo(f"error: unknown view `{view}`: use top or persp", err=True)
        raise typer.Exit(2)
    out = out or file.with_name(f"{file.stem}_{view}.png")
    try:
        diagnostics = render_file(file, out, view, size)
    except OSError as err:
        typer.echo(f"error: cannot read `{file}`: {err}", err=True)
        raise typer.Exit(2) from None
    except ValueError as err:
        _print_diagnostics(getattr(err, "diagnostics", []), _read(file))
        raise typer.Exit(1) from None
    for d in diagnostics:
        typer.echo(d.render_short(), err=True)
    typer.echo(str(out))


@app.command()
def view(
    file: Path = typer.Argument(..., help="A .sg script (reloaded when it changes) or a .glb/.gltf file."),
    port: int = typer.Option(0, "--port", help="Port (default: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
) -> None:
    """Show a scene in a local 3D viewer (three.js from node_modules, no network)."""
    from compiler.viewer import serve

    try:
        serve(file, host=host, port=port, open_browser=not no_browser)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None


@app.command(name="eval")
def eval_cmd(
    generator: str = typer.Option(..., "--generator", help="NAME[:OPTION], e.g. dir:eval/suites/dev_ref or sgmini."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder for metrics.json, cases.jsonl, report.md."),
    suite: Path = typer.Option(Path("eval/suites/dev.jsonl"), "--suite", help="Suite (JSON Lines)."),
    limit: int = typer.Option(None, "--limit", help="Only the first N cases."),
    no_progress: bool = typer.Option(False, "--no-progress", help="No progress bar."),
) -> None:
    """Score a generator on a benchmark suite: requirements, collisions, bounds, navigability."""
    from eval.bench import run_eval, summary_line
    from eval.registry import UnknownName

    try:
        metrics = run_eval(suite, generator, out, limit=limit, progress=not no_progress)
    except (UnknownName, ValueError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    typer.echo(summary_line(metrics))


@app.command()
def explain(code: str = typer.Argument(..., help="A diagnostic code such as `collision`.")) -> None:
    """Print what a diagnostic code means, why it matters and how to fix it."""
    try:
        typer.echo(api.explain(code))
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None


@app.command()
def textbook() -> None:
    """Print the language's manual (also the LLM system prompt)."""
    typer.echo(api.textbook())


# ---- SG-Mini: the embedded, offline generator (or, with --llm, SG-Agent) ------------------------
@app.command()
def generate(
    prompt: str = typer.Argument(..., help="What the scene should contain, in plain words."),
    out: Path = typer.Option(..., "-o", "--out", help="Scene file: .glb, .gltf or .json."),
    dsl_out: Optional[Path] = typer.Option(None, "--dsl-out", help="Also write the script (.sg)."),
    seed: int = typer.Option(0, "--seed", help="Sampling seed (the same seed gives the same scene)."),
    weights: Optional[Path] = typer.Option(None, "--weights", help="SG-Mini checkpoint folder (default: shipped)."),
    llm: Optional[str] = typer.Option(None, "--llm", help="Write the scene with this model through SG-Agent instead of SG-Mini."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="With --llm: OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else OpenAI)."),
    api_key: Optional[str] = typer.Option(None, "--api-key", help="With --llm: API key (default: OPENAI_API_KEY; local servers need none)."),
    max_iters: int = typer.Option(3, "--max-iters", min=1, help="With --llm: most LLM calls (write + repairs)."),
) -> None:
    """Write a checked scene from a sentence: SG-Mini offline (no API key), or an LLM with --llm."""
    from agent import AgentError

    if llm is None and (base_url or api_key):
        typer.echo("error: `--base-url` and `--api-key` need `--llm MODEL`", err=True)
        raise typer.Exit(2)
    progress = (lambda line: typer.echo(line, err=True)) if llm else None
    try:
        result = api.generate(prompt, seed=seed, llm=llm, base_url=base_url, api_key=api_key, max_iters=max_iters,
                              weights=weights, progress=progress)
        if dsl_out is not None:
            dsl_out.write_text(result.script, encoding="utf-8")
        result.export(out)
    except AgentError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from None
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    errors = sum(d.severity == "error" for d in result.diagnostics)
    left = f", {errors} error(s) left" if errors else ""
    typer.echo(f"wrote {out} ({len(result.scene.objects)} objects{left})" + (f" and {dsl_out}" if dsl_out else ""),
               err=True)


@app.command()
def synth(
    n: int = typer.Option(1000, "-n", help="Clean scenes to write."),
    out: Path = typer.Option(Path("data/sgmini/synth"), "-o", "--out", help="Output folder (sharded JSONL)."),
    seed: int = typer.Option(0, "--seed", help="First seed; give each machine its own range."),
    workers: int = typer.Option(2, "--workers", help="Worker processes."),
) -> None:
    """Sample compiler-validated synthetic scenes with prompts, edit and repair pairs."""
    from sgmini.cli_api import synth as run_synth

    typer.echo(run_synth(n, out, seed=seed, workers=workers))


@app.command()
def train(
    config: str = typer.Option("cpu", "--config", help="test, cpu or paper."),
    data: Path = typer.Option(Path("data/sgmini/synth"), "--data", help="A synth folder or a prepared folder."),
    out: Path = typer.Option(Path("data/sgmini/runs/cpu"), "-o", "--out", help="Run folder (checkpoints, log)."),
    steps: Optional[int] = typer.Option(None, "--steps"),
    resume: bool = typer.Option(False, "--resume", help="Continue from the run folder's last checkpoint."),
    max_minutes: Optional[float] = typer.Option(None, "--max-minutes", help="Stop after this long."),
    seed: Optional[int] = typer.Option(None, "--seed"),
    batch_tokens: Optional[int] = typer.Option(None, "--batch-tokens", help="Tokens per step (padded)."),
    lr: Optional[float] = typer.Option(None, "--lr", help="Peak learning rate."),
    eval_every: Optional[int] = typer.Option(None, "--eval-every", help="Steps between validation passes."),
    target: Optional[str] = typer.Option(None, "--target", help="Answer format: script (default) or json (the "
                                         "ablation's raw-JSON baseline; a synth folder is prepared into OUT/data)."),
) -> None:
    """Train SG-Mini (CPU by default, GPU when present; runs under torchrun unchanged)."""
    from sgmini.cli_api import train as run_train

    typer.echo(run_train(config, data, out, steps=steps, resume=resume, max_minutes=max_minutes, seed=seed,
                         batch_tokens=batch_tokens, lr=lr, eval_every=eval_every, ckpt_every=eval_every,
                         target=target))


# ---- SG-Agent and the OpenAI-compatible server --------------------------------------------------
app.command(name="agent")(agent_command)


@app.command()
def serve(
    file: Optional[Path] = typer.Argument(None, help="With `--backend replay`: the JSONL file of replies."),
    backend: str = typer.Option("sgmini", "--backend", help="`sgmini` (the shipped model) or `replay` (scripted replies)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port"),
    weights: Optional[Path] = typer.Option(None, "--weights", help="SG-Mini checkpoint folder."),
    raw: bool = typer.Option(False, "--raw", help="SG-Mini answers with its decoded script before any repair "
                             "(a client's loop does the repairing)."),
) -> None:
    """Serve an OpenAI-compatible chat-completions API (SG-Mini or scripted replies)."""
    if backend == "replay":
        if file is None:
            typer.echo("error: `--backend replay` needs a FILE of replies", err=True)
            raise typer.Exit(2)
        from agent.cli import serve_replay

        serve_replay(file, host, port)
    elif backend == "sgmini":
        from sgmini.cli_api import serve as serve_sgmini

        try:
            serve_sgmini(host=host, port=port, weights=weights, raw=raw)
        except (OSError, ValueError) as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2) from None
    else:
        typer.echo(f"error: unknown backend `{backend}` (known: `sgmini`, `replay`)", err=True)
        raise typer.Exit(2)


def main() -> None:
    """Entry point of the ``sgram`` script."""
    app()
