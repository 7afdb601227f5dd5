"""Pictures: the top-down plan and the perspective view, on a hand-made scene and on every example."""

from __future__ import annotations

import hashlib
import io
import math
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from compiler.render import render_examples, render_file, render_perspective, render_scene, render_topdown
from compiler.render import perspective, style
from compiler.render.__main__ import main as render_main
from compiler.render.demo import demo_scene
from compiler.scene import Scene

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.sg"))

DIAGNOSTICS = [
    SimpleNamespace(code="collision", severity="error", message="`sofa` collides with `coffee_table`",
                    objects=["sofa", "coffee_table"]),
    SimpleNamespace(code="window_blocked", severity="warning", message="`desk` blocks `window_bed`",
                    objects=["desk", "window_bed"]),
]


def image(data: bytes) -> np.ndarray:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def assert_not_blank(pixels: np.ndarray, min_colours: int = 12) -> None:
    assert pixels.std() > 10, "the picture is (nearly) one flat colour"
    colours = np.unique((pixels // 16).reshape(-1, 3), axis=0)
    assert len(colours) >= min_colours, f"only {len(colours)} distinct colours"


def saturated(pixels: np.ndarray) -> int:
    """How many pixels are clearly coloured (furniture), not grey/white/background."""
    p = pixels.astype(int)
    return int(((p.max(axis=2) - p.min(axis=2)) > 60).sum())


@pytest.fixture(scope="module")
def scene() -> Scene:
    return demo_scene()


# --------------------------------------------------------------------------- top-down


def test_topdown_is_a_wide_non_blank_png(scene: Scene) -> None:
    pixels = image(render_topdown(scene))
    height, width, _ = pixels.shape
    assert width >= 1000 and height >= 300
    assert_not_blank(pixels, min_colours=20)
    assert saturated(pixels) > 5000


def test_topdown_is_deterministic(scene: Scene) -> None:
    first = render_topdown(scene, DIAGNOSTICS)
    assert render_topdown(demo_scene(), DIAGNOSTICS) == first
    assert b"Software" not in first and b"matplotlib" not in first.lower()


def test_topdown_bytes_are_the_same_in_another_process(scene: Scene) -> None:
    code = ("import sys, hashlib; from compiler.render import render_topdown; "
            "from compiler.render.demo import demo_scene; "
            "sys.stdout.write(hashlib.sha256(render_topdown(demo_scene())).hexdigest())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == hashlib.sha256(render_topdown(scene)).hexdigest()


def test_topdown_never_below_800_px(scene: Scene) -> None:
    assert image(render_topdown(scene, size_px=300)).shape[1] >= 800
    assert image(render_topdown(scene, size_px=1600)).shape[1] == 1600


def test_topdown_draws_diagnostics_in_red(scene: Scene) -> None:
    plain = image(render_topdown(scene))
    marked = image(render_topdown(scene, DIAGNOSTICS))
    red = lambda p: int(((p[:, :, 0] > 190) & (p[:, :, 1] < 80) & (p[:, :, 2] < 80)).sum())  # noqa: E731
    assert red(marked) > red(plain) + 500
    assert marked.shape[0] > plain.shape[0]  # the messages are listed under the plan


def test_topdown_writes_the_file(tmp_path: Path, scene: Scene) -> None:
    out = tmp_path / "sub" / "plan.png"
    data = render_topdown(scene, path=out)
    assert out.read_bytes() == data


def test_topdown_of_an_empty_scene() -> None:
    empty = Scene(name="empty", cell=0.1, wall_thickness=0.1)
    assert image(render_topdown(empty)).shape[1] >= 800


@pytest.mark.parametrize(("category", "family"), [
    ("coffee_table", "table"), ("bedside_table", "table"), ("double_bed", "bed"), ("tv_stand", "storage"),
    ("floor_lamp", "lighting"), ("office_chair", "seating"), ("bookshelves", "storage"), ("tv", "appliance"),
    ("potted_plant", "decor"), ("spaceship", "other"),
])
def test_category_families_from_head_nouns(category: str, family: str) -> None:
    assert style.head_noun_family(category) == family


def test_category_families_from_the_catalog() -> None:
    assert style.family_of("coffee_table") == "table"
    assert style.family_of("piano") == "activity"  # the catalog's `music` family
    assert style.family_of("spaceship") == "other"
    assert all(family in style.FAMILIES for family in style.CATALOG_FAMILIES.values())


# --------------------------------------------------------------------------- perspective


def test_near_walls_are_cut_and_far_walls_kept(scene: Scene) -> None:
    parts = {p.name: p for p in perspective.scene_parts(scene)}
    walls = [p for p in parts.values() if p.name.startswith("wall_")]
    tops = {p.name: float(p.vertices[:, 2].max()) for p in walls}
    south = [n for n, p in parts.items() if n.startswith("wall_") and p.vertices[:, 1].max() < 0.2]
    north = [n for n, p in parts.items() if n.startswith("wall_") and p.vertices[:, 1].min() > 3.3]
    assert south and north
    assert all(tops[n] <= perspective.CUT_HEIGHT + 1e-9 for n in south)
    assert max(tops[n] for n in north) == pytest.approx(2.7)
    # without the cutaway every wall keeps its height somewhere
    uncut = perspective.scene_parts(scene, cutaway=False)
    assert max(float(p.vertices[:, 2].max()) for p in uncut if p.name in south) == pytest.approx(2.7)


def test_a_wall_shared_along_part_of_its_length_is_cut_only_there() -> None:
    from compiler.render.demo import room

    big = room("big", "living_room", [(0.0, 0.0), (6.8, 0.0), (6.8, 4.4), (0.0, 4.4)])
    nook = room("nook", "bathroom", [(6.8, 2.4), (8.8, 2.4), (8.8, 4.4), (6.8, 4.4)])
    scene = Scene(name="nook", cell=0.1, wall_thickness=0.1, rooms=[big, nook])
    on_line = [p for p in perspective.scene_parts(scene)
               if p.name.startswith("wall_") and np.allclose(p.vertices[:, 0].mean(), 6.8, atol=0.06)]
    south = [p for p in on_line if p.vertices[:, 1].max() <= 2.35 + 1e-6]
    north = [p for p in on_line if p.vertices[:, 1].min() >= 2.35 - 1e-6]
    assert south and north and len(south) + len(north) == len(on_line)
    assert max(float(p.vertices[:, 2].max()) for p in south) == pytest.approx(2.7)  # the big room's far wall
    assert max(float(p.vertices[:, 2].max()) for p in north) <= perspective.CUT_HEIGHT + 1e-9  # the nook's near wall


def test_camera_frames_every_vertex(scene: Scene) -> None:
    size = (1280, 800)
    view = perspective.view_direction()
    parts = perspective.scene_parts(scene, view)
    camera = perspective.frame_camera(parts, view, size)
    right, up, forward = camera.basis()
    points = np.concatenate([p.vertices for p in parts])
    rel = points - camera.position
    depth = rel @ forward
    assert depth.min() > 0
    ty = math.tan(math.radians(camera.fov_deg) / 2)
    nx = (rel @ right) / (depth * ty * size[0] / size[1])
    ny = (rel @ up) / (depth * ty)
    assert np.abs(nx).max() <= 1.0 and np.abs(ny).max() <= 1.0
    # and fills it: the scene spans most of one axis
    assert max(np.ptp(nx), np.ptp(ny)) > 1.6
    # the camera is south-west of the scene and above it, looking down at 40 degrees
    centre = points.mean(axis=0)
    assert camera.position[0] < centre[0] and camera.position[1] < centre[1] and camera.position[2] > centre[2]
    assert math.degrees(math.asin(-forward[2])) == pytest.approx(perspective.ELEVATION_DEG)


def test_perspective_software_backend(scene: Scene) -> None:
    pixels = image(render_perspective(scene, backend="software"))
    assert pixels.shape == (800, 1280, 3)
    assert_not_blank(pixels, min_colours=30)
    assert saturated(pixels) > 20000


def test_perspective_vtk_backend(scene: Scene) -> None:
    if not perspective.vtk_available():
        pytest.skip("pyvista/VTK cannot render offscreen here (not installed, or no EGL/OSMesa)")
    pixels = image(render_perspective(scene, backend="vtk", size=(1000, 640)))
    assert pixels.shape == (640, 1000, 3)
    assert_not_blank(pixels, min_colours=30)
    assert saturated(pixels) > 20000


def test_perspective_auto_backend_writes_the_file(tmp_path: Path, scene: Scene) -> None:
    out = tmp_path / "persp.png"
    data = render_perspective(scene, path=out, size=(900, 560))
    assert out.read_bytes() == data
    assert image(data).shape[:2] == (560, 900)


def test_perspective_of_an_empty_scene() -> None:
    empty = Scene(name="empty", cell=0.1, wall_thickness=0.1)
    assert image(render_perspective(empty, backend="software", size=(400, 250))).shape == (250, 400, 3)


def test_unknown_backend_and_view(scene: Scene) -> None:
    with pytest.raises(ValueError, match="backend"):
        render_perspective(scene, backend="opengl")
    with pytest.raises(ValueError, match="view"):
        render_scene(scene, view="side")


# --------------------------------------------------------------------------- scripts and examples

SCRIPT = """scene "Study" cell 0.1
room study bedroom rect 0,0 40x35 {
  door d1 on south wall offset 8
  window w1 on north wall
  object bed bed against west wall
  object desk desk against north wall
  on desk { object lamp lamp at 3,3 }
}
"""


def test_render_file_and_module_command(tmp_path: Path) -> None:
    script = tmp_path / "study.sg"
    script.write_text(SCRIPT, encoding="utf-8")
    render_file(script, tmp_path / "top.png", "top")
    assert image((tmp_path / "top.png").read_bytes()).shape[1] >= 800
    assert render_main([str(script), "--view", "persp", "-o", str(tmp_path / "persp.png"), "--size", "640"]) == 0
    assert image((tmp_path / "persp.png").read_bytes()).shape == (400, 640, 3)


def test_render_file_refuses_a_script_that_does_not_parse(tmp_path: Path) -> None:
    script = tmp_path / "broken.sg"
    script.write_text("room { {\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        render_file(script, tmp_path / "x.png")
    assert err.value.diagnostics  # type: ignore[attr-defined]
    assert render_main([str(script), "-o", str(tmp_path / "x.png")]) == 1


def test_render_examples_writes_both_views_and_a_gallery(tmp_path: Path) -> None:
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "study.sg").write_text(SCRIPT, encoding="utf-8")
    written = render_examples(examples, tmp_path / "images")
    assert [p.name for p in written] == ["study_top.png", "study_persp.png"]
    gallery = (tmp_path / "images" / "README.md").read_text(encoding="utf-8")
    assert "study_top.png" in gallery and "study_persp.png" in gallery


@pytest.mark.skipif(not EXAMPLES, reason="no examples/*.sg yet")
@pytest.mark.parametrize("script", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_renders_in_both_views(script: Path, tmp_path: Path) -> None:
    from compiler import compile_text

    result = compile_text(script.read_text(encoding="utf-8"), str(script))
    assert result.scene is not None, [d.render_short() for d in result.diagnostics]
    top = render_topdown(result.scene, result.diagnostics)
    assert render_topdown(result.scene, result.diagnostics) == top
    top_pixels = image(top)
    assert top_pixels.shape[1] >= 800
    assert_not_blank(top_pixels)
    persp = image(render_perspective(result.scene, size=(960, 600)))
    assert persp.shape == (600, 960, 3)
    assert_not_blank(persp)
