"""The scene sampler: a random plan for one of the five scenarios, deterministic given the rng."""

from __future__ import annotations

import random

from .furnish import Furnisher, is_tall
from .layout import OPPOSITE, SIDES, IdMaker, Plan, RoomPlan, catalog
from .recipes import RECIPES, ROOM_SIZES, extras, room_categories

SCENARIOS = {"single_object": 0.2, "multi_object": 0.3, "hierarchical": 0.27, "architectural": 0.18,
             "dense": 0.05}

ROOM_WEIGHTS = {
    "bedroom": 8, "living_room": 8, "kitchen": 6, "bathroom": 5, "office": 6, "dining_room": 5, "kids_room": 3,
    "nursery": 2, "guest_room": 1, "hotel_room": 2, "study": 2, "lounge": 1, "conference_room": 2,
    "classroom": 2, "cafe": 2, "restaurant": 1, "bar": 1, "game_room": 2, "gym": 2, "home_gym": 2,
    "hospital_room": 2, "clinic": 1, "exam_room": 1, "dental_office": 1, "salon": 2, "barbershop": 1, "spa": 1,
    "music_room": 2, "laundry_room": 2, "garage": 2, "workshop": 1, "craft_room": 1, "waiting_room": 2,
    "reception": 1, "lobby": 1, "library": 1, "home_theater": 1, "studio": 2, "patio": 1, "sunroom": 1,
    "hallway": 1, "entryway": 1, "playroom": 1, "pharmacy": 1, "shop": 1,
}
FLOORS = ["oak", "walnut", "tiles", "concrete", "carpet", "marble", "pine", "slate", "vinyl", "parquet"]
WALLS = ["white", "grey", "beige", "blue", "green", "brick", "cream", "tiles", "yellow", "pink"]


