"""Local grids: a room's floor or ceiling, an object's top or shelf, a wall.

A plane frame maps local metres (u east-ish, v north-ish in its own terms) to the
world; its ``edges`` are the inner faces that ``against`` and ``in ... corner`` use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .scene import Room, SurfaceKind, Vec2, Wall, front_vector, right_vector, yaw_of


@dataclass(frozen=True)
class Edge:
    """A straight inner face in local coordinates: ``axis`` 0 means the face is a line
    u = ``at``, axis 1 a line v = ``at``; ``inward`` (+1/-1) points into the area."""

    axis: int
    at: float
    inward: int
    lo: float
    hi: float
    side: str | None = None
    index: int | None = None


@dataclass
class Frame:
    """A local grid: origin and axes in the world, base height and usable area."""

    kind: SurfaceKind
    room: Room
    origin: Vec2
    yaw: float
    width: float
    depth: float
    z: float
    parent: str | None = None
    level: int | None = None
    edges: list[Edge] = field(default_factory=list)
    wall: Wall | None = None

    @property
    def ex(self) -> Vec2:
        return right_vector(self.yaw)

    @property
    def ey(self) -> Vec2:
        return front_vector(self.yaw)

    def to_world(self, u: float, v: float) -> Vec2:
        (ox, oy), (ax, ay), (bx, by) = self.origin, self.ex, self.ey
        return (round(ox + u * ax + v * bx, 9), round(oy + u * ay + v * by, 9))

    def to_local(self, p: Vec2) -> Vec2:
        (ox, oy), (ax, ay), (bx, by) = self.origin, self.ex, self.ey
        dx, dy = p[0] - ox, p[1] - oy
        return (round(dx * ax + dy * ay, 9), round(dx * bx + dy * by, 9))

    def edge(self, side: str | None = None, index: int | None = None) -> Edge | None:
        if index is not None:
            return next((e for e in self.edges if e.index == index), None)
        sided = [e for e in self.edges if e.side == side]
        return max(sided, key=lambda e: e.hi - e.lo) if sided else None


def _rect_edges(width: float, depth: float) -> list[Edge]:
    return [
        Edge(axis=1, at=depth, inward=-1, lo=0, hi=width, side="north"),
        Edge(axis=1, at=0.0, inward=1, lo=0, hi=width, side="south"),
        Edge(axis=0, at=width, inward=-1, lo=0, hi=depth, side="east"),
        Edge(axis=0, at=0.0, inward=1, lo=0, hi=depth, side="west"),
    ]


def room_frame(room: Room, ceiling: bool = False) -> Frame:
    """The room's floor grid (or ceiling grid): origin at its bounding box's south-west corner."""
    xs, ys = [p[0] for p in room.polygon], [p[1] for p in room.polygon]
    ox, oy = room.origin
    edges = []
    for wall in room.walls:
        half = wall.thickness / 2
        (x0, y0), (x1, y1) = wall.start, wall.end
        if y0 == y1:
            inward = 1 if wall.inward[1] > 0 else -1
            edges.append(Edge(axis=1, at=y0 - oy + inward * half, inward=inward,
                              lo=min(x0, x1) - ox, hi=max(x0, x1) - ox, side=wall.side, index=wall.index))
        else:
            inward = 1 if wall.inward[0] > 0 else -1
            edges.append(Edge(axis=0, at=x0 - ox + inward * half, inward=inward,
                              lo=min(y0, y1) - oy, hi=max(y0, y1) - oy, side=wall.side, index=wall.index))
    kind: SurfaceKind = "ceiling" if ceiling else "floor"
    return Frame(kind=kind, room=room, origin=room.origin, yaw=0.0, width=max(xs) - min(xs),
                 depth=max(ys) - min(ys), z=room.floor_z + (room.height if ceiling else 0.0), edges=edges)


def surface_frame(room: Room, parent: str, centre: Vec2, yaw: float, w: float, d: float,
                  z: float, kind: SurfaceKind, level: int | None) -> Frame:
    """An object's top or shelf: the parent's own frame, origin at its back-left corner."""
    (cx, cy), (rx, ry), (fx, fy) = centre, right_vector(yaw), front_vector(yaw)
    origin = (cx - rx * w / 2 - fx * d / 2, cy - ry * w / 2 - fy * d / 2)
    return Frame(kind=kind, room=room, origin=origin, yaw=yaw, width=w, depth=d, z=z,
                 parent=parent, level=level, edges=_rect_edges(w, d))


def wall_frame(room: Room, wall: Wall) -> Frame:
    """A wall's grid: u along the inner face from left to right seen from inside, v up."""
    half = wall.thickness / 2
    nx, ny = wall.inward
    # Facing the wall from inside means looking along -inward; the viewer's right is +u.
    view_yaw = yaw_of((-nx, -ny))
    rx, ry = right_vector(view_yaw)
    ends = [wall.start, wall.end]
    left = min(ends, key=lambda p: p[0] * rx + p[1] * ry)
    origin = (left[0] + nx * half, left[1] + ny * half)
    return Frame(kind="wall", room=room, origin=origin, yaw=view_yaw, width=wall.length,
                 depth=wall.height, z=room.floor_z, edges=_rect_edges(wall.length, wall.height), wall=wall)
