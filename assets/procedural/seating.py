"""Seating: chairs of every kind, stools, benches, sofas, armchairs, ottomans, bean bags."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .common import caster, clamp, legs4, star_base
from .core import (BLACK_METAL, CHROME, CUSHION_PALETTE, PLASTIC_BLACK, PLASTIC_GREY, PLASTIC_WHITE, RUBBER, STEEL,
                   Builder, Material, box, cbox, cylinder, ellipse, ellipsoid, lathe, mat, prism, rod, rounded_rect,
                   torus, transform)


def _soft(b: Builder, name: str, material: Material, x0: float, y0: float, z0: float, x1: float, y1: float,
          z1: float, r: float = 0.04) -> None:
    """A cushion-like block with rounded corners seen from above."""
    b.add(name, material, prism(rounded_rect(x1 - x0, y1 - y0, r, 3, (x0 + x1) / 2, (y0 + y1) / 2), z0, z1))


def chair(b: Builder, *, seat_mat: Material, frame: Material, back_mat: Material | None = None,
          legs: str = "four", arms: bool = False, arm_mat: Material | None = None, seat_thick: float = 0.05,
          back: str = "panel", round_seat: bool = False, leg_thick: float = 0.035, back_tilt: float = 6.0) -> None:
    """A chair filling the box: seat top at the catalog's ``top``, backrest up to ``h`` at the back."""
    w, d, h = b.w, b.d, b.h
    seat = b.top(0.5)
    back_mat = back_mat or seat_mat
    st = clamp(seat_thick, 0.02, seat * 0.3)
    z_seat0 = seat - st
    inset = leg_thick / 2 + 0.01
    lx, ly = w / 2 - inset, d / 2 - inset
    back_depth = clamp(d * 0.1, 0.03, 0.08)
    if legs == "four":
        legs4(b, frame, lx, ly, 0.0, z_seat0, leg_thick, round_legs=frame.metallic > 0.5, taper=0.8)
        for sy in (-1, 1):  # stretchers
            b.box("stretchers", frame, -lx, sy * ly - 0.008, z_seat0 * 0.3, lx, sy * ly + 0.008, z_seat0 * 0.3 + 0.02)
    elif legs == "star":
        star_base(b, z_seat0, min(w, d) / 2 - 0.03)
    elif legs == "sled":
        for sx in (-1, 1):
            x = sx * lx
            b.add("frame", frame, rod((x, ly, 0.01), (x, -ly, 0.01), 0.011, 8), rod((x, ly, 0.01), (x, ly * 0.8, z_seat0), 0.011, 8),
                  rod((x, -ly, 0.01), (x, -ly, z_seat0), 0.011, 8))
    elif legs == "pedestal":
        b.add("base", frame, cylinder(0, 0, 0, 0.03, min(w, d) * 0.38, 24, min(w, d) * 0.3))
        b.add("base", frame, cylinder(0, 0, 0.03, z_seat0, 0.03, 12))
    if round_seat:
        b.add("seat", seat_mat, prism(ellipse(w, d, 28), z_seat0, seat))
    else:
        _soft(b, "seat", seat_mat, -w / 2, -d / 2 + back_depth * 0.5, z_seat0, w / 2, d / 2, seat, 0.03)
    if back == "none" or h <= seat + 0.05:
        return
    # back posts and the backrest, leaning back a little
    y_back = -d / 2 + back_depth / 2
    tilt = back_tilt
    if back == "spindles":
        for sx in (-1, 1):
            b.add("backrest", frame, transform(box(sx * lx - leg_thick / 2, y_back - 0.015, seat, sx * lx + leg_thick / 2,
                                                   y_back + 0.015, h), rot_x=tilt, about=(0, y_back, seat)))
        n = max(3, int(w / 0.09))
        for i in range(n):
            x = -lx + 2 * lx * (i + 0.5) / n
            b.add("backrest", frame, transform(box(x - 0.01, y_back - 0.01, seat, x + 0.01, y_back + 0.01, h - 0.06),
                                               rot_x=tilt, about=(0, y_back, seat)))
        b.add("backrest", frame, transform(box(-lx, y_back - 0.02, h - 0.08, lx, y_back + 0.02, h), rot_x=tilt,
                                           about=(0, y_back, seat)))
    elif back == "slats":
        for sx in (-1, 1):
            b.add("frame", frame, transform(box(sx * lx - leg_thick / 2, y_back - leg_thick / 2, z_seat0,
                                                sx * lx + leg_thick / 2, y_back + leg_thick / 2, h),
                                            rot_x=tilt, about=(0, y_back, seat)))
        for k in range(3):
            z1 = h - (h - seat) * 0.22 * k
            b.add("backrest", back_mat, transform(box(-lx, y_back - 0.012, z1 - (h - seat) * 0.12, lx, y_back + 0.012, z1),
                                                  rot_x=tilt, about=(0, y_back, seat)))
    else:
        for sx in (-1, 1):
            b.add("frame", frame, transform(box(sx * lx - leg_thick / 2, y_back - leg_thick / 2, z_seat0,
                                                sx * lx + leg_thick / 2, y_back + leg_thick / 2, h * 0.97),
                                            rot_x=tilt, about=(0, y_back, seat)))
        lo = seat + (h - seat) * (0.25 if back == "panel" else 0.1)
        b.add("backrest", back_mat, transform(box(-w / 2 + 0.01, y_back - back_depth / 2, lo, w / 2 - 0.01,
                                                  y_back + back_depth / 2, h), rot_x=tilt, about=(0, y_back, seat)))
    if arms:
        am = arm_mat or frame
        az = seat + clamp((h - seat) * 0.45, 0.12, 0.25)
        for sx in (-1, 1):
            b.box("arms", am, sx * w / 2 - sx * 0.05, -d / 2 + back_depth, az - 0.03, sx * w / 2, d / 2 - 0.04, az)
            b.box("arms", am, sx * w / 2 - sx * 0.04, d / 2 - 0.09, seat, sx * w / 2 - sx * 0.01, d / 2 - 0.05, az - 0.03)


