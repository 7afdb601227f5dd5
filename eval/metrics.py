"""Metrics: each scores one case and aggregates over a suite.

A metric is a class registered with ``@register_metric(name)``. ``score`` turns a
:class:`CaseContext` (the script, its parse, its compiled scene) into a typed score;
``missing`` is the score of a case with no scene (no script, an unparsable one, or a
generator that failed): zero on what is better high, one on what is better low, so such a
case is never skipped. ``summarise`` folds the scores of many cases into named figures,
by default the mean of each figure over all cases.

The physical metrics are computed here from the scene's geometry (not from the compiler's
own checks), following SceneEval's definitions:

- collision: two objects whose boxes still overlap after a 5 mm separation test (plan
  footprints shrunk by 2.5 mm each, heights overlapping by more than 5 mm); an object and
  what stands on it (its descendants) never collide, nor do ground covers (rugs, mats) that
  furniture stands on;
- out of bounds: less than 99% of an object's floor projection lies on its room's clear floor;
- unsupported: a floor object off the floor, an object on a parent whose centre does not
  project inside the parent's footprint or that floats above it, a wall object whose back is
  not on a wall, a ceiling object not touching the ceiling;
- navigability: the clear floor of every room plus door holes, minus what stands below
  1 m (ground covers excepted), rasterised at 5 cm and eroded by a 0.2 m robot radius;
  the largest 4-connected free area over all free area.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
import shapely
from pydantic import BaseModel, ConfigDict
from scipy import ndimage
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from compiler import CompileResult, PlacedObject, Scene
from spatialgrammar import ast
from spatialgrammar.diagnostics import Diagnostic

from .predicates import AGAINST_WALL_M, RequirementResult, SceneView, box_footprint, check_all, wall_faces
from .registry import METRICS, register_metric
from .suite import Case

COLLISION_TOLERANCE_M = 0.005
IN_BOUNDS_FRACTION = 0.99
SUPPORT_TOLERANCE_M = 0.01
ROBOT_RADIUS_M = 0.2
RASTER_M = 0.05
BLOCKING_BELOW_M = 1.0
"""Things whose bottom is lower than this above the floor block a walking robot."""


@dataclass
class CaseContext:
    """Everything known about one case after generation and compilation."""

    case: Case
    script: str | None
    program: ast.Program | None = None
    parse_diagnostics: list[Diagnostic] = field(default_factory=list)
    result: CompileResult | None = None
    view: SceneView | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def scene(self) -> Scene | None:
        return self.result.scene if self.result is not None else None


class Score(BaseModel):
    """A metric's score of one case: float fields are figures, the rest are details."""

    model_config = ConfigDict(extra="forbid")


class Metric:
    """Base class: ``figures`` are the float fields that ``summarise`` averages."""

    name: ClassVar[str]
    figures: ClassVar[tuple[str, ...]]

    def score(self, ctx: CaseContext) -> Score:
        raise NotImplementedError

    def missing(self, ctx: CaseContext) -> Score:
        raise NotImplementedError

    def summarise(self, scores: list[Score]) -> dict[str, float]:
        if not scores:
            return {k: 0.0 for k in self.figures}
        return {k: float(np.mean([getattr(s, k) for s in scores])) for k in self.figures}


def _metric(name: str):
    def decorate(cls):
        cls.name = name
        return register_metric(name)(cls)

    return decorate


# ---- parse and compile ---------------------------------------------------------------------------


class ParseScore(Score):
    parse_valid_rate: float
    errors: list[str] = []


@_metric("parse_valid")
class ParseValid(Metric):
    """1 if the script parses with no error, else 0 (also 0 with no script)."""

    figures = ("parse_valid_rate",)

    def score(self, ctx: CaseContext) -> ParseScore:
        errors = [d.render_short() for d in ctx.parse_diagnostics if d.severity == "error"]
        return ParseScore(parse_valid_rate=float(ctx.program is not None and not errors), errors=errors[:5])

    def missing(self, ctx: CaseContext) -> ParseScore:
        if ctx.script is None:
            return ParseScore(parse_valid_rate=0.0, errors=["no script"])
        return self.score(ctx)


class CompileScore(Score):
    clean_compile_rate: float
    error_codes: list[str] = []
    warnings: int = 0


