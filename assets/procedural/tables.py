"""Tables, desks, counters and other things with a worktop: the top surface sits at the
catalog's ``top`` height (scaled by ``h / default h``)."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .common import cabinet, clamp, drawer, fronts, legs4, table_top
from .core import (BLACK_METAL, CHROME, FELT, GLASS, MIRROR, PLASTIC_GREY, PLASTIC_WHITE, RUBBER, STEEL, Builder,
                   Material, box, cbox, cylinder, ellipse, lathe, mat, prism, rod, rounded_rect, transform)


def table(b: Builder, *, top_mat: Material | None = None, legs: Material | None = None, base: str | None = None,
          thick: float | None = None, apron: bool = True, shelf: bool = False, shape: str | None = None,
          leg_t: float | None = None) -> float:
    """A table: top at ``top``; base ``legs`` (4), ``pedestal``, ``trestle`` or ``hairpin``. Returns the top's underside."""
    w, d = b.w, b.d
    top = b.top()
    shape = shape if shape is not None else b.style.shape
    top_mat = top_mat or b.top_mat("oak")
    legs = legs or b.legs_mat("oak")
    t = thick if thick is not None else clamp(top * 0.045, 0.018, 0.05)
    if top_mat.rgba[3] < 1:
        t = min(t, 0.015)
    z0 = top - t
    if base is None:
        base = "pedestal" if shape in ("round", "oval") and min(w, d) < 1.2 else "legs"
        if b.style.has("trestle", "farmhouse"):
            base = "trestle"
        if b.style.has("hairpin"):
            base = "hairpin"
    table_top(b, top_mat, z0, top, shape)
    lt = leg_t if leg_t is not None else clamp(min(w, d) * 0.06, 0.03, 0.08)
    if base == "pedestal":
        r = min(w, d) * 0.33
        b.add("base", legs, lathe([(0, 0), (r, 0), (r * 0.9, 0.03), (r * 0.2, 0.06), (lt * 0.6, z0 * 0.3),
                                   (lt * 0.6, z0), (0, z0)], 24, (0, 0), (1.0, d / w if shape == "oval" else 1.0)))
        return z0
    if base == "trestle":
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.15)
            b.box("legs", legs, x - lt / 2, -d * 0.06, 0.04, x + lt / 2, d * 0.06, z0)
            b.box("legs", legs, x - lt / 2, -d / 2 + 0.08, 0.0, x + lt / 2, d / 2 - 0.08, 0.05)
            b.box("legs", legs, x - lt / 2, -d / 2 + 0.1, z0 - 0.05, x + lt / 2, d / 2 - 0.1, z0)
        b.box("stretcher", legs, -w / 2 + 0.15, -0.025, z0 * 0.35, w / 2 - 0.15, 0.025, z0 * 0.35 + 0.05)
        return z0
    if shape in ("round", "oval"):
        rx, ry = w / 2 * 0.68, d / 2 * 0.68
        pts = [(rx * math.cos(a), ry * math.sin(a)) for a in (math.pi / 4, 3 * math.pi / 4, 5 * math.pi / 4, 7 * math.pi / 4)]
    else:
        pts = [(sx * (w / 2 - lt / 2 - 0.03), sy * (d / 2 - lt / 2 - 0.03)) for sx in (-1, 1) for sy in (-1, 1)]
    for x, y in pts:
        if base == "hairpin" or legs.metallic > 0.5:
            b.add("legs", legs, rod((x, y, 0), (x, y, z0), 0.012 if base == "hairpin" else lt * 0.3, 8))
        else:
            b.add("legs", legs, cylinder(x, y, 0, z0, lt / 2 * 0.75, 12, lt / 2) if shape in ("round", "oval") else
                  cbox(x, y, 0, lt, lt, z0))
    if apron and shape not in ("round", "oval") and legs.metallic <= 0.5:
        ah = clamp(z0 * 0.12, 0.04, 0.1)
        ax, ay = w / 2 - 0.03 - lt / 2, d / 2 - 0.03 - lt / 2
        b.box("apron", legs, -ax, -ay, z0 - ah, ax, -ay + 0.02, z0)
        b.box("apron", legs, -ax, ay - 0.02, z0 - ah, ax, ay, z0)
        b.box("apron", legs, -ax, -ay, z0 - ah, -ax + 0.02, ay, z0)
        b.box("apron", legs, ax - 0.02, -ay, z0 - ah, ax, ay, z0)
    if shelf:
        b.add("shelf", top_mat if top_mat.rgba[3] == 1 else legs,
              prism(rounded_rect(w - 2 * lt - 0.08, d - 2 * lt - 0.08, 0.01), z0 * 0.2, z0 * 0.2 + 0.02))
    return z0