@register("chair")
def plain_chair(b: Builder) -> None:
    b.primary("wood")
    frame = b.legs_mat("oak")
    seat = b.fabric("#8a8f94") if b.style.has("upholstered", "fabric", "velvet", "leather", "padded") else frame
    chair(b, seat_mat=seat, frame=frame, back="slats" if frame.metallic < 0.5 else "panel",
          arms=b.style.has("arms", "armchair"))


@register("dining_chair")
def dining_chair(b: Builder) -> None:
    b.primary("fabric")
    frame = b.legs_mat("walnut")
    cushion = b.fabric("#c7c1b6")
    back = "spindles" if b.style.has("windsor", "spindle", "rustic", "farmhouse") else "panel"
    chair(b, seat_mat=cushion, frame=frame, back_mat=cushion if back == "panel" else frame, back=back,
          seat_thick=0.06, arms=b.style.has("arms", "carver"))


@register("cafe_chair")
def cafe_chair(b: Builder) -> None:
    b.primary("wood")
    frame = b.metal(BLACK_METAL) if b.style.wood is None else b.style.wood
    seat = b.wood("#2f2f30") if b.style.colour else mat("bentwood", "#5a3b28", roughness=0.5)
    chair(b, seat_mat=seat, frame=frame, back="spindles", round_seat=True, leg_thick=0.025, seat_thick=0.03)


@register("school_chair")
def school_chair(b: Builder) -> None:
    b.primary("body")
    shell = b.body("#3f64a8", "plastic")
    chair(b, seat_mat=shell, frame=b.metal(STEEL), back="panel", leg_thick=0.022, seat_thick=0.02, legs="sled")


@register("kids_chair")
def kids_chair(b: Builder) -> None:
    b.primary("body")
    chair(b, seat_mat=b.body("#e0be3c", "plastic"), frame=b.legs_mat("birch"), back="panel", leg_thick=0.03,
          seat_thick=0.025)


@register("patio_chair")
def patio_chair(b: Builder) -> None:
    b.primary("wood")
    frame = b.wood("teak") if b.style.metal is None else b.metal()
    chair(b, seat_mat=frame, frame=frame, back="spindles", arms=True, leg_thick=0.045, back_tilt=12)
    _soft(b, "cushion", b.fabric("#eee3c9"), -b.w / 2 + 0.06, -b.d / 2 + 0.08, b.top(0.5), b.w / 2 - 0.06,
          b.d / 2 - 0.03, min(b.h - 0.01, b.top(0.5) + 0.05))


