"""Typer commands for ``sgram agent`` and ``sgram serve --backend replay`` (thin shells over :mod:`agent.api`).

``spatialgrammar/cli.py`` registers them; ``python -m agent`` runs them on their own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .schemas import ToolsOption


def _echo_progress(message: str) -> None:
    typer.echo(message, err=True)


def agent_command(
    prompt: str = typer.Argument(..., help="What to build (or, with --edit, the instruction to apply)."),
    edit: Optional[Path] = typer.Option(None, "--edit", help="Edit this existing scene script instead."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else OpenAI)."),
    model: str = typer.Option(os.environ.get("SG_AGENT_MODEL", "gpt-4o-mini"), "--model", help="Model name at the endpoint."),
    api_key: Optional[str] = typer.Option(None, "--api-key", help="API key (default: OPENAI_API_KEY; local servers need none)."),
    max_iters: int = typer.Option(3, "--max-iters", min=1, help="Most LLM calls (write + repairs)."),
    max_tokens: Optional[int] = typer.Option(None, "--max-tokens", min=1, help="Token budget over the whole run."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Folder for scene.sg, scene.glb, transcript.json (edit: the script's folder)."),
    session: Optional[Path] = typer.Option(None, "--session", help="Session file of an editing conversation (default: OUT/STEM.session.json, next to the edited scene)."),
    vision: bool = typer.Option(False, "--vision", help="Also send the top-down picture (models that accept images)."),
    tools: ToolsOption = typer.Option("auto", "--tools", help="Offer check/render/list/submit functions: `on`, `off`, or `auto` (first request; plain text if the endpoint refuses or ignores them)."),
    timeout: float = typer.Option(120.0, "--timeout", help="Seconds per request."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No live progress."),
) -> None:
    """Have an LLM write (or edit) a scene, checked and repaired by the compiler in a loop."""
    from .api import edit_scene, run_agent
    from .client import AgentError

    progress = None if quiet else _echo_progress
    try:
        if edit is not None:
            result = edit_scene(edit, prompt, base_url, model, max_iters=max_iters, out=out, api_key=api_key,
                                vision=vision, session=session, max_tokens=max_tokens, tools=tools,
                                progress=progress, timeout=timeout)
        else:
            result = run_agent(prompt, base_url, model, max_iters=max_iters, out=out or Path("."),
                               api_key=api_key, vision=vision, max_tokens=max_tokens, tools=tools,
                               progress=progress, timeout=timeout)
    except AgentError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from None
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    t = result.transcript
    state = "clean" if result.clean else f"{t.final_errors} error(s) left" if t.final_errors is not None else "no scene"
    repaired = ", auto-repaired" if t.auto_repaired else ""
    calls = sum(len(it.tool_calls) for it in t.iterations)
    typer.echo(f"{state}{repaired}: {len(t.iterations)} iteration(s) ({t.tool_mode} mode, {calls} tool call(s)), "
               f"stop: {t.stop_reason}, {t.usage.total_tokens} tokens, {t.seconds:.1f} s", err=True)
    for role, path in result.files.items():
        typer.echo(f"wrote {role}: {path}")
    if t.stop_reason == "interrupted":
        raise typer.Exit(130)
    if t.error:
        typer.echo(f"error: {t.error} (partial results saved)", err=True)
    if not result.clean:
        raise typer.Exit(1)


def serve_replay(file: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """``sgram serve --backend replay FILE``: answer chat completions with FILE's replies, in order."""
    from sgmini.server import make_server

    from .replay import ReplayBackend

    try:
        backend = ReplayBackend(file)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    server = make_server(host, port, backend=backend, verbose=True)
    typer.echo(f"replaying {len(backend.replies)} replies from `{file}` on "
               f"http://{host}:{server.server_port}/v1 (model `{backend.name}`)", err=True)
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main() -> None:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True)
    app.command("run")(agent_command)

    @app.command("serve")
    def serve(file: Path = typer.Argument(..., help="JSONL replies."),
              host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(8000, "--port")) -> None:
        """Serve scripted replies (the replay backend)."""
        serve_replay(file, host, port)

    app()
