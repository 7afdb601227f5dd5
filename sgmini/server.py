"""``sgram serve``: an OpenAI-compatible HTTP API backed by SG-Mini (standard library only).

Endpoints: ``GET /v1/models``, ``POST /v1/chat/completions`` (with ``stream: true`` as
server-sent events), ``GET /health``. The reply's content is the scene script. A conversation
whose earlier assistant message holds a script is an edit: the last user message is the
instruction, applied to that script. ``tools`` are validated and passed over: SG-Mini answers in
plain content, a valid reply to a request with tools; ``role: tool`` messages are accepted (and
read as context only). A backend may answer with function calls (:class:`Message`), for the
functions the request offers. Bodies over ``max_body`` bytes get 413, bad JSON 400;
every error is an OpenAI-style ``{"error": {...}}`` object. Loopback only by default; requests
are served on threads, generation itself runs one at a time.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

MAX_BODY = 1_000_000
MAX_MESSAGES = 64
FEEDBACK_NAME = "compiler"
"""A user message with this ``name`` is the compiler's feedback on the last script, not an instruction."""


@dataclass
class FunctionCall:
    name: str
    arguments: str
    """JSON text, as OpenAI sends it."""


@dataclass
class Message:
    """An assistant message: content, or calls of functions the request offered."""

    content: str | None = None
    tool_calls: list[FunctionCall] = field(default_factory=list)

    def wire_calls(self) -> list[dict]:
        """The calls in OpenAI's form (each with a fresh id)."""
        return [{"id": "call_" + uuid.uuid4().hex[:24], "type": "function",
                 "function": {"name": c.name, "arguments": c.arguments}} for c in self.tool_calls]


class Backend:
    """What the server needs of a model: ``name``, ``script(prompt, seed, temperature)``, ``edit(...)``
    and ``review(...)``. Each answers with text (a script, or ``DONE``), or with a :class:`Message`
    (function calls)."""

    name = "sgmini"

    def script(self, prompt: str, seed: int | None = None, temperature: float = 0.0) -> str | Message:
        raise NotImplementedError

    def edit(self, script: str, instruction: str, seed: int | None = None,
             temperature: float = 0.0) -> str | Message:
        raise NotImplementedError

    def review(self, script: str, feedback: str, request: str, seed: int | None = None,
               temperature: float = 0.0) -> str | Message:
        """Answer the compiler's ``feedback`` on ``script`` (a user message named ``compiler``).
        ``request`` is the user's last own message: the prompt, or the edit instruction. By default
        the feedback is read as one more instruction."""
        return self.edit(script, feedback, seed=seed, temperature=temperature)


class SGMiniBackend(Backend):
    """The shipped model. ``raw``: answer with the decoded script as it is (no repair, no retries),
    leaving the repairing to a client's loop. Compiler feedback is answered by checking the script:
    ``DONE`` when it is clean, else the script as SG-Mini's repair pipeline fixes it for the request
    (a script beyond repair is written anew for the request)."""

    def __init__(self, weights=None, raw: bool = False):
        from .generate import load

        self.model = load(weights)
        self.name = "sgmini"
        self.raw = raw

    def script(self, prompt: str, seed: int | None = None, temperature: float = 0.0) -> str:
        if self.raw:
            return self.model.script(prompt, seed=seed, temperature=temperature, retries=0, repair=False,
                                     fallback=False).script
        return self.model.script(prompt, seed=seed, temperature=temperature).script

    def review(self, script: str, feedback: str, request: str, seed: int | None = None,
               temperature: float = 0.0) -> str:
        from spatialgrammar.api import check_text

        if not any(d.severity == "error" for d in check_text(script, "scene.sg").diagnostics):
            return "DONE"
        fixed = self.model.repair(script, request)
        if not fixed.ok and request:  # beyond repair (a room of the wrong shape): write the scene anew
            return self.model.script(request, seed=seed).script
        return fixed.script

    def edit(self, script: str, instruction: str, seed: int | None = None, temperature: float = 0.0) -> str:
        return self.model.edit(script, instruction, seed=seed, temperature=temperature).script


class ApiError(Exception):
    def __init__(self, status: int, message: str, kind: str = "invalid_request_error", code: str | None = None,
                 param: str | None = None):
        super().__init__(message)
        self.status, self.message, self.kind, self.code, self.param = status, message, kind, code, param