@register("waiting_chair")
def waiting_chair(b: Builder) -> None:
    b.primary("fabric")
    chair(b, seat_mat=b.fabric("#3f5f7a"), frame=b.metal(CHROME), back="panel", arms=True, arm_mat=PLASTIC_BLACK,
          leg_thick=0.025, seat_thick=0.07, legs="sled")


@register("office_chair")
def office_chair(b: Builder) -> None:
    b.primary("fabric")
    cover = b.fabric("#2e3033") if not b.style.has("mesh") else b.colour_mat("#2a2b2d", 0.8, name="mesh")
    chair(b, seat_mat=cover, frame=BLACK_METAL, back_mat=cover, legs="star", arms=not b.style.has("armless"),
          arm_mat=PLASTIC_BLACK, seat_thick=0.08, back="cushion", back_tilt=8)


@register("gaming_chair")
def gaming_chair(b: Builder) -> None:
    b.primary("fabric")
    cover = b.fabric("#1e1e1f")
    accent = mat("accent", "#c23a35", roughness=0.6) if not b.style.colour else cover.tinted(0.6, "accent")
    chair(b, seat_mat=cover, frame=BLACK_METAL, legs="star", arms=True, arm_mat=PLASTIC_BLACK, seat_thick=0.1,
          back="cushion", back_tilt=10)
    w, d, h = b.w, b.d, b.h
    seat = b.top(0.4)
    for sx in (-1, 1):  # side bolsters in the accent colour
        b.add("bolsters", accent, transform(box(sx * w * 0.32, -d / 2 + 0.005, seat + 0.05, sx * w * 0.32 + sx * 0.06,
                                                -d / 2 + 0.08, h * 0.93), rot_x=10, about=(0, -d / 2 + 0.04, seat)))
    b.add("pillow", accent, transform(box(-w * 0.18, -d / 2 + 0.02, h * 0.82, w * 0.18, -d / 2 + 0.1, h * 0.9),
                                      rot_x=10, about=(0, -d / 2 + 0.04, seat)))


@register("armchair")
def armchair(b: Builder) -> None:
    b.primary("fabric")
    sofa(b, seats=1)


@register("recliner")
def recliner(b: Builder) -> None:
    b.primary("fabric")
    sofa(b, seats=1, arm_w=0.17, back_d=0.25, chunky=True)


@register("theater_seat")
def theater_seat(b: Builder) -> None:
    b.primary("fabric")
    w, d, h = b.w, b.d, b.h
    seat = b.top(0.45)
    cover = b.fabric("#7a1f2a")
    side = PLASTIC_BLACK
    for sx in (-1, 1):
        b.box("sides", side, sx * w / 2 - sx * 0.06, -d / 2 + 0.1, 0, sx * w / 2, d / 2 - 0.05, seat + 0.22)
        b.box("arms", side, sx * w / 2 - sx * 0.08, -d / 2 + 0.1, seat + 0.18, sx * w / 2, d / 2, seat + 0.24)
    _soft(b, "seat", cover, -w / 2 + 0.07, -d / 2 + 0.2, seat - 0.1, w / 2 - 0.07, d / 2 - 0.1, seat, 0.03)
    b.add("backrest", cover, transform(prism(rounded_rect(w - 0.16, 0.14, 0.04), 0, h - seat * 0.6),
                                       rot_x=12, move=(0, -d / 2 + 0.12, seat * 0.6)))


