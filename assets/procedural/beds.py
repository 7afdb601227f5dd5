"""Beds: bed (platform, canopy), bunk bed, crib, bassinet, hospital bed."""

from __future__ import annotations

from ..meshes import register, register_family
from .common import caster, clamp, legs4
from .core import (CHROME, LINEN_WHITE, MATTRESS, PLASTIC_WHITE, WHITE_METAL, Builder, Material, box, ellipse, lathe,
                   prism, rod, rounded_rect)


def bedding(b: Builder, x0: float, x1: float, y0: float, y1: float, z0: float, top: float,
            duvet: Material, pillows: int | None = None, pillow: Material = LINEN_WHITE) -> None:
    """Mattress from ``z0``, a duvet turned down at the head, pillows at the head (y0 end); all reach ``top``."""
    w, length = x1 - x0, y1 - y0
    mh = (top - z0) * 0.82
    b.add("mattress", MATTRESS, prism(rounded_rect(w - 0.02, length - 0.02, 0.04, 2, (x0 + x1) / 2, (y0 + y1) / 2),
                                      z0, z0 + mh))
    head = y0 + min(0.55, length * 0.3)
    b.add("duvet", duvet, prism(rounded_rect(w, y1 - head, 0.05, 2, (x0 + x1) / 2, (head + y1) / 2),
                                z0 + mh * 0.55, top * 0.995 + z0 * 0.005 if top - z0 > 0.05 else top))
    b.box("sheet", LINEN_WHITE.tinted(0.97, "sheet_fold"), x0 + 0.005, head - 0.12, z0 + mh * 0.6, x1 - 0.005,
          head, z0 + mh + (top - z0 - mh) * 0.6)
    n = pillows if pillows is not None else (1 if w < 1.25 else 2)
    pw = (w - 0.12) / n
    for i in range(n):
        cx = x0 + 0.06 + pw * (i + 0.5)
        b.add("pillows", pillow, lathe([(0, z0 + mh), (1.0, z0 + mh), (1.0, z0 + mh + (top - z0 - mh) * 0.5),
                                        (0.75, top), (0, top)], 20, (cx, y0 + 0.06 + min(0.2, length * 0.1)),
                                       (pw / 2 - 0.03, min(0.2, length * 0.1))))


