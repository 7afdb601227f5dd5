"""Room recipes: interior-design rules per room type, as moves on a :class:`Furnisher`.

A recipe places the room's functional groups (a bed with its nightstands, a sofa facing a TV,
a table with chairs around it, counters along a wall ...) in random but sensible ways; ``extras``
then adds catalog things that belong in that room type. ``level`` says how much to put in:
0 a few floor things, 1 floor things, 2 floor things plus things on surfaces, walls and ceiling.
"""

from __future__ import annotations

from .furnish import Furnisher
from .layout import OPPOSITE, SIDES, catalog, footprint

ROOM_SIZES = {  # (min W, max W, min H, max H) in cells
    "bedroom": (30, 48, 30, 45), "guest_room": (30, 42, 30, 40), "hotel_room": (32, 45, 35, 48),
    "kids_room": (30, 42, 28, 40), "nursery": (28, 38, 28, 38), "living_room": (38, 60, 34, 50),
    "lounge": (40, 60, 35, 50), "kitchen": (30, 48, 28, 42), "dining_room": (36, 52, 34, 46),
    "bathroom": (22, 32, 20, 30), "office": (30, 45, 28, 40), "study": (28, 40, 28, 38),
    "conference_room": (45, 65, 35, 48), "classroom": (60, 80, 50, 70), "cafe": (50, 75, 40, 60),
    "restaurant": (55, 80, 45, 60), "bar": (45, 65, 35, 50), "game_room": (45, 65, 40, 55),
    "gym": (55, 80, 45, 65), "home_gym": (35, 50, 30, 42), "hospital_room": (36, 48, 34, 45),
    "clinic": (32, 45, 30, 40), "exam_room": (30, 40, 28, 38), "dental_office": (32, 42, 30, 40),
    "salon": (50, 70, 40, 55), "barbershop": (40, 55, 35, 45), "spa": (32, 45, 30, 40),
    "music_room": (40, 55, 35, 48), "laundry_room": (25, 36, 22, 32), "garage": (45, 65, 55, 70),
    "workshop": (40, 55, 35, 48), "craft_room": (32, 45, 30, 40), "waiting_room": (40, 55, 32, 45),
    "reception": (40, 55, 35, 45), "lobby": (55, 80, 45, 60), "library": (50, 70, 40, 60),
    "home_theater": (40, 55, 40, 55), "studio": (50, 65, 40, 55), "patio": (40, 60, 35, 50),
    "sunroom": (35, 50, 30, 42), "hallway": (40, 60, 14, 18), "entryway": (25, 35, 20, 28),
    "playroom": (35, 48, 32, 42), "balcony": (35, 50, 15, 22), "storage_room": (25, 35, 22, 30),
    "locker_room": (35, 50, 30, 40), "pharmacy": (40, 55, 35, 45), "shop": (45, 60, 35, 50),
}
ROOM_TYPES = list(ROOM_SIZES)


def _n(f: Furnisher, lo: int, hi: int) -> int:
    return f.rng.randint(lo, hi)


def _p(f: Furnisher, p: float) -> bool:
    return f.rng.random() < p


def _other_side(f: Furnisher, obj, exclude=()) -> str:
    sides = [s for s in SIDES if s != obj.wall and s not in exclude]
    return f.rng.choice(sides)


def _light(f: Furnisher, level: int, over=None) -> None:
    if level >= 2 and _p(f, 0.6):
        f.ceiling_item(f.rng.choice(["ceiling_light", "ceiling_light", "ceiling_fan", "chandelier"])
                       if over is None else f.rng.choice(["pendant_light", "chandelier", "ceiling_light"]), over=over)


def _decor(f: Furnisher, level: int, surfaces=(), k: int = 2) -> None:
    """Things on tops, art on walls."""
    if level < 2:
        return
    for parent, options in surfaces:
        if parent is not None and _p(f, 0.75):
            pick = f.rng.sample(options, min(len(options), f.rng.randint(1, 2)))
            f.on_top(parent, pick)
    if _p(f, 0.5):
        f.wall_item(f.rng.choice(["painting", "painting", "clock", "mirror"]))


# ---- bedrooms ------------------------------------------------------------------------------------------


