"""``unreachable`` (error): a person must be able to walk up to the front of furniture.

What: the floor is rasterised at 0.05 m. Free cells are those inside a room's clear floor
(rooms connect only through their doors' holes) and outside every non-ground floor
object. Free space is eroded by a 0.2 m agent radius (a 0.4 m wide person or robot), and
its connected components are labelled. The walker starts at the free cells within 0.5 m
of each door of a room (inside the rooms); a room with no door, or whose doors are all
blocked (``door_blocked`` already says so), starts from its largest free component.
An object is reachable when a reachable cell lies within 0.2 m + 0.35 m (agent radius
plus arm's reach) of the middle third of its footprint's front edge: a person stands in
front of what they use, not beside its corner.

Which objects: floor objects whose use side matters. Skipped: ``ground`` objects (rugs),
wall and ceiling objects, objects on other objects, small decor (footprint under
0.09 m^2, or a category naming a plant, lamp, vase, bin or rug), and pull-out seating
(chairs, stools, ottomans, poufs, benches). Seating is not in the walker's way either: a desk
with its chair tucked in front of it, or a table ringed by chairs, stays reachable
(``door_blocked`` and ``collision`` still see chairs).

Why: the brief's navigability metric (free floor eroded by a robot radius); a wardrobe
whose doors face a bed, or a desk boxed in by shelves, is a layout a person cannot use.
The hint names the object nearest the blocked front, usually the one to move.
"""

from __future__ import annotations

import math
from typing import Iterator

import numpy as np
import shapely
from scipy import ndimage
from shapely import STRtree
from shapely.geometry import LineString, Polygon

from spatialgrammar.diagnostics import Diagnostic

from ..scene import PlacedObject, Scene, box_footprint, front_vector, right_vector
from ._common import facing_word, footprints
from .registry import register_check

RESOLUTION_M = 0.05
AGENT_RADIUS_M = 0.2
ARM_REACH_M = 0.35
DOOR_START_RADIUS_M = 0.5
SMALL_AREA_M2 = 0.09
DECOR_WORDS = ("plant", "lamp", "vase", "bin", "rug")
MOVABLE_WORDS = ("chair", "stool", "ottoman", "pouf", "bench")
"""Seating that is pulled out to be used: neither checked nor in the way of others."""
FRONT_FRACTION = 1 / 3
"""The part of the front edge, centred, that a person must get close to."""
MAX_CELLS = 16_000_000
"""Very large scenes are rasterised more coarsely so the grid stays under this size."""


def needs_access(obj: PlacedObject) -> bool:
    """True for floor furniture whose front must be reachable."""
    if obj.surface != "floor" or obj.ground:
        return False
    if obj.size[0] * obj.size[1] < SMALL_AREA_M2:
        return False
    category = obj.category.lower()
    return not any(word in category for word in DECOR_WORDS + MOVABLE_WORDS)


def is_obstacle(obj: PlacedObject) -> bool:
    """True for floor objects that block a walker (not rugs, not pull-out seating)."""
    if obj.surface != "floor" or obj.ground:
        return False
    category = obj.category.lower()
    return not any(word in category for word in MOVABLE_WORDS)