@_metric("clean_compile")
class CleanCompile(Metric):
    """1 if the script compiles with no error diagnostic (warnings allowed), else 0."""

    figures = ("clean_compile_rate",)

    def score(self, ctx: CaseContext) -> CompileScore:
        diags = ctx.result.diagnostics if ctx.result is not None else []
        errors = [d.code for d in diags if d.severity == "error"]
        return CompileScore(clean_compile_rate=float(ctx.result is not None and ctx.result.ok),
                            error_codes=sorted(set(errors)), warnings=sum(d.severity == "warning" for d in diags))

    def missing(self, ctx: CaseContext) -> CompileScore:
        codes = sorted({d.code for d in ctx.parse_diagnostics if d.severity == "error"})
        return CompileScore(clean_compile_rate=0.0, error_codes=codes or ["no_script"])


# ---- requirements --------------------------------------------------------------------------------


class RequirementsScore(Score):
    drfr: float
    met: int
    total: int
    results: list[RequirementResult]


@_metric("requirements")
class Requirements(Metric):
    """DRFR: the fraction of atomic requirements met, pooled over all requirements."""

    figures = ("drfr",)

    def score(self, ctx: CaseContext) -> RequirementsScore:
        results = check_all(ctx.view, ctx.case.requirements)
        met = sum(r.met for r in results)
        return RequirementsScore(drfr=met / len(results) if results else 0.0, met=met, total=len(results),
                                 results=results)

    def missing(self, ctx: CaseContext) -> RequirementsScore:
        return self.score(CaseContext(case=ctx.case, script=ctx.script))

    def summarise(self, scores: list[RequirementsScore]) -> dict[str, float]:
        total = sum(s.total for s in scores)
        met = sum(s.met for s in scores)
        return {"drfr": met / total if total else 0.0, "requirements_met": float(met),
                "requirements_total": float(total)}


# ---- collision -----------------------------------------------------------------------------------


def footprint(o: PlacedObject) -> Polygon:
    """An object's plan rectangle, from its pose (the benchmark's own geometry)."""
    return box_footprint(o.position[:2], o.size[0], o.size[1], o.yaw_deg)


def clear_floor(scene: Scene, room) -> Polygon:
    """A room's clear floor: its wall centre-line polygon shrunk by half a wall thickness."""
    t = room.walls[0].thickness if room.walls else scene.wall_thickness
    return Polygon(room.polygon).buffer(-t / 2, join_style="mitre")


def _ancestors(scene: Scene) -> dict[str, set[str]]:
    parent = {o.id: o.parent for o in scene.objects}
    out: dict[str, set[str]] = {}
    for oid in parent:
        seen, p = set(), parent[oid]
        while p is not None and p not in seen:
            seen.add(p)
            p = parent.get(p)
        out[oid] = seen
    return out


def collision_pairs(scene: Scene, tolerance: float = COLLISION_TOLERANCE_M) -> list[tuple[str, str]]:
    """Pairs of object ids whose boxes overlap by more than ``tolerance`` in plan and height."""
    objects = list(scene.objects)
    if len(objects) < 2:
        return []
    shrunk = [footprint(o).buffer(-tolerance / 2, join_style="mitre") for o in objects]
    tree = shapely.STRtree(shrunk)
    ancestors = _ancestors(scene)
    left, right = tree.query(shrunk, predicate="intersects")
    pairs = []
    for i, j in zip(left.tolist(), right.tolist()):
        if i >= j:
            continue
        a, b = objects[i], objects[j]
        if a.id in ancestors[b.id] or b.id in ancestors[a.id] or a.ground or b.ground:
            continue
        (a0, a1), (b0, b1) = a.z_range, b.z_range
        if min(a1, b1) - max(a0, b0) <= tolerance:
            continue
        if shrunk[i].intersection(shrunk[j]).area <= 1e-9:
            continue
        pairs.append((a.id, b.id))
    return sorted(pairs)


class CollisionScore(Score):
    collision_rate_object: float
    collision_rate_scene: float
    pairs: list[tuple[str, str]] = []