@register("rocking_chair")
def rocking_chair(b: Builder) -> None:
    b.primary("wood")
    w, d, h = b.w, b.d, b.h
    frame = b.wood("cherry")
    seat = b.top(0.45)
    rock = 0.08
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.03)
        pts = [(-d / 2 + d * i / 10, rock * ((2 * i / 10 - 1) ** 2)) for i in range(11)]
        for (y0, z0), (y1, z1) in zip(pts, pts[1:]):
            b.add("rockers", frame, rod((x, y0, z0 + 0.015), (x, y1, z1 + 0.015), 0.016, 6))
        for y in (-d * 0.25, d * 0.22):
            b.add("legs", frame, rod((x, y, 0.02), (x, y, seat), 0.018, 8))
    _soft(b, "seat", frame, -w / 2 + 0.02, -d * 0.32, seat - 0.04, w / 2 - 0.02, d * 0.28, seat, 0.02)
    _soft(b, "cushion", b.fabric("#b85c4a"), -w / 2 + 0.06, -d * 0.28, seat, w / 2 - 0.06, d * 0.25, seat + 0.03)
    yb = -d * 0.3
    for sx in (-1, 1):
        b.add("backrest", frame, rod((sx * (w / 2 - 0.05), yb, seat), (sx * (w / 2 - 0.05), yb - 0.12, h - 0.01), 0.02, 8))
    n = 6
    for i in range(n):
        x = -w / 2 + 0.1 + (w - 0.2) * i / (n - 1)
        b.add("backrest", frame, rod((x, yb, seat), (x, yb - 0.12, h - 0.04), 0.01, 6))
    b.add("backrest", frame, box(-w / 2 + 0.04, yb - 0.14, h - 0.06, w / 2 - 0.04, yb - 0.1, h))
    for sx in (-1, 1):
        b.box("arms", frame, sx * (w / 2 - 0.05) - 0.025, yb, seat + 0.2, sx * (w / 2 - 0.05) + 0.025, d * 0.3, seat + 0.23)


@register("high_chair")
def high_chair(b: Builder) -> None:
    b.primary("body")
    w, d, h = b.w, b.d, b.h
    seat = b.top(0.7)
    frame = b.legs_mat("birch")
    shell = b.body("#f0efeb", "plastic")
    for sx in (-1, 1):
        for sy in (-1, 1):
            b.add("legs", frame, rod((sx * (w / 2 - 0.03), sy * (d / 2 - 0.03), 0.0), (sx * w * 0.2, sy * d * 0.15, seat - 0.05),
                                     0.02, 8))
    _soft(b, "seat", shell, -w * 0.25, -d * 0.2, seat - 0.05, w * 0.25, d * 0.18, seat, 0.04)
    b.box("backrest", shell, -w * 0.25, -d * 0.22, seat, w * 0.25, -d * 0.16, h)
    for sx in (-1, 1):
        b.box("sides", shell, sx * w * 0.25 - sx * 0.02, -d * 0.2, seat, sx * w * 0.25, d * 0.15, seat + 0.18)
    b.add("tray", PLASTIC_WHITE, prism(rounded_rect(w * 0.62, d * 0.26, 0.05, 3, 0, d * 0.26), seat + 0.17, seat + 0.2))
    b.box("footrest", frame, -w * 0.22, d * 0.1, seat * 0.45, w * 0.22, d * 0.22, seat * 0.45 + 0.02)


@register("dental_chair")
def dental_chair(b: Builder) -> None:
    b.primary("fabric")
    w, d, h = b.w, b.d, b.h
    seat = b.top(0.4)
    cover = b.fabric("#3fb0aa")
    b.add("base", _enamel(b), prism(rounded_rect(w * 0.6, d * 0.45, 0.08), 0, 0.06))
    b.add("column", _enamel(b), cylinder(0, -d * 0.05, 0.06, seat - 0.08, 0.09, 16))
    _soft(b, "seat", cover, -w * 0.33, -d * 0.15, seat - 0.1, w * 0.33, d * 0.2, seat, 0.05)
    b.add("legrest", cover, transform(prism(rounded_rect(w * 0.5, d * 0.32, 0.05), 0, 0.08), rot_x=-20,
                                      move=(0, d * 0.34, seat - 0.18)))
    b.add("backrest", cover, transform(prism(rounded_rect(w * 0.6, d * 0.35, 0.06), 0, 0.09), rot_x=35,
                                       move=(0, -d * 0.3, seat - 0.02)))
    b.add("lamp", _enamel(b), rod((w * 0.45, -d * 0.35, seat), (w * 0.4, -d * 0.4, h - 0.05), 0.02, 8),
          cbox(w * 0.2, -d * 0.3, h - 0.07, 0.22, 0.12, 0.07))
    b.add("tray", PLASTIC_GREY, cbox(-w * 0.35, d * 0.05, seat + 0.25, 0.26, 0.2, 0.025))
    b.add("arm", PLASTIC_GREY, rod((-w * 0.35, -d * 0.05, seat - 0.05), (-w * 0.35, d * 0.05, seat + 0.25), 0.015, 8))


