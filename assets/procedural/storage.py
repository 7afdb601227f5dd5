"""Storage: cabinets, dressers, nightstands, wardrobes, shelves, racks, boxes, chests and carts.

Shelf boards put their top faces at the catalog's ``shelf`` levels and carcasses end at ``top``,
so what the compiler stands on a shelf touches a board."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .common import cabinet, caster, carcass, clamp, fronts, knob_or_bar, shelf_boards
from .core import (BLACK_METAL, BOOK_PALETTE, CHROME, GLASS, MIRROR, PLASTIC_BLACK, PLASTIC_GREY, Builder, Material,
                   box, cbox, cylinder, ellipse, lathe, mat, prism, rod, rounded_rect, swap_xz, transform)

BRASS = mat("brass", "#c8a453", 1.0, 0.3)


def _painted(b: Builder, default: str, wood: str | None = None) -> Material:
    """A cabinet body: the description's colour or wood, else ``wood`` species or a painted ``default``."""
    b.primary("body")
    if b.style.colour or b.style.wood or b.style.metal:
        return b.body(default)
    return b.wood(wood) if wood else b.body(default)


@register("nightstand")
def nightstand(b: Builder) -> None:
    body = _painted(b, "#f0efeb", "oak")
    if b.style.has("open", "shelf"):
        cabinet(b, [(1, "open", 1), (1, "drawer", 1)], body=body, legs=0.12, handle=b.metal(BRASS), bar=False)
        shelf_boards(b, body, -b.w / 2 + 0.02, b.w / 2 - 0.02, -b.d / 2 + 0.02, b.d / 2 - 0.03, [b.top() * 0.5])
        return
    cabinet(b, [(1, "drawer", 1), (1, "drawer", 1)], body=body, legs=clamp(b.h * 0.18, 0.06, 0.15),
            handle=b.metal(BRASS), bar=False)


@register("dresser")
def dresser(b: Builder) -> None:
    body = _painted(b, "#f0efeb", "walnut")
    cols = 2 if b.w >= 0.9 else 1
    cabinet(b, [(1, "drawer", cols)] * 3, body=body, legs=0.1, handle=b.metal(BRASS))


@register("chest_of_drawers")
def chest_of_drawers(b: Builder) -> None:
    body = _painted(b, "#f0efeb", "oak")
    n = max(3, min(6, round(b.h / 0.2)))
    cabinet(b, [(1, "drawer", 1)] * (n - 1) + [(1, "drawer", 2)], body=body, plinth=0.07, handle=b.metal(BRASS))


@register("drawer_unit")
def drawer_unit(b: Builder) -> None:
    body = _painted(b, "#f0efeb")
    cabinet(b, [(2, "drawer", 1), (1, "drawer", 1), (1, "drawer", 1)], body=body, plinth=0.0, legs=0.0,
            handle=b.metal(CHROME))
    for sx in (-1, 1):
        for sy in (-1, 1):
            caster(b, sx * (b.w / 2 - 0.04), sy * (b.d / 2 - 0.05), 0.02)


@register("filing_cabinet")
def filing_cabinet(b: Builder) -> None:
    body = _painted(b, "#9ea3a8")
    n = max(2, min(5, round(b.h / 0.33)))
    cabinet(b, [(1, "drawer", 1)] * n, body=body, plinth=0.03, handle=b.metal(CHROME))
    for i in range(n):  # label holders
        z = 0.03 + (b.h - 0.03) * (i + 0.5) / n + 0.04
        b.box("labels", PLASTIC_GREY, -0.05, b.d / 2 - 0.02, z, 0.05, b.d / 2 - 0.012, z + 0.03)


@register("card_catalog")
def card_catalog(b: Builder) -> None:
    body = _painted(b, "#c49a6c", "oak")
    rows = max(4, round(b.h / 0.13))
    cols = max(2, round(b.w / 0.2))
    cabinet(b, [(1, "drawer", cols)] * rows, body=body, plinth=0.06, handle=b.metal(BRASS), bar=False)


@register("sideboard", "tv_stand")
def sideboard(b: Builder) -> None:
    body = _painted(b, "#f0efeb", "walnut" if b.category == "sideboard" else "oak")
    levels = b.levels()
    n = max(2, round(b.w / 0.5))
    if b.category == "tv_stand":
        base, top = cabinet(b, [], body=body, plinth=0.06, open_levels=levels)
        half = b.w * 0.3
        for x0 in (-b.w / 2 + 0.02, b.w / 2 - 0.02 - half):
            fronts(b, body, body, b.metal(BRASS), x0, x0 + half, base, top - 0.02, b.d / 2, [(1, "drawer", 1)])
        if top - base > 0.3:
            shelf_boards(b, body, -b.w / 2 + 0.02, b.w / 2 - 0.02, -b.d / 2 + 0.02, b.d / 2 - 0.03, [(base + top) / 2])
        return
    kind = "glass" if b.style.glass else "door"
    cabinet(b, [(1, kind, n)], body=body, legs=0.15, handle=b.metal(BRASS),
            open_levels=[z for z in levels if z > 0.2])


