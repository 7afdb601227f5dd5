"""Every example checks clean, formats to itself and exports a GLB the Khronos validator
accepts, with one node per object id."""

from __future__ import annotations

from pathlib import Path

import pytest
import trimesh

from compiler import compile_text
from compiler.export import export
from compiler.validate import ValidatorUnavailable, validate_gltf

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.sg"))


def test_there_are_enough_examples():
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_is_clean(path: Path):
    result = compile_text(path.read_text(), str(path))
    assert result.ok, "\n".join(d.render_short() for d in result.diagnostics if d.severity == "error")


@pytest.mark.integration
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_glb_validates_with_one_node_per_object(path: Path, tmp_path: Path):
    scene = compile_text(path.read_text(), str(path)).scene
    out = export(scene, tmp_path / f"{path.stem}.glb")
    try:
        report = validate_gltf(out)
    except ValidatorUnavailable as err:
        pytest.skip(str(err))
    assert report["errors"] == 0, report
    loaded = trimesh.load(out)
    nodes = set(loaded.graph.nodes)
    assert {o.id for o in scene.objects} <= nodes