@register("table", "dining_table", "kids_table", "conference_table")
def plain_table(b: Builder) -> None:
    b.primary("wood")
    if b.category == "kids_table":
        table(b, top_mat=b.top_mat("birch") if b.style.colour is None else b.accent("#f0efeb"),
              legs=b.colour_mat("#e0be3c") if not b.style.wood else None, apron=False)
        return
    if b.category == "conference_table":
        top = b.top()
        table(b, top_mat=b.top_mat("walnut"), base="none", shape=b.style.shape or "rect")
        z0 = top - clamp(top * 0.045, 0.018, 0.05)
        legs = b.legs_mat("walnut") if b.style.metal is None else b.metal()
        for sx in (-1, 0, 1) if b.w > 2.4 else (-1, 1):
            x = sx * (b.w / 2 - 0.5) if sx else 0.0
            b.box("legs", legs, x - 0.2, -b.d * 0.25, 0, x + 0.2, b.d * 0.25, z0)
        b.box("cable_tray", PLASTIC_GREY, -0.15, -0.08, z0 - 0.01, 0.15, 0.08, z0 + 0.002)
        return
    table(b, shelf=b.style.has("shelf"))


@register("coffee_table")
def coffee_table(b: Builder) -> None:
    b.primary("wood")
    z0 = table(b, apron=False, leg_t=0.045)
    if not b.style.glass and b.style.shape not in ("round", "oval"):
        b.add("shelf", b.wood("oak").tinted(0.9, "shelf"), prism(rounded_rect(b.w - 0.16, b.d - 0.16, 0.01), z0 * 0.25,
                                                                   z0 * 0.25 + 0.02))


@register("side_table", "cafe_table", "patio_table")
def small_table(b: Builder) -> None:
    b.primary("wood")
    if b.category == "cafe_table":
        table(b, top_mat=b.top_mat("oak") if (b.style.wood or b.style.glass or b.style.stone) else
              mat("marble", "#ecebe6", roughness=0.2), legs=b.metal(BLACK_METAL), base="pedestal",
              shape=b.style.shape or "round")
        return
    if b.category == "patio_table":
        frame = b.metal(BLACK_METAL) if b.style.wood is None else b.style.wood
        z0 = table(b, top_mat=b.top_mat("teak") if b.style.glass or b.style.wood else mat("teak", "#a8753f", roughness=0.6),
                   legs=frame, base="legs", shape=b.style.shape or "round", apron=False)
        b.add("parasol_hole", BLACK_METAL, cylinder(0, 0, z0, b.top() + 0.001, 0.025, 12))
        return
    table(b, shelf=not b.style.glass, apron=False, shape=b.style.shape or ("round" if b.style.has("round") else None))


@register("console_table")
def console_table(b: Builder) -> None:
    b.primary("wood")
    z0 = table(b, leg_t=0.035)
    w, d = b.w, b.d
    drawer(b, b.wood("oak"), b.metal(mat("brass", "#c8a453", 1.0, 0.3)), -w * 0.3, w * 0.3, z0 - 0.1, z0, d / 2 - 0.035)
    b.add("shelf", b.wood("oak"), prism(rounded_rect(w - 0.1, d - 0.08, 0.01), z0 * 0.2, z0 * 0.2 + 0.02))


# --------------------------------------------------------------------------- desks