def _enamel(b: Builder) -> Material:
    return b.body("#eeeeec", "enamel")


@register("salon_chair")
def salon_chair(b: Builder) -> None:
    b.primary("fabric")
    chair(b, seat_mat=b.fabric("#1e1e1f") if not b.style.leather else b.fabric(), frame=CHROME, legs="pedestal",
          arms=True, arm_mat=CHROME, seat_thick=0.1, back="cushion", back_tilt=6)


@register("pedicure_chair")
def pedicure_chair(b: Builder) -> None:
    b.primary("fabric")
    w, d, h = b.w, b.d, b.h
    seat = b.top(0.5)
    base = b.body("#e8e4dc", "base")
    cover = b.fabric("#5a3a26") if not b.style.colour else b.fabric()
    b.box("base", base, -w / 2, -d / 2, 0, w / 2, d * 0.1, seat - 0.12)
    _soft(b, "seat", cover, -w / 2 + 0.12, -d / 2 + 0.15, seat - 0.12, w / 2 - 0.12, d * 0.1, seat, 0.05)
    b.box("backrest", cover, -w / 2 + 0.1, -d / 2, seat - 0.1, w / 2 - 0.1, -d / 2 + 0.18, h)
    for sx in (-1, 1):
        b.box("arms", cover, sx * w / 2 - sx * 0.13, -d / 2, seat - 0.1, sx * w / 2, d * 0.1, seat + 0.2)
    b.add("basin", b.colour_mat("#f0efeb", 0.15, name="basin"),
          lathe([(0, 0), (0.9, 0), (1.0, 0.35), (0.88, 0.35), (0.8, 0.06), (0, 0.06)], 24, (0, d * 0.33),
                (w * 0.32, d * 0.16)))


@register("wheelchair")
def wheelchair(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    seat = b.top(0.5)
    b.primary("fabric")
    frame = b.metal(CHROME)
    cover = b.fabric("#1e1e1f")
    R = min(h * 0.34, d * 0.32)
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.03)
        b.add("wheels", RUBBER, transform(torus(0, 0, 0, R - 0.015, 0.015, 28, 6), rot_y=90, move=(x, -d * 0.12, R)))
        b.add("wheels", frame, rod((x, -d * 0.12, R), (x - sx * 0.04, -d * 0.12, R), 0.03, 10))
        caster(b, sx * (w / 2 - 0.1), d / 2 - 0.05, 0.05)
        b.add("frame", frame, rod((sx * (w / 2 - 0.1), d / 2 - 0.05, 0.1), (sx * (w / 2 - 0.1), d * 0.1, seat), 0.012, 8),
              rod((sx * (w / 2 - 0.1), -d * 0.3, seat), (sx * (w / 2 - 0.1), -d * 0.38, h), 0.012, 8),
              rod((sx * (w / 2 - 0.1), -d * 0.38, h), (sx * (w / 2 - 0.1), -d / 2, h), 0.014, 8))
        b.box("arms", PLASTIC_BLACK, sx * (w / 2 - 0.13), -d * 0.25, seat + 0.2, sx * (w / 2 - 0.07), d * 0.1, seat + 0.23)
    b.box("seat", cover, -w / 2 + 0.1, -d * 0.32, seat - 0.03, w / 2 - 0.1, d * 0.12, seat)
    b.box("backrest", cover, -w / 2 + 0.1, -d * 0.38, seat, w / 2 - 0.1, -d * 0.34, h - 0.05)
    b.box("footrest", PLASTIC_BLACK, -w / 2 + 0.12, d / 2 - 0.18, 0.12, w / 2 - 0.12, d / 2 - 0.08, 0.14)


# --------------------------------------------------------------------------- stools and benches