@register("wall_cabinet", "medicine_cabinet")
def wall_cabinet(b: Builder) -> None:
    body = _painted(b, "#f0efeb")
    levels = b.levels()
    if b.category == "medicine_cabinet":
        base, top = cabinet(b, [], body=body, plinth=0.0, open_levels=levels)
        b.box("door", body, -b.w / 2 + 0.004, b.d / 2 - 0.02, 0.004, b.w / 2 - 0.004, b.d / 2 - 0.002, b.h - 0.004)
        b.box("mirror", MIRROR, -b.w / 2 + 0.03, b.d / 2 - 0.002, 0.03, b.w / 2 - 0.03, b.d / 2, b.h - 0.03)
        return
    kind = "glass" if b.style.glass else "door"
    cabinet(b, [(1, kind, max(1, round(b.w / 0.45)))], body=body, plinth=0.0, open_levels=levels)


@register("storage_cabinet", "pantry_cabinet", "medical_cabinet", "china_cabinet", "display_case")
def tall_cabinet(b: Builder) -> None:
    levels = b.levels()
    n = max(1, min(3, round(b.w / 0.45)))
    if b.category == "china_cabinet":
        body = _painted(b, "#f0efeb", "cherry")
        hutch = b.h * 0.45
        cabinet(b, [(hutch, "door", n), (0.12 * b.h, "drawer", n), (b.h - hutch - 0.12 * b.h, "glass", n)], body=body,
                plinth=0.08, handle=b.metal(BRASS), open_levels=levels)
        return
    if b.category == "display_case":
        body = _painted(b, "#2a2b2d") if not (b.style.wood or b.style.colour) else b.body()
        top = b.top()
        b.box("base", body, -b.w / 2, -b.d / 2, 0, b.w / 2, b.d / 2, top * 0.35)
        fronts(b, body, body, CHROME, -b.w / 2, b.w / 2, 0.04, top * 0.35, b.d / 2 + 0.0001, [(1, "door", n)])
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.box("frame", body, sx * b.w / 2 - sx * 0.025, sy * b.d / 2 - sy * 0.025, top * 0.35, sx * b.w / 2,
                      sy * b.d / 2, top)
        b.box("frame", body, -b.w / 2, -b.d / 2, top - 0.025, b.w / 2, b.d / 2, top)
        b.box("glass", GLASS, -b.w / 2 + 0.005, -b.d / 2 + 0.005, top * 0.35, b.w / 2 - 0.005, b.d / 2 - 0.005, top - 0.025)
        b.box("shelves", GLASS, -b.w / 2 + 0.03, -b.d / 2 + 0.03, top * 0.67, b.w / 2 - 0.03, b.d / 2 - 0.03, top * 0.67 + 0.008)
        return
    body = _painted(b, "#eeeeec" if b.category == "medical_cabinet" else "#e8e4dc",
                    None if b.category == "medical_cabinet" else "oak")
    kind = "glass" if b.style.glass or b.category == "medical_cabinet" else "door"
    cabinet(b, [(1, kind, n)] if b.category != "pantry_cabinet" else [(1, "door", n), (1, "door", n)],
            body=body, plinth=0.06, open_levels=levels)


@register("wardrobe")
def wardrobe(b: Builder) -> None:
    body = _painted(b, "#f0efeb", "oak")
    n = b.style.number("doors", max(1, min(4, round(b.w / 0.5))))
    mirror = b.style.has("mirror", "mirrored")
    base, top = cabinet(b, [(1, "door", n)], body=body, plinth=0.08, handle=b.metal(CHROME),
                        open_levels=[z for z in b.levels() if z > 0.15])
    b.add("rail", CHROME, rod((-b.w / 2 + 0.03, 0.0, top - 0.12), (b.w / 2 - 0.03, 0.0, top - 0.12), 0.012, 8))
    if mirror and n >= 2:
        cw = b.w / n
        b.box("mirror", MIRROR, -b.w / 2 + cw * 0.15, b.d / 2 - 0.002, base + 0.15, -b.w / 2 + cw * 0.85, b.d / 2,
              top - 0.15)
    b.box("cornice", body.tinted(0.9, "cornice"), -b.w / 2, -b.d / 2, top - 0.04, b.w / 2, b.d / 2, top)


