"""``sgram fix``: move or turn offending objects to the nearest valid grid points.

A deterministic search with minimal displacement: for one offending object at a time,
candidate grid points are tried ring by ring around where it stands (and its four
turns), cheapest first; the first one that leaves that object free of geometric errors
wins. Things standing on it move with it; objects placed relative to it keep their
current poses (they are written out as ``at``); a group member is split out of its group.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from shapely.strtree import STRtree

from assets import Catalog, load_catalog
from spatialgrammar import ast
from spatialgrammar.diagnostics import Diagnostic, has_errors
from spatialgrammar.edits import apply_edits

from .checks import run_checks
from .compile import build_scene
from .place import compass_word
from .scene import PlacedObject, Scene, front_vector, right_vector

PLACEMENT = ["collision", "door_blocked", "out_of_room", "unsupported"]
PHASES = [PLACEMENT, ["unreachable"]]  # overlaps first: moving them often frees paths
GEOMETRIC = PLACEMENT + ["unreachable"]
TOLERANCE = 0.005
TURN_COST = 3.0  # cells of displacement a quarter turn is worth
NEIGHBOURHOOD = 2.0  # metres around a candidate whose objects the local checks look at
REACH_TRIALS = 60  # full-scene reachability checks tried per object before giving up


@dataclass
class Change:
    """One object moved and/or turned by the repair."""

    object: str
    from_cell: tuple[float, float]
    to_cell: tuple[int, int]
    from_facing: str
    to_facing: str
    distance_m: float
    renamed_to: str | None = None

    def describe(self) -> str:
        if self.renamed_to:
            return f"renamed the second `{self.object}` to `{self.renamed_to}` (ids must be unique)"
        turn = "" if self.from_facing == self.to_facing else f", now facing {self.to_facing}"
        return (f"moved `{self.object}` from {self.from_cell[0]:g},{self.from_cell[1]:g} to "
                f"{self.to_cell[0]},{self.to_cell[1]} ({self.distance_m:.2f} m{turn})")


@dataclass
class RepairResult:
    """The repaired program, what changed, and what is still wrong."""

    program: ast.Program
    changes: list[Change] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not has_errors(self.diagnostics)


def _frame_of(obj: PlacedObject, scene: Scene) -> tuple[tuple[float, float], float] | None:
    """(origin, yaw) of the local grid the object's ``at`` is written in; None for walls."""
    if obj.surface in ("floor", "ceiling"):
        return scene.room(obj.room).origin, 0.0
    if obj.surface in ("top", "shelf") and (parent := scene.object(obj.parent)):
        (cx, cy), (rx, ry), (fx, fy) = parent.position[:2], right_vector(parent.yaw_deg), front_vector(parent.yaw_deg)
        w, d = parent.size[0], parent.size[1]
        return (cx - rx * w / 2 - fx * d / 2, cy - ry * w / 2 - fy * d / 2), parent.yaw_deg
    return None


def _subtree(scene: Scene, root: str) -> list[PlacedObject]:
    out, todo = [], [root]
    while todo:
        current = todo.pop()
        for child in scene.children(current):
            out.append(child)
            todo.append(child.id)
    return out


def _moved(obj: PlacedObject, centre: tuple[float, float], yaw: float) -> PlacedObject:
    return obj.model_copy(update={"position": (round(centre[0], 9), round(centre[1], 9), obj.position[2]),
                                  "yaw_deg": yaw % 360.0, "facing": compass_word(yaw)})


def _carry(child: PlacedObject, pivot: PlacedObject, new: PlacedObject) -> PlacedObject:
    """Move a child rigidly with its parent from ``pivot``'s pose to ``new``'s."""
    turn = math.radians(new.yaw_deg - pivot.yaw_deg)
    dx, dy = child.position[0] - pivot.position[0], child.position[1] - pivot.position[1]
    x = new.position[0] + dx * math.cos(turn) - dy * math.sin(turn)
    y = new.position[1] + dx * math.sin(turn) + dy * math.cos(turn)
    return _moved(child, (x, y), child.yaw_deg + math.degrees(turn))


