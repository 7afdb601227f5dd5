"""``sgram assets``: list the catalog, match phrases to categories, draw the gallery.

Mounted by the main CLI with ``app.add_typer(assets_app, name="assets")``.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

assets_app = typer.Typer(name="assets", help="The asset library: catalog, text retrieval, gallery.",
                         no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


@assets_app.command("list")
def list_cmd(json_out: bool = typer.Option(False, "--json", help="Print the catalog as JSON.")) -> None:
    """List every category with its family, placement and default size."""
    from .catalog import load_catalog
    from .retrieval import list_json

    if json_out:
        typer.echo(list_json())
        return
    catalog = load_catalog()
    for name in catalog.names():
        cat = catalog.get(name)
        w, d, h = cat.size
        typer.echo(f"{name:<22} {cat.family:<12} {cat.placement:<8} {w:.2f} x {d:.2f} x {h:.2f} m")
    typer.echo(f"{len(catalog)} categories", err=True)


@assets_app.command("match")
def match_cmd(texts: list[str] = typer.Argument(..., help="Phrases to match, e.g. 'queen size bed' fridge."),
              json_out: bool = typer.Option(False, "--json", help="Print [{query, category, variant, score, ...}].")
              ) -> None:
    """Match everyday phrases to catalog categories (synonyms first, then sentence embeddings)."""
    from .retrieval import match

    found = match(texts)
    if json_out:
        typer.echo(json.dumps([m.to_dict() for m in found], indent=2))
        return
    for m in found:
        variant = f" ({m.variant})" if m.variant else ""
        typer.echo(f"{m.query!r} -> {m.category or '?'}{variant}  score {m.score:.2f}")
        if m.warning:
            typer.echo(f"warning: {m.warning}", err=True)


@assets_app.command("gallery")
def gallery_cmd(out: Path = typer.Option(Path("docs/assets.png"), "-o", "--out", help="PNG to write."),
                size: int = typer.Option(128, "--size", help="Pixels per picture."),
                columns: int = typer.Option(18, "--columns", help="Pictures per row."),
                view: str = typer.Option("perspective", "--view", help="perspective or top.")) -> None:
    """Draw every category on one contact sheet."""
    from .gallery import VIEWS, render_gallery

    if view not in VIEWS:
        typer.echo(f"error: unknown view `{view}`: use one of {', '.join(VIEWS)}", err=True)
        raise typer.Exit(2)
    render_gallery(out, size=size, columns=columns, view=view)
    typer.echo(f"wrote {out}", err=True)


__all__ = ["assets_app"]
