"""The textbook: every `sg` code block parses, and `sgram textbook` prints the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spatialgrammar import parse_diagnostics

ROOT = Path(__file__).resolve().parent.parent
TEXTBOOK = ROOT / "docs" / "textbook.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def blocks(kind: str) -> list[tuple[int, str]]:
    """(line number, body) of every fenced block tagged ``kind``."""
    text = TEXTBOOK.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(2))
            for m in FENCE.finditer(text) if m.group(1) == kind]


def test_textbook_has_sg_examples():
    assert len(blocks("sg")) >= 10


@pytest.mark.parametrize(("line", "body"), blocks("sg"), ids=lambda v: str(v)[:12])
def test_every_sg_block_parses(line: int, body: str):
    _, found = parse_diagnostics(body, file=f"textbook.md:{line}")
    errors = [d.render(body) for d in found if d.severity == "error"]
    assert not errors, "\n".join(errors)


def test_worked_examples_cover_every_scenario():
    text = TEXTBOOK.read_text(encoding="utf-8")
    for title in ("Single object", "Multi object", "Hierarchical", "Architectural", "Editing",
                  "Common mistakes"):
        assert re.search(rf"^#+ .*{title}", text, re.M | re.I), title


def test_common_mistakes_name_the_parser_codes():
    text = TEXTBOOK.read_text(encoding="utf-8")
    for code in ("unknown_keyword", "unknown_direction", "not_whole_cells", "duplicate_clause",
                 "misplaced_clause", "unclosed_block", "misplaced_scene", "bad_count",
                 "nesting_too_deep", "file_too_large", "too_many_objects", "grid_too_large"):
        assert f"`{code}`" in text, code


def test_sgram_textbook_prints_it():
    from spatialgrammar.cli import app

    result = CliRunner().invoke(app, ["textbook"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == TEXTBOOK.read_text(encoding="utf-8").strip()


def test_worked_examples_compile_without_problems():
    """The textbook is what a model imitates: its examples must pass every check, warnings too."""
    from spatialgrammar import api

    for line, body in blocks("sg"):
        report = api.check_text(body, file=f"textbook.md:{line}")
        assert not report.diagnostics, "\n".join(d.render(body) for d in report.diagnostics)


ROW = re.compile(r"^\| `(\w+)` \| ([\d.]+) x ([\d.]+) \| ([\d.]+) \| (\w+)", re.M)


def test_catalog_table_matches_the_catalog():
    from assets import load_catalog

    catalog = load_catalog()
    rows = ROW.findall(TEXTBOOK.read_text(encoding="utf-8"))
    assert len(rows) >= 20
    for name, w, d, h, goes in rows:
        category = catalog.get(name)
        assert category is not None, name
        cw, cd, ch = category.size
        assert (float(w), float(d), float(h)) == (round(cw * 10, 2), round(cd * 10, 2), ch), name
        assert goes == category.placement, name