@_metric("collision")
class Collision(Metric):
    """Per object: the share of objects in a collision; per scene: 1 if any collision."""

    figures = ("collision_rate_object", "collision_rate_scene")

    def score(self, ctx: CaseContext) -> CollisionScore:
        scene = ctx.scene
        pairs = collision_pairs(scene)
        hit = {i for p in pairs for i in p}
        n = len(scene.objects)
        return CollisionScore(collision_rate_object=len(hit) / n if n else 0.0,
                              collision_rate_scene=float(bool(pairs)), pairs=pairs)

    def missing(self, ctx: CaseContext) -> CollisionScore:
        return CollisionScore(collision_rate_object=1.0, collision_rate_scene=1.0)


# ---- bounds and support --------------------------------------------------------------------------


def out_of_bounds(scene: Scene, fraction: float = IN_BOUNDS_FRACTION) -> list[str]:
    """Objects whose floor projection lies less than ``fraction`` on their room's clear floor."""
    out = []
    floors: dict[str, Polygon | None] = {}
    for o in scene.objects:
        if o.room not in floors:
            room = scene.room(o.room)
            floors[o.room] = clear_floor(scene, room) if room is not None else None
        floor = floors[o.room]
        fp = footprint(o)
        if floor is None:
            out.append(o.id)
        elif fp.area <= 1e-12:
            if not floor.buffer(1e-9).contains(Point(o.position[:2])):
                out.append(o.id)
        elif fp.intersection(floor).area / fp.area < fraction:
            out.append(o.id)
    return out


class BoundsScore(Score):
    out_of_bounds_rate: float
    objects: list[str] = []


@_metric("out_of_bounds")
class OutOfBounds(Metric):
    """The share of objects whose floor projection leaves their room (under 99% inside)."""

    figures = ("out_of_bounds_rate",)

    def score(self, ctx: CaseContext) -> BoundsScore:
        scene = ctx.scene
        bad = out_of_bounds(scene)
        n = len(scene.objects)
        return BoundsScore(out_of_bounds_rate=len(bad) / n if n else 0.0, objects=bad)

    def missing(self, ctx: CaseContext) -> BoundsScore:
        return BoundsScore(out_of_bounds_rate=1.0)


def unsupported(scene: Scene, tol: float = SUPPORT_TOLERANCE_M) -> list[str]:
    """Objects that nothing holds up (see the module doc for the rule per surface)."""
    bad = []
    faces = None
    for o in scene.objects:
        room = scene.room(o.room)
        floor_z = room.floor_z if room else 0.0
        z0, z1 = o.z_range
        ok = False
        if o.parent is not None:
            p = scene.object(o.parent)
            if p is not None:
                (p0, p1) = p.z_range
                ok = (footprint(p).buffer(1e-6).contains(Point(o.position[:2]))
                      and p0 - tol <= z0 <= p1 + tol)
        elif o.surface == "floor":
            ok = abs(z0 - floor_z) <= tol
        elif o.surface == "wall" and room is not None:
            if faces is None:
                faces = wall_faces(scene)
            corners = [Point(c) for c in _back_corners(o)]
            on_wall = any(max(f.line.distance(c) for c in corners) <= AGAINST_WALL_M + 1e-6
                          for f in faces if f.room == o.room)
            ok = on_wall and z0 >= floor_z - tol and z1 <= floor_z + room.height + tol
        elif o.surface == "ceiling" and room is not None:
            ok = abs(z1 - (floor_z + room.height)) <= tol
        if not ok:
            bad.append(o.id)
    return bad


def _back_corners(o: PlacedObject) -> list[tuple[float, float]]:
    fp = footprint(o)
    # box_footprint lists (-w,-d), (+w,-d), (+w,+d), (-w,+d): the first two are the back.
    coords = list(fp.exterior.coords)
    return [coords[0], coords[1]]


class SupportScore(Score):
    unsupported_rate: float
    objects: list[str] = []


@_metric("unsupported")
class Unsupported(Metric):
    """The share of objects not held up by the floor, their parent, a wall or the ceiling."""

    figures = ("unsupported_rate",)

    def score(self, ctx: CaseContext) -> SupportScore:
        scene = ctx.scene
        bad = unsupported(scene)
        n = len(scene.objects)
        return SupportScore(unsupported_rate=len(bad) / n if n else 0.0, objects=bad)

    def missing(self, ctx: CaseContext) -> SupportScore:
        return SupportScore(unsupported_rate=1.0)


# ---- navigability --------------------------------------------------------------------------------


