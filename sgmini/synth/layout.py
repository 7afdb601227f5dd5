"""A scene plan: rooms, openings and objects with the placement clauses the script will use.

The sampler works on this plan, not on text. Every floor object gets its footprint computed
here (room-local cells, the same rules as the compiler: catalog size, facing, walls half a
thickness thick), so the sampler can avoid overlaps and blocked doors before it ever
compiles; the compiler then verifies. ``Plan.script()`` renders the compact training form of
the script (no indentation, no ``scene`` line); ``Plan.facts`` lists what holds in the scene,
for the prompt writer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from assets import load_catalog

CELL = 0.1
HALF_WALL = 0.5  # cells: the default 0.1 m wall is 1 cell thick, the clear floor starts half a wall in
SIDES = ("north", "east", "south", "west")
OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
FRONT = {"north": (0, 1), "south": (0, -1), "east": (1, 0), "west": (-1, 0)}
RIGHT = {"north": (1, 0), "south": (-1, 0), "east": (0, -1), "west": (0, 1)}  # own right of a facing
CORNERS = ("northeast", "northwest", "southeast", "southwest")
DOOR_CLEAR = 11  # cells kept free in front of a door


def catalog():
    return load_catalog()


def cells(metres: float) -> float:
    return round(metres / CELL, 6)


def footprint(cat: str) -> tuple[float, float]:
    """(w, d) of a category in cells."""
    size = catalog().get(cat).size
    return cells(size[0]), cells(size[1])


def height_of(cat: str) -> float:
    return catalog().get(cat).size[2]


def ext(w: float, d: float, facing: str) -> tuple[float, float]:
    """Extent along x and y of a w x d footprint facing ``facing``."""
    return (w, d) if facing in ("north", "south") else (d, w)


def rect_of(cx: float, cy: float, w: float, d: float, facing: str) -> tuple[float, float, float, float]:
    ex, ey = ext(w, d, facing)
    return (cx - ex / 2, cy - ey / 2, cx + ex / 2, cy + ey / 2)


def overlaps(a, b, margin: float = 0.0) -> bool:
    return a[0] < b[2] + margin and b[0] < a[2] + margin and a[1] < b[3] + margin and b[1] < a[3] + margin


def num(v: float) -> str:
    """A whole number of cells as text (positions are rounded to whole cells)."""
    return str(int(round(v)))


@dataclass
class Item:
    """A thing on a surface, a wall or the ceiling: one object or a row group."""

    id: str
    cat: str
    clauses: str = ""
    n: int = 1  # > 1: a `group ID n CAT row ...`
    children: list["Item"] = field(default_factory=list)  # things on this item (wall shelf -> plant)

    def lines(self) -> list[str]:
        head = f"group {self.id} {self.n} {self.cat}" if self.n > 1 else f"object {self.id} {self.cat}"
        out = [f"{head} {self.clauses}".rstrip()]
        if self.children:
            out.append(f"on {self.id} {{")
            for c in self.children:
                out += c.lines()
            out.append("}")
        return out


@dataclass
class Obj:
    """A floor object (or a group of them) with its placement clauses and footprint."""

    id: str
    cat: str
    clauses: str
    facing: str
    rect: tuple[float, float, float, float]
    cx: float
    cy: float
    w: float
    d: float
    n: int = 1
    arrangement: str = ""  # "", "row", "around"
    on_top: list[Item] = field(default_factory=list)
    on_shelf: dict[int, list[Item]] = field(default_factory=dict)
    wall: str | None = None  # the wall its back is against
    obstacle: bool = True
    ground: bool = False

    def member_ids(self) -> list[str]:
        return [f"{self.id}_{i}" for i in range(1, self.n + 1)] if self.n > 1 else [self.id]


@dataclass
class Opening:
    id: str
    kind: str  # door | window
    side: str  # north ... or "wall K"
    offset: float
    width: float
    text: str
    leads_to: str | None = None  # other room id for a door on a shared wall, None = outside


@dataclass
class RoomPlan:
    id: str
    type: str
    x: int
    y: int
    W: int
    H: int
    poly: list[tuple[int, int]] | None = None
    height: float | None = None
    floor: str | None = None
    walls: str | None = None
    openings: list[Opening] = field(default_factory=list)
    objects: list[Obj] = field(default_factory=list)
    wall_items: dict[str, list[Item]] = field(default_factory=dict)
    ceiling: list[Item] = field(default_factory=list)
    blocked: list[tuple[float, float, float, float]] = field(default_factory=list)  # door zones
    clearance: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    wall_used: dict[str, list[tuple[float, float, float, float]]] = field(default_factory=dict)
    ceiling_used: list[tuple[float, float, float, float]] = field(default_factory=list)

    # ---- geometry ---------------------------------------------------------------------------------
    def wall_length(self, side: str) -> float:
        return self.W if side in ("north", "south") else self.H

    def inside(self, r) -> bool:
        if not (r[0] >= HALF_WALL - 1e-9 and r[1] >= HALF_WALL - 1e-9
                and r[2] <= self.W - HALF_WALL + 1e-9 and r[3] <= self.H - HALF_WALL + 1e-9):
            return False
        if self.poly is not None:  # L shape: the notch (north-east) is outside
            nx, ny = self.notch
            if r[2] > nx - HALF_WALL and r[3] > ny - HALF_WALL:
                return False
        return True

    @property
    def notch(self) -> tuple[float, float]:
        # poly 0,0 W,0 W,h1 w1,h1 w1,H 0,H : the notch is x > w1, y > h1
        return (self.poly[3][0], self.poly[3][1])

    def free(self, r, ignore: set[str] = frozenset(), margin: float = 0.0) -> bool:
        """True when ``r`` is inside the room and clear of objects, door zones and front clearances."""
        if not self.inside(r):
            return False
        for o in self.objects:
            if o.id not in ignore and not o.ground and overlaps(r, o.rect, margin):
                return False
        for b in self.blocked:
            if overlaps(r, b):
                return False
        for owner, c in self.clearance:
            if owner not in ignore and overlaps(r, c):
                return False
        return True

    def front_zone(self, r, facing: str, depth: float = 5.0):
        x0, y0, x1, y1 = r
        return {"north": (x0, y1, x1, y1 + depth), "south": (x0, y0 - depth, x1, y0),
                "east": (x1, y0, x1 + depth, y1), "west": (x0 - depth, y0, x0, y1)}[facing]

    def window_intervals(self, side: str) -> list[tuple[float, float]]:
        return [(o.offset - o.width / 2, o.offset + o.width / 2) for o in self.openings
                if o.kind == "window" and o.side == side]

    def opening_intervals(self, side: str) -> list[tuple[float, float]]:
        return [(o.offset - o.width / 2, o.offset + o.width / 2) for o in self.openings if o.side == side]

    def add(self, obj: Obj, clear_front: bool = True, depth: float = 5.0) -> Obj:
        self.objects.append(obj)
        if clear_front and obj.obstacle and not obj.ground:
            self.clearance.append((obj.id, self.front_zone(obj.rect, obj.facing, depth)))
        return obj

    def ids(self) -> set[str]:
        out = {self.id}
        for o in self.objects:
            out.add(o.id)
            out.update(o.member_ids())
            for it in o.on_top + [i for v in o.on_shelf.values() for i in v]:
                out.update(_item_ids(it))
        for items in list(self.wall_items.values()) + [self.ceiling]:
            for it in items:
                out.update(_item_ids(it))
        for op in self.openings:
            out.add(op.id)
        return out

    # ---- text ---------------------------------------------------------------------------------------
    def header(self) -> str:
        if self.poly is not None:
            shape = "poly " + " ".join(f"{self.x + px},{self.y + py}" for px, py in self.poly)
        else:
            shape = f"rect {self.x},{self.y} {self.W}x{self.H}"
        opts = ""
        if self.height is not None:
            opts += f" height {self.height:g}"
        if self.floor:
            opts += f" floor {self.floor}"
        if self.walls:
            opts += f" walls {self.walls}"
        return f"room {self.id} {self.type} {shape}{opts}"

    def lines(self) -> list[str]:
        body = [op.text for op in self.openings]
        for o in self.objects:
            head = (f"group {o.id} {o.n} {o.cat}" if o.n > 1 else f"object {o.id} {o.cat}")
            body.append(f"{head} {o.clauses}".rstrip())
        for o in self.objects:
            if o.on_top:
                body.append(f"on {o.id} {{")
                for it in o.on_top:
                    body += it.lines()
                body.append("}")
            for level, items in sorted(o.on_shelf.items()):
                body.append(f"on {o.id} shelf {level} {{")
                for it in items:
                    body += it.lines()
                body.append("}")
        for side in SIDES:
            items = self.wall_items.get(side)
            if items:
                body.append(f"on {side} wall {{")
                for it in items:
                    body += it.lines()
                body.append("}")
        if self.ceiling:
            body.append("on ceiling {")
            for it in self.ceiling:
                body += it.lines()
            body.append("}")
        if not body:
            return [self.header()]
        return [self.header() + " {"] + body + ["}"]


def _item_ids(it: Item) -> list[str]:
    out = [it.id] + ([f"{it.id}_{i}" for i in range(1, it.n + 1)] if it.n > 1 else [])
    for c in it.children:
        out += _item_ids(c)
    return out


@dataclass
class Plan:
    rooms: list[RoomPlan] = field(default_factory=list)
    facts: list[tuple] = field(default_factory=list)
    style: dict = field(default_factory=dict)
    scenario: str = "multi_object"

    def script(self) -> str:
        lines: list[str] = []
        for r in self.rooms:
            lines += r.lines()
        return "\n".join(lines) + "\n"

    def ids(self) -> set[str]:
        out: set[str] = set()
        for r in self.rooms:
            out |= r.ids()
        return out


class IdMaker:
    """Ids derived from categories (``bed``, ``chair``, ``chair2``), unique within a scene."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, base: str) -> str:
        base = SHORT_IDS.get(base, base)
        if base not in self.used:
            self.used.add(base)
            return base
        k = 2
        while f"{base}{k}" in self.used:
            k += 1
        self.used.add(f"{base}{k}")
        return f"{base}{k}"

    def reserve(self, ids) -> None:
        self.used.update(ids)