class FloorGrid:
    """A raster of the scene's floor plan: row = y index (south first), column = x index."""

    def __init__(self, scene: Scene):
        shapes = [room.shape() for room in scene.rooms]
        x0, y0, x1, y1 = shapely.union_all(shapes).bounds
        margin = max(scene.wall_thickness, RESOLUTION_M)
        x0, y0, x1, y1 = x0 - margin, y0 - margin, x1 + margin, y1 + margin
        res = RESOLUTION_M
        if (x1 - x0) * (y1 - y0) / (res * res) > MAX_CELLS:
            res = math.sqrt((x1 - x0) * (y1 - y0) / MAX_CELLS)
        self.res = res
        self.x0 = math.floor(x0 / res) * res
        self.y0 = math.floor(y0 / res) * res
        self.nx = int(math.ceil((x1 - self.x0) / res))
        self.ny = int(math.ceil((y1 - self.y0) / res))

    def window(self, bounds: tuple[float, float, float, float]) -> tuple[slice, slice]:
        """Row and column slices of the cells whose centres may fall inside ``bounds``."""
        bx0, by0, bx1, by1 = bounds
        c0 = max(0, int(math.floor((bx0 - self.x0) / self.res)))
        c1 = min(self.nx, int(math.ceil((bx1 - self.x0) / self.res)) + 1)
        r0 = max(0, int(math.floor((by0 - self.y0) / self.res)))
        r1 = min(self.ny, int(math.ceil((by1 - self.y0) / self.res)) + 1)
        return slice(r0, max(r0, r1)), slice(c0, max(c0, c1))

    def centres(self, rows: slice, cols: slice) -> tuple[np.ndarray, np.ndarray]:
        """Cell centre coordinates of a window, shaped to broadcast to (rows, cols)."""
        xs = self.x0 + (np.arange(cols.start, cols.stop) + 0.5) * self.res
        ys = self.y0 + (np.arange(rows.start, rows.stop) + 0.5) * self.res
        return xs[np.newaxis, :], ys[:, np.newaxis]

    def paint(self, mask: np.ndarray, shape: Polygon, value: bool = True) -> None:
        """Set the cells whose centres lie inside ``shape``."""
        if shape.is_empty:
            return
        rows, cols = self.window(shape.bounds)
        if rows.stop <= rows.start or cols.stop <= cols.start:
            return
        xx, yy = self.centres(rows, cols)
        inside = shapely.contains_xy(shape, xx, yy)
        mask[rows, cols][inside] = value

    def raster(self, shape: Polygon) -> np.ndarray:
        mask = np.zeros((self.ny, self.nx), dtype=bool)
        self.paint(mask, shape)
        return mask


def _disk(radius_cells: int) -> np.ndarray:
    r = radius_cells
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
    return (xx * xx + yy * yy) <= r * r


def reachable_mask(scene: Scene, obstacles: list[PlacedObject] | None = None,
                   shapes: list[Polygon] | None = None) -> tuple[FloorGrid, np.ndarray, np.ndarray]:
    """(grid, free, reachable): free floor after erosion, and the part a walker reaches.

    ``obstacles`` defaults to the non-ground floor objects, ``shapes`` to their footprints.
    """
    if obstacles is None:
        obstacles = [o for o in scene.objects if is_obstacle(o)]
    if shapes is None:
        shapes = footprints(obstacles)
    grid = FloorGrid(scene)
    free = np.zeros((grid.ny, grid.nx), dtype=bool)
    room_masks = {}
    for room in scene.rooms:
        room_masks[room.id] = grid.raster(room.inner())
        free |= room_masks[room.id]
    doors = [op for op in scene.openings if op.kind == "door"]
    for door in doors:
        hole = box_footprint(door.position[:2], door.width, door.thickness + 2 * grid.res, door.yaw_deg)
        grid.paint(free, hole)
    for shape in shapes:
        grid.paint(free, shape, False)
    radius = max(1, int(round(AGENT_RADIUS_M / grid.res)))
    eroded = ndimage.binary_erosion(free, structure=_disk(radius), border_value=0)
    labels, _ = ndimage.label(eroded, structure=np.ones((3, 3), dtype=bool))
    keep: set[int] = set()
    for room in scene.rooms:
        inside = room_masks[room.id] & eroded
        found: set[int] = set()
        for door in doors:
            if room.id not in door.rooms:
                continue
            disk = shapely.Point(door.position[:2]).buffer(DOOR_START_RADIUS_M, quad_segs=16)
            rows, cols = grid.window(disk.bounds)
            xx, yy = grid.centres(rows, cols)
            near = shapely.contains_xy(disk, xx, yy) & inside[rows, cols]
            found.update(int(v) for v in np.unique(labels[rows, cols][near]) if v)
        if not found and inside.any():
            counts = np.bincount(labels[inside])
            counts[0] = 0
            found.add(int(np.argmax(counts)))
        keep |= found
    reachable = np.isin(labels, sorted(keep)) if keep else np.zeros_like(eroded)
    return grid, eroded, reachable


