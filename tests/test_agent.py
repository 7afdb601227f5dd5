"""SG-Agent over real HTTP: the `openai` client talks to `sgmini.server` on loopback, whose
`ReplayBackend` answers with the scripted replies in tests/fixtures/replay/*.jsonl. No mocks."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from agent import AgentError, edit_scene, run_agent
from agent.loop import load_prompt, system_prompt
from agent.replay import ReplayBackend
from agent.scripts import extract_script, says_done
from compiler import compile_text
from sgmini.server import make_server, serve_in_thread

REPLAY = Path(__file__).parent / "fixtures" / "replay"
ROOT = Path(__file__).resolve().parent.parent
FAST = {"backoff": 0.01, "timeout": 10.0}


@pytest.fixture(scope="session")
def replay_server():
    """One loopback server per replay file for the whole session: ``replay_server(name) -> (url, backend)``."""
    servers: dict[str, tuple] = {}

    def start(name: str) -> tuple[str, ReplayBackend]:
        if name not in servers:
            backend = ReplayBackend(REPLAY / name)
            server = make_server("127.0.0.1", 0, backend=backend)
            serve_in_thread(server)
            servers[name] = (server, backend)
        server, backend = servers[name]
        return f"http://127.0.0.1:{server.server_port}/v1", backend

    yield start
    for server, _ in servers.values():
        server.shutdown()
        server.server_close()


def errors_of(script: str) -> list[str]:
    return [d.code for d in compile_text(script).diagnostics if d.severity == "error"]


def test_collision_is_fed_back_and_repaired(replay_server, tmp_path):
    url, backend = replay_server("collision_then_clean.jsonl")
    result = run_agent("a living room with a sofa facing a tv and a coffee table", url, "replay",
                       max_iters=3, out=tmp_path, **FAST)
    t = result.transcript
    assert result.clean and t.stop_reason == "done" and not t.auto_repaired
    assert [it.kind for it in t.iterations] == ["generate", "repair", "confirm"]
    first = t.iterations[0]
    assert [d["code"] for d in first.diagnostics] == ["collision"] and first.errors == 1
    # the diagnostic went back to the model as JSON, with the ASCII map
    assert '"code": "collision"' in first.feedback and "`table` collides with `sofa`" in first.feedback
    assert "Top-down map" in first.feedback
    assert backend.requests[1][1] == first.feedback  # what the server received as the last user message
    assert t.iterations[1].errors == 0 and t.iterations[2].said_done
    assert t.best_iteration == 2
    # `auto` offered tools; the replayed model answered in text, so the run went on in text
    assert t.tool_mode == "text" and t.tool_fallback == "the first reply called no tool"
    # files
    assert (tmp_path / "scene.sg").read_text() .strip() == t.final_script.strip()
    assert errors_of((tmp_path / "scene.sg").read_text()) == []
    assert (tmp_path / "scene.glb").read_bytes()[:4] == b"glTF"
    saved = json.loads((tmp_path / "transcript.json").read_text())
    assert saved["iterations"][0]["diagnostics"][0]["code"] == "collision"
    assert saved["usage"]["total_tokens"] > 0 and all(it["timings"]["llm_s"] >= 0 for it in saved["iterations"])


def test_malformed_reply_is_an_iteration_with_feedback(replay_server, tmp_path):
    url, backend = replay_server("malformed.jsonl")
    result = run_agent("a living room", url, "replay", max_iters=3, out=tmp_path, **FAST)
    t = result.transcript
    assert result.clean and t.stop_reason == "done"
    first = t.iterations[0]
    assert first.errors >= 1 and first.diagnostics[0]["code"] == "syntax"
    assert "holds no script the compiler can read" in first.feedback
    assert len(t.iterations) == 3 and t.best_iteration == 2


def test_budget_stop_returns_best_scene_auto_repaired(replay_server, tmp_path):
    url, _ = replay_server("budget.jsonl")
    result = run_agent("a living room", url, "replay", max_iters=2, out=tmp_path, **FAST)
    t = result.transcript
    assert t.stop_reason == "max_iters" and len(t.iterations) == 2
    assert all(it.errors == 1 for it in t.iterations)
    assert t.iterations[-1].feedback is None  # nothing is sent after the last call
    assert t.auto_repaired and t.repair_changes and result.clean and t.final_errors == 0
    assert errors_of((tmp_path / "scene.sg").read_text()) == []


def test_rate_limit_then_success(replay_server, tmp_path):
    url, _ = replay_server("rate_limited.jsonl")
    result = run_agent("a living room", url, "replay", max_iters=3, out=tmp_path, **FAST)
    t = result.transcript
    assert result.clean and t.iterations[0].retries == 1 and t.stop_reason == "done"


def test_server_errors_exhaust_retries_with_a_clear_error(replay_server, tmp_path):
    url, _ = replay_server("server_error.jsonl")
    with pytest.raises(AgentError, match="kept failing after 3 attempts: HTTP 503: overloaded"):
        run_agent("a living room", url, "replay", max_iters=3, out=tmp_path, retries=2, backoff=0.01)
    saved = json.loads((tmp_path / "transcript.json").read_text())
    assert saved["stop_reason"] == "error"  # the partial transcript is kept


def test_edit_moves_the_desk_under_the_window_and_the_session_continues(replay_server, tmp_path):
    url, backend = replay_server("edit.jsonl")
    scene = tmp_path / "study.sg"
    shutil.copy(REPLAY / "study.sg", scene)
    result = edit_scene(scene, "move the desk under the window", url, "replay", max_iters=3, **FAST)
    t = result.transcript
    assert t.mode == "edit" and result.clean and t.stop_reason == "done"
    assert t.iterations[0].kind == "edit"
    assert backend.requests[0] == ("edit", "move the desk under the window")  # the server saw an edit
    compiled = compile_text(scene.read_text())
    desk = next(o for o in compiled.scene.objects if o.id == "desk")
    window = next(o for o in compiled.scene.openings if o.id == "view")
    assert desk.facing == "east" and desk.position[0] < 0.5 and abs(desk.position[1] - window.position[1]) < 0.05
    assert (tmp_path / "study.glb").is_file() and (tmp_path / "study.transcript.json").is_file()
    session = json.loads((tmp_path / "study.session.json").read_text())
    assert session["turns"] == ["move the desk under the window"]
    # turn 2 continues the conversation from the session file
    again = edit_scene(scene, "take the bookshelf out", url, "replay", max_iters=3, **FAST)
    assert again.clean
    ids = {o.id for o in compile_text(scene.read_text()).scene.objects}
    assert "shelf" not in ids and "desk" in ids
    session = json.loads((tmp_path / "study.session.json").read_text())
    assert session["turns"] == ["move the desk under the window", "take the bookshelf out"]
    assert backend.requests[2] == ("edit", "take the bookshelf out")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_endpoint_is_a_clear_error(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}/v1"
    with pytest.raises(AgentError, match="cannot reach the endpoint"):
        run_agent("a living room", url, "replay", out=tmp_path, **FAST)


def test_unreachable_endpoint_on_the_command_line_has_no_traceback(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}/v1"
    proc = subprocess.run([sys.executable, "-m", "agent", "run", "a living room", "--base-url", url,
                           "--model", "x", "-o", str(tmp_path), "--timeout", "5"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    assert "error: cannot reach the endpoint" in proc.stderr and "Traceback" not in proc.stderr


def test_vision_sends_the_picture(replay_server):
    # vision.jsonl repeats the collision replay, so its replies are not shared with the first test
    url, backend = replay_server("vision.jsonl")
    result = run_agent("a living room", url, "replay", max_iters=3, vision=True, **FAST)
    first = result.transcript.iterations[0]
    assert result.clean and first.timings.render_s > 0
    assert backend.requests[1][1] == first.feedback  # the text part of the text + image message


def test_extract_script_and_done():
    assert extract_script("text\n```sg\nroom a\n```\nmore") == "room a"
    assert extract_script("```\nfirst\n```\n```sg\nsecond\n```") == "second"
    assert extract_script("```sg\ncut off") == "cut off"
    assert extract_script("  scene \"x\"\n") == 'scene "x"'
    assert says_done("DONE") and says_done("**Done.**") and not says_done("done with the sofa")


def test_prompts_are_files():
    assert "sofa" in system_prompt() and "Catalog categories" in system_prompt()
    with pytest.raises(ValueError, match="known: "):
        load_prompt("nope")


def test_eval_generator_runs_editing_turns_through_edit_mode(replay_server):
    from eval.generators import make_generator

    url, backend = replay_server("eval_case.jsonl")
    generate = make_generator(f"agent:{url}@replay")
    script = generate({"id": "ed_x", "scenario": "editing", "prompt": "a study with a desk and a bookshelf",
                       "turns": ["move the desk under the window"]})
    # the turn starts from the bare scene as the assistant's message: the server sees an edit
    assert backend.requests[0][0] == "script" and backend.requests[2] == ("edit", "move the desk under the window")
    assert script.rstrip().endswith("move desk against west wall offset 15") and errors_of(script) == []


def test_eval_generator_option_errors():
    from eval.generators import make_generator

    with pytest.raises(ValueError, match="URL@MODEL"):
        make_generator("agent:http://127.0.0.1:8000/v1")


def test_end_to_end_with_sgmini(tmp_path):
    """The real SG-Mini behind the real server (skipped until its checkpoint ships)."""
    from sgmini.server import SGMiniBackend

    try:
        backend = SGMiniBackend()
    except (FileNotFoundError, ImportError) as err:
        pytest.skip(f"SG-Mini is not available: {err}")
    server = make_server("127.0.0.1", 0, backend=backend)
    serve_in_thread(server)
    try:
        result = run_agent("a living room with a sofa facing a tv and a coffee table",
                           f"http://127.0.0.1:{server.server_port}/v1", "sgmini", max_iters=3, out=tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert result.clean and (tmp_path / "scene.glb").is_file() and (tmp_path / "transcript.json").is_file()


def test_token_budget_stops_the_loop(replay_server, tmp_path):
    url, _ = replay_server("token_budget.jsonl")
    result = run_agent("a living room", url, "replay", max_iters=5, max_tokens=10, out=tmp_path, **FAST)
    t = result.transcript
    assert t.stop_reason == "token_budget" and len(t.iterations) == 1
    assert t.auto_repaired and result.clean


def test_rejected_key_is_a_clear_error(replay_server):
    url, _ = replay_server("bad_key.jsonl")
    with pytest.raises(AgentError, match="rejected the API key .*invalid api key.*OPENAI_API_KEY"):
        run_agent("a living room", url, "replay", api_key="sk-wrong", **FAST)


# ---- tool calling -----------------------------------------------------------------------------------


def test_tool_calls_check_then_submit_a_clean_scene(replay_server, tmp_path):
    url, backend = replay_server("tools_check_then_submit.jsonl")
    result = run_agent("a living room with a sofa facing a tv and a coffee table", url, "replay", max_iters=4,
                       out=tmp_path, tools="on", **FAST)
    t = result.transcript
    assert t.tool_mode == "tools" and t.tool_fallback is None
    assert result.clean and t.stop_reason == "done" and not t.auto_repaired
    assert [[c.name for c in it.tool_calls] for it in t.iterations] == [
        ["list_categories", "check_scene"], ["render_scene"], ["submit_scene"]]
    assert len(backend.requests) == 3  # the server took the `role: tool` answers of calls 1 and 2
    categories, checked = t.iterations[0].tool_calls
    assert "coffee_table" in json.loads(categories.result)["categories"]
    answer = json.loads(checked.result)
    assert checked.errors == 1 and not answer["clean"] and answer["calls_left"] == 3
    assert [d["code"] for d in answer["diagnostics"]] == ["collision"] and "`table`" in answer["diagnostics"][0]["message"]
    assert answer["ascii_map"] and t.iterations[0].feedback is None  # the tool answer is the feedback
    assert t.iterations[0].errors == 1 and t.iterations[0].diagnostics[0]["code"] == "collision"
    summary = json.loads(t.iterations[1].tool_calls[0].result)  # no vision: rooms and objects in words
    assert {"id": "living", "type": "living_room", "size_m": [5.0, 4.0]} in summary["rooms"]
    assert any(o["id"] == "table" and o["category"] == "coffee_table" for o in summary["objects"])
    submitted = t.iterations[2]
    assert json.loads(submitted.tool_calls[0].result)["accepted"] and submitted.said_done and submitted.errors == 0
    assert t.best_iteration == 3 and errors_of((tmp_path / "scene.sg").read_text()) == []
    saved = json.loads((tmp_path / "transcript.json").read_text())
    assert saved["tool_mode"] == "tools" and saved["iterations"][0]["tool_calls"][1]["name"] == "check_scene"


def test_tool_calls_count_against_the_budget(replay_server):
    url, _ = replay_server("tools_budget.jsonl")
    result = run_agent("a living room", url, "replay", max_iters=2, tools="on", **FAST)
    t = result.transcript
    assert t.stop_reason == "max_iters" and len(t.iterations) == 2
    bad, good = t.iterations[1].tool_calls
    assert "needs a `script` argument" in json.loads(bad.result)["error"] and bad.errors is None
    assert good.errors == 1
    # the scripts the calls carried are the candidates: the best is auto-repaired
    assert t.auto_repaired and result.clean


def test_auto_falls_back_to_text_when_the_endpoint_refuses_tools(replay_server):
    url, _ = replay_server("tools_rejected.jsonl")
    result = run_agent("a living room", url, "replay", max_iters=3, **FAST)
    t = result.transcript
    assert t.tool_mode == "text" and "HTTP 400: this model does not support tools" in t.tool_fallback
    assert result.clean and t.stop_reason == "done" and [it.kind for it in t.iterations] == ["generate", "confirm"]


def test_tools_on_reports_a_refusal(replay_server):
    url, _ = replay_server("tools_refused.jsonl")
    with pytest.raises(AgentError, match="refused the request with tools .*HTTP 422.*--tools off"):
        run_agent("a living room", url, "replay", tools="on", **FAST)


def test_server_refuses_a_replayed_call_the_request_does_not_offer(replay_server):
    import openai

    url, _ = replay_server("tool_not_offered.jsonl")
    client = openai.OpenAI(base_url=url, api_key="none", max_retries=0)
    with pytest.raises(openai.InternalServerError, match="`check_scene`, which the request does not offer"):
        client.chat.completions.create(model="replay", messages=[{"role": "user", "content": "a room"}])


def test_server_streams_replayed_tool_calls(replay_server):
    import openai

    from agent.tools import TOOLS

    url, _ = replay_server("tools_stream.jsonl")
    client = openai.OpenAI(base_url=url, api_key="none", max_retries=0)
    chunks = list(client.chat.completions.create(model="replay", stream=True, tools=TOOLS,
                                                 messages=[{"role": "user", "content": "a room"}]))
    calls = [c for chunk in chunks for c in chunk.choices[0].delta.tool_calls or []]
    assert [(c.function.name, json.loads(c.function.arguments)) for c in calls] == [("list_categories", {"query": "lamp"})]
    assert chunks[-1].choices[0].finish_reason == "tool_calls" and calls[0].id.startswith("call_")


# ---- spatialgrammar.generate and `sgram generate --llm` ------------------------------------------------


def test_generate_with_an_llm_returns_an_exportable_scene(replay_server, tmp_path):
    import spatialgrammar

    url, backend = replay_server("generate_llm.jsonl")
    made = spatialgrammar.generate("a living room with a sofa facing a tv and a coffee table", llm="replay",
                                   base_url=url, **FAST)
    assert backend.remaining == 0 and "coffee_table in front of sofa" in made.script
    assert {o.id for o in made.scene.objects} == {"sofa", "table", "tv", "screen"}
    assert not [d for d in made.diagnostics if d.severity == "error"]
    assert made.export(tmp_path / "room.glb").read_bytes()[:4] == b"glTF"


def test_sgram_generate_with_llm(replay_server, tmp_path):
    from typer.testing import CliRunner

    from spatialgrammar.cli import app

    url, backend = replay_server("generate_cli.jsonl")
    glb, dsl = tmp_path / "room.glb", tmp_path / "room.sg"
    run = CliRunner().invoke(app, ["generate", "a living room with a sofa and a coffee table", "-o", str(glb),
                                   "--dsl-out", str(dsl), "--llm", "replay", "--base-url", url, "--max-iters", "3"])
    assert run.exit_code == 0, run.output
    assert backend.remaining == 0 and "iteration 1: 1 error (collision)" in run.output
    assert f"wrote {glb} (4 objects) and {dsl}" in run.output
    assert glb.read_bytes()[:4] == b"glTF" and errors_of(dsl.read_text()) == []


def test_sgram_generate_options_of_the_llm_need_llm(tmp_path):
    from typer.testing import CliRunner

    from spatialgrammar.cli import app

    run = CliRunner().invoke(app, ["generate", "a room", "-o", str(tmp_path / "x.glb"), "--base-url", "http://x/v1"])
    assert run.exit_code == 2 and "need `--llm MODEL`" in run.output
