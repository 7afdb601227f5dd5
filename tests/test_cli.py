"""The `sgram` commands that drive the compiler: compile, fix, check --map, explain."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spatialgrammar.cli import app

CLEAN = '''scene "cli" cell 0.1

room r bedroom rect 0,0 40x35 {
  door d on south wall offset 30
  object bed1 bed against north wall
  object ns1 nightstand left of bed1
  on ns1 {
    object lamp1 table_lamp centered
  }
}
'''
BROKEN = Path(__file__).parent / "fixtures" / "broken"
runner = CliRunner()


def test_compile_writes_glb_and_json(tmp_path: Path):
    script = tmp_path / "room.sg"
    script.write_text(CLEAN)
    for suffix in (".glb", ".json"):
        out = tmp_path / f"room{suffix}"
        result = runner.invoke(app, ["compile", str(script), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    layout = json.loads((tmp_path / "room.json").read_text())
    assert {o["id"] for o in layout["objects"]} == {"bed1", "ns1", "lamp1"}
    assert (tmp_path / "room.glb").read_bytes()[:4] == b"glTF"


def test_compile_refuses_errors_unless_forced(tmp_path: Path):
    out = tmp_path / "x.glb"
    result = runner.invoke(app, ["compile", str(BROKEN / "collision.sg"), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert "error[collision]" in result.output
    result = runner.invoke(app, ["compile", str(BROKEN / "collision.sg"), "-o", str(out), "--force"])
    assert result.exit_code == 0 and out.exists()


def test_compile_unknown_extension_is_a_clear_error(tmp_path: Path):
    script = tmp_path / "room.sg"
    script.write_text(CLEAN)
    result = runner.invoke(app, ["compile", str(script), "-o", str(tmp_path / "x.usdz")])
    assert result.exit_code == 2 and ".glb" in result.output


def test_fix_writes_a_clean_script_and_reports_moves(tmp_path: Path):
    out = tmp_path / "fixed.sg"
    result = runner.invoke(app, ["fix", str(BROKEN / "collision.sg"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "moved `bed2`" in result.output and "clean" in result.output
    check = runner.invoke(app, ["check", str(out)])
    assert check.exit_code == 0, check.output


def test_check_map_draws_the_plan(tmp_path: Path):
    result = runner.invoke(app, ["check", "--map", str(BROKEN / "collision.sg")])
    assert result.exit_code == 1
    assert "bed1 (bed)" in result.output and "!" in result.output and "#" in result.output


def test_explain_knows_every_code_and_suggests():
    assert "5 mm" in runner.invoke(app, ["explain", "collision"]).output
    assert "`object`" in runner.invoke(app, ["explain", "unknown_keyword"]).output
    result = runner.invoke(app, ["explain", "colision"])
    assert result.exit_code == 2 and "did you mean `collision`" in result.output


def test_unreadable_file_is_an_error_not_a_traceback(tmp_path: Path):
    result = runner.invoke(app, ["check", str(tmp_path / "missing.sg")])
    assert result.exit_code == 2 and "cannot read" in result.output