class Repairer:
    """Holds the program being repaired and finds a new pose for one object at a time."""

    def __init__(self, program: ast.Program, catalog: Catalog, radius: int):
        self.program, self.catalog, self.radius = program, catalog, radius

    def compile(self) -> tuple[Scene, list[Diagnostic]]:
        scene, diagnostics = build_scene(self.program, self.catalog)
        return scene, diagnostics + run_checks(scene)

    def movers(self, scene: Scene, d: Diagnostic) -> list[str]:
        """Who may move to clear ``d``: for overlaps the later-declared object first; for an
        unreachable object, itself first, then the object blocking its front."""
        objects = [scene.object(i) for i in d.objects if scene.object(i)]
        movable = [o for o in objects if _frame_of(o, scene) is not None]
        if d.code != "unreachable":
            movable.sort(key=lambda o: (o.span.line if o.span else 0, o.id), reverse=True)
        return [o.id for o in movable]

    def candidates(self, obj: PlacedObject, scene: Scene):
        (ox, oy), frame_yaw = _frame_of(obj, scene)
        cell = scene.cell
        sx, sy = round(obj.cell[0]), round(obj.cell[1])
        local_yaw = (obj.yaw_deg - frame_yaw) % 360.0
        # No use looking further than the area the object stands in.
        area = scene.object(obj.parent).size if obj.parent else scene.room(obj.room).inner().bounds
        span = max(area[0], area[1]) if obj.parent else max(area[2] - area[0], area[3] - area[1])
        radius = min(self.radius, math.ceil(span / cell))
        options = []
        for dx in range(-radius, radius + 1):
            for dy in range(-radius, radius + 1):
                for turns in range(4):
                    cost = math.hypot(sx + dx - obj.cell[0], sy + dy - obj.cell[1]) + TURN_COST * min(turns, 4 - turns)
                    options.append((round(cost, 9), turns, dx, dy))
        options.sort()
        (ax, ay), (bx, by) = right_vector(frame_yaw), front_vector(frame_yaw)
        for _, turns, dx, dy in options:
            u, v = (sx + dx) * cell, (sy + dy) * cell
            centre = (ox + u * ax + v * bx, oy + u * ay + v * by)
            yield (sx + dx, sy + dy), (local_yaw + 90.0 * turns) % 360.0, _moved(obj, centre, obj.yaw_deg + 90.0 * turns)

    def quick_ok(self, moved: PlacedObject, scene: Scene, others: list[PlacedObject], tree: STRtree) -> bool:
        """Cheap filter before the real checks: inside its area and no plain overlap."""
        shape = moved.footprint()
        if moved.surface in ("floor", "ceiling"):
            if shape.difference(scene.room(moved.room).inner()).area > TOLERANCE * shape.length:
                return False
        else:
            parent = scene.object(moved.parent)
            if shape.difference(parent.footprint()).area > TOLERANCE * shape.length:
                return False
        z0, z1 = moved.z_range
        for index in tree.query(shape):
            other = others[index]
            if other.ground or moved.ground:
                continue
            o0, o1 = other.z_range
            if min(z1, o1) - max(z0, o0) <= TOLERANCE:
                continue
            overlap = shape.intersection(other.footprint())
            if overlap.area > 0 and min(_sides(overlap)) > TOLERANCE:
                return False
        return True

    def find(self, object_id: str, scene: Scene, codes: list[str],
             watch: set[str]) -> tuple[tuple[int, int], float, PlacedObject] | None:
        """The cheapest candidate pose of ``object_id`` after which no error of the placement
        codes or ``codes`` names any object in ``watch``."""
        obj = scene.object(object_id)
        moving = {object_id} | {c.id for c in _subtree(scene, object_id)}
        ancestors = set()
        parent = obj.parent
        while parent:
            ancestors.add(parent)
            parent = scene.object(parent).parent if scene.object(parent) else None
        others = [o for o in scene.objects if o.id not in moving and o.id not in ancestors
                  and o.surface not in ("wall",)]
        tree = STRtree([o.footprint() for o in others])
        subtree = _subtree(scene, object_id)
        keep = [o for o in scene.objects if o.id not in moving]
        keep_tree = STRtree([o.footprint() for o in keep])
        reach_trials = REACH_TRIALS
        for cell, local_yaw, moved in self.candidates(obj, scene):
            if not self.quick_ok(moved, scene, others, tree):
                continue
            carried = [_carry(c, obj, moved) for c in subtree]
            if "unreachable" in codes:
                if reach_trials == 0:
                    return None
                reach_trials -= 1
                nearby = keep
            else:
                area = moved.footprint().buffer(NEIGHBOURHOOD)
                nearby = [keep[i] for i in sorted(keep_tree.query(area))]
                nearby += [o for o in keep if o.id in ancestors and o not in nearby]
            trial = scene.model_copy(update={"objects": nearby + [moved] + carried})
            problems = [d for d in run_checks(trial, only=sorted(set(PLACEMENT) | set(codes)))
                        if d.severity == "error" and watch & set(d.objects)]
            if not problems:
                return cell, local_yaw, moved
        return None


