"""Plants: potted plants and trees, small plants, hanging plants, planters. The seed shapes the
foliage, so two plants side by side differ."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .core import (BARK, LEAF, LEAF_DARK, SOIL, TERRACOTTA, Builder, Material, cylinder, ellipsoid, lathe, mat,
                   prism, rod, rounded_rect, transform)


def pot(b: Builder, r: float, h: float, cx: float = 0.0, cy: float = 0.0, z0: float = 0.0) -> None:
    b.primary("body")
    if b.style.colour:
        name, rgb = b.style.colour
        m = Material(f"pot_{name}", (*rgb, 1.0), 0.0, 0.4)
    elif b.style.has("ceramic", "white"):
        m = mat("ceramic_pot", "#f0efeb", roughness=0.3)
    elif b.style.has("basket", "wicker", "rattan"):
        m = mat("wicker", "#c9a56b", roughness=0.9)
    else:
        m = TERRACOTTA
    b.add("pot", m, lathe([(0, z0), (r * 0.75, z0), (r, z0 + h * 0.9), (r * 1.04, z0 + h * 0.9), (r * 1.04, z0 + h),
                           (r * 0.93, z0 + h), (r * 0.9, z0 + h * 0.93), (0, z0 + h * 0.93)], 20, (cx, cy)))
    b.add("soil", SOIL, cylinder(cx, cy, z0 + h * 0.93, z0 + h * 0.95, r * 0.9, 16))


def leaf_blade(b: Builder, base: tuple[float, float, float], length: float, width: float, yaw: float, pitch: float,
               m: Material) -> None:
    """A flat, slightly thick leaf from ``base``, pointing at ``yaw`` (around z) and ``pitch`` (up from horizontal)."""
    pts = [(0.0, -width * 0.1), (length * 0.3, -width / 2), (length * 0.75, -width * 0.35), (length, 0.0),
           (length * 0.75, width * 0.35), (length * 0.3, width / 2), (0.0, width * 0.1)]
    geo = prism(pts, -0.002, 0.002)
    geo = transform(geo, rot_y=-pitch, rot_z=yaw, move=base)
    b.add("leaves", m, geo)


def foliage(b: Builder, z0: float, z1: float, rx: float, ry: float, kind: str) -> None:
    """Leaves between ``z0`` and ``z1`` within ``rx x ry``: ``bush`` (clumps), ``palm`` (fronds) or ``tall`` (stems)."""
    rng = b.rng
    if kind == "palm":
        n = 9
        for i in range(n):
            yaw = 360 * i / n + float(rng.uniform(-15, 15))
            pitch = float(rng.uniform(15, 60))
            length = min(rx, ry) * float(rng.uniform(0.8, 1.0)) / max(0.3, math.cos(math.radians(pitch)))
            length = min(length, (z1 - z0) / max(0.3, math.sin(math.radians(pitch))))
            top = z0 + (z1 - z0) * float(rng.uniform(0.2, 0.5))
            b.add("stems", LEAF_DARK, rod((0, 0, z0), (0, 0, top), 0.008, 5))
            leaf_blade(b, (0, 0, top), length * 0.95, length * 0.35, yaw, pitch, LEAF if i % 2 else LEAF_DARK)
        return
    if kind == "tall":
        b.add("trunk", BARK, cylinder(0, 0, z0, z0 + (z1 - z0) * 0.45, min(rx, ry) * 0.08, 8, min(rx, ry) * 0.05))
        for k in range(5):
            a = 2 * math.pi * k / 5 + float(rng.uniform(-0.3, 0.3))
            cz = z0 + (z1 - z0) * float(rng.uniform(0.5, 0.85))
            r = min(rx, ry) * float(rng.uniform(0.35, 0.5))
            cx, cy = math.cos(a) * (rx - r) * 0.7, math.sin(a) * (ry - r) * 0.7
            b.add("canopy", LEAF if k % 2 else LEAF_DARK, ellipsoid(cx, cy, cz, r, r, r * 0.8, 10, 5))
        b.add("canopy", LEAF, ellipsoid(0, 0, z1 - min(rx, ry) * 0.5, min(rx, ry) * 0.5, min(rx, ry) * 0.5,
                                        min(rx, ry) * 0.5, 12, 6))
        return
    n = 7
    for k in range(n):
        a = 2 * math.pi * k / n + float(rng.uniform(-0.3, 0.3))
        r = min(rx, ry) * float(rng.uniform(0.35, 0.55))
        cz = z0 + (z1 - z0) * float(rng.uniform(0.35, 0.7))
        cx, cy = math.cos(a) * (rx - r) * 0.8, math.sin(a) * (ry - r) * 0.8
        b.add("leaves", LEAF if k % 2 else LEAF_DARK, ellipsoid(cx, cy, cz, r, r, min(r, (z1 - z0) * 0.3), 10, 5))
    b.add("leaves", LEAF, ellipsoid(0, 0, z1 - (z1 - z0) * 0.3, min(rx, ry) * 0.5, min(rx, ry) * 0.5, (z1 - z0) * 0.3, 12, 5))


@register("plant", "small_plant", "tree")
def potted(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    r = min(w, d) * (0.3 if b.category != "small_plant" else 0.38)
    ph = min(h * 0.3, r * 1.5) if b.category != "tree" else min(h * 0.2, r * 1.3)
    pot(b, r, ph)
    if b.category == "tree" or b.style.has("tree", "ficus", "olive"):
        foliage(b, ph * 0.9, h, w / 2, d / 2, "tall")
    elif b.style.has("palm", "snake", "sansevieria", "aloe", "fern") or int(b.rng.integers(3)) == 0:
        foliage(b, ph * 0.9, h, w / 2, d / 2, "palm")
    else:
        foliage(b, ph * 0.9, h, w / 2, d / 2, "bush")


@register("hanging_plant")
def hanging_plant(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    r = min(w, d) * 0.3
    ph = min(h * 0.3, r * 1.2)
    z0 = h * 0.3
    for i in range(3):
        a = 2 * math.pi * i / 3
        b.add("cords", mat("rope", "#c9b38a", roughness=0.9), rod((math.cos(a) * r, math.sin(a) * r, z0 + ph), (0, 0, h), 0.003, 4))
    pot(b, r, ph, 0, 0, z0)
    rng = b.rng
    for k in range(7):
        a = 2 * math.pi * k / 7 + float(rng.uniform(-0.3, 0.3))
        x, y = math.cos(a) * (w / 2 - 0.03), math.sin(a) * (d / 2 - 0.03)
        bottom = float(rng.uniform(0.0, z0 * 0.6))
        b.add("vines", LEAF_DARK if k % 2 else LEAF, rod((math.cos(a) * r, math.sin(a) * r, z0 + ph), (x, y, bottom), 0.012, 5))
        b.add("leaves", LEAF, ellipsoid(x, y, bottom + 0.02, 0.03, 0.03, 0.02, 6, 3))


@register("planter")
def planter(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("body")
    box_m = b.wood("teak") if b.style.wood else (b.accent("#3d3f42") if b.style.colour else mat("planter", "#5b5f63", roughness=0.6))
    ph = h * 0.5
    b.add("box", box_m, prism(rounded_rect(w, d, 0.02), 0, ph))
    b.add("soil", SOIL, prism(rounded_rect(w - 0.04, d - 0.04, 0.01), ph, ph + 0.005))
    n = max(2, int(w / 0.2))
    for i in range(n):
        cx = -w / 2 + w * (i + 0.5) / n
        r = min(w / n, d) * 0.45
        b.add("leaves", LEAF if i % 2 else LEAF_DARK, ellipsoid(cx, 0, ph + (h - ph) * 0.5, r, min(r, d / 2), (h - ph) / 2, 10, 5,
                                                                cut=-0.9))


@register_family("plant")
def plant_family(b: Builder) -> None:
    potted(b)


__all__ = ["potted", "pot"]