def bedroom(f: Furnisher, level: int) -> None:
    kind = f.room.type
    bed_cat = "bed"
    if kind in ("kids_room",) and _p(f, 0.4):
        bed_cat = "bunk_bed"
    bed = f.against(bed_cat, centred=True)
    if bed is None:
        return
    ns = []
    if bed_cat == "bed":
        mode = f.rng.choice(["both", "both", "both", "left", "right", "none"])
        for side in (["left", "right"] if mode == "both" else [mode] if mode != "none" else []):
            o = f.beside(bed, "nightstand", side, base="ns")
            if o is not None:
                ns.append(o)
        if len(ns) == 2:
            f.facts.append(("both_sides", (ns[0].id, ns[1].id), bed.id))
    if _p(f, 0.6):
        f.against("wardrobe" if kind != "kids_room" else f.rng.choice(["wardrobe", "toy_box", "dollhouse"]))
    if _p(f, 0.5):
        dresser = f.against(f.rng.choice(["dresser", "dresser", "chest_of_drawers"]))
        if dresser is not None and level >= 2:
            if _p(f, 0.6):
                f.on_top(dresser, f.rng.sample(["vase", "jewelry_box", "photo_frame", "table_lamp", "tv"], 2))
            if _p(f, 0.5) and dresser.cat == "dresser":
                f.wall_item("mirror", above=dresser)
    if _p(f, 0.45):
        desk = f.against("desk", under_window=_p(f, 0.6)) or f.against("desk")
        if desk is not None:
            if _p(f, 0.8):
                f.in_front(desk, f.rng.choice(["office_chair", "chair", "gaming_chair"]) if kind != "kids_room"
                           else "kids_chair", gap=f.rng.choice([0, 0, 1]))
            if level >= 2 and _p(f, 0.6):
                f.on_top(desk, f.rng.sample(["laptop", "desk_lamp", "computer_monitor", "book", "small_plant"], 2))
    if _p(f, 0.35):
        f.in_front(bed, f.rng.choice(["rug", "bench", "trunk"]), gap=f.rng.choice([0, 1]))
    if kind == "kids_room":
        for cat in f.rng.sample(["toy_box", "kids_table", "bean_bag", "play_tent", "rocking_horse", "bookshelf"], 2):
            o = f.against(cat) or f.corner(cat)
            if o is not None and cat == "kids_table" and _p(f, 0.7):
                f.in_front(o, "kids_chair", gap=0)
            if o is not None and cat == "toy_box" and level >= 2 and _p(f, 0.5):
                f.on_top(o, ["teddy_bear"])
    if _p(f, 0.4):
        f.corner(f.rng.choice(["armchair", "plant", "floor_lamp", "plant", "laundry_hamper", "floor_mirror"]))
    if kind == "hotel_room" and _p(f, 0.6):
        f.against(f.rng.choice(["mini_fridge", "tv_stand", "armchair"]))
    if level >= 2:
        for n in ns:
            if _p(f, 0.7):
                f.on_top(n, [f.rng.choice(["table_lamp", "table_lamp", "alarm_clock", "book", "phone"])])
        if _p(f, 0.5):
            f.wall_item(f.rng.choice(["painting", "painting", "wall_tv", "clock"]), above=bed)
        if _p(f, 0.3) and bed.cat == "bed":
            f.on_top(bed, [f.rng.choice(["cushion", "blanket", "teddy_bear"])])
    _light(f, level)


def nursery(f: Furnisher, level: int) -> None:
    crib = f.against("crib", under_window=_p(f, 0.3)) or f.against("crib")
    if crib is None:
        return
    if _p(f, 0.7):
        ct = f.beside(crib, "changing_table", f.rng.choice(["left", "right"]), gap=f.rng.choice([0, 2]))
        if ct is not None and level >= 2 and _p(f, 0.6):
            f.on_top(ct, [f.rng.choice(["teddy_bear", "towel", "tissue_box"])])
    if _p(f, 0.7):
        f.corner("rocking_chair") or f.against("rocking_chair")
    for cat in f.rng.sample(["dresser", "toy_box", "bassinet", "play_mat", "stroller", "bookshelf"], 2):
        f.against(cat) or f.corner(cat)
    if level >= 2 and _p(f, 0.5):
        f.ceiling_item(f.rng.choice(["hanging_plant", "ceiling_light"]))
    _light(f, level)


# ---- living ----------------------------------------------------------------------------------------------