@register("stool", "bar_stool")
def stool(b: Builder) -> None:
    b.primary("wood")
    w, d, h = b.w, b.d, b.h
    seat = b.top()
    frame = b.legs_mat("oak") if b.category == "stool" else b.metal(BLACK_METAL)
    top_mat = b.fabric() if b.style.has("upholstered", "leather", "padded", "velvet") else b.wood("oak")
    st = clamp(h * 0.06, 0.025, 0.05)
    if b.style.has("square"):
        b.add("seat", top_mat, prism(rounded_rect(w, d, 0.03), seat - st, seat))
    else:
        b.add("seat", top_mat, prism(ellipse(w, d, 28), seat - st, seat))
    n = 3 if b.style.has("three") else 4
    for i in range(n):
        a = math.pi / 4 + 2 * math.pi * i / n
        fx, fy = math.cos(a) * (w / 2 - 0.02), math.sin(a) * (d / 2 - 0.02)
        b.add("legs", frame, rod((fx, fy, 0.0), (fx * 0.6, fy * 0.6, seat - st), 0.014 if h > 0.6 else 0.018, 8))
    ring_z = seat * 0.35
    k = 1 - 0.4 * ring_z / (seat - st)
    if seat > 0.55:
        r = (min(w, d) / 2 - 0.02) * k
        b.add("footrest", frame, torus(0, 0, ring_z, r, 0.01, 24, 6, scale=(w / min(w, d), d / min(w, d))))


@register("medical_stool")
def medical_stool(b: Builder) -> None:
    b.primary("fabric")
    w, d, h = b.w, b.d, b.h
    seat = b.top()
    star_base(b, seat - 0.08, min(w, d) / 2 - 0.03)
    b.add("seat", b.fabric("#1e1e1f"), lathe([(0, seat - 0.08), (0.9, seat - 0.08), (1.0, seat - 0.03), (0.9, seat),
                                              (0, seat)], 28, (0, 0), (w * 0.33, d * 0.33)))


@register("bench")
def bench(b: Builder) -> None:
    b.primary("wood")
    w, d, h = b.w, b.d, b.h
    seat = b.top()
    wood = b.wood("oak")
    legs = b.legs_mat("oak")
    if b.style.has("upholstered", "padded", "leather", "velvet", "storage"):
        b.box("base", wood, -w / 2, -d / 2, 0.0, w / 2, d / 2, seat * 0.2)
        b.box("body", wood, -w / 2 + 0.01, -d / 2 + 0.01, seat * 0.2, w / 2 - 0.01, d / 2 - 0.01, seat - 0.06)
        _soft(b, "seat", b.fabric("#c7c1b6"), -w / 2, -d / 2, seat - 0.06, w / 2, d / 2, seat, 0.03)
        return
    b.add("seat", wood, prism(rounded_rect(w, d, 0.015), seat - 0.04, seat))
    lt = 0.045
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.08)
        for sy in (-1, 1):
            b.add("legs", legs, cbox(x, sy * (d / 2 - 0.04), 0, lt, lt, seat - 0.04))
        b.box("stretchers", legs, x - 0.015, -d / 2 + 0.04, seat * 0.25, x + 0.015, d / 2 - 0.04, seat * 0.25 + 0.04)
    b.box("stretchers", legs, -w / 2 + 0.08, -0.015, seat * 0.25, w / 2 - 0.08, 0.015, seat * 0.25 + 0.04)


# --------------------------------------------------------------------------- upholstered


