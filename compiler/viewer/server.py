"""A small local HTTP server for the 3D viewer (standard library only).

Routes (GET and HEAD):

- ``/``                    the page (``static/index.html``), ``/viewer.js``, ``/viewer.css``
- ``/three/build/*``       three.js from the npm package ``three`` (``node_modules/three``)
- ``/three/examples/jsm/*`` its add-ons (OrbitControls, GLTFLoader and what they import)
- ``/scene.glb``           the model: a ``.sg`` script compiled on request (cached per content),
                           or the ``.glb``/``.gltf`` file itself; 503 when it does not compile
- ``/diagnostics.json``    ``{file, name, version, ok, error, diagnostics: [...]}``
- ``/version``             ``{version}``: the file's mtime and size; the page polls it and
                           reloads the model when it changes

Nothing is fetched from the network: three.js comes from the repository's node_modules.
The server listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import socket
import sys
import threading
import webbrowser
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

STATIC = Path(__file__).with_name("static")
MODEL_SUFFIXES = (".sg", ".glb", ".gltf")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
THREE_ROUTES = {"/three/build/": "build", "/three/examples/jsm/": "examples/jsm"}
STATIC_FILES = {"/": "index.html", "/index.html": "index.html", "/viewer.js": "viewer.js",
                "/viewer.css": "viewer.css"}
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".json": "application/json",
                 ".glb": "model/gltf-binary", ".gltf": "model/gltf+json"}


def find_three() -> Path:
    """The ``three`` npm package folder: ``$SG_THREE_DIR``, the repository's node_modules, or
    ./node_modules; raises FileNotFoundError saying how to install it."""
    candidates = []
    if os.environ.get("SG_THREE_DIR"):
        candidates.append(Path(os.environ["SG_THREE_DIR"]))
    candidates.append(Path(__file__).resolve().parents[2] / "node_modules" / "three")
    candidates.append(Path.cwd() / "node_modules" / "three")
    for candidate in candidates:
        if (candidate / "build" / "three.module.js").is_file():
            return candidate.resolve()
    raise FileNotFoundError(
        "three.js not found (looked in " + ", ".join(str(c) for c in candidates) + "); "
        "run `npm install` in the repository (package.json lists `three`) or set SG_THREE_DIR")


@dataclass
class Build:
    """One compiled state of the file."""

    key: str
    model: bytes | None
    report: dict[str, Any]


@dataclass
class Source:
    """The file being viewed; compiles ``.sg`` scripts to GLB, cached by content."""

    path: Path
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _build: Build | None = field(default=None, repr=False)

    @property
    def kind(self) -> str:
        return self.path.suffix.lower()

    def version(self) -> str:
        """The file's modification time and size (``missing`` when it is gone)."""
        try:
            st = self.path.stat()
        except OSError:
            return "missing"
        return f"{st.st_mtime_ns}-{st.st_size}"

    def build(self) -> Build:
        """The current model and diagnostics, compiled again only when the content changed."""
        with self._lock:
            version = self.version()
            try:
                data = self.path.read_bytes()
            except OSError as err:
                return Build(key="", model=None, report=self._report(version, error=f"cannot read the file: {err}"))
            key = hashlib.sha256(data).hexdigest()
            if self._build is not None and self._build.key == key:
                self._build.report["version"] = version
                return self._build
            self._build = self._compile(data, key, version)
            return self._build

    def _report(self, version: str, name: str | None = None, diagnostics: list | None = None,
                error: str | None = None) -> dict[str, Any]:
        diagnostics = diagnostics or []
        return {
            "file": self.path.name, "name": name or self.path.stem, "version": version,
            "ok": error is None and not any(d.get("severity") == "error" for d in diagnostics),
            "error": error, "diagnostics": diagnostics,
        }

    def _compile(self, data: bytes, key: str, version: str) -> Build:
        if self.kind != ".sg":
            return Build(key=key, model=data, report=self._report(version))
        from ..compile import compile_text
        from ..export import EXPORTERS

        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return Build(key=key, model=None, report=self._report(version, error="the script is not UTF-8 text"))
        result = compile_text(text, str(self.path))
        found = [d.to_json() for d in result.diagnostics]
        if result.scene is None:
            return Build(key=key, model=None, report=self._report(version, diagnostics=found))
        try:
            model = EXPORTERS[".glb"](result.scene)
        except Exception as err:  # an export failure is shown on the page, not a dead server
            return Build(key=key, model=None,
                         report=self._report(version, result.scene.name, found, error=f"export failed: {err}"))
        return Build(key=key, model=model, report=self._report(version, result.scene.name, found))