def desk(b: Builder, pedestal: bool = True, drawers: int = 3) -> float:
    w, d = b.w, b.d
    top = b.top()
    wood = b.wood("oak")
    legs = b.legs_mat("oak") if b.style.metal is None else b.metal()
    t = 0.03
    z0 = top - t
    lshape = b.style.has("l_shaped") and w > 1.0 and d > 0.9
    if lshape:
        dd = clamp(d * 0.5, 0.5, 0.75)
        b.add("top", b.top_mat("oak"), prism(rounded_rect(w, dd, 0.01, 2, 0, d / 2 - dd / 2), z0, top))
        b.add("top", b.top_mat("oak"), prism(rounded_rect(dd, d - dd, 0.01, 2, w / 2 - dd / 2, -dd / 2), z0, top))
        b.box("legs", legs, -w / 2, d / 2 - dd + 0.02, 0, -w / 2 + 0.03, d / 2 - 0.02, z0)
        b.box("legs", legs, w / 2 - dd + 0.02, -d / 2, 0, w / 2 - 0.02, -d / 2 + 0.03, z0)
        b.box("legs", legs, w / 2 - 0.03, -d / 2, 0, w / 2, d / 2 - 0.02, z0)
        return z0
    b.add("top", b.top_mat("oak"), prism(rounded_rect(w, d, 0.01), z0, top))
    if pedestal and w > 0.9:
        pw = clamp(w * 0.3, 0.35, 0.45)
        x0, x1 = w / 2 - pw, w / 2 - 0.01
        b.box("pedestal", wood, x0, -d / 2 + 0.02, 0, x1, d / 2 - 0.04, z0)
        fronts(b, wood, wood, b.metal(CHROME), x0, x1, 0.01, z0 - 0.005, d / 2 - 0.02, [(1, "drawer", 1)] * drawers)
        b.box("legs", legs, -w / 2 + 0.01, -d / 2 + 0.02, 0, -w / 2 + 0.04, d / 2 - 0.04, z0)
    else:
        for sx in (-1, 1):
            b.box("legs", legs, sx * (w / 2 - 0.01) - 0.015, -d / 2 + 0.02, 0, sx * (w / 2 - 0.01) + 0.015, d / 2 - 0.04, z0)
    b.box("modesty_panel", wood, -w / 2 + 0.04, -d / 2 + 0.03, z0 * 0.45, w / 2 - 0.04, -d / 2 + 0.05, z0)
    return z0


@register("desk")
def desk_builder(b: Builder) -> None:
    b.primary("wood")
    desk(b)


@register("school_desk")
def school_desk(b: Builder) -> None:
    b.primary("wood")
    w, d = b.w, b.d
    top = b.top()
    frame = b.metal(STEEL)
    b.add("top", b.top_mat("birch"), prism(rounded_rect(w, d, 0.02), top - 0.025, top))
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.04)
        b.add("frame", frame, rod((x, -d / 2 + 0.04, 0.01), (x, -d / 2 + 0.04, top - 0.025), 0.014, 8),
              rod((x, d / 2 - 0.04, 0.01), (x, d / 2 - 0.04, top - 0.025), 0.014, 8),
              rod((x, -d / 2 + 0.04, 0.01), (x, d / 2 - 0.04, 0.01), 0.014, 8))
    b.box("book_tray", PLASTIC_GREY, -w / 2 + 0.06, -d / 2 + 0.05, top - 0.15, w / 2 - 0.06, d / 2 - 0.12, top - 0.13)


@register("standing_desk")
def standing_desk(b: Builder) -> None:
    b.primary("wood")
    w, d = b.w, b.d
    top = b.top()
    frame = b.metal(BLACK_METAL)
    b.add("top", b.top_mat("oak"), prism(rounded_rect(w, d, 0.02), top - 0.03, top))
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.15)
        b.box("feet", frame, x - 0.035, -d / 2 + 0.03, 0, x + 0.035, d / 2 - 0.03, 0.04)
        b.box("columns", frame, x - 0.04, -0.04, 0.04, x + 0.04, 0.04, top * 0.55)
        b.box("columns", frame.tinted(1.4, "inner_column"), x - 0.032, -0.032, top * 0.55, x + 0.032, 0.032, top - 0.05)
        b.box("frame", frame, x - 0.03, -d / 2 + 0.06, top - 0.05, x + 0.03, d / 2 - 0.06, top - 0.03)
    b.box("frame", frame, -w / 2 + 0.15, -0.03, top - 0.07, w / 2 - 0.15, 0.03, top - 0.03)
    b.box("controls", PLASTIC_GREY, w / 2 - 0.3, d / 2 - 0.04, top - 0.05, w / 2 - 0.18, d / 2, top - 0.03)


