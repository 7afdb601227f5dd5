"""``collision`` (error): two objects' boxes overlap in 3D.

What: each object is a box, its oriented footprint extruded over its ``z_range``. Two
boxes collide when they overlap by more than 5 mm in plan *and* by more than 5 mm in
height, so flush contact (a chair touching a table, a book standing on a shelf) is not
a collision.

Not collisions: an object and any of its ancestors (a lamp rests on the desk, books
stand in the bookcase), pairs where either object is ``ground`` (rugs and mats lie under
furniture), and objects in neighbouring rooms whose footprints merely touch.

Why: the compiled scene must be physically valid; interpenetrating meshes are the most
common failure of LLM-written layouts.

Each colliding pair is reported once, on the later-declared object (the one the hint
moves): ``move `b` 2 cells east`` is the smallest whole-cell move that separates it.
Candidate pairs come from a shapely STRtree, so thousands of objects stay fast.
"""

from __future__ import annotations

from typing import Iterator

import numpy as np
import shapely
from shapely import STRtree

from spatialgrammar.diagnostics import Diagnostic

from ..scene import Scene
from ._common import (
    TOLERANCE_M,
    best_escape,
    cells,
    cells_for,
    declared_after,
    dot,
    footprints as footprints_of,
    is_axis_aligned,
    local_axes,
    metres,
    move_hint,
    separation,
)
from .registry import register_check


@register_check("collision")
def check_collision(scene: Scene) -> Iterator[Diagnostic]:
    """Report every pair of objects whose boxes overlap by more than 5 mm in plan and height."""
    solid = [o for o in scene.objects if not o.ground]
    if len(solid) < 2:
        return
    footprints = footprints_of(solid)
    tree = STRtree(footprints)
    first, second = tree.query(footprints, predicate="intersects")
    keep = first < second
    first, second = first[keep], second[keep]
    # cheap vectorised filters first: height overlap, then plan overlap of axis-aligned pairs
    z = np.array([o.z_range for o in solid], dtype=float)
    z_overlap = np.minimum(z[first, 1], z[second, 1]) - np.maximum(z[first, 0], z[second, 0])
    bounds = shapely.bounds(np.asarray(footprints, dtype=object))
    aligned = np.array([is_axis_aligned(o.yaw_deg) for o in solid], dtype=bool)
    ba, bb = bounds[first], bounds[second]
    plan = np.minimum(
        np.minimum(ba[:, 2], bb[:, 2]) - np.maximum(ba[:, 0], bb[:, 0]),
        np.minimum(ba[:, 3], bb[:, 3]) - np.maximum(ba[:, 1], bb[:, 1]),
    )
    both_aligned = aligned[first] & aligned[second]
    candidate = (z_overlap > TOLERANCE_M) & (~both_aligned | (plan > TOLERANCE_M))
    ancestors = ancestor_sets(scene)
    for i, j in sorted(zip(first[candidate].tolist(), second[candidate].tolist())):
        a, b = solid[i], solid[j]
        if a.id in ancestors[b.id] or b.id in ancestors[a.id]:
            continue
        fixed, mover = (a, b) if declared_after(b, a) else (b, a)
        fp_fixed, fp_mover = (footprints[i], footprints[j]) if fixed is a else (footprints[j], footprints[i])
        depth, direction = separation(fp_fixed, fp_mover, bool(aligned[i] and aligned[j]))
        if depth <= TOLERANCE_M:
            continue
        amount, hint = _best_move(scene, fixed, mover, fp_fixed, fp_mover, depth, direction)
        yield Diagnostic(
            code="collision",
            severity="error",
            message=(
                f"`{mover.id}` collides with `{fixed.id}` "
                f"(overlap {metres(amount)}, {cells(cells_for(amount, scene.cell))})"
            ),
            span=mover.span,
            objects=[mover.id, fixed.id],
            hint=hint,
            amount_m=round(amount, 4),
        )


def _best_move(scene, fixed, mover, fp_fixed, fp_mover, depth, direction) -> tuple[float, str]:
    """Smallest move of ``mover``; wall-mounted objects slide along their wall or up/down."""
    if mover.surface != "wall":
        aligned = is_axis_aligned(fixed.yaw_deg) and is_axis_aligned(mover.yaw_deg)
        distance, vec = best_escape(scene, mover, fp_fixed, fp_mover, direction, aligned)
        return depth, move_hint(scene, mover, vec, distance)
    axis, _, _ = local_axes(scene, mover)
    lo_f, hi_f = _project(fp_fixed, axis)
    lo_m, hi_m = _project(fp_mover, axis)
    options = [
        (hi_f - lo_m, (axis[0], axis[1]), False),
        (hi_m - lo_f, (-axis[0], -axis[1]), False),
        (fixed.z_range[1] - mover.z_range[0], (0.0, 1.0), True),
        (mover.z_range[1] - fixed.z_range[0], (0.0, -1.0), True),
    ]
    amount, vec, vertical = min(options, key=lambda o: o[0])
    if vertical:
        return amount, move_hint(scene, mover, vec, amount, vertical=True)
    return amount, move_hint(scene, mover, vec, amount)


def _project(poly, axis) -> tuple[float, float]:
    values = [dot(p, axis) for p in poly.exterior.coords]
    return min(values), max(values)


def ancestor_sets(scene: Scene) -> dict[str, frozenset[str]]:
    """For each object id, the ids of everything it rests on (parent, grandparent, ...)."""
    parent = {o.id: o.parent for o in scene.objects}
    result: dict[str, frozenset[str]] = {}
    for obj in scene.objects:
        chain: list[str] = []
        seen = {obj.id}
        current = parent.get(obj.id)
        while current is not None and current not in seen:
            chain.append(current)
            seen.add(current)
            current = parent.get(current)
        result[obj.id] = frozenset(chain)
    return result
