"""Objects: declarations -> exact poses, in dependency order, on floors, surfaces, walls, ceilings."""

from __future__ import annotations

import difflib
import heapq
import math
from dataclasses import dataclass, field

from shapely.geometry import Point, Polygon

from assets import Catalog, Category
from spatialgrammar import ast
from spatialgrammar.diagnostics import Diagnostic

from .frames import Frame, room_frame, surface_frame, wall_frame
from .motifs import around_poses, grid_poses
from .rooms import YAW_OF_SIDE, find_wall, unknown_wall
from .scene import PlacedObject, Room, Vec2, front_vector, right_vector, yaw_of

DIAGONAL_YAW = {"northwest": 45.0, "southwest": 135.0, "southeast": 225.0, "northeast": 315.0}
FALLBACK_SIZE = (0.5, 0.5, 0.5)
WALL_MOUNT_CENTRE = 1.5  # metres: default centre height of wall-mounted things
COMPASS = {0.0: "north", 90.0: "west", 180.0: "south", 270.0: "east"}


@dataclass
class Where:
    """Where a declaration lives before its frame exists: a room area, wall, ceiling or surface."""

    room: Room
    kind: str  # floor | ceiling | wall | top | shelf
    wall: ast.WallRef | None = None
    parent: ast.Ref | None = None
    level: int | None = None


@dataclass(order=True)
class Pending:
    order: int
    decl: ast.ObjectDecl | ast.GroupDecl = field(compare=False)
    where: Where = field(compare=False)
    deps: set[str] = field(compare=False, default_factory=set)


@dataclass
class Pose:
    centre: Vec2
    yaw: float
    z: float
    local: Vec2


def _refs(decl: ast.ObjectDecl | ast.GroupDecl) -> list[ast.Ref]:
    c = decl.clauses
    refs = [c.aligned_with, c.facing.target if c.facing else None]
    if isinstance(c.placement, (ast.Relative, ast.Around)):
        refs.append(c.placement.target)
    return [r for r in refs if r is not None]


def _extents(w: float, d: float, yaw_local: float) -> tuple[float, float]:
    a = math.radians(yaw_local)
    return (abs(w * math.cos(a)) + abs(d * math.sin(a)), abs(w * math.sin(a)) + abs(d * math.cos(a)))


def compass_word(yaw: float) -> str:
    """`north`/`west`/`south`/`east` for cardinal yaws, else the angle in degrees."""
    yaw = round(yaw, 6) % 360.0
    return COMPASS.get(yaw, f"{yaw:g}")