def living_room(f: Furnisher, level: int) -> None:
    sofa_cat = f.rng.choice(["sofa", "sofa", "sofa", "sectional_sofa"])
    side = f.rng.choice(list(SIDES))
    sofa = f.against(sofa_cat, side=side) or f.against(sofa_cat)
    if sofa is None:
        return
    coffee = None
    if _p(f, 0.8):
        if _p(f, 0.3):
            f.in_front(sofa, "rug", gap=1)
        coffee = f.in_front(sofa, f.rng.choice(["coffee_table", "coffee_table", "ottoman"]),
                            gap=f.rng.choice([4, 5]))
    tv = None
    if _p(f, 0.75):
        tv_cat = f.rng.choice(["tv_stand", "tv_stand", "fireplace", "sideboard"])
        opp = OPPOSITE[sofa.wall]
        tv = f.against(tv_cat, side=opp, offset=sofa.cx if opp in ("north", "south") else sofa.cy)
        if tv is not None:
            along = sofa.cx if opp in ("north", "south") else sofa.cy
            if abs((tv.cx if opp in ("north", "south") else tv.cy) - along) < 0.5:
                tv.clauses = f"against {opp} wall aligned with {sofa.id}"
            f.facts.append(("facing_obj", sofa.id, tv.id))
            f.facts.append(("facing_obj", tv.id, sofa.id))
            if coffee is not None:
                f.facts.append(("between", coffee.id, sofa.id, tv.id))
            if level >= 2 and tv_cat == "tv_stand" and _p(f, 0.8):
                f.on_top(tv, ["tv"] if _p(f, 0.6) else ["tv", f.rng.choice(["game_console", "speaker", "vase"])])
    if coffee is not None and _p(f, 0.5):
        for side_ in f.rng.sample(["left", "right"], f.rng.choice([1, 1, 2])):
            cat = f.rng.choice(["armchair", "armchair", "recliner"])
            # an armchair at the coffee table's end, facing it
            o = f.beside(sofa, f.rng.choice(["side_table", "floor_lamp", "plant"]), side_) if _p(f, 0.5) else None
            if o is not None and o.cat == "side_table" and level >= 2 and _p(f, 0.6):
                f.on_top(o, [f.rng.choice(["table_lamp", "vase", "book"])])
    elif _p(f, 0.5):
        o = f.beside(sofa, f.rng.choice(["side_table", "floor_lamp", "plant"]), f.rng.choice(["left", "right"]))
        if o is not None and o.cat == "side_table" and level >= 2 and _p(f, 0.6):
            f.on_top(o, [f.rng.choice(["table_lamp", "vase", "book"])])
    if _p(f, 0.5):
        f.corner(f.rng.choice(["armchair", "recliner", "plant", "floor_lamp"]))
    if _p(f, 0.4):
        shelf = f.against(f.rng.choice(["bookshelf", "bookshelf", "piano", "console_table", "china_cabinet"]))
        if shelf is not None and level >= 2 and shelf.cat == "bookshelf" and _p(f, 0.6):
            f.on_top_group(shelf, "book", f.rng.randint(3, 5), level=f.rng.randint(1, 3))
    if level >= 2:
        if coffee is not None and coffee.cat == "coffee_table" and _p(f, 0.6):
            f.on_top(coffee, f.rng.sample(["vase", "book", "remote_control", "candle", "board_game"], 2))
        if _p(f, 0.5):
            f.wall_item(f.rng.choice(["painting", "painting", "clock"]), above=sofa)
    _light(f, level)


def studio(f: Furnisher, level: int) -> None:
    bed = f.corner("bed")
    if bed is None:
        bed = f.against("bed")
    sofa = f.against("sofa")
    if sofa is not None and _p(f, 0.7):
        opp = OPPOSITE[sofa.wall]
        tv = f.against("tv_stand", side=opp, offset=sofa.cx if opp in ("north", "south") else sofa.cy)
        if tv is not None:
            f.facts.append(("facing_obj", sofa.id, tv.id))
            if level >= 2:
                f.on_top(tv, ["tv"])
    table = None
    if _p(f, 0.7):
        table = f.against("dining_table", under_window=True) or f.free_spot("dining_table", facing="north")
        if table is not None and _p(f, 0.8):
            f.around(table, "dining_chair", f.rng.choice([2, 2, 3]) if table.wall else 4)
    if _p(f, 0.5):
        f.corner("kitchen_counter") or f.against("refrigerator")
    _light(f, level)


# ---- kitchen and dining ---------------------------------------------------------------------------------


def kitchen(f: Furnisher, level: int) -> None:
    side = f.rng.choice(list(SIDES))
    corner = f.rng.choice([c for c in ("northeast", "northwest", "southeast", "southwest") if c.startswith(side)]
                          if side in ("north", "south") else ["northeast", "northwest", "southeast", "southwest"])
    fridge = f.corner("refrigerator", corner=corner) if _p(f, 0.6) else f.against("refrigerator")
    run = fridge
    counters = []
    if fridge is not None:
        seq = f.rng.sample(["kitchen_counter", "sink", "stove", "kitchen_counter", "dishwasher"], f.rng.randint(1, 4))
        for cat in seq:
            o = f.beside(run, cat, "left" if _p(f, 0.6) else "right")
            if o is None:
                break
            counters.append(o)
            run = o
    if not any(o.cat == "sink" for o in counters):
        sink = f.against("sink", under_window=_p(f, 0.6)) or f.against("sink")
        if sink is not None:
            counters.append(sink)
            if _p(f, 0.5):
                dw = f.beside(sink, "dishwasher", f.rng.choice(["left", "right"]))
                if dw is not None:
                    counters.append(dw)
    if not any(o.cat == "stove" for o in counters) and _p(f, 0.7):
        st = f.against("stove")
        if st is not None:
            counters.append(st)
    if _p(f, 0.5):
        island = f.centre("kitchen_island", facing=f.rng.choice(["north", "south"]))
        if island is not None:
            if _p(f, 0.7):
                _stools(f, island, f.rng.randint(2, 3))
            if level >= 2 and _p(f, 0.5):
                f.ceiling_item("pendant_light", over=island, n=f.rng.choice([1, 2, 3]))
            if level >= 2 and _p(f, 0.4):
                f.on_top(island, [f.rng.choice(["fruit_bowl", "vase", "cutting_board"])])
    elif _p(f, 0.35):
        table = f.centre("dining_table")
        if table is not None:
            f.around(table, "dining_chair", f.rng.choice([2, 4]))
    if level >= 2:
        for o in counters:
            if o.cat in ("kitchen_counter",) and _p(f, 0.7):
                f.on_top(o, f.rng.sample(["microwave", "kettle", "toaster", "coffee_machine", "cutting_board",
                                          "blender"], f.rng.randint(1, 2)))
            elif o.cat == "stove" and _p(f, 0.5):
                f.on_top(o, [f.rng.choice(["cooking_pot", "frying_pan"])])
                if _p(f, 0.5):
                    f.wall_item("range_hood", above=o)
            elif o.cat == "sink" and _p(f, 0.3):
                f.on_top(o, ["soap_dispenser"])
        wall_counter = [o for o in counters if o.cat == "kitchen_counter"]
        if wall_counter and _p(f, 0.5):
            f.wall_item(f.rng.choice(["wall_cabinet", "wall_cabinet", "spice_rack", "wall_shelf"]),
                        above=wall_counter[0])
    _light(f, level)


