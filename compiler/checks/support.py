"""``unsupported`` (error): an object on a parent's top or shelf must rest on it.

What: for every object whose surface is ``top`` or ``shelf``, its footprint may not
overhang its parent's footprint by more than 5 mm, and its centre must project inside
the parent's footprint. The amount is the overhang (how far the farthest corner sticks
out); the hint is the whole-cell move back onto the parent, worded in the parent's own
frame (the grid of the ``on PARENT { ... }`` block): ``move `lamp` 1 cell toward the
left of `desk` (it overhangs `desk` by 0.04 m)``.

Why: the brief's support metric (a non-floor object's centre projects inside its
supporter's contact surface), made strict so nothing hangs off an edge.

A child taller than the gap up to the next shelf shows up as a ``collision`` with the
objects on the shelf above (or with the parent's own box), so it is not repeated here.
"""

from __future__ import annotations

from typing import Iterator

from shapely.geometry import Point

from spatialgrammar.diagnostics import Diagnostic

from ..scene import Scene
from ._common import TOLERANCE_M, cells, cells_for, metres, overhang, push_hint
from .registry import register_check


@register_check("unsupported")
def check_unsupported(scene: Scene) -> Iterator[Diagnostic]:
    """Children on a top or shelf that overhang their parent or whose centre is off it."""
    for obj in scene.objects:
        if obj.surface not in ("top", "shelf"):
            continue
        parent = scene.object(obj.parent) if obj.parent else None
        if parent is None:
            yield Diagnostic(
                code="unsupported",
                severity="error",
                message=f"`{obj.id}` stands on `{obj.parent}`, which is not in the scene"
                if obj.parent else f"`{obj.id}` has nothing to stand on",
                span=obj.span,
                objects=[obj.id],
                hint=f"put `{obj.id}` in an `on PARENT {{ ... }}` block of an existing object, or on the floor",
            )
            continue
        base = parent.footprint()
        shape = obj.footprint()
        depth, move = overhang(base, shape)
        centre_off = base.distance(Point(obj.position[:2])) > 1e-9
        if depth <= TOLERANCE_M and not centre_off:
            continue
        where = "its shelf" if obj.surface == "shelf" else "its top"
        n = cells_for(depth, scene.cell)
        if centre_off:
            message = f"`{obj.id}` is off `{parent.id}`: its centre is outside {where} (overhang {metres(depth)})"
        else:
            message = f"`{obj.id}` overhangs `{parent.id}` by {metres(depth)} ({cells(n)})"
        fallback = f"move `{obj.id}` back onto `{parent.id}`"
        hint = f"{push_hint(scene, obj, move, fallback)}; it overhangs `{parent.id}` by {metres(depth)}"
        yield Diagnostic(
            code="unsupported",
            severity="error",
            message=message,
            span=obj.span,
            objects=[obj.id, parent.id],
            hint=hint,
            amount_m=round(depth, 4),
        )
