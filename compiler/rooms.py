"""Rooms, walls and openings: room statements -> metres, with wall sides and door links."""

from __future__ import annotations

import math

from shapely.geometry import Point, Polygon

from spatialgrammar import ast
from spatialgrammar.diagnostics import Diagnostic

from .scene import Opening, Room, Wall, yaw_of

DEFAULT_ROOM_HEIGHT = 2.7
DOOR_DEFAULTS = {"width": 9, "height": 2.1, "sill": 0.0}
WINDOW_DEFAULTS = {"width": 12, "height": 1.2, "sill": 0.9}
SIDE_OF_INWARD = {(0, -1): "north", (0, 1): "south", (-1, 0): "east", (1, 0): "west"}
YAW_OF_SIDE = {"north": 0.0, "west": 90.0, "south": 180.0, "east": 270.0}


def _corners(shape: ast.Rect | ast.Poly) -> list[tuple[int, int]]:
    if isinstance(shape, ast.Rect):
        x, y, w, h = shape.x, shape.y, shape.w, shape.h
        return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    points = list(shape.points)
    if Polygon(points).exterior.is_ccw is False:
        points.reverse()
    return points


def build_room(stmt: ast.Room, header: ast.SceneHeader) -> tuple[Room | None, list[Diagnostic]]:
    """A room in metres with one wall per polygon edge; rejects bad polygons."""
    cell, t = header.cell, header.thickness
    corners = _corners(stmt.shape)
    problems = []
    if isinstance(stmt.shape, ast.Rect) and (stmt.shape.w <= 0 or stmt.shape.h <= 0):
        problems.append("a room needs a positive width and depth")
    poly = Polygon(corners)
    if not problems and (not poly.is_valid or poly.area <= 0):
        problems.append("the polygon crosses itself or has no area")
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1]):
        if x0 != x1 and y0 != y1:
            problems.append(f"the edge {x0},{y0} -> {x1},{y1} is not horizontal or vertical")
            break
    if problems:
        return None, [Diagnostic(code="bad_room_shape", message=f"room `{stmt.id}`: {problems[0]}",
                                 span=stmt.shape.span, objects=[stmt.id],
                                 hint="list the corners of a rectilinear polygon counter-clockwise")]
    height = stmt.height if stmt.height is not None else DEFAULT_ROOM_HEIGHT
    metres = [(round(x * cell, 9), round(y * cell, 9)) for x, y in corners]
    walls = []
    for index, (a, b) in enumerate(zip(metres, metres[1:] + metres[:1])):
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy)
        inward = (round(-dy / n), round(dx / n))
        walls.append(Wall(room=stmt.id, index=index, side=SIDE_OF_INWARD.get(inward), start=a, end=b,
                          height=height, thickness=t))
    xs, ys = [p[0] for p in metres], [p[1] for p in metres]
    room = Room(id=stmt.id, type=stmt.type, polygon=metres, origin=(min(xs), min(ys)), height=height,
                floor_material=stmt.floor, wall_material=stmt.walls, walls=walls, span=stmt.span)
    return room, []


def find_wall(room: Room, ref: ast.WallRef) -> Wall | None:
    """The wall a reference names: an edge index, or the longest wall on that side."""
    if ref.index is not None:
        return room.walls[ref.index] if 0 <= ref.index < len(room.walls) else None
    sided = [w for w in room.walls if w.side == ref.side]
    return max(sided, key=lambda w: (w.length, -w.index)) if sided else None


def unknown_wall(room: Room, ref: ast.WallRef) -> Diagnostic:
    """The diagnostic for a wall reference that names no wall of the room."""
    sides = sorted({w.side for w in room.walls if w.side})
    return Diagnostic(
        code="unknown_wall",
        message=f"room `{room.id}` has no {'wall ' + str(ref.index) if ref.index is not None else str(ref.side) + ' wall'}",
        span=ref.span, objects=[room.id],
        hint=f"use one of the sides {', '.join(sides)} or a wall index 0..{len(room.walls) - 1}")


def along_point(room: Room, wall: Wall, offset: int | None, cell: float) -> float:
    """Distance from the wall's start to the point an ``offset`` (room-local cells along the
    wall's axis) names; the middle of the wall if None."""
    if offset is None:
        return wall.length / 2
    dx, dy = wall.direction
    local = room.origin[0] + offset * cell if dx else room.origin[1] + offset * cell
    start = wall.start[0] if dx else wall.start[1]
    return (local - start) * (dx or dy)


def _near_box(room: Room, x: float, y: float) -> bool:
    """Cheap test before the exact one: is (x, y) on or in the room's bounding box?"""
    xs, ys = [p[0] for p in room.polygon], [p[1] for p in room.polygon]
    return min(xs) - 1e-6 <= x <= max(xs) + 1e-6 and min(ys) - 1e-6 <= y <= max(ys) + 1e-6


def build_opening(stmt: ast.Opening, room: Room, rooms: list[Room], cell: float) -> tuple[Opening | None, list[Diagnostic]]:
    """A door or window on a wall of ``room``; it joins whichever room shares that wall."""
    wall = find_wall(room, stmt.wall)
    if wall is None:
        return None, [unknown_wall(room, stmt.wall)]
    defaults = DOOR_DEFAULTS if stmt.kind == "door" else WINDOW_DEFAULTS
    width = round((stmt.width if stmt.width is not None else defaults["width"]) * cell, 9)
    height = stmt.height if stmt.height is not None else defaults["height"]
    sill = stmt.sill if stmt.sill is not None else defaults["sill"]
    s = along_point(room, wall, stmt.offset, cell)
    dx, dy = wall.direction
    x, y = wall.start[0] + dx * s, wall.start[1] + dy * s
    joined = [room.id] + [
        other.id for other in rooms
        if other.id != room.id and _near_box(other, x, y)
        and other.shape().exterior.distance(Point(x, y)) < 1e-6
    ]
    return Opening(
        id=stmt.id, kind=stmt.kind, room=room.id, rooms=joined, wall_index=wall.index,
        position=(round(x, 9), round(y, 9), room.floor_z + sill), yaw_deg=yaw_of(wall.inward), width=width,
        height=height, sill=sill, thickness=wall.thickness, swing=stmt.swing or "in",
        hinge=stmt.hinge or "left", span=stmt.span,
    ), []
