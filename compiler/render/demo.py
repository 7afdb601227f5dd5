"""A small hand-built Scene (no parser, no catalog) for tests and for trying the renderers.

Two rooms sharing a wall, a door between them and one to outside, windows, furniture on the
floor, a lamp on a desk, a painting on a wall, a ceiling light, a rug and a turned armchair.
"""

from __future__ import annotations

import math

from ..scene import Opening, PlacedObject, Room, Scene, Wall, yaw_of

_SIDES = {(0, -1): "north", (0, 1): "south", (-1, 0): "east", (1, 0): "west"}


def room(room_id: str, room_type: str, polygon: list[tuple[float, float]], height: float = 2.7,
         thickness: float = 0.1) -> Room:
    """A room on a counter-clockwise polygon of wall centre lines, one wall per edge."""
    walls = []
    for index, (a, b) in enumerate(zip(polygon, polygon[1:] + polygon[:1])):
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy)
        inward = (round(-dy / n), round(dx / n))
        walls.append(Wall(room=room_id, index=index, side=_SIDES.get(inward), start=a, end=b, height=height,
                          thickness=thickness))
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    return Room(id=room_id, type=room_type, polygon=polygon, origin=(min(xs), min(ys)), height=height,
                walls=walls)


def opening(opening_id: str, kind: str, on: Room, wall_index: int, along: float, width: float,
            rooms: list[str] | None = None, **extra) -> Opening:
    """An opening ``along`` metres from the start of wall ``wall_index`` of ``on``."""
    wall = on.walls[wall_index]
    dx, dy = wall.direction
    x, y = wall.start[0] + dx * along, wall.start[1] + dy * along
    height = extra.pop("height", 2.1 if kind == "door" else 1.2)
    sill = extra.pop("sill", 0.0 if kind == "door" else 0.9)
    return Opening(id=opening_id, kind=kind, room=on.id, rooms=rooms or [on.id], wall_index=wall_index,
                   position=(x, y, sill), yaw_deg=yaw_of(wall.inward), width=width, height=height, sill=sill,
                   thickness=wall.thickness, **extra)


_FACING = {0.0: "north", 90.0: "west", 180.0: "south", 270.0: "east"}


def thing(object_id: str, category: str, room_id: str, x: float, y: float, size: tuple[float, float, float],
          yaw: float = 0.0, z: float = 0.0, **extra) -> PlacedObject:
    """A placed object with its bottom centre at (x, y, z)."""
    return PlacedObject(id=object_id, category=category, room=room_id, position=(x, y, z), size=size,
                        yaw_deg=yaw, cell=(round(x * 10), round(y * 10)), facing=_FACING.get(yaw, f"{yaw:g}"),
                        **extra)


def demo_scene() -> Scene:
    """The demo scene: bedroom (0..4 x 0..3.5) west of a living room (4..9 x 0..3.5)."""
    bedroom = room("bedroom", "bedroom", [(0.0, 0.0), (4.0, 0.0), (4.0, 3.5), (0.0, 3.5)])
    living = room("living", "living_room", [(4.0, 0.0), (9.0, 0.0), (9.0, 3.5), (4.0, 3.5)])
    openings = [
        opening("door_between", "door", bedroom, 1, 1.0, 0.9, rooms=["bedroom", "living"]),
        opening("front_door", "door", living, 0, 4.2, 1.0, swing="in", hinge="right"),
        opening("window_bed", "window", bedroom, 2, 2.0, 1.2),
        opening("window_living", "window", living, 2, 2.5, 1.6, sill=0.8, height=1.4),
    ]
    objects = [
        # bedroom: bed against the west wall facing east, nightstands either side
        thing("bed", "double_bed", "bedroom", 1.05, 1.9, (1.6, 2.0, 0.55), yaw=270.0),
        thing("nightstand_1", "nightstand", "bedroom", 0.27, 0.85, (0.45, 0.4, 0.55), yaw=270.0),
        thing("nightstand_2", "nightstand", "bedroom", 0.27, 2.95, (0.45, 0.4, 0.55), yaw=270.0),
        thing("lamp_1", "table_lamp", "bedroom", 0.27, 0.85, (0.2, 0.2, 0.4), yaw=270.0, z=0.55,
              parent="nightstand_1", surface="top"),
        thing("desk", "desk", "bedroom", 3.1, 3.1, (1.2, 0.6, 0.75), yaw=180.0),
        thing("desk_chair", "office_chair", "bedroom", 3.1, 2.45, (0.5, 0.5, 0.9), yaw=0.0),
        thing("desk_lamp", "desk_lamp", "bedroom", 3.5, 3.2, (0.18, 0.18, 0.45), yaw=180.0, z=0.75,
              parent="desk", surface="top"),
        thing("laptop", "laptop", "bedroom", 3.0, 3.05, (0.34, 0.24, 0.02), yaw=180.0, z=0.75,
              parent="desk", surface="top"),
        thing("wardrobe", "wardrobe", "bedroom", 3.0, 0.35, (1.2, 0.6, 2.0), yaw=0.0),
        thing("painting", "painting", "bedroom", 0.08, 1.9, (0.9, 0.03, 0.6), yaw=270.0, z=1.3,
              surface="wall"),
        thing("ceiling_light", "ceiling_light", "bedroom", 2.0, 1.75, (0.4, 0.4, 0.15), yaw=0.0, z=2.55,
              surface="ceiling"),
        thing("rug", "rug", "bedroom", 2.0, 1.9, (1.4, 2.0, 0.01), yaw=270.0, ground=True),
        # living room: sofa facing the TV, coffee table, turned armchair, plant
        thing("sofa", "sofa", "living", 6.5, 0.5, (2.0, 0.9, 0.85), yaw=0.0),
        thing("coffee_table", "coffee_table", "living", 6.5, 1.55, (1.1, 0.6, 0.45), yaw=0.0),
        thing("tv_stand", "tv_stand", "living", 6.5, 3.22, (1.6, 0.45, 0.5), yaw=180.0),
        thing("tv", "tv", "living", 6.5, 3.25, (1.2, 0.1, 0.7), yaw=180.0, z=0.5, parent="tv_stand",
              surface="top"),
        thing("armchair", "armchair", "living", 8.2, 2.0, (0.8, 0.8, 0.9), yaw=135.0),
        thing("plant", "plant", "living", 8.6, 3.1, (0.4, 0.4, 1.2), yaw=0.0),
        thing("bookshelf", "bookshelf", "living", 4.3, 2.2, (1.0, 0.35, 1.9), yaw=270.0),
    ]
    return Scene(name="Demo flat", cell=0.1, wall_thickness=0.1, rooms=[bedroom, living], openings=openings,
                 objects=objects)


__all__ = ["demo_scene", "opening", "room", "thing"]
