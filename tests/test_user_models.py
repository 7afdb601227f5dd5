"""The user's own models: manifest checks with clear errors, axes, fitting, matching by
description, and the example folder compiled into a GLB that carries those models."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import trimesh

from assets.meshes import mesh_for
from assets.user_models import UserModelError, load_user_models, resolve_models, rotation

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "user_models"


def test_example_folder_loads():
    lib = load_user_models(EXAMPLE)
    assert [(m.file.name, m.category, m.up, m.front, m.fit) for m in lib.models] == [
        ("designer_chair.glb", "chair", "+y", "+z", "stretch"),
        ("round_lamp.obj", "floor_lamp", "+z", "-y", "uniform"),
        ("tulip_table.glb", "side_table", "+y", "+z", "stretch"),
    ]
    chair = lib.models[0]
    assert [p.name for p in chair.parts] == ["legs", "shell"]
    assert chair.parts[1].rgba[:3] == pytest.approx((0.79, 0.56, 0.17), abs=0.01)
    lamp = lib.models[1]
    assert len(lamp.parts) == 4  # one part per vertex colour of the OBJ


def test_rotation_maps_up_and_front():
    for up, front in (("+y", "+z"), ("+z", "-y"), ("-x", "+y")):
        r = rotation(up, front)
        from assets.user_models import AXES

        assert np.allclose(r @ AXES[up], (0, 0, 1)) and np.allclose(r @ AXES[front], (0, 1, 0))
        assert np.isclose(np.linalg.det(r), 1.0)


def test_models_fill_the_object_box():
    chair = mesh_for("chair", (0.5, 0.52, 0.85), "", 0, models=EXAMPLE)
    assert chair.metadata["source"] == "user:designer_chair.glb"
    assert np.allclose(chair.bounds, [[-0.25, -0.26, 0.0], [0.25, 0.26, 0.85]], atol=1e-6)
    # the chair's back (its shell's highest part) is at the back: -y
    top = chair.vertices[chair.vertices[:, 2] > 0.8]
    assert top[:, 1].mean() < 0
    lamp = mesh_for("floor_lamp", (0.4, 0.4, 1.6), "", 0, models=EXAMPLE)  # fit: uniform keeps the globe round
    ext = lamp.extents
    assert ext[2] == pytest.approx(1.6) and ext[0] == pytest.approx(ext[1]) and ext[0] < 0.4
    # the lamp's switch (its darkest small part) faces the front
    colours = np.asarray(lamp.visual.face_colors)[:, :3].sum(axis=1)
    switch = lamp.triangles_center[(colours < 100) & (lamp.triangles_center[:, 2] > 0.3)]
    assert switch[:, 1].mean() > 0
    # a category the folder lacks stays procedural
    assert mesh_for("sofa", (2.0, 0.9, 0.85), "", 0, models=EXAMPLE).metadata["source"] == "procedural"


def test_best_description_wins(tmp_path):
    shutil.copy(EXAMPLE / "designer_chair.glb", tmp_path / "a.glb")
    shutil.copy(EXAMPLE / "tulip_table.glb", tmp_path / "b.glb")
    (tmp_path / "manifest.yaml").write_text(
        "models:\n"
        "  - {file: a.glb, category: chair, description: yellow shell chair}\n"
        "  - {file: b.glb, category: chair, description: white tulip chair}\n")
    lib = load_user_models(tmp_path)
    assert lib.find("chair", "a tulip chair").file.name == "b.glb"
    assert lib.find("chair", "shell").file.name == "a.glb"
    assert lib.find("chair", "").file.name == "a.glb"  # ties: manifest order
    assert lib.find("sofa", "tulip") is None


def write(folder: Path, manifest: str, files: dict[str, bytes] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.yaml").write_text(manifest)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(UserModelError) as info:
        load_user_models(folder)
    return info.value.problems


def test_clear_errors(tmp_path):
    good = (EXAMPLE / "designer_chair.glb").read_bytes()
    found = problems(write(tmp_path / "m", """models:
  - {file: missing.glb, category: chair}
  - {file: chair.glb, category: chiar}
  - {file: chair.glb, category: chair, up: sideways}
  - {file: chair.glb, category: chair, up: +y, front: -y}
  - {file: broken.glb, category: chair}
  - {file: chair.glb, category: chair, colour: red}
  - {file: notes.txt, category: chair}
  - {category: chair}
  - {file: chair.glb, category: chair, fit: squash}
