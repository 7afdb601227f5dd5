"""Bathroom fixtures: toilet, bidet, urinal, bathtub, shower, sinks, scales; salon basins."""

from __future__ import annotations


from ..meshes import register, register_family
from .core import (CERAMIC, CHROME, GLASS, PLASTIC_GREY, PLASTIC_WHITE, Builder, box, cylinder, ellipse, lathe,
                   mat, prism, rod, rounded_rect, torus)
from .tables import faucet


def porcelain(b: Builder):
    b.primary("body")
    if b.style.colour:
        name, rgb = b.style.colour
        return mat(f"ceramic_{name}", "#%02x%02x%02x" % tuple(int(c * 255) for c in rgb), roughness=0.15)
    return CERAMIC


@register("toilet", "bidet")
def toilet(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    ceramic = porcelain(b)
    seat_h = min(h * 0.52, 0.42) if b.category == "toilet" else h
    bowl_y = d * 0.1
    bowl_d = d * 0.65 if b.category == "toilet" else d * 0.85
    bowl_y = d / 2 - bowl_d / 2
    b.add("base", ceramic, lathe([(0, 0), (0.6, 0), (0.55, seat_h * 0.4), (1.0, seat_h - 0.03), (0, seat_h - 0.03)], 24,
                                 (0, bowl_y), (w / 2 * 0.95, bowl_d / 2)))
    b.add("seat", PLASTIC_WHITE if ceramic is CERAMIC else ceramic,
          torus(0, bowl_y, seat_h - 0.015, 1.0, 0.2, 28, 6, scale=(w / 2 * 0.8, bowl_d / 2 * 0.8)))
    b.add("water", mat("water", "#9cc7d9", roughness=0.05), prism(ellipse(w * 0.5, bowl_d * 0.5, 20, 0, bowl_y),
                                                                 seat_h - 0.05, seat_h - 0.04))
    if b.category == "toilet":
        b.add("tank", ceramic, prism(rounded_rect(w, d - bowl_d + 0.02, 0.03, 3, 0, -d / 2 + (d - bowl_d + 0.02) / 2),
                                     seat_h * 0.6, h - 0.02))
        b.add("tank_lid", ceramic, prism(rounded_rect(w, d - bowl_d + 0.04, 0.03, 3, 0, -d / 2 + (d - bowl_d + 0.04) / 2),
                                         h - 0.02, h))
        b.add("flush", CHROME, cylinder(0, -d / 2 + (d - bowl_d) / 2, h - 0.0005, h, 0.02, 12))
    else:
        b.add("tap", CHROME, rod((0, -d / 2 + 0.05, h - 0.03), (0, -d / 2 + 0.1, h - 0.01), 0.01, 8))


@register("urinal")
def urinal(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    ceramic = porcelain(b)
    b.add("body", ceramic, lathe([(0, 0), (0.8, 0), (1.0, h * 0.3), (1.0, h * 0.8), (0.7, h), (0, h)], 24, (0, 0),
                                 (w / 2, d / 2)))
    b.box("wall_plate", ceramic, -w / 2, -d / 2, 0, w / 2, -d / 2 + 0.02, h)
    b.add("basin", mat("shadow", "#d9dee0", roughness=0.2), prism(ellipse(w * 0.7, d * 0.6, 20, 0, d * 0.1), h * 0.25,
                                                                  h * 0.8))
    b.add("flush", CHROME, cylinder(0, -d / 2 + 0.04, h - 0.001, h, 0.015, 8))


@register("bathtub")
def bathtub(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    ceramic = porcelain(b)
    rim = 0.07
    if b.style.has("freestanding", "clawfoot", "oval", "round"):
        b.add("tub", ceramic, lathe([(0, 0.08), (0.85, 0.08), (1.0, h), (0.93, h), (0.82, 0.14), (0, 0.14)], 32, (0, 0),
                                    (w / 2, d / 2)))
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.add("feet", mat("brass", "#c8a453", 1.0, 0.3), cylinder(sx * w * 0.35, sy * d * 0.3, 0, 0.09, 0.03, 8))
    else:
        b.add("tub", ceramic, box(-w / 2, -d / 2, 0, w / 2, d / 2, h - 0.02))
        b.add("rim", ceramic, prism(rounded_rect(w, d, 0.02), h - 0.02, h))
        b.add("basin", mat("basin", "#e8eef0", roughness=0.1), prism(rounded_rect(w - 2 * rim, d - 2 * rim, 0.2, 6),
                                                                     h - 0.0015, h))
    b.add("water", mat("water", "#9cc7d9", roughness=0.05, alpha=0.6),
          prism(rounded_rect(w * 0.8, d * 0.7, 0.15, 6), h - 0.001, h - 0.0002))
    b.box("faucet", CHROME, -w / 2 + 0.02, -0.02, h - 0.0006, -w / 2 + 0.12, 0.02, h)
    b.add("drain", CHROME, cylinder(-w / 2 + 0.2, 0, h - 0.0012, h - 0.0008, 0.025, 10))


@register("shower")
def shower(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    tray = porcelain(b)
    b.add("tray", tray, box(-w / 2, -d / 2, 0, w / 2, d / 2, 0.06))
    b.add("drain", CHROME, cylinder(0, 0, 0.06, 0.062, 0.04, 12))
    frame = b.metal(CHROME)
    for sx in (-1, 1):
        b.box("frame", frame, sx * w / 2 - sx * 0.02, d / 2 - 0.02, 0.06, sx * w / 2, d / 2, h)
    b.box("frame", frame, -w / 2, d / 2 - 0.02, h - 0.02, w / 2, d / 2, h)
    b.box("glass", GLASS, -w / 2 + 0.02, d / 2 - 0.015, 0.06, w / 2 - 0.02, d / 2 - 0.005, h - 0.02)
    b.box("glass", GLASS, w / 2 - 0.015, -d / 2, 0.06, w / 2 - 0.005, d / 2 - 0.02, h - 0.02)
    b.box("wall_panel", mat("tile", "#dfe5e8", roughness=0.3), -w / 2, -d / 2, 0.06, w / 2, -d / 2 + 0.01, h)
    b.box("wall_panel", mat("tile", "#dfe5e8", roughness=0.3), -w / 2, -d / 2, 0.06, -w / 2 + 0.01, d / 2 - 0.02, h)
    b.add("pipe", frame, rod((0, -d / 2 + 0.02, 1.0 * h * 0.5), (0, -d / 2 + 0.02, h * 0.95), 0.012, 8),
          rod((0, -d / 2 + 0.02, h * 0.95), (0, -d / 2 + 0.25, h * 0.95), 0.012, 8))
    b.add("head", frame, cylinder(0, -d / 2 + 0.25, h * 0.93, h * 0.95, 0.1, 20))
    b.add("mixer", frame, box(-0.05, -d / 2 + 0.01, h * 0.5, 0.05, -d / 2 + 0.05, h * 0.55))


@register("bathroom_sink", "utility_sink", "hair_wash_basin")
def pedestal_sink(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    ceramic = porcelain(b)
    if b.category == "utility_sink":
        body = b.body("#eeeeec", "utility") if not b.style.metal else b.metal()
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.add("legs", body, rod((sx * (w / 2 - 0.04), sy * (d / 2 - 0.04), 0), (sx * (w / 2 - 0.04), sy * (d / 2 - 0.04),
                                                                                         top - 0.3), 0.02, 8))
        b.add("tub", body, box(-w / 2, -d / 2, top - 0.32, w / 2, d / 2, top))
        b.add("basin", mat("basin", "#d9dee0", roughness=0.2), box(-w / 2 + 0.04, -d / 2 + 0.1, top - 0.001, w / 2 - 0.04,
                                                                   d / 2 - 0.04, top))
        faucet(b, 0, -d / 2 + 0.05, top, min(0.3, h - top) if h > top + 0.05 else 0.0)
        return
    if b.category == "hair_wash_basin":
        seat = b.surface("top", 0.6) or 0.6 * h
        chair_top = min(0.5, seat)
        cover = b.fabric("#1e1e1f")
        b.add("cabinet", ceramic if ceramic is not CERAMIC else mat("cabinet", "#2a2b2d", roughness=0.4),
              box(-w / 2, -d / 2, 0, w / 2, -d / 2 + 0.45, h * 0.75))
        b.add("basin", CERAMIC, lathe([(0, h * 0.75), (0.8, h * 0.75), (1.0, h), (0.9, h), (0.7, h * 0.82), (0, h * 0.82)],
                                      24, (0, -d / 2 + 0.25), (w * 0.4, 0.22)))
        b.add("seat", cover, box(-w / 2 + 0.05, -d / 2 + 0.45, 0.2, w / 2 - 0.05, d / 2 - 0.1, chair_top))
        b.add("backrest", cover, box(-w / 2 + 0.05, -d / 2 + 0.45, chair_top, w / 2 - 0.05, -d / 2 + 0.6, h * 0.8))
        b.add("legrest", cover, box(-w / 2 + 0.08, d / 2 - 0.35, 0.15, w / 2 - 0.08, d / 2, chair_top - 0.05))
        b.add("base", PLASTIC_GREY, box(-w / 2 + 0.1, -d / 2 + 0.45, 0, w / 2 - 0.1, d / 2 - 0.1, 0.2))
        return
    basin_d = d * 0.9
    b.add("basin", ceramic, lathe([(0.25, top - 0.18), (0.9, top - 0.14), (1.0, top), (0.85, top), (0.7, top - 0.1), (0, top - 0.1),
                                   (0, top - 0.18)], 28, (0, d / 2 - basin_d / 2), (w / 2, basin_d / 2)))
    b.add("pedestal", ceramic, lathe([(0, 0), (0.09, 0), (0.065, top * 0.5), (0.1, top - 0.17), (0, top - 0.17)], 20,
                                     (0, 0)))
    b.box("back", ceramic, -w / 2 + 0.05, -d / 2, top - 0.15, w / 2 - 0.05, -d / 2 + 0.06, top)
    faucet(b, 0, -d / 2 + 0.03, top, min(0.2, h - top) if h > top + 0.05 else 0.0)


@register("bathroom_scale")
def bathroom_scale(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.add("body", GLASS.tinted(0.5, "smoked_glass") if b.style.glass or not b.style.colour else b.accent("#f0efeb"),
          prism(rounded_rect(w, d, min(w, d) * 0.15, 4), 0, h))
    b.box("display", mat("lcd", "#1c2a2e", roughness=0.2), -w * 0.15, d * 0.25, h - 0.001, w * 0.15, d * 0.38, h)


@register_family("bathroom")
def bathroom_family(b: Builder) -> None:
    pedestal_sink(b)


__all__ = ["toilet", "bathtub", "shower"]
