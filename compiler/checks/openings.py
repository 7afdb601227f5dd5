"""Doors and windows: ``door_blocked``, ``window_blocked``, ``opening_overlap``, ``opening_out_of_wall``.

``door_blocked`` (error): a door needs clear floor on both sides. On the swing side (into
the declaring room for ``swing in``, the other side for ``swing out``) the leaf sweeps a
square as wide and as deep as the door; on the other side a person needs 0.4 m to step
through. A door to the outside only has the inside zone. Any non-ground floor object
that reaches more than 5 mm into a zone blocks the door (rugs and mats do not).

``window_blocked`` (warning): a floor object taller than the window's sill + 0.05 m whose
footprint comes within 0.3 m of the window, in front of it, covers the window. Only a
warning: a tall plant beside a window is a taste, not a fault.

``opening_overlap`` (error): two openings on the same wall line (from either room of a
shared wall) whose spans along the wall overlap: the holes would merge.

``opening_out_of_wall`` (error): an opening must fit in its wall: its span along the wall
keeps 0.05 m from each end (past the corner walls' thickness), its top stays under the
wall's height, its sill is not below the floor, and it lies on the wall's line.

Why: openings are real holes in the wall meshes; the doors must be usable and the holes
must be well formed. Each fault is reported once, on the object or opening the hint moves.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterator

from shapely import STRtree
from shapely.geometry import Polygon

from spatialgrammar.diagnostics import Diagnostic

from ..scene import Opening, Scene, box_footprint, front_vector
from ._common import (
    TOLERANCE_M,
    across,
    along,
    best_escape,
    cells,
    cells_for,
    compass_of,
    declared_after,
    footprints,
    is_axis_aligned,
    metres,
    move_hint,
    opening_line_key,
    room_wall,
    separation,
    wall_label,
)
from .registry import register_check

DOOR_STEP_DEPTH_M = 0.4
"""Clear depth needed on the non-swing side of a door."""
WINDOW_CLEARANCE_M = 0.3
"""Objects closer than this in front of a window cover it."""
WINDOW_SILL_MARGIN_M = 0.05
"""An object may rise this far above the sill before it covers the window."""
WALL_END_MARGIN_M = 0.05
"""An opening keeps this much solid wall from each end of its wall."""


@register_check("door_blocked")
def check_door_blocked(scene: Scene) -> Iterator[Diagnostic]:
    """Floor objects inside a door's swing zone or its step-through zone."""
    obstacles = [o for o in scene.objects if o.surface == "floor" and not o.ground]
    doors = [op for op in scene.openings if op.kind == "door"]
    if not obstacles or not doors:
        return
    shapes = footprints(obstacles)
    tree = STRtree(shapes)
    for door in doors:
        worst: dict[int, tuple[float, tuple[float, tuple[float, float]], str]] = {}
        for zone, label in door_zones(door):
            for k in sorted(int(i) for i in tree.query(zone, predicate="intersects")):
                obj = obstacles[k]
                aligned = is_axis_aligned(obj.yaw_deg) and is_axis_aligned(door.yaw_deg)
                depth, direction = separation(zone, shapes[k], aligned)
                if depth > TOLERANCE_M and (k not in worst or depth > worst[k][0]):
                    escape = best_escape(scene, obj, zone, shapes[k], direction, aligned)
                    worst[k] = (depth, escape, label)
        for k in sorted(worst):
            obj = obstacles[k]
            depth, (distance, direction), label = worst[k]
            yield Diagnostic(
                code="door_blocked",
                severity="error",
                message=(
                    f"`{obj.id}` blocks door `{door.id}` "
                    f"({metres(depth)} into its {label}, {cells(cells_for(depth, scene.cell))})"
                ),
                span=obj.span,
                objects=[obj.id, door.id],
                hint=f"{move_hint(scene, obj, direction, distance)} to clear door `{door.id}`",
                amount_m=round(depth, 4),
            )


def door_zones(door: Opening) -> list[tuple[Polygon, str]]:
    """The clearance rectangles of a door: (zone, label), swing side first."""
    to_outside = len(door.rooms) < 2
    swing_sign = 1.0 if door.swing == "in" else -1.0
    zones = []
    for sign in (swing_sign, -swing_sign):
        if to_outside and sign < 0:
            continue
        swing_side = sign == swing_sign
        depth = door.width if swing_side else DOOR_STEP_DEPTH_M
        label = "swing zone" if swing_side else "step-through zone"
        zones.append((_zone(door, sign, depth), label))
    return zones