class Placer:
    """Places every object of a program; collects diagnostics instead of raising."""

    def __init__(self, rooms: dict[str, Room], cell: float, catalog: Catalog):
        self.rooms, self.cell, self.catalog = rooms, cell, catalog
        self.placed: dict[str, PlacedObject] = {}
        self.diagnostics: list[Diagnostic] = []
        self.producer: dict[str, int] = {}  # object id -> order of the pending that makes it
        self.inners: dict[str, Polygon] = {}  # room id -> clear floor, computed once

    # ---- collection ---------------------------------------------------------------------

    def collect(self, room_stmts: list[ast.Room]) -> list[Pending]:
        pendings: list[Pending] = []

        def walk(body: list, where: Where, outer: set[str]) -> None:
            for stmt in body:
                if isinstance(stmt, (ast.ObjectDecl, ast.GroupDecl)):
                    p = Pending(len(pendings), stmt, where, set(outer) | {r.name for r in _refs(stmt)})
                    pendings.append(p)
                    ids = [stmt.id] if isinstance(stmt, ast.ObjectDecl) else [
                        f"{stmt.id}_{i}" for i in range(1, stmt.count + 1)]
                    for object_id in ids:
                        if object_id in self.producer:
                            self._error("duplicate_id", f"`{object_id}` is declared twice", stmt.span,
                                        [object_id], "give every object its own id")
                        else:
                            self.producer[object_id] = p.order
                elif isinstance(stmt, ast.OnBlock):
                    s = stmt.surface
                    inner = Where(where.room, s.kind, wall=s.wall, parent=s.parent, level=s.level)
                    walk(stmt.body, inner, outer | ({s.parent.name} if s.parent else set()))

        for room_stmt in room_stmts:
            if room_stmt.id in self.rooms:
                walk(room_stmt.body, Where(self.rooms[room_stmt.id], "floor"), set())
        return pendings

    def _error(self, code: str, message: str, span, objects: list[str], hint: str | None,
               severity: str = "error") -> None:
        self.diagnostics.append(Diagnostic(code=code, severity=severity, message=message, span=span,
                                           objects=objects, hint=hint))

    # ---- ordering -------------------------------------------------------------------------

    def run(self, room_stmts: list[ast.Room]) -> list[PlacedObject]:
        pendings = self.collect(room_stmts)
        for p in pendings:
            for name in sorted(p.deps):
                if name not in self.producer:
                    p.deps.discard(name)
            p.deps = {self.producer[n] for n in p.deps if self.producer[n] != p.order}
        waiting = {p.order: p for p in pendings}
        dependants: dict[int, list[int]] = {}
        for p in pendings:
            for d in p.deps:
                dependants.setdefault(d, []).append(p.order)
        ready = [p.order for p in pendings if not p.deps]
        heapq.heapify(ready)
        while waiting:
            if not ready:
                stuck = min(waiting)
                p = waiting[stuck]
                self._error("cyclic_reference", f"`{p.decl.id}` depends on itself through other objects",
                            p.decl.span, [p.decl.id], "place one object of the cycle with `at X,Y`")
                p.deps.clear()
                heapq.heappush(ready, stuck)
            order = heapq.heappop(ready)
            p = waiting.pop(order, None)
            if p is None:
                continue
            self.place(p)
            for other in dependants.get(order, []):
                if other in waiting:
                    waiting[other].deps.discard(order)
                    if not waiting[other].deps:
                        heapq.heappush(ready, other)
        ids = list(self.producer)
        return [self.placed[i] for i in ids if i in self.placed]

    # ---- one declaration ----------------------------------------------------------------------

    def category(self, decl) -> tuple[str, Category | None]:
        found = self.catalog.resolve(decl.category)
        if found is None:
            close = self.catalog.suggest(decl.category)
            hint = f"did you mean `{close[0]}`?" if close else "run `sgram assets list` for the catalog"
            self._error("unknown_category", f"unknown category `{decl.category}`", decl.span,
                        [decl.id], hint)
            return decl.category, None
        return found.name, found

    def size(self, decl, cat: Category | None) -> tuple[float, float, float]:
        w, d, h = cat.size if cat else FALLBACK_SIZE
        c = decl.clauses
        if c.size is not None:
            w, d = c.size.w * self.cell, c.size.d * self.cell
        if c.height is not None:
            h = c.height
        return (round(w, 9), round(d, 9), round(h, 9))

    def ref(self, ref: ast.Ref, extra: list[str] = ()) -> PlacedObject | None:
        found = self.placed.get(ref.name)
        if found is None:
            candidates = list(self.producer) + list(extra)
            close = difflib.get_close_matches(ref.name, candidates, n=1)
            hint = f"did you mean `{close[0]}`?" if close else "declare that object first"
            self._error("unknown_reference", f"no object named `{ref.name}`", ref.span, [ref.name], hint)
        return found

    def frame(self, where: Where, decl) -> Frame | None:
        room = where.room
        if where.kind == "floor":
            return room_frame(room)
        if where.kind == "ceiling":
            return room_frame(room, ceiling=True)
        if where.kind == "wall":
            wall = find_wall(room, where.wall)
            if wall is None:
                self.diagnostics.append(unknown_wall(room, where.wall))
                return None
            return wall_frame(room, wall)
        parent = self.ref(where.parent)
        if parent is None:
            return None
        cat = self.catalog.get(parent.category)
        scale = parent.size[2] / cat.size[2] if cat else 1.0
        if where.kind == "top":
            top = cat.top_height() if cat else None
            if top is None:
                self._error("no_surface", f"`{parent.id}` has no top surface to put things on",
                            where.parent.span, [parent.id, decl.id], "put it on a table, desk or shelf")
                top = parent.size[2] / scale
            z = parent.position[2] + top * scale
        else:
            levels = cat.shelf_levels() if cat else []
            if not 1 <= (where.level or 0) <= len(levels):
                self._error("no_surface", f"`{parent.id}` has no shelf {where.level}"
                            f" (it has {len(levels)})", where.parent.span, [parent.id, decl.id],
                            f"use a shelf level from 1 to {len(levels)}" if levels else "use `on ID` for its top")
                return None
            z = parent.position[2] + levels[where.level - 1] * scale
        return surface_frame(room, parent.id, parent.position[:2], parent.yaw_deg, parent.size[0],
                             parent.size[1], z, where.kind, where.level)

    def place(self, p: Pending) -> None:
        decl = p.decl
        name, cat = self.category(decl)
        frame = self.frame(p.where, decl)
        if frame is None:
            return
        size = self.size(decl, cat)
        if frame.kind == "floor" and cat is not None and cat.placement in ("wall", "ceiling"):
            frame = self.remount(frame, decl, cat)
        elif frame.kind == "floor" and cat is not None and cat.placement == "surface":
            self._error("floor_placement", f"`{decl.id}` ({cat.name}) stands on the bare floor",
                        decl.span, [decl.id], f"put it on a table or shelf: `on TABLE {{ object {decl.id} "
                        f"{cat.name} centered }}`", "warning")
        if isinstance(decl, ast.GroupDecl):
            poses = self.group_poses(decl, frame, size)
            ids = [f"{decl.id}_{i}" for i in range(1, decl.count + 1)]
        else:
            poses, ids = [self.pose(decl.clauses, frame, size, decl)], [decl.id]
        for object_id, pose in zip(ids, poses):
            if self.producer.get(object_id) != p.order or pose is None:
                continue
            self.placed[object_id] = PlacedObject(
                id=object_id, category=name, description=decl.description, room=frame.room.id,
                parent=frame.parent, surface=frame.kind, level=frame.level,
                group=decl.id if isinstance(decl, ast.GroupDecl) else None,
                position=(pose.centre[0], pose.centre[1], round(pose.z, 9)), size=size,
                yaw_deg=pose.yaw, cell=(round(pose.local[0] / self.cell, 3), round(pose.local[1] / self.cell, 3)),
                facing=compass_word(pose.yaw), ground=bool(cat and cat.ground), tall=bool(cat and cat.tall),
                span=decl.span)

    def remount(self, frame: Frame, decl, cat: Category) -> Frame:
        """A wall or ceiling category written on the floor goes where it belongs."""
        if cat.placement == "ceiling":
            return room_frame(frame.room, ceiling=True)
        placement = decl.clauses.placement
        if isinstance(placement, ast.Against):
            wall = find_wall(frame.room, ast.WallRef(side=placement.side, index=placement.index))
            if wall is not None:
                return wall_frame(frame.room, wall)
        self._error("needs_wall", f"`{decl.id}` ({cat.name}) hangs on a wall", decl.span, [decl.id],
                    f"write `object {decl.id} {cat.name} against north wall` or put it in an `on north wall {{ }}` block")
        return frame

    # ---- poses -------------------------------------------------------------------------------

    def facing_yaw(self, clauses: ast.Clauses, frame: Frame, default: float) -> float:
        f = clauses.facing
        if f is None or f.target is not None:
            return default
        if f.angle is not None:
            return (frame.yaw + f.angle) % 360.0
        word = f.direction
        return (frame.yaw + (YAW_OF_SIDE.get(word) if word in YAW_OF_SIDE else DIAGONAL_YAW[word])) % 360.0

    def pose(self, c: ast.Clauses, frame: Frame, size, decl) -> Pose | None:
        if frame.kind == "wall":
            return self.wall_pose(c, frame, size, decl)
        w, d, h = size
        placement = c.placement
        default = frame.yaw
        if isinstance(placement, ast.Against):
            edge = frame.edge(placement.side, placement.index)
            if edge is None:
                self.diagnostics.append(unknown_wall(frame.room, ast.WallRef(
                    side=placement.side, index=placement.index, span=placement.span)))
                return None
            inward = (0, edge.inward) if edge.axis == 1 else (edge.inward, 0)
            default = (frame.yaw + yaw_of(inward)) % 360.0
        elif isinstance(placement, ast.InCorner):
            first = frame.edge(placement.corner[:5])
            inward = (0, first.inward) if first and first.axis == 1 else (first.inward if first else 1, 0)
            default = (frame.yaw + yaw_of(inward)) % 360.0
        elif isinstance(placement, ast.Relative):
            target = self.ref(placement.target)
            if target is None:
                return None
            default = (target.yaw_deg + (180.0 if placement.relation == "in_front_of" else 0.0)) % 360.0
        yaw = self.facing_yaw(c, frame, default)
        centre = self.centre(c, frame, (w, d), yaw, decl)
        if centre is None:
            return None
        if c.facing is not None and c.facing.target is not None:
            target = self.ref(c.facing.target, extra=list(YAW_OF_SIDE))
            if target is not None:
                dx, dy = target.position[0] - centre[0], target.position[1] - centre[1]
                yaw = (round(yaw_of((dx, dy)) / 90.0) * 90.0) % 360.0 if (dx or dy) else yaw
                centre = self.centre(c, frame, (w, d), yaw, decl) or centre
        z = frame.z - h if frame.kind == "ceiling" else frame.z
        return Pose(centre=centre, yaw=yaw, z=z, local=frame.to_local(centre))

    def centre(self, c: ast.Clauses, frame: Frame, wd: tuple[float, float], yaw: float, decl) -> Vec2 | None:
        """World centre of a footprint of ``wd`` turned to ``yaw`` under the placement clause."""
        w, d = wd
        eu, ev = _extents(w, d, yaw - frame.yaw)
        placement = c.placement
        if isinstance(placement, ast.At):
            return frame.to_world(placement.x * self.cell, placement.y * self.cell)
        if isinstance(placement, ast.Against):
            edge = frame.edge(placement.side, placement.index)
            normal = edge.at + edge.inward * (ev if edge.axis == 1 else eu) / 2
            along = (edge.lo + edge.hi) / 2
            if c.offset is not None:
                along = c.offset * self.cell
            elif c.aligned_with is not None and (other := self.ref(c.aligned_with)):
                along = frame.to_local(other.position[:2])[0 if edge.axis == 1 else 1]
            return frame.to_world(along, normal) if edge.axis == 1 else frame.to_world(normal, along)
        if isinstance(placement, ast.InCorner):
            first, second = frame.edge(placement.corner[:5]), frame.edge(placement.corner[5:])
            u = v = 0.0
            for edge in (first, second):
                if edge is None:
                    continue
                value = edge.at + edge.inward * (ev if edge.axis == 1 else eu) / 2
                u, v = (u, value) if edge.axis == 1 else (value, v)
            return frame.to_world(u, v)
        if isinstance(placement, ast.Relative):
            target = self.placed.get(placement.target.name)
            return None if target is None else self.beside(placement.relation, target, (w, d), yaw, c.gap or 0)
        if placement is None and not isinstance(decl, ast.GroupDecl):
            self._error("missing_placement", f"`{decl.id}` has no placement, so it is centred", decl.span,
                        [decl.id], "add `at X,Y`, `against north wall`, `left of ID` ...", "warning")
        return self.middle(frame)

    def middle(self, frame: Frame) -> Vec2:
        centre = frame.to_world(frame.width / 2, frame.depth / 2)
        if frame.kind in ("floor", "ceiling"):
            if frame.room.id not in self.inners:
                self.inners[frame.room.id] = frame.room.inner()
            inner = self.inners[frame.room.id]
            if not inner.contains(Point(centre)):
                c = inner.centroid
                return (round(c.x, 9), round(c.y, 9))
        return centre

    def beside(self, relation: str, t: PlacedObject, wd: tuple[float, float], yaw: float, gap: int) -> Vec2:
        """Centre of a ``w x d`` footprint at ``yaw`` beside ``t`` (backs flush for left/right/behind)."""
        w, d = wd
        g = gap * self.cell
        r, f = right_vector(t.yaw_deg), front_vector(t.yaw_deg)
        eu, ev = _extents(w, d, yaw - t.yaw_deg)
        tw, td = t.size[0], t.size[1]
        cx, cy = t.position[0], t.position[1]
        if relation in ("left_of", "right_of", "next_to"):
            sign = -1 if relation == "left_of" else 1
            a, b = sign * (tw / 2 + g + eu / 2), -td / 2 + ev / 2
        elif relation == "behind":
            a, b = 0.0, -(td / 2 + g + ev / 2)
        else:
            a, b = 0.0, td / 2 + g + ev / 2
        return (round(cx + a * r[0] + b * f[0], 9), round(cy + a * r[1] + b * f[1], 9))

    def wall_pose(self, c: ast.Clauses, frame: Frame, size, decl) -> Pose | None:
        """On a wall: u along the inner face, v the height of the object's centre."""
        w, d, h = size
        wall = frame.wall
        yaw = yaw_of(wall.inward)
        placement = c.placement
        v = WALL_MOUNT_CENTRE
        if isinstance(placement, ast.At):
            u, v = placement.x * self.cell, placement.y * self.cell
        elif isinstance(placement, ast.Relative) and placement.relation != "behind":
            target = self.ref(placement.target)
            if target is None:
                return None
            tu = frame.to_local(target.position[:2])[0]
            v = target.position[2] + target.size[2] / 2
            side = {"left_of": -1, "right_of": 1, "next_to": 1, "in_front_of": 0}[placement.relation]
            # Own right of an object facing into the room is the viewer's left (-u).
            u = tu - side * (target.size[0] / 2 + (c.gap or 0) * self.cell + w / 2)
        elif isinstance(placement, ast.Against) and c.offset is not None:
            (ox, oy), along = frame.room.origin, c.offset * self.cell
            horizontal = wall.start[1] == wall.end[1]
            point = (ox + along, wall.start[1]) if horizontal else (wall.start[0], oy + along)
            u = frame.to_local(point)[0]
        elif isinstance(placement, ast.Against) and c.aligned_with is not None and (other := self.ref(c.aligned_with)):
            u = frame.to_local(other.position[:2])[0]
        else:
            u = frame.width / 2
            if isinstance(placement, ast.Centered):
                v = frame.depth / 2
        v = min(max(v, h / 2), max(h / 2, frame.room.height - h / 2))
        face = frame.to_world(u, 0.0)
        n = wall.inward
        centre = (round(face[0] + n[0] * d / 2, 9), round(face[1] + n[1] * d / 2, 9))
        return Pose(centre=centre, yaw=yaw, z=frame.z + v - h / 2, local=(u, v))

    def group_poses(self, g: ast.GroupDecl, frame: Frame, size) -> list[Pose | None]:
        w, d, h = size
        c = g.clauses
        spacing = (c.spacing or 0) * self.cell
        if isinstance(c.placement, ast.Around):
            target = self.ref(c.placement.target)
            if target is None:
                return []
            poses = around_poses(target, g.count, (w, d), (c.gap or 0) * self.cell, spacing)
            z = frame.z
            return [Pose(centre=p, yaw=y, z=z, local=frame.to_local(p)) for p, y in poses]
        cols, rows = (c.arrangement.columns, c.arrangement.rows) if isinstance(c.arrangement, ast.Grid) else (g.count, 1)
        combined = (cols * w + (cols - 1) * spacing, rows * d + (rows - 1) * spacing, h)
        whole = self.pose(c, frame, combined, g)
        if whole is None:
            return []
        z = whole.z
        return [Pose(centre=p, yaw=whole.yaw, z=z, local=frame.to_local(p))
                for p in grid_poses(whole.centre, whole.yaw, cols, rows, (w, d), spacing, g.count)]