@register("study_carrel")
def study_carrel(b: Builder) -> None:
    b.primary("wood")
    w, d, h = b.w, b.d, b.h
    top = b.top(0.62)
    wood = b.wood("oak")
    b.box("top", wood, -w / 2, -d / 2, top - 0.03, w / 2, d / 2, top)
    for sx in (-1, 1):
        b.box("sides", wood, sx * w / 2 - sx * 0.025, -d / 2, 0, sx * w / 2, d / 2 - 0.05, h)
    b.box("back", wood, -w / 2 + 0.025, -d / 2, top, w / 2 - 0.025, -d / 2 + 0.025, h)
    b.box("shelf", wood, -w / 2 + 0.025, -d / 2 + 0.025, h - 0.25, w / 2 - 0.025, -d / 2 + 0.25, h - 0.23)
    b.box("modesty_panel", wood, -w / 2 + 0.025, -d / 2, top * 0.3, w / 2 - 0.025, -d / 2 + 0.02, top - 0.03)
    b.box("light", mat("light", "#fff4d6"), -w / 2 + 0.1, -d / 2 + 0.1, h - 0.26, w / 2 - 0.1, -d / 2 + 0.2, h - 0.25)


@register("vanity_table")
def vanity_table(b: Builder) -> None:
    b.primary("wood")
    w, d, h = b.w, b.d, b.h
    table(b, top_mat=b.top_mat("#f0efeb") if b.style.wood is None and b.style.colour is None else b.top_mat(),
          legs=b.wood("#f0efeb") if b.style.wood is None and b.style.colour is None else b.legs_mat(), apron=True)
    top = b.top()
    wood = b.wood("#f0efeb") if b.style.wood is None and b.style.colour is None else b.wood()
    drawer(b, wood, b.metal(mat("brass", "#c8a453", 1.0, 0.3)), -w * 0.3, w * 0.3, top - 0.12, top - 0.03,
           d / 2 - 0.03)
    if h > top + 0.2:  # a tall vanity carries its mirror
        b.box("mirror_frame", wood, -w * 0.3, -d / 2, top, w * 0.3, -d / 2 + 0.03, h)
        b.box("mirror", MIRROR, -w * 0.27, -d / 2 + 0.03, top + 0.03, w * 0.27, -d / 2 + 0.035, h - 0.03)


@register("reception_desk")
def reception_desk(b: Builder) -> None:
    b.primary("body")
    w, d, h = b.w, b.d, b.h
    top = b.top()
    work = b.surface("work", 0.68) or 0.68 * h
    body = b.body("#f0efeb")
    wood = b.wood("walnut") if b.style.wood is None else b.wood()
    # the clients stand at the front (+y): a tall front panel with a transaction ledge; the work top behind
    b.box("front_panel", body, -w / 2, d / 2 - 0.3, 0, w / 2, d / 2 - 0.04, top - 0.03)
    b.box("ledge", wood, -w / 2, d / 2 - 0.32, top - 0.03, w / 2, d / 2, top)
    b.box("plinth", body.tinted(0.7, "plinth"), -w / 2 + 0.02, d / 2 - 0.28, 0, w / 2 - 0.02, d / 2 - 0.02, 0.08)
    b.box("worktop", wood, -w / 2, -d / 2, work - 0.03, w / 2, d / 2 - 0.3, work)
    for sx in (-1, 1):
        b.box("sides", body, sx * w / 2 - sx * 0.03, -d / 2, 0, sx * w / 2, d / 2 - 0.3, work - 0.03)
    b.box("stripe", wood.tinted(0.8, "stripe"), -w / 2, d / 2 - 0.04, top * 0.55, w / 2, d / 2, top * 0.6)


@register("manicure_table")
def manicure_table(b: Builder) -> None:
    b.primary("body")
    table(b, top_mat=b.body("#f0efeb"), legs=CHROME, apron=False)
    w, d = b.w, b.d
    top = b.top()
    cabinet_like(b, -w / 2 + 0.02, -w / 2 + 0.38, top - 0.035, d, b.body("#f0efeb"))
    b.add("hand_rest", b.fabric("#1e1e1f"), prism(rounded_rect(0.25, 0.12, 0.05, 3, 0, 0.05), top - 0.001, top))


def cabinet_like(b: Builder, x0: float, x1: float, z1: float, d: float, body: Material) -> None:
    b.box("drawers_body", body, x0, -d / 2 + 0.02, 0.0, x1, d / 2 - 0.02, z1)
    fronts(b, body, body, CHROME, x0, x1, 0.01, z1 - 0.01, d / 2 - 0.02 + 0.001, [(1, "drawer", 1)] * 3)