def _zone(op: Opening, sign: float, depth: float) -> Polygon:
    """A rectangle the opening's width wide, ``depth`` deep, off the wall face on side ``sign``."""
    fx, fy = front_vector(op.yaw_deg)
    reach = sign * (op.thickness / 2 + depth / 2)
    centre = (op.position[0] + fx * reach, op.position[1] + fy * reach)
    return box_footprint(centre, op.width, depth, op.yaw_deg)


@register_check("window_blocked")
def check_window_blocked(scene: Scene) -> Iterator[Diagnostic]:
    """Floor objects taller than the sill standing within 0.3 m in front of a window."""
    obstacles = [o for o in scene.objects if o.surface == "floor" and not o.ground]
    windows = [op for op in scene.openings if op.kind == "window"]
    if not obstacles or not windows:
        return
    shapes = footprints(obstacles)
    tree = STRtree(shapes)
    for window in windows:
        limit = window.position[2] + WINDOW_SILL_MARGIN_M
        sides = (1.0,) if len(window.rooms) < 2 else (1.0, -1.0)
        worst: dict[int, tuple[float, tuple[float, tuple[float, float]]]] = {}
        for sign in sides:
            zone = _zone(window, sign, WINDOW_CLEARANCE_M)
            for k in sorted(int(i) for i in tree.query(zone, predicate="intersects")):
                obj = obstacles[k]
                if obj.z_range[1] <= limit + TOLERANCE_M:
                    continue
                aligned = is_axis_aligned(obj.yaw_deg) and is_axis_aligned(window.yaw_deg)
                depth, direction = separation(zone, shapes[k], aligned)
                if depth > TOLERANCE_M and (k not in worst or depth > worst[k][0]):
                    worst[k] = (depth, best_escape(scene, obj, zone, shapes[k], direction, aligned))
        for k in sorted(worst):
            obj = obstacles[k]
            depth, (distance, direction) = worst[k]
            yield Diagnostic(
                code="window_blocked",
                severity="warning",
                message=(
                    f"`{obj.id}` ({obj.z_range[1]:.2f} m tall) covers window `{window.id}` "
                    f"(sill {window.position[2]:.2f} m, {metres(depth)} into the 0.3 m in front of it)"
                ),
                span=obj.span,
                objects=[obj.id, window.id],
                hint=(
                    f"{move_hint(scene, obj, direction, distance)}, "
                    f"or use something lower than {limit:.2f} m under `{window.id}`"
                ),
                amount_m=round(depth, 4),
            )


@register_check("opening_overlap")
def check_opening_overlap(scene: Scene) -> Iterator[Diagnostic]:
    """Openings on one wall line whose spans along it overlap (a sweep per line)."""
    lines: dict[tuple[float, float, float], list[tuple[float, float, Opening]]] = defaultdict(list)
    for op in scene.openings:
        key = opening_line_key(op)
        axis = (-key[1], key[0])
        t = op.position[0] * axis[0] + op.position[1] * axis[1]
        lines[key].append((t - op.width / 2, t + op.width / 2, op))
    for key in sorted(lines):
        axis = (-key[1], key[0])
        spans = sorted(lines[key], key=lambda s: (s[0], s[1], s[2].id))
        active: list[tuple[float, float, Opening]] = []
        for lo, hi, op in spans:
            active = [a for a in active if a[1] - lo > TOLERANCE_M]
            for other in active:
                overlap = min(hi, other[1]) - max(lo, other[0])
                if overlap > TOLERANCE_M:
                    yield _overlap_diagnostic(scene, axis, (lo, hi, op), other, overlap)
            active.append((lo, hi, op))


