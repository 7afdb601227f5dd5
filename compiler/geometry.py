"""Meshes for a compiled scene: floors, walls with real holes, openings and objects.

Everything here is in the scene frame (metres, Z up, x east, y north) except where a
function says it works in a LOCAL frame: objects and openings are built around their own
origin (bottom centre, x = their right, y = their front, z up) and placed by a node
transform (:func:`object_transform`, :func:`opening_transform`).

Each mesh carries ``metadata["material"]``, the role the exporter turns into a material:
``floor``, ``wall``, ``frame``, ``door``, ``glass`` or ``object``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import trimesh

from .scene import Opening, PlacedObject, Room, Scene, Vec2, front_vector, right_vector

FLOOR_THICKNESS = 0.02
DOOR_LEAF_THICKNESS = 0.04
FRAME_WIDTH = 0.05
GLASS_THICKNESS = 0.01
EPS = 1e-6


# --------------------------------------------------------------------------- helpers


def _box(lo: tuple[float, float, float], hi: tuple[float, float, float],
         origin: Vec2 = (0.0, 0.0), ex: Vec2 = (1.0, 0.0), z0: float = 0.0) -> trimesh.Trimesh:
    """A box spanning ``lo``..``hi`` in a frame with x along ``ex`` (y along its left normal)."""
    (ax, ay), (bx, by) = ex, (-ex[1], ex[0])
    cx, cy, cz = ((l + h) / 2 for l, h in zip(lo, hi))
    matrix = np.array([
        [ax, bx, 0.0, origin[0] + cx * ax + cy * bx],
        [ay, by, 0.0, origin[1] + cx * ay + cy * by],
        [0.0, 0.0, 1.0, z0 + cz],
        [0.0, 0.0, 0.0, 1.0],
    ])
    extents = [h - l for l, h in zip(lo, hi)]
    return trimesh.creation.box(extents=extents, transform=matrix)


def _tagged(mesh: trimesh.Trimesh, material: str) -> trimesh.Trimesh:
    mesh.metadata.clear()
    mesh.metadata["material"] = material
    return mesh


def pose_matrix(position: tuple[float, float, float], yaw_deg: float) -> np.ndarray:
    """4x4 transform of a thing at ``position`` turned ``yaw_deg`` CCW about +z."""
    (rx, ry), (fx, fy) = right_vector(yaw_deg), front_vector(yaw_deg)
    x, y, z = position
    return np.array([
        [rx, fx, 0.0, x],
        [ry, fy, 0.0, y],
        [0.0, 0.0, 1.0, z],
        [0.0, 0.0, 0.0, 1.0],
    ])


# --------------------------------------------------------------------------- floors


def floor_mesh(room: Room) -> trimesh.Trimesh:
    """The room's polygon as a slab from ``floor_z - 0.02`` to ``floor_z``."""
    mesh = trimesh.creation.extrude_polygon(room.shape(), FLOOR_THICKNESS)
    mesh.apply_translation((0.0, 0.0, room.floor_z - FLOOR_THICKNESS))
    return _tagged(mesh, "floor")


# --------------------------------------------------------------------------- walls


@dataclass
class WallPiece:
    """One box of wall: ``room`` and ``wall`` name the wall that owns it (the first room,
    in declaration order, whose edge runs there; a shared wall is emitted once)."""

    name: str
    room: str
    wall: int
    mesh: trimesh.Trimesh


@dataclass
class _Line:
    """A carrier line: points ``origin + t * direction``; ``normal`` is its left normal."""

    origin: Vec2
    direction: Vec2

    @property
    def normal(self) -> Vec2:
        return (-self.direction[1], self.direction[0])

    def t(self, p: Vec2) -> float:
        return (p[0] - self.origin[0]) * self.direction[0] + (p[1] - self.origin[1]) * self.direction[1]

    def holds(self, p: Vec2, direction: Vec2, tol: float = 1e-6) -> bool:
        """Whether the line through ``p`` along ``direction`` is this line."""
        (dx, dy), (nx, ny) = self.direction, self.normal
        parallel = abs(dx * direction[1] - dy * direction[0]) < tol
        return parallel and abs((p[0] - self.origin[0]) * nx + (p[1] - self.origin[1]) * ny) < tol


@dataclass
class _Edge:
    order: int  # room declaration order
    room: Room
    index: int
    lo: float
    hi: float
    thickness: float
    forward: bool  # the wall runs along the line's direction


