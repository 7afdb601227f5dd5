"""``out_of_room`` and ``too_large_for_room`` (errors): objects must fit inside their room.

``out_of_room``: a floor or ceiling object's footprint leaves its room's clear floor
(``room.inner()``: the wall centre-line polygon shrunk by half a wall thickness) by more
than 5 mm, or a wall-mounted object's extent along its wall or its height leaves that
wall's inner face. The test is area based (the part of the footprint outside the clear
floor) and the amount is the farthest distance that part reaches, so it works for
L-shaped rooms and rotated objects alike. The hint gives the whole-cell move back in.

``too_large_for_room``: the object cannot fit however it is moved: its footprint does
not fit the room's clear bounding box in either orientation, its area exceeds the clear
floor's, it is taller than the room, or (on a wall) it is wider or taller than the wall.
Such objects get this diagnostic only, not ``out_of_room`` as well: moving cannot fix
them, a smaller ``size`` or ``height`` can.

Why: the brief's out-of-bounds metric (an object whose floor projection leaves the
room). Children on other objects are the ``unsupported`` check's business.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterator

import shapely

from spatialgrammar.diagnostics import Diagnostic

from ..scene import PlacedObject, Room, Scene
from ._common import (
    TOLERANCE_M,
    along,
    cells,
    cells_for,
    compose_move,
    footprints,
    metres,
    move_phrase,
    overhang,
    push_hint,
    wall_face_extent,
    wall_label,
    wall_of_object,
)
from .registry import register_check

_CHECKED = ("floor", "ceiling", "wall")


@register_check("out_of_room")
def check_out_of_room(scene: Scene) -> Iterator[Diagnostic]:
    """Floor/ceiling footprints outside the clear floor; wall objects off their wall."""
    inners = {room.id: room.inner() for room in scene.rooms}
    checked = [o for o in scene.objects if o.surface in _CHECKED and o.room in inners]
    plan = [o for o in checked if o.surface != "wall"]
    shapes = {id(o): fp for o, fp in zip(plan, footprints(plan))}
    by_room: dict[str, list[PlacedObject]] = defaultdict(list)
    for obj in plan:
        by_room[obj.room].append(obj)
    inside: set[int] = set()
    for room_id, mine in by_room.items():
        covered = shapely.covers(inners[room_id], [shapes[id(o)] for o in mine])
        inside.update(id(o) for o, ok in zip(mine, covered) if ok)
    for obj in checked:
        if id(obj) in inside:
            continue
        room = scene.room(obj.room)
        too_large = _too_large(scene, obj, room, inners[room.id])
        if too_large is not None and too_large[3]:
            continue  # no move can fix it: `too_large_for_room` says so
        if obj.surface == "wall":
            diag = _wall_object_out(scene, obj, room)
            if diag is not None:
                yield diag
            continue
        depth, move = overhang(inners[room.id], shapes[id(obj)])
        if depth <= TOLERANCE_M:
            continue
        yield Diagnostic(
            code="out_of_room",
            severity="error",
            message=(
                f"`{obj.id}` sticks out of `{room.id}` by {metres(depth)} "
                f"({cells(cells_for(depth, scene.cell))})"
            ),
            span=obj.span,
            objects=[obj.id],
            hint=push_hint(scene, obj, move, f"move `{obj.id}` back inside `{room.id}`, or use a smaller `size`"),
            amount_m=round(depth, 4),
        )


@register_check("too_large_for_room")
def check_too_large(scene: Scene) -> Iterator[Diagnostic]:
    """Objects that cannot fit in their room (or on their wall) wherever they are put."""
    inners = {room.id: room.inner() for room in scene.rooms}
    for obj in scene.objects:
        if obj.surface not in _CHECKED or obj.room not in inners:
            continue
        room = scene.room(obj.room)
        found = _too_large(scene, obj, room, inners[room.id])
        if found is None:
            continue
        message, hint, amount, _ = found
        yield Diagnostic(
            code="too_large_for_room",
            severity="error",
            message=message,
            span=obj.span,
            objects=[obj.id],
            hint=hint,
            amount_m=round(amount, 4) if amount is not None else None,
        )


def _too_large(scene: Scene, obj: PlacedObject, room: Room, inner) -> tuple[str, str, float | None, bool] | None:
    """(message, hint, amount, unmovable) when ``obj`` cannot fit in ``room``, else None.

    ``unmovable`` is True when no position fits (its footprint or its span on the wall);
    a floor object that is merely too tall can still be moved back inside.
    """
    w, d, h = obj.size
    cell = scene.cell
    dims = f"{w:.2f} x {d:.2f} m"
    if obj.surface == "wall":
        wall = wall_of_object(scene, obj)
        if wall is None:
            return None
        t0, t1 = wall_face_extent(room, wall)
        length, height = t1 - t0, min(room.height, wall.height)
        if w > length + TOLERANCE_M:
            return (
                f"`{obj.id}` ({w:.2f} m wide) is wider than {wall_label(wall)} of `{room.id}` ({length:.2f} m)",
                f"use a smaller `size` (the wall is {math.floor(length / cell + 1e-9)} cells long)",
                w - length,
                True,
            )
        if h > height + TOLERANCE_M:
            return (
                f"`{obj.id}` ({h:.2f} m tall) is taller than the walls of `{room.id}` ({height:.2f} m)",
                f"use a smaller `height` (at most {height:.2f})",
                h - height,
                True,
            )
        return None
    x0, y0, x1, y1 = inner.bounds
    W, D = x1 - x0, y1 - y0
    excess = min(max(w - W, d - D), max(w - D, d - W))
    room_cells = f"{math.floor(W / cell + 1e-9)}x{math.floor(D / cell + 1e-9)} cells"
    if excess > TOLERANCE_M or w * d > inner.area + TOLERANCE_M * max(w, d):
        return (
            f"`{obj.id}` ({dims}) is too large for `{room.id}` (clear floor {W:.2f} x {D:.2f} m)",
            f"use a smaller `size` for `{obj.id}` (the clear floor is {room_cells})",
            excess if excess > 0 else None,
            True,
        )
    if h > room.height + TOLERANCE_M:
        return (
            f"`{obj.id}` ({h:.2f} m tall) is taller than `{room.id}` ({room.height:.2f} m)",
            f"use a smaller `height` for `{obj.id}` (at most {room.height:.2f})",
            h - room.height,
            False,
        )
    return None


def _wall_object_out(scene: Scene, obj: PlacedObject, room: Room) -> Diagnostic | None:
    wall = wall_of_object(scene, obj)
    if wall is None:
        return Diagnostic(
            code="out_of_room",
            severity="error",
            message=f"`{obj.id}` does not hang on any wall of `{room.id}`",
            span=obj.span,
            objects=[obj.id],
            hint=f"put `{obj.id}` in an `on north wall {{ ... }}` block (or another wall of `{room.id}`)",
        )
    t0, t1 = wall_face_extent(room, wall)
    ts = [along(wall, p) for p in obj.footprint().exterior.coords[:-1]]
    floor, top = room.floor_z, room.floor_z + min(room.height, wall.height)
    z0, z1 = obj.z_range
    past_start, past_end = t0 - min(ts), max(ts) - t1
    below, above = floor - z0, z1 - top
    depth = max(past_start, past_end, below, above)
    if depth <= TOLERANCE_M:
        return None
    moves = []
    if max(past_start, past_end) > TOLERANCE_M:
        sign = 1.0 if past_start > past_end else -1.0
        vec = (wall.direction[0] * sign, wall.direction[1] * sign)
        moves.append(move_phrase(scene, obj, vec, max(past_start, past_end)))
    if max(below, above) > TOLERANCE_M:
        vec = (0.0, 1.0) if below > above else (0.0, -1.0)
        moves.append(move_phrase(scene, obj, vec, max(below, above), vertical=True))
    return Diagnostic(
        code="out_of_room",
        severity="error",
        message=(
            f"`{obj.id}` runs off {wall_label(wall)} of `{room.id}` by {metres(depth)} "
            f"({cells(cells_for(depth, scene.cell))})"
        ),
        span=obj.span,
        objects=[obj.id],
        hint=compose_move(obj, moves),
        amount_m=round(depth, 4),
    )