@register("overbed_table")
def overbed_table(b: Builder) -> None:
    w, d = b.w, b.d
    top = b.top()
    frame = b.metal(WHITE_ENAMEL)
    b.add("top", b.top_mat("#e2c9a0"), prism(rounded_rect(w, d * 0.75, 0.04, 3, 0, d * 0.125), top - 0.025, top))
    b.box("base", frame, -w / 2 + 0.02, -d / 2, 0.03, -w / 2 + 0.08, d / 2, 0.07)
    b.box("base", frame, -w / 2 + 0.02, -d / 2, 0.03, w * 0.1, -d / 2 + 0.06, 0.07)
    b.box("column", frame, -w / 2 + 0.03, -0.03, 0.07, -w / 2 + 0.08, 0.03, top - 0.025)
    for x, y in ((-w / 2 + 0.05, -d / 2 + 0.03), (-w / 2 + 0.05, d / 2 - 0.03), (w * 0.08, -d / 2 + 0.03)):
        b.add("wheels", RUBBER, cylinder(x, y, 0, 0.03, 0.02, 8))


WHITE_ENAMEL = mat("white_enamel", "#eeeeec", 0.1, 0.35)


# --------------------------------------------------------------------------- counters


def counter(b: Builder, rows: list[tuple[float, str, int]] | None = None, sink: bool = False,
            hob: bool = False, overhang: float = 0.0) -> float:
    """Kitchen base units with a worktop at ``top``; returns the worktop height."""
    w, d = b.w, b.d
    top = b.top()
    b.primary("body")
    body = b.body("#e8e4dc")
    worktop = b.style.stone or (GLASS if b.style.glass else None) or (b.style.wood if b.style.wood else
                                                                       mat("quartz", "#d9d6cf", roughness=0.3))
    t = 0.035
    x_margin = 0.0
    old = b.size
    b.size = (w, d - overhang, top - t)
    rows = rows or ([(1, "door", max(1, round(w / 0.6)))] if w < 1.0 else
                    [(3, "door", max(2, round(w / 0.6))), (1, "drawer", max(2, round(w / 0.6)))])
    cabinet(b, rows, body=body, plinth=0.1, x_margin=x_margin, bar=True)
    b.size = old
    # move nothing: the cabinet was built centred on d - overhang; shift is covered by fit (small)
    b.box("worktop", worktop, -w / 2, -d / 2, top - t, w / 2, d / 2, top)
    if sink:
        sw, sd = clamp(w * 0.45, 0.35, 0.8), min(0.4, d * 0.6)
        b.box("sink", STEEL, -sw / 2, -sd / 2 + 0.02, top - 0.001, sw / 2, sd / 2 + 0.02, top)
    if hob:
        for i, j in ((-1, -1), (-1, 1), (1, -1), (1, 1)):
            b.add("hob", BLACK_METAL, cylinder(i * 0.14, j * 0.1, top, top + 0.0008, 0.08, 16))
    return top


@register("kitchen_counter")
def kitchen_counter(b: Builder) -> None:
    counter(b, hob=b.style.has("hob", "cooktop", "stove"))


@register("kitchen_island")
def kitchen_island(b: Builder) -> None:
    w, d = b.w, b.d
    counter(b, overhang=0.25, rows=[(3, "door", max(2, round(w / 0.6))), (1, "drawer", max(2, round(w / 0.6)))])


@register("bar_counter")
def bar_counter(b: Builder) -> None:
    b.primary("wood")
    w, d = b.w, b.d
    top = b.top()
    body = b.wood("walnut")
    rail = b.metal(mat("brass", "#c8a453", 1.0, 0.3))
    b.box("body", body, -w / 2, -d / 2, 0, w / 2, d / 2 - 0.08, top - 0.04)
    b.box("top", b.top_mat("walnut").tinted(0.8, "bar_top") if not b.style.stone else b.style.stone, -w / 2, -d / 2,
          top - 0.04, w / 2, d / 2, top)
    n = max(2, int(w / 0.45))
    for i in range(n + 1):
        x = -w / 2 + 0.02 + (w - 0.04) * i / n
        b.box("panels", body.tinted(0.85, "panels"), x - 0.015, d / 2 - 0.1, 0.1, x + 0.015, d / 2 - 0.08, top - 0.06)
    b.add("foot_rail", rail, rod((-w / 2 + 0.05, d / 2 - 0.04, 0.2), (w / 2 - 0.05, d / 2 - 0.04, 0.2), 0.022, 12))