def _canonical(direction: Vec2) -> Vec2:
    """The direction or its opposite, whichever points east (or north when vertical)."""
    dx, dy = (0.0 if abs(c) <= EPS else c for c in direction)
    if dx < 0 or (dx == 0 and dy < 0):
        dx, dy = -dx, -dy
    return (dx + 0.0, dy + 0.0)


def _lines(scene: Scene) -> list[tuple[_Line, list[_Edge]]]:
    """Every room edge grouped by the straight line it lies on."""
    groups: list[tuple[_Line, list[_Edge]]] = []
    for order, room in enumerate(scene.rooms):
        for wall in room.walls:
            if wall.length <= EPS:
                continue
            direction = _canonical(wall.direction)
            group = next((g for g in groups if g[0].holds(wall.start, direction)), None)
            if group is None:
                group = (_Line(origin=wall.start, direction=direction), [])
                groups.append(group)
            line = group[0]
            a, b = line.t(wall.start), line.t(wall.end)
            group[1].append(_Edge(order=order, room=room, index=wall.index, lo=min(a, b), hi=max(a, b),
                                  thickness=wall.thickness, forward=b > a))
    return groups


def _holes(scene: Scene, line: _Line) -> list[tuple[float, float, float, float]]:
    """Openings on this line as (t0, t1, z0, z1) rectangles of the wall face."""
    holes = []
    for opening in scene.openings:
        along = _canonical(right_vector(opening.yaw_deg))
        if not line.holds(opening.position[:2], along):
            continue
        tc, z0 = line.t(opening.position[:2]), opening.position[2]
        holes.append((tc - opening.width / 2, tc + opening.width / 2, z0, z0 + opening.height))
    return holes