SHORT_IDS = {
    "kitchen_counter": "counter", "office_chair": "chair", "dining_chair": "chair", "coffee_table": "coffee",
    "dining_table": "table", "ceiling_light": "light", "table_lamp": "lamp", "floor_lamp": "lamp",
    "refrigerator": "fridge", "bathroom_sink": "basin", "nightstand": "ns", "tv_stand": "stand",
    "conference_table": "table", "school_desk": "desk", "school_chair": "chair", "waiting_chair": "chair",
    "cafe_table": "table", "cafe_chair": "chair", "bar_stool": "stool", "pendant_light": "pendant",
    "computer_monitor": "monitor", "bookshelf": "shelf", "wall_shelf": "ledge", "wall_cabinet": "cabinet",
}


# ---- placement helpers ----------------------------------------------------------------------------------


def place_against(room: RoomPlan, side: str, cat: str, offset: float | None = None) -> tuple:
    """(cx, cy, facing, rect) of ``cat`` with its back on ``side`` wall; centred when offset is None."""
    w, d = footprint(cat)
    facing = OPPOSITE[side]
    L = room.wall_length(side)
    o = L / 2 if offset is None else offset
    if side == "north":
        cx, cy = o, room.H - HALF_WALL - d / 2
    elif side == "south":
        cx, cy = o, HALF_WALL + d / 2
    elif side == "east":
        cx, cy = room.W - HALF_WALL - d / 2, o
    else:
        cx, cy = HALF_WALL + d / 2, o
    return cx, cy, facing, rect_of(cx, cy, w, d, facing)