@register("bed")
def bed(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    b.primary("fabric")
    frame = b.wood("walnut" if b.style.has("dark") else "oak")
    if b.style.has("upholstered", "tufted", "linen", "velvet", "fabric", "headboard") and b.style.wood is None:
        head_mat = b.fabric("#b9b2a7")
        duvet = LINEN_WHITE.tinted(0.93, "duvet") if not b.style.colour else b.fabric()
    else:
        head_mat = frame
        duvet = b.fabric("#d9d4cb") if b.style.colour else b.colour_mat("#c8cfd6", 0.95, name="duvet")
    if b.style.metal is not None and b.style.wood is None:
        frame = head_mat = b.metal()
    leg = clamp(top * 0.15, 0.03, 0.12)
    rail_top = top * 0.5
    lw = 0.06
    legs4(b, frame, w / 2 - lw / 2, d / 2 - lw / 2, 0.0, leg, lw, y_back=-d / 2 + 0.1)
    b.box("frame", frame, -w / 2, -d / 2 + 0.07, leg, w / 2, d / 2, rail_top)
    hb = 0.07
    if b.style.has("canopy") and h > top + 0.8:
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.add("posts", frame, box(sx * w / 2 - sx * 0.06, sy * d / 2 - sy * 0.06, 0, sx * w / 2, sy * d / 2, h))
        for sy in (-1, 1):
            b.box("canopy", frame, -w / 2, sy * d / 2 - sy * 0.05, h - 0.05, w / 2, sy * d / 2, h)
        for sx in (-1, 1):
            b.box("canopy", frame, sx * w / 2 - sx * 0.05, -d / 2, h - 0.05, sx * w / 2, d / 2, h)
    head_top = h if h <= top + 0.05 else min(h, top + 0.6)
    b.box("headboard", head_mat, -w / 2, -d / 2, 0.0, w / 2, -d / 2 + hb, head_top)
    if b.style.has("tufted"):
        for i in range(5):
            for j in range(2):
                x = -w / 2 + w * (i + 0.5) / 5
                z = rail_top + (head_top - rail_top) * (0.35 + 0.35 * j)
                b.box("buttons", head_mat.tinted(0.7, "buttons"), x - 0.012, -d / 2 + hb, z - 0.012, x + 0.012,
                      -d / 2 + hb + 0.008, z + 0.012)
    bedding(b, -w / 2 + 0.03, w / 2 - 0.03, -d / 2 + hb, d / 2 - 0.02, rail_top, top, duvet)


@register("hospital_bed")
def hospital_bed(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    frame = b.metal(WHITE_METAL)
    wheel = clamp(top * 0.12, 0.04, 0.07)
    for sx in (-1, 1):
        for sy in (-1, 1):
            caster(b, sx * (w / 2 - 0.08), sy * (d / 2 - 0.12), wheel)
            b.add("frame", CHROME, rod((sx * (w / 2 - 0.08), sy * (d / 2 - 0.12), wheel * 2),
                                       (sx * (w / 2 - 0.08), sy * (d / 2 - 0.12), top * 0.45), 0.02, 8))
    b.box("frame", frame, -w / 2 + 0.05, -d / 2 + 0.05, top * 0.4, w / 2 - 0.05, d / 2 - 0.05, top * 0.5)
    b.box("headboard", PLASTIC_WHITE, -w / 2 + 0.02, -d / 2, top * 0.3, w / 2 - 0.02, -d / 2 + 0.05, h)
    b.box("footboard", PLASTIC_WHITE, -w / 2 + 0.02, d / 2 - 0.05, top * 0.3, w / 2 - 0.02, d / 2, top * 0.95)
    for sx in (-1, 1):
        b.box("rails", frame, sx * w / 2 - sx * 0.025, -d / 2 + 0.25, top * 0.55, sx * w / 2, -d / 2 + d * 0.55,
              top * 0.97)
    bedding(b, -w / 2 + 0.08, w / 2 - 0.08, -d / 2 + 0.05, d / 2 - 0.05, top * 0.5, top,
            b.colour_mat("#b9d3df", 0.95, name="blanket"), pillows=1)


@register("bunk_bed")
def bunk_bed(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("fabric")
    top = b.top()
    lower = b.surface("lower", 0.28) or 0.28 * h
    frame = b.wood("pine")
    post = 0.07
    for sx in (-1, 1):
        for sy in (-1, 1):
            b.box("posts", frame, sx * w / 2 - sx * post, sy * d / 2 - sy * post, 0, sx * w / 2, sy * d / 2, h)
    duvets = (b.fabric("#5d7c99"), b.fabric("#b85c4a") if not b.style.colour else b.fabric())
    for level, duvet in ((lower, duvets[0]), (top, duvets[1])):
        base = level - clamp(level * 0.3, 0.15, 0.22)
        for sy in (-1, 1):
            b.box("rails", frame, -w / 2 + post, sy * d / 2 - sy * post, base - 0.05, w / 2 - post, sy * d / 2, base + 0.1)
        for sx in (-1, 1):
            b.box("rails", frame, sx * w / 2 - sx * 0.04, -d / 2 + post, base - 0.05, sx * w / 2, d / 2 - post, base)
        bedding(b, -w / 2 + post, w / 2 - post, -d / 2 + post, d / 2 - post, base, level, duvet, pillows=1)
    # guard rail on the upper bunk and the ladder at the foot (the front)
    for sx in (-1, 1):
        b.box("guard", frame, sx * w / 2 - sx * 0.035, -d / 2 + post, h - 0.06, sx * w / 2, d * 0.15, h)
    b.box("guard", frame, -w / 2 + post, -d / 2, top, w / 2 - post, -d / 2 + 0.035, h)
    lx0, lx1 = w / 2 - post - 0.38, w / 2 - post - 0.02
    for x in (lx0, lx1):
        b.box("ladder", frame, x - 0.02, d / 2 - 0.05, 0, x + 0.02, d / 2, top)
    steps = max(3, int(top / 0.3))
    for i in range(1, steps + 1):
        z = top * i / (steps + 1)
        b.box("ladder", frame, lx0, d / 2 - 0.045, z - 0.015, lx1, d / 2 - 0.005, z + 0.015)


@register("crib")
def crib(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    b.primary("wood")
    frame = b.wood("#f0efeb")
    post = 0.045
    for sx in (-1, 1):
        for sy in (-1, 1):
            b.box("posts", frame, sx * w / 2 - sx * post, sy * d / 2 - sy * post, 0, sx * w / 2, sy * d / 2, h)
    for z0, z1 in ((top - 0.15, top - 0.1), (h - 0.05, h)):
        for sy in (-1, 1):
            b.box("rails", frame, -w / 2 + post, sy * d / 2 - sy * 0.03, z0, w / 2 - post, sy * d / 2, z1)
        for sx in (-1, 1):
            b.box("rails", frame, sx * w / 2 - sx * 0.03, -d / 2 + post, z0, sx * w / 2, d / 2 - post, z1)
    n = max(6, int((w - 2 * post) / 0.07))
    for i in range(n):
        x = -w / 2 + post + (w - 2 * post) * (i + 0.5) / n
        for sy in (-1, 1):
            b.box("slats", frame, x - 0.012, sy * d / 2 - sy * 0.025, top - 0.1, x + 0.012, sy * d / 2 - sy * 0.005, h - 0.05)
    m = max(4, int((d - 2 * post) / 0.07))
    for i in range(m):
        y = -d / 2 + post + (d - 2 * post) * (i + 0.5) / m
        for sx in (-1, 1):
            b.box("slats", frame, sx * w / 2 - sx * 0.025, y - 0.012, top - 0.1, sx * w / 2 - sx * 0.005, y + 0.012, h - 0.05)
    b.add("mattress", MATTRESS, prism(rounded_rect(w - 2 * post, d - 2 * post, 0.03), top - 0.1, top))
    b.add("blanket", b.colour_mat("#e3a1ad", 0.95, name="blanket"),
          prism(rounded_rect(w * 0.45, d - 2 * post - 0.04, 0.03, 2, w * 0.18, 0), top - 0.02, top))


@register("bassinet")
def bassinet(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    b.primary("fabric")
    basket = b.fabric("#eee3c9")
    frame = b.wood("birch")
    z0 = top - 0.2
    b.add("basket", basket, lathe([(0, z0), (0.92, z0), (1.0, h * 0.97 if h > top else top), (0.93, h),
                                   (0.88, h), (0.86, z0 + 0.04), (0, z0 + 0.04)], 28, (0, 0), (w / 2, d / 2)))
    b.add("mattress", MATTRESS, prism(ellipse(w * 0.84, d * 0.82, 24), z0 + 0.04, top))
    for sx in (-1, 1):
        b.add("legs", frame, rod((sx * w * 0.3, -d * 0.42, 0.0), (sx * w * 0.15, 0.0, z0 + 0.02), 0.018, 8))
        b.add("legs", frame, rod((sx * w * 0.3, d * 0.42, 0.0), (sx * w * 0.15, 0.0, z0 + 0.02), 0.018, 8))


@register_family("bed")
def bed_family(b: Builder) -> None:
    bed(b)


__all__ = ["bed", "bedding", "bunk_bed", "crib", "bassinet", "hospital_bed"]
