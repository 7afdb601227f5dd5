"""The ``sgram`` command line. Each subcommand is a thin shell over a Python API function."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from . import api

app = typer.Typer(
    name="sgram",
    help="SpatialGrammar: write, check, format and compile bird's-eye-view scene scripts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    reports = [api.check_text(_read(f), file=str(f)) for f in files]
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
) -> None:
    """Rewrite scripts in canonical form (comments kept)."""
    changed = failed = 0
    for name in files:
        source = sys.stdin.read() if name == "-" else _read(Path(name))
        result = api.format_text(source, file=name)
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


@app.command()
def textbook() -> None:
    """Print the language's manual (also the LLM system prompt)."""
    typer.echo(api.textbook())


def main() -> None:
    """Entry point of the ``sgram`` script."""
    app()
