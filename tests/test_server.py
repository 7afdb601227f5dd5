"""``sgram serve``: the OpenAI-compatible API, talked to over real HTTP with the `openai` client."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
openai = pytest.importorskip("openai")

from compiler import compile_text  # noqa: E402

SHIPPED = Path(__file__).resolve().parent.parent / "sgmini" / "weights" / "cpu"


@pytest.fixture(scope="module")
def weights(tmp_path_factory) -> Path:
    """The shipped weights, or (before they exist) a `test` model trained for a few steps."""
    if (SHIPPED / "model.safetensors").exists():
        return SHIPPED
    from sgmini.synth import synth
    from sgmini.train import train

    data = tmp_path_factory.mktemp("srv_synth")
    synth(12, data, seed=5, workers=1, progress=False)
    out = tmp_path_factory.mktemp("srv_run")
    train(data, out, "test", steps=4, batch_tokens=1024, eval_every=4, ckpt_every=4, eval_examples=4, threads=1)
    return out / "ckpt"


@pytest.fixture(scope="module")
def server(weights):
    from sgmini.server import SGMiniBackend, make_server, serve_in_thread

    srv = make_server("127.0.0.1", 0, SGMiniBackend(weights), max_body=20_000)
    serve_in_thread(srv)
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def client(server):
    return openai.OpenAI(base_url=f"http://127.0.0.1:{server.server_port}/v1", api_key="none", max_retries=0,
                         timeout=120)


def test_models(client):
    models = client.models.list()
    assert [m.id for m in models.data] == ["sgmini"]


def test_chat_completion_returns_a_clean_script(client):
    reply = client.chat.completions.create(model="sgmini", messages=[
        {"role": "system", "content": "You write SpatialGrammar."},
        {"role": "user", "content": "a living room with a sofa and a coffee table"}])
    script = reply.choices[0].message.content
    assert reply.choices[0].finish_reason == "stop"
    result = compile_text(script)
    assert result.ok, [d.message for d in result.diagnostics]
    assert reply.usage.completion_tokens > 0


def test_streaming(client):
    stream = client.chat.completions.create(model="sgmini", stream=True, seed=3,
                                            messages=[{"role": "user", "content": "an office with a desk"}])
    parts = [c.choices[0].delta.content or "" for c in stream]
    script = "".join(parts)
    assert len(parts) > 2 and compile_text(script).ok


def test_edit_conversation(client):
    first = client.chat.completions.create(model="sgmini", messages=[
        {"role": "user", "content": "a bedroom with a bed against the north wall"}]).choices[0].message.content
    second = client.chat.completions.create(model="sgmini", messages=[
        {"role": "user", "content": "a bedroom with a bed against the north wall"},
        {"role": "assistant", "content": first},
        {"role": "user", "content": "Add a plant in the southwest corner."}]).choices[0].message.content
    assert compile_text(second).ok
    assert second.startswith(first.rstrip("\n").split("\n")[0])  # the same scene, edited


def test_concurrent_requests(client):
    prompts = ["a kitchen with a fridge", "a bathroom with a toilet", "a dining room with a table",
               "a study with a bookshelf"]
    results: dict[int, str] = {}
    errors: list[Exception] = []

    def ask(i: int) -> None:
        try:
            r = client.chat.completions.create(model="sgmini", messages=[{"role": "user", "content": prompts[i]}])
            results[i] = r.choices[0].message.content
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(prompts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not errors and len(results) == len(prompts)
    for i, script in results.items():
        assert compile_text(script).ok
        again = client.chat.completions.create(model="sgmini", messages=[{"role": "user", "content": prompts[i]}])
        assert again.choices[0].message.content == script  # greedy decoding: concurrency changes nothing


def test_tools_and_tool_messages_get_a_plain_script(client, server):
    """SG-Mini calls no function: plain content is a valid answer to a request with tools."""
    from agent.tools import TOOLS

    reply = client.chat.completions.create(model="sgmini", tools=TOOLS, messages=[
        {"role": "user", "content": "a bedroom with a bed"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "list_categories", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": '{"categories": ["bed"]}'}])
    choice = reply.choices[0]
    assert choice.finish_reason == "stop" and not choice.message.tool_calls
    assert compile_text(choice.message.content).ok
    status, body = _post(server, "/v1/chat/completions", json.dumps(
        {"messages": [{"role": "user", "content": "a room"}], "tools": [{"name": "check_scene"}]}).encode())
    assert status == 400 and body["error"]["code"] == "invalid_tools" and body["error"]["param"] == "tools"


def _post(server, path: str, data: bytes, headers: dict | None = None) -> tuple[int, dict]:
    req = urllib.request.Request(f"http://127.0.0.1:{server.server_port}{path}", data=data, method="POST",
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_limits_and_errors(server, client):
    status, body = _post(server, "/v1/chat/completions", b"x" * 30_000)
    assert status == 413 and body["error"]["code"] == "request_too_large"
    status, body = _post(server, "/v1/chat/completions", b"{not json")
    assert status == 400 and body["error"]["code"] == "invalid_json"
    status, body = _post(server, "/v1/chat/completions", json.dumps({"messages": []}).encode())
    assert status == 400
    status, body = _post(server, "/v1/nowhere", b"{}")
    assert status == 404
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(model="sgmini", messages=[{"role": "assistant", "content": "hi"}])


def test_loopback_by_default():
    import inspect

    from sgmini.server import make_server, serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(make_server).parameters["host"].default == "127.0.0.1"


COLLIDING = """scene "Two beds" cell 0.1

room r1 bedroom rect 0,0 60x40 {
  object bed1 bed at 20,20
  object bed2 bed at 20,20
}
"""


def test_compiler_feedback_is_reviewed_not_read_as_an_instruction(client):
    """A user message named `compiler` is the agent's feedback: a clean script gets DONE, one with
    errors comes back repaired (and no object is added for the words in the feedback)."""
    clean = client.chat.completions.create(model="sgmini", messages=[
        {"role": "user", "content": "a bedroom with a bed"},
        {"role": "assistant", "content": COLLIDING.replace("at 20,20\n  object bed2 bed at 20,20", "at 20,20")},
        {"role": "user", "name": "compiler", "content": "no errors; add a sofa and a tv if the request asks"},
    ])
    assert clean.choices[0].message.content == "DONE"
    fixed = client.chat.completions.create(model="sgmini", messages=[
        {"role": "user", "content": "a bedroom with two beds"},
        {"role": "assistant", "content": COLLIDING},
        {"role": "user", "name": "compiler", "content": "1 error (collision): bed1 and bed2 overlap"},
    ]).choices[0].message.content
    result = compile_text(fixed, "fixed.sg")
    assert not [d for d in result.diagnostics if d.severity == "error"]
    assert sorted(o.category for o in result.scene.objects) == ["bed", "bed"]
    slanted = COLLIDING.replace("rect 0,0 60x40", "poly 0,0 54,0 49,24 0,47")  # beyond repair: written anew
    anew = client.chat.completions.create(model="sgmini", messages=[
        {"role": "user", "content": "a bedroom with a bed"},
        {"role": "assistant", "content": slanted},
        {"role": "user", "name": "compiler", "content": "1 error (bad_room_shape)"},
    ]).choices[0].message.content
    assert compile_text(anew, "anew.sg").ok
