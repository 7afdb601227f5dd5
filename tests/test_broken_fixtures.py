"""Each broken fixture reports exactly the codes in its `# expect:` line; `sgram fix` cleans
the purely geometric ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compiler import compile_text
from compiler.repair import GEOMETRIC
from spatialgrammar.api import fix_text
from spatialgrammar.cli import app

BROKEN = sorted((Path(__file__).parent / "fixtures" / "broken").glob("*.sg"))


def expected(path: Path) -> set[str]:
    first = path.read_text().splitlines()[0]
    assert first.startswith("# expect:"), f"{path.name} must start with `# expect: code, code`"
    return {code.strip() for code in first.removeprefix("# expect:").split(",")}


def test_there_are_enough_fixtures_covering_every_physical_check():
    assert len(BROKEN) >= 10
    covered = set().union(*(expected(p) for p in BROKEN))
    assert {"collision", "out_of_room", "unsupported", "door_blocked", "unreachable"} <= covered


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_check_json_reports_exactly_the_expected_codes(path: Path):
    result = CliRunner().invoke(app, ["check", "--json", str(path)])
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    assert {d["code"] for d in items if d["severity"] == "error"} == expected(path)
    for d in items:
        assert d["file"] == str(path) and d["line"] >= 1 and d["column"] >= 1 and d["hint"]


GEOMETRIC_ONLY = [p for p in BROKEN if expected(p) <= set(GEOMETRIC)]


@pytest.mark.parametrize("path", GEOMETRIC_ONLY, ids=lambda p: p.stem)
def test_fix_makes_geometric_fixtures_clean(path: Path):
    fixed = fix_text(path.read_text(), str(path))
    assert fixed.changes, "something had to move"
    again = compile_text(fixed.text)
    assert again.ok, [d.render_short() for d in again.diagnostics]