def _stools(f: Furnisher, island, n: int) -> None:
    w, d = footprint("bar_stool")
    # a row of stools in front of the island, facing it
    o = f.in_front(island, "bar_stool", gap=1) if n == 1 else None
    if n > 1:
        total = n * w + (n - 1) * 2
        if total <= island.w + 2:
            from .layout import FRONT, rect_of, num
            fx, fy = FRONT[island.facing]
            dist = island.d / 2 + 1 + d / 2
            cx, cy = island.cx + fx * dist, island.cy + fy * dist
            fac = OPPOSITE[island.facing]
            rect = rect_of(cx, cy, total, d, fac)
            if f._ok("bar_stool", rect, fac, ignore={island.id}, front=False):
                from .layout import Obj
                gid = f.ids("stools")
                obj = Obj(gid, "bar_stool", f"row in front of {island.id} gap 1 spacing 2", fac, rect, cx, cy,
                          total, d, n=n, arrangement="row", obstacle=True)
                f.room.objects.append(obj)
                f.facts.append(("obj", gid, "bar_stool", n))
                f.facts.append(("in_front", gid, island.id))
                f.facts.append(("row", gid, n))


def dining_room(f: Furnisher, level: int) -> None:
    table_cat = f.rng.choice(["dining_table", "dining_table", "table"])
    table = f.centre(table_cat, facing=f.rng.choice(["north", "east"]))
    if table is None:
        return
    n = f.rng.choice([2, 4, 4, 6, 6, 8])
    chairs = f.around(table, "dining_chair", n, gap=f.rng.choice([0, 1, 1]))
    if chairs is None and n > 4:
        f.around(table, "dining_chair", 4)
    if _p(f, 0.6):
        sb = f.against(f.rng.choice(["sideboard", "sideboard", "china_cabinet", "bar_cart"]))
        if sb is not None and level >= 2 and _p(f, 0.7):
            if sb.cat == "china_cabinet":
                f.on_top_group(sb, f.rng.choice(["plate", "bowl", "glass"]), f.rng.randint(2, 4),
                               level=f.rng.randint(1, 2))
            else:
                f.on_top(sb, f.rng.sample(["vase", "candle", "fruit_bowl", "bottle", "teapot"], 2))
            if _p(f, 0.4) and sb.cat == "sideboard":
                f.wall_item("painting", above=sb)
    if _p(f, 0.4):
        f.corner(f.rng.choice(["plant", "china_cabinet", "wine_rack", "floor_lamp"]))
    if level >= 2:
        if _p(f, 0.7):
            choice = f.rng.random()
            if choice < 0.4:
                f.on_top(table, ["fruit_bowl"])
            elif choice < 0.7:
                f.on_top_group(table, f.rng.choice(["plate", "candle", "glass"]), f.rng.randint(2, 4))
            else:
                f.on_top(table, f.rng.sample(["vase", "candle", "fruit_bowl", "teapot", "bowl"], 2))
        if _p(f, 0.6):
            f.ceiling_item(f.rng.choice(["chandelier", "pendant_light"]), over=table)


# ---- bathroom ------------------------------------------------------------------------------------------


def bathroom(f: Furnisher, level: int) -> None:
    tub = None
    if _p(f, 0.7):
        tub = f.corner("bathtub") if _p(f, 0.6) else f.against("bathtub")
        if tub is not None and _p(f, 0.4):
            f.in_front(tub, "bath_mat", gap=0)
    if tub is None or _p(f, 0.2):
        f.corner("shower")
    toilet = f.against("toilet")
    sink = f.against(f.rng.choice(["bathroom_sink", "bathroom_sink", "bathroom_vanity"]))
    if toilet is not None and sink is None and _p(f, 0.5):
        sink = f.beside(toilet, "bathroom_sink", f.rng.choice(["left", "right"]), gap=2)
    if _p(f, 0.3):
        f.against(f.rng.choice(["laundry_hamper", "washing_machine", "trash_can"])) or f.corner("plant")
    if level >= 2:
        if sink is not None:
            if _p(f, 0.7):
                f.wall_item(f.rng.choice(["mirror", "mirror", "medicine_cabinet"]), above=sink)
            if _p(f, 0.5):
                f.on_top(sink, [f.rng.choice(["soap_dispenser", "cup", "towel"])])
        if _p(f, 0.5):
            f.wall_item(f.rng.choice(["towel_rack", "towel_rack", "toilet_paper_holder"]), z=1.0)
        if _p(f, 0.5):
            f.ceiling_item("ceiling_light")


