"""Soft goods: rugs and mats, cushions, blankets, towels, curtains."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .core import (BLACK_METAL, CUSHION_PALETTE, Builder, Material, box, ellipse, ellipsoid, lathe, mat, prism, rod,
                   rounded_rect)

RUG_PALETTE = ("#b9643f", "#3f5f7a", "#9aab8c", "#c9a56b", "#8c5e7e", "#6f7275", "#d8c8aa")


def _rug_colour(b: Builder, default: str) -> Material:
    b.primary("fabric")
    if b.style.colour:
        name, rgb = b.style.colour
        return Material(f"rug_{name}", (*rgb, 1.0), 0.0, 0.95)
    return mat("rug", default, roughness=0.95)


@register("rug", "bath_mat", "doormat", "play_mat", "yoga_mat")
def rug(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    defaults = {"rug": "#b9643f", "bath_mat": "#dfe5e8", "doormat": "#8a6a45", "play_mat": "#7b9a6b",
                "yoga_mat": "#6e4b8c"}
    field = _rug_colour(b, defaults[c])
    border = field.tinted(0.55, "border") if c != "yoga_mat" else field
    round_ = b.style.shape in ("round", "oval")
    if c == "yoga_mat":
        b.add("mat", field, prism(rounded_rect(w, d, 0.01), 0, h))
        return
    if c == "play_mat":
        tiles = ("#e0be3c", "#3f64a8", "#c23a35", "#4f7b4a")
        nx, ny = max(2, round(w / 0.3)), max(2, round(d / 0.3))
        for i in range(nx):
            for j in range(ny):
                tile = mat(f"tile_{(i + j) % 4}", tiles[(i + j) % 4], roughness=0.8)
                if b.style.colour:
                    tile = field.tinted(1.0 if (i + j) % 2 else 0.8, f"tile_{(i + j) % 2}")
                b.add("tiles", tile,
                      box(-w / 2 + w * i / nx, -d / 2 + d * j / ny, 0, -w / 2 + w * (i + 1) / nx, -d / 2 + d * (j + 1) / ny, h))
        return
    if round_:
        b.add("border", border, prism(ellipse(w, d, 48), 0, h * 0.9))
        b.add("field", field, prism(ellipse(w - 0.12, d - 0.12, 48), 0, h))
        b.add("medallion", border.tinted(1.3, "medallion"), prism(ellipse(w * 0.35, d * 0.35, 32), h * 0.5, h * 1.0 + 0.0))
        return
    b.add("border", border, box(-w / 2, -d / 2, 0, w / 2, d / 2, h * 0.9))
    m = min(0.1, min(w, d) * 0.08)
    b.add("field", field, box(-w / 2 + m, -d / 2 + m, 0, w / 2 - m, d / 2 - m, h))
    if b.style.has("striped", "stripes", "stripe"):
        n = max(3, int(w / 0.25))
        for i in range(0, n, 2):
            x0 = -w / 2 + m + (w - 2 * m) * i / n
            b.add("stripes", border.tinted(1.4, "stripes"), box(x0, -d / 2 + m, h * 0.5, x0 + (w - 2 * m) / n, d / 2 - m, h))
    elif c == "rug" and min(w, d) > 0.8:
        b.add("pattern", border.tinted(1.3, "pattern"), prism([(0, -d * 0.3), (w * 0.3, 0), (0, d * 0.3), (-w * 0.3, 0)],
                                                               h * 0.5, h))
    if c == "rug" and not b.style.has("plain"):
        for sx in (-1, 1):
            for i in range(max(4, int(d / 0.06))):
                y = -d / 2 + d * (i + 0.5) / max(4, int(d / 0.06))
                b.add("fringe", mat("fringe", "#eee3c9", roughness=0.95), box(sx * w / 2 - sx * 0.0, y - 0.004,
                                                                               0, sx * w / 2 - sx * 0.015, y + 0.004, h * 0.6))
    if c == "doormat":
        b.add("text", border.tinted(0.6, "lettering"), box(-w * 0.3, -d * 0.08, h * 0.5, w * 0.3, d * 0.08, h))


@register("cushion", "blanket", "towel", "bean_pillow")
def cushion(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("fabric")
    if b.category == "cushion":
        m = b.fabric(CUSHION_PALETTE[int(b.rng.integers(len(CUSHION_PALETTE)))]) if not b.style.colour else b.fabric()
        if b.style.shape == "round":
            b.add("cushion", m, ellipsoid(0, 0, h / 2, w / 2, d / 2, h / 2, 24, 8))
        else:
            b.add("cushion", m, lathe([(0, 0), (0.92, 0), (1.0, h * 0.5), (0.92, h), (0, h)], 4, (0, 0),
                                      (w / 2 * 1.414, d / 2 * 1.414), start=math.pi / 4))
            b.add("piping", m.tinted(0.8, "piping"), lathe([(0.99, h * 0.45), (1.005, h * 0.45), (1.005, h * 0.55),
                                                            (0.99, h * 0.55)], 4, (0, 0), (w / 2 * 1.414, d / 2 * 1.414),
                                                           start=math.pi / 4))
        return
    m = b.fabric(("#9aab8c" if b.category == "blanket" else "#f0efeb"))
    layers = 4 if b.category == "blanket" else 3
    for i in range(layers):
        z0 = h * i / layers
        inset = 0.004 * (i % 2)
        b.add("folds", m.tinted(1.0 - 0.06 * (i % 2), "fold"), prism(rounded_rect(w - inset * 2, d - inset * 2, min(h / layers, 0.02)),
                                                                     z0, z0 + h / layers))
    b.add("stripe", m.tinted(0.6, "stripe"), box(-w / 2, d * 0.3, 0, w / 2, d * 0.36, h * 1.0))


@register("curtain")
def curtain(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    m = b.fabric("#d8c8aa")
    rod_m = b.metal(BLACK_METAL)
    b.add("rod", rod_m, rod((-w / 2, 0, h - 0.03), (w / 2, 0, h - 0.03), 0.012, 10))
    for sx in (-1, 1):
        b.add("finials", rod_m, ellipsoid(sx * (w / 2 - 0.025), 0, h - 0.03, 0.025, 0.025, 0.025, 10, 5))
    # two gathered panels: a wavy section extruded down
    for sx in (-1, 1):
        x0, x1 = (sx * w * 0.08, sx * w / 2) if sx > 0 else (-w / 2, -w * 0.08)
        n = 8
        pts_front, pts_back = [], []
        for i in range(n * 2 + 1):
            x = x0 + (x1 - x0) * i / (n * 2)
            y = (d * 0.35) * math.sin(math.pi * i / 2)
            pts_front.append((x, y + 0.006))
            pts_back.append((x, y - 0.006))
        for (xa, ya), (xb, yb), (xc, yc), (xd, yd) in zip(pts_back, pts_back[1:], pts_front[1:], pts_front):
            poly = [(xa, ya), (xb, yb), (xc, yc), (xd, yd)]
            b.add("panels", m, prism(poly, 0.01, h - 0.06))
        for i in range(n + 1):
            x = x0 + (x1 - x0) * i / n
            b.add("rings", rod_m, rod((x, 0, h - 0.06), (x, 0, h - 0.02), 0.006, 6))


@register_family("rug", "textile")
def soft_family(b: Builder) -> None:
    rug(b) if b.h < 0.05 else cushion(b)


__all__ = ["rug", "cushion", "curtain"]
