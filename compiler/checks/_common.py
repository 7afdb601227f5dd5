"""Geometry and wording shared by the checks.

Everything here is pure and deterministic: separation vectors between footprints,
compass words, how a world-space move reads in an object's own local grid (the room
grid, a parent's frame, or a wall), and the usable extent of a wall.
"""

from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import Point, Polygon
from shapely.ops import nearest_points

from ..scene import Opening, PlacedObject, Room, Scene, Wall, front_vector, right_vector

TOLERANCE_M = 0.005
"""Faults shallower than this (5 mm) are float noise or flush contact, never reported."""

Vec = tuple[float, float]

COMPASS = ("east", "northeast", "north", "northwest", "west", "southwest", "south", "southeast")
_STEPS = ((1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1))
_SIDE_WORDS = {  # (x sign, y sign) in a parent's frame
    (1, 0): "right", (1, 1): "front-right", (0, 1): "front", (-1, 1): "front-left",
    (-1, 0): "left", (-1, -1): "back-left", (0, -1): "back", (1, -1): "back-right",
}
_WALL_WORDS = {
    (1, 0): "right along the wall", (1, 1): "up and to the right", (0, 1): "up",
    (-1, 1): "up and to the left", (-1, 0): "left along the wall", (-1, -1): "down and to the left",
    (0, -1): "down", (1, -1): "down and to the right",
}


# ---- numbers and words -------------------------------------------------------------


def metres(x: float) -> str:
    """``0.18 m``, or three decimals when centimetres would hide millimetres (``0.006 m``)."""
    if x >= 0.095 or abs(x - round(x, 2)) < 0.0005:
        return f"{x:.2f} m"
    return f"{x:.3f} m"


def cells(n: int) -> str:
    return f"{n} cell" if n == 1 else f"{n} cells"


def cells_for(distance: float, cell: float) -> int:
    """Whole cells needed to cover ``distance`` metres (at least one)."""
    return max(1, math.ceil(distance / cell - 1e-9))


def grid_number(v: float) -> str:
    """A grid coordinate as written in scripts: ``12`` or ``12.5``."""
    r = round(v, 3)
    return str(int(r)) if r == int(r) else f"{r:g}"


def compass_of(vec: Vec) -> str:
    """The nearest of the eight compass words for a plan vector."""
    return COMPASS[_octant(vec)]


def facing_word(yaw_deg: float) -> str:
    """Compass word of the direction something with this yaw faces."""
    return compass_of(front_vector(yaw_deg))


def _octant(vec: Vec) -> int:
    angle = math.degrees(math.atan2(vec[1], vec[0]))
    return int(math.floor((angle + 22.5) / 45.0)) % 8


def is_axis_aligned(yaw_deg: float) -> bool:
    r = yaw_deg % 90.0
    return min(r, 90.0 - r) < 1e-6


def unit(vec: Vec) -> Vec:
    n = math.hypot(*vec)
    return (vec[0] / n, vec[1] / n) if n > 1e-12 else (1.0, 0.0)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1]


def cross(a: Vec, b: Vec) -> float:
    return a[0] * b[1] - a[1] * b[0]


# ---- footprints in bulk ------------------------------------------------------------


def footprints(objects: list[PlacedObject]) -> list[Polygon]:
    """Every object's ``footprint()``, built in one vectorised call (same corners, same order)."""
    if not objects:
        return []
    pos = np.array([o.position[:2] for o in objects], dtype=float)
    size = np.array([o.size[:2] for o in objects], dtype=float)
    yaw = np.radians(np.array([o.yaw_deg for o in objects], dtype=float))
    rx, ry = _clean_array(np.cos(yaw)), _clean_array(np.sin(yaw))
    fx, fy = _clean_array(-np.sin(yaw)), _clean_array(np.cos(yaw))
    hw, hd = size[:, 0] / 2, size[:, 1] / 2
    corners = []
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        a, b = sx * hw, sy * hd
        corners.append(np.stack([pos[:, 0] + a * rx + b * fx, pos[:, 1] + a * ry + b * fy], axis=1))
    rings = np.stack(corners, axis=1)
    return list(shapely.polygons(rings))


def _clean_array(v: np.ndarray) -> np.ndarray:
    r = np.round(v, 12)
    r[r == 0] = 0.0
    return r


# ---- separation of two footprints --------------------------------------------------