class ViewerServer(ThreadingHTTPServer):
    """The viewer's HTTP server; ``url`` is where the page is."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, source: Source, three: Path, address: tuple[str, int], quiet: bool = True) -> None:
        self.source = source
        self.three = three
        self.quiet = quiet
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, ViewerHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"


class ViewerHandler(BaseHTTPRequestHandler):
    server: ViewerServer
    server_version = "SpatialGrammarViewer"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        if not self.server.quiet:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's naming)
        self._route(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._route(head=False)

    def _route(self, head: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path in STATIC_FILES:
            return self._file(STATIC / STATIC_FILES[path], head)
        for prefix, folder in THREE_ROUTES.items():
            if path.startswith(prefix):
                return self._three(folder, path[len(prefix):], head)
        source = self.server.source
        if path == "/version":
            return self._send(HTTPStatus.OK, _json({"version": source.version()}), ".json", head)
        if path == "/diagnostics.json":
            return self._send(HTTPStatus.OK, _json(source.build().report), ".json", head)
        if path in ("/scene.glb", "/scene.gltf"):
            build = source.build()
            if build.model is None:
                body = _json({"error": build.report.get("error") or "the script does not compile",
                              "diagnostics": build.report["diagnostics"]})
                return self._send(HTTPStatus.SERVICE_UNAVAILABLE, body, ".json", head)
            suffix = ".gltf" if source.kind == ".gltf" else ".glb"
            return self._send(HTTPStatus.OK, build.model, suffix, head)
        if path == "/favicon.ico":
            return self._send(HTTPStatus.NO_CONTENT, b"", ".html", head)
        self._send(HTTPStatus.NOT_FOUND, _json({"error": f"no such page: {path}"}), ".json", head)

    def _three(self, folder: str, rest: str, head: bool) -> None:
        base = (self.server.three / folder).resolve()
        target = (base / rest).resolve()
        if not target.is_relative_to(base) or target.suffix != ".js" or not target.is_file():
            return self._send(HTTPStatus.NOT_FOUND, _json({"error": "no such three.js module"}), ".json", head)
        self._file(target, head)

    def _file(self, path: Path, head: bool) -> None:
        try:
            body = path.read_bytes()
        except OSError:
            return self._send(HTTPStatus.NOT_FOUND, _json({"error": "not found"}), ".json", head)
        self._send(HTTPStatus.OK, body, path.suffix, head)

    def _send(self, status: HTTPStatus, body: bytes, suffix: str, head: bool) -> None:
        self.send_response(status)
        content_type = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(f"x{suffix}")[0] or "application/octet-stream"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=1).encode("utf-8")


def make_server(path: str | Path, host: str = "127.0.0.1", port: int = 0, quiet: bool = True) -> ViewerServer:
    """A viewer server for a ``.sg`` script or a ``.glb``/``.gltf`` file, bound but not yet serving
    (call ``serve_forever``, e.g. in a thread). ``port=0`` picks a free port; see ``.url``."""
    path = Path(path)
    if path.suffix.lower() not in MODEL_SUFFIXES:
        raise ValueError(f"cannot view `{path.name}`: give a .sg script or a .glb/.gltf file")
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    three = find_three()
    return ViewerServer(Source(path.resolve()), three, (host, port), quiet=quiet)


def serve(path: str | Path, host: str = "127.0.0.1", port: int = 0, open_browser: bool = True,
          quiet: bool = True) -> None:
    """Serve the viewer for ``path`` until interrupted (Ctrl-C); opens the browser unless told not to."""
    server = make_server(path, host, port, quiet=quiet)
    if host not in LOOPBACK:
        print(f"warning: the viewer listens on {host}, reachable from other machines", file=sys.stderr)
    print(f"viewing {path} at {server.url} (Ctrl-C to stop)", file=sys.stderr)
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


__all__ = ["Source", "ViewerServer", "find_three", "make_server", "serve"]
