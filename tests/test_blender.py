"""Blender opens our GLB: its own glTF importer, run headless, finds every node by name with the
boxes of the JSON layout (within 1 cm). Blender is Z up like the layout; the importer undoes
glTF's Y up."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from compiler.export import export
from compiler.render.demo import demo_scene
from compiler.scene import Scene, box_footprint

BLENDER = shutil.which("blender")
TOLERANCE = 0.01  # metres

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(BLENDER is None, reason="blender is not installed (run scripts/setup_clients.sh)"),
]

# Runs inside Blender: import the GLB, write every object's name, type, parent and world box.
CHECK = r'''
import numpy
numpy.bool = bool  # Debian's numpy 1.24 dropped np.bool, which Blender 3.4's glTF importer still uses
import json, sys
import bpy
from mathutils import Vector

glb, out = sys.argv[sys.argv.index("--") + 1:][:2]
bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.ops.import_scene.gltf(filepath=glb)
bpy.context.view_layer.update()
objects = []
for ob in bpy.data.objects:
    item = {"name": ob.name, "type": ob.type, "parent": ob.parent.name if ob.parent else None}
    if ob.type == "MESH" and len(ob.data.vertices):
        world = [ob.matrix_world @ v.co for v in ob.data.vertices]
        item["min"] = [min(p[i] for p in world) for i in range(3)]
        item["max"] = [max(p[i] for p in world) for i in range(3)]
        corners = [ob.matrix_world @ Vector(c) for c in ob.bound_box]
        item["box_min"] = [min(p[i] for p in corners) for i in range(3)]
        item["box_max"] = [max(p[i] for p in corners) for i in range(3)]
    objects.append(item)
with open(out, "w") as f:
    json.dump({"version": bpy.app.version_string, "objects": objects}, f)
'''


def glb_node_names(path: Path) -> list[str]:
    data = path.read_bytes()
    assert data[:4] == b"glTF"
    length = int.from_bytes(data[12:16], "little")
    tree = json.loads(data[20:20 + length])
    return [node["name"] for node in tree["nodes"]]


def layout_box(item: dict) -> tuple[np.ndarray, np.ndarray]:
    """World axis-aligned box of a layout object (bottom centre, w x d x h, yaw)."""
    (x, y, z), (w, d, h) = item["position"], item["size"]
    xs, ys = box_footprint((x, y), w, d, item["yaw_deg"]).exterior.xy
    return np.array([min(xs), min(ys), z]), np.array([max(xs), max(ys), z + h])


def blender_environment() -> dict[str, str]:
    """The environment for Blender. A Debian Blender runs the system Python, which finds its
    standard library (and Debian's numpy) from the first `python3` on PATH: put Blender's own
    folder first so a virtualenv or pyenv Python running the tests is not picked instead."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join([str(Path(os.path.realpath(BLENDER)).parent), env.get("PATH", "")])
    return env


def import_in_blender(tmp_path: Path, scene: Scene) -> tuple[dict, dict, list[str]]:
    glb = export(scene, tmp_path / "scene.glb")
    layout = json.loads(export(scene, tmp_path / "scene.json").read_text(encoding="utf-8"))
    (tmp_path / "check.py").write_text(CHECK, encoding="utf-8")
    out = tmp_path / "blender.json"
    done = subprocess.run(
        [BLENDER, "-b", "--factory-startup", "--python-exit-code", "3", "--python", str(tmp_path / "check.py"),
         "--", str(glb), str(out)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=blender_environment())
    assert done.returncode == 0 and out.is_file(), (done.stdout + done.stderr)[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    return report, layout, glb_node_names(glb)


def compiled_scene() -> Scene:
    from compiler import compile_text

    script = """scene "Study" cell 0.1
room study bedroom rect 0,0 40x35 {
  door d1 on south wall offset 8
  window w1 on north wall
  object bed bed against west wall
  object desk desk against north wall
  object chair office_chair in front of desk
  object plant plant in northeast corner facing southwest
  on desk { object lamp table_lamp at 3,3 }
}
room hall hallway rect 40,0 20x35 {
  door d2 on west wall
  object rack coat_rack in southeast corner
}
"""
    result = compile_text(script, "study.sg")
    assert result.scene is not None, [d.render_short() for d in result.diagnostics]
    return result.scene


@pytest.fixture(scope="module", params=["hand_made", "compiled"])
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, list[str]]:
    scene = demo_scene() if request.param == "hand_made" else compiled_scene()
    return import_in_blender(tmp_path_factory.mktemp(request.param), scene)


def test_same_names_and_count(imported: tuple[dict, dict, list[str]]) -> None:
    report, layout, nodes = imported
    names = [o["name"] for o in report["objects"]]
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(nodes), "Blender's objects are not the GLB's nodes, one for one"
    meshes = {o["name"] for o in report["objects"] if o["type"] == "MESH"}
    ids = [o["id"] for o in layout["objects"]]
    assert set(ids) <= meshes, f"objects missing in Blender: {sorted(set(ids) - meshes)}"
    assert len([n for n in names if n in set(ids)]) == len(layout["objects"])
    for kind in ("rooms", "openings"):
        assert {item["id"] for item in layout[kind]} <= set(names), kind


def test_object_boxes_agree_within_a_centimetre(imported: tuple[dict, dict, list[str]]) -> None:
    report, layout, _ = imported
    blender = {o["name"]: o for o in report["objects"]}
    for item in layout["objects"]:
        lo, hi = layout_box(item)
        got = blender[item["id"]]
        # the object's own bounding box (local, as Blender keeps it) carried to the world: a
        # procedural mesh fills its size exactly, whatever its shape
        for key_lo, key_hi in (("box_min", "box_max"),):
            assert np.allclose(got[key_lo], lo, atol=TOLERANCE), (item["id"], key_lo, got[key_lo], lo.tolist())
            assert np.allclose(got[key_hi], hi, atol=TOLERANCE), (item["id"], key_hi, got[key_hi], hi.tolist())


def test_parents_are_kept(imported: tuple[dict, dict, list[str]]) -> None:
    report, layout, _ = imported
    blender = {o["name"]: o for o in report["objects"]}
    for item in layout["objects"]:
        expected = item["parent"] or item["room"]
        assert blender[item["id"]]["parent"] == expected, item["id"]


def test_floors_and_openings_sit_where_the_layout_says(imported: tuple[dict, dict, list[str]]) -> None:
    report, layout, _ = imported
    blender = {o["name"]: o for o in report["objects"]}
    for room in layout["rooms"]:
        floor = blender[f"floor_{room['id']}"]
        xs, ys = [p[0] for p in room["polygon"]], [p[1] for p in room["polygon"]]
        assert np.allclose(floor["max"], [max(xs), max(ys), room["floor_z"]], atol=TOLERANCE), room["id"]
        assert np.allclose(floor["min"][:2], [min(xs), min(ys)], atol=TOLERANCE), room["id"]
    for opening in layout["openings"]:
        parts = [o for o in report["objects"] if o["parent"] == opening["id"] and "min" in o]
        assert parts, opening["id"]
        lo = np.min([p["min"] for p in parts], axis=0)
        hi = np.max([p["max"] for p in parts], axis=0)
        x, y, z = opening["position"]
        along = abs(math.cos(math.radians(opening["yaw_deg"])))  # 1 when the wall runs east-west
        width = (hi[0] - lo[0]) if along > 0.5 else (hi[1] - lo[1])
        assert width == pytest.approx(opening["width"], abs=TOLERANCE), opening["id"]
        assert lo[2] == pytest.approx(z, abs=TOLERANCE) and hi[2] == pytest.approx(z + opening["height"], abs=TOLERANCE)
        assert (lo[0] + hi[0]) / 2 == pytest.approx(x, abs=TOLERANCE)
        assert (lo[1] + hi[1]) / 2 == pytest.approx(y, abs=TOLERANCE)