def separation(fixed: Polygon, moving: Polygon, aligned: bool) -> tuple[float, Vec]:
    """Penetration depth and the unit direction that pushes ``moving`` clear of ``fixed``.

    Axis-aligned rectangles: the smallest of the four translations along +-x/+-y.
    Otherwise: the intersection's minimum rotated rectangle; its smaller side is the
    depth and points away from ``fixed``'s centre.
    """
    if aligned:
        ax0, ay0, ax1, ay1 = fixed.bounds
        bx0, by0, bx1, by1 = moving.bounds
        options = [
            (ax1 - bx0, (1.0, 0.0)),
            (bx1 - ax0, (-1.0, 0.0)),
            (ay1 - by0, (0.0, 1.0)),
            (by1 - ay0, (0.0, -1.0)),
        ]
        depth, direction = min(options, key=lambda o: o[0])
        return max(depth, 0.0), direction
    inter = fixed.intersection(moving)
    if inter.is_empty or inter.area <= 0.0:
        return 0.0, (1.0, 0.0)
    rect = inter.minimum_rotated_rectangle
    if not isinstance(rect, Polygon):
        return 0.0, (1.0, 0.0)
    pts = list(rect.exterior.coords)
    e1 = (pts[1][0] - pts[0][0], pts[1][1] - pts[0][1])
    e2 = (pts[2][0] - pts[1][0], pts[2][1] - pts[1][1])
    short = e1 if math.hypot(*e1) <= math.hypot(*e2) else e2
    depth = math.hypot(*short)
    direction = unit(short)
    ca, cb = fixed.centroid, moving.centroid
    away = (cb.x - ca.x, cb.y - ca.y)
    if dot(direction, away) < 0 or (abs(dot(direction, away)) < 1e-12 and _octant(direction) >= 4):
        direction = (-direction[0], -direction[1])
    return depth, direction


def escape_options(fixed: Polygon, moving: Polygon, axes: list[Vec]) -> list[tuple[float, Vec]]:
    """Ways to push ``moving`` clear of ``fixed`` along each axis, both senses, shortest first.

    Along a unit axis the two convex shapes separate once their projections stop
    overlapping, so each option's distance is exact for the rectangles used here.
    """
    options = []
    for axis in axes:
        lo_f, hi_f = _projection(fixed, axis)
        lo_m, hi_m = _projection(moving, axis)
        options.append((max(hi_f - lo_m, 0.0), axis))
        options.append((max(hi_m - lo_f, 0.0), (-axis[0], -axis[1])))
    options.sort(key=lambda o: (round(o[0], 9), _octant(o[1])))
    return options


def _projection(poly: Polygon, axis: Vec) -> tuple[float, float]:
    values = [p[0] * axis[0] + p[1] * axis[1] for p in poly.exterior.coords]
    return min(values), max(values)


def best_escape(scene: Scene, obj: PlacedObject, fixed: Polygon, moving: Polygon,
                direction: Vec, aligned: bool) -> tuple[float, Vec]:
    """The shortest push of ``obj`` clear of ``fixed`` that keeps it where it belongs.

    Axis-aligned shapes try +-x and +-y, rotated ones both senses of ``direction``;
    the first option whose result stays on the room's clear floor (or on the parent,
    for things standing on one) wins, else the shortest.
    """
    axes = [(1.0, 0.0), (0.0, 1.0)] if aligned else [direction]
    options = escape_options(fixed, moving, axes)
    area = _home_area(scene, obj)
    if area is not None:
        for distance, vec in options:
            moved = shapely.affinity.translate(moving, vec[0] * distance, vec[1] * distance)
            if area.buffer(TOLERANCE_M).covers(moved):
                return distance, vec
    return options[0]


def _home_area(scene: Scene, obj: PlacedObject) -> Polygon | None:
    if obj.surface in ("floor", "ceiling"):
        room = scene.room(obj.room)
        return room.inner() if room is not None else None
    if obj.surface in ("top", "shelf") and obj.parent:
        parent = scene.object(obj.parent)
        return parent.footprint() if parent is not None else None
    return None


