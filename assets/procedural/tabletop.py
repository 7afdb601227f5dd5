"""Small things that stand on surfaces: dishes, bottles, books, boxes, kitchenware.
Most are solids of revolution (:func:`lathe`) scaled to the footprint."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .core import (BLACK_METAL, BOOK_PALETTE, CERAMIC, CHROME, GLASS, PAPER, STEEL, Builder, Material, box, cylinder,
                   ellipsoid, lathe, mat, prism, rod, rounded_rect, torus, transform)


def finish(b: Builder, default: Material) -> Material:
    """The object's own finish: glass, metal, wood, the description's colour, else ``default``."""
    b.primary("body")
    if b.style.glass:
        return GLASS
    if b.style.metal is not None:
        return b.style.metal
    if b.style.wood is not None:
        return b.style.wood
    if b.style.colour:
        name, rgb = b.style.colour
        return Material(f"{default.name}_{name}", (*rgb, default.rgba[3]), default.metallic, default.roughness)
    return default


def vessel(b: Builder, name: str, m: Material, profile: list[tuple[float, float]], wall: float = 0.08,
           n: int = 24) -> None:
    """An open vessel from an outer profile of (radius fraction, z): up the outside, then down inside."""
    w, d = b.w, b.d
    outer = [(0.0, profile[0][1])] + profile
    top_r, top_z = profile[-1]
    inner = [(max(0.0, r - wall), z) for r, z in reversed(profile[1:])]
    floor_z = profile[0][1] + (profile[-1][1] - profile[0][1]) * 0.08
    inner[-1] = (inner[-1][0], floor_z)
    prof = outer + [(max(0.0, top_r - wall), top_z)] + inner[1:] + [(0.0, floor_z)]
    b.add(name, m, lathe(prof, n, (0, 0), (w / 2, d / 2)))


@register("cup", "glass", "bowl", "fruit_bowl", "plate", "vase", "floor_vase", "bottle", "pen_holder", "candle",
          "soap_dispenser", "cooking_pot", "teapot")
def round_things(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "cup":
        m = finish(b, CERAMIC)
        dd = d if w <= d else d
        old = b.size
        b.size = (min(w, d), min(w, d), h)
        vessel(b, "cup", m, [(0.8, 0), (0.88, h * 0.1), (1.0, h)], 0.1)
        b.size = old
        if w > d + 0.005:
            b.add("handle", m, transform(torus(0, 0, 0, h * 0.25, 0.006, 16, 5), rot_x=90, move=(d / 2 + h * 0.15, 0, h * 0.55)))
        _ = dd
        return
    if c == "glass":
        vessel(b, "glass", finish(b, GLASS), [(0.85, 0), (1.0, h)], 0.06)
        b.add("water", mat("water", "#9cc7d9", roughness=0.05, alpha=0.5), cylinder(0, 0, h * 0.08, h * 0.6, w / 2 * 0.88, 16))
        return
    if c in ("bowl", "fruit_bowl"):
        m = finish(b, CERAMIC if c == "bowl" else b.wood("walnut"))
        vessel(b, "bowl", m, [(0.45, 0), (0.5, h * 0.08), (0.85, h * 0.5), (1.0, h)], 0.06, 32)
        if c == "fruit_bowl":
            fruit = [("#d9772f", 0.0, 0.0), ("#b23a35", 0.3, 0.1), ("#e0be3c", -0.25, 0.2), ("#4f7b4a", 0.1, -0.3)]
            r = min(w, d) * 0.16
            for col, fx, fy in fruit:
                b.add("fruit", mat("fruit", col, roughness=0.4), ellipsoid(fx * w, fy * d, h - r * 0.9, r, r, r * 0.9, 12, 6))
        return
    if c == "plate":
        m = finish(b, CERAMIC)
        b.add("plate", m, lathe([(0, 0), (0.6, 0), (0.65, h * 0.4), (1.0, h), (0.96, h), (0.62, h * 0.55), (0, h * 0.55)], 32,
                                (0, 0), (w / 2, d / 2)))
        return
    if c in ("vase", "floor_vase"):
        m = finish(b, mat("glaze", "#3f6fa8" if c == "vase" else "#c9b38a", roughness=0.25))
        vessel(b, "vase", m, [(0.6, 0), (0.95, h * 0.3), (1.0, h * 0.45), (0.55, h * 0.8), (0.45, h * 0.9), (0.55, h)], 0.06)
        if b.style.has("flowers", "flower", "tulips", "roses") or c == "vase":
            for i in range(5):
                a = 2 * math.pi * i / 5
                top = (math.cos(a) * w * 0.3, math.sin(a) * d * 0.3, h * 0.98)
                b.add("stems", mat("stem", "#4f7b4a"), rod((0, 0, h * 0.6), top, 0.003, 4))
                b.add("flowers", mat("petal", ("#e3a1ad", "#f0efeb", "#e0be3c")[i % 3], roughness=0.6),
                      ellipsoid(top[0], top[1], top[2] - 0.012, 0.02, 0.02, 0.012, 8, 4))
        return
    if c == "bottle":
        m = finish(b, mat("bottle_glass", "#2f5e2c", roughness=0.08, alpha=0.85))
        b.add("bottle", m, lathe([(0, 0), (1.0, 0), (1.0, h * 0.6), (0.85, h * 0.7), (0.35, h * 0.8), (0.33, h * 0.95),
                                  (0, h * 0.95)], 20, (0, 0), (w / 2, d / 2)))
        b.add("cap", mat("cork", "#a8753f"), cylinder(0, 0, h * 0.95, h, w / 2 * 0.36, 10))
        b.add("label", PAPER, lathe([(1.01, h * 0.2), (1.01, h * 0.45)], 20, (0, 0), (w / 2, d / 2)))
        return
    if c == "pen_holder":
        vessel(b, "holder", finish(b, BLACK_METAL), [(1.0, 0), (1.0, h * 0.7)], 0.08, 20)
        for i, col in enumerate(("#3f64a8", "#c23a35", "#1e1e1f", "#e0be3c")):
            a = 2 * math.pi * i / 4
            b.add("pens", mat("pen", col, roughness=0.4), rod((math.cos(a) * w * 0.15, math.sin(a) * d * 0.15, h * 0.05),
                                                              (math.cos(a) * w * 0.3, math.sin(a) * d * 0.3, h), 0.004, 6))
        return
    if c == "candle":
        b.add("wax", finish(b, mat("wax", "#f5f1e6", roughness=0.5)), cylinder(0, 0, 0, h * 0.85, min(w, d) / 2, 20))
        b.add("wick", BLACK_METAL, cylinder(0, 0, h * 0.85, h * 0.9, 0.002, 4))
        b.add("flame", mat("flame", "#ffb347", roughness=0.2), ellipsoid(0, 0, h * 0.95, 0.006, 0.006, h * 0.05, 8, 4))
        return
    if c == "soap_dispenser":
        m = finish(b, mat("soap_glass", "#e8e2d6", roughness=0.1, alpha=0.9))
        b.add("bottle", m, lathe([(0, 0), (1.0, 0), (1.0, h * 0.65), (0.4, h * 0.72), (0, h * 0.72)], 20, (0, 0), (w / 2, d / 2)))
        b.add("pump", CHROME, cylinder(0, 0, h * 0.72, h * 0.9, w * 0.12, 10),
              box(-w * 0.05, -d * 0.05, h * 0.88, w * 0.05, d / 2, h))
        return
    if c == "cooking_pot":
        m = finish(b, STEEL)
        r = min(w * 0.36, d / 2)
        b.add("pot", m, lathe([(0, 0), (1.0, 0), (1.0, h * 0.82), (0.96, h * 0.82), (0.96, 0.01), (0, 0.01)], 24, (0, 0),
                              (r, r)))
        b.add("lid", m, lathe([(0, h * 0.82), (1.0, h * 0.82), (0.6, h * 0.92), (0, h * 0.92)], 24, (0, 0), (r, r)))
        b.add("knob", BLACK_METAL, cylinder(0, 0, h * 0.92, h, 0.02, 10))
        for sx in (-1, 1):
            b.box("handles", BLACK_METAL, sx * r, -0.02, h * 0.6, sx * w / 2, 0.02, h * 0.7)
        return
    # teapot
    m = finish(b, CERAMIC)
    r = min(w * 0.3, d / 2)
    b.add("body", m, lathe([(0, 0), (0.7, 0), (1.0, h * 0.35), (0.8, h * 0.7), (0.5, h * 0.75), (0, h * 0.75)], 20, (0, 0),
                           (r, r)))
    b.add("lid", m, ellipsoid(0, 0, h * 0.75, r * 0.45, r * 0.45, h * 0.2, 14, 4, cut=0))
    b.add("knob", m, ellipsoid(0, 0, h * 0.95, 0.012, 0.012, h * 0.05, 8, 3))
    b.add("spout", m, rod((r * 0.8, 0, h * 0.3), (w / 2 - 0.01, 0, h * 0.7), 0.015, 8, 0.008))
    b.add("handle", m, transform(torus(0, 0, 0, h * 0.22, 0.008, 16, 5), rot_x=90, move=(-r - h * 0.1, 0, h * 0.42)))


@register("book", "board_game", "tissue_box", "jewelry_box", "cutting_board")
def flat_things(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "book":
        cover = finish(b, b.pick(BOOK_PALETTE, 0.7, "cover"))
        t = min(0.003, h * 0.1)
        b.box("cover", cover, -w / 2, -d / 2, 0, w / 2, d / 2, t)
        b.box("cover", cover, -w / 2, -d / 2, h - t, w / 2, d / 2, h)
        b.box("spine", cover, -w / 2, -d / 2, 0, -w / 2 + t, d / 2, h)
        b.box("pages", PAPER, -w / 2 + t, -d / 2 + 0.003, t, w / 2 - 0.002, d / 2 - 0.003, h - t)
        return
    if c == "board_game":
        body = finish(b, b.pick(("#b23a35", "#3f64a8", "#4f7b4a"), 0.6, "game_box"))
        b.box("box", body, -w / 2, -d / 2, 0, w / 2, d / 2, h)
        b.box("art", mat("game_art", "#e0be3c", roughness=0.6), -w * 0.35, -d * 0.35, h - 0.0005, w * 0.35, d * 0.35, h)
        return
    if c == "tissue_box":
        body = finish(b, mat("printed_card", "#a8d8bf", roughness=0.7))
        b.box("box", body, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.8)
        b.box("box", body, -w / 2, -d / 2, h * 0.8, w / 2, d / 2, h * 0.8 + 0.001)
        b.add("tissue", PAPER, ellipsoid(0, 0, h * 0.8, w * 0.2, d * 0.15, h * 0.2, 10, 4, cut=0))
        return
    if c == "jewelry_box":
        body = finish(b, b.wood("walnut"))
        b.box("box", body, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.65)
        b.box("lid", body.tinted(0.9, "lid"), -w / 2, -d / 2, h * 0.65, w / 2, d / 2, h)
        b.box("clasp", mat("brass", "#c8a453", 1.0, 0.3), -0.01, d / 2 - 0.0, h * 0.55, 0.01, d / 2 + 0.0005, h * 0.75)
        return
    board = finish(b, b.wood("bamboo"))
    b.add("board", board, prism(rounded_rect(w, d, min(w, d) * 0.1), 0, h))
    b.add("hole", mat("hole", "#3a2a1a"), cylinder(w / 2 - 0.04, 0, h - 0.0005, h, 0.012, 10))


@register("frying_pan")
def frying_pan(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    m = finish(b, mat("non_stick", "#2a2b2d", 0.3, 0.4))
    r = min(d / 2, w * 0.32)
    cx = -w / 2 + r
    b.add("pan", m, lathe([(0, 0), (0.85, 0), (1.0, h), (0.95, h), (0.82, 0.004), (0, 0.004)], 28, (cx, 0), (r, r)))
    b.add("handle", mat("handle", "#1e1e1f"), rod((cx + r * 0.95, 0, h * 0.8), (w / 2, 0, h), 0.012, 8))


@register_family("tabletop", "kitchenware")
def tabletop_family(b: Builder) -> None:
    round_things(b) if b.category not in ("book",) else flat_things(b)


__all__ = ["round_things", "flat_things", "vessel"]