# ---- work ------------------------------------------------------------------------------------------------


def office(f: Furnisher, level: int) -> None:
    desk_cat = f.rng.choice(["desk", "desk", "desk", "standing_desk"])
    desk = None
    if _p(f, 0.5):
        desk = f.against(desk_cat, under_window=True)
    desk = desk or f.against(desk_cat) or f.free_spot(desk_cat)
    if desk is None:
        return
    if _p(f, 0.85) and desk_cat == "desk":
        f.in_front(desk, "office_chair", gap=f.rng.choice([0, 0, 1]))
    if _p(f, 0.5):
        for side in f.rng.sample(["left", "right"], f.rng.choice([1, 1, 2])):
            cat = f.rng.choice(["bookshelf", "filing_cabinet", "drawer_unit", "plant", "filing_cabinet"])
            o = f.beside(desk, cat, side, gap=f.rng.choice([0, 1, 2]))
            if o is not None and level >= 2 and cat == "filing_cabinet" and _p(f, 0.5):
                f.on_top(o, [f.rng.choice(["printer", "small_plant", "telephone"])])
    if _p(f, 0.5):
        shelf = f.against(f.rng.choice(["bookshelf", "bookshelf", "shelving_unit", "storage_cabinet"]))
        if shelf is not None and level >= 2 and _p(f, 0.6):
            if _p(f, 0.5):
                f.on_top_group(shelf, "book", f.rng.randint(3, 5), level=f.rng.randint(1, 3))
            else:
                f.on_top(shelf, [f.rng.choice(["storage_box", "small_plant", "globe", "printer"])],
                         level=f.rng.randint(1, 2))
    if _p(f, 0.3):
        f.corner(f.rng.choice(["plant", "armchair", "floor_lamp", "water_cooler", "tree"]))
    if _p(f, 0.2):
        second = f.against("desk")
        if second is not None:
            f.in_front(second, "office_chair")
    if level >= 2:
        if _p(f, 0.8):
            f.on_top(desk, f.rng.sample(["laptop", "computer_monitor", "desk_lamp", "keyboard", "small_plant",
                                         "pen_holder", "telephone", "mouse"], f.rng.randint(1, 3)))
        if _p(f, 0.5):
            f.wall_item(f.rng.choice(["whiteboard", "painting", "clock", "bulletin_board", "calendar"]))
    _light(f, level)


def conference_room(f: Furnisher, level: int) -> None:
    table = f.centre("conference_table", facing=f.rng.choice(["north", "east"]))
    if table is None:
        return
    f.around(table, f.rng.choice(["office_chair", "chair"]), f.rng.choice([4, 6, 6, 8, 8, 10]))
    if _p(f, 0.6):
        f.wall_item(f.rng.choice(["projector_screen", "whiteboard", "wall_tv"]))
    if _p(f, 0.4):
        f.against(f.rng.choice(["sideboard", "plant", "water_cooler"]))
    if level >= 2 and _p(f, 0.5):
        f.ceiling_item("projector", over=table)


def classroom(f: Furnisher, level: int) -> None:
    r = f.room
    board_side = f.rng.choice(["north", "north", "west", "east", "south"])
    board = f.wall_item(f.rng.choice(["whiteboard", "chalkboard"]), side=board_side, z=1.4)
    teacher = None
    # teacher's desk near the board, facing the class
    if board_side in ("north", "south"):
        cy = r.H - 12 if board_side == "north" else 12
        teacher = f.at("desk", round(r.W / 2), cy, OPPOSITE[board_side], base="teacher_desk")
    else:
        cx = r.W - 12 if board_side == "east" else 12
        teacher = f.at("desk", cx, round(r.H / 2), OPPOSITE[board_side], base="teacher_desk")
    if teacher is not None and _p(f, 0.6):
        f.beside(teacher, "office_chair", "behind", gap=1)
    cols, rows = f.rng.choice([(3, 2), (4, 3), (5, 4), (3, 3), (4, 2), (2, 2)])
    toward = board_side
    if toward in ("north", "south"):
        at = (round(r.W / 2), round((r.H - 20) / 2) + (0 if toward == "north" else 20))
    else:
        at = (round((r.W - 20) / 2) + (0 if toward == "east" else 20), round(r.H / 2))
    g = f.grid("school_desk", cols, rows, at, toward, spacing=f.rng.choice([4, 5, 6]))
    if g is None:
        f.grid("school_desk", 3, 2, at, toward, spacing=5)
    if board is not None and g is not None:
        f.facts.append(("facing_obj", g.id, board.id))
    if _p(f, 0.5):
        f.against(f.rng.choice(["bookshelf", "storage_cabinet", "book_cart"]))
    if level >= 2 and teacher is not None and _p(f, 0.6):
        f.on_top(teacher, f.rng.sample(["globe", "laptop", "book", "pen_holder"], 2))
    if level >= 2 and _p(f, 0.4):
        f.wall_item("clock")