def overhang(inner: Polygon, shape: Polygon) -> tuple[float, Vec]:
    """How far ``shape`` sticks out of ``inner`` and the plan move that brings it back in.

    Depth is the largest distance from ``inner`` of a vertex of the part outside it; the
    move combines, per axis, the largest push back needed by any such vertex.
    """
    outside = shape.difference(inner)
    if outside.is_empty or outside.area <= 1e-10:
        return 0.0, (0.0, 0.0)
    boundary = inner.boundary
    depth = 0.0
    push_pos = [0.0, 0.0]
    push_neg = [0.0, 0.0]
    for x, y in _vertices(outside):
        p = Point(x, y)
        d = p.distance(inner)
        if d <= 1e-12:
            continue
        depth = max(depth, d)
        q = nearest_points(boundary, p)[0]
        for axis, delta in enumerate((q.x - x, q.y - y)):
            push_pos[axis] = max(push_pos[axis], delta)
            push_neg[axis] = min(push_neg[axis], delta)
    move = (push_pos[0] + push_neg[0], push_pos[1] + push_neg[1])
    return depth, move


def _vertices(geom) -> Iterable[tuple[float, float]]:
    polys = getattr(geom, "geoms", [geom])
    for poly in polys:
        if isinstance(poly, Polygon):
            yield from poly.exterior.coords[:-1]
            for ring in poly.interiors:
                yield from ring.coords[:-1]


# ---- how a move reads in an object's own grid --------------------------------------


def local_axes(scene: Scene, obj: PlacedObject) -> tuple[Vec, Vec, str]:
    """World plan vectors of the object's local grid +x and +y, and which kind of grid.

    Floor and ceiling objects live on the room grid (axes = world axes). Objects on a
    parent's top or shelf live in the parent's own frame (x to its right, y to its front).
    Wall objects: x runs left to right as seen from inside facing the wall, y is height.
    """
    if obj.surface in ("top", "shelf") and obj.parent:
        parent = scene.object(obj.parent)
        if parent is not None:
            return right_vector(parent.yaw_deg), front_vector(parent.yaw_deg), "parent"
    if obj.surface == "wall":
        rx, ry = right_vector(obj.yaw_deg)
        return (-rx, -ry), (0.0, 0.0), "wall"
    return (1.0, 0.0), (0.0, 1.0), "room"


def move_phrase(scene: Scene, obj: PlacedObject, direction: Vec, distance: float,
                vertical: bool = False) -> tuple[str, tuple[int, int]]:
    """``2 cells east`` and the local grid displacement it stands for.

    The move is whole cells, at least ``distance`` metres along ``direction`` (a world
    plan unit vector, or for ``vertical`` moves of wall objects ``(0, +-1)`` = up/down),
    worded in the object's own grid: compass words on the room grid, sides of the
    parent on a parent's surface, left/right/up/down on a wall.
    """
    ax, ay, kind = local_axes(scene, obj)
    if vertical:
        local = direction
    elif kind == "wall":
        local = (dot(direction, ax), 0.0)
    else:
        local = (dot(direction, ax), dot(direction, ay))
    if math.hypot(*local) < 1e-9:
        local = (1.0, 0.0)
    step = _STEPS[_octant(local)]
    gain = dot(step, unit(local))
    n = cells_for(distance / max(gain, 1e-9), scene.cell)
    if kind == "parent":
        words = f"toward the {_SIDE_WORDS[step]} of `{obj.parent}`"
    elif kind == "wall":
        words = _WALL_WORDS[step]
    else:
        words = COMPASS[_octant(local)]
    return f"{cells(n)} {words}", (n * step[0], n * step[1])


def compose_move(obj: PlacedObject, phrases: list[tuple[str, tuple[int, int]]]) -> str:
    """``move `b` 2 cells east and 1 cell north (to 12,5)``; the target only when whole."""
    dx = sum(p[1][0] for p in phrases)
    dy = sum(p[1][1] for p in phrases)
    target = (obj.cell[0] + dx, obj.cell[1] + dy)
    where = ""
    if all(abs(v - round(v)) < 1e-6 for v in target):
        where = f" (to {int(round(target[0]))},{int(round(target[1]))})"
    return f"move `{obj.id}` {' and '.join(p[0] for p in phrases)}{where}"


def move_hint(scene: Scene, obj: PlacedObject, direction: Vec, distance: float,
              vertical: bool = False) -> str:
    """``move `b` 2 cells east (to 12,5)``: the smallest whole-cell move of ``distance`` m."""
    return compose_move(obj, [move_phrase(scene, obj, direction, distance, vertical)])