def front_segment(obj: PlacedObject) -> tuple[tuple[float, float], tuple[float, float]]:
    """The middle third of the footprint's front edge (where a person stands to use it)."""
    (cx, cy), (fx, fy), (rx, ry) = obj.position[:2], front_vector(obj.yaw_deg), right_vector(obj.yaw_deg)
    w, d = obj.size[0], obj.size[1]
    mx, my = cx + fx * d / 2, cy + fy * d / 2
    half = w * FRONT_FRACTION / 2
    return (mx - rx * half, my - ry * half), (mx + rx * half, my + ry * half)


def _segment_distance(xx, yy, a, b) -> np.ndarray:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 <= 1e-18:
        return np.hypot(xx - ax, yy - ay)
    t = np.clip(((xx - ax) * dx + (yy - ay) * dy) / length2, 0.0, 1.0)
    return np.hypot(xx - (ax + t * dx), yy - (ay + t * dy))


@register_check("unreachable")
def check_unreachable(scene: Scene) -> Iterator[Diagnostic]:
    """Furniture whose front no walker coming in through a door can get close to."""
    targets = [o for o in scene.objects if needs_access(o)]
    if not targets or not scene.rooms:
        return
    floors = shapely.union_all([room.inner() for room in scene.rooms])
    centres = np.array([o.position[:2] for o in targets], dtype=float)
    targets = [o for o, ok in zip(targets, shapely.contains_xy(floors, centres[:, 0], centres[:, 1])) if ok]
    if not targets:
        return
    obstacles = [o for o in scene.objects if is_obstacle(o)]
    shapes = footprints(obstacles)
    grid, _, reachable = reachable_mask(scene, obstacles, shapes)
    reach = AGENT_RADIUS_M + ARM_REACH_M
    tree = STRtree(shapes)
    for obj in targets:
        a, b = front_segment(obj)
        bounds = (min(a[0], b[0]) - reach, min(a[1], b[1]) - reach, max(a[0], b[0]) + reach, max(a[1], b[1]) + reach)
        rows, cols = grid.window(bounds)
        if rows.stop > rows.start and cols.stop > cols.start:
            xx, yy = grid.centres(rows, cols)
            close = _segment_distance(xx, yy, a, b) <= reach
            if np.any(close & reachable[rows, cols]):
                continue
        facing = facing_word(obj.yaw_deg)
        fx, fy = front_vector(obj.yaw_deg)
        ahead = AGENT_RADIUS_M * 1.5  # a point just in front: not on any floor = it faces a wall
        probe = shapely.Point((a[0] + b[0]) / 2 + fx * ahead, (a[1] + b[1]) / 2 + fy * ahead)
        blocker = None
        if floors.contains(probe):
            blocker = _nearest_blocker(obj, obstacles, shapes, tree, LineString([a, b]))
        if blocker is not None:
            why = f"`{blocker}` is nearest its front; move it away, or turn `{obj.id}` to face open floor"
        else:
            why = f"it faces a wall or a gap narrower than {2 * AGENT_RADIUS_M:.1f} m; turn or move `{obj.id}`"
        yield Diagnostic(
            code="unreachable",
            severity="error",
            message=f"`{obj.id}` cannot be reached: no path {2 * AGENT_RADIUS_M:.1f} m wide leads to its front",
            span=obj.span,
            objects=[obj.id] + ([blocker] if blocker else []),
            hint=f"clear a path to the front of `{obj.id}` (its front faces {facing}): {why}",
        )


def _nearest_blocker(obj: PlacedObject, obstacles: list[PlacedObject], shapes: list[Polygon],
                     tree: STRtree, edge: LineString) -> str | None:
    """The other floor object nearest the front segment (within a metre), if any."""
    best: tuple[float, str] | None = None
    for k in tree.query(edge.buffer(1.0)):
        other = obstacles[int(k)]
        if other is obj:
            continue
        d = shapes[int(k)].distance(edge)
        if d <= 1.0 and (best is None or (d, other.id) < best):
            best = (d, other.id)
    return best[1] if best else None
