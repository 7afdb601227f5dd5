"""A contact sheet of the asset library: every catalog category as a small shaded picture.

Pictures are drawn on the CPU by a small numpy z-buffer rasterizer (flat shading, a key and a
fill light, outlines where the depth jumps), so the sheet is the same on every machine and needs
no display or GPU. ``sgram assets gallery -o docs/assets.png`` writes it.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .catalog import Catalog, load_catalog
from .meshes import mesh_for

BACKGROUND = np.array([0.96, 0.965, 0.97])
LABEL = (60, 62, 66)
VIEWS = {"perspective": (32.0, 30.0), "top": (89.0, 0.0)}  # elevation, azimuth (degrees, azimuth 0 = from the front)


def _camera(bounds: np.ndarray, elevation: float, azimuth: float, fov: float) -> tuple[np.ndarray, np.ndarray]:
    """World->camera rotation (rows: right, up, back) and the camera position framing ``bounds``."""
    centre = bounds.mean(axis=0)
    radius = float(np.linalg.norm(bounds[1] - bounds[0])) / 2 or 1.0
    el, az = math.radians(elevation), math.radians(azimuth)
    back = np.array([math.sin(az) * math.cos(el), math.cos(az) * math.cos(el), math.sin(el)])  # toward the camera
    up_hint = np.array([0.0, 0.0, 1.0]) if elevation < 85 else np.array([0.0, 1.0, 0.0])
    right = np.cross(up_hint, back)
    right /= np.linalg.norm(right)
    up = np.cross(back, right)
    distance = radius / math.sin(math.radians(fov) / 2) * 1.02
    return np.vstack([right, up, back]), centre + back * distance


def render_mesh(mesh, size: int = 160, view: str = "perspective", fov: float = 28.0, supersample: int = 2) -> np.ndarray:
    """An RGB float image (``size x size``) of a mesh with per-face colours, framed on its bounds."""
    elevation, azimuth = VIEWS[view]
    n = size * supersample
    rot, eye = _camera(mesh.bounds, elevation, azimuth, fov)
    cam = (mesh.vertices - eye) @ rot.T  # x right, y up, z toward the viewer (negative in front)
    depth = -cam[:, 2]
    f = 1.0 / math.tan(math.radians(fov) / 2)
    px = (cam[:, 0] / depth * f * 0.5 + 0.5) * n
    py = (0.5 - cam[:, 1] / depth * f * 0.5) * n
    faces = mesh.faces
    normals = mesh.face_normals
    colours = np.asarray(mesh.visual.face_colors, dtype=float)[:, :3] / 255.0
    alpha = np.asarray(mesh.visual.face_colors, dtype=float)[:, 3] / 255.0
    key = np.array([-0.45, 0.55, 0.7])
    key /= np.linalg.norm(key)
    fill = np.array([0.6, 0.3, 0.25])
    fill /= np.linalg.norm(fill)
    view_dir = rot[2]
    facing = normals @ view_dir
    n_dot = np.where(facing[:, None] < 0, -normals, normals)  # shade both sides of thin parts
    light = 0.42 + 0.5 * np.clip(n_dot @ key, 0, 1) + 0.18 * np.clip(n_dot @ fill, 0, 1)
    shaded = np.clip(colours * light[:, None], 0, 1)
    image = np.tile(BACKGROUND, (n, n, 1))
    zbuf = np.full((n, n), np.inf)
    tri_x, tri_y, tri_z = px[faces], py[faces], 1.0 / np.maximum(depth[faces], 1e-9)  # 1/z is linear on screen
    order = np.argsort(-alpha, kind="stable")  # opaque first, see-through after
    for i in order:
        xs, ys, zs = tri_x[i], tri_y[i], tri_z[i]
        x0, x1 = max(int(math.floor(xs.min())), 0), min(int(math.ceil(xs.max())), n - 1)
        y0, y1 = max(int(math.floor(ys.min())), 0), min(int(math.ceil(ys.max())), n - 1)
        if x0 > x1 or y0 > y1:
            continue
        area = (xs[1] - xs[0]) * (ys[2] - ys[0]) - (xs[2] - xs[0]) * (ys[1] - ys[0])
        if abs(area) < 1e-12:
            continue
        gx, gy = np.meshgrid(np.arange(x0, x1 + 1) + 0.5, np.arange(y0, y1 + 1) + 0.5)
        w0 = ((xs[1] - gx) * (ys[2] - gy) - (xs[2] - gx) * (ys[1] - gy)) / area
        w1 = ((xs[2] - gx) * (ys[0] - gy) - (xs[0] - gx) * (ys[2] - gy)) / area
        w2 = 1.0 - w0 - w1
        inside = (w0 >= -1e-9) & (w1 >= -1e-9) & (w2 >= -1e-9)
        if not inside.any():
            continue
        z = 1.0 / np.maximum(w0 * zs[0] + w1 * zs[1] + w2 * zs[2], 1e-12)
        tile = zbuf[y0:y1 + 1, x0:x1 + 1]
        mask = inside & (z < tile - 1e-6)
        if not mask.any():
            continue
        region = image[y0:y1 + 1, x0:x1 + 1]
        if alpha[i] < 0.99:
            region[mask] = region[mask] * (1 - max(alpha[i], 0.35)) + shaded[i] * max(alpha[i], 0.35)
        else:
            region[mask] = shaded[i]
            tile[mask] = z[mask]
    # outlines where depth jumps (silhouettes and creases between parts)
    finite = np.isfinite(zbuf)
    zf = np.where(finite, zbuf, zbuf[finite].max() * 2 if finite.any() else 1.0)
    jump = np.zeros((n, n), bool)
    scale = np.median(zf[finite]) if finite.any() else 1.0
    jump[:, 1:] |= np.abs(np.diff(zf, axis=1)) > 0.03 * scale
    jump[1:, :] |= np.abs(np.diff(zf, axis=0)) > 0.03 * scale
    image[jump] = image[jump] * 0.35
    return image.reshape(size, supersample, size, supersample, 3).mean(axis=(1, 3))


def render_category(category: str, catalog: Catalog | None = None, size: int = 160, view: str = "perspective",
                    description: str = "", seed: int = 0) -> np.ndarray:
    """One category at its catalog size."""
    cat = (catalog or load_catalog()).get(category)
    if cat is None:
        raise ValueError(f"unknown category `{category}`")
    return render_mesh(mesh_for(category, cat.size, description, seed), size, view)


def render_gallery(path: str | Path | None = None, categories: list[str] | None = None, size: int = 128,
                   columns: int = 18, view: str = "perspective") -> bytes:
    """Draw every category (or ``categories``) on one contact sheet, grouped by family; write a PNG
    to ``path`` when given and return its bytes."""
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFont

    catalog = load_catalog()
    names = categories or sorted(catalog.names(), key=lambda n: (catalog.get(n).family, n))
    label_h = 14
    rows = math.ceil(len(names) / columns)
    title_h = 30
    sheet = Image.new("RGB", (columns * size, title_h + rows * (size + label_h)), tuple(int(c * 255) for c in BACKGROUND))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default()
    draw.text((8, 8), f"SpatialGrammar asset library: {len(names)} categories, procedural meshes ({view})",
              fill=LABEL, font=font)
    for k, name in enumerate(names):
        r, c = divmod(k, columns)
        picture = render_category(name, catalog, size, view)
        tile = Image.fromarray(np.clip(np.round(picture * 255), 0, 255).astype(np.uint8), "RGB")
        x, y = c * size, title_h + r * (size + label_h)
        sheet.paste(tile, (x, y))
        label = name if draw.textlength(name, font=font) <= size - 4 else name[: max(4, int(size / 6.2))] + "."
        draw.text((x + (size - draw.textlength(label, font=font)) / 2, y + size), label, fill=LABEL, font=font)
    buffer = BytesIO()
    # 256 colours are plenty for flat-shaded pictures and keep the committed file small
    sheet.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(buffer, format="PNG",
                                                                                               optimize=True)
    data = buffer.getvalue()
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
    return data


__all__ = ["render_category", "render_gallery", "render_mesh"]