def free_floor(scene: Scene) -> tuple[Polygon, Polygon]:
    """(walkable floor: clear floors plus door holes, what blocks a robot on it)."""
    floors = [clear_floor(scene, r) for r in scene.rooms]
    holes = []
    for op in scene.openings:
        if op.kind == "door" and op.sill < BLOCKING_BELOW_M:
            holes.append(box_footprint(op.position[:2], op.width, op.thickness + 2 * RASTER_M, op.yaw_deg))
    walkable = unary_union(floors + holes)
    blockers = []
    for o in scene.objects:
        room = scene.room(o.room)
        floor_z = room.floor_z if room else 0.0
        if o.position[2] - floor_z < BLOCKING_BELOW_M and not o.ground:
            blockers.append(footprint(o))
    return walkable, unary_union(blockers) if blockers else Polygon()


def navigability(scene: Scene, radius: float = ROBOT_RADIUS_M, resolution: float = RASTER_M) -> float:
    """Largest 4-connected area of the eroded free floor over all of it (0 with no free floor)."""
    if not scene.rooms:
        return 0.0
    walkable, blocked = free_floor(scene)
    if walkable.is_empty:
        return 0.0
    x0, y0, x1, y1 = walkable.bounds
    nx, ny = int(math.ceil((x1 - x0) / resolution)), int(math.ceil((y1 - y0) / resolution))
    xs = x0 + (np.arange(nx) + 0.5) * resolution
    ys = y0 + (np.arange(ny) + 0.5) * resolution
    gx, gy = np.meshgrid(xs, ys)
    free = shapely.contains_xy(walkable, gx, gy)
    if not blocked.is_empty:
        free &= ~shapely.intersects_xy(blocked, gx, gy)
    r = int(round(radius / resolution))
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
    disk = (xx * xx + yy * yy) <= r * r
    eroded = ndimage.binary_erosion(free, structure=disk, border_value=0)
    total = int(eroded.sum())
    if total == 0:
        return 0.0
    labels, count = ndimage.label(eroded)
    largest = int(np.bincount(labels.ravel())[1:].max()) if count else 0
    return largest / total


class NavScore(Score):
    navigability: float


@_metric("navigability")
class Navigability(Metric):
    """Largest connected free floor (eroded by a 0.2 m robot radius) over all free floor."""

    figures = ("navigability",)

    def score(self, ctx: CaseContext) -> NavScore:
        return NavScore(navigability=round(navigability(ctx.scene), 6))

    def missing(self, ctx: CaseContext) -> NavScore:
        return NavScore(navigability=0.0)


# ---- size ----------------------------------------------------------------------------------------


class ObjectsScore(Score):
    objects_per_scene: float


@_metric("objects")
class Objects(Metric):
    """How many objects the scene has (doors and windows not counted)."""

    figures = ("objects_per_scene",)

    def score(self, ctx: CaseContext) -> ObjectsScore:
        return ObjectsScore(objects_per_scene=float(len(ctx.scene.objects)))

    def missing(self, ctx: CaseContext) -> ObjectsScore:
        return ObjectsScore(objects_per_scene=0.0)


def known_metrics() -> list[str]:
    return METRICS.names()


def all_metrics() -> list[Metric]:
    """One instance of every registered metric, in name order."""
    return [cls() for _, cls in METRICS.items()]


def score_case(ctx: CaseContext, metrics: list[Metric]) -> dict[str, Score]:
    """Every metric's score of one case; with no scene, each metric's ``missing`` score.
    A metric that fails on a scene gives its ``missing`` score and notes why in ``ctx.errors``."""
    if ctx.scene is None:
        return {m.name: m.missing(ctx) for m in metrics}
    scores = {}
    for m in metrics:
        try:
            scores[m.name] = m.score(ctx)
        except Exception as err:  # noqa: BLE001 - one odd scene must not stop a benchmark run
            ctx.errors.append(f"metric `{m.name}` failed: {type(err).__name__}: {err}")
            scores[m.name] = m.missing(ctx)
    return scores


__all__ = [
    "CaseContext", "Metric", "Score", "all_metrics", "clear_floor", "collision_pairs", "footprint", "known_metrics",
    "navigability", "out_of_bounds", "score_case", "unsupported",
]