def _solid_spans(z0: float, z1: float, cut: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """[z0, z1] minus the union of ``cut`` intervals."""
    spans, at = [], z0
    for a, b in sorted(cut):
        a, b = max(a, z0), min(b, z1)
        if b <= a:
            continue
        if a - at > EPS:
            spans.append((at, a))
        at = max(at, b)
    if z1 - at > EPS:
        spans.append((at, z1))
    return tuple(spans)


def _decompose(a: float, b: float, z0: float, z1: float,
               holes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The wall face [a, b] x [z0, z1] minus the holes, as (t0, t1, z0, z1) boxes: vertical
    strips split at the holes' sides, neighbouring strips with the same solid spans merged."""
    cuts = sorted({a, b, *(t for h in holes for t in h[:2] if a + EPS < t < b - EPS)})
    strips: list[tuple[float, float, tuple[tuple[float, float], ...]]] = []
    for s, e in zip(cuts, cuts[1:]):
        if e - s <= EPS:
            continue
        mid = (s + e) / 2
        spans = _solid_spans(z0, z1, [(h[2], h[3]) for h in holes if h[0] < mid < h[1]])
        if strips and strips[-1][2] == spans and abs(strips[-1][1] - s) <= EPS:
            strips[-1] = (strips[-1][0], e, spans)
        else:
            strips.append((s, e, spans))
    return [(s, e, lo, hi) for s, e, spans in strips for lo, hi in spans]


@dataclass
class _Run:
    """A stretch of one line built by one wall (its ``owner`` edge) in one piece."""

    line: _Line
    lo: float
    hi: float
    owner: _Edge
    z0: float
    z1: float
    thickness: float


@dataclass
class _Carrier:
    """One line with its runs and the maximal stretches covered by any wall."""

    line: _Line
    runs: list[_Run]
    spans: list[tuple[float, float]]
    thickness: float


def _carriers(scene: Scene) -> list[_Carrier]:
    carriers = []
    for line, edges in _lines(scene):
        points = sorted({e.lo for e in edges} | {e.hi for e in edges})
        cuts = [p for i, p in enumerate(points) if i == 0 or p - points[i - 1] > EPS]
        runs: list[_Run] = []
        spans: list[tuple[float, float]] = []
        for s, e in zip(cuts, cuts[1:]):
            mid = (s + e) / 2
            cover = [edge for edge in edges if edge.lo - EPS <= mid <= edge.hi + EPS]
            if not cover:
                continue
            run = _Run(line=line, lo=s, hi=e, owner=min(cover, key=lambda edge: (edge.order, edge.index)),
                       z0=min(edge.room.floor_z for edge in cover),
                       z1=max(edge.room.floor_z + edge.room.height for edge in cover),
                       thickness=max(edge.thickness for edge in cover))
            last = runs[-1] if runs else None
            if (last and abs(last.hi - s) <= EPS and last.owner is run.owner
                    and (last.z0, last.z1, last.thickness) == (run.z0, run.z1, run.thickness)):
                last.hi = e  # the same wall goes on at the same height: one run
            else:
                runs.append(run)
            if spans and abs(spans[-1][1] - s) <= EPS:
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
        carriers.append(_Carrier(line=line, runs=runs, spans=spans, thickness=max(e.thickness for e in edges)))
    return carriers


def _end_offset(carrier: _Carrier, t: float, carriers: list[_Carrier]) -> float:
    """How far a run end at ``t`` reaches past its centre-line end (negative: stops short):
    walls meeting at a corner or a T must close it exactly once.

    Where the line goes on (another room's stretch) the end stays. Where the end meets
    another wall that runs on through that point (a T), it stops at that wall's face.
    At a corner the more horizontal wall reaches over the corner square and the other
    stops at its face. A free end reaches half a thickness out.
    """
    line = carrier.line
    if any(s + EPS < t < e - EPS for s, e in carrier.spans):
        return 0.0
    p = (line.origin[0] + t * line.direction[0], line.origin[1] + t * line.direction[1])
    corner_with = None
    for other in carriers:
        if other is carrier or other.line.holds(p, line.direction):
            continue
        if not other.line.holds(p, other.line.direction):
            continue
        u = other.line.t(p)
        for s, e in other.spans:
            if s + EPS < u < e - EPS:
                return -other.thickness / 2  # a T: stop at the face of the wall that runs on
            if abs(u - s) <= EPS or abs(u - e) <= EPS:
                corner_with = other
    if corner_with is not None and corner_with.line.direction > line.direction:
        return -corner_with.thickness / 2
    return carrier.thickness / 2


def wall_pieces(scene: Scene) -> list[WallPiece]:
    """Every wall as boxes on its centre line, with real holes where the openings are.

    Collinear overlapping edges of several rooms are split into stretches by which rooms
    they bound; each stretch is built once, by the first room (in declaration order) that
    bounds it. Ends are fitted so corners and T-junctions are closed with no overlap
    (see :func:`_end_offset`). Pieces are named ``wall_<room>_<index>_<k>``: the owning
    wall, then ``k`` counting its boxes from the wall's start.
    """
    carriers = _carriers(scene)
    built: dict[tuple[int, int], list[tuple[float, trimesh.Trimesh]]] = {}
    rooms: dict[tuple[int, int], Room] = {}
    for carrier in carriers:
        holes = _holes(scene, carrier.line)
        for run in carrier.runs:
            half = run.thickness / 2
            a = run.lo - _end_offset(carrier, run.lo, carriers)
            b = run.hi + _end_offset(carrier, run.hi, carriers)
            key = (run.owner.order, run.owner.index)
            rooms[key] = run.owner.room
            for t0, t1, lo, hi in _decompose(a, b, run.z0, run.z1, holes):
                mesh = _box((t0, -half, 0.0), (t1, half, hi - lo), carrier.line.origin, carrier.line.direction, lo)
                along = (t0 + t1) / 2 if run.owner.forward else -(t0 + t1) / 2
                built.setdefault(key, []).append((along, _tagged(mesh, "wall")))
    pieces = []
    for key in sorted(built):
        room = rooms[key]
        for k, (_, mesh) in enumerate(sorted(built[key], key=lambda item: item[0])):
            pieces.append(WallPiece(name=f"wall_{room.id}_{key[1]}_{k}", room=room.id, wall=key[1], mesh=mesh))
    return pieces


def wall_meshes(scene: Scene) -> list[tuple[str, trimesh.Trimesh]]:
    """Every wall piece as ``(name, mesh)`` in the scene frame; names ``wall_<room>_<index>_<k>``."""
    return [(piece.name, piece.mesh) for piece in wall_pieces(scene)]


# --------------------------------------------------------------------------- openings


def opening_transform(opening: Opening) -> np.ndarray:
    """Node transform of an opening: origin at its bottom centre on the wall's centre line,
    x along the wall, y into the declaring room, z up."""
    return pose_matrix(opening.position, opening.yaw_deg)


def opening_meshes(opening: Opening) -> list[tuple[str, trimesh.Trimesh]]:
    """A door's frame and closed leaf, or a window's frame and glass pane, in the opening's
    local frame (see :func:`opening_transform`); all inside the hole."""
    w, h, t = opening.width, opening.height, opening.thickness
    f = min(FRAME_WIDTH, w / 4, h / 4)
    x0, x1 = -w / 2, w / 2
    members = [
        _box((x0, -t / 2, 0.0), (x0 + f, t / 2, h)),
        _box((x1 - f, -t / 2, 0.0), (x1, t / 2, h)),
        _box((x0 + f, -t / 2, h - f), (x1 - f, t / 2, h)),
    ]
    if opening.kind == "door":
        frame = _tagged(trimesh.util.concatenate(members), "frame")
        leaf_t = min(DOOR_LEAF_THICKNESS, t)
        side = 1.0 if opening.swing == "in" else -1.0
        y = side * max(0.0, t / 2 - leaf_t / 2)
        leaf = _box((x0 + f, y - leaf_t / 2, 0.0), (x1 - f, y + leaf_t / 2, h - f))
        return [(f"{opening.id}_frame", frame), (f"{opening.id}_leaf", _tagged(leaf, "door"))]
    members.append(_box((x0 + f, -t / 2, 0.0), (x1 - f, t / 2, f)))
    frame = _tagged(trimesh.util.concatenate(members), "frame")
    g = min(GLASS_THICKNESS, t)
    glass = _box((x0 + f, -g / 2, f), (x1 - f, g / 2, h - f))
    return [(f"{opening.id}_frame", frame), (f"{opening.id}_glass", _tagged(glass, "glass"))]


# --------------------------------------------------------------------------- objects


def box_mesh(category: str, size: tuple[float, float, float], description: str | None = None,
             seed: int = 0) -> trimesh.Trimesh:
    """A box of exactly ``size`` (w along x, d along y, h up), base at z = 0, centred in x/y."""
    w, d, h = size
    return _box((-w / 2, -d / 2, 0.0), (w / 2, d / 2, h))


def mesh_for(category: str, size: tuple[float, float, float], description: str | None = None,
             seed: int = 0, models=None) -> trimesh.Trimesh:
    """The mesh of one object in its own frame (x = its right, y = its front, z up, base at
    z = 0, centred in x/y), filling ``size`` exactly.

    This is the seam for the asset library: it asks :func:`assets.meshes.mesh_for` for the
    procedural mesh (named parts, per-face colours, ``metadata["parts"]``), or for the user's
    own model of that category when ``models`` (a folder or a loaded
    :class:`assets.user_models.UserModels`) is given. :func:`object_mesh` looks this function
    up at call time, so a test or a plug-in may replace it. It is deterministic in its arguments.
    """
    from assets.meshes import mesh_for as library_mesh

    return library_mesh(category, size, description or "", seed, models=models)


def object_seed(object_id: str) -> int:
    """A stable per-object seed (the same in every process)."""
    return zlib.crc32(object_id.encode("utf-8"))


def object_mesh(obj: PlacedObject, models=None) -> trimesh.Trimesh:
    """The object's mesh in its own local frame; the node transform places it. Keeps the
    library's ``metadata["parts"]`` (part names, face ranges and finishes) and per-face colours."""
    args = (obj.category, obj.size, obj.description, object_seed(obj.id))
    mesh = (mesh_for(*args) if models is None else mesh_for(*args, models=models)).copy()
    kept = {key: mesh.metadata[key] for key in ("parts", "source", "finish") if key in mesh.metadata}
    _tagged(mesh, "object")
    mesh.metadata.update(kept)
    return mesh


def object_transform(obj: PlacedObject) -> np.ndarray:
    """World transform of an object's local frame (scene frame, Z up)."""
    return pose_matrix(obj.position, obj.yaw_deg)


def clean_matrix(matrix: np.ndarray, digits: int = 9) -> np.ndarray:
    """Round a transform so float noise never reaches a file (and -0.0 becomes 0.0)."""
    out = np.round(np.asarray(matrix, dtype=float), digits)
    out[out == 0] = 0.0
    return out


__all__ = [
    "WallPiece", "box_mesh", "clean_matrix", "floor_mesh", "mesh_for", "object_mesh", "object_seed",
    "object_transform", "opening_meshes", "opening_transform", "pose_matrix", "wall_meshes", "wall_pieces",
]
