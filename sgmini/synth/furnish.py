"""Placement moves with interior-design rules, on a :class:`RoomPlan`.

Each move computes the footprint the compiler will give the object, refuses overlaps, blocked
doors, tall things in front of windows and fronts turned into walls, and records the facts the
prompt writer may mention. A move that finds no room returns None and changes nothing.
"""

from __future__ import annotations

import random

from .layout import (
    CORNERS, DOOR_CLEAR, FRONT, HALF_WALL, OPPOSITE, SIDES, IdMaker, Item, Obj, Opening, Plan, RoomPlan,
    catalog, cells, ext, facing_towards, footprint, height_of, num, opening_centre, overlaps, place_against,
    place_beside, place_corner, place_in_front, rect_of, wall_coord_to_x,
)

MOVABLE = ("chair", "stool", "seat", "bench")


def is_tall(cat: str) -> bool:
    c = catalog().get(cat)
    return bool(c.tall)


def is_obstacle(cat: str) -> bool:
    c = catalog().get(cat)
    if c.ground:
        return False
    return not any(w in cat for w in MOVABLE)


def needs_front(cat: str) -> bool:
    c = catalog().get(cat)
    if c.ground:
        return False
    w, d, _ = c.size
    return w * d >= 0.1 and not any(x in cat for x in MOVABLE + ("plant", "lamp", "vase", "sculpture"))