def place_corner(room: RoomPlan, corner: str, cat: str) -> tuple:
    w, d = footprint(cat)
    first = "north" if corner.startswith("north") else "south"
    second = "east" if corner.endswith("east") else "west"
    facing = OPPOSITE[first]
    cy = room.H - HALF_WALL - d / 2 if first == "north" else HALF_WALL + d / 2
    cx = room.W - HALF_WALL - w / 2 if second == "east" else HALF_WALL + w / 2
    return cx, cy, facing, rect_of(cx, cy, w, d, facing)


def place_beside(anchor: Obj, cat: str, side: str, gap: float = 0) -> tuple:
    """``left of`` / ``right of`` / ``behind`` the anchor (same facing, backs flush)."""
    w, d = footprint(cat)
    f = anchor.facing
    fx, fy = FRONT[f]
    rx, ry = RIGHT[f]
    if side in ("left", "right"):
        sgn = 1 if side == "right" else -1
        along = anchor.w / 2 + gap + w / 2
        back = -anchor.d / 2 + d / 2
        cx = anchor.cx + sgn * rx * along + fx * back
        cy = anchor.cy + sgn * ry * along + fy * back
    else:  # behind
        dist = anchor.d / 2 + gap + d / 2
        cx, cy = anchor.cx - fx * dist, anchor.cy - fy * dist
    return cx, cy, f, rect_of(cx, cy, w, d, f)


def place_in_front(anchor: Obj, cat: str, gap: float = 0, facing: str | None = None) -> tuple:
    w, d = footprint(cat)
    f = facing or OPPOSITE[anchor.facing]
    fx, fy = FRONT[anchor.facing]
    ex, ey = ext(w, d, f)
    half = ey / 2 if anchor.facing in ("north", "south") else ex / 2
    dist = anchor.d / 2 + gap + half
    cx, cy = anchor.cx + fx * dist, anchor.cy + fy * dist
    return cx, cy, f, rect_of(cx, cy, w, d, f)


def wall_coord_to_x(room: RoomPlan, side: str, along: float) -> float:
    """Room-local coordinate along ``side`` wall -> the x of an ``on SIDE wall`` sub-layout."""
    if side == "north":
        return along
    if side == "south":
        return room.W - along
    if side == "east":
        return room.H - along
    return along


def facing_towards(cx: float, cy: float, tx: float, ty: float) -> str:
    dx, dy = tx - cx, ty - cy
    if abs(dx) >= abs(dy):
        return "east" if dx > 0 else "west"
    return "north" if dy > 0 else "south"


def opening_centre(room: RoomPlan, op: Opening) -> tuple[float, float]:
    side = op.side
    if side == "north":
        return op.offset, room.H
    if side == "south":
        return op.offset, 0.0
    if side == "east":
        return room.W, op.offset
    if side == "west":
        return 0.0, op.offset
    return room.W / 2, room.H / 2


def rnd_choice(rng: random.Random, weighted: dict):
    keys = list(weighted)
    return rng.choices(keys, weights=[weighted[k] for k in keys])[0]