def waiting_room(f: Furnisher, level: int) -> None:
    n = f.rng.randint(3, 6)
    row = f.row("waiting_chair", n, spacing=f.rng.choice([0, 1]))
    if f.room.type in ("reception", "lobby", "waiting_room") and _p(f, 0.7):
        desk = f.against("reception_desk")
        if desk is not None and row is not None and row.wall == OPPOSITE.get(desk.wall, ""):
            f.facts.append(("facing_obj", row.id, desk.id))
        if desk is not None and level >= 2 and _p(f, 0.6):
            f.on_top(desk, f.rng.sample(["telephone", "computer_monitor", "small_plant"], 2))
    for cat in f.rng.sample(["magazine_rack", "water_cooler", "plant", "coffee_table", "vending_machine", "tree"], 2):
        f.corner(cat) or f.against(cat)
    if level >= 2 and _p(f, 0.4):
        f.wall_item(f.rng.choice(["clock", "painting", "wall_tv"]))


# ---- leisure ---------------------------------------------------------------------------------------------


def cafe(f: Furnisher, level: int) -> None:
    counter = f.against(f.rng.choice(["bar_counter", "bar_counter", "display_case"]))
    if counter is not None:
        if counter.cat == "bar_counter" and _p(f, 0.6):
            _stools(f, counter, f.rng.randint(2, 4))
        if level >= 2 and _p(f, 0.6):
            f.on_top(counter, f.rng.sample(["cash_register", "coffee_machine", "vase"], 2))
    k = f.rng.randint(1, 4)
    for _ in range(k):
        t = f.free_spot(f.rng.choice(["cafe_table", "cafe_table", "table"]), facing="north")
        if t is not None:
            f.around(t, "cafe_chair", f.rng.choice([2, 2, 3, 4]))
    if _p(f, 0.4):
        f.corner("plant")
    if level >= 2 and _p(f, 0.4):
        f.wall_item(f.rng.choice(["menu_board", "chalkboard", "painting"]))


def game_room(f: Furnisher, level: int) -> None:
    main = f.rng.choice(["pool_table", "pool_table", "ping_pong_table", "air_hockey_table", "poker_table",
                         "foosball_table"])
    t = f.centre(main, facing=f.rng.choice(["north", "east"]))
    if t is not None and main == "poker_table" and _p(f, 0.7):
        f.around(t, "chair", f.rng.choice([4, 6]))
    for _ in range(f.rng.randint(1, 3)):
        cat = f.rng.choice(["arcade_machine", "jukebox", "pinball_machine", "foosball_table", "bean_bag", "sofa",
                            "bar_counter", "slot_machine"])
        if cat == "arcade_machine" and _p(f, 0.5):
            f.row(cat, f.rng.randint(2, 3), spacing=1)
        else:
            f.against(cat) or f.corner(cat)
    if level >= 1 and _p(f, 0.5):
        f.wall_item(f.rng.choice(["dartboard", "cue_rack"]), z=1.6)
    _light(f, level, over=t if t is not None and _p(f, 0.5) else None)


def gym(f: Furnisher, level: int) -> None:
    side = f.rng.choice(list(SIDES))
    cats = f.rng.sample(["treadmill", "exercise_bike", "elliptical", "rowing_machine"], f.rng.randint(1, 3))
    for cat in cats:
        if _p(f, 0.4) and f.room.type == "gym":
            f.row(cat, f.rng.randint(2, 3), spacing=f.rng.choice([2, 3]))
        else:
            f.against(cat)
    for cat in f.rng.sample(["weight_bench", "dumbbell_rack", "squat_rack", "multi_gym", "yoga_mat",
                             "exercise_ball", "water_cooler", "kettlebell"], f.rng.randint(1, 3)):
        f.against(cat) or f.corner(cat)
    if level >= 1 and _p(f, 0.4):
        f.wall_item("mirror", z=1.3)
    if level >= 2 and _p(f, 0.3):
        f.ceiling_item("punching_bag")


def hospital_room(f: Furnisher, level: int) -> None:
    bed = f.against("hospital_bed", centred=True) or f.against("hospital_bed")
    if bed is None:
        return
    used = set()
    for cat in f.rng.sample(["iv_stand", "patient_monitor", "overbed_table", "medical_cart"], f.rng.randint(1, 2)):
        side = f.rng.choice([s for s in ("left", "right") if s not in used] or ["left"])
        if f.beside(bed, cat, side, gap=f.rng.choice([0, 1])) is not None:
            used.add(side)
    if _p(f, 0.6):
        chair = f.rng.choice(["waiting_chair", "armchair", "chair"])
        wins = [op for op in f.room.openings if op.kind == "window"]
        (f.against(chair, under_window=True) if wins else None) or f.corner(chair) or f.against(chair)
    if _p(f, 0.4):
        f.against(f.rng.choice(["medical_cabinet", "privacy_screen", "wheelchair", "oxygen_tank"]))
    if level >= 2:
        if _p(f, 0.4):
            f.wall_item(f.rng.choice(["wall_tv", "clock", "hand_sanitizer"]))
    _light(f, level)