@register("locker")
def locker(b: Builder) -> None:
    body = _painted(b, "#5d7c99")
    w, d, h = b.w, b.d, b.h
    levels = b.levels()
    base, top = cabinet(b, [], body=body, plinth=0.05, open_levels=levels)
    b.box("door", body.tinted(1.1, "door"), -w / 2 + 0.01, d / 2 - 0.02, base + 0.01, w / 2 - 0.01, d / 2, top - 0.01)
    for i in range(4):
        z = top - 0.12 - i * 0.025
        b.box("vents", PLASTIC_BLACK, -w * 0.3, d / 2, z, w * 0.3, d / 2 + 0.001, z + 0.008)
    knob_or_bar(b, CHROME, w / 2 - 0.06, top * 0.55, d / 2, 0.15, True, vertical=True)


@register("safe")
def safe(b: Builder) -> None:
    body = _painted(b, "#2a2b2d")
    w, d, h = b.w, b.d, b.h
    b.add("body", body, prism(rounded_rect(w, d - 0.02, 0.01), 0, h))
    b.box("door", body.tinted(1.2, "door"), -w / 2 + 0.04, d / 2 - 0.03, 0.05, w / 2 - 0.04, d / 2 - 0.0, h - 0.05)
    b.add("dial", CHROME, swap_y(cylinder(0, 0, 0, 0.02, 0.05, 16), (0, d / 2 - 0.0, h * 0.6)))
    b.add("handle", CHROME, swap_y(cylinder(0, 0, 0, 0.02, 0.02, 8), (w * 0.25, d / 2, h * 0.45)))


def swap_y(geo, at) -> tuple:
    """A shape built along +z turned to point out of the front (+y), moved to ``at`` (its base on the front face)."""
    v, f = geo
    v = v[:, [0, 2, 1]] * [1, 1, 1]
    v = v * [1, 1, 1]
    return v + at, f[:, ::-1].copy()


@register("tool_cabinet")
def tool_cabinet(b: Builder) -> None:
    b.primary("body")
    body = b.body("#c23a35", "tool_red")
    n = max(4, round(b.h / 0.15))
    cabinet(b, [(2, "door", 1)] + [(1, "drawer", 1)] * (n - 2), body=body, plinth=0.0, handle=CHROME)
    for sx in (-1, 1):
        for sy in (-1, 1):
            caster(b, sx * (b.w / 2 - 0.05), sy * (b.d / 2 - 0.06), 0.04)
    b.box("top", RUBBER_MAT, -b.w / 2, -b.d / 2, b.h - 0.005, b.w / 2, b.d / 2, b.h)


RUBBER_MAT = mat("rubber_mat", "#2a2a2a", roughness=0.95)


@register("changing_table")
def changing_table(b: Builder) -> None:
    body = _painted(b, "#f0efeb")
    top = b.top()
    cabinet(b, [(1, "drawer", 1)] * 3, body=body, plinth=0.06, handle=b.metal(BRASS), bar=False)
    w, d = b.w, b.d
    b.add("pad", b.colour_mat("#a8d8bf", 0.9, name="pad"), prism(rounded_rect(w * 0.8, d * 0.8, 0.05), top - 0.001, top))


@register("bathroom_vanity")
def bathroom_vanity(b: Builder) -> None:
    body = _painted(b, "#f0efeb", "oak")
    w, d = b.w, b.d
    top = b.top()
    old = b.size
    b.size = (w, d, top - 0.03)
    cabinet(b, [(1, "door", max(1, round(w / 0.45)))], body=body, legs=0.0, plinth=0.08)
    b.size = old
    b.box("counter", b.style.stone or mat("quartz", "#efeeea", roughness=0.25), -w / 2, -d / 2, top - 0.03, w / 2,
          d / 2, top)
    b.add("basin", mat("ceramic", "#f6f6f3", roughness=0.15), prism(ellipse(min(0.5, w * 0.6), d * 0.55, 28), top - 0.001,
                                                                    top))


# --------------------------------------------------------------------------- shelves


