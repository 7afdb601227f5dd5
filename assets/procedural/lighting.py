"""Lamps and lights. Ceiling items hang down from z = h (their top touches the ceiling);
wall items have their back at y = -d/2."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .core import BLACK_METAL, CHROME, GLASS, LIGHT, Builder, Material, cylinder, ellipsoid, lathe, mat, rod, torus

BRASS = mat("brass", "#c8a453", 1.0, 0.3)


def shade_mat(b: Builder) -> Material:
    """A lamp shade: the description's colour (fabric), glass, or warm white linen."""
    if b.style.glass:
        return GLASS
    if b.style.colour:
        name, rgb = b.style.colour
        return Material(f"shade_{name}", (*rgb, 1.0), 0.0, 0.8)
    return mat("shade", "#f3ead8", roughness=0.85)


def shade(b: Builder, cx: float, cy: float, z0: float, z1: float, r0: float, r1: float, m: Material) -> None:
    """An open drum or cone shade with a thin wall (so it reads as a shade, not a cylinder)."""
    t = 0.004
    b.add("shade", m, lathe([(r0, z0), (r1, z1), (r1 - t, z1), (r0 - t, z0), (r0, z0)], 28, (cx, cy)))
    b.add("bulb", LIGHT, ellipsoid(cx, cy, (z0 + z1) / 2, min(r0, r1) * 0.35, min(r0, r1) * 0.35,
                                   min(r0, r1) * 0.45, 12, 6))


