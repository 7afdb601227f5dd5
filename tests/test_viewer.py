"""The local viewer: a real server on port 0 in a thread, fetched with urllib, and (integration)
the page rendered by headless Chromium with WebGL on SwiftShader."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from compiler.export import to_glb_bytes
from compiler.render.demo import demo_scene
from compiler.viewer import find_three, make_server
from compiler.viewer.server import STATIC, ViewerServer

SCRIPT = """scene "Study" cell 0.1
room study bedroom rect 0,0 40x35 {
  door d1 on south wall offset 8
  window w1 on north wall
  object bed bed against west wall
  object desk desk against north wall
  on desk { object lamp lamp at 3,3 }
}
"""
COLLIDING = SCRIPT.replace("object desk desk against north wall", "object desk desk at 8,17")


@contextmanager
def running(path: Path) -> Iterator[ViewerServer]:
    server = make_server(path)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def get(server: ViewerServer, path: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


@pytest.fixture(scope="module")
def glb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ViewerServer]:
    path = tmp_path_factory.mktemp("glb") / "demo.glb"
    path.write_bytes(to_glb_bytes(demo_scene()))
    with running(path) as server:
        yield server


@pytest.fixture()
def script_server(tmp_path: Path) -> Iterator[ViewerServer]:
    path = tmp_path / "study.sg"
    path.write_text(SCRIPT, encoding="utf-8")
    with running(path) as server:
        yield server


# --------------------------------------------------------------------------- the server


def test_listens_on_loopback_by_default(glb_server: ViewerServer) -> None:
    assert glb_server.server_address[0] == "127.0.0.1"
    assert glb_server.server_address[1] > 0
    assert glb_server.url.startswith("http://127.0.0.1:")


def test_serves_the_page_and_three_js_from_node_modules(glb_server: ViewerServer) -> None:
    status, kind, body = get(glb_server, "/")
    assert status == 200 and kind.startswith("text/html")
    assert b'"three": "/three/build/three.module.js"' in body
    for path in ("/viewer.js", "/three/build/three.module.js", "/three/build/three.core.js",
                 "/three/examples/jsm/controls/OrbitControls.js", "/three/examples/jsm/loaders/GLTFLoader.js"):
        status, kind, body = get(glb_server, path)
        assert status == 200, path
        assert kind.startswith("text/javascript"), path
    # every relative module the add-ons import is served too
    loader = get(glb_server, "/three/examples/jsm/loaders/GLTFLoader.js")[2].decode("utf-8")
    for rel in re.findall(r"from '(\.\./[^']+)'", loader):
        target = "/three/examples/jsm/loaders/" + rel
        parts: list[str] = []
        for piece in target.split("/"):
            if piece == "..":
                parts.pop()
            else:
                parts.append(piece)
        assert get(glb_server, "/".join(parts))[0] == 200, rel
    assert (find_three() / "build" / "three.module.js").is_file()


def test_the_page_needs_no_network() -> None:
    for name in ("index.html", "viewer.js", "viewer.css"):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.IGNORECASE), name


def test_refuses_paths_outside_the_three_folders(glb_server: ViewerServer) -> None:
    for path in ("/three/build/../package.json", "/three/build/%2e%2e/%2e%2e/package.json",
                 "/three/examples/jsm/../../../package.json", "/three/build/three.cjs", "/etc/passwd",
                 "/../pyproject.toml"):
        assert get(glb_server, path)[0] == 404, path


def test_serves_a_glb_file_as_is(glb_server: ViewerServer) -> None:
    status, kind, body = get(glb_server, "/scene.glb")
    assert status == 200 and kind == "model/gltf-binary"
    assert body[:4] == b"glTF" and body == to_glb_bytes(demo_scene())
    report = json.loads(get(glb_server, "/diagnostics.json")[2])
    assert report["file"] == "demo.glb" and report["diagnostics"] == [] and report["ok"] is True
    version = json.loads(get(glb_server, "/version")[2])["version"]
    assert version == report["version"] and version != "missing"
    assert get(glb_server, "/nothing")[0] == 404


def test_compiles_a_script_and_follows_its_changes(script_server: ViewerServer) -> None:
    status, kind, body = get(script_server, "/scene.glb")
    assert status == 200 and body[:4] == b"glTF"
    # node names: the JSON chunk names the objects
    chunk = json.loads(body[20:20 + int.from_bytes(body[12:16], "little")])
    names = {node.get("name") for node in chunk["nodes"]}
    assert {"bed", "desk", "lamp", "d1", "w1", "study"} <= names
    first = json.loads(get(script_server, "/diagnostics.json")[2])
    assert first["name"] == "Study" and not any(d["code"] == "collision" for d in first["diagnostics"])

    path = script_server.source.path
    before = json.loads(get(script_server, "/version")[2])["version"]
    time.sleep(0.01)
    path.write_text(COLLIDING, encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    after = json.loads(get(script_server, "/version")[2])["version"]
    assert after != before
    report = json.loads(get(script_server, "/diagnostics.json")[2])
    assert report["version"] == after
    collisions = [d for d in report["diagnostics"] if d["code"] == "collision"]
    assert collisions and "desk" in collisions[0]["objects"]
    assert report["ok"] is False
    assert get(script_server, "/scene.glb")[0] == 200  # a scene with errors still shows


def test_a_script_that_does_not_parse_gets_503_with_diagnostics(script_server: ViewerServer) -> None:
    script_server.source.path.write_text("room { {\n", encoding="utf-8")
    status, kind, body = get(script_server, "/scene.glb")
    assert status == 503 and kind == "application/json"
    assert json.loads(body)["diagnostics"]
    report = json.loads(get(script_server, "/diagnostics.json")[2])
    assert report["ok"] is False and report["diagnostics"]


def test_make_server_checks_the_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=".sg"):
        make_server(tmp_path / "notes.txt")
    with pytest.raises(FileNotFoundError):
        make_server(tmp_path / "missing.sg")


def test_three_missing_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compiler.viewer.server as server

    monkeypatch.setenv("SG_THREE_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(server, "__file__", str(tmp_path / "a" / "b" / "server.py"))
    with pytest.raises(FileNotFoundError, match="npm install"):
        server.find_three()


# --------------------------------------------------------------------------- a real browser

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "")
                 if p and Path(p).exists()), None)


@pytest.mark.integration
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (run scripts/setup_clients.sh)")
def test_headless_chromium_draws_the_scene_and_its_diagnostics(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "study.sg"
    path.write_text(COLLIDING, encoding="utf-8")
    shot = tmp_path / "shot.png"
    with running(path) as server:
        command = [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=8000",
            "--window-size=1280,800", f"--screenshot={shot}", "--dump-dom", server.url,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=tmp_path)
    assert shot.is_file(), done.stderr[-2000:]
    # the page ran: the model loaded and the objects the diagnostics name are highlighted
    body = re.search(r"<body[^>]*>", done.stdout)
    assert body and "data-loaded=" in body.group(0), done.stdout[-2000:]
    highlighted = re.search(r'data-highlighted="([^"]*)"', body.group(0))
    assert highlighted and "desk" in highlighted.group(1).split(","), body.group(0)
    assert "error[collision]" in done.stdout
    # and drew it: the 3D view (left of the diagnostics panel) is not blank
    pixels = np.asarray(Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")).astype(int)
    assert pixels.shape[:2] == (800, 1280)
    canvas = pixels[60:780, 20:930]
    colours = np.unique((canvas // 8).reshape(-1, 3), axis=0)
    assert len(colours) >= 40, f"the 3D view has only {len(colours)} colours: is it blank?"
    coloured = int(((canvas.max(axis=2) - canvas.min(axis=2)) > 60).sum())
    assert coloured > 5000, "no furniture colours in the 3D view: the model did not load"
