"""The perspective picture: a shaded 3D view of a Scene rendered offscreen on the CPU.

The meshes are the exported ones (:mod:`compiler.geometry`: floors, walls with real holes,
door and window frames, objects), coloured like the plan: one colour per category family.
The camera looks down at 40 degrees from the south-south-west and is framed on the
scene automatically; walls between the camera and their room (whose inward normal points
away from the camera) are cut down to 0.3 m, so the rooms read like a doll's house.

Two back ends draw the same parts:

- ``vtk``: VTK through pyvista, offscreen. With no display VTK renders through EGL on
  Mesa's llvmpipe (CPU); whether that works is probed once, in a child process, so a
  broken OpenGL stack can never crash the caller.
- ``software``: a small numpy z-buffer rasterizer with flat shading and outlines, used when
  VTK is missing or cannot render here.

``backend="auto"`` (the default, or the ``SG_RENDER_BACKEND`` environment variable) picks
``vtk`` when the probe succeeds and ``software`` otherwise.
"""

from __future__ import annotations

import io
import math
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import trimesh

from .. import geometry
from ..scene import Room, Scene, Vec2, right_vector
from . import style

ELEVATION_DEG = 40.0
AZIMUTH_DEG = 30.0  # the camera stands this far west of due south of the scene
FOV_DEG = 30.0
CUT_HEIGHT = 0.3
CUT_THRESHOLD = 0.25  # cut a wall when inward . view_direction exceeds this
MIN_SIZE = (320, 200)

FLOOR = "#d8c3a0"
WALL = "#eeede8"
WALL_CUT = "#c9c6bd"
FRAME = "#f4f4f2"
DOOR = "#8c5a33"
GLASS = "#a9d2ea"
BACKGROUND_TOP = (0.86, 0.90, 0.95)
BACKGROUND_BOTTOM = (1.0, 1.0, 1.0)

_FINISHES = {
    "wood": "#a67b52", "oak": "#b38c5c", "walnut": "#6b4a33", "parquet": "#a88054", "laminate": "#b89973",
    "tile": "#d9d9d1", "marble": "#edebe6", "stone": "#99948c", "concrete": "#9e9e99", "carpet": "#8c8580",
    "brick": "#9e523d", "plaster": "#edebe3", "paint": "#eeede8", "white": "#f2f2f2", "grey": "#999999",
    "gray": "#999999", "black": "#202020",
}


@dataclass
class Part:
    """One coloured mesh in the scene frame (metres, Z up)."""

    name: str
    vertices: np.ndarray  # (n, 3) float
    faces: np.ndarray  # (m, 3) int
    colour: tuple[float, float, float]
    opacity: float = 1.0
    outline: bool = True
    group: str | None = None  # parts of one group share their outline (no seams between wall pieces)