def _text_of(content) -> str:
    """Message content as text (a string, or the text parts of a list of parts)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    raise ApiError(400, "`content` must be a string or a list of parts")


def _looks_like_script(text: str) -> bool:
    from spatialgrammar import parse_diagnostics

    if "room" not in text:
        return False
    program, _ = parse_diagnostics(text)
    return program is not None


def _offered_tools(body: dict) -> set[str]:
    """The names of the functions the request offers (none with ``tool_choice: "none"``)."""
    tools = body.get("tools")
    if tools is None:
        return set()
    if not isinstance(tools, list) or not all(
            isinstance(t, dict) and t.get("type") == "function" and isinstance(t.get("function"), dict)
            and isinstance(t["function"].get("name"), str) for t in tools):
        raise ApiError(400, '`tools` must be a list of {"type": "function", "function": {"name": ...}}',
                       param="tools", code="invalid_tools")
    return set() if body.get("tool_choice") == "none" else {t["function"]["name"] for t in tools}


def answer(backend: Backend, body: dict) -> Message:
    """The assistant message answering a chat-completions request body."""
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise ApiError(400, "`messages` must be a non-empty list", code="invalid_messages")
    if len(messages) > MAX_MESSAGES:
        raise ApiError(400, f"at most {MAX_MESSAGES} messages", code="too_many_messages")
    for m in messages:
        if not isinstance(m, dict) or m.get("role") not in ("system", "user", "assistant", "developer", "tool"):
            raise ApiError(400, "each message needs a `role` of system, developer, user, assistant or tool",
                           code="invalid_messages")
    users = [i for i, m in enumerate(messages) if m["role"] == "user"]
    if not users:
        raise ApiError(400, "no user message", code="invalid_messages")
    last = users[-1]
    prompt = _text_of(messages[last].get("content")).strip()
    if not prompt:
        raise ApiError(400, "the last user message is empty", code="invalid_messages")
    seed = body.get("seed")
    if seed is not None and not isinstance(seed, int):
        raise ApiError(400, "`seed` must be an integer")
    temperature = body.get("temperature", 0.0) or 0.0
    if not isinstance(temperature, (int, float)) or not 0 <= temperature <= 2:
        raise ApiError(400, "`temperature` must be a number between 0 and 2")
    offered = _offered_tools(body)
    script = None
    for m in reversed(messages[:last]):
        if m["role"] == "assistant":
            text = _text_of(m.get("content"))
            if _looks_like_script(text):
                script = text
            break
    if script is not None and messages[last].get("name") == FEEDBACK_NAME:
        asked = [i for i in users if messages[i].get("name") != FEEDBACK_NAME]
        request = _text_of(messages[asked[-1]].get("content")) if asked else ""
        reply = backend.review(script, prompt, request, seed=seed, temperature=float(temperature))
    elif script is not None:
        reply = backend.edit(script, prompt, seed=seed, temperature=float(temperature))
    else:
        reply = backend.script(prompt, seed=seed, temperature=float(temperature))
    message = reply if isinstance(reply, Message) else Message(content=reply)
    unknown = sorted({c.name for c in message.tool_calls} - offered)
    if unknown:
        raise ApiError(500, f"the backend called {', '.join(f'`{n}`' for n in unknown)}, which the request "
                       "does not offer", kind="server_error", code="tool_not_offered")
    return message


def make_handler(backend: Backend, max_body: int = MAX_BODY) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "sgmini/1"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet by default
            if getattr(self.server, "verbose", False):
                super().log_message(format, *args)

        # ---- helpers -------------------------------------------------------------------------------
        def _send_json(self, status: int, payload: dict) -> None:
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _error(self, err: ApiError) -> None:
            self._send_json(err.status, {"error": {"message": err.message, "type": err.kind, "param": err.param,
                                                   "code": err.code}})

        def _body(self) -> dict:
            length = self.headers.get("Content-Length")
            if length is None:
                raise ApiError(411, "a Content-Length header is required", code="length_required")
            try:
                n = int(length)
            except ValueError:
                raise ApiError(400, "bad Content-Length") from None
            if n > max_body:
                self.close_connection = True
                raise ApiError(413, f"the request body is {n} bytes, the limit is {max_body}",
                               code="request_too_large")
            raw = self.rfile.read(n)
            try:
                body = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ApiError(400, f"the body is not JSON: {exc}", code="invalid_json") from None
            if not isinstance(body, dict):
                raise ApiError(400, "the body must be a JSON object", code="invalid_json")
            return body

        # ---- routes --------------------------------------------------------------------------------
        def do_GET(self) -> None:  # noqa: N802 - http.server naming
            path = self.path.split("?")[0].rstrip("/")
            if path == "/v1/models":
                self._send_json(200, {"object": "list", "data": [
                    {"id": backend.name, "object": "model", "created": 0, "owned_by": "spatialgrammar"}]})
            elif path.startswith("/v1/models/"):
                name = path.rsplit("/", 1)[1]
                if name != backend.name:
                    self._error(ApiError(404, f"model `{name}` does not exist", code="model_not_found"))
                else:
                    self._send_json(200, {"id": backend.name, "object": "model", "created": 0,
                                          "owned_by": "spatialgrammar"})
            elif path in ("/health", ""):
                self._send_json(200, {"status": "ok", "model": backend.name})
            else:
                self._error(ApiError(404, f"no route `{path}`", code="not_found"))

        def do_POST(self) -> None:  # noqa: N802
            path = self.path.split("?")[0].rstrip("/")
            try:
                if path != "/v1/chat/completions":
                    raise ApiError(404, f"no route `{path}`", code="not_found")
                body = self._body()
                model = body.get("model") or backend.name
                t0 = time.perf_counter()
                reply = answer(backend, body)
                rid = "chatcmpl-" + uuid.uuid4().hex[:24]
                created = int(time.time())
                calls = reply.wire_calls()
                finish = "tool_calls" if calls else "stop"
                if body.get("stream"):
                    self._stream(rid, created, model, reply.content or "", calls, finish)
                    return
                message: dict = {"role": "assistant", "content": reply.content}
                if calls:
                    message["tool_calls"] = calls
                completion = (reply.content or "") + "".join(c.arguments for c in reply.tool_calls)
                usage = {"prompt_tokens": sum(len(_text_of(m.get("content")).split()) for m in body["messages"]),
                         "completion_tokens": len(completion.split())}
                usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
                self._send_json(200, {
                    "id": rid, "object": "chat.completion", "created": created, "model": model,
                    "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
                    "usage": usage, "system_fingerprint": f"sgmini-{round(time.perf_counter() - t0, 3)}s"})
            except ApiError as err:
                self._error(err)
            except Exception as exc:  # noqa: BLE001 - a failure is an error reply, never a dropped connection
                self._error(ApiError(500, f"{type(exc).__name__}: {exc}", kind="server_error"))

        def _stream(self, rid: str, created: int, model: str, script: str, calls: list[dict],
                    finish: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True

            def chunk(delta: dict, finish: str | None = None) -> None:
                payload = {"id": rid, "object": "chat.completion.chunk", "created": created, "model": model,
                           "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}]}
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode("utf-8"))
                self.wfile.flush()

            chunk({"role": "assistant", "content": ""})
            for line in script.splitlines(keepends=True):
                chunk({"content": line})
            if calls:
                chunk({"tool_calls": [{"index": k, **c} for k, c in enumerate(calls)]})
            chunk({}, finish)
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(host: str = "127.0.0.1", port: int = 8000, backend: Backend | None = None,
                max_body: int = MAX_BODY, verbose: bool = False) -> Server:
    """A ready server (``serve_forever()`` to run); ``port=0`` picks a free port (``server.server_port``)."""
    backend = backend or SGMiniBackend()
    server = Server((host, port), make_handler(backend, max_body))
    server.verbose = verbose
    return server


def serve(host: str = "127.0.0.1", port: int = 8000, backend: str = "sgmini", weights: str | None = None,
          max_body: int = MAX_BODY, verbose: bool = True, ready: Callable[[Server], None] | None = None,
          raw: bool = False) -> None:
    """``sgram serve``: run until interrupted."""
    if backend != "sgmini":
        raise ValueError(f"unknown backend `{backend}` (known: `sgmini`)")
    server = make_server(host, port, SGMiniBackend(weights, raw=raw), max_body, verbose)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: serving on {host}, reachable from other machines", flush=True)
    print(f"SG-Mini OpenAI-compatible API on http://{host}:{server.server_port}/v1 (model `sgmini`)", flush=True)
    if ready is not None:
        ready(server)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def serve_in_thread(server: Server) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