class Furnisher:
    """Moves on one room of a plan; ``facts`` is shared with the plan."""

    def __init__(self, plan: Plan, room: RoomPlan, ids: IdMaker, rng: random.Random):
        self.plan, self.room, self.ids, self.rng = plan, room, ids, rng

    @property
    def facts(self) -> list[tuple]:
        return self.plan.facts

    # ---- openings ------------------------------------------------------------------------------------
    def add_door(self, side: str, offset: float | None = None, width: int = 9, leads_to: str | None = None,
                 door_id: str | None = None, extra: str = "") -> Opening | None:
        r = self.room
        L = r.wall_length(side)
        if L < width + 4:
            return None
        if offset is None:
            lo, hi = width / 2 + 2, L - width / 2 - 2
            offset = self.rng.randint(int(lo), int(hi)) if self.rng.random() < 0.7 else round(L / 2)
        offset = int(offset)
        if not self._opening_fits(side, offset, width):
            return None
        did = door_id or self.ids("door" if leads_to else self.rng.choice(["entry", "door", "front"]))
        text = f"door {did} on {side} wall"
        if offset != round(L / 2) or self.rng.random() < 0.5:
            text += f" offset {offset}"
        if width != 9:
            text += f" width {width}"
        text += extra
        op = Opening(did, "door", side, offset, width, text, leads_to)
        r.openings.append(op)
        x0, x1 = offset - width / 2 - 1, offset + width / 2 + 1
        zones = {"north": (x0, r.H - DOOR_CLEAR, x1, r.H), "south": (x0, 0, x1, DOOR_CLEAR),
                 "east": (r.W - DOOR_CLEAR, x0, r.W, x1), "west": (0, x0, DOOR_CLEAR, x1)}
        r.blocked.append(zones[side])
        self.facts.append(("door", r.id, side, leads_to, did))
        return op

    def add_window(self, side: str, offset: float | None = None, width: int | None = None,
                   sill: float | None = None, height: float | None = None) -> Opening | None:
        r = self.room
        L = r.wall_length(side)
        width = width or self.rng.choice([8, 10, 12, 12, 14, 16])
        if L < width + 4:
            return None
        if offset is None:
            offset = round(L / 2) if self.rng.random() < 0.5 else self.rng.randint(int(width / 2 + 2),
                                                                                int(L - width / 2 - 2))
        offset = int(offset)
        if not self._opening_fits(side, offset, width):
            return None
        room_h = r.height or 2.7
        if (sill if sill is not None else 0.9) + (height if height is not None else 1.2) > room_h - 0.1:
            sill = None
            height = None
        wid = self.ids("window" if self.rng.random() < 0.6 else "win")
        text = f"window {wid} on {side} wall offset {offset}"
        if width != 12:
            text += f" width {width}"
        if sill is not None:
            text += f" sill {sill:g}"
        if height is not None:
            text += f" height {height:g}"
        op = Opening(wid, "window", side, offset, width, text)
        r.openings.append(op)
        self.facts.append(("window", r.id, side, wid))
        return op

    def _opening_fits(self, side: str, offset: float, width: float) -> bool:
        r = self.room
        L = r.wall_length(side)
        if offset - width / 2 < 2 or offset + width / 2 > L - 2:
            return False
        for a, b in r.opening_intervals(side):
            if offset - width / 2 < b + 2 and a - 2 < offset + width / 2:
                return False
        return True

    # ---- floor objects ---------------------------------------------------------------------------------
    def _ok(self, cat: str, rect, facing: str, ignore=frozenset(), side: str | None = None,
            front: bool = True) -> bool:
        r = self.room
        if not r.free(rect, ignore):
            return False
        if is_tall(cat):  # a tall thing must not stand in front of a window
            for op in r.openings:
                if op.kind != "window":
                    continue
                a, b = op.offset - op.width / 2, op.offset + op.width / 2
                band = {"north": (a, r.H - 8, b, r.H), "south": (a, 0, b, 8), "east": (r.W - 8, a, r.W, b),
                        "west": (0, a, 8, b)}.get(op.side)
                if band and overlaps(rect, band):
                    return False
        h = height_of(cat)
        for side, used in r.wall_used.items():
            for (a, b, z0, z1, depth) in used:
                span = _wall_span(r, rect, side, depth + 1)
                if span is not None and span[0] - 0.5 < b and a < span[1] + 0.5 and h > z0 - 0.05:
                    return False
        if front and needs_front(cat):
            zone = r.front_zone(rect, facing, 5)
            if not r.inside(zone):
                return False
            for o in r.objects:
                if o.id not in ignore and not o.ground and overlaps(zone, o.rect):
                    return False
        return True

    def _make(self, cat: str, clauses: str, cx, cy, facing, rect, wall=None, n=1, arrangement="",
              base: str | None = None, w=None, d=None) -> Obj:
        ow, od = footprint(cat)
        oid = self.ids(base or cat)
        obj = Obj(oid, cat, clauses, facing, rect, cx, cy, w or ow, d or od, n=n, arrangement=arrangement,
                  wall=wall, obstacle=is_obstacle(cat), ground=bool(catalog().get(cat).ground))
        return obj

    def against(self, cat: str, side: str | None = None, offset: float | None = None, centred: bool | None = None,
                under_window: bool = False, base: str | None = None, facing: str | None = None,
                tries: int = 8) -> Obj | None:
        """``cat`` with its back to a wall (a random free one when ``side`` is None)."""
        r = self.room
        sides = [side] if side else self.rng.sample(list(SIDES), 4)
        w, d = footprint(cat)
        for s in sides:
            L = r.wall_length(s)
            if L < w + 2:
                continue
            wins = [op for op in r.openings if op.kind == "window" and op.side == s]
            candidates: list[tuple[float | None, str]] = []
            if under_window:
                if not wins or is_tall(cat):
                    continue
                for op in wins:
                    candidates.append((op.offset, "under"))
            if offset is not None:
                candidates.append((offset, ""))
            if centred is not False:
                candidates.append((None, ""))
            lo, hi = HALF_WALL + w / 2, L - HALF_WALL - w / 2
            if hi < lo:
                continue
            for _ in range(tries):
                candidates.append((self.rng.randint(int(lo + 0.99), max(int(lo + 0.99), int(hi))), ""))
            for off, tag in candidates:
                cx, cy, f, rect = place_against(r, s, cat, off)
                if self._ok(cat, rect, f):
                    clauses = f"against {s} wall"
                    if off is not None and abs(off - L / 2) > 0.01:
                        clauses += f" offset {num(off)}"
                        if abs(round(off) - off) > 1e-9:
                            continue
                    if facing and facing != f:
                        continue
                    obj = self._make(cat, clauses, cx, cy, f, rect, wall=s, base=base)
                    r.add(obj)
                    self.facts.append(("obj", obj.id, cat, 1))
                    self.facts.append(("against", obj.id, s))
                    if tag == "under":
                        self.facts.append(("under_window", obj.id))
                    self._opening_facts(obj)
                    return obj
        return None

    def corner(self, cat: str, corner: str | None = None, base: str | None = None) -> Obj | None:
        r = self.room
        corners = [corner] if corner else self.rng.sample(list(CORNERS), 4)
        for c in corners:
            if r.poly is not None and c == "northeast":
                continue
            cx, cy, f, rect = place_corner(r, c, cat)
            if self._ok(cat, rect, f):
                obj = self._make(cat, f"in {c} corner", cx, cy, f, rect, wall="north" if c[0] == "n" else "south",
                                 base=base)
                r.add(obj)
                self.facts.append(("obj", obj.id, cat, 1))
                self.facts.append(("corner", obj.id, c))
                self._opening_facts(obj)
                return obj
        return None

    def beside(self, anchor: Obj, cat: str, side: str, gap: int = 0, base: str | None = None,
               record: bool = True) -> Obj | None:
        """``left of`` / ``right of`` / ``behind`` an anchor."""
        cx, cy, f, rect = place_beside(anchor, cat, side, gap)
        if not self._ok(cat, rect, f, ignore={anchor.id}):
            return None
        word = {"left": "left of", "right": "right of", "behind": "behind"}[side]
        clauses = f"{word} {anchor.id}" + (f" gap {gap}" if gap else "")
        obj = self._make(cat, clauses, cx, cy, f, rect, base=base)
        self.room.add(obj)
        if record:
            self.facts.append(("obj", obj.id, cat, 1))
            self.facts.append((side + "_of" if side != "behind" else "behind", obj.id, anchor.id))
        return obj

    def in_front(self, anchor: Obj, cat: str, gap: int = 0, facing: str | None = None, base: str | None = None,
                 clear: bool = False) -> Obj | None:
        cx, cy, f, rect = place_in_front(anchor, cat, gap, facing)
        if not self._ok(cat, rect, f, ignore={anchor.id}, front=clear):
            return None
        clauses = f"in front of {anchor.id}" + (f" gap {gap}" if gap else "")
        if facing:
            clauses += f" facing {facing}"
        obj = self._make(cat, clauses, cx, cy, f, rect, base=base)
        self.room.add(obj, clear_front=clear)
        self.facts.append(("obj", obj.id, cat, 1))
        self.facts.append(("in_front", obj.id, anchor.id))
        if f == OPPOSITE[anchor.facing]:
            self.facts.append(("facing_obj", obj.id, anchor.id))
        return obj

    def at(self, cat: str, cx: float, cy: float, facing: str, base: str | None = None, ignore=frozenset(),
           centred: bool = False, record_facing: bool = True, front: bool = True) -> Obj | None:
        w, d = footprint(cat)
        ex, ey = ext(w, d, facing)
        # the centre must put the footprint edges on whole or half cells like the compiler
        rect = rect_of(cx, cy, w, d, facing)
        if not self._ok(cat, rect, facing, ignore=ignore, front=front):
            return None
        r = self.room
        if centred:
            clauses = "centered"
            default = "north"
        else:
            clauses = f"at {num(cx)},{num(cy)}"
            default = "north"
        if facing != default:
            clauses += f" facing {facing}"
        obj = self._make(cat, clauses, cx, cy, facing, rect, base=base)
        r.add(obj)
        self.facts.append(("obj", obj.id, cat, 1))
        if centred or (abs(cx - r.W / 2) < r.W * 0.15 and abs(cy - r.H / 2) < r.H * 0.15):
            self.facts.append(("middle", obj.id))
        if record_facing and facing != "north" or (record_facing and self.rng.random() < 0.3):
            self.facts.append(("facing_dir", obj.id, facing))
        self._opening_facts(obj)
        return obj

    def free_spot(self, cat: str, facing: str | None = None, tries: int = 30, near: tuple | None = None,
                  base: str | None = None) -> Obj | None:
        """A random free floor spot (optionally near a point), facing a random or given way."""
        r = self.room
        w, d = footprint(cat)
        for _ in range(tries):
            f = facing or self.rng.choice(list(SIDES))
            ex, ey = ext(w, d, f)
            if near is not None:
                cx = near[0] + self.rng.randint(-12, 12)
                cy = near[1] + self.rng.randint(-12, 12)
            else:
                cx = self.rng.randint(int(ex / 2 + 2), max(int(ex / 2 + 2), int(r.W - ex / 2 - 2)))
                cy = self.rng.randint(int(ey / 2 + 2), max(int(ey / 2 + 2), int(r.H - ey / 2 - 2)))
            obj = self.at(cat, cx, cy, f, base=base)
            if obj is not None:
                return obj
        return None

    def centre(self, cat: str, facing: str = "north", base: str | None = None, exact: bool = False) -> Obj | None:
        r = self.room
        if r.poly is None and (exact or self.rng.random() < 0.5):
            obj = self.at(cat, r.W / 2, r.H / 2, facing, base=base, centred=True)
            if obj is not None:
                return obj
        cx, cy = round(r.W / 2), round(r.H / 2)
        if r.poly is not None:
            cx, cy = round(r.notch[0] / 2), round(r.notch[1] / 2)
        for dx, dy in [(0, 0), (0, -3), (3, 0), (-3, 0), (0, 3), (0, -6), (0, 6)]:
            obj = self.at(cat, cx + dx, cy + dy, facing, base=base)
            if obj is not None:
                return obj
        return None

    def around(self, table: Obj, cat: str, n: int, gap: int = 1, base: str | None = None) -> Obj | None:
        """``group ID n CAT around TABLE``: the ring of seats is reserved as one block."""
        w, d = footprint(cat)
        tw, td = footprint(table.cat)
        cap = 2 * int(tw // (w + 0.6)) + 2 * max(1, int(td // (w + 0.6)))
        if n > cap:
            return None
        x0, y0, x1, y1 = table.rect
        ring = (x0 - gap - d - 0.5, y0 - gap - d - 0.5, x1 + gap + d + 0.5, y1 + gap + d + 0.5)
        r = self.room
        if not r.inside(ring):
            return None
        for o in r.objects:
            if o.id != table.id and overlaps(ring, o.rect):
                return None
        for b in r.blocked:
            if overlaps(ring, b):
                return None
        gid = self.ids(base or (cat + "s" if not cat.endswith("s") else cat))
        clauses = f"around {table.id}" + (f" gap {gap}" if gap else "")
        obj = Obj(gid, cat, clauses, "north", ring, table.cx, table.cy, w, d, n=n, arrangement="around",
                  obstacle=True)
        # the ring is not an obstacle for others' fronts but for placements: keep it as one
        r.objects.append(obj)
        self.facts.append(("obj", gid, cat, n))
        self.facts.append(("around", gid, table.id, n))
        return obj

    def row(self, cat: str, n: int, side: str | None = None, spacing: int = 0, corner: str | None = None,
            base: str | None = None, facing: str | None = None, at: tuple | None = None,
            under_window: bool = False) -> Obj | None:
        """``group ID n CAT row against SIDE wall`` (or in a corner, or at a point)."""
        r = self.room
        w, d = footprint(cat)
        total = n * w + (n - 1) * spacing
        sides = [side] if side else self.rng.sample(list(SIDES), 4)
        sp = f" spacing {spacing}" if spacing else ""
        if at is not None:
            f = facing or "north"
            rect = rect_of(at[0], at[1], total, d, f)
            if not self._ok(cat, rect, f):
                return None
            gid = self.ids(base or _plural_id(cat))
            clauses = f"row at {num(at[0])},{num(at[1])}{sp}" + (f" facing {f}" if f != "north" else "")
            obj = Obj(gid, cat, clauses, f, rect, at[0], at[1], total, d, n=n, arrangement="row",
                      obstacle=is_obstacle(cat))
            r.add(obj)
            self.facts.append(("obj", gid, cat, n))
            self.facts.append(("row", gid, n))
            self.facts.append(("facing_dir", gid, f))
            self._opening_facts(obj)
            return obj
        for s in sides:
            L = r.wall_length(s)
            if L < total + 2:
                continue
            f = OPPOSITE[s]
            wins = [op.offset for op in r.openings if op.kind == "window" and op.side == s]
            cands = ([(o, "under") for o in wins] if under_window else []) + [(None, "")] + [
                (self.rng.randint(int(total / 2 + 1), max(int(total / 2 + 1), int(L - total / 2 - 1))), "")
                for _ in range(5)]
            for off, tag in cands:
                o = L / 2 if off is None else off
                if s == "north":
                    cx, cy = o, r.H - HALF_WALL - d / 2
                elif s == "south":
                    cx, cy = o, HALF_WALL + d / 2
                elif s == "east":
                    cx, cy = r.W - HALF_WALL - d / 2, o
                else:
                    cx, cy = HALF_WALL + d / 2, o
                rect = rect_of(cx, cy, total, d, f)
                if not self._ok(cat, rect, f):
                    continue
                gid = self.ids(base or _plural_id(cat))
                clauses = f"row against {s} wall" + (f" offset {num(off)}" if off is not None else "") + sp
                obj = Obj(gid, cat, clauses, f, rect, cx, cy, total, d, n=n, arrangement="row", wall=s,
                          obstacle=is_obstacle(cat))
                r.add(obj)
                self.facts.append(("obj", gid, cat, n))
                self.facts.append(("row", gid, n))
                self.facts.append(("against", gid, s))
                if tag:
                    self.facts.append(("under_window", gid))
                self._opening_facts(obj)
                return obj
        return None

    def grid(self, cat: str, cols: int, rows: int, at: tuple, facing: str, spacing: int = 3,
             base: str | None = None) -> Obj | None:
        r = self.room
        w, d = footprint(cat)
        gw, gd = cols * w + (cols - 1) * spacing, rows * d + (rows - 1) * spacing
        rect = rect_of(at[0], at[1], gw, gd, facing)
        if not self._ok(cat, rect, facing, front=False):
            return None
        gid = self.ids(base or _plural_id(cat))
        clauses = f"grid {cols}x{rows} at {num(at[0])},{num(at[1])} spacing {spacing}"
        if facing != "north":
            clauses += f" facing {facing}"
        obj = Obj(gid, cat, clauses, facing, rect, at[0], at[1], gw, gd, n=cols * rows, arrangement="grid",
                  obstacle=True)
        r.add(obj)
        self.facts.append(("obj", gid, cat, cols * rows))
        self.facts.append(("grid", gid, cols, rows))
        self.facts.append(("facing_dir", gid, facing))
        return obj

    def _opening_facts(self, obj: Obj) -> None:
        """Facts tying an object to the room's windows and doors (near, facing)."""
        r = self.room
        fx, fy = FRONT[obj.facing]
        for op in r.openings:
            ox, oy = opening_centre(r, op)
            dist = ((ox - obj.cx) ** 2 + (oy - obj.cy) ** 2) ** 0.5
            dx, dy = ox - obj.cx, oy - obj.cy
            norm = max(1e-6, (dx * dx + dy * dy) ** 0.5)
            cos = (fx * dx + fy * dy) / norm
            if op.kind == "window":
                if dist <= 15 + max(obj.w, obj.d) / 2 and ("under_window", obj.id) not in self.facts:
                    self.facts.append(("near_window", obj.id))
                if cos > 0.75 and obj.wall != op.side:
                    self.facts.append(("facing_window", obj.id))
            else:
                if cos > 0.75 and dist > 8:
                    self.facts.append(("facing_door", obj.id))

    # ---- things on things ------------------------------------------------------------------------------
    def on_top(self, parent: Obj, cats: list[str], level: int | None = None) -> list[Item]:
        """Small things on a parent's top (or shelf ``level``), spread along its width."""
        cat_parent = catalog().get(parent.cat)
        if level is None:
            top = cat_parent.top_height()
            if top is None:
                return []
        else:
            levels = cat_parent.shelf_levels()
            if level > len(levels):
                return []
        pw, pd = footprint(parent.cat)
        existing = parent.on_top if level is None else parent.on_shelf.get(level, [])
        if existing:
            return []
        sizes = [footprint(c) for c in cats]
        total = sum(s[0] for s in sizes)
        if total + len(cats) > pw or max(s[1] for s in sizes) > pd:
            cats = cats[:1]
            sizes = sizes[:1]
            if sizes[0][0] > pw or sizes[0][1] > pd:
                return []
        items = []
        n = len(cats)
        taken: list[tuple[float, float]] = []
        for i, (c, (w, d)) in enumerate(zip(cats, sizes)):
            iid = self.ids(c)
            if n == 1:
                clauses = "centered"
            else:
                slot = pw / n
                cx = slot * i + slot / 2
                cx = min(max(cx, w / 2 + 0.5), pw - w / 2 - 0.5)
                cy = pd / 2
                clauses = f"at {num(cx)},{num(cy)}"
                lo, hi = round(cx) - w / 2, round(cx) + w / 2
                if lo < 0 or hi > pw or round(cy) - d / 2 < 0 or round(cy) + d / 2 > pd:
                    continue
                if any(lo < b + 0.3 and a - 0.3 < hi for a, b in taken):
                    continue
                taken.append((lo, hi))
            it = Item(iid, c, clauses)
            items.append(it)
            if level is None:
                self.facts.append(("on", iid, parent.id))
            else:
                self.facts.append(("on_shelf", iid, parent.id, level))
            self.facts.append(("obj", iid, c, 1))
        if level is None:
            parent.on_top.extend(items)
        else:
            parent.on_shelf.setdefault(level, []).extend(items)
        return items

    def on_top_group(self, parent: Obj, cat: str, n: int, level: int | None = None) -> Item | None:
        """``group ID n CAT row centered`` on a parent's top or shelf."""
        pw, pd = footprint(parent.cat)
        w, d = footprint(cat)
        spacing = 1 if (n * w + (n - 1)) <= pw - 1 else 0
        if n * w + (n - 1) * spacing > pw - 0.5 or d > pd:
            return None
        existing = parent.on_top if level is None else parent.on_shelf.get(level, [])
        if existing:
            return None
        if level is not None and level > len(catalog().get(parent.cat).shelf_levels()):
            return None
        if level is None and catalog().get(parent.cat).top_height() is None:
            return None
        gid = self.ids(_plural_id(cat))
        it = Item(gid, cat, "row centered" + (f" spacing {spacing}" if spacing else ""), n=n)
        if level is None:
            parent.on_top.append(it)
            self.facts.append(("on", gid, parent.id))
        else:
            parent.on_shelf.setdefault(level, []).append(it)
            self.facts.append(("on_shelf", gid, parent.id, level))
        self.facts.append(("obj", gid, cat, n))
        return it

    def wall_item(self, cat: str, side: str | None = None, above: Obj | None = None, z: float | None = None,
                  beside: Item | None = None) -> Item | None:
        """A wall thing (painting, mirror, whiteboard ...) on a wall, optionally above a floor object."""
        r = self.room
        if r.poly is not None:
            return None
        w, _ = footprint(cat)
        h = height_of(cat)
        if above is not None:
            if above.wall is None:
                return None
            side = above.wall
            along = above.cx if side in ("north", "south") else above.cy
            base_h = height_of(above.cat) if above.n == 1 or above.arrangement == "row" else 0.9
            zc = max(base_h + 0.25 + h / 2, 1.2 if h < 1 else h / 2 + 0.9)
        else:
            side = side or self.rng.choice(list(SIDES))
            L = r.wall_length(side)
            if L < w + 4:
                return None
            along = self.rng.randint(int(w / 2 + 2), max(int(w / 2 + 2), int(L - w / 2 - 2)))
            zc = z or max(1.5, h / 2 + 0.9)
            # over floor things standing against that wall, keep clear of their tops
            for o in r.objects:
                if o.wall == side:
                    a, b = (o.rect[0], o.rect[2]) if side in ("north", "south") else (o.rect[1], o.rect[3])
                    if a - 1 < along + w / 2 and along - w / 2 < b + 1:
                        zc = max(zc, height_of(o.cat) + 0.2 + h / 2)
        top_lim = (r.height or 2.7) - 0.1
        if zc + h / 2 > top_lim:
            zc = top_lim - h / 2
        zc_cells = int(round(zc * 10))
        lo_z, hi_z = zc_cells / 10 - h / 2, zc_cells / 10 + h / 2
        depth = cells(catalog().get(cat).size[1])
        L = r.wall_length(side)
        if along - w / 2 < 1 or along + w / 2 > L - 1 or lo_z < 0.05:
            return None
        for op in r.openings:
            if op.side != side:
                continue
            a, b = op.offset - op.width / 2 - 1, op.offset + op.width / 2 + 1
            if a < along + w / 2 and along - w / 2 < b:
                return None
        for (a, b, z0, z1, _) in r.wall_used.get(side, []):
            if a < along + w / 2 + 1 and along - w / 2 - 1 < b and z0 < hi_z + 0.05 and lo_z - 0.05 < z1:
                return None
        # floor things near this wall reaching up to the item would touch it
        for o in r.objects:
            if o.ground:
                continue
            span = _wall_span(r, o.rect, side, depth + 1)
            if span is None:
                continue
            a, b = span
            if a - 0.5 < along + w / 2 and along - w / 2 < b + 0.5 and height_of(o.cat) > lo_z - 0.05:
                return None
        x = wall_coord_to_x(r, side, along)
        iid = self.ids(cat)
        it = Item(iid, cat, f"at {num(x)},{zc_cells}")
        r.wall_items.setdefault(side, []).append(it)
        r.wall_used.setdefault(side, []).append((along - w / 2, along + w / 2, lo_z, hi_z, depth))
        self.facts.append(("obj", iid, cat, 1))
        self.facts.append(("on_wall", iid, side))
        if above is not None:
            self.facts.append(("above", iid, above.id))
        return it

    def ceiling_item(self, cat: str, over: Obj | None = None, n: int = 1, spacing: int = 3) -> Item | None:
        r = self.room
        if r.poly is not None and over is None:
            return None
        iid = self.ids(cat if n == 1 else _plural_id(cat))
        if over is not None:
            pos = f"at {num(over.cx)},{num(over.cy)}"
        elif self.rng.random() < 0.7:
            pos = "centered"
        else:
            pos = f"at {num(r.W / 2)},{num(r.H / 2)}"
        if n > 1:
            w, _ = footprint(cat)
            if n * w + (n - 1) * spacing > (over.w if over else r.W) + 4:
                return None
            it = Item(iid, cat, f"row {pos} spacing {spacing}", n=n)
        else:
            it = Item(iid, cat, pos)
        if over is not None:
            cx, cy = over.cx, over.cy
        else:
            cx, cy = r.W / 2, r.H / 2
        w, d = footprint(cat)
        span = (n * w + (n - 1) * spacing) if n > 1 else w
        crect = (cx - span / 2 - 1, cy - d / 2 - 1, cx + span / 2 + 1, cy + d / 2 + 1)
        if any(overlaps(crect, c) for c in r.ceiling_used):
            return None
        r.ceiling_used.append(crect)
        r.ceiling.append(it)
        self.facts.append(("obj", iid, cat, n))
        self.facts.append(("ceiling", iid))
        if over is not None:
            self.facts.append(("over", iid, over.id))
        elif pos == "centered":
            self.facts.append(("middle", iid))
        return it


def _wall_span(room, rect, side: str, reach: float):
    """The interval along ``side`` wall that ``rect`` covers when it comes within ``reach`` of that wall."""
    x0, y0, x1, y1 = rect
    if side == "north" and y1 >= room.H - HALF_WALL - reach:
        return (x0, x1)
    if side == "south" and y0 <= HALF_WALL + reach:
        return (x0, x1)
    if side == "east" and x1 >= room.W - HALF_WALL - reach:
        return (y0, y1)
    if side == "west" and x0 <= HALF_WALL + reach:
        return (y0, y1)
    return None


def _plural_id(cat: str) -> str:
    short = {"dining_chair": "chairs", "office_chair": "chairs", "school_desk": "desks", "school_chair": "chairs",
             "waiting_chair": "chairs", "cafe_chair": "chairs", "bar_stool": "stools", "book": "books",
             "pendant_light": "pendants", "kitchen_counter": "counters", "theater_seat": "seats"}
    if cat in short:
        return short[cat]
    last = cat.split("_")[-1]
    if last.endswith(("s", "x", "sh", "ch")):
        return last + "es"
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return last[:-1] + "ies"
    if last.endswith("f"):
        return last[:-1] + "ves"
    return last + "s"