def pick(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def new_room(rng: random.Random, ids: IdMaker, rtype: str, x: int = 0, y: int = 0, W: int | None = None,
             H: int | None = None, style: bool = True) -> RoomPlan:
    lo_w, hi_w, lo_h, hi_h = ROOM_SIZES.get(rtype, (30, 45, 30, 40))
    W = W or rng.randint(lo_w, hi_w)
    H = H or rng.randint(lo_h, hi_h)
    if rng.random() < 0.5:  # round sizes are common in prompts ("a 4 x 3.5 m bedroom")
        W, H = max(10, round(W / 5) * 5), max(10, round(H / 5) * 5)
    room = RoomPlan(ids(rtype), rtype, x, y, W, H)
    if style and rng.random() < 0.25:
        room.floor = rng.choice(FLOORS)
    if style and rng.random() < 0.2:
        room.walls = rng.choice(WALLS)
    if rng.random() < 0.12:
        room.height = rng.choice([2.4, 2.5, 2.6, 2.8, 3.0])
    return room


def openings(f: Furnisher, door: bool = True, windows: int | None = None) -> None:
    rng = f.rng
    if door and rng.random() < 0.92:
        f.add_door(rng.choice(list(SIDES)))
    n = windows if windows is not None else rng.choice([0, 1, 1, 1, 2])
    for _ in range(n):
        f.add_window(rng.choice(list(SIDES)), sill=rng.choice([None, None, None, 0.8, 1.0, 1.4]))


def single_object(plan: Plan, rng: random.Random) -> None:
    ids = IdMaker()
    rtype = pick(rng, ROOM_WEIGHTS)
    room = new_room(rng, ids, rtype)
    plan.rooms.append(room)
    f = Furnisher(plan, room, ids, rng)
    plan.facts.append(("room", room.id, rtype, room.W, room.H))
    openings(f, windows=rng.choice([0, 1, 1, 2]))
    floor = [c for c in room_categories(rtype, "floor")
             if c not in ("car",) and not catalog().get(c).ground] or ["chair"]
    if rng.random() < 0.12:
        wall = [c for c in room_categories(rtype, "wall") if c not in ("door", "window", "curtain", "urinal")]
        if wall:
            f.wall_item(rng.choice(wall), side=rng.choice(list(SIDES)))
            return
    for _ in range(6):
        cat = rng.choice(floor)
        mode = rng.choice(["against", "against", "against", "corner", "centre", "window", "door", "window_face",
                           "free"])
        obj = None
        if mode == "against":
            obj = f.against(cat, side=rng.choice(list(SIDES)))
        elif mode == "corner":
            obj = f.corner(cat)
        elif mode == "centre":
            obj = f.centre(cat, facing=rng.choice(list(SIDES)))
        elif mode == "window" and not is_tall(cat):
            obj = f.against(cat, under_window=True)
        elif mode == "door":
            doors = [op for op in room.openings if op.kind == "door"]
            if doors:
                from .layout import facing_towards, opening_centre
                ox, oy = opening_centre(room, doors[0])
                for _ in range(6):
                    cx, cy = rng.randint(6, max(6, room.W - 6)), rng.randint(6, max(6, room.H - 6))
                    fac = facing_towards(cx, cy, ox, oy)
                    obj = f.at(cat, cx, cy, fac)
                    if obj is not None:
                        break
        elif mode == "window_face":
            wins = [op for op in room.openings if op.kind == "window"]
            if wins:
                from .layout import facing_towards, opening_centre
                ox, oy = opening_centre(room, wins[0])
                for _ in range(6):
                    cx, cy = rng.randint(6, max(6, room.W - 6)), rng.randint(6, max(6, room.H - 6))
                    obj = f.at(cat, cx, cy, facing_towards(cx, cy, ox, oy))
                    if obj is not None:
                        break
        else:
            obj = f.free_spot(cat)
        if obj is not None:
            return


def furnished_room(plan: Plan, rng: random.Random, level: int, rtype: str | None = None) -> None:
    ids = IdMaker()
    rtype = rtype or pick(rng, ROOM_WEIGHTS)
    room = new_room(rng, ids, rtype)
    plan.rooms.append(room)
    f = Furnisher(plan, room, ids, rng)
    plan.facts.append(("room", room.id, rtype, room.W, room.H))
    openings(f)
    recipe = RECIPES.get(rtype)
    if recipe is not None:
        recipe(f, level)
    else:
        extras(f, level, k=3)
    if level >= 1 and rng.random() < 0.35:
        extras(f, level, k=1)
    if not room.objects and not room.wall_items and not room.ceiling:
        extras(f, 1, k=2)


# ---- architecture ---------------------------------------------------------------------------------------

SUITES = [
    (["living_room", "bedroom", "bathroom"], 5), (["living_room", "kitchen", "bedroom", "bathroom"], 4),
    (["bedroom", "bathroom"], 4), (["kitchen", "dining_room"], 3), (["studio", "bathroom"], 3),
    (["living_room", "bedroom"], 3), (["reception", "office", "office"], 2),
    (["reception", "office", "conference_room"], 2), (["waiting_room", "exam_room", "exam_room"], 2),
    (["gym", "locker_room", "bathroom"], 1), (["cafe", "kitchen"], 2), (["salon", "storage_room"], 1),
    (["library", "study"], 1), (["garage", "laundry_room"], 2), (["bedroom", "bathroom", "closet"], 2),
    (["kids_room", "playroom"], 1), (["office", "garage"], 1), (["hotel_room", "bathroom"], 2),
    (["shop", "office", "storage_room"], 1), (["bedroom", "balcony"], 1), (["kitchen", "living_room"], 2),
    (["office", "conference_room", "conference_room"], 1), (["living_room", "bedroom", "bedroom"], 2),
    (["reception", "waiting_room", "exam_room"], 1), (["classroom", "classroom"], 1),
]
HALL_SUITES = [
    (["bedroom", "bedroom", "kitchen", "bathroom"], 3), (["bedroom", "bathroom", "living_room"], 2),
    (["hospital_room", "hospital_room", "hospital_room"], 1), (["classroom", "classroom"], 1),
    (["office", "office", "conference_room"], 1), (["bedroom", "bedroom", "bedroom", "bathroom", "living_room"], 1),
    (["kitchen", "bedroom", "bathroom"], 2), (["hotel_room", "hotel_room"], 1),
]
SMALL = {"bathroom", "closet", "storage_room", "laundry_room", "balcony", "locker_room"}


def _split(rng, x, y, W, H, n):
    """Guillotine split of a rectangle into n rectangles."""
    if n == 1:
        return [(x, y, W, H)]
    k = rng.randint(1, n - 1)
    if W >= H:
        cut = int(W * k / n) + rng.randint(-3, 3)
        cut = max(20, min(W - 20, cut))
        return _split(rng, x, y, cut, H, k) + _split(rng, x + cut, y, W - cut, H, n - k)
    cut = int(H * k / n) + rng.randint(-3, 3)
    cut = max(20, min(H - 20, cut))
    return _split(rng, x, y, W, cut, k) + _split(rng, x, y + cut, W, H - cut, n - k)


def _shared(a: RoomPlan, b: RoomPlan):
    """(side of a, lo, hi) of the wall a shares with b in a's local coordinate, or None."""
    if a.x + a.W == b.x or b.x + b.W == a.x:
        side = "east" if a.x + a.W == b.x else "west"
        lo, hi = max(a.y, b.y), min(a.y + a.H, b.y + b.H)
        return (side, lo - a.y, hi - a.y) if hi - lo >= 14 else None
    if a.y + a.H == b.y or b.y + b.H == a.y:
        side = "north" if a.y + a.H == b.y else "south"
        lo, hi = max(a.x, b.x), min(a.x + a.W, b.x + b.W)
        return (side, lo - a.x, hi - a.x) if hi - lo >= 14 else None
    return None


def _exterior_sides(room: RoomPlan, rooms: list[RoomPlan]) -> list[str]:
    out = []
    for side in SIDES:
        if not any(_shared(room, o) and _shared(room, o)[0] == side for o in rooms if o is not room):
            out.append(side)
    return out


def architectural(plan: Plan, rng: random.Random) -> None:
    ids = IdMaker()
    r = rng.random()
    if r < 0.15:
        _l_room(plan, rng, ids)
        return
    if r < 0.3:
        _single_shell(plan, rng, ids)
        return
    hall = r < 0.5
    types = list(pick(rng, {tuple(k): w for k, w in (HALL_SUITES if hall else SUITES)}))
    rng.shuffle(types)
    rooms: list[RoomPlan] = []
    if hall:
        n = len(types)
        below = types[: (n + 1) // 2]
        above = types[(n + 1) // 2:]
        width = max(len(below), len(above)) * rng.randint(30, 40)
        hh = rng.randint(14, 18)
        h1, h2 = rng.randint(30, 40), rng.randint(30, 40)
        hall_room = RoomPlan(ids("hallway" if rng.random() < 0.7 else "corridor"), "hallway", 0, h1, width, hh)
        rooms.append(hall_room)
        for row, y, H in ((below, 0, h1), (above, h1 + hh, h2)):
            if not row:
                continue
            xs = _split(rng, 0, y, width, H, len(row)) if len(row) > 1 else [(0, y, width, H)]
            xs = sorted(xs)
            for t, (rx, ry, rw, rh) in zip(row, xs):
                rooms.append(RoomPlan(ids(t), t, rx, ry, rw, rh))
        entry = hall_room
    else:
        n = len(types)
        Wt = rng.randint(35, 45) * max(1, (n + 1) // 2) + rng.randint(0, 10)
        Ht = rng.randint(30, 42) * (2 if n >= 3 else 1)
        rects = _split(rng, 0, 0, Wt, Ht, n)
        # big rooms take the big rectangles
        rects.sort(key=lambda q: q[2] * q[3])
        order = sorted(types, key=lambda t: (t not in SMALL, ROOM_SIZES.get(t, (30, 40, 30, 40))[1]))
        for t, (rx, ry, rw, rh) in zip(order, rects):
            rooms.append(RoomPlan(ids(t), t, rx, ry, rw, rh))
        main = [r for r in rooms if r.type in ("living_room", "reception", "waiting_room", "studio", "cafe", "shop",
                                               "gym", "salon", "library", "garage", "kitchen", "office", "hallway")]
        entry = main[0] if main else max(rooms, key=lambda q: q.W * q.H)
    for room in rooms:
        plan.rooms.append(room)
        plan.facts.append(("room", room.id, room.type, room.W, room.H))
    furn = {room.id: Furnisher(plan, room, ids, rng) for room in rooms}
    # doors: a spanning tree from the entry room over shared walls
    seen = {entry.id}
    frontier = [entry]
    while frontier:
        a = frontier.pop(0)
        for b in rooms:
            if b.id in seen:
                continue
            sh = _shared(a, b)
            if not sh:
                continue
            side, lo, hi = sh
            width = 8 if (b.type in SMALL or a.type in SMALL) else 9
            if hi - lo < width + 6:
                continue
            offset = rng.randint(int(lo + width / 2 + 3), int(hi - width / 2 - 3))
            # the door is declared in one of the two rooms
            if rng.random() < 0.5:
                op = furn[a.id].add_door(side, offset, width, leads_to=b.id, door_id=ids("to_" + b.type.split("_")[0]))
            else:
                sh2 = _shared(b, a)
                op = furn[b.id].add_door(sh2[0], offset + (a.x - b.x if side in ("north", "south") else a.y - b.y),
                                         width, leads_to=a.id, door_id=ids("to_" + a.type.split("_")[0]))
            if op is not None:
                _mirror_door(furn, a, b, op)
                seen.add(b.id)
                frontier.append(b)
    ext = _exterior_sides(entry, rooms)
    if ext:
        furn[entry.id].add_door(rng.choice(ext), width=rng.choice([9, 9, 10]), door_id=ids("front"))
    for room in rooms:
        ext = _exterior_sides(room, rooms)
        k = rng.choice([0, 1, 1, 1, 2]) if room.type not in ("hallway", "closet", "storage_room") else 0
        for _ in range(k):
            if ext:
                furn[room.id].add_window(rng.choice(ext), sill=rng.choice([None, None, 1.0, 1.4]))
    for room in rooms:
        if room.type in RECIPES and room.type not in ("hallway",) and rng.random() < 0.35:
            RECIPES[room.type](furn[room.id], 0)


def _mirror_door(furn, a, b, op) -> None:
    """Keep the door's swing zone free on the other side too."""
    if op.leads_to is None:
        return
    owner = a if op.leads_to == b.id else b
    other = b if owner is a else a
    if op.side in ("north", "south"):
        gx = owner.x + op.offset
        lx = gx - other.x
        y0 = 0 if op.side == "north" else other.H - 11
        other.blocked.append((lx - op.width / 2 - 1, y0, lx + op.width / 2 + 1, y0 + 11))
    else:
        gy = owner.y + op.offset
        ly = gy - other.y
        x0 = 0 if op.side == "east" else other.W - 11
        other.blocked.append((x0, ly - op.width / 2 - 1, x0 + 11, ly + op.width / 2 + 1))


def _single_shell(plan: Plan, rng: random.Random, ids: IdMaker) -> None:
    """One room whose openings are the point: several windows, doors on given walls."""
    rtype = pick(rng, ROOM_WEIGHTS)
    room = new_room(rng, ids, rtype)
    plan.rooms.append(room)
    plan.facts.append(("room", room.id, rtype, room.W, room.H))
    f = Furnisher(plan, room, ids, rng)
    for _ in range(rng.choice([1, 1, 1, 2])):
        f.add_door(rng.choice(list(SIDES)))
    sides = rng.sample(list(SIDES), rng.randint(1, 4))
    for s in sides:
        for _ in range(rng.choice([1, 1, 2, 3])):
            f.add_window(s, width=rng.choice([8, 10, 12]), sill=rng.choice([None, None, 1.0]))
    if rng.random() < 0.3 and rtype in RECIPES:
        RECIPES[rtype](f, 0)


def _l_room(plan: Plan, rng: random.Random, ids: IdMaker) -> None:
    rtype = rng.choice(["living_room", "living_room", "office", "kitchen", "bedroom", "studio", "cafe"])
    W, H = rng.randint(45, 65), rng.randint(40, 55)
    w1, h1 = rng.randint(int(W * 0.45), int(W * 0.7)), rng.randint(int(H * 0.4), int(H * 0.65))
    poly = [(0, 0), (W, 0), (W, h1), (w1, h1), (w1, H), (0, H)]
    room = RoomPlan(ids(rtype), rtype, 0, 0, W, H, poly=poly)
    plan.rooms.append(room)
    plan.facts.append(("room", room.id, rtype, W, H))
    plan.facts.append(("l_shape", room.id))
    f = Furnisher(plan, room, ids, rng)
    # south (edge 0) and west (edge 5) are whole walls; openings there use the side names
    f.add_door("south", width=rng.choice([9, 10]))
    for _ in range(rng.randint(1, 3)):
        f.add_window(rng.choice(["south", "west"]))
    if rng.random() < 0.5:
        f.corner(rng.choice(["plant", "armchair", "bookshelf"]), corner="southwest")