@register("sink")
def kitchen_sink(b: Builder) -> None:
    w, d = b.w, b.d
    top = counter(b, rows=[(1, "door", 2)])
    sw, sd = clamp(w * 0.6, 0.3, 0.8), clamp(d * 0.6, 0.3, 0.45)
    b.add("basin", STEEL, box(-sw / 2, -sd / 2 + 0.04, top - 0.0005, sw / 2, sd / 2 + 0.04, top + 0.0005))
    b.add("drain", BLACK_METAL, cylinder(0, 0.04, top + 0.0005, top + 0.001, 0.03, 10))
    faucet(b, 0, -d / 2 + 0.06, top, min(0.3, b.h - top) if b.h > top + 0.05 else 0.0)


def faucet(b: Builder, x: float, y: float, z: float, height: float) -> None:
    if height <= 0.02:
        b.add("faucet", CHROME, cylinder(x, y, z, z + 0.001, 0.025, 10))
        return
    b.add("faucet", CHROME, cylinder(x, y, z, z + height * 0.9, 0.015, 10),
          rod((x, y, z + height * 0.9), (x, y + height * 0.45, z + height * 0.9), 0.012, 8),
          rod((x, y + height * 0.45, z + height * 0.9), (x, y + height * 0.45, z + height * 0.7), 0.012, 8))


# --------------------------------------------------------------------------- game tables


@register("pool_table", "poker_table", "foosball_table", "air_hockey_table", "ping_pong_table")
def game_table(b: Builder) -> None:
    w, d = b.w, b.d
    top = b.top()
    b.primary("wood")
    wood = b.wood("mahogany")
    if b.category == "ping_pong_table":
        blue = b.accent("#1f3f7a")
        b.box("top", blue, -w / 2, -d / 2, top - 0.025, w / 2, d / 2, top)
        b.box("lines", PLASTIC_WHITE, -0.0015, -d / 2, top, 0.0015, d / 2, top + 0.0005)
        for sx in (-1, 1):
            b.box("lines", PLASTIC_WHITE, sx * (w / 2 - 0.01), -d / 2, top, sx * w / 2, d / 2, top + 0.0005)
        b.box("net", mat("net", "#f4f4f0", roughness=0.9, alpha=0.8), -w / 2 - 0.0, -0.005, top, w / 2, 0.005, top + 0.15)
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.add("legs", BLACK_METAL, cbox(sx * (w / 2 - 0.2), sy * (d / 2 - 0.3), 0, 0.05, 0.05, top - 0.025))
        return
    if b.category == "poker_table":
        b.add("rail", b.fabric("#1e1e1f") if b.style.leather else mat("leather", "#2b2020", roughness=0.45),
              prism(ellipse(w, d, 40), top - 0.06, top))
        b.add("felt", FELT, prism(ellipse(w - 0.24, d - 0.24, 40), top - 0.061, top - 0.02))
        b.add("base", wood, lathe([(0, 0), (0.35, 0), (0.25, 0.05), (0.12, 0.1), (0.12, top - 0.06), (0, top - 0.06)], 20,
                                  (0, 0), (min(w, d) / 2 / 0.35 * 0.5, min(w, d) / 2 / 0.35 * 0.5)))
        return
    if b.category == "foosball_table":
        body = wood
        b.box("cabinet", body, -w / 2 + 0.1, -d / 2 + 0.08, top - 0.2, w / 2 - 0.1, d / 2 - 0.08, top)
        b.box("field", FELT, -w / 2 + 0.13, -d / 2 + 0.11, top - 0.19, w / 2 - 0.13, d / 2 - 0.11, top - 0.001)
        for i in range(8):
            x = -w / 2 + 0.2 + (w - 0.4) * i / 7
            b.add("rods", CHROME, rod((x, -d / 2, top - 0.08), (x, d / 2, top - 0.08), 0.008, 8))
            b.add("handles", PLASTIC_GREY if i % 2 else BLACK_METAL, rod((x, (d / 2 - 0.0) * (1 if i % 2 else -1),
                                                                         top - 0.08), (x, (d / 2 - 0.06) * (1 if i % 2 else -1), top - 0.08), 0.016, 8))
            for k in range(3):
                y = -d / 4 + k * d / 4
                b.add("players", b.colour_mat("#c23a35" if i % 2 else "#3f64a8", 0.5, name="players"),
                      cbox(x, y, top - 0.16, 0.03, 0.05, 0.12))
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.add("legs", body, cbox(sx * (w / 2 - 0.17), sy * (d / 2 - 0.14), 0, 0.07, 0.07, top - 0.2))
        return
    if b.category == "air_hockey_table":
        b.box("cabinet", PLASTIC_BLACK_, -w / 2, -d / 2, top * 0.45, w / 2, d / 2, top - 0.03)
        b.box("surface", PLASTIC_WHITE, -w / 2 + 0.06, -d / 2 + 0.06, top - 0.03, w / 2 - 0.06, d / 2 - 0.06, top - 0.001)
        for sx in (-1, 1):
            b.box("rails", b.accent("#c23a35"), sx * w / 2 - sx * 0.06, -d / 2, top - 0.03, sx * w / 2, d / 2, top)
        for sy in (-1, 1):
            b.box("rails", b.accent("#c23a35"), -w / 2 + 0.06, sy * d / 2 - sy * 0.06, top - 0.03, w / 2 - 0.06,
                  sy * d / 2, top)
            b.add("strikers", mat("striker", "#e0be3c", roughness=0.4), cylinder(0, sy * d * 0.35, top - 0.001, top, 0.05, 16))
        b.box("lines", mat("red_line", "#c23a35"), -w / 2 + 0.06, -0.005, top - 0.001, w / 2 - 0.06, 0.005, top - 0.0005)
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.add("legs", PLASTIC_BLACK_, cbox(sx * (w / 2 - 0.12), sy * (d / 2 - 0.15), 0, 0.1, 0.1, top * 0.45))
        return
    # pool table: wooden body, cushions, green cloth, six pockets
    rail = 0.12
    b.box("body", wood, -w / 2 + 0.05, -d / 2 + 0.05, top * 0.6, w / 2 - 0.05, d / 2 - 0.05, top - 0.05)
    for sx in (-1, 1):
        b.box("rails", wood, sx * w / 2 - sx * rail, -d / 2, top - 0.06, sx * w / 2, d / 2, top)
    for sy in (-1, 1):
        b.box("rails", wood, -w / 2 + rail, sy * d / 2 - sy * rail, top - 0.06, w / 2 - rail, sy * d / 2, top)
    b.box("cloth", FELT, -w / 2 + rail, -d / 2 + rail, top - 0.06, w / 2 - rail, d / 2 - rail, top - 0.03)
    for px in (-1, 0, 1):
        for py in (-1, 1):
            b.add("pockets", mat("pocket", "#111111"), cylinder(px * (w / 2 - rail), py * (d / 2 - rail), top - 0.03,
                                                                 top - 0.029, 0.055, 12))
    for sx in (-1, 1):
        for sy in (-1, 1):
            b.add("legs", wood, cylinder(sx * (w / 2 - 0.2), sy * (d / 2 - 0.18), 0, top * 0.6, 0.06, 12, 0.08))