def _sides(shape) -> tuple[float, float]:
    rect = shape.minimum_rotated_rectangle
    coords = list(rect.exterior.coords) if hasattr(rect, "exterior") else [(0, 0), (0, 0), (0, 0)]
    return (math.dist(coords[0], coords[1]), math.dist(coords[1], coords[2]))


def _facing(local_yaw: float) -> ast.Facing:
    yaw = round(local_yaw, 6) % 360.0
    word = compass_word(yaw)
    return ast.Facing(direction=word) if word in ("north", "east", "south", "west") else ast.Facing(angle=yaw)


def _bodies(program: ast.Program):
    """Every statement list of the (edit-free) program, rooms and `on` blocks."""
    todo = [s.body for s in program.statements if isinstance(s, ast.Room)]
    while todo:
        body = todo.pop(0)
        yield body
        todo.extend(s.body for s in body if isinstance(s, ast.OnBlock))


def _pose_clauses(member: PlacedObject, scene: Scene, old: ast.Clauses,
                  cell: tuple[int, int] | None = None, local_yaw: float | None = None) -> ast.Clauses:
    """``at X,Y facing F`` for a member's current pose (or the given one), keeping size overrides."""
    if cell is None:
        cell = (round(member.cell[0]), round(member.cell[1]))
        frame = _frame_of(member, scene)
        local_yaw = None if frame is None else member.yaw_deg - frame[1]
    facing = None if local_yaw is None else _facing(local_yaw)
    return ast.Clauses(placement=ast.At(x=cell[0], y=cell[1]), facing=facing, size=old.size, height=old.height)


def _pin(program: ast.Program, scene: Scene, object_id: str,
         cell: tuple[int, int] | None = None, local_yaw: float | None = None) -> None:
    """Rewrite a declaration as ``at X,Y facing F``; a group becomes one line per member."""
    for body in _bodies(program):
        for index, stmt in enumerate(body):
            if isinstance(stmt, ast.ObjectDecl) and stmt.id == object_id:
                obj = scene.object(object_id)
                clauses = _pose_clauses(obj, scene, stmt.clauses, cell, local_yaw)
                body[index] = stmt.model_copy(update={"clauses": clauses})
                return
            if isinstance(stmt, ast.GroupDecl) and stmt.id == object_id:
                members = [o for o in scene.objects if o.group == stmt.id]
                body[index:index + 1] = [
                    ast.ObjectDecl(id=m.id, category=stmt.category, description=stmt.description,
                                   clauses=_pose_clauses(m, scene, stmt.clauses),
                                   comments=stmt.comments if i == 0 else [])
                    for i, m in enumerate(members)]
                return