def sofa(b: Builder, seats: int | None = None, arm_w: float | None = None, back_d: float | None = None,
         chunky: bool = False, l_shaped: bool = False) -> None:
    """Sofa / armchair: legs, base, seat and back cushions, two arms; L-shaped adds a chaise on the right."""
    w, d, h = b.w, b.d, b.h
    seat = b.top(0.5)
    cover = b.fabric("#7d8288")
    if b.style.leather and not b.style.colour:
        cover = mat("leather", "#6b4028", roughness=0.45)
    legs = b.legs_mat("walnut")
    leg_h = clamp(seat * 0.18, 0.03, 0.12) if not chunky else 0.02
    arm_w = arm_w if arm_w is not None else clamp(w * 0.09, 0.1, 0.22)
    if b.style.has("armless"):
        arm_w = 0.0
    back_d = back_d if back_d is not None else clamp(d * 0.22, 0.15, 0.25)
    main_d = d if not l_shaped else clamp(d * 0.58, 0.75, 1.0)
    y_front = -d / 2 + main_d
    arm_h = seat + clamp((h - seat) * 0.45, 0.12, 0.22)
    lw = 0.04
    for x in (-w / 2 + 0.06, w / 2 - 0.06):
        for y in (-d / 2 + 0.06, y_front - 0.06):
            b.add("legs", legs, cylinder(x, y, 0.0, leg_h, lw / 2 * 0.7, 10, lw / 2))
    if l_shaped:
        for y in (d / 2 - 0.06,):
            b.add("legs", legs, cylinder(w / 2 - 0.06, y, 0.0, leg_h, lw / 2 * 0.7, 10, lw / 2))
    base_top = seat - clamp((seat - leg_h) * 0.45, 0.08, 0.16)
    b.box("base", cover.tinted(0.85, "base"), -w / 2 + arm_w, -d / 2, leg_h, w / 2 - arm_w, y_front, base_top)
    # back
    b.add("back", cover.tinted(0.92, "back"), box(-w / 2 + arm_w, -d / 2, base_top, w / 2 - arm_w, -d / 2 + back_d * 0.5, h))
    # arms
    if arm_w > 0:
        for sx in (-1, 1):
            x0, x1 = sorted((sx * w / 2, sx * (w / 2 - arm_w)))
            y1 = y_front if not (l_shaped and sx == 1) else d / 2
            b.add("arms", cover.tinted(0.9, "arms"), prism(rounded_rect(x1 - x0, y1 + d / 2, 0.04, 3, (x0 + x1) / 2,
                                                                         (y1 - d / 2) / 2), leg_h, arm_h))
    inner_w = w - 2 * arm_w
    n = seats or b.style.number("seats", 1 if inner_w < 1.0 else (2 if inner_w < 1.6 else 3))
    cw = inner_w / n
    chaise_w = clamp(inner_w * 0.38, 0.7, 1.0) if l_shaped else 0.0
    for i in range(n):
        x0 = -w / 2 + arm_w + i * cw
        x1 = x0 + cw
        if l_shaped and x1 > w / 2 - arm_w - chaise_w + 1e-6:
            x0 = min(x0, w / 2 - arm_w - chaise_w)
        _soft(b, "seat_cushions", cover, x0 + 0.005, -d / 2 + back_d * 0.5, base_top, x1 - 0.005, y_front, seat, 0.05)
        b.add("back_cushions", cover.tinted(1.06, "back_cushions"),
              transform(prism(rounded_rect(cw - 0.02, back_d * 0.55, 0.05, 3, (x0 + x1) / 2, 0), 0, h - seat - 0.02),
                        rot_x=-8, move=(0, -d / 2 + back_d * 0.5 + back_d * 0.3, seat)))
    if l_shaped:
        x0 = w / 2 - arm_w - chaise_w
        _soft(b, "seat_cushions", cover, x0 + 0.005, y_front, base_top, w / 2 - arm_w - 0.005, d / 2, seat, 0.05)
        b.box("base", cover.tinted(0.85, "base"), x0, y_front - 0.01, leg_h, w / 2 - arm_w, d / 2, base_top)
    # throw pillows
    if n >= 2 and not b.style.has("plain"):
        pillow = b.pick(CUSHION_PALETTE, 0.9, "pillow") if not b.style.colour else cover.tinted(0.75, "pillow")
        for sx in (-1, 1):
            x = sx * (w / 2 - arm_w - 0.25)
            b.add("pillows", pillow, transform(box(x - 0.2, -0.06, 0, x + 0.2, 0.06, 0.38), rot_x=-15,
                                               move=(0, -d / 2 + back_d + 0.08, seat - 0.02)))


@register("sofa")
def sofa_builder(b: Builder) -> None:
    b.primary("fabric")
    sofa(b, l_shaped=b.style.has("l_shaped", "sectional", "corner"))


@register("sectional_sofa")
def sectional(b: Builder) -> None:
    b.primary("fabric")
    sofa(b, l_shaped=not b.style.has("straight"))