PLASTIC_BLACK_ = mat("black_plastic", "#232325", roughness=0.45)


# --------------------------------------------------------------------------- workshop and care tables


@register("workbench")
def workbench(b: Builder) -> None:
    b.primary("wood")
    w, d, h = b.w, b.d, b.h
    top = b.top()
    wood = b.wood("beech")
    frame = b.metal(mat("blue_steel", "#3f64a8", 0.6, 0.45)) if b.style.metal is None else b.metal()
    b.box("top", wood, -w / 2, -d / 2, top - 0.05, w / 2, d / 2, top)
    legs4(b, frame, w / 2 - 0.06, d / 2 - 0.06, 0, top - 0.05, 0.06)
    b.add("shelf", wood, box(-w / 2 + 0.04, -d / 2 + 0.04, 0.15, w / 2 - 0.04, d / 2 - 0.04, 0.17))
    b.box("vice", BLACK_METAL, w / 2 - 0.3, d / 2 - 0.02, top - 0.1, w / 2 - 0.1, d / 2 + 0.0, top)
    drawer(b, frame, CHROME, -w / 2 + 0.1, -w / 2 + 0.6, top - 0.17, top - 0.05, d / 2 - 0.04)


@register("table_saw")
def table_saw(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    body = b.accent("#c9a03a") if b.style.colour else mat("tool_yellow", "#d9a72e", roughness=0.5)
    b.box("cabinet", body, -w * 0.35, -d * 0.35, 0, w * 0.35, d * 0.35, top * 0.75)
    b.box("body", BLACK_METAL, -w * 0.3, -d * 0.3, top * 0.75, w * 0.3, d * 0.3, top - 0.03)
    b.box("table", STEEL, -w / 2, -d / 2, top - 0.03, w / 2, d / 2, top)
    b.box("blade_slot", BLACK_METAL, -0.004, -0.1, top - 0.001, 0.004, 0.1, top)
    b.box("fence", mat("fence", "#c23a35"), w * 0.2, -d / 2, top - 0.002, w * 0.24, d / 2, top)


@register("ironing_board")
def ironing_board(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    cover = b.accent("#5d7c99")
    # a board pointed at its right end
    poly = [(-w / 2, -d / 2), (w * 0.2, -d / 2)]
    for i in range(1, 8):
        a = -math.pi / 2 + math.pi * i / 8
        poly.append((w * 0.2 + (w * 0.3) * math.cos(a), (d / 2) * math.sin(a)))
    poly += [(w * 0.2, d / 2), (-w / 2, d / 2)]
    b.add("board", cover, prism(poly, top - 0.03, top))
    frame = b.metal(CHROME)
    for sx in (-1, 1):
        b.add("legs", frame, rod((-w * 0.3, sx * d * 0.3, 0), (w * 0.1, sx * d * 0.2, top - 0.03), 0.01, 8),
              rod((w * 0.1, sx * d * 0.3, 0), (-w * 0.3, sx * d * 0.2, top - 0.03), 0.01, 8))
    b.add("iron_rest", frame, box(-w / 2, -d * 0.3, top - 0.03, -w / 2 + 0.12, d * 0.3, top - 0.02))


@register("examination_table", "massage_table", "stretcher")
def care_table(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    b.primary("fabric")
    cover = b.fabric("#3f7b7b" if b.category != "massage_table" else "#d8c8aa")
    frame = b.metal(CHROME if b.category != "massage_table" else mat("wood", "#c49a6c"))
    pad = 0.08
    b.add("pad", cover, prism(rounded_rect(w, d, 0.06), top - pad, top))
    if b.category == "examination_table":
        b.box("cabinet", b.body("#eeeeec", "enamel"), -w / 2 + 0.04, -d / 2 + 0.1, 0, w / 2 - 0.04, d / 2 - 0.1, top - pad)
        fronts(b, b.body("#eeeeec"), b.body("#eeeeec"), CHROME, -w / 2 + 0.04, w / 2 - 0.04, 0.05, top - pad - 0.02,
               d / 2 - 0.1, [(1, "drawer", 1), (1, "drawer", 1)])
        b.box("paper", mat("paper", "#f5f3ec", roughness=0.9), -w * 0.3, -d / 2 + 0.2, top - 0.001, w * 0.3, d / 2 - 0.05, top)
        b.add("head_rest", cover, transform(prism(rounded_rect(w, d * 0.25, 0.06), 0, pad), rot_x=25,
                                            move=(0, -d / 2 + d * 0.12, top - pad - 0.01)))
        return
    if b.category == "stretcher":
        for sx in (-1, 1):
            for sy in (-1, 1):
                from .common import caster

                caster(b, sx * (w / 2 - 0.08), sy * (d / 2 - 0.15), 0.06)
                b.add("frame", frame, rod((sx * (w / 2 - 0.08), sy * (d / 2 - 0.15), 0.12),
                                          (sx * (w / 2 - 0.08), sy * (d / 2 - 0.15), top - pad), 0.015, 8))
        b.box("frame", frame, -w / 2 + 0.05, -d / 2 + 0.05, top * 0.35, w / 2 - 0.05, d / 2 - 0.05, top * 0.35 + 0.03)
        for sx in (-1, 1):
            b.box("rails", frame, sx * w / 2 - sx * 0.02, -d * 0.3, top - pad - 0.03, sx * w / 2, d * 0.3, top - pad * 0.3)
        return
    # massage table: folding legs, face cradle
    for sx in (-1, 1):
        for sy in (-1, 1):
            b.add("legs", frame, cbox(sx * (w / 2 - 0.06), sy * (d / 2 - 0.2), 0, 0.05, 0.05, top - pad))
    b.add("face_cradle", cover, prism(rounded_rect(w * 0.4, 0.01, 0.005), top - 0.03, top))


@register_family("table", "desk", "kitchen")
def table_family(b: Builder) -> None:
    plain_table(b)


__all__ = ["counter", "desk", "table"]