def _dependants(program: ast.Program, object_id: str) -> list[str]:
    """Ids of declarations whose placement, alignment or facing names ``object_id``."""
    found = set()
    for body in _bodies(program):
        for stmt in body:
            if isinstance(stmt, (ast.ObjectDecl, ast.GroupDecl)):
                c = stmt.clauses
                refs = [c.aligned_with, c.facing.target if c.facing else None,
                        getattr(c.placement, "target", None)]
                if any(r is not None and r.name == object_id for r in refs):
                    found.add(stmt.id)
    return sorted(found)


def _rename_duplicates(program: ast.Program) -> list[Change]:
    """Give a fresh id to every later room, opening or object whose id its own kind already
    uses (group members count); references keep meaning the first one."""
    declarations = [s for s in program.statements if isinstance(s, ast.Room)]
    for body in _bodies(program):
        declarations += [s for s in body if isinstance(s, (ast.Opening, ast.ObjectDecl, ast.GroupDecl))]
    namespace = {"door": "opening", "window": "opening", "group": "object"}  # which ids may not meet
    spaces: dict[str, set[str]] = {"room": set(), "opening": set(), "object": set()}
    later = []
    for stmt in declarations:
        space = spaces[namespace.get(stmt.kind, stmt.kind)]
        if stmt.id in space:
            later.append((stmt, space))
        space.add(stmt.id)
        if isinstance(stmt, ast.GroupDecl):
            space.update(f"{stmt.id}_{i}" for i in range(1, stmt.count + 1))
    changes = []
    for stmt, space in later:
        n = 2
        while f"{stmt.id}_{n}" in space:
            n += 1
        new = f"{stmt.id}_{n}"
        space.add(new)
        changes.append(Change(object=stmt.id, from_cell=(0.0, 0.0), to_cell=(0, 0), from_facing="", to_facing="",
                              distance_m=0.0, renamed_to=new))
        stmt.id = new
    return changes


def repair(program: ast.Program, catalog: Catalog | None = None, radius: int = 25,
           max_moves: int | None = None) -> RepairResult:
    """Fix geometric errors by minimal moves; the edits of the script are applied first."""
    catalog = catalog or load_catalog()
    edited, _ = apply_edits(program)
    changes = _rename_duplicates(edited)
    fixer = Repairer(edited, catalog, radius)
    scene, diagnostics = fixer.compile()
    budget = max_moves if max_moves is not None else 3 * len(scene.objects) + 10
    for codes in PHASES:
        stuck: set[tuple] = set()
        while budget > 0:
            d = next((d for d in diagnostics if d.severity == "error" and d.code in codes
                      and (d.code, tuple(d.objects)) not in stuck and fixer.movers(scene, d)), None)
            if d is None:
                break
            budget -= 1
            victim = {d.objects[0]} if d.code == "unreachable" else set()
            for object_id in fixer.movers(scene, d):
                if (found := fixer.find(object_id, scene, codes, {object_id} | victim)) is not None:
                    break
            else:
                stuck.add((d.code, tuple(d.objects)))
                continue
            cell, local_yaw, moved = found
            obj = scene.object(object_id)
            for dependant in _dependants(edited, object_id) + ([obj.group] if obj.group else []):
                _pin(edited, scene, dependant)
            _pin(edited, scene, object_id, cell, local_yaw)
            changes.append(Change(object=object_id, from_cell=obj.cell, to_cell=cell, from_facing=obj.facing,
                                  to_facing=moved.facing,
                                  distance_m=round(math.dist(obj.position[:2], moved.position[:2]), 3)))
            scene, diagnostics = fixer.compile()
    return RepairResult(program=edited, changes=changes, diagnostics=diagnostics)
