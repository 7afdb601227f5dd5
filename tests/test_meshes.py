"""Procedural meshes: every catalog category has a valid, coloured, exactly-sized mesh with named
parts; shelves and tops sit at the catalog's surfaces; description words and seeds make variants;
a compiled example exports them as a valid GLB."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import numpy as np
import pytest
import trimesh

from assets import load_catalog
from assets.meshes import builder_for, clear_cache, mesh_for, mesh_parts, register, registered

ROOT = Path(__file__).resolve().parents[1]
CATALOG = load_catalog()
NAMES = CATALOG.names()


def part(parts, name):
    found = [p for p in parts if p.name == name or p.name.startswith(name + "_")]
    assert found, f"no part `{name}` in {[p.name for p in parts]}"
    return trimesh.util.concatenate([p.mesh for p in found])


def test_every_category_has_its_own_builder():
    kinds = registered()
    assert len(kinds) == len(NAMES) >= 60
    assert [n for n, k in kinds.items() if k != "category"] == []


@pytest.mark.parametrize("name", NAMES)
def test_mesh_is_valid_and_fills_its_box(name):
    size = CATALOG.get(name).size
    for description, seed in (("", 0), ("round white oak glass leather metal l-shaped", 7)):
        mesh = mesh_for(name, size, description, seed)
        assert len(mesh.faces) > 12
        assert np.isfinite(mesh.vertices).all()
        assert mesh.area_faces.min() > 1e-12, "degenerate triangles"
        assert mesh.faces.max() < len(mesh.vertices)
        lo, hi = mesh.bounds
        assert np.allclose(hi - lo, size, atol=1e-3), (hi - lo, size)
        assert abs(lo[2]) < 1e-6 and np.allclose((lo[:2] + hi[:2]) / 2, 0.0, atol=1e-6)
        colours = np.asarray(mesh.visual.face_colors)
        assert colours.shape == (len(mesh.faces), 4)
        spans = [p["faces"] for p in mesh.metadata["parts"]]
        assert spans[0][0] == 0 and spans[-1][1] == len(mesh.faces)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_parts_have_names_and_pbr_finishes():
    parts = mesh_parts("office_chair", (0.65, 0.65, 1.0))
    names = {p.name for p in parts}
    assert {"seat", "backrest", "base", "wheels", "arms"} <= names
    for p in parts:
        assert all(0.0 <= c <= 1.0 for c in p.rgba) and 0.0 <= p.metallic <= 1.0 and 0.0 <= p.roughness <= 1.0
    assert {"headboard", "mattress", "pillows", "duvet", "legs"} <= {p.name for p in mesh_parts("bed", (1.6, 2.1, 0.6))}
    assert {"drawers", "handles", "body"} <= {p.name for p in mesh_parts("dresser", (1.2, 0.5, 0.8))}
    assert {"doors", "shelves", "rail"} <= {p.name for p in mesh_parts("wardrobe", (1.0, 0.6, 2.0))}
    assert {"screen", "panel", "stand"} <= {p.name for p in mesh_parts("tv", (1.23, 0.25, 0.78))}


def test_sizes_are_exact_at_other_sizes():
    for name, size in (("bed", (2.0, 2.2, 1.1)), ("sofa", (3.0, 1.0, 0.9)), ("bookshelf", (1.2, 0.35, 2.2)),
                       ("dining_table", (2.4, 1.0, 0.76)), ("plant", (0.3, 0.3, 1.5))):
        lo, hi = mesh_for(name, size).bounds
        assert np.allclose(hi - lo, size, atol=1e-3)


@pytest.mark.parametrize("name,h", [("bookshelf", 1.8), ("bookshelf", 2.2), ("wardrobe", 2.0), ("china_cabinet", 2.1),
                                    ("shoe_rack", 0.5), ("tv_stand", 0.6), ("locker", 1.8)])
def test_shelf_boards_at_the_catalog_levels(name, h):
    cat = CATALOG.get(name)
    size = (cat.size[0], cat.size[1], h)
    levels = [z * h / cat.size[2] for z in cat.shelf_levels()]
    tops = np.round(np.concatenate([p.mesh.vertices[:, 2] for p in mesh_parts(name, size)]), 6)
    for z in levels:
        assert np.isclose(tops, z, atol=1e-3).any(), f"no board top at {z:.3f} in {name}"
    shelves = mesh_parts(name, size)
    boards = [p for p in shelves if p.name.startswith(("shelves", "body", "frame"))]
    assert boards


@pytest.mark.parametrize("name", ["dining_table", "desk", "coffee_table", "kitchen_counter", "nightstand", "dresser",
                                  "chair", "office_chair", "sofa", "bar_stool", "bench", "bed"])
def test_top_surfaces_at_the_catalog_height(name):
    cat = CATALOG.get(name)
    for scale in (1.0, 1.2):
        size = (cat.size[0], cat.size[1], cat.size[2] * scale)
        top = cat.top_height() * scale
        parts = mesh_parts(name, size)
        tops = [float(p.mesh.vertices[:, 2].max()) for p in parts]
        assert any(abs(t - top) < 1e-3 for t in tops), (name, top, sorted(set(round(t, 3) for t in tops)))


def test_bunk_bed_has_two_sleeping_levels():
    cat = CATALOG.get("bunk_bed")
    parts = mesh_parts("bunk_bed", cat.size)
    mattress_tops = sorted({round(float(p.mesh.vertices[:, 2].max()), 3) for p in parts if p.name.startswith("duvet")})
    assert mattress_tops == pytest.approx([0.45, 1.45], abs=2e-3)
    assert {"ladder", "guard", "posts"} <= {p.name for p in parts}


def test_description_variants():
    def colour(name, desc, part_name):
        return next(p for p in mesh_parts(name, CATALOG.get(name).size, desc) if p.name == part_name).rgba

    assert colour("dining_table", "walnut", "top") != colour("dining_table", "oak", "top")
    assert colour("wardrobe", "white wardrobe", "body")[:3] > (0.85, 0.85, 0.85)
    assert colour("wardrobe", "black wardrobe", "body")[:3] < (0.2, 0.2, 0.2)
    assert any(p.rgba[3] < 1 for p in mesh_parts("coffee_table", (1.1, 0.6, 0.45), "glass coffee table"))
    leather = [p.material for p in mesh_parts("armchair", (0.85, 0.85, 0.9), "leather armchair")]
    assert "leather" in leather
    metal = mesh_parts("bed", (1.6, 2.1, 0.6), "metal bed frame")
    assert any(p.metallic > 0.5 for p in metal if p.name in ("frame", "legs"))
    # round tops: nothing in the corners of the footprint
    round_top = part(mesh_parts("dining_table", (1.2, 1.2, 0.75), "round"), "top")
    corner = np.abs(round_top.vertices[:, 0]) + np.abs(round_top.vertices[:, 1])
    assert corner.max() < 1.2 * 0.75
    # L-shaped sofa reaches the front on one side only
    plain = mesh_for("sofa", (2.6, 1.6, 0.85))
    lsofa = mesh_for("sofa", (2.6, 1.6, 0.85), "L-shaped corner sofa")
    front_left = lambda m: ((m.vertices[:, 0] < -0.6) & (m.vertices[:, 1] > 0.5)).sum()  # noqa: E731
    front_right = lambda m: ((m.vertices[:, 0] > 0.6) & (m.vertices[:, 1] > 0.5)).sum()  # noqa: E731
    assert front_left(lsofa) == 0 and front_right(lsofa) > 0 and front_left(plain) > 0
    # numbers of seats and doors
    seats = lambda d: len(part(mesh_parts("sofa", (2.4, 0.9, 0.85), d), "seat_cushions").split(only_watertight=False))  # noqa: E731
    assert seats("two seater") == 2 and seats("three seater") == 3
    doors = lambda d: len(part(mesh_parts("wardrobe", (1.6, 0.6, 2.0), d), "doors").split(only_watertight=False))  # noqa: E731
    assert doors("two door") == 2 and doors("three door wardrobe") == 3


def test_deterministic_and_seeded():
    a = mesh_for("plant", (0.5, 0.5, 0.9), "", 1)
    clear_cache()
    b = mesh_for("plant", (0.5, 0.5, 0.9), "", 1)
    assert np.array_equal(a.vertices, b.vertices) and np.array_equal(a.faces, b.faces)
    assert np.array_equal(a.visual.face_colors, b.visual.face_colors)
    c = mesh_for("plant", (0.5, 0.5, 0.9), "", 2)
    assert not (len(c.vertices) == len(a.vertices) and np.allclose(c.vertices, a.vertices))
    # furniture finishes do not depend on the seed: a pair of nightstands matches
    n1, n2 = mesh_for("nightstand", (0.45, 0.4, 0.55), "", 1), mesh_for("nightstand", (0.45, 0.4, 0.55), "", 99)
    assert np.array_equal(n1.visual.face_colors, n2.visual.face_colors)


def test_returned_meshes_are_copies():
    a = mesh_for("chair", (0.5, 0.52, 0.85))
    a.vertices += 10.0
    b = mesh_for("chair", (0.5, 0.52, 0.85))
    assert b.bounds[0][2] == pytest.approx(0.0)


def test_unknown_category_gets_the_generic_builder():
    fn, kind = builder_for("hoverboard")
    assert kind == "fallback"
    mesh = mesh_for("hoverboard", (0.7, 0.25, 0.2))
    assert len(mesh.faces) > 12 and np.allclose(mesh.extents, (0.7, 0.25, 0.2), atol=1e-3)


def test_bad_sizes_are_refused():
    for bad in ((0.0, 1.0, 1.0), (1.0, float("nan"), 1.0), (1.0, 2.0)):
        with pytest.raises(ValueError, match="size"):
            mesh_for("chair", bad)


def test_double_registration_fails_loudly():
    with pytest.raises(ValueError, match="already has a mesh builder"):
        register("chair")(lambda b: None)


def test_light_and_fast():
    triangles = [len(mesh_for(n, CATALOG.get(n).size).faces) for n in NAMES]
    assert max(triangles) < 6000 and np.median(triangles) < 1500
    clear_cache()
    picks = [NAMES[(i * 37) % len(NAMES)] for i in range(200)]
    start = time.perf_counter()
    for i, name in enumerate(picks):
        mesh_for(name, CATALOG.get(name).size, "", i)
    assert time.perf_counter() - start < 5.0  # about 0.5 s on a quiet 2-core machine


def compile_example(name: str):
    from compiler import compile_text

    path = ROOT / "examples" / name
    result = compile_text(path.read_text(encoding="utf-8"), str(path))
    assert result.scene is not None
    return result.scene


def test_export_carries_colours_and_parts(tmp_path):
    from compiler.export import to_glb_bytes

    scene = compile_example("bedroom.sg")
    data = to_glb_bytes(scene)
    length = int.from_bytes(data[12:16], "little")
    tree = json.loads(data[20:20 + length])
    nodes = {n["name"]: n for n in tree["nodes"]}
    bed_mesh = tree["meshes"][nodes["bed"]["mesh"]]
    assert "COLOR_0" in bed_mesh["primitives"][0]["attributes"]
    assert {p["name"] for p in bed_mesh["extras"]["parts"]} >= {"headboard", "mattress", "pillows"}
    materials = {m["name"] for m in tree["materials"]}
    assert "mat_bed" in materials or any(m.startswith("mat_bed_") for m in materials)
    loaded = trimesh.load(io.BytesIO(data), file_type="glb")
    assert {o.id for o in scene.objects} <= set(loaded.graph.nodes)
    assert to_glb_bytes(compile_example("bedroom.sg")) == data  # deterministic


@pytest.mark.integration
def test_example_glb_with_procedural_meshes_validates(tmp_path):
    from compiler.export import export
    from compiler.validate import ValidatorUnavailable, validate_gltf

    for name in ("bedroom.sg", "living_room.sg", "kitchen.sg"):
        out = export(compile_example(name), tmp_path / name.replace(".sg", ".glb"))
        try:
            report = validate_gltf(out)
        except ValidatorUnavailable as err:
            pytest.skip(str(err))
        assert report["errors"] == 0, report["messages"]
        assert report["warnings"] == 0, report["messages"]


def test_gallery_is_deterministic_and_the_sheet_is_committed():
    from PIL import Image

    from assets.gallery import render_gallery

    a = render_gallery(None, categories=["bed", "sofa", "plant"], size=64, columns=3)
    assert a == render_gallery(None, categories=["bed", "sofa", "plant"], size=64, columns=3)
    assert Image.open(io.BytesIO(a)).size == (3 * 64, 30 + 64 + 14)
    sheet = Image.open(ROOT / "docs" / "assets.png")
    rows = -(-len(NAMES) // 18)
    assert sheet.size == (18 * 128, 30 + rows * (128 + 14))  # every category: `sgram assets gallery`
