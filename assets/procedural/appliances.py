"""Appliances: fridges, washers, ovens, small kitchen machines, heaters, fans, hoods."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .common import knob_or_bar
from .core import (BLACK_METAL, CHROME, GLASS, PLASTIC_BLACK, PLASTIC_GREY, PLASTIC_WHITE, RUBBER, SCREEN, STEEL,
                   Builder, Material, box, cbox, cylinder, ellipsoid, lathe, mat, prism, rod, rounded_rect, torus,
                   transform)

ENAMEL = mat("white_enamel", "#f2f2f0", 0.1, 0.3)


def shell(b: Builder, default: Material = ENAMEL) -> Material:
    """An appliance's casing: the description's colour, stainless/metal, or white enamel."""
    b.primary("body")
    if b.style.colour:
        name, rgb = b.style.colour
        return Material(f"enamel_{name}", (*rgb, 1.0), 0.1, 0.3)
    if b.style.metal is not None:
        return b.style.metal
    return default


def front_disc(x: float, y: float, z: float, r: float, depth: float, n: int = 24):
    """A disc facing the front (+y), its back at ``y``."""
    v, f = cylinder(0, 0, 0, depth, r, n)
    v = v[:, [0, 2, 1]]
    return v + [x, y, z], f[:, ::-1].copy()


@register("refrigerator", "freezer", "mini_fridge", "vending_machine")
def fridge(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    body = shell(b, STEEL if b.category == "refrigerator" and not b.style.has("white") else ENAMEL)
    b.add("body", body, prism(rounded_rect(w, d - 0.03, 0.02), 0, h))
    y = d / 2 - 0.03
    if b.category == "vending_machine":
        body = shell(b, mat("vending_red", "#b23a35", 0.2, 0.4))
        b.add("body", body, box(-w / 2, -d / 2, 0, w / 2, y, h))
        b.box("window", GLASS, -w / 2 + 0.05, y, h * 0.25, w * 0.2, y + 0.02, h - 0.08)
        for j in range(5):
            for i in range(4):
                b.add("snacks", mat("snack", ("#e0be3c", "#3f64a8", "#4f7b4a", "#d9772f")[i], roughness=0.5),
                      cbox(-w / 2 + 0.1 + i * (w * 0.7 - 0.1) / 4, y - 0.08, h * 0.28 + j * (h * 0.65) / 5, 0.08, 0.1, 0.1))
        b.box("panel", PLASTIC_BLACK, w * 0.24, y, h * 0.45, w / 2 - 0.05, y + 0.02, h * 0.75)
        b.box("slot", PLASTIC_BLACK, -w / 2 + 0.1, y, 0.12, w * 0.1, y + 0.03, 0.25)
        return
    handle = CHROME if body.metallic < 0.5 else BLACK_METAL
    if b.category == "refrigerator" and (b.style.has("side_by_side", "french", "double") or w > 0.85):
        fz = h * 0.3 if b.style.has("french") else 0.0
        for sx in (-1, 1):
            b.box("doors", body.tinted(1.03, "doors"), 0 if sx > 0 else -w / 2 + 0.004, y, max(fz, 0.05),
                  w / 2 - 0.004 if sx > 0 else -0.003, d / 2, h - 0.01)
            b.box("handles", handle, sx * 0.04 - 0.01, d / 2, h * 0.45, sx * 0.04 + 0.01, d / 2 + 0.0001, h * 0.8)
        if fz:
            b.box("drawer", body.tinted(1.03, "doors"), -w / 2 + 0.004, y, 0.05, w / 2 - 0.004, d / 2, fz - 0.005)
        b.box("dispenser", PLASTIC_BLACK, -w * 0.3, d / 2, h * 0.5, -w * 0.1, d / 2 + 0.0001, h * 0.65)
        return
    splits = {"refrigerator": [0.0, 0.38, 1.0], "freezer": [0.0, 1.0], "mini_fridge": [0.0, 1.0]}[b.category]
    for z0, z1 in zip(splits, splits[1:]):
        b.box("doors", body.tinted(1.03, "doors"), -w / 2 + 0.004, y, max(0.04, h * z0 + 0.004), w / 2 - 0.004, d / 2,
              h * z1 - 0.006)
        hz = h * z0 + (h * (z1 - z0)) * (0.75 if z0 == 0 and len(splits) > 2 else 0.5) if z0 == 0 else h * z0 + 0.2
        knob_or_bar(b, handle, w / 2 - 0.06, min(hz, h - 0.2), d / 2 - 0.02, min(0.5, h * (z1 - z0) * 0.4), True,
                    vertical=True)
    if b.category == "freezer":
        for k in range(3):
            z = h * (k + 1) / 4
            b.box("seams", PLASTIC_GREY, -w / 2 + 0.02, d / 2, z, w / 2 - 0.1, d / 2 + 0.0001, z + 0.004)


@register("washing_machine", "dryer", "dishwasher")
def washer(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    body = shell(b)
    y = d / 2 - 0.02
    b.add("body", body, box(-w / 2, -d / 2, 0, w / 2, y, h))
    b.box("control_panel", body.tinted(0.93, "panel"), -w / 2 + 0.01, y - 0.0, h - 0.13, w / 2 - 0.01, d / 2, h - 0.01)
    b.add("knob", CHROME, front_disc(w * 0.25, d / 2, h - 0.07, 0.03, 0.0001 + 0.0))
    b.box("display", SCREEN, -w * 0.1, d / 2, h - 0.1, w * 0.12, d / 2 + 0.0001, h - 0.05)
    if b.category == "dishwasher":
        b.box("door", body.tinted(1.04, "door"), -w / 2 + 0.005, y, 0.1, w / 2 - 0.005, d / 2, h - 0.14)
        b.box("handle", CHROME, -w * 0.3, d / 2, h - 0.2, w * 0.3, d / 2 + 0.0001, h - 0.18)
        b.box("kick", PLASTIC_BLACK, -w / 2 + 0.02, y - 0.04, 0, w / 2 - 0.02, y - 0.03, 0.09)
        return
    r = min(w, h) * 0.3
    b.add("door_ring", CHROME if body.metallic < 0.5 else PLASTIC_GREY, front_disc(0, y, h * 0.45, r, 0.02 - 0.0001))
    b.add("door_glass", GLASS if b.category == "washing_machine" else PLASTIC_GREY.tinted(1.2, "window"),
          front_disc(0, y, h * 0.45, r * 0.75, 0.02))
    b.add("drum", SCREEN, front_disc(0, y - 0.01, h * 0.45, r * 0.72, 0.015))


@register("stove")
def stove(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    top = b.top()
    body = shell(b, STEEL)
    y = d / 2 - 0.02
    b.add("body", body, box(-w / 2, -d / 2, 0, w / 2, y, top - 0.02))
    b.box("cooktop", SCREEN, -w / 2, -d / 2, top - 0.02, w / 2, d / 2, top)
    for i, j in ((-1, -1), (-1, 1), (1, -1), (1, 1)):
        b.add("burners", BLACK_METAL.tinted(1.6, "burners"), cylinder(i * w * 0.22, j * d * 0.2, top - 0.0005, top,
                                                                     0.07 if (i + j) else 0.09, 20))
    b.box("oven_door", body.tinted(0.95, "oven_door"), -w / 2 + 0.01, y, 0.1, w / 2 - 0.01, d / 2, top - 0.15)
    b.box("oven_window", GLASS.tinted(0.4, "oven_glass"), -w * 0.35, d / 2, 0.2, w * 0.35, d / 2 + 0.0001, top - 0.3)
    b.box("handle", CHROME, -w * 0.38, d / 2, top - 0.2, w * 0.38, d / 2 + 0.0002, top - 0.18)
    for i in range(4):
        b.add("knobs", PLASTIC_BLACK, front_disc(-w * 0.33 + i * w * 0.22, y, top - 0.08, 0.018, 0.02))
    if h > top + 0.05:
        b.box("backsplash", body, -w / 2, -d / 2, top, w / 2, -d / 2 + 0.04, h)


@register("microwave", "toaster", "coffee_machine", "blender", "kettle", "sewing_machine")
def counter_appliance(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "microwave":
        body = shell(b, PLASTIC_BLACK if not b.style.has("white") else ENAMEL)
        b.add("body", body, prism(rounded_rect(w, d, 0.01), 0.01, h))
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.add("feet", RUBBER, cbox(sx * (w / 2 - 0.04), sy * (d / 2 - 0.04), 0, 0.03, 0.03, 0.01))
        b.box("door", GLASS.tinted(0.3, "tinted_glass"), -w / 2 + 0.02, d / 2 - 0.002, 0.04, w * 0.22, d / 2, h - 0.03)
        b.box("panel", SCREEN, w * 0.25, d / 2 - 0.002, h * 0.55, w / 2 - 0.03, d / 2, h - 0.04)
        return
    if c == "toaster":
        body = shell(b, CHROME)
        b.add("body", body, prism(rounded_rect(w, d, min(w, d) * 0.3, 4), 0, h))
        for sy in (-1, 1):
            b.box("slots", SCREEN, -w * 0.35, sy * d * 0.15 - 0.015, h - 0.0005, w * 0.35, sy * d * 0.15 + 0.015, h)
        b.box("lever", PLASTIC_BLACK, w / 2 - 0.0, -0.01, h * 0.6, w / 2 + 0.0001, 0.01, h * 0.7)
        return
    if c == "coffee_machine":
        body = shell(b, PLASTIC_BLACK)
        b.box("base", body, -w / 2, -d / 2, 0, w / 2, d / 2, 0.03)
        b.box("body", body, -w / 2, -d / 2, 0.03, w / 2, d * 0.1, h)
        b.box("head", body, -w / 2, d * 0.1, h * 0.72, w / 2, d / 2, h)
        b.add("spout", CHROME, cylinder(0, d * 0.3, h * 0.6, h * 0.72, 0.02, 12))
        b.add("cup", mat("cup", "#f6f6f3", roughness=0.15), lathe([(0, 0.03), (0.03, 0.03), (0.04, 0.12), (0.036, 0.12),
                                                                  (0.028, 0.035), (0, 0.035)], 16, (0, d * 0.3)))
        b.box("tank", GLASS, -w / 2 + 0.01, -d / 2 + 0.01, h * 0.3, -w / 2 + 0.06, d * 0.05, h * 0.9)
        return
    if c == "blender":
        base = shell(b, PLASTIC_BLACK)
        b.add("base", base, prism(rounded_rect(w, d, 0.03), 0, h * 0.28))
        b.add("jar", GLASS, lathe([(0, h * 0.28), (0.6, h * 0.28), (1.0, h * 0.9), (0, h * 0.9)], 4, (0, 0),
                                  (w / 2 * 1.2, d / 2 * 1.2), start=math.pi / 4))
        b.add("lid", PLASTIC_BLACK, lathe([(0, h * 0.9), (1.0, h * 0.9), (0.8, h), (0, h)], 4, (0, 0),
                                          (w / 2 * 1.2, d / 2 * 1.2), start=math.pi / 4))
        return
    if c == "kettle":
        body = shell(b, STEEL)
        b.add("base", PLASTIC_BLACK, cylinder(0, 0, 0, 0.02, min(w, d) * 0.45, 20))
        b.add("body", body, lathe([(0, 0.02), (0.95, 0.02), (1.0, h * 0.35), (0.75, h * 0.8), (0, h * 0.8)], 20, (-w * 0.08, 0),
                                  (w * 0.36, d * 0.48)))
        b.add("handle", PLASTIC_BLACK, rod((-w * 0.08, 0, h * 0.8), (-w * 0.08, 0, h), 0.01, 6),
              rod((-w * 0.08, -0.0, h - 0.01), (-w * 0.45, 0, h * 0.7), 0.012, 6),
              rod((-w * 0.45, 0, h * 0.7), (-w * 0.42, 0, h * 0.3), 0.012, 6))
        b.add("spout", body, rod((w * 0.2, 0, h * 0.4), (w / 2, 0, h * 0.72), 0.02, 8, 0.012))
        return
    body = shell(b, ENAMEL)  # sewing machine
    b.box("base", body, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.25)
    b.box("arm", body, w * 0.15, -d * 0.3, h * 0.25, w * 0.42, d * 0.3, h * 0.9)
    b.box("arm", body, -w / 2 + 0.04, -d * 0.3, h * 0.75, w * 0.42, d * 0.3, h)
    b.box("head", body, -w / 2 + 0.04, -d * 0.3, h * 0.45, -w / 2 + 0.1, d * 0.3, h * 0.75)
    b.add("needle", CHROME, rod((-w / 2 + 0.07, 0, h * 0.45), (-w / 2 + 0.07, 0, h * 0.27), 0.003, 6))
    b.add("wheel", PLASTIC_GREY, transform(cylinder(0, 0, 0, 0.02, h * 0.2, 16), rot_y=90, move=(w / 2 - 0.02, 0, h * 0.7)))
    b.box("plate", CHROME, -w * 0.3, -d * 0.2, h * 0.25, -w * 0.05, d * 0.2, h * 0.255)


@register("air_conditioner", "range_hood", "radiator", "water_heater", "space_heater", "air_purifier",
          "water_cooler", "smoke_detector")
def climate(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    body = shell(b, ENAMEL)
    if c == "air_conditioner":
        b.add("body", body, prism(rounded_rect(w, d, 0.04), 0, h))
        b.box("vent", PLASTIC_GREY, -w / 2 + 0.04, d / 2 - 0.06, 0.0, w / 2 - 0.04, d / 2 - 0.01, h * 0.22)
        for k in range(4):
            b.box("louvres", PLASTIC_GREY.tinted(0.8, "louvres"), -w / 2 + 0.05, d / 2 - 0.05, 0.02 + k * h * 0.045,
                  w / 2 - 0.05, d / 2 - 0.005, 0.025 + k * h * 0.045)
        b.box("display", SCREEN, w * 0.3, d / 2 - 0.002, h * 0.5, w * 0.4, d / 2, h * 0.6)
        return
    if c == "range_hood":
        hood = b.metal(STEEL) if not b.style.colour else body
        b.add("canopy", hood, lathe([(1.0, 0), (1.0, h * 0.15), (0.3, h * 0.45), (0, h * 0.45), (0, 0)], 4, (0, 0),
                                    (w / 2 * 1.414, d / 2 * 1.414), start=math.pi / 4))
        b.box("chimney", hood, -w * 0.15, -d / 2, h * 0.45, w * 0.15, -d / 2 + d * 0.45, h)
        b.box("filter", PLASTIC_GREY, -w / 2 + 0.03, -d / 2 + 0.03, -0.0, w / 2 - 0.03, d / 2 - 0.03, 0.004)
        b.box("lights", mat("light", "#fff4d6"), -w * 0.3, d * 0.3, -0.0, -w * 0.2, d * 0.38, 0.005)
        return
    if c == "radiator":
        n = max(4, int(w / 0.06))
        for i in range(n):
            x = -w / 2 + w * (i + 0.5) / n
            b.add("columns", body, prism(rounded_rect(w / n * 0.8, d * 0.8, 0.01, 2, x, 0.0), 0.02, h - 0.02))
        b.box("headers", body, -w / 2, -d * 0.15, 0.0, w / 2, d * 0.15, 0.04)
        b.box("headers", body, -w / 2, -d * 0.15, h - 0.04, w / 2, d * 0.15, h)
        b.add("valve", CHROME, cylinder(w / 2 - 0.02, 0, h * 0.1, h * 0.3, 0.015, 10))
        b.box("brackets", PLASTIC_GREY, -w / 2 + 0.1, -d / 2, h * 0.7, -w / 2 + 0.13, -d * 0.3, h * 0.75)
        return
    if c == "water_heater":
        b.add("tank", body, lathe([(0, 0.02), (0.95, 0.02), (1.0, 0.08), (1.0, h * 0.92), (0.8, h - 0.02), (0, h - 0.02)],
                                  28, (0, 0), (w / 2, d / 2)))
        b.add("feet", PLASTIC_GREY, cylinder(0, 0, 0, 0.02, min(w, d) * 0.4, 16))
        for sx in (-1, 1):
            b.add("pipes", mat("copper", "#b87340", 1.0, 0.3), cylinder(sx * w * 0.15, 0, h - 0.03, h, 0.015, 8))
        b.box("panel", PLASTIC_GREY, -0.08, d / 2 - 0.005, h * 0.15, 0.08, d / 2, h * 0.3)
        b.add("dial", PLASTIC_BLACK, front_disc(0, d / 2 - 0.02, h * 0.22, 0.025, 0.02))
        return
    if c == "space_heater":
        b.add("body", body, prism(rounded_rect(w, d * 0.8, 0.03), 0.03, h))
        b.add("feet", PLASTIC_GREY, box(-w * 0.45, -d / 2, 0, w * 0.45, d / 2, 0.03))
        for k in range(5):
            z = h * 0.2 + k * h * 0.12
            b.box("grille", mat("glow", "#e0783a", roughness=0.4), -w * 0.38, d * 0.4 - 0.002, z, w * 0.38, d * 0.4, z + h * 0.05)
        b.add("knob", PLASTIC_BLACK, cylinder(w * 0.3, 0, h - 0.001, h, 0.02, 10))
        return
    if c == "air_purifier":
        b.add("body", body, prism(rounded_rect(w, d, min(w, d) * 0.2, 4), 0, h * 0.85))
        b.add("top", PLASTIC_GREY, prism(rounded_rect(w, d, min(w, d) * 0.2, 4), h * 0.85, h))
        b.add("grille", PLASTIC_GREY.tinted(0.8, "grille"), cylinder(0, 0, h - 0.0005, h, min(w, d) * 0.35, 24))
        for k in range(8):
            z = h * 0.15 + k * h * 0.07
            b.box("slots", PLASTIC_GREY, -w * 0.35, d / 2 - 0.001, z, w * 0.35, d / 2, z + 0.01)
        return
    if c == "water_cooler":
        b.add("body", body, prism(rounded_rect(w, d, 0.02), 0, h * 0.65))
        b.add("bottle", mat("water", "#8fc3e3", roughness=0.05, alpha=0.55),
              lathe([(0, h * 0.65), (0.3, h * 0.65), (0.35, h * 0.69), (0.95, h * 0.72), (1.0, h * 0.8), (0.95, h * 0.97),
                     (0.5, h), (0, h)], 20, (0, 0), (min(w, d) / 2, min(w, d) / 2)))
        for sx, col in ((-1, "#3f64a8"), (1, "#c23a35")):
            b.add("taps", mat("tap", col, roughness=0.4), front_disc(sx * w * 0.2, d / 2, h * 0.5, 0.015, 0.025))
        b.box("tray", PLASTIC_GREY, -w * 0.3, d / 2 - 0.08, h * 0.36, w * 0.3, d / 2, h * 0.38)
        return
    # smoke detector: a flat disc under the ceiling
    b.add("body", body, lathe([(0, 0), (0.8, 0), (1.0, h * 0.6), (1.0, h), (0, h)], 24, (0, 0), (w / 2, d / 2)))
    b.add("led", mat("led", "#e04040", roughness=0.3), cylinder(w * 0.2, 0, 0, 0.0015, 0.004, 8))


@register("fan", "ceiling_fan")
def fan(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    body = shell(b, PLASTIC_WHITE)
    if b.category == "ceiling_fan":
        blades = b.wood("walnut") if not b.style.colour else body
        b.add("canopy", body, cylinder(0, 0, h - 0.04, h, 0.06, 16, 0.08))
        b.add("rod", body, cylinder(0, 0, h * 0.4, h - 0.04, 0.012, 8))
        b.add("motor", body, lathe([(0, h * 0.15), (0.09, h * 0.15), (0.11, h * 0.3), (0.1, h * 0.45), (0, h * 0.45)], 20))
        b.add("light", mat("light", "#fff4d6"), ellipsoid(0, 0, h * 0.15, 0.08, 0.08, 0.06, 16, 6, cut=-0.9))
        for i in range(5):
            a = 2 * math.pi * i / 5
            v, f = prism(rounded_rect(w / 2 - 0.12, 0.13, 0.04, 2, (w / 2 - 0.12) / 2 + 0.12, 0), h * 0.3, h * 0.32)
            rot = transform((v, f), rot_z=math.degrees(a))
            b.add("blades", blades, rot)
        return
    r = min(w, h * 0.35) / 2
    z = h - r
    b.add("base", body, cylinder(0, 0, 0, 0.04, min(w, d) * 0.45, 20))
    b.add("pole", body, cylinder(0, 0, 0.04, z, 0.015, 10))
    b.add("motor", body, front_disc(0, -d * 0.3, z, r * 0.35, r * 0.6))
    b.add("guard", CHROME, transform(torus(0, 0, 0, r * 0.95, 0.006, 32, 4), rot_x=90, move=(0, d * 0.2, z)))
    for i in range(8):
        a = 2 * math.pi * i / 8
        b.add("guard", CHROME, rod((0, d * 0.3, z), (math.cos(a) * r * 0.95, d * 0.2, z + math.sin(a) * r * 0.95), 0.003, 4))
    for i in range(3):
        a = 2 * math.pi * i / 3
        b.add("blades", mat("blade", "#bfdbe6", roughness=0.3, alpha=0.8),
              transform(prism(ellipse_pts(r * 0.75, r * 0.35), -0.003, 0.003), rot_x=90, rot_y=math.degrees(a),
                        move=(0, d * 0.12, z)))


def ellipse_pts(a: float, b_: float):
    from .core import ellipse

    pts = ellipse(a, b_, 16)
    return pts + [a / 2, 0]


@register("barbecue", "vacuum_cleaner", "washing_machine_stack")
def misc_appliance(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    if b.category == "barbecue":
        top = b.top()
        body = shell(b, BLACK_METAL)
        b.add("bowl", body, lathe([(0, top - 0.3), (0.7, top - 0.3), (1.0, top - 0.02), (0, top - 0.02)], 4, (0, 0),
                                  (w * 0.3 * 1.414, d / 2 * 1.414 * 0.9), start=math.pi / 4))
        b.add("lid", body, transform(cylinder(0, 0, -w * 0.3, w * 0.3, d * 0.4, 20), rot_y=90, move=(0, 0, top)) if h > top + 0.1
              else box(-w * 0.3, -d * 0.4, top - 0.02, w * 0.3, d * 0.4, top))
        b.box("grill", CHROME, -w * 0.29, -d * 0.38, top - 0.025, w * 0.29, d * 0.38, top - 0.02)
        for sx in (-1, 1):
            b.box("shelves", b.wood("teak"), sx * w * 0.3, -d * 0.3, top - 0.1, sx * w / 2, d * 0.3, top - 0.08)
            for sy in (-1, 1):
                b.add("legs", body, rod((sx * w * 0.25, sy * d * 0.3, 0), (sx * w * 0.25, sy * d * 0.3, top - 0.3), 0.018, 8))
        b.box("bottom_shelf", body, -w * 0.25, -d * 0.3, 0.2, w * 0.25, d * 0.3, 0.22)
        return
    body = shell(b, mat("vacuum_red", "#c23a35", 0.1, 0.35))
    b.add("head", PLASTIC_BLACK, prism(rounded_rect(w, d * 0.35, 0.03, 3, 0, d * 0.3), 0, 0.06))
    b.add("body", body, lathe([(0, 0.06), (1, 0.08), (1, h * 0.45), (0.7, h * 0.55), (0, h * 0.55)], 16, (0, -d * 0.05),
                              (min(w, d) * 0.3, min(w, d) * 0.3)))
    b.add("handle", PLASTIC_BLACK, rod((0, -d * 0.05, h * 0.55), (0, -d * 0.2, h - 0.03), 0.015, 8),
          rod((-0.06, -d * 0.2, h - 0.02), (0.06, -d * 0.2, h - 0.02), 0.018, 8))
    for sx in (-1, 1):
        b.add("wheels", RUBBER, transform(cylinder(0, 0, -0.015, 0.015, 0.05, 12), rot_y=90,
                                          move=(sx * min(w, d) * 0.3, -d * 0.2, 0.05)))


@register_family("appliance")
def appliance_family(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    body = shell(b)
    b.add("body", body, prism(rounded_rect(w, d - 0.01, 0.02), 0, h))
    b.box("panel", SCREEN, -w * 0.3, d / 2 - 0.01, h * 0.7, w * 0.3, d / 2, h * 0.85)


__all__ = ["fridge", "washer"]