def _overlap_diagnostic(scene, axis, first, second, overlap) -> Diagnostic:
    a, b = first[2], second[2]
    (f_lo, f_hi, fixed), (m_lo, m_hi, mover) = (first, second) if declared_after(b, a) else (second, first)
    forward, backward = f_hi - m_lo, m_hi - f_lo
    distance, sign = (forward, 1.0) if forward <= backward else (backward, -1.0)
    n = cells_for(distance, scene.cell)
    word = compass_of((axis[0] * sign, axis[1] * sign))
    return Diagnostic(
        code="opening_overlap",
        severity="error",
        message=(
            f"{mover.kind} `{mover.id}` overlaps {fixed.kind} `{fixed.id}` on the same wall "
            f"({metres(overlap)}, {cells(cells_for(overlap, scene.cell))})"
        ),
        span=mover.span,
        objects=[mover.id, fixed.id],
        hint=f"move `{mover.id}` {cells(n)} {word} along the wall (its `offset`), or make it narrower",
        amount_m=round(overlap, 4),
    )


@register_check("opening_out_of_wall")
def check_opening_out_of_wall(scene: Scene) -> Iterator[Diagnostic]:
    """Openings that run past their wall's ends, above its top, below the floor, or off its line."""
    cell = scene.cell
    for op in scene.openings:
        wall = room_wall(scene, op.room, op.wall_index)
        room = scene.room(op.room)
        if wall is None or room is None:
            continue
        lo_limit, hi_limit = _usable_span(room, wall)
        t = along(wall, op.position[:2])
        past_start = lo_limit - (t - op.width / 2)
        past_end = (t + op.width / 2) - hi_limit
        sill, top = op.position[2], op.position[2] + op.height
        wall_top = min(wall.height, room.height)
        off_line = abs(across(wall, op.position[:2]))
        problems: list[tuple[float, str, str]] = []
        if max(past_start, past_end) > TOLERANCE_M:
            amount = max(past_start, past_end)
            sign = 1.0 if past_start >= past_end else -1.0
            word = compass_of((wall.direction[0] * sign, wall.direction[1] * sign))
            room_for = max(0.0, hi_limit - lo_limit)
            if op.width > room_for + TOLERANCE_M:
                fix = f"make `{op.id}` narrower: at most {math.floor(room_for / cell + 1e-9)} cells fit"
            else:
                fix = f"move `{op.id}` {cells(cells_for(amount, cell))} {word} along the wall (its `offset`)"
            where = "the wall's end" if past_end >= past_start else "the wall's start"
            problems.append((amount, f"runs {metres(amount)} past {where}", fix))
        if top - wall_top > TOLERANCE_M:
            room_left = max(0.0, wall_top - sill)
            problems.append((top - wall_top, f"its top is {metres(top - wall_top)} above the wall",
                             f"make `{op.id}` lower: `height` at most {room_left:.2f}"))
        if sill < -TOLERANCE_M:
            problems.append((-sill, f"its sill is {metres(-sill)} below the floor",
                             f"give `{op.id}` a `sill` of 0 or more"))
        if off_line > TOLERANCE_M:
            problems.append((off_line, f"it is {metres(off_line)} off the wall's line",
                             f"put `{op.id}` on a wall of `{room.id}`"))
        if not problems:
            continue
        problems.sort(key=lambda p: -p[0])
        yield Diagnostic(
            code="opening_out_of_wall",
            severity="error",
            message=(
                f"{op.kind} `{op.id}` does not fit in {wall_label(wall)} of `{room.id}`: "
                + "; ".join(p[1] for p in problems)
            ),
            span=op.span,
            objects=[op.id],
            hint="; ".join(dict.fromkeys(p[2] for p in problems)),
            amount_m=round(problems[0][0], 4),
        )


def _usable_span(room, wall) -> tuple[float, float]:
    """Along-wall range a hole may occupy: clear of both corner walls plus the margin.

    At a corner, whichever way it turns, one face of this wall stops half a thickness
    short of the vertex, and a hole must pass through both faces.
    """
    walls = sorted(room.walls, key=lambda w: w.index)
    i = next(k for k, w in enumerate(walls) if w.index == wall.index)
    prev, nxt = walls[i - 1], walls[(i + 1) % len(walls)]
    half = wall.thickness / 2

    def shift(d_in, d_out) -> float:
        turn = d_in[0] * d_out[1] - d_in[1] * d_out[0]
        return half if abs(turn) > 1e-9 else 0.0

    lo = shift(prev.direction, wall.direction) + WALL_END_MARGIN_M
    hi = wall.length - shift(wall.direction, nxt.direction) - WALL_END_MARGIN_M
    return lo, hi
