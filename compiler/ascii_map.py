"""A top-down text map of a compiled scene, for people and text-only LLMs.

One character per grid cell, north up, x growing to the right (east)::

    #  wall          D  door (a gap in the wall)     =  window
    .  clear floor   A..Z a..z 0..9  floor objects (no D)   !  an object with a problem

A cell shows what lies at its centre. A wall one cell thick shows in the row or column on
the south/west side of its centre line, and an object flush with a wall's inner face
starts in the next cell. Row labels on the left and the ruler on top are scene grid
coordinates (of each row's and column's first cell). Wider scenes are downsampled evenly
(the same factor both ways) with the priority ``!`` > ``D`` > ``=`` > ``#`` > objects >
``.``. Under the map: the rooms, the openings, a legend line per floor object
(``A bed1 (bed) facing south at 20,18``, positions in the room's own grid as scripts
write them), the things standing on others or hanging on walls and ceilings, and the
diagnostic codes per object. The same scene always gives the same text.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable

import numpy as np
import shapely

from spatialgrammar.diagnostics import Diagnostic

from .checks._common import footprints, grid_number, wall_label, wall_of_object
from .scene import Opening, PlacedObject, Scene

SYMBOLS = "ABCEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
"""Object symbols: letters and digits except ``D``, which draws doors."""
OUTSIDE, FLOOR, WALL, WINDOW, DOOR = 0, 1, 3, 4, 5
_CHAR = {OUTSIDE: " ", FLOOR: ".", WALL: "#", WINDOW: "=", DOOR: "D"}
PROBLEM = "!"
MAX_SAMPLES = 4_000_000
"""Huge scenes are sampled every few cells so the raster stays under this many cells."""


def ascii_map(scene: Scene, diagnostics: Iterable[Diagnostic] = (), max_width: int = 100) -> str:
    """The scene as a text map plus a legend; map lines are at most ``max_width`` long."""
    diagnostics = list(diagnostics)
    floor_objects = [o for o in scene.objects if o.surface == "floor"]
    keys = symbol_keys(floor_objects)
    problems = _problems(diagnostics)
    out: list[str] = []
    raster = _Raster.build(scene, floor_objects, problems)
    if raster is None:
        out.append(f'scene "{scene.name}": nothing to draw')
    else:
        out += raster.draw(keys, max_width)
    out += _legend(scene, floor_objects, keys, problems)
    return "\n".join(out)


def symbol_keys(objects: list[PlacedObject]) -> dict[str, tuple[str, str]]:
    """Object id -> (map symbol, legend key): A..Z (no D), a..z, 0..9, then A2, B2, ... drawn as A, B."""
    keys = {}
    for i, obj in enumerate(objects):
        symbol = SYMBOLS[i % len(SYMBOLS)]
        rounds = i // len(SYMBOLS)
        keys[obj.id] = (symbol, symbol if rounds == 0 else f"{symbol}{rounds + 1}")
    return keys


def _problems(diagnostics: list[Diagnostic]) -> dict[str, list[str]]:
    codes: dict[str, list[str]] = defaultdict(list)
    for d in diagnostics:
        for name in d.objects:
            if d.code not in codes[name]:
                codes[name].append(d.code)
    return {name: sorted(c) for name, c in codes.items()}


class _Raster:
    """Cell layers of the whole scene: structure codes, object indices and problem marks."""

    def __init__(self, scene: Scene, gx0: int, gy0: int, nx: int, ny: int, stride: int):
        self.scene, self.gx0, self.gy0, self.nx, self.ny, self.stride = scene, gx0, gy0, nx, ny, stride
        c = scene.cell
        eps = c * 1e-3  # ties on a cell's centre go to the cell north-east of the line
        xs = (gx0 + (np.arange(nx) * stride) + 0.5) * c + eps
        ys = (gy0 + (np.arange(ny) * stride) + 0.5) * c + eps
        self.xs, self.ys = xs, ys
        self.layer = np.full((ny, nx), OUTSIDE, dtype=np.int8)
        self.owner = np.full((ny, nx), -1, dtype=np.int32)
        self.marked = np.zeros((ny, nx), dtype=bool)

    @classmethod
    def build(cls, scene: Scene, floor_objects: list[PlacedObject], problems) -> "_Raster | None":
        outlines = [r.shape().buffer(scene.wall_thickness / 2 + 1e-9, join_style="mitre") for r in scene.rooms]
        shapes = footprints(floor_objects)
        if not outlines and not shapes:
            return None
        boxes = shapely.bounds(np.asarray(outlines + shapes, dtype=object))
        x0, y0 = boxes[:, 0].min(), boxes[:, 1].min()
        x1, y1 = boxes[:, 2].max(), boxes[:, 3].max()
        c = scene.cell
        gx0, gy0 = math.floor(x0 / c) - 1, math.floor(y0 / c) - 1
        gx1, gy1 = math.ceil(x1 / c) + 1, math.ceil(y1 / c) + 1
        stride = max(1, math.ceil(math.sqrt((gx1 - gx0) * (gy1 - gy0) / MAX_SAMPLES)))
        nx, ny = math.ceil((gx1 - gx0) / stride), math.ceil((gy1 - gy0) / stride)
        raster = cls(scene, gx0, gy0, nx, ny, stride)
        raster._paint_structure()
        raster._paint_objects(floor_objects, shapes)
        raster._mark(problems)
        return raster

    # -- painting ---------------------------------------------------------------------

    def _window(self, bounds):
        c, s = self.scene.cell, self.stride
        bx0, by0, bx1, by1 = bounds
        i0 = max(0, math.floor((bx0 / c - self.gx0 - 0.5) / s))
        i1 = min(self.nx, math.ceil((bx1 / c - self.gx0 - 0.5) / s) + 1)
        j0 = max(0, math.floor((by0 / c - self.gy0 - 0.5) / s))
        j1 = min(self.ny, math.ceil((by1 / c - self.gy0 - 0.5) / s) + 1)
        return slice(j0, max(j0, j1)), slice(i0, max(i0, i1))

    def _inside(self, shape):
        rows, cols = self._window(shape.bounds)
        return rows, cols, shapely.contains_xy(shape, self.xs[np.newaxis, cols], self.ys[rows, np.newaxis])

    def _paint_structure(self) -> None:
        scene = self.scene
        t = scene.wall_thickness
        for room in scene.rooms:
            band = room.shape().exterior.buffer(t / 2, join_style="mitre")
            rows, cols, hit = self._inside(band)
            self.layer[rows, cols][hit] = WALL
        for room in scene.rooms:
            rows, cols, hit = self._inside(room.inner())
            self.layer[rows, cols][hit] = FLOOR
        for op in sorted(scene.openings, key=lambda o: o.kind == "door"):  # doors win over windows
            rows, cols, hit = self._inside(op.footprint())
            sub = self.layer[rows, cols]
            sub[hit & (sub == WALL)] = DOOR if op.kind == "door" else WINDOW

    def _paint_objects(self, objects: list[PlacedObject], shapes) -> None:
        order = sorted(range(len(objects)), key=lambda k: (not objects[k].ground, k))  # rugs underneath
        for k in order:
            rows, cols, hit = self._inside(shapes[k])
            self.owner[rows, cols][hit] = k

    def _mark(self, problems: dict[str, list[str]]) -> None:
        scene = self.scene
        # an object's centre on a grid line marks the cell north-east of it, like the drawing;
        # an opening's centre sits on its wall's centre line: mark the wall cell south-west of it
        places = [(o.position[:2], 1e-3) for o in scene.objects if o.id in problems]
        places += [(op.position[:2], -1e-3) for op in scene.openings if op.id in problems]
        c, s = scene.cell, self.stride
        for (x, y), nudge in places:
            i = math.floor((x / c - self.gx0 + nudge) / s)
            j = math.floor((y / c - self.gy0 + nudge) / s)
            if 0 <= i < self.nx and 0 <= j < self.ny:
                self.marked[j, i] = True

    # -- drawing ----------------------------------------------------------------------

    def draw(self, keys: dict[str, tuple[str, str]], max_width: int) -> list[str]:
        symbols = [keys[o.id][0] for o in self.scene.objects if o.surface == "floor"]
        used = (self.layer != OUTSIDE) | (self.owner >= 0) | self.marked
        rows_used, cols_used = np.flatnonzero(used.any(axis=1)), np.flatnonzero(used.any(axis=0))
        if rows_used.size == 0:
            return [f'scene "{self.scene.name}": nothing to draw']
        j0, j1, i0, i1 = rows_used[0], rows_used[-1] + 1, cols_used[0], cols_used[-1] + 1
        layer, owner, marked = self.layer[j0:j1, i0:i1], self.owner[j0:j1, i0:i1], self.marked[j0:j1, i0:i1]
        gx0, gy0 = self.gx0 + i0 * self.stride, self.gy0 + j0 * self.stride
        ny, nx = layer.shape
        label_width = max(len(str(gy0)), len(str(gy0 + ny * self.stride)))
        body_width = max(10, max_width - label_width - 1)
        k = max(1, math.ceil(nx / body_width))
        step = k * self.stride
        cell = self.scene.cell
        out = [
            f'scene "{self.scene.name}": north is up, x grows east (right), y grows north (up); '
            f"1 character = {step} cell{'s' if step > 1 else ''} ({step * cell:g} m)",
            "key: # wall, D door, = window, . floor, ! object with a problem; letters and digits are floor objects",
        ]
        ncols, nrows = math.ceil(nx / k), math.ceil(ny / k)
        chars = [[self._block(layer, owner, marked, r, col, k, symbols) for col in range(ncols)] for r in range(nrows)]
        out.append(" " * (label_width + 1) + _ruler(gx0, step, ncols, body_width))
        for r in reversed(range(nrows)):
            y = gy0 + r * step
            out.append(f"{y:>{label_width}} " + "".join(chars[r]).rstrip())
        return out

    @staticmethod
    def _block(layer, owner, marked, r, col, k, symbols) -> str:
        rs, cs = slice(r * k, (r + 1) * k), slice(col * k, (col + 1) * k)
        if marked[rs, cs].any():
            return PROBLEM
        top = int(layer[rs, cs].max())
        if top >= WALL:
            return _CHAR[top]
        owners = owner[rs, cs]
        owners = owners[owners >= 0]
        if owners.size:
            counts = np.bincount(owners)
            return symbols[int(np.argmax(counts))]
        return _CHAR[top]


def _ruler(gx0: int, step: int, ncols: int, limit: int) -> str:
    """Scene grid x of every tenth column, starting where it is a round number if possible."""
    first = next((c for c in range(min(10, ncols)) if (gx0 + c * step) % (10 * step) == 0), 0)
    text = [" "] * max(ncols, limit)
    for c in range(first, ncols, 10):
        label = str(gx0 + c * step)
        if c + len(label) <= limit:
            text[c:c + len(label)] = label
    return "".join(text).rstrip()


# ---- legend -------------------------------------------------------------------------


def _legend(scene: Scene, floor_objects: list[PlacedObject], keys, problems) -> list[str]:
    c = scene.cell
    out = ["rooms:"]
    for room in scene.rooms:
        xs, ys = [p[0] for p in room.polygon], [p[1] for p in room.polygon]
        w, h = (max(xs) - min(xs)) / c, (max(ys) - min(ys)) / c
        out.append(
            f"  {room.id} ({room.type}): {grid_number(w)}x{grid_number(h)} cells, south-west corner at "
            f"{grid_number(min(xs) / c)},{grid_number(min(ys) / c)}, height {room.height:.2f} m"
        )
    if scene.openings:
        out.append("openings:")
        for op in scene.openings:
            out.append("  " + _opening_line(scene, op))
    if floor_objects:
        out.append("objects (positions in each room's own grid):")
        multi_room = len(scene.rooms) > 1
        for obj in floor_objects:
            line = f"{keys[obj.id][1]} {obj.id} ({obj.category}) facing {_facing(obj)} at {_at(obj)}"
            if multi_room:
                line += f" in {obj.room}"
            if obj.ground:
                line += ", ground"
            out.append(line)
        if len(floor_objects) > len(SYMBOLS):
            out.append(f"  (symbols repeat after {len(SYMBOLS)} objects: A2 is drawn as A)")
    others = [o for o in scene.objects if o.surface != "floor"]
    if others:
        out.append("on other objects, walls and ceilings (not drawn):")
        for obj in others:
            out.append(f"  {obj.id} ({obj.category}) {_where(scene, obj)} at {_at(obj)}")
    if problems:
        out.append("problems:")
        for name in sorted(problems):
            out.append(f"  {name}: {', '.join(problems[name])}")
    return out


def _facing(obj: PlacedObject) -> str:
    word = obj.facing
    return word if word.isalpha() else f"{word} degrees"


def _at(obj: PlacedObject) -> str:
    return f"{grid_number(obj.cell[0])},{grid_number(obj.cell[1])}"


def _where(scene: Scene, obj: PlacedObject) -> str:
    if obj.surface == "top":
        return f"on top of `{obj.parent}`"
    if obj.surface == "shelf":
        return f"on shelf {obj.level} of `{obj.parent}`"
    if obj.surface == "ceiling":
        return f"on the ceiling of `{obj.room}`"
    wall = wall_of_object(scene, obj)
    return f"on {wall_label(wall) if wall else 'a wall'} of `{obj.room}`"


def _opening_line(scene: Scene, op: Opening) -> str:
    c = scene.cell
    symbol = "D" if op.kind == "door" else "="
    others = [r for r in op.rooms if r != op.room]
    joins = f"between `{op.room}` and `{others[0]}`" if others else f"from `{op.room}` to outside"
    room = scene.room(op.room)
    wall = next((w for w in room.walls if w.index == op.wall_index), None) if room else None
    where = f" on {wall_label(wall)}" if wall else ""
    extra = f", swing {op.swing}" if op.kind == "door" else f", sill {op.sill:.2f} m"
    return (
        f"{symbol} {op.id} {op.kind}{where} {joins}, {grid_number(op.width / c)} cells wide, "
        f"centre at {grid_number(op.position[0] / c)},{grid_number(op.position[1] / c)}{extra}"
    )