@dataclass
class Camera:
    position: np.ndarray
    focal: np.ndarray
    up: np.ndarray = field(default_factory=lambda: np.array([0.0, 0.0, 1.0]))
    fov_deg: float = FOV_DEG  # vertical

    def basis(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(right, up, forward) unit vectors of the view."""
        forward = self.focal - self.position
        forward = forward / np.linalg.norm(forward)
        right = np.cross(forward, np.array([0.0, 0.0, 1.0]))
        right = right / np.linalg.norm(right)
        up = np.cross(right, forward)
        return right, up, forward


# --------------------------------------------------------------------------- parts


def view_direction(elevation_deg: float = ELEVATION_DEG, azimuth_deg: float = AZIMUTH_DEG) -> np.ndarray:
    """Unit vector from the camera towards the scene: from the south-south-west, looking down."""
    az, el = math.radians(azimuth_deg), math.radians(elevation_deg)
    horizontal = np.array([math.sin(az), math.cos(az)])
    return np.array([horizontal[0] * math.cos(el), horizontal[1] * math.cos(el), -math.sin(el)])


def _finish(name: str | None, default: str) -> tuple[float, float, float]:
    if not name:
        return style.hex_rgb(default)
    return style.hex_rgb(_FINISHES.get(name.lower(), default))


class _NearWalls:
    """The walls between the camera and a room they bound: the room's inward normal points
    away from the camera (its dot product with the horizontal view direction is large)."""

    def __init__(self, scene: Scene, view: np.ndarray, enabled: bool = True) -> None:
        horizontal = view[:2] / (np.linalg.norm(view[:2]) or 1.0)
        self.walls = [
            wall for room in scene.rooms for wall in room.walls
            if enabled and wall.length > 1e-9
            and wall.inward[0] * horizontal[0] + wall.inward[1] * horizontal[1] > CUT_THRESHOLD
        ]

    def _on_line(self, wall, point: Vec2, direction: Vec2) -> bool:
        (dx, dy) = wall.direction
        if abs(dx * direction[1] - dy * direction[0]) > 1e-6:
            return False
        px, py = point[0] - wall.start[0], point[1] - wall.start[1]
        return abs(px * -dy + py * dx) <= wall.thickness / 2 + 1e-6

    def at(self, point: Vec2, direction: Vec2) -> bool:
        """Whether a near wall runs through ``point`` along ``direction``."""
        for wall in self.walls:
            if self._on_line(wall, point, direction):
                (dx, dy) = wall.direction
                t = (point[0] - wall.start[0]) * dx + (point[1] - wall.start[1]) * dy
                if -wall.thickness / 2 - 1e-6 <= t <= wall.length + wall.thickness / 2 + 1e-6:
                    return True
        return False

    def spans(self, centre: Vec2, direction: Vec2) -> list[tuple[float, float]]:
        """Merged intervals, in ``t = p . direction`` along the line through ``centre``, that
        near walls cover (reaching half a thickness past their ends, over the corners)."""
        found = []
        d = np.asarray(direction, dtype=float)
        for wall in self.walls:
            if self._on_line(wall, centre, direction):
                a, b = float(np.dot(wall.start, d)), float(np.dot(wall.end, d))
                found.append((min(a, b) - wall.thickness / 2, max(a, b) + wall.thickness / 2))
        merged: list[tuple[float, float]] = []
        for lo, hi in sorted(found):
            if merged and lo <= merged[-1][1] + 1e-9:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        return merged


def _clamp_along(mesh: trimesh.Trimesh, direction: np.ndarray, lo: float, hi: float) -> trimesh.Trimesh:
    """The stretch of a (box) mesh between ``lo`` and ``hi`` along ``direction``."""
    out = mesh.copy()
    t = out.vertices[:, :2] @ direction
    shift = np.clip(t, lo, hi) - t
    out.vertices[:, 0] += shift * direction[0]
    out.vertices[:, 1] += shift * direction[1]
    return out


def _wall_stretches(mesh: trimesh.Trimesh, direction: Vec2, near: _NearWalls) -> list[tuple[trimesh.Trimesh, bool]]:
    """A wall piece split where near walls start and end: ``(stretch, is_near)`` pairs."""
    d = np.asarray(direction, dtype=float)
    d = d / (np.linalg.norm(d) or 1.0)
    centre = tuple(mesh.bounds.mean(axis=0)[:2])
    t = mesh.vertices[:, :2] @ d
    t0, t1 = float(t.min()), float(t.max())
    cuts = [(max(lo, t0), min(hi, t1)) for lo, hi in near.spans(centre, tuple(d)) if min(hi, t1) - max(lo, t0) > 1e-6]
    if not cuts:
        return [(mesh, False)]
    if cuts == [(t0, t1)]:
        return [(mesh, True)]
    out, at = [], t0
    for lo, hi in cuts:
        if lo - at > 1e-6:
            out.append((_clamp_along(mesh, d, at, lo), False))
        out.append((_clamp_along(mesh, d, lo, hi), True))
        at = hi
    if t1 - at > 1e-6:
        out.append((_clamp_along(mesh, d, at, t1), False))
    return out


def _cut(mesh: trimesh.Trimesh, z_top: float) -> trimesh.Trimesh | None:
    """The mesh squashed below ``z_top`` (None when it lies wholly above)."""
    if mesh.bounds[0][2] >= z_top - 1e-6:
        return None
    out = mesh.copy()
    out.vertices[:, 2] = np.minimum(out.vertices[:, 2], z_top)
    return out


def _part(name: str, mesh: trimesh.Trimesh, colour: tuple[float, float, float], matrix: np.ndarray | None = None,
          **extra) -> Part:
    vertices = np.asarray(mesh.vertices, dtype=float)
    if matrix is not None:
        vertices = vertices @ matrix[:3, :3].T + matrix[:3, 3]
    return Part(name=name, vertices=vertices, faces=np.asarray(mesh.faces, dtype=np.int64), colour=colour, **extra)


def _floor_of(scene: Scene, room_id: str) -> float:
    room = scene.room(room_id)
    return room.floor_z if room else 0.0


def scene_parts(scene: Scene, view: np.ndarray | None = None, cutaway: bool = True) -> list[Part]:
    """Every mesh of the scene with its colour; near walls cut down to 0.3 m when ``cutaway``."""
    view = view_direction() if view is None else view
    near = _NearWalls(scene, view, enabled=cutaway)
    rooms: dict[str, Room] = {room.id: room for room in scene.rooms}
    parts: list[Part] = []
    for room in scene.rooms:
        parts.append(_part(f"floor_{room.id}", geometry.floor_mesh(room), _finish(room.floor_material, FLOOR),
                           outline=False))
    for piece in geometry.wall_pieces(scene):
        room = rooms[piece.room]
        wall = room.walls[piece.wall]
        colour = _finish(room.wall_material, WALL)
        stretches = _wall_stretches(piece.mesh, wall.direction, near)
        for k, (stretch, is_near) in enumerate(stretches):
            mesh = _cut(stretch, room.floor_z + CUT_HEIGHT) if is_near else stretch
            if mesh is None:
                continue
            name = piece.name if len(stretches) == 1 else f"{piece.name}_{k}"
            shade = tuple(c * 0.85 for c in colour) if is_near else colour
            parts.append(_part(name, mesh, shade, group="walls"))  # type: ignore[arg-type]
    for opening in scene.openings:
        matrix = geometry.opening_transform(opening)
        near_opening = near.at(opening.position[:2], right_vector(opening.yaw_deg))
        for name, mesh in geometry.opening_meshes(opening):
            role = mesh.metadata.get("material", "frame")
            world = mesh.copy()
            world.apply_transform(matrix)
            if near_opening:
                world = _cut(world, _floor_of(scene, opening.room) + CUT_HEIGHT)
                if world is None:
                    continue
            colour = {"door": DOOR, "glass": GLASS}.get(role, FRAME)
            parts.append(_part(name, world, style.hex_rgb(colour), opacity=0.35 if role == "glass" else 1.0,
                               outline=role != "glass"))
    for obj in scene.objects:
        mesh = geometry.object_mesh(obj)
        parts.append(_part(obj.id, mesh, style.hex_rgb(style.family_colour(obj.category)),
                           geometry.object_transform(obj)))
    return [p for p in parts if len(p.faces)]


# --------------------------------------------------------------------------- camera


def frame_camera(parts: list[Part], view: np.ndarray, size: tuple[int, int], fov_deg: float = FOV_DEG,
                 margin: float = 1.06) -> Camera:
    """A camera looking along ``view`` that fits every vertex in the picture, centred."""
    points = np.concatenate([p.vertices for p in parts]) if parts else np.zeros((1, 3))
    lo, hi = points.min(axis=0), points.max(axis=0)
    focal = (lo + hi) / 2
    width, height = size
    ty = math.tan(math.radians(fov_deg) / 2)
    tx = ty * width / height
    camera = Camera(position=focal - view, focal=focal, fov_deg=fov_deg)
    right, up, forward = camera.basis()
    distance = 1.0
    for _ in range(4):
        rel = points - focal
        x, y, zp = rel @ right, rel @ up, rel @ forward
        distance = max(float(np.max(np.abs(x) / tx - zp)), float(np.max(np.abs(y) / ty - zp)), 0.5) * margin
        depth = distance + zp
        nx, ny = x / (tx * depth), y / (ty * depth)
        sx, sy = (nx.max() + nx.min()) / 2, (ny.max() + ny.min()) / 2
        if abs(sx) < 1e-3 and abs(sy) < 1e-3:
            break
        focal = focal + right * sx * tx * distance + up * sy * ty * distance
    return Camera(position=focal - forward * distance, focal=focal, fov_deg=fov_deg)


# --------------------------------------------------------------------------- VTK back end

_VTK_OK: bool | None = None

_PROBE = """
import os, sys
import pyvista as pv
pl = pv.Plotter(off_screen=True, window_size=(64, 48))
pl.add_mesh(pv.Cube(), color="red")
img = pl.screenshot(None, return_img=True)
pl.close()
sys.exit(0 if img is not None and img.shape[0] == 48 and img.std() > 1 else 3)
"""


def _vtk_environment() -> dict[str, str]:
    """With no display, ask VTK for its EGL window (Mesa llvmpipe on the CPU)."""
    env = {}
    if not os.environ.get("DISPLAY") and not os.environ.get("VTK_DEFAULT_OPENGL_WINDOW"):
        env["VTK_DEFAULT_OPENGL_WINDOW"] = "vtkEGLRenderWindow"
    return env


def vtk_available() -> bool:
    """Whether pyvista/VTK can render offscreen here (probed once, in a child process)."""
    global _VTK_OK
    if _VTK_OK is None:
        try:
            import importlib.util

            if importlib.util.find_spec("pyvista") is None:
                _VTK_OK = False
                return False
            env = {**os.environ, **_vtk_environment()}
            done = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, timeout=120)
            _VTK_OK = done.returncode == 0
        except (OSError, subprocess.SubprocessError):
            _VTK_OK = False
    return _VTK_OK


def _render_vtk(parts: list[Part], camera: Camera, size: tuple[int, int]) -> np.ndarray:
    os.environ.update(_vtk_environment())
    import pyvista as pv

    plotter = pv.Plotter(off_screen=True, window_size=list(size), lighting="none")
    try:
        # a key light from the south-west above (as the software back end) and a soft headlight
        plotter.add_light(pv.Light(position=(-0.35, -0.55, 0.76), focal_point=(0.0, 0.0, 0.0), intensity=0.75,
                                   light_type="scene light", positional=False))
        plotter.add_light(pv.Light(light_type="headlight", intensity=0.3))
        plotter.set_background(BACKGROUND_BOTTOM, top=BACKGROUND_TOP)
        for part in parts:
            mesh = pv.PolyData.from_regular_faces(part.vertices, part.faces)
            plotter.add_mesh(mesh, color=part.colour, opacity=part.opacity, smooth_shading=False,
                             ambient=0.42, diffuse=0.7, specular=0.0, lighting=True)
            if part.outline and part.group is None:
                edges = mesh.extract_feature_edges(feature_angle=35.0, boundary_edges=True, non_manifold_edges=False,
                                                   manifold_edges=False)
                if edges.n_points:
                    plotter.add_mesh(edges, color=tuple(c * 0.45 for c in part.colour), line_width=1.0,
                                     lighting=False)
        plotter.camera.position = tuple(camera.position)
        plotter.camera.focal_point = tuple(camera.focal)
        plotter.camera.up = tuple(camera.up)
        plotter.camera.view_angle = camera.fov_deg
        plotter.camera.clipping_range = _clipping(parts, camera)
        plotter.enable_anti_aliasing("ssaa")
        image = plotter.screenshot(None, return_img=True, window_size=list(size))
    finally:
        plotter.close()
    return np.asarray(image)[:, :, :3]


def _clipping(parts: list[Part], camera: Camera) -> tuple[float, float]:
    points = np.concatenate([p.vertices for p in parts]) if parts else np.zeros((1, 3))
    _, _, forward = camera.basis()
    depth = (points - camera.position) @ forward
    return (max(float(depth.min()) * 0.5, 0.01), float(depth.max()) * 1.5 + 1.0)


# --------------------------------------------------------------------------- software back end


def _render_software(parts: list[Part], camera: Camera, size: tuple[int, int], supersample: int = 2) -> np.ndarray:
    """Flat-shaded z-buffer rasterizer in numpy, with outlines where parts or faces change."""
    width, height = size[0] * supersample, size[1] * supersample
    right, up, forward = camera.basis()
    focal_px = (height / 2) / math.tan(math.radians(camera.fov_deg) / 2)
    light = np.array([-0.35, -0.55, 0.76])
    light /= np.linalg.norm(light)
    inv_depth = np.zeros((height, width))
    colour = np.zeros((height, width, 3))
    ids = np.full((height, width), -1, dtype=np.int64)
    rows = np.linspace(0.0, 1.0, height)[:, None]
    background = np.array(BACKGROUND_TOP) * (1 - rows) + np.array(BACKGROUND_BOTTOM) * rows
    colour[:] = background[:, None, :]
    ys, xs = np.mgrid[0:height, 0:width]
    xs, ys = xs + 0.5, ys + 0.5
    keys: dict[tuple, int] = {}
    for part in parts:
        rel = part.vertices - camera.position
        zc = rel @ forward
        sx = width / 2 + focal_px * (rel @ right) / np.maximum(zc, 1e-6)
        sy = height / 2 - focal_px * (rel @ up) / np.maximum(zc, 1e-6)
        tri = part.faces
        p0, p1, p2 = part.vertices[tri[:, 0]], part.vertices[tri[:, 1]], part.vertices[tri[:, 2]]
        normals = np.cross(p1 - p0, p2 - p0)
        lengths = np.linalg.norm(normals, axis=1)
        for k, face in enumerate(tri):
            if lengths[k] < 1e-12 or np.any(zc[face] < 0.01):
                continue
            n = normals[k] / lengths[k]
            if n @ forward > 0:  # seen from behind: light the side we see
                n = -n
            shade = 0.42 + 0.58 * max(0.0, float(n @ light)) + 0.12 * max(0.0, float(-(n @ forward)))
            rgb = np.minimum(np.array(part.colour) * shade, 1.0)
            x, y, w = sx[face], sy[face], 1.0 / zc[face]
            x0, x1 = max(int(math.floor(x.min())), 0), min(int(math.ceil(x.max())), width)
            y0, y1 = max(int(math.floor(y.min())), 0), min(int(math.ceil(y.max())), height)
            if x0 >= x1 or y0 >= y1:
                continue
            area = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0])
            if abs(area) < 1e-12:
                continue
            px, py = xs[y0:y1, x0:x1], ys[y0:y1, x0:x1]
            b0 = ((x[1] - px) * (y[2] - py) - (x[2] - px) * (y[1] - py)) / area
            b1 = ((x[2] - px) * (y[0] - py) - (x[0] - px) * (y[2] - py)) / area
            b2 = 1.0 - b0 - b1
            inside = (b0 >= -1e-9) & (b1 >= -1e-9) & (b2 >= -1e-9)
            if not inside.any():
                continue
            depth = b0 * w[0] + b1 * w[1] + b2 * w[2]
            region = inv_depth[y0:y1, x0:x1]
            closer = inside & (depth > region * (1 + 1e-7))
            if not closer.any():
                continue
            if part.opacity < 1.0:
                blended = colour[y0:y1, x0:x1][closer] * (1 - part.opacity) + rgb * part.opacity
                colour[y0:y1, x0:x1][closer] = blended
                continue
            region[closer] = depth[closer]
            colour[y0:y1, x0:x1][closer] = rgb
            key = (part.group or part.name, round(float(n[0]), 2), round(float(n[1]), 2), round(float(n[2]), 2))
            ids[y0:y1, x0:x1][closer] = keys.setdefault(key, len(keys)) if part.outline else -2
    # outlines: where the part or the face orientation changes between neighbours
    edge = np.zeros((height, width), dtype=bool)
    outlined = ids != -2
    edge[1:, :] |= (ids[1:, :] != ids[:-1, :]) & outlined[1:, :] & outlined[:-1, :]
    edge[:, 1:] |= (ids[:, 1:] != ids[:, :-1]) & outlined[:, 1:] & outlined[:, :-1]
    colour[edge] *= 0.45
    if supersample > 1:
        colour = colour.reshape(size[1], supersample, size[0], supersample, 3).mean(axis=(1, 3))
    return np.clip(np.round(colour * 255), 0, 255).astype(np.uint8)


# --------------------------------------------------------------------------- entry point


def _png(image: np.ndarray) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(image), mode="RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def choose_backend(backend: str = "auto") -> str:
    """``vtk`` or ``software``: the one asked for, or for ``auto`` the best that works here."""
    backend = os.environ.get("SG_RENDER_BACKEND", backend) if backend == "auto" else backend
    if backend not in ("auto", "vtk", "software"):
        raise ValueError(f"unknown render backend `{backend}`: use auto, vtk or software")
    if backend == "auto":
        return "vtk" if vtk_available() else "software"
    return backend


def render_perspective(scene: Scene, path: str | Path | None = None, size: tuple[int, int] = (1280, 800),
                       backend: str = "auto", cutaway: bool = True) -> bytes:
    """A shaded perspective picture of ``scene`` as PNG bytes; also written to ``path``.

    Rendered offscreen on the CPU (no display, no GPU). ``backend`` is ``auto``, ``vtk`` or
    ``software``; ``cutaway`` cuts the walls that face the camera down to 0.3 m.
    """
    size = (max(int(size[0]), MIN_SIZE[0]), max(int(size[1]), MIN_SIZE[1]))
    view = view_direction()
    parts = scene_parts(scene, view, cutaway=cutaway)
    camera = frame_camera(parts, view, size)
    chosen = choose_backend(backend)
    image = _render_vtk(parts, camera, size) if chosen == "vtk" else _render_software(parts, camera, size)
    data = _png(image)
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
    return data


__all__ = ["Camera", "Part", "choose_backend", "frame_camera", "render_perspective", "scene_parts",
           "view_direction", "vtk_available"]