def clinic(f: Furnisher, level: int) -> None:
    main = {"dental_office": "dental_chair"}.get(f.room.type, "examination_table")
    t = f.against(main) or f.free_spot(main)
    if t is None:
        return
    for cat in f.rng.sample(["medical_stool", "medical_cart", "medical_scale", "walker"], f.rng.randint(1, 2)):
        f.beside(t, cat, f.rng.choice(["left", "right"]), gap=1) or f.against(cat)
    if _p(f, 0.6):
        f.against(f.rng.choice(["medical_cabinet", "desk", "sink"]))
    if level >= 2 and _p(f, 0.4):
        f.wall_item(f.rng.choice(["hand_sanitizer", "clock", "painting"]), z=1.4)


def salon(f: Furnisher, level: int) -> None:
    n = f.rng.randint(1, 3)
    side = f.rng.choice(list(SIDES))
    stations = []
    for i in range(n):
        s = f.against("styling_station", side=side)
        if s is None:
            break
        stations.append(s)
        if _p(f, 0.8):
            f.in_front(s, f.rng.choice(["salon_chair", "salon_chair", "chair"]), gap=2, clear=False)
        if level >= 2 and _p(f, 0.5):
            f.wall_item("mirror", above=s)
    if _p(f, 0.6):
        f.corner(f.rng.choice(["hair_wash_basin", "hood_dryer", "pedicure_chair"]))
    if f.room.type == "spa":
        m = f.centre("massage_table", facing=f.rng.choice(["north", "east"]))
        if m is not None and level >= 2 and _p(f, 0.5):
            f.on_top(m, ["towel"])
    for cat in f.rng.sample(["manicure_table", "salon_trolley", "waiting_chair", "plant", "reception_desk"], 1):
        f.against(cat) or f.corner(cat)


def music_room(f: Furnisher, level: int) -> None:
    piano = f.rng.choice(["piano", "grand_piano"])
    p = f.against(piano) if piano == "piano" else f.free_spot(piano, facing=f.rng.choice(list(SIDES)))
    if p is not None and _p(f, 0.7):
        f.in_front(p, "bench", gap=1 if piano == "piano" else 0, clear=False)
    for cat in f.rng.sample(["drum_kit", "cello", "guitar", "harp", "music_stand", "amplifier", "microphone_stand"],
                            f.rng.randint(1, 3)):
        f.corner(cat) or f.against(cat)


def laundry_room(f: Furnisher, level: int) -> None:
    wm = f.against("washing_machine")
    if wm is None:
        return
    if _p(f, 0.8):
        dr = f.beside(wm, "dryer", f.rng.choice(["left", "right"]))
        if dr is not None:
            f.facts.append(("side_by_side", wm.id, dr.id))
            if _p(f, 0.4):
                f.beside(dr, "utility_sink", "right" if "left of" in dr.clauses else "left")
    for cat in f.rng.sample(["laundry_hamper", "ironing_board", "drying_rack", "shelving_unit", "water_heater"],
                            f.rng.randint(1, 2)):
        f.against(cat) or f.corner(cat)
    if level >= 1 and _p(f, 0.4):
        f.wall_item("wall_cabinet", above=wm)


def garage(f: Furnisher, level: int) -> None:
    if f.room.type == "garage" and _p(f, 0.6):
        f.against("car")
    wb = f.against("workbench", under_window=_p(f, 0.5)) or f.against("workbench")
    if wb is not None and level >= 1:
        if _p(f, 0.5):
            f.wall_item("pegboard", above=wb)
        if _p(f, 0.5):
            f.on_top(wb, [f.rng.choice(["sewing_machine", "desk_lamp"] if f.room.type == "craft_room"
                                       else ["desk_lamp", "cutting_board", "tablet"])])
    for cat in f.rng.sample(["tool_cabinet", "shelving_unit", "bicycle", "lawn_mower", "table_saw", "ladder",
                             "toolbox", "storage_cabinet", "easel"], f.rng.randint(1, 3)):
        f.against(cat) or f.corner(cat)


def library(f: Furnisher, level: int) -> None:
    n = f.rng.randint(2, 4)
    row = f.row("bookshelf", n, spacing=0)
    t = f.centre(f.rng.choice(["table", "dining_table"]))
    if t is not None:
        f.around(t, "chair", f.rng.choice([2, 4]))
    for cat in f.rng.sample(["study_carrel", "armchair", "card_catalog", "book_cart", "floor_lamp"], 2):
        f.against(cat) or f.corner(cat)