@register("chaise_lounge")
def chaise_lounge(b: Builder) -> None:
    b.primary("fabric")
    w, d, h = b.w, b.d, b.h
    seat = b.top()
    cover = b.fabric("#9aab8c")
    legs = b.legs_mat("walnut")
    for sx in (-1, 1):
        for sy in (-1, 1):
            b.add("legs", legs, cylinder(sx * (w / 2 - 0.05), sy * (d / 2 - 0.05), 0.0, 0.1, 0.015, 8, 0.02))
    b.box("base", cover.tinted(0.85, "base"), -w / 2, -d / 2, 0.1, w / 2, d / 2, seat - 0.1)
    _soft(b, "seat", cover, -w / 2, -d / 2 + 0.1, seat - 0.1, w / 2, d / 2, seat, 0.06)
    b.add("backrest", cover.tinted(1.05, "backrest"), transform(prism(rounded_rect(w, 0.6, 0.06), 0, 0.14), rot_x=55,
                                                                 move=(0, -d / 2 + 0.32, seat - 0.12)))
    b.box("arm", cover.tinted(0.9, "arm"), -w / 2, -d / 2, seat - 0.1, -w / 2 + 0.12, -d / 2 + 0.7, h * 0.8)


@register("booth")
def booth(b: Builder) -> None:
    b.primary("fabric")
    w, d, h = b.w, b.d, b.h
    seat = b.top()
    cover = b.fabric("#7a1f2a") if not b.style.leather else b.fabric()
    body = b.wood("walnut")
    b.box("base", body, -w / 2, -d / 2, 0, w / 2, d / 2 - 0.05, seat - 0.08)
    _soft(b, "seat", cover, -w / 2, -d / 2 + 0.15, seat - 0.08, w / 2, d / 2, seat, 0.04)
    b.box("backframe", body, -w / 2, -d / 2, 0, w / 2, -d / 2 + 0.08, h)
    n = max(2, int(w / 0.3))
    for i in range(n):
        x0 = -w / 2 + w * i / n
        _soft(b, "back_cushions", cover.tinted(1.05, "back_tufts"), x0 + 0.01, -d / 2 + 0.08, seat + 0.03,
              x0 + w / n - 0.01, -d / 2 + 0.15, h - 0.05, 0.03)


@register("ottoman")
def ottoman(b: Builder) -> None:
    b.primary("fabric")
    w, d, h = b.w, b.d, b.h
    top = b.top()
    cover = b.fabric("#b85c4a")
    legs = b.legs_mat("walnut")
    if b.style.shape in ("round", "oval"):
        b.add("body", cover, lathe([(0, 0.06), (0.97, 0.06), (1.0, top * 0.5), (0.97, top), (0, top)], 32, (0, 0),
                                   (w / 2, d / 2)))
        for i in range(4):
            a = math.pi / 4 + i * math.pi / 2
            b.add("legs", legs, cylinder(math.cos(a) * w * 0.35, math.sin(a) * d * 0.35, 0, 0.07, 0.015, 8))
        return
    legs4(b, legs, w / 2 - 0.05, d / 2 - 0.05, 0.0, 0.07, 0.035, taper=0.7)
    _soft(b, "body", cover, -w / 2, -d / 2, 0.06, w / 2, d / 2, top - 0.01, 0.05)
    _soft(b, "cushion", cover.tinted(1.08, "cushion"), -w / 2 + 0.02, -d / 2 + 0.02, top - 0.01, w / 2 - 0.02,
          d / 2 - 0.02, top, 0.05)
    if b.style.has("tufted") or True:
        for i in (-1, 0, 1):
            for j in (-1, 1):
                b.add("buttons", cover.tinted(0.7, "buttons"), cylinder(i * w * 0.25, j * d * 0.2, top - 0.004, top, 0.01, 6))


@register("bean_bag")
def bean_bag(b: Builder) -> None:
    b.primary("fabric")
    w, d, h = b.w, b.d, b.h
    cover = b.fabric("#d9772f")
    b.add("bag", cover, lathe([(0, 0), (0.85, 0), (1.0, h * 0.25), (0.92, h * 0.55), (0.6, h * 0.62), (0.35, h * 0.5),
                               (0, h * 0.48)], 28, (0, d * 0.04), (w / 2, d / 2 * 0.92)))
    b.add("back", cover.tinted(0.93, "back"), ellipsoid(0, -d * 0.22, h * 0.55, w * 0.38, d * 0.22, h * 0.45, 20, 8,
                                                        cut=-0.5))


@register_family("chair")
def chair_family(b: Builder) -> None:
    plain_chair(b)


@register_family("sofa")
def sofa_family(b: Builder) -> None:
    sofa_builder(b)


@register_family("stool")
def stool_family(b: Builder) -> None:
    stool(b)


__all__ = ["chair", "sofa"]