def push_hint(scene: Scene, obj: PlacedObject, move: Vec, fallback: str) -> str:
    """Whole-cell move covering a world plan displacement, one phrase per local axis.

    ``move `x` 2 cells west and 1 cell south (to 3,4)`` on a room grid;
    ``move `lamp` 1 cell toward the left and 1 cell toward the back of `desk``` on a parent.
    """
    ax, ay, kind = local_axes(scene, obj)
    local = (dot(move, ax), 0.0 if kind == "wall" else dot(move, ay))
    words = {
        "room": (("east", "west"), ("north", "south")),
        "parent": (("toward the right", "toward the left"), ("toward the front", "toward the back")),
        "wall": (("right along the wall", "left along the wall"), ("up", "down")),
    }[kind]
    phrases = []
    for axis, v in enumerate(local):
        if abs(v) <= TOLERANCE_M / 2:
            continue
        n = cells_for(abs(v), scene.cell)
        signed = n if v > 0 else -n
        word = words[axis][0 if v > 0 else 1]
        phrases.append((f"{cells(n)} {word}", (signed, 0) if axis == 0 else (0, signed)))
    if not phrases:
        return fallback
    if kind == "parent":
        last_text, last_step = phrases[-1]
        phrases[-1] = (f"{last_text} of `{obj.parent}`", last_step)
    return compose_move(obj, phrases)


def wall_label(wall: Wall) -> str:
    """``the north wall`` or ``wall 3``."""
    return f"the {wall.side} wall" if wall.side else f"wall {wall.index}"


# ---- rooms, walls and openings -----------------------------------------------------


def room_wall(scene: Scene, room_id: str, index: int) -> Wall | None:
    room = scene.room(room_id)
    if room is None:
        return None
    return next((w for w in room.walls if w.index == index), None)


def wall_face_extent(room: Room, wall: Wall) -> tuple[float, float]:
    """The inner face of ``wall`` as a range of the along-wall parameter (0 = ``start``).

    At a convex corner the face stops half a thickness before the vertex; at a
    concave one it runs half a thickness past it.
    """
    walls = sorted(room.walls, key=lambda w: w.index)
    i = next(k for k, w in enumerate(walls) if w.index == wall.index)
    prev, nxt = walls[i - 1], walls[(i + 1) % len(walls)]
    half = wall.thickness / 2
    t0 = _corner_shift(prev.direction, wall.direction, half)
    t1 = wall.length - _corner_shift(wall.direction, nxt.direction, half)
    return t0, t1


def _corner_shift(d_in: Vec, d_out: Vec, half: float) -> float:
    turn = cross(d_in, d_out)
    if turn > 1e-9:
        return half
    if turn < -1e-9:
        return -half
    return 0.0


def along(wall: Wall, point: Vec) -> float:
    """Along-wall parameter of a point (metres from ``wall.start``)."""
    return dot((point[0] - wall.start[0], point[1] - wall.start[1]), wall.direction)


def across(wall: Wall, point: Vec) -> float:
    """Signed distance of a point from the wall's centre line, positive into the room."""
    return dot((point[0] - wall.start[0], point[1] - wall.start[1]), wall.inward)


def wall_of_object(scene: Scene, obj: PlacedObject) -> Wall | None:
    """The wall a wall-mounted object hangs on: facing the same way, nearest its back."""
    room = scene.room(obj.room)
    if room is None:
        return None
    front = front_vector(obj.yaw_deg)
    centre = obj.position[:2]
    best: tuple[float, int] | None = None
    found: Wall | None = None
    for wall in room.walls:
        if dot(wall.inward, front) < 0.99:
            continue
        gap = abs(across(wall, centre) - wall.thickness / 2 - obj.size[1] / 2)
        t = along(wall, centre)
        outside = max(0.0, -t, t - wall.length)
        score = (gap + outside, wall.index)
        if best is None or score < best:
            best, found = score, wall
    return found


def opening_line_key(op: Opening) -> tuple[float, float, float]:
    """Identifies the infinite line an opening's wall lies on (shared by both rooms)."""
    nx, ny = front_vector(op.yaw_deg)
    if nx < -1e-9 or (abs(nx) <= 1e-9 and ny < 0):
        nx, ny = -nx, -ny
    return (round(nx, 6) + 0.0, round(ny, 6) + 0.0, round(nx * op.position[0] + ny * op.position[1], 4) + 0.0)


def declared_after(a, b) -> bool:
    """True when ``a`` is declared after ``b`` (larger span line; unknown spans last)."""
    return _decl_key(a) > _decl_key(b)


def _decl_key(x) -> tuple:
    span = x.span
    return (span.line, span.column, x.id) if span is not None else (1 << 30, 0, x.id)