""", {"chair.glb": good, "broken.glb": b"this is not a glb", "notes.txt": b"hello"}))
    text = "\n".join(found)
    assert "models[0] (`missing.glb`): file not found" in text
    assert "unknown category `chiar`; did you mean `chair`" in text
    assert "`up` must be one of +x, -x, +y, -y, +z, -z (got `sideways`)" in text
    assert "`up` (+y) and `front` (-y) must be perpendicular" in text
    assert "models[4] (`broken.glb`): cannot read the mesh" in text
    assert "unknown key `colour`" in text
    assert "unsupported format `.txt`" in text
    assert "models[7]: `file` is required" in text
    assert "`fit` must be one of stretch, uniform" in text
    assert len(found) == 9


def test_folder_and_manifest_errors(tmp_path):
    with pytest.raises(UserModelError, match="is not a folder"):
        load_user_models(tmp_path / "nope")
    with pytest.raises(UserModelError, match="manifest.yaml` is missing"):
        load_user_models(tmp_path)
    write(tmp_path, "models: [")
    with pytest.raises(UserModelError, match="cannot be read"):
        load_user_models(tmp_path)
    write(tmp_path, "models: []")
    with pytest.raises(UserModelError, match="non-empty list"):
        load_user_models(tmp_path)


def test_synonym_categories_are_accepted(tmp_path):
    shutil.copy(EXAMPLE / "tulip_table.glb", tmp_path / "t.glb")
    write(tmp_path, "models:\n  - {file: t.glb, category: end table}\n")
    assert load_user_models(tmp_path).models[0].category == "side_table"


def test_folder_cache_notices_changes(tmp_path):
    shutil.copy(EXAMPLE / "designer_chair.glb", tmp_path / "c.glb")
    write(tmp_path, "models:\n  - {file: c.glb, category: chair}\n")
    assert resolve_models(tmp_path).categories() == ["chair"]
    write(tmp_path, "models:\n  - {file: c.glb, category: stool}   # changed\n")
    assert resolve_models(tmp_path).categories() == ["stool"]


def compile_user_example():
    from compiler import compile_text

    path = ROOT / "examples" / "user_models.sg"
    result = compile_text(path.read_text(encoding="utf-8"), str(path))
    assert result.ok, [d.message for d in result.diagnostics]
    return result.scene


def test_example_compiles_into_a_glb_with_the_models(tmp_path):
    from compiler.export import export

    scene = compile_user_example()
    lib = load_user_models(EXAMPLE)
    triangles = {m.category: m.triangles for m in lib.models}
    out = export(scene, tmp_path / "user_models.glb", models=EXAMPLE)
    loaded = trimesh.load(out)
    for obj in scene.objects:
        assert obj.id in loaded.graph.nodes
        if obj.category in triangles:
            _, geom = loaded.graph.get(obj.id)
            assert len(loaded.geometry[geom].faces) == triangles[obj.category], obj.id
            assert len(loaded.geometry[geom].vertices) == 3 * triangles[obj.category]
    data = out.read_bytes()
    tree = json.loads(data[20:20 + int.from_bytes(data[12:16], "little")])
    names = {m["name"] for m in tree["materials"]}
    assert "mat_chair_user_designer_chair" in names and "mat_floor_lamp_user_round_lamp" in names
    # without the folder the same objects are procedural
    plain = trimesh.load(io.BytesIO(export(scene, tmp_path / "plain.glb").read_bytes()), file_type="glb")
    _, geom = plain.graph.get("chair1")
    assert len(plain.geometry[geom].faces) != triangles["chair"]


@pytest.mark.integration
def test_example_glb_with_user_models_validates(tmp_path):
    from compiler.export import export
    from compiler.validate import ValidatorUnavailable, validate_gltf

    out = export(compile_user_example(), tmp_path / "user_models.glb", models=EXAMPLE)
    try:
        report = validate_gltf(out)
    except ValidatorUnavailable as err:
        pytest.skip(str(err))
    assert report["errors"] == 0 and report["warnings"] == 0, report["messages"]