@register("table_lamp")
def table_lamp(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    base_m = b.metal(BRASS) if b.style.metal else (b.wood() if b.style.wood else mat("ceramic_base", "#d9d4c8", roughness=0.2))
    r = min(w, d) / 2
    shade_h = h * 0.42
    if b.style.has("round", "globe", "ball"):
        b.add("base", base_m, lathe([(0, 0), (r * 0.45, 0), (r * 0.45, 0.02), (0.015, 0.03), (0.015, h * 0.35), (0, h * 0.35)],
                                    20))
        b.add("globe", mat("opal", "#fbf6ea", roughness=0.3), ellipsoid(0, 0, h - r, r, r, r, 24, 12, cut=-0.9))
        return
    b.add("base", base_m, lathe([(0, 0), (r * 0.5, 0), (r * 0.55, h * 0.05), (r * 0.55, h * 0.25), (r * 0.35, h * 0.4),
                                 (0.012, h * 0.45), (0.012, h - shade_h * 0.6), (0, h - shade_h * 0.6)], 24))
    shade(b, 0, 0, h - shade_h, h, r, r * 0.7, shade_mat(b))


@register("desk_lamp")
def desk_lamp(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("body")
    m = b.accent("#1e1e1f") if b.style.colour else b.metal(BLACK_METAL)
    r = min(w, d) * 0.4
    b.add("base", m, cylinder(0, -d * 0.15, 0, 0.02, r, 20))
    elbow = (0, -d * 0.25, h * 0.6)
    b.add("arm", m, rod((0, -d * 0.15, 0.02), elbow, 0.008, 8), rod(elbow, (0, d * 0.2, h * 0.85), 0.008, 8))
    b.add("joint", m, ellipsoid(*elbow, 0.015, 0.015, 0.015, 10, 5))
    b.add("head", m, rod((0, d * 0.2, h * 0.85), (0, d / 2 - 0.03, h * 0.6), 0.045, 16, 0.02))
    b.add("head", m, cylinder(0, d * 0.2, h * 0.85, h, 0.015, 8))
    b.add("bulb", LIGHT, ellipsoid(0, d / 2 - 0.04, h * 0.6, 0.03, 0.03, 0.02, 10, 5))


@register("floor_lamp")
def floor_lamp(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    m = b.metal(BLACK_METAL)
    r = min(w, d) / 2
    b.add("base", m, lathe([(0, 0), (r * 0.7, 0), (r * 0.65, 0.025), (0, 0.03)], 24))
    if b.style.has("arc", "arched", "arching"):
        pts = [(-r * 0.4 + (w - r * 0.6) * math.sin(t * math.pi / 2) * 0.9, 0, 0.03 + (h * 0.95) * math.sin(t * math.pi))
               for t in [i / 10 for i in range(6)]]
        for p, q in zip(pts, pts[1:]):
            b.add("pole", m, rod(p, q, 0.012, 8))
        b.add("shade", shade_mat(b), ellipsoid(pts[-1][0], 0, h * 0.82, r * 0.5, r * 0.5, h * 0.1, 20, 6, cut=0))
        return
    b.add("pole", m, cylinder(0, 0, 0.03, h * 0.75, 0.012, 10))
    shade(b, 0, 0, h * 0.72, h, r, r * 0.75, shade_mat(b))


@register("ceiling_light", "pendant_light", "chandelier", "track_light")
def ceiling_lights(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    metal = b.metal(CHROME if c != "chandelier" else BRASS)
    if c == "ceiling_light":
        b.add("canopy", metal, cylinder(0, 0, h - 0.02, h, min(w, d) * 0.3, 20))
        b.add("diffuser", mat("opal", "#fbf6ea", roughness=0.3),
              lathe([(0, 0), (0.7, 0), (1.0, h * 0.5), (1.0, h - 0.02), (0, h - 0.02)], 28, (0, 0), (w / 2, d / 2)))
        return
    if c == "pendant_light":
        r = min(w, d) / 2
        b.add("canopy", metal, cylinder(0, 0, h - 0.02, h, 0.05, 16))
        b.add("cord", BLACK_METAL, cylinder(0, 0, h * 0.35, h - 0.02, 0.004, 6))
        m = shade_mat(b) if (b.style.colour or b.style.glass) else mat("pendant", "#2a2b2d", 0.6, 0.4)
        if b.style.has("globe", "round", "ball", "sphere"):
            b.add("shade", m if m is not GLASS else mat("opal", "#fbf6ea", roughness=0.3), ellipsoid(0, 0, r, r, r, r, 24, 10))
        else:
            b.add("shade", m, lathe([(r, 0), (r * 0.25, h * 0.32), (0.02, h * 0.36), (0, h * 0.36), (0, h * 0.33),
                                     (r * 0.96, 0.004), (r, 0)], 28))
            b.add("bulb", LIGHT, ellipsoid(0, 0, h * 0.08, r * 0.25, r * 0.25, r * 0.25, 12, 6))
        return
    if c == "track_light":
        b.box("track", metal, -w / 2, -0.02, h - 0.03, w / 2, 0.02, h)
        for i in range(3):
            x = -w / 2 + w * (i + 0.5) / 3
            b.add("spots", BLACK_METAL, rod((x, 0, h - 0.03), (x, 0, h * 0.6), 0.006, 6),
                  rod((x, 0, h * 0.6), (x, d / 2 - 0.0, 0.0 + h * 0.1), min(0.04, d * 0.45), 14, min(0.03, d * 0.3)))
        return
    # chandelier: a crown of arms with candle bulbs
    r = min(w, d) / 2
    b.add("canopy", metal, cylinder(0, 0, h - 0.03, h, 0.06, 16))
    b.add("chain", metal, cylinder(0, 0, h * 0.45, h - 0.03, 0.006, 6))
    b.add("body", metal, lathe([(0, 0), (0.03, 0), (0.06, h * 0.15), (0.03, h * 0.3), (0.05, h * 0.45), (0, h * 0.45)], 16))
    b.add("ring", metal, torus(0, 0, h * 0.18, r * 0.8, 0.008, 32, 4))
    n = 6
    for i in range(n):
        a = 2 * math.pi * i / n
        x, y = math.cos(a) * (r - 0.03), math.sin(a) * (r - 0.03)
        b.add("arms", metal, rod((0, 0, h * 0.1), (x, y, h * 0.18), 0.008, 6))
        b.add("cups", metal, cylinder(x, y, h * 0.18, h * 0.21, 0.025, 10))
        b.add("candles", mat("candle", "#f5f1e6", roughness=0.5), cylinder(x, y, h * 0.21, h * 0.3, 0.012, 8))
        b.add("bulbs", LIGHT, ellipsoid(x, y, h * 0.33, 0.015, 0.015, 0.03, 8, 4))
        b.add("crystals", GLASS, ellipsoid(x * 0.6, y * 0.6, h * 0.05, 0.012, 0.012, 0.03, 6, 3))


@register("wall_lamp", "string_lights")
def wall_lights(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    if b.category == "string_lights":
        n = max(6, int(w / 0.1))
        pts = [(-w / 2 + w * i / n, 0.0, h - 0.02 - (h - 0.03) * math.sin(math.pi * i / n) * 0.6) for i in range(n + 1)]
        for p, q in zip(pts, pts[1:]):
            b.add("wire", BLACK_METAL, rod(p, q, 0.002, 4))
        for p in pts[1:-1]:
            b.add("bulbs", mat("warm_bulb", "#ffe8a0", roughness=0.2), ellipsoid(p[0], 0, p[2] - 0.012, 0.01, 0.01, 0.015, 8, 4))
        b.box("hooks", BLACK_METAL, -w / 2, -d / 2, h - 0.02, -w / 2 + 0.01, d / 2, h)
        b.box("hooks", BLACK_METAL, w / 2 - 0.01, -d / 2, h - 0.02, w / 2, d / 2, h)
        return
    metal = b.metal(BRASS)
    b.box("backplate", metal, -w * 0.25, -d / 2, h * 0.2, w * 0.25, -d / 2 + 0.015, h * 0.55)
    b.add("arm", metal, rod((0, -d / 2 + 0.015, h * 0.35), (0, d * 0.1, h * 0.35), 0.008, 8),
          rod((0, d * 0.1, h * 0.35), (0, d * 0.1, h * 0.45), 0.008, 8))
    shade(b, 0, d * 0.1, h * 0.45, h, min(w / 2, d * 0.4), min(w / 2, d * 0.4) * 0.75, shade_mat(b))


@register_family("lamp")
def lamp_family(b: Builder) -> None:
    table_lamp(b)


__all__ = ["table_lamp", "floor_lamp"]