@register("bookshelf", "shelving_unit")
def bookshelf(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    levels = b.levels([0.03, 0.25, 0.5, 0.75])
    if b.category == "shelving_unit" or b.style.metal is not None:
        frame = b.metal(BLACK_METAL) if b.style.wood is None or b.style.metal else b.wood()
        boards = b.wood("oak") if b.style.metal is None or b.style.wood else frame
        if b.style.colour:
            b.primary("wood")
            boards = b.wood()
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.box("frame", frame, sx * w / 2 - sx * 0.025, sy * d / 2 - sy * 0.025, 0, sx * w / 2, sy * d / 2, h)
        shelf_boards(b, boards, -w / 2, w / 2, -d / 2, d / 2, levels + [h], 0.025)
    else:
        body = _painted(b, "#f0efeb", "oak")
        t = 0.02
        carcass(b, body, -w / 2, w / 2, -d / 2, d / 2, 0.0, h, t)
        b.box("plinth", body.tinted(0.8, "plinth"), -w / 2 + t, d / 2 - 0.03, 0.0, w / 2 - t, d / 2 - 0.01,
              max(0.02, levels[0] - t) if levels else 0.05)
        shelf_boards(b, body, -w / 2 + t, w / 2 - t, -d / 2 + 0.01, d / 2 - 0.01, [z for z in levels if t < z < h - t], t)
    if b.style.has("books", "filled", "full"):
        books_on(b, levels, -w / 2 + 0.03, w / 2 - 0.03, d)


def books_on(b: Builder, levels: list[float], x0: float, x1: float, d: float) -> None:
    for z0, z1 in zip(levels, levels[1:]):
        x = x0
        while x < x1 - 0.05:
            bw = float(b.rng.uniform(0.02, 0.045))
            bh = min(z1 - z0 - 0.04, float(b.rng.uniform(0.18, 0.28)))
            if bh <= 0.05 or x + bw > x1:
                break
            b.add("books", b.pick(BOOK_PALETTE, 0.8, "book"), box(x, -d / 2 + 0.03, z0, x + bw, d * 0.3, z0 + bh))
            x += bw + 0.002
            if b.rng.random() < 0.1:
                x += 0.06


@register("wall_shelf")
def wall_shelf(b: Builder) -> None:
    b.primary("wood")
    w, d, h = b.w, b.d, b.h
    wood = b.wood("oak")
    b.box("board", wood, -w / 2, -d / 2, h * 0.35, w / 2, d / 2, h)
    for sx in (-1, 1):
        b.box("brackets", b.metal(BLACK_METAL), sx * w * 0.35 - 0.01, -d / 2, 0, sx * w * 0.35 + 0.01, d / 2 - 0.03, h * 0.35)


@register("spice_rack")
def spice_rack(b: Builder) -> None:
    b.primary("wood")
    w, d, h = b.w, b.d, b.h
    wood = b.wood("bamboo")
    b.box("back", wood, -w / 2, -d / 2, 0, w / 2, -d / 2 + 0.012, h)
    for sx in (-1, 1):
        b.box("sides", wood, sx * w / 2 - sx * 0.012, -d / 2, 0, sx * w / 2, d / 2, h)
    for k in range(3):
        z = h * k / 3
        b.box("shelves", wood, -w / 2, -d / 2, z, w / 2, d / 2, z + 0.012)
        b.box("rails", wood, -w / 2, d / 2 - 0.008, z + 0.04, w / 2, d / 2, z + 0.05)
        n = max(2, int(w / 0.06))
        for i in range(n):
            x = -w / 2 + 0.03 + (w - 0.06) * i / max(1, n - 1)
            b.add("jars", GLASS_JAR, cylinder(x, 0, z + 0.012, z + min(0.09, h / 3 - 0.02), min(0.022, d * 0.3), 10))
            b.add("lids", b.pick(BOOK_PALETTE, 0.6, "lid"), cylinder(x, 0, z + min(0.09, h / 3 - 0.02),
                                                                    z + min(0.1, h / 3 - 0.01), min(0.022, d * 0.3), 10))


GLASS_JAR = mat("jar", "#d8c89a", roughness=0.2)


@register("shoe_rack", "book_cart", "utility_cart", "bar_cart", "dumbbell_rack")
def rack(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    levels = b.levels([0.3, 0.6])
    top = b.top()
    b.primary("wood")
    wheels = b.category in ("book_cart", "utility_cart", "bar_cart")
    if b.category == "bar_cart":
        frame = b.metal(BRASS)
        board = GLASS if not b.style.wood else b.wood()
    elif b.category == "utility_cart":
        frame = b.metal(BLACK_METAL)
        board = b.accent("#3f64a8")
    elif b.category == "dumbbell_rack":
        frame = b.metal(BLACK_METAL)
        board = BLACK_METAL
    else:
        frame = b.legs_mat("oak")
        board = b.wood("oak")
    z0 = 0.08 if wheels else 0.0
    for sx in (-1, 1):
        for sy in (-1, 1):
            b.add("frame", frame, cbox(sx * (w / 2 - 0.015), sy * (d / 2 - 0.015), z0, 0.03, 0.03, top - z0))
            if wheels:
                caster(b, sx * (w / 2 - 0.04), sy * (d / 2 - 0.04), 0.04)
    for z in levels + [top]:
        if b.category == "dumbbell_rack":
            for sy in (-1, 1):
                b.add("shelves", frame, transform(box(-w / 2, -0.05, -0.01, w / 2, 0.05, 0.0), rot_x=sy * 15,
                                                  move=(0, sy * d * 0.2, z)))
            n = max(3, int(w / 0.22))
            for i in range(n):
                x = -w / 2 + w * (i + 0.5) / n
                weight = 0.04 + 0.02 * i
                for sy in (-1, 1):
                    y = sy * d * 0.2
                    for ex in (-1, 1):
                        b.add("dumbbells", RUBBER_MAT, swap_xz_at(cylinder(0, 0, -weight / 2, weight / 2,
                                                                        min(0.05 + 0.005 * i, (levels[0] if levels else 0.3) * 0.3), 10),
                                                               (x + ex * 0.07, y, z + 0.05)))
                    b.add("handles", CHROME, swap_xz_at(cylinder(0, 0, -0.09, 0.09, 0.012, 8), (x, y, z + 0.05)))
            continue
        b.add("shelves", board, box(-w / 2 + 0.01, -d / 2 + 0.01, z - 0.02, w / 2 - 0.01, d / 2 - 0.01, z))
        if b.category in ("utility_cart", "bar_cart", "book_cart") and z + 0.01 < h:
            b.box("lips", frame, -w / 2, d / 2 - 0.015, z, w / 2, d / 2, min(h, z + 0.04))
            b.box("lips", frame, -w / 2, -d / 2, z, w / 2, -d / 2 + 0.015, min(h, z + 0.04))
    if b.category == "bar_cart":
        b.add("handle", frame, rod((-w / 2, -d / 2 + 0.02, top + 0.0001), (-w / 2, d / 2 - 0.02, top + 0.0001), 0.012, 8))
        for i, x in enumerate((-w * 0.25, -w * 0.1, w * 0.05)):
            bottle_h = min(0.3, h - top - 0.01) if h > top + 0.1 else 0.0
            if bottle_h > 0:
                b.add("bottles", mat("bottle", ("#2f5e2c", "#6e2f22", "#c9a646")[i], roughness=0.1),
                      cylinder(x, 0, top, top + bottle_h, 0.035, 12))


def swap_xz_at(geo, at):
    v, f = swap_xz(geo)
    return v + at, f


@register("garment_rack", "coat_rack")
def garment_rack(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    frame = b.metal(BLACK_METAL) if b.style.wood is None else b.wood()
    if b.category == "coat_rack":
        b.add("base", frame, lathe([(0, 0), (min(w, d) * 0.35, 0), (min(w, d) * 0.3, 0.03), (0, 0.03)], 20))
        for i in range(3):
            a = 2 * math.pi * i / 3
            b.add("feet", frame, rod((0, 0, 0.1), (math.cos(a) * w / 2 * 0.9, math.sin(a) * d / 2 * 0.9, 0.01), 0.015, 8))
        b.add("pole", frame, cylinder(0, 0, 0, h - 0.05, 0.02, 12))
        b.add("pole", frame, cylinder(0, 0, h - 0.05, h, 0.035, 12, 0.02))
        for i in range(6):
            a = 2 * math.pi * i / 6
            b.add("hooks", frame, rod((0, 0, h - 0.12), (math.cos(a) * w / 2, math.sin(a) * d / 2, h - 0.02), 0.01, 6))
        coat = b.pick(("#3d3f42", "#6f4e37", "#1f2f55", "#8c2f2f"), 0.9, "coat")
        b.add("coat", coat, lathe([(0, h * 0.35), (0.16, h * 0.36), (0.2, h * 0.6), (0.15, h * 0.8), (0.05, h * 0.88),
                                   (0, h * 0.88)], 14, (w * 0.22, 0), (min(1, w / 0.5), 0.5)))
        return
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.03)
        b.add("frame", frame, rod((x, 0, 0.06), (x, 0, h - 0.02), 0.016, 10))
        b.add("feet", frame, rod((x, -d / 2 + 0.04, 0.03), (x, d / 2 - 0.04, 0.03), 0.018, 8))
        for sy in (-1, 1):
            caster(b, x, sy * (d / 2 - 0.03), 0.03)
    b.add("rail", frame, rod((-w / 2 + 0.02, 0, h - 0.015), (w / 2 - 0.02, 0, h - 0.015), 0.015, 10))
    n = max(3, int(w / 0.1))
    for i in range(n):
        x = -w / 2 + 0.12 + (w - 0.24) * i / max(1, n - 1)
        garment = b.pick(("#3d3f42", "#eee3c9", "#3f64a8", "#b23a35", "#6f4e37", "#9aab8c", "#1e1e1f"), 0.9, "clothes")
        length = float(b.rng.uniform(0.45, 0.9)) * (h - 0.3)
        b.add("clothes", garment, box(x - 0.012, -d * 0.35, h - 0.06 - length, x + 0.012, d * 0.35, h - 0.06))


@register("coat_hook", "towel_rack", "toilet_paper_holder", "cue_rack")
def wall_rack(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("wood")
    if b.category == "coat_hook":
        board = b.wood("oak")
        b.box("board", board, -w / 2, -d / 2, h * 0.4, w / 2, -d / 2 + 0.02, h)
        n = max(2, int(w / 0.15))
        for i in range(n):
            x = -w / 2 + w * (i + 0.5) / n
            b.add("hooks", b.metal(BLACK_METAL), rod((x, -d / 2 + 0.02, h * 0.65), (x, d / 2 - 0.01, h * 0.45), 0.008, 6),
                  rod((x, d / 2 - 0.012, h * 0.45), (x, d / 2 - 0.008, h * 0.6), 0.008, 6))
        return
    if b.category == "cue_rack":
        wood = b.wood("mahogany")
        b.box("board", wood, -w / 2, -d / 2, 0, w / 2, -d / 2 + 0.02, h)
        b.box("holder", wood, -w / 2, -d / 2, 0.05, w / 2, d / 2, 0.1)
        b.box("holder", wood, -w / 2, -d / 2, h - 0.15, w / 2, d / 2, h - 0.1)
        n = max(3, int(w / 0.1))
        for i in range(n):
            x = -w / 2 + w * (i + 0.5) / n
            b.add("cues", mat("cue", "#dcb67f", roughness=0.4), cylinder(x, d * 0.2, 0.1, h - 0.02, 0.012, 8, 0.007))
        return
    metal = b.metal(CHROME)
    if b.category == "toilet_paper_holder":
        b.add("plate", metal, box(-w / 2, -d / 2, h * 0.3, -w / 2 + 0.02, -d / 2 + 0.012, h))
        b.add("arm", metal, rod((-w / 2 + 0.01, -d / 2 + 0.012, h * 0.65), (-w / 2 + 0.01, d * 0.1, h * 0.65), 0.008, 8))
        b.add("roll", mat("paper", "#f5f3ec", roughness=0.9), swap_xz_at(cylinder(0, 0, -w * 0.4, w * 0.4, h * 0.5, 16),
                                                                           (w * 0.05, d * 0.05, h * 0.5)))
        return
    for sx in (-1, 1):
        b.add("brackets", metal, rod((sx * (w / 2 - 0.02), -d / 2, h / 2), (sx * (w / 2 - 0.02), d / 2 - 0.02, h / 2), 0.01, 8))
    b.add("bar", metal, rod((-w / 2, d / 2 - 0.02, h / 2), (w / 2, d / 2 - 0.02, h / 2), 0.012, 8))
    b.add("towel", b.accent("#f0efeb") if b.style.colour else mat("towel", "#e8e2d6", roughness=0.95),
          box(-w * 0.3, d / 2 - 0.035, 0, w * 0.3, d / 2 - 0.005, h))


@register("wine_rack", "magazine_rack", "umbrella_stand")
def small_rack(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("wood")
    if b.category == "wine_rack":
        wood = b.wood("pine")
        top = b.top()
        carcass(b, wood, -w / 2, w / 2, -d / 2, d / 2, 0.0, top, 0.02, back=False)
        cols, rows = max(2, int(w / 0.12)), max(3, int(top / 0.12))
        for i in range(cols):
            for j in range(rows):
                x = -w / 2 + 0.02 + (w - 0.04) * (i + 0.5) / cols
                z = 0.02 + (top - 0.04) * (j + 0.5) / rows
                b.add("bottles", mat("wine", "#2f3e2c", roughness=0.1),
                      swap_y_at(cylinder(0, 0, -d / 2 + 0.01, d / 2 - 0.01, min(0.037, (w - 0.04) / cols / 2 - 0.005), 10), (x, 0, z)))
                b.add("caps", mat("cork", "#6e2f22"), swap_y_at(cylinder(0, 0, d / 2 - 0.01, d / 2, 0.012, 6), (x, 0, z)))
        return
    if b.category == "magazine_rack":
        frame = b.legs_mat("walnut")
        for sy in (-1, 1):
            b.add("sides", frame, transform(box(-w / 2, -0.008, 0.02, w / 2, 0.008, h), rot_x=sy * 12, move=(0, sy * d * 0.25, 0),
                                            about=(0, 0, 0.02)))
        b.box("base", frame, -w / 2, -d / 2 + 0.02, 0, w / 2, d / 2 - 0.02, 0.03)
        for i, c in enumerate(("#d9a441", "#3f6fa8", "#c0533f")):
            b.add("magazines", mat("magazine", c, roughness=0.5), box(-w * 0.35, -0.05 + i * 0.035, 0.03, w * 0.35,
                                                                      -0.04 + i * 0.035, h * 0.75))
        return
    b.add("body", b.accent("#2a2b2d") if b.style.colour or not b.style.wood else b.wood(),
          lathe([(0, 0), (1.0, 0), (0.92, h), (0.88, h), (0.96, 0.02), (0, 0.02)], 24, (0, 0), (w / 2, d / 2)))
    for i, c in enumerate(("#1f2f55", "#b23a35")):
        b.add("umbrellas", mat("umbrella", c, roughness=0.8), rod((-w * 0.1 + i * w * 0.2, 0, 0.05),
                                                                  (-w * 0.2 + i * w * 0.4, 0, h), 0.018, 8))


def swap_y_at(geo, at):
    v, f = geo
    v = v[:, [0, 2, 1]]
    return v + at, f[:, ::-1].copy()


@register("storage_box", "basket", "laundry_hamper", "toy_box", "trunk", "toolbox")
def boxes(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("body")
    if b.category in ("basket", "laundry_hamper"):
        weave = b.accent("#c9a56b") if b.style.colour else mat("wicker", "#c9a56b", roughness=0.9)
        b.add("body", weave, lathe([(0, 0), (0.9, 0), (1.0, h * 0.95), (0.96, h * 0.95), (0.86, 0.02), (0, 0.02)], 24,
                                   (0, 0), (w / 2, d / 2)) if b.style.shape == "round" else
              prism_shell(w, d, h * 0.95))
        for k in range(1, 6):
            z = h * 0.95 * k / 6
            b.add("weave", weave.tinted(0.8, "weave"), prism_band(w, d, z - 0.006, z, 0.003))
        if b.category == "laundry_hamper":
            b.add("lid", weave.tinted(0.9, "lid"), prism(rounded_rect(w, d, 0.03), h * 0.95, h))
            b.add("clothes", mat("cloth", "#5d7c99", roughness=0.95), box(-w * 0.2, -d * 0.1, h * 0.95, w * 0.1, d * 0.2, h))
        else:
            for sx in (-1, 1):
                b.add("handles", weave.tinted(0.7, "handles"), box(sx * w / 2 - sx * 0.01, -d * 0.15, h * 0.95, sx * w / 2 - sx * 0.03,
                                                                   d * 0.15, h))
        return
    if b.category == "toolbox":
        body = b.body("#c23a35", "tool_red")
        b.box("body", body, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.72)
        b.box("lid", body.tinted(0.85, "lid"), -w / 2, -d / 2, h * 0.72, w / 2, d / 2, h * 0.8)
        b.box("latches", CHROME, -w * 0.3, d / 2 - 0.0, h * 0.6, -w * 0.25, d / 2 + 0.0001 + 0.004, h * 0.78)
        b.box("latches", CHROME, w * 0.25, d / 2 - 0.0, h * 0.6, w * 0.3, d / 2 + 0.004, h * 0.78)
        for sx in (-1, 1):
            b.add("handle", BLACK_METAL, rod((sx * w * 0.2, 0, h * 0.8), (sx * w * 0.2, 0, h), 0.01, 8))
        b.add("handle", BLACK_METAL, rod((-w * 0.2, 0, h - 0.01), (w * 0.2, 0, h - 0.01), 0.012, 8))
        return
    if b.category == "trunk":
        body = b.wood("walnut") if not b.style.leather else b.fabric()
        band = b.metal(BRASS)
        b.box("body", body, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.7)
        b.box("lid", body.tinted(0.92, "lid"), -w / 2, -d / 2, h * 0.7, w / 2, d / 2, h * 0.95)
        b.box("lid", body.tinted(0.92, "lid"), -w / 2 + 0.02, -d / 2 + 0.02, h * 0.95, w / 2 - 0.02, d / 2 - 0.02, h)
        for x in (-w * 0.3, w * 0.3):
            b.box("bands", band, x - 0.02, -d / 2 - 0.0, 0.0, x + 0.02, d / 2, h * 0.951)
        b.box("lock", band, -0.03, d / 2 - 0.0, h * 0.6, 0.03, d / 2 + 0.004, h * 0.75)
        for sx in (-1, 1):
            b.box("handles", BLACK_METAL, sx * w / 2 - sx * 0.0, -0.06, h * 0.45, sx * w / 2 + sx * 0.0001, 0.06, h * 0.5)
        return
    if b.category == "toy_box":
        body = b.body("#5d7c99", "toy_paint") if b.style.colour else mat("toy_paint", "#7b9a6b", roughness=0.5)
        b.box("body", body, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.9)
        b.box("lid", body.tinted(1.2, "lid"), -w / 2, -d / 2, h * 0.9, w / 2, d / 2, h)
        for i, c in enumerate(("#e0be3c", "#c23a35", "#3f64a8")):
            b.add("letters", mat("letters", c, roughness=0.5), cbox(-w * 0.25 + i * w * 0.25, d / 2 - 0.0, h * 0.3, 0.12, 0.004,
                                                                    0.15))
        return
    body = b.body("#d8c8aa", "cardboard") if not b.style.has("plastic") else b.accent("#dfe3e6")
    b.box("body", body, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.92)
    b.box("lid", body.tinted(0.9, "lid"), -w / 2, -d / 2, h * 0.92, w / 2, d / 2, h)
    for sx in (-1, 1):
        b.box("handles", body.tinted(0.6, "handles"), sx * w / 2 - sx * 0.0, -d * 0.15, h * 0.65, sx * w / 2 + sx * 0.0001,
              d * 0.15, h * 0.75)


def prism_shell(w: float, d: float, h: float):
    from .core import merge

    t = 0.012
    return merge(box(-w / 2, -d / 2, 0, w / 2, d / 2, t), box(-w / 2, -d / 2, 0, w / 2, -d / 2 + t, h),
                 box(-w / 2, d / 2 - t, 0, w / 2, d / 2, h), box(-w / 2, -d / 2, 0, -w / 2 + t, d / 2, h),
                 box(w / 2 - t, -d / 2, 0, w / 2, d / 2, h))


def prism_band(w: float, d: float, z0: float, z1: float, out: float):
    from .core import merge

    return merge(box(-w / 2 - 0, -d / 2 - 0, z0, w / 2, -d / 2 + out, z1), box(-w / 2, d / 2 - out, z0, w / 2, d / 2, z1),
                 box(-w / 2, -d / 2, z0, -w / 2 + out, d / 2, z1), box(w / 2 - out, -d / 2, z0, w / 2, d / 2, z1))


@register("trash_can")
def trash_can(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("body")
    body = b.body("#c4c6c8", "bin") if b.style.colour else b.metal(mat("stainless", "#c2c5c7", 1.0, 0.3))
    if b.style.shape == "round" or abs(w - d) < 0.03:
        b.add("body", body, lathe([(0, 0), (0.9, 0), (1.0, h * 0.9), (0.0, h * 0.9)], 28, (0, 0), (w / 2, d / 2)))
        b.add("lid", BLACK_METAL, lathe([(0, h * 0.9), (1.0, h * 0.9), (0.95, h), (0, h)], 28, (0, 0), (w / 2, d / 2)))
    else:
        b.add("body", body, prism(rounded_rect(w * 0.94, d * 0.94, 0.04), 0, h * 0.9))
        b.add("lid", BLACK_METAL, prism(rounded_rect(w, d, 0.05), h * 0.9, h))
        b.box("pedal", BLACK_METAL, -w * 0.15, d * 0.47, 0.01, w * 0.15, d / 2, 0.04)


@register_family("cabinet")
def cabinet_family(b: Builder) -> None:
    body = _painted(b, "#e8e4dc", "oak")
    cabinet(b, [(1, "door", max(1, round(b.w / 0.45)))], body=body, plinth=0.06, open_levels=b.levels())


@register_family("storage", "bin")
def storage_family(b: Builder) -> None:
    boxes(b)


@register_family("shelf")
def shelf_family(b: Builder) -> None:
    bookshelf(b)


@register_family("wardrobe")
def wardrobe_family(b: Builder) -> None:
    wardrobe(b)


__all__ = ["bookshelf", "wardrobe"]
