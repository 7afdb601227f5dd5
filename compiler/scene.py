"""The compiled scene: exact metres, Z up, x east, y north; floor at z = 0.

``yaw_deg`` is the counter-clockwise angle seen from above from north (+y) to an
object's front: north 0, west 90, south 180, east 270.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
from shapely.geometry import Polygon

from spatialgrammar.ast import Span

Vec2 = tuple[float, float]
Vec3 = tuple[float, float, float]
SurfaceKind = Literal["floor", "top", "shelf", "wall", "ceiling"]


def front_vector(yaw_deg: float) -> Vec2:
    """Unit vector pointing out of the front of something with this yaw."""
    a = math.radians(yaw_deg)
    return (_clean(-math.sin(a)), _clean(math.cos(a)))


def right_vector(yaw_deg: float) -> Vec2:
    """Unit vector to its own right (as seen looking out of its front)."""
    a = math.radians(yaw_deg)
    return (_clean(math.cos(a)), _clean(math.sin(a)))


def yaw_of(vector: Vec2) -> float:
    """Yaw (degrees, CCW from north) of a direction vector."""
    return round(math.degrees(math.atan2(-vector[0], vector[1])), 9) % 360.0


def _clean(v: float) -> float:
    """Round away float noise so cardinal yaws give exact 0/1 components."""
    r = round(v, 12)
    return 0.0 if r == 0 else r


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Wall(Model):
    """One straight wall of a room, along its polygon edge (the wall's centre line)."""

    room: str
    index: int
    side: Literal["north", "east", "south", "west"] | None
    start: Vec2
    end: Vec2
    height: float
    thickness: float

    @property
    def length(self) -> float:
        return math.dist(self.start, self.end)

    @property
    def direction(self) -> Vec2:
        (x0, y0), (x1, y1) = self.start, self.end
        n = self.length or 1.0
        return ((x1 - x0) / n, (y1 - y0) / n)

    @property
    def inward(self) -> Vec2:
        """Unit normal pointing into the room (polygons are counter-clockwise)."""
        dx, dy = self.direction
        return (-dy, dx)


class Room(Model):
    """A room: its polygon (wall centre lines, counter-clockwise), walls and materials."""

    id: str
    type: str
    polygon: list[Vec2]
    origin: Vec2 = Field(description="world position of the room's local grid point (0, 0)")
    floor_z: float = 0.0
    height: float
    floor_material: str | None = None
    wall_material: str | None = None
    walls: list[Wall]
    span: Span | None = None

    def shape(self) -> Polygon:
        """The polygon on the wall centre lines."""
        return Polygon(self.polygon)

    def inner(self) -> Polygon:
        """The clear floor: the polygon shrunk by half a wall thickness."""
        t = self.walls[0].thickness if self.walls else 0.0
        return self.shape().buffer(-t / 2, join_style="mitre")


class Opening(Model):
    """A door or window: a real hole in a wall, joining one room to another or outside."""

    id: str
    kind: Literal["door", "window"]
    room: str = Field(description="the room whose script declares it")
    rooms: list[str] = Field(description="the one or two rooms it joins")
    wall_index: int
    position: Vec3 = Field(description="bottom centre on the wall's centre line")
    yaw_deg: float = Field(description="facing into the declaring room")
    width: float
    height: float
    sill: float = 0.0
    thickness: float
    swing: Literal["in", "out"] = "in"
    hinge: Literal["left", "right"] = "left"
    span: Span | None = None

    def footprint(self) -> Polygon:
        """The hole's rectangle in plan (width along the wall, depth the wall thickness)."""
        return box_footprint(self.position[:2], self.width, self.thickness, self.yaw_deg)


class PlacedObject(Model):
    """One object with its exact pose; position is the bottom centre."""

    id: str
    category: str
    description: str | None = None
    room: str
    parent: str | None = None
    surface: SurfaceKind = "floor"
    level: int | None = None
    group: str | None = None
    position: Vec3
    size: Vec3 = Field(description="w across the front, d front to back, h; metres")
    yaw_deg: float
    cell: tuple[float, float] = Field(description="grid point of the footprint centre in its local grid")
    facing: str
    ground: bool = False
    tall: bool = False
    span: Span | None = None

    def footprint(self) -> Polygon:
        """Oriented footprint rectangle in plan."""
        return box_footprint(self.position[:2], self.size[0], self.size[1], self.yaw_deg)

    @property
    def z_range(self) -> tuple[float, float]:
        return (self.position[2], self.position[2] + self.size[2])


def box_footprint(centre: Vec2, w: float, d: float, yaw_deg: float) -> Polygon:
    """Rectangle of width ``w`` (along the right vector) and depth ``d`` (along the front)."""
    (cx, cy), (rx, ry), (fx, fy) = centre, right_vector(yaw_deg), front_vector(yaw_deg)
    hw, hd = w / 2, d / 2
    corners = [(sx * hw, sy * hd) for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    return Polygon([(cx + a * rx + b * fx, cy + a * ry + b * fy) for a, b in corners])


class Scene(Model):
    """A compiled scene. The same script always compiles to an identical Scene."""

    name: str
    cell: float
    wall_thickness: float
    rooms: list[Room] = Field(default_factory=list)
    openings: list[Opening] = Field(default_factory=list)
    objects: list[PlacedObject] = Field(default_factory=list)

    _index: tuple | None = PrivateAttr(default=None)

    def _lookup(self) -> tuple[dict[str, PlacedObject], dict[str, list[PlacedObject]]]:
        """Objects by id and children by parent, rebuilt when the object list changes."""
        key = (id(self.objects), len(self.objects))
        if self._index is None or self._index[0] != key:
            by_id: dict[str, PlacedObject] = {}
            children: dict[str, list[PlacedObject]] = {}
            for o in self.objects:
                by_id.setdefault(o.id, o)
                if o.parent is not None:
                    children.setdefault(o.parent, []).append(o)
            self._index = (key, by_id, children)
        return self._index[1], self._index[2]

    def object(self, object_id: str | None) -> PlacedObject | None:
        return self._lookup()[0].get(object_id) if object_id is not None else None

    def room(self, room_id: str) -> Room | None:
        return next((r for r in self.rooms if r.id == room_id), None)

    def children(self, object_id: str) -> list[PlacedObject]:
        return list(self._lookup()[1].get(object_id, []))