def home_theater(f: Furnisher, level: int) -> None:
    side = f.rng.choice(list(SIDES))
    screen = f.wall_item("projector_screen", side=side, z=1.5)
    opp = OPPOSITE[side]
    sofa = f.against(f.rng.choice(["sofa", "sectional_sofa"]), side=opp)
    if sofa is not None and screen is not None:
        f.facts.append(("facing_obj", sofa.id, screen.id))
    if _p(f, 0.5):
        for s in f.rng.sample(["left", "right"], 1):
            if sofa is not None:
                f.beside(sofa, "floor_speaker", s, gap=2)
    if level >= 1 and _p(f, 0.6):
        f.ceiling_item("projector")


def outdoor(f: Furnisher, level: int) -> None:
    t = f.free_spot("patio_table", facing="north")
    if t is not None:
        f.around(t, "patio_chair", f.rng.choice([2, 4]))
    for cat in f.rng.sample(["barbecue", "plant", "hammock", "rocking_chair", "planter", "fire_pit", "chaise_lounge"],
                            f.rng.randint(1, 2)):
        f.against(cat) or f.corner(cat)


def hallway(f: Furnisher, level: int) -> None:
    for cat in f.rng.sample(["console_table", "coat_rack", "shoe_rack", "bench", "umbrella_stand", "plant"],
                            f.rng.randint(1, 2)):
        o = f.against(cat)
        if o is not None and cat == "console_table" and level >= 2 and _p(f, 0.5):
            f.wall_item("mirror", above=o)


def shop(f: Furnisher, level: int) -> None:
    c = f.against(f.rng.choice(["display_case", "reception_desk", "bar_counter"]))
    if c is not None and level >= 2 and _p(f, 0.5):
        f.on_top(c, ["cash_register"])
    f.row(f.rng.choice(["shelving_unit", "medical_cabinet" if f.room.type == "pharmacy" else "shelving_unit"]),
          f.rng.randint(2, 3))


def generic(f: Furnisher, level: int) -> None:
    extras(f, level, k=f.rng.randint(2, 4))


RECIPES = {
    "bedroom": bedroom, "guest_room": bedroom, "hotel_room": bedroom, "kids_room": bedroom, "nursery": nursery,
    "living_room": living_room, "lounge": living_room, "kitchen": kitchen, "dining_room": dining_room,
    "bathroom": bathroom, "office": office, "study": office, "conference_room": conference_room,
    "classroom": classroom, "cafe": cafe, "restaurant": cafe, "bar": cafe, "game_room": game_room,
    "gym": gym, "home_gym": gym, "hospital_room": hospital_room, "clinic": clinic, "exam_room": clinic,
    "dental_office": clinic, "salon": salon, "barbershop": salon, "spa": salon, "music_room": music_room,
    "laundry_room": laundry_room, "garage": garage, "workshop": garage, "craft_room": garage,
    "waiting_room": waiting_room, "reception": waiting_room, "lobby": waiting_room, "library": library,
    "home_theater": home_theater, "studio": studio, "patio": outdoor, "sunroom": outdoor, "balcony": outdoor,
    "hallway": hallway, "entryway": hallway, "playroom": bedroom, "storage_room": generic,
    "locker_room": generic, "pharmacy": shop, "shop": shop,
}

_ROOM_ALIAS_FOR_CATALOG = {"playroom": "kids_room", "exam_room": "clinic", "lounge": "living_room",
                           "entryway": "hallway", "hotel_room": "bedroom", "studio": "living_room"}


def room_categories(room_type: str, placement: str) -> list[str]:
    key = _ROOM_ALIAS_FOR_CATALOG.get(room_type, room_type)
    cat = catalog()
    out = [c.name for c in cat.categories.values() if placement == c.placement and
           (key in c.rooms or room_type in c.rooms)]
    return out


def extras(f: Furnisher, level: int, k: int = 1) -> None:
    """Catalog things that belong in this room type, against walls or in corners, on tops, on walls."""
    floor = [c for c in room_categories(f.room.type, "floor")
             if c not in ("car", "hammock", "parasol", "rug", "yoga_mat", "play_mat", "doormat", "bath_mat")]
    if floor:
        for cat in f.rng.sample(floor, min(k, len(floor))):
            f.against(cat) or f.corner(cat)
    if level >= 2:
        surface = room_categories(f.room.type, "surface")
        tops = [o for o in f.room.objects if o.n == 1 and not o.on_top and catalog().get(o.cat).top_height()
                and catalog().get(o.cat).top_height() < 1.3
                and not any(w in o.cat for w in ("chair", "stool", "seat", "sofa", "bed", "bench", "ottoman", "rug",
                                                 "mat", "recliner", "chaise", "bag"))]
        if surface and tops and _p(f, 0.5):
            parent = f.rng.choice(tops)
            f.on_top(parent, [f.rng.choice(surface)])
        wall = [c for c in room_categories(f.room.type, "wall") if c not in ("door", "window", "curtain",
                                                                              "range_hood", "urinal")]
        if wall and _p(f, 0.4):
            f.wall_item(f.rng.choice(wall))
