"""Leisure and the rest of the floor: game machines, gym equipment, instruments, toys, outdoor
things, vehicles, fireplaces, medical and salon equipment, partitions, workshop and laundry."""

from __future__ import annotations

import math

from ..meshes import register
from .appliances import front_disc
from .common import caster, fronts, legs4, star_base
from .core import (BLACK_METAL, CHROME, GLASS, LIGHT, PLASTIC_BLACK, PLASTIC_GREY, PLASTIC_WHITE, RUBBER, SCREEN,
                   STEEL, Builder, Material, box, cbox, cylinder, ellipsoid, lathe, mat, prism, rod, rounded_rect,
                   torus, transform)

BRASS = mat("brass", "#c8a453", 1.0, 0.3)
ENAMEL = mat("white_enamel", "#f2f2f0", 0.1, 0.3)


def paint(b: Builder, default: str, roughness: float = 0.45) -> Material:
    b.primary("body")
    if b.style.colour:
        name, rgb = b.style.colour
        return Material(f"paint_{name}", (*rgb, 1.0), 0.1, roughness)
    if b.style.wood is not None:
        return b.style.wood
    if b.style.metal is not None:
        return b.style.metal
    return mat("paint", default, 0.1, roughness)


def wheel_x(b: Builder, x: float, y: float, z: float, r: float, tube: float, material: Material = RUBBER,
            spokes: int = 0, hub: Material = CHROME) -> None:
    """A wheel in the y-z plane (rolling along y) centred at ``(x, y, z)``."""
    b.add("wheels", material, transform(torus(0, 0, 0, r - tube, tube, 28, 6), rot_y=90, move=(x, y, z)))
    for k in range(spokes):
        a = math.pi * k / max(1, spokes)
        b.add("spokes", hub, rod((x, y + math.cos(a) * (r - tube), z + math.sin(a) * (r - tube)),
                                 (x, y - math.cos(a) * (r - tube), z - math.sin(a) * (r - tube)), 0.002, 4))


# --------------------------------------------------------------------------- game machines


@register("arcade_machine", "pinball_machine", "slot_machine", "jukebox")
def cabinets(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    body = paint(b, {"arcade_machine": "#1f2f55", "pinball_machine": "#6e1f2a", "slot_machine": "#c9a646",
                     "jukebox": "#6e2f22"}[c])
    if c == "pinball_machine":
        top = h * 0.5
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.add("legs", CHROME, cbox(sx * (w / 2 - 0.04), sy * (d / 2 - 0.1) + (0 if sy > 0 else 0.1), 0, 0.05, 0.05, top - 0.1))
        b.add("table", body, transform(box(-w / 2, -d / 2 + 0.1, -0.1, w / 2, d / 2, 0.05), rot_x=-6, move=(0, 0, top)))
        b.add("playfield", mat("playfield", "#3f64a8", roughness=0.3), transform(box(-w / 2 + 0.05, -d / 2 + 0.15, 0.05, w / 2 - 0.05,
                                                                                     d / 2 - 0.05, 0.052), rot_x=-6, move=(0, 0, top)))
        b.box("backbox", body, -w / 2, -d / 2, top, w / 2, -d / 2 + 0.2, h)
        b.box("backglass", mat("backglass", "#e0783a", roughness=0.2), -w / 2 + 0.04, -d / 2 + 0.2, top + 0.25, w / 2 - 0.04,
              -d / 2 + 0.201, h - 0.05)
        return
    if c == "jukebox":
        b.add("body", body, box(-w / 2, -d / 2, 0, w / 2, d / 2, h * 0.7))
        b.add("arch", body, transform(cylinder(0, 0, -d / 2, d / 2, 1.0, 28, scale=(w / 2, h * 0.3)), rot_x=-90,
                                      move=(0, 0, h * 0.7)))
        b.add("arch_light", mat("neon", "#e0be3c", roughness=0.2), transform(cylinder(0, 0, d / 2 - 0.001, d / 2, 1.0, 28,
                                                                                     scale=(w / 2 - 0.05, h * 0.3 - 0.05)),
                                                                            rot_x=-90, move=(0, 0, h * 0.7)))
        b.box("window", GLASS, -w * 0.35, d / 2, h * 0.45, w * 0.35, d / 2 + 0.001, h * 0.7)
        b.box("grille", CHROME, -w * 0.35, d / 2, h * 0.1, w * 0.35, d / 2 + 0.001, h * 0.35)
        return
    # upright cabinet with a screen and a control deck
    b.add("body", body, box(-w / 2, -d / 2, 0, w / 2, d * 0.1, h))
    b.add("deck", body, box(-w / 2, d * 0.1, h * 0.5, w / 2, d / 2, h * 0.55))
    b.box("lower", body, -w / 2, d * 0.1, 0, w / 2, d * 0.2, h * 0.5)
    b.box("screen", SCREEN.tinted(1.6, "game_screen"), -w * 0.4, d * 0.1, h * 0.6, w * 0.4, d * 0.1 + 0.001, h * 0.85)
    b.box("marquee", mat("marquee", "#e0783a", roughness=0.3), -w * 0.45, d * 0.1, h * 0.9, w * 0.45, d * 0.1 + 0.001, h - 0.02)
    for i in range(3):
        b.add("buttons", mat("button", ("#c23a35", "#e0be3c", "#3f64a8")[i], roughness=0.3),
              cylinder(-w * 0.1 + i * w * 0.12, d * 0.35, h * 0.55, h * 0.56, 0.018, 10))
    b.add("joystick", PLASTIC_BLACK, rod((-w * 0.3, d * 0.35, h * 0.55), (-w * 0.3, d * 0.35, h * 0.62), 0.008, 6))
    if c == "slot_machine":
        b.add("lever", CHROME, rod((w / 2, 0, h * 0.6), (w / 2 + 0.0, 0, h * 0.85), 0.012, 8))
        b.add("knob", mat("knob_red", "#c23a35", roughness=0.3), ellipsoid(w / 2 - 0.02, 0, h * 0.87, 0.03, 0.03, 0.03, 10, 5))


# --------------------------------------------------------------------------- gym


@register("treadmill", "elliptical", "exercise_bike", "rowing_machine", "weight_bench", "squat_rack", "multi_gym",
          "punching_bag", "dumbbell", "kettlebell", "exercise_ball")
def gym(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    frame = b.metal(BLACK_METAL) if not b.style.colour else paint(b, "#2a2b2d")
    if c == "treadmill":
        b.add("deck", PLASTIC_BLACK, box(-w / 2 + 0.05, -d / 2, 0.0, w / 2 - 0.05, d / 2 - 0.25, 0.18))
        b.box("belt", RUBBER, -w / 2 + 0.12, -d / 2 + 0.05, 0.18, w / 2 - 0.12, d / 2 - 0.3, 0.19)
        b.box("motor", PLASTIC_GREY, -w / 2 + 0.05, d / 2 - 0.3, 0, w / 2 - 0.05, d / 2, 0.25)
        for sx in (-1, 1):
            b.add("uprights", frame, rod((sx * (w / 2 - 0.05), d / 2 - 0.15, 0.2), (sx * (w / 2 - 0.05), d / 2 - 0.3, h * 0.75), 0.025, 8))
            b.box("rails", frame, sx * (w / 2 - 0.07), d / 2 - 0.7, h * 0.72, sx * (w / 2 - 0.02), d / 2 - 0.25, h * 0.76)
        b.add("console", PLASTIC_BLACK, transform(box(-w / 2 + 0.05, -0.05, -0.06, w / 2 - 0.05, 0.05, 0.06), rot_x=-30,
                                                  move=(0, d / 2 - 0.3, h - 0.07)))
        b.box("display", SCREEN.tinted(2.0, "display"), -w * 0.2, d / 2 - 0.39, h - 0.09, w * 0.2, d / 2 - 0.37, h - 0.05)
        return
    if c == "elliptical":
        b.box("base", frame, -0.06, -d / 2, 0, 0.06, d / 2, 0.1)
        b.add("flywheel", PLASTIC_GREY, transform(cylinder(0, 0, -0.05, 0.05, 0.2, 24), rot_y=90, move=(0, -d / 2 + 0.25, 0.25)))
        b.add("column", frame, rod((0, d / 2 - 0.2, 0.05), (0, d / 2 - 0.3, h * 0.8), 0.03, 10))
        b.add("console", PLASTIC_BLACK, cbox(0, d / 2 - 0.32, h * 0.8, 0.3, 0.08, 0.12))
        for sx in (-1, 1):
            b.box("pedals", PLASTIC_GREY, sx * 0.12 - 0.08, -0.3 + sx * 0.15, 0.25, sx * 0.12 + 0.08, 0.05 + sx * 0.15, 0.28)
            b.add("arms", frame, rod((sx * 0.15, 0.0, 0.28), (sx * (w / 2 - 0.03), d / 2 - 0.25, h), 0.015, 8))
        return
    if c == "exercise_bike":
        b.box("base", frame, -w / 2, -d / 2, 0, w / 2, -d / 2 + 0.08, 0.05)
        b.box("base", frame, -w / 2, d / 2 - 0.08, 0, w / 2, d / 2, 0.05)
        b.box("base", frame, -0.04, -d / 2, 0.0, 0.04, d / 2, 0.05)
        b.add("flywheel", mat("flywheel", "#c23a35", 0.5, 0.4), transform(cylinder(0, 0, -0.03, 0.03, 0.22, 24), rot_y=90,
                                                                           move=(0, d / 2 - 0.3, 0.3)))
        b.add("frame", frame, rod((0, -d / 2 + 0.1, 0.05), (0, -d * 0.15, h * 0.65), 0.03, 8),
              rod((0, d / 2 - 0.1, 0.05), (0, d / 2 - 0.2, h * 0.9), 0.03, 8),
              rod((0, -d * 0.1, 0.4), (0, d / 2 - 0.25, 0.5), 0.03, 8))
        b.add("seat", PLASTIC_BLACK, prism([(-0.1, -0.12), (0.1, -0.12), (0.04, 0.12), (-0.04, 0.12)], h * 0.65, h * 0.7),
              )
        b.add("handlebars", frame, rod((-w / 2 + 0.05, d / 2 - 0.15, h), (w / 2 - 0.05, d / 2 - 0.15, h), 0.015, 8))
        b.add("console", PLASTIC_BLACK, cbox(0, d / 2 - 0.2, h * 0.88, 0.2, 0.05, 0.1))
        return
    if c == "rowing_machine":
        b.add("rail", STEEL, box(-0.05, -d / 2, 0.15, 0.05, d / 2 - 0.4, 0.2))
        for y in (-d / 2 + 0.05, d / 2 - 0.45):
            b.box("feet", frame, -w / 2, y - 0.04, 0, w / 2, y + 0.04, 0.15)
        b.add("seat", PLASTIC_BLACK, cbox(0, -d * 0.1, 0.2, 0.28, 0.3, 0.06))
        b.add("flywheel", frame, transform(cylinder(0, 0, -0.12, 0.12, min(0.25, h * 0.45), 24), rot_y=90,
                                           move=(0, d / 2 - 0.25, h * 0.5)))
        b.box("footrests", PLASTIC_GREY, -w / 2 + 0.05, d / 2 - 0.55, 0.15, w / 2 - 0.05, d / 2 - 0.45, 0.3)
        b.add("handle", PLASTIC_BLACK, rod((-0.2, d / 2 - 0.5, h * 0.6), (0.2, d / 2 - 0.5, h * 0.6), 0.015, 8))
        return
    if c == "weight_bench":
        top = b.top()
        pad = b.fabric("#1e1e1f")
        b.add("pad", pad, prism(rounded_rect(w * 0.5, d * 0.9, 0.04), top - 0.08, top))
        b.box("frame", frame, -0.04, -d / 2 + 0.1, top * 0.25, 0.04, d / 2 - 0.1, top - 0.08)
        for y in (-d / 2 + 0.05, d / 2 - 0.05):
            b.box("feet", frame, -w / 2, y - 0.04, 0, w / 2, y + 0.04, 0.05)
            b.box("legs", frame, -0.04, y - 0.04, 0.05, 0.04, y + 0.04, top - 0.08)
        return
    if c in ("squat_rack", "multi_gym"):
        for sx in (-1, 1):
            for sy in (-1, 1):
                b.box("uprights", frame, sx * w / 2 - sx * 0.07, sy * d / 2 - sy * 0.07, 0, sx * w / 2, sy * d / 2, h)
            b.box("base", frame, sx * w / 2 - sx * 0.07, -d / 2, 0, sx * w / 2, d / 2, 0.06)
        for sy in (-1, 1):
            b.box("crossbars", frame, -w / 2, sy * d / 2 - sy * 0.07, h - 0.07, w / 2, sy * d / 2, h)
        b.add("barbell", CHROME, rod((-w / 2 - 0.0, d * 0.35, h * 0.6), (w / 2, d * 0.35, h * 0.6), 0.014, 8))
        for sx in (-1, 1):
            b.add("plates", RUBBER, transform(cylinder(0, 0, -0.03, 0.03, min(0.22, h * 0.15), 20), rot_y=90,
                                              move=(sx * (w / 2 - 0.12), d * 0.35, h * 0.6)))
        if c == "multi_gym":
            b.add("weight_stack", PLASTIC_GREY, box(-0.15, -d / 2 + 0.08, 0.06, 0.15, -d / 2 + 0.3, h * 0.45))
            b.add("seat", b.fabric("#1e1e1f"), box(-0.2, 0.0, 0.4, 0.2, 0.4, 0.48))
            b.add("backrest", b.fabric("#1e1e1f"), box(-0.2, -0.05, 0.48, 0.2, 0.03, 1.1))
            b.add("cables", BLACK_METAL, rod((0, -d / 2 + 0.2, h * 0.45), (0, -d / 2 + 0.2, h - 0.07), 0.005, 4))
        return
    if c == "punching_bag":
        r = min(w, d) / 2
        b.add("chain", CHROME, rod((0, 0, h * 0.85), (0, 0, h), 0.008, 6))
        b.add("bag", paint(b, "#8c2f2f", 0.6), lathe([(0, 0), (0.9, 0), (1.0, 0.05), (1.0, h * 0.8), (0.85, h * 0.85), (0, h * 0.85)], 24,
                                                     (0, 0), (r, r)))
        return
    if c == "dumbbell":
        r = min(d, h) / 2
        for sx in (-1, 1):
            b.add("weights", RUBBER, transform(cylinder(0, 0, -w * 0.15, w * 0.15, r, 6), rot_y=90, move=(sx * w * 0.35, 0, r)))
        b.add("handle", CHROME, transform(cylinder(0, 0, -w * 0.25, w * 0.25, r * 0.25, 10), rot_y=90, move=(0, 0, r)))
        return
    if c == "kettlebell":
        m = paint(b, "#2a2b2d", 0.5)
        r = min(w, d) / 2
        b.add("bell", m, ellipsoid(0, 0, r * 0.95, r, r, r * 0.95, 16, 8, cut=-0.85))
        b.add("handle", m, transform(torus(0, 0, 0, r * 0.55, r * 0.12, 16, 6), rot_x=90, move=(0, 0, h - r * 0.67)))
        return
    m = paint(b, "#3fb0aa", 0.5)
    b.add("ball", m, ellipsoid(0, 0, h / 2, w / 2, d / 2, h / 2, 28, 14))


# --------------------------------------------------------------------------- music


@register("piano", "grand_piano", "guitar", "cello", "violin", "harp", "drum_kit", "microphone_stand", "music_stand")
def music(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    lacquer = paint(b, "#141414", 0.15) if not b.style.wood else b.style.wood
    if c == "piano":
        top = b.top()
        b.box("body", lacquer, -w / 2, -d / 2, 0.05, w / 2, -d / 2 + d * 0.45, top)
        b.box("keybed", lacquer, -w / 2, -d / 2, h * 0.55, w / 2, d / 2 - 0.05, h * 0.62)
        b.box("keys", PLASTIC_WHITE, -w / 2 + 0.05, -d / 2 + d * 0.45, h * 0.62, w / 2 - 0.05, d / 2 - 0.08, h * 0.635)
        n = 36
        for i in range(n):
            if i % 7 in (2, 6):
                continue
            x = -w / 2 + 0.05 + (w - 0.1) * (i + 0.7) / n
            b.add("black_keys", PLASTIC_BLACK, box(x - 0.006, -d / 2 + d * 0.45, h * 0.635, x + 0.006, d / 2 - 0.14, h * 0.645))
        for sx in (-1, 1):
            b.box("cheeks", lacquer, sx * w / 2 - sx * 0.04, -d / 2, 0.05, sx * w / 2, d / 2, h * 0.65)
            b.add("legs", lacquer, cylinder(sx * (w / 2 - 0.02), d / 2 - 0.04, 0, h * 0.55, 0.025, 10))
        b.box("music_desk", lacquer, -w * 0.3, -d / 2 + d * 0.45 - 0.0, h * 0.7, w * 0.3, -d / 2 + d * 0.45 + 0.02, h * 0.85)
        b.box("pedals", BRASS, -0.06, d * 0.1, 0.02, 0.06, d * 0.2, 0.04)
        return
    if c == "grand_piano":
        top = b.top()
        # a curved body (seen from above) and a keyboard at the front (+y)
        yf = d / 2 - 0.3
        yc = -d / 2 + 0.35 * d
        outline = [(-w / 2, yf), (-w / 2, yc)]
        for i in range(1, 10):
            a = math.pi + (math.pi / 2) * i / 10
            outline.append((w / 2 * math.cos(a), yc + 0.35 * d * math.sin(a)))
        outline += [(0.0, -d / 2), (w / 2, -d * 0.05), (w / 2, yf)]
        b.add("body", lacquer, prism(outline, h * 0.6, top * 0.97))
        b.add("lid", lacquer, prism(outline, top * 0.97, top))
        b.box("keybed", lacquer, -w / 2, d / 2 - 0.3, h * 0.58, w / 2, d / 2, h * 0.66)
        b.box("keys", PLASTIC_WHITE, -w / 2 + 0.06, d / 2 - 0.16, h * 0.66, w / 2 - 0.06, d / 2 - 0.01, h * 0.675)
        for i in range(36):
            if i % 7 in (2, 6):
                continue
            x = -w / 2 + 0.06 + (w - 0.12) * (i + 0.7) / 36
            b.add("black_keys", PLASTIC_BLACK, box(x - 0.006, d / 2 - 0.16, h * 0.675, x + 0.006, d / 2 - 0.07, h * 0.685))
        for x, y in ((-w / 2 + 0.1, d / 2 - 0.3), (w / 2 - 0.1, d / 2 - 0.3), (-w * 0.1, -d / 2 + 0.3)):
            b.add("legs", lacquer, cylinder(x, y, 0, h * 0.6, 0.04, 12, 0.05))
        b.box("pedals", BRASS, -0.06, d / 2 - 0.45, 0.0, 0.06, d / 2 - 0.4, 0.06)
        return
    if c in ("guitar", "cello", "violin"):
        wood = b.wood("#b8702f") if not b.style.colour else lacquer
        if c == "violin":  # lies on a surface: along y
            r = min(w, h) / 2
            b.add("body", wood, ellipsoid(0, d * 0.1, h * 0.5, r, d * 0.3, h * 0.5, 20, 6))
            b.box("neck", PLASTIC_BLACK, -0.012, -d / 2 + 0.05, h * 0.5, 0.012, -d * 0.1, h * 0.8)
            b.add("scroll", wood, ellipsoid(0, -d / 2 + 0.03, h * 0.7, 0.02, 0.03, h * 0.25, 8, 4))
            return
        # standing on a stand: body at the bottom, neck up
        body_h = h * (0.45 if c == "guitar" else 0.55)
        b.add("body", wood, ellipsoid(0, 0, body_h * 0.33 + 0.05, w * 0.48, d * 0.22, body_h * 0.33, 20, 8),
              ellipsoid(0, 0, body_h * 0.8 + 0.05, w * 0.38, d * 0.2, body_h * 0.25, 20, 8))
        b.add("soundhole", PLASTIC_BLACK, front_disc(0, d * 0.2, body_h * 0.6, w * 0.1, 0.01))
        b.box("neck", mat("fretboard", "#3a2418", roughness=0.5), -0.025, -0.02, body_h, 0.025, 0.02, h * 0.92)
        b.box("head", wood, -0.035, -0.025, h * 0.92, 0.035, 0.025, h)
        b.add("stand", BLACK_METAL, rod((0, -d / 2 + 0.02, 0), (0, -d * 0.1, body_h), 0.01, 6),
              rod((-w / 2 + 0.03, d * 0.3, 0), (w / 2 - 0.03, d * 0.3, 0.02), 0.01, 6))
        return
    if c == "harp":
        wood = b.wood("#c49a6c")
        b.box("base", wood, -w * 0.2, -d / 2, 0, w * 0.3, d / 2, 0.12)
        b.add("soundboard", wood, rod((w * 0.2, 0, 0.1), (-w / 2 + 0.1, 0, h * 0.9), 0.08, 10, 0.04))
        b.add("pillar", wood, cylinder(w / 2 - 0.06, 0, 0.1, h - 0.05, 0.035, 12))
        b.add("neck", wood, rod((-w / 2 + 0.08, 0, h * 0.88), (w / 2 - 0.05, 0, h - 0.03), 0.04, 10))
        for i in range(14):
            t = (i + 1) / 15
            x0 = w * 0.2 + (-w / 2 + 0.1 - w * 0.2) * t
            z0 = 0.1 + (h * 0.9 - 0.1) * t
            z1 = h * 0.88 + (h - 0.03 - h * 0.88) * ((x0 + w / 2 - 0.08) / (w - 0.13))
            b.add("strings", mat("string", "#e8e2d6", 0.5, 0.3), rod((x0, 0, z0), (x0, 0, max(z0 + 0.05, z1)), 0.002, 4))
        return
    if c == "drum_kit":
        shell_m = paint(b, "#8c2f2f", 0.2)
        head = mat("drumhead", "#f1ebd8", roughness=0.6)
        b.add("bass_drum", shell_m, transform(cylinder(0, 0, -0.2, 0.2, min(0.3, h * 0.25), 24), rot_x=-90, move=(0, d * 0.1, min(0.3, h * 0.25))))
        for (x, y, r, z) in ((-w * 0.3, d * 0.25, 0.18, 0.55), (w * 0.3, d * 0.05, 0.2, 0.45), (-w * 0.1, d * 0.05, 0.12, 0.7),
                             (w * 0.08, d * 0.05, 0.12, 0.72)):
            b.add("drums", shell_m, cylinder(x, y, z - 0.15, z, r, 20))
            b.add("heads", head, cylinder(x, y, z, z + 0.005, r, 20))
        for x, y, zc in ((-w / 2 + 0.2, -d * 0.1, h * 0.8), (w / 2 - 0.2, -d * 0.2, h - 0.02), (-w / 2 + 0.25, d / 2 - 0.2, h * 0.65)):
            b.add("stands", CHROME, rod((x, y, 0), (x, y, zc), 0.01, 6))
            b.add("cymbals", BRASS, lathe([(0, zc), (0.2, zc - 0.01), (0.22, zc - 0.015), (0, zc - 0.004)], 24, (x, y)))
        b.add("stool", PLASTIC_BLACK, cylinder(0, -d / 2 + 0.2, 0.45, 0.5, 0.17, 16))
        b.add("stool", CHROME, cylinder(0, -d / 2 + 0.2, 0.0, 0.45, 0.02, 8))
        return
    # stands
    r = min(w, d) / 2
    for k in range(3):
        a = math.pi / 2 + 2 * math.pi * k / 3
        b.add("legs", BLACK_METAL, rod((0, 0, h * 0.15), (math.cos(a) * r, math.sin(a) * r, 0.0), 0.008, 6))
    if c == "microphone_stand":
        b.add("pole", BLACK_METAL, cylinder(0, 0, h * 0.1, h * 0.8, 0.01, 8))
        b.add("boom", BLACK_METAL, rod((0, 0, h * 0.8), (0, r * 0.8, h - 0.03), 0.008, 6))
        b.add("microphone", PLASTIC_BLACK, rod((0, r * 0.8, h - 0.03), (0, r, h), 0.02, 10))
        return
    b.add("pole", BLACK_METAL, cylinder(0, 0, h * 0.1, h * 0.7, 0.01, 8))
    b.add("desk", BLACK_METAL, transform(box(-w / 2, 0, 0, w / 2, 0.01, h * 0.28), rot_x=-20, move=(0, -0.02, h * 0.7)))
    b.box("ledge", BLACK_METAL, -w / 2, -0.02, h * 0.7, w / 2, 0.04, h * 0.715)
    b.add("sheet", mat("paper", "#f5f3ec", roughness=0.9), transform(box(-w * 0.2, 0.01, 0.02, w * 0.2, 0.012, h * 0.26), rot_x=-20,
                                                                    move=(0, -0.02, h * 0.7)))


# --------------------------------------------------------------------------- toys, outdoor, vehicles


@register("teddy_bear", "toy", "rocking_horse", "dollhouse", "play_tent", "stroller")
def toys(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "teddy_bear":
        fur = paint(b, "#a8753f", 0.95)
        b.add("body", fur, ellipsoid(0, 0, h * 0.3, w * 0.35, d * 0.4, h * 0.3, 16, 8))
        b.add("head", fur, ellipsoid(0, 0, h * 0.72, w * 0.3, d * 0.35, h * 0.2, 16, 8))
        for sx in (-1, 1):
            b.add("ears", fur, ellipsoid(sx * w * 0.2, 0, h * 0.9, w * 0.1, d * 0.08, h * 0.08, 8, 4))
            b.add("arms", fur, ellipsoid(sx * w * 0.38, d * 0.1, h * 0.38, w * 0.12, d * 0.15, h * 0.08, 8, 4))
            b.add("legs", fur, ellipsoid(sx * w * 0.22, d * 0.3, h * 0.08, w * 0.13, d * 0.2, h * 0.08, 8, 4))
            b.add("eyes", PLASTIC_BLACK, ellipsoid(sx * w * 0.1, d * 0.3, h * 0.76, 0.008, 0.008, 0.008, 6, 3))
        b.add("snout", mat("snout", "#e0c9a0", roughness=0.95), ellipsoid(0, d * 0.32, h * 0.68, w * 0.1, d * 0.1, h * 0.06, 8, 4))
        return
    if c == "toy":
        colours = ("#c23a35", "#3f64a8", "#e0be3c", "#4f7b4a")
        for k in range(3):
            b.add("blocks", mat("toy_block", colours[(k + int(b.rng.integers(4))) % 4], roughness=0.4),
                  box(-w / 2 + k * w / 3 + 0.005, -d / 2, 0, -w / 2 + (k + 1) * w / 3 - 0.005, d / 2 * (0.2 + 0.3 * k), h * (0.5 + 0.25 * (k % 2))))
        b.add("ball", mat("toy_ball", "#e0783a", roughness=0.4), ellipsoid(w * 0.3, d * 0.3, h * 0.35, min(w, d) * 0.18, min(w, d) * 0.18, h * 0.35, 12, 6))
        return
    if c == "rocking_horse":
        wood = b.wood("#c49a6c") if not b.style.colour else paint(b, "#c49a6c")
        for sx in (-1, 1):
            pts = [(-d / 2 + d * i / 10, 0.06 * ((2 * i / 10 - 1) ** 2)) for i in range(11)]
            for (y0, z0), (y1, z1) in zip(pts, pts[1:]):
                b.add("rockers", wood, rod((sx * w * 0.4, y0, z0 + 0.015), (sx * w * 0.4, y1, z1 + 0.015), 0.015, 6))
            for sy in (-1, 1):
                b.add("legs", wood, rod((sx * w * 0.4, sy * d * 0.3, 0.03), (sx * w * 0.15, sy * d * 0.2, h * 0.55), 0.018, 6))
        b.add("body", wood, ellipsoid(0, 0, h * 0.58, w * 0.3, d * 0.3, h * 0.1, 14, 6))
        b.add("neck", wood, rod((0, d * 0.2, h * 0.6), (0, d * 0.35, h * 0.88), 0.05, 10))
        b.add("head", wood, ellipsoid(0, d * 0.4, h * 0.88, w * 0.15, d * 0.12, h * 0.07, 10, 5))
        b.add("saddle", mat("saddle", "#8c2f2f", roughness=0.5), ellipsoid(0, -d * 0.02, h * 0.68, w * 0.28, d * 0.1, h * 0.03, 10, 4))
        b.add("mane", mat("mane", "#3a2418", roughness=0.9), box(-0.01, d * 0.2, h * 0.7, 0.01, d * 0.32, h * 0.98))
        return
    if c == "dollhouse":
        wall = paint(b, "#f3ead8", 0.7)
        roof = mat("roof", "#b9643f", roughness=0.8)
        top = b.top()
        body_h = top * 0.72
        b.box("walls", wall, -w / 2, -d / 2, 0, w / 2, -d / 2 + 0.02, body_h)
        for sx in (-1, 1):
            b.box("walls", wall, sx * w / 2 - sx * 0.02, -d / 2, 0, sx * w / 2, d / 2, body_h)
        b.box("floors", b.wood("pine"), -w / 2, -d / 2, 0, w / 2, d / 2, 0.02)
        b.box("floors", b.wood("pine"), -w / 2, -d / 2, body_h * 0.5, w / 2, d / 2, body_h * 0.5 + 0.015)
        b.box("walls", wall, -0.01, -d / 2, 0, 0.01, d / 2, body_h)
        for sx in (-1, 1):
            b.add("roof", roof, _gable(w, d, body_h, top, sx))
        return
    if c == "play_tent":
        canvas = paint(b, "#eee3c9", 0.9)
        b.add("tent", canvas, _xz_prism([(-w / 2, 0.0), (w / 2, 0.0), (0.0, h)], -d / 2, d / 2))
        b.add("door", canvas.tinted(0.7, "door"), _xz_prism([(-w * 0.2, 0.0), (w * 0.2, 0.0), (0.0, h * 0.6)], d / 2 - 0.001, d / 2))
        return
    # stroller: a bassinet on a wheeled frame, handle at the back
    frame = b.metal(BLACK_METAL)
    fabric = b.fabric("#3d3f42")
    for sx in (-1, 1):
        for sy in (-1, 1):
            wheel_x(b, sx * (w / 2 - 0.04), sy * (d / 2 - 0.12), 0.12, 0.12, 0.02)
        b.add("frame", frame, rod((sx * (w / 2 - 0.06), -d / 2 + 0.12, 0.12), (sx * (w / 2 - 0.1), 0.0, h * 0.45), 0.012, 6),
              rod((sx * (w / 2 - 0.06), d / 2 - 0.12, 0.12), (sx * (w / 2 - 0.1), 0.0, h * 0.45), 0.012, 6),
              rod((sx * (w / 2 - 0.1), 0.0, h * 0.45), (sx * (w / 2 - 0.1), -d / 2 + 0.02, h - 0.02), 0.012, 6))
    b.add("handle", frame, rod((-w / 2 + 0.1, -d / 2 + 0.02, h - 0.02), (w / 2 - 0.1, -d / 2 + 0.02, h - 0.02), 0.015, 8))
    b.add("bassinet", fabric, lathe([(0, h * 0.42), (0.9, h * 0.42), (1.0, h * 0.72), (0.93, h * 0.72), (0.85, h * 0.48), (0, h * 0.48)],
                                     20, (0, d * 0.05), (w / 2 - 0.1, d * 0.33)))
    b.add("hood", fabric.tinted(0.8, "hood"), ellipsoid(0, d * 0.25, h * 0.72, w / 2 - 0.1, d * 0.2, h * 0.2, 16, 6, cut=0))


def _gable(w: float, d: float, z0: float, z1: float, side: int):
    """One slope of a gable roof: a slab from the eave at x = side * w/2 up to the ridge."""
    x_eave = side * w / 2
    pts = [(x_eave, z0), (0.0, z1), (0.0, z1 - 0.02), (x_eave, z0 - 0.02)]
    if side < 0:
        pts = pts[::-1]
    return _xz_prism(pts, -d / 2, d / 2)


def _xz_prism(pts: list[tuple[float, float]], y0: float, y1: float):
    """A prism over a convex polygon drawn in the (x, z) plane, extruded from ``y0`` to ``y1``."""
    v, f = prism(pts, y0, y1)
    return v[:, [0, 2, 1]], f[:, ::-1].copy()


@register("hammock", "parasol", "fire_pit", "fireplace", "wood_stove", "bicycle", "car", "lawn_mower", "ladder")
def outdoor(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "hammock":
        frame = b.wood("teak") if b.style.metal is None else b.metal()
        for sy in (-1, 1):
            b.add("frame", frame, rod((0, sy * (d / 2 - 0.05), h), (0, sy * d * 0.25, 0.03), 0.03, 8))
            b.box("feet", frame, -w / 2, sy * d * 0.25 - 0.04, 0, w / 2, sy * d * 0.25 + 0.04, 0.04)
        b.box("base", frame, -0.04, -d * 0.25, 0, 0.04, d * 0.25, 0.06)
        fabric = b.fabric("#d9772f")
        n = 10
        pts = [(-d / 2 + 0.1 + (d - 0.2) * i / n, h - 0.05 - (h * 0.6) * math.sin(math.pi * i / n)) for i in range(n + 1)]
        for (y0, z0), (y1, z1) in zip(pts, pts[1:]):
            b.add("bed", fabric, box(-w * 0.4, min(y0, y1), min(z0, z1) - 0.01, w * 0.4, max(y0, y1), max(z0, z1)))
        return
    if c == "parasol":
        canopy = paint(b, "#eee3c9", 0.9)
        b.add("base", mat("base", "#3d3f42", roughness=0.6), cylinder(0, 0, 0, 0.08, 0.25, 20))
        b.add("pole", mat("pole", "#c49a6c"), cylinder(0, 0, 0.08, h, 0.02, 8))
        b.add("canopy", canopy, lathe([(1.0, h * 0.78), (0.0, h * 0.97), (0.0, h * 0.96), (0.98, h * 0.775)], 8, (0, 0),
                                      (w / 2, d / 2)))
        return
    if c == "fire_pit":
        stone = b.style.stone or mat("stone", "#8f8a82", roughness=0.9)
        top = b.top()
        b.add("ring", stone, lathe([(0.7, 0), (1.0, 0), (1.0, top), (0.7, top)], 28, (0, 0), (w / 2, d / 2)))
        b.add("embers", mat("embers", "#e0783a", roughness=0.4), cylinder(0, 0, top * 0.3, top * 0.35, min(w, d) * 0.35, 20))
        for k in range(4):
            a = math.pi * k / 4
            b.add("logs", mat("log", "#5d4330", roughness=0.95), rod((math.cos(a) * w * 0.25, math.sin(a) * d * 0.25, top * 0.4),
                                                                     (-math.cos(a) * w * 0.25, -math.sin(a) * d * 0.25, top * 0.4), 0.03, 8))
        return
    if c == "fireplace":
        top = b.top()
        surround = paint(b, "#f0efeb", 0.6) if not b.style.stone else b.style.stone
        b.box("surround", surround, -w / 2, -d / 2, 0, -w * 0.3, d / 2 - 0.05, top - 0.08)
        b.box("surround", surround, w * 0.3, -d / 2, 0, w / 2, d / 2 - 0.05, top - 0.08)
        b.box("surround", surround, -w * 0.3, -d / 2, top * 0.7, w * 0.3, d / 2 - 0.05, top - 0.08)
        b.box("mantel", b.wood("walnut") if not b.style.stone else surround, -w / 2, -d / 2, top - 0.08, w / 2, d / 2, top)
        b.box("firebox", mat("soot", "#1a1a1a", roughness=0.95), -w * 0.3, -d / 2, 0, w * 0.3, -d / 2 + d * 0.7, top * 0.7)
        b.box("hearth", mat("hearth", "#5b5f63", roughness=0.8), -w / 2, d / 2 - 0.05, 0, w / 2, d / 2, 0.05)
        b.add("fire", mat("flame", "#ffb347", roughness=0.3), ellipsoid(0, 0, 0.05, w * 0.15, d * 0.15, top * 0.25, 12, 5, cut=0))
        return
    if c == "wood_stove":
        iron = b.metal(BLACK_METAL)
        top = b.top()
        legs4(b, iron, w / 2 - 0.05, d / 2 - 0.05, 0, 0.12, 0.04)
        b.add("body", iron, box(-w / 2, -d / 2, 0.12, w / 2, d / 2, top * 0.85))
        b.box("top", iron, -w / 2 - 0.0, -d / 2, top * 0.85, w / 2, d / 2, top * 0.88)
        b.box("door", iron.tinted(1.3, "door"), -w * 0.35, d / 2, 0.2, w * 0.35, d / 2 + 0.0005, top * 0.75)
        b.box("window", mat("fire_glass", "#e0783a", roughness=0.2), -w * 0.25, d / 2 + 0.0005, 0.28, w * 0.25, d / 2 + 0.001, top * 0.68)
        if h > top * 0.88 + 0.05:
            b.add("flue", iron, cylinder(0, -d * 0.15, top * 0.88, h, min(w, d) * 0.15, 16))
        return
    if c == "bicycle":
        frame_m = paint(b, "#3f64a8", 0.3)
        r = min(h * 0.35, d * 0.2)
        yb, yf = -d / 2 + r, d / 2 - r
        wheel_x(b, 0, yb, r, r, 0.018, spokes=8)
        wheel_x(b, 0, yf, r, r, 0.018, spokes=8)
        crank = (0, -d * 0.08, r)
        seat = (0, -d * 0.15, h * 0.85)
        head = (0, d * 0.25, h * 0.8)
        for p, q in ((crank, seat), (crank, head), (seat, head), (crank, (0, yb, r)), (seat, (0, yb, r)), (head, (0, yf, r))):
            b.add("frame", frame_m, rod(p, q, 0.015, 8))
        b.add("saddle", PLASTIC_BLACK, cbox(0, -d * 0.15, h * 0.85, 0.12, 0.25, 0.05))
        b.add("handlebar", BLACK_METAL, rod(head, (0, d * 0.22, h - 0.02), 0.012, 6),
              rod((-w / 2, d * 0.22, h - 0.02), (w / 2, d * 0.22, h - 0.02), 0.012, 6))
        b.add("chainring", CHROME, transform(torus(0, 0, 0, 0.09, 0.008, 20, 4), rot_y=90, move=crank))
        return
    if c == "car":
        body = paint(b, "#b23a35", 0.25)
        r = min(0.33, h * 0.22)
        for sx in (-1, 1):
            for y in (-d / 2 + 0.85, d / 2 - 0.8):
                b.add("wheels", RUBBER, transform(cylinder(0, 0, -0.11, 0.11, r, 20), rot_y=90, move=(sx * (w / 2 - 0.12), y, r)))
                b.add("hubs", CHROME, transform(cylinder(0, 0, 0.11, 0.115, r * 0.55, 12), rot_y=90 if sx > 0 else -90,
                                                move=(sx * (w / 2 - 0.12), y, r)))
        b.add("body", body, prism(rounded_rect(w, d, 0.3, 4), r * 0.5, h * 0.5))
        cabin = [(-w / 2 + 0.08, -d * 0.3), (w / 2 - 0.08, -d * 0.3), (w / 2 - 0.08, d * 0.12), (-w / 2 + 0.08, d * 0.12)]
        b.add("cabin", body, prism(cabin, h * 0.5, h * 0.55))
        b.add("roof", body, prism(rounded_rect(w - 0.3, d * 0.3, 0.1, 3, 0, -d * 0.1), h * 0.94, h))
        b.add("windows", GLASS.tinted(0.4, "car_glass"), _frustum_box(w - 0.16, d * 0.42, -d * 0.09, w - 0.3, d * 0.3, -d * 0.1,
                                                                     h * 0.55, h * 0.94))
        for sx in (-1, 1):
            b.add("lights", LIGHT, box(sx * (w / 2 - 0.3) - 0.12, d / 2 - 0.02, h * 0.38, sx * (w / 2 - 0.3) + 0.12, d / 2, h * 0.45))
            b.add("tail_lights", mat("tail", "#c23a35", roughness=0.3), box(sx * (w / 2 - 0.25) - 0.12, -d / 2, h * 0.38,
                                                                             sx * (w / 2 - 0.25) + 0.12, -d / 2 + 0.02, h * 0.45))
        return
    if c == "lawn_mower":
        deck = paint(b, "#4f7b4a", 0.4)
        b.add("deck", deck, prism(rounded_rect(w - 0.08, d * 0.55, 0.08, 3, 0, d * 0.15), 0.06, 0.28))
        b.add("engine", BLACK_METAL, cylinder(0, d * 0.15, 0.28, 0.42, 0.14, 16))
        for sx in (-1, 1):
            for y in (-d * 0.1, d * 0.4):
                b.add("wheels", RUBBER, transform(cylinder(0, 0, -0.03, 0.03, 0.09, 14), rot_y=90, move=(sx * (w / 2 - 0.03), y, 0.09)))
            b.add("handle", CHROME, rod((sx * w * 0.25, -d * 0.1, 0.28), (sx * w * 0.25, -d / 2 + 0.02, h - 0.02), 0.012, 6))
        b.add("handle", CHROME, rod((-w * 0.25, -d / 2 + 0.02, h - 0.02), (w * 0.25, -d / 2 + 0.02, h - 0.02), 0.014, 6))
        b.add("grass_bag", mat("bag", "#2a2b2d", roughness=0.9), box(-w * 0.22, -d * 0.42, 0.1, w * 0.22, -d * 0.12, 0.4))
        return
    # step ladder, front (+y) the steps
    frame = b.metal(mat("aluminium", "#cfd2d4", 1.0, 0.35)) if not b.style.wood else b.wood()
    for sx in (-1, 1):
        b.add("rails", frame, rod((sx * (w / 2 - 0.03), d / 2 - 0.03, 0), (sx * (w * 0.4 - 0.03), -d * 0.1, h - 0.02), 0.018, 6),
              rod((sx * (w / 2 - 0.03), -d / 2 + 0.03, 0), (sx * (w * 0.4 - 0.03), -d * 0.15, h - 0.02), 0.015, 6))
    n = max(3, int(h / 0.28))
    for i in range(1, n + 1):
        t = i / (n + 1)
        y = d / 2 - 0.03 + (-d * 0.1 - d / 2 + 0.03) * t
        b.box("steps", frame, -w * 0.42 + 0.04, y - 0.05, h * t - 0.01, w * 0.42 - 0.04, y + 0.05, h * t + 0.01)
    b.box("top", mat("top_cap", "#c23a35", roughness=0.5), -w * 0.4, -d * 0.2, h - 0.04, w * 0.4, d * 0.0, h)


def _frustum_box(w0: float, d0: float, y0: float, w1: float, d1: float, y1: float, z0: float, z1: float):
    """A box whose bottom ``w0 x d0`` (centred at y0) narrows to the top ``w1 x d1`` (at y1)."""
    from .core import _BOX_FACES
    import numpy as np

    v = np.array([[-w0 / 2, y0 - d0 / 2, z0], [w0 / 2, y0 - d0 / 2, z0], [w0 / 2, y0 + d0 / 2, z0], [-w0 / 2, y0 + d0 / 2, z0],
                  [-w1 / 2, y1 - d1 / 2, z1], [w1 / 2, y1 - d1 / 2, z1], [w1 / 2, y1 + d1 / 2, z1], [-w1 / 2, y1 + d1 / 2, z1]])
    return v, _BOX_FACES.copy()


# --------------------------------------------------------------------------- medical, salon, office, laundry


@register("iv_stand", "medical_cart", "medical_scale", "oxygen_tank", "patient_monitor", "walker")
def medical(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "iv_stand":
        star_base(b, 0.12, min(w, d) / 2 - 0.03, CHROME)
        b.add("pole", CHROME, cylinder(0, 0, 0.12, h - 0.03, 0.012, 8))
        for a in (0, math.pi / 2, math.pi, 3 * math.pi / 2):
            b.add("hooks", CHROME, rod((0, 0, h - 0.05), (math.cos(a) * 0.12, math.sin(a) * 0.12, h - 0.0), 0.005, 4))
        b.add("bag", mat("iv_bag", "#dfeff5", roughness=0.2, alpha=0.7), box(0.06, -0.03, h - 0.35, 0.16, 0.01, h - 0.12))
        return
    if c == "medical_cart":
        body = paint(b, "#3f7b7b" if not b.style.has("red", "crash") else "#c23a35", 0.4)
        top = b.top()
        b.add("cabinet", body, box(-w / 2 + 0.03, -d / 2 + 0.03, 0.1, w / 2 - 0.03, d / 2 - 0.03, top - 0.03))
        fronts(b, body, PLASTIC_WHITE, CHROME, -w / 2 + 0.03, w / 2 - 0.03, 0.1, top - 0.03, d / 2 - 0.03 + 0.001,
               [(1, "drawer", 1)] * 5)
        b.box("top", PLASTIC_GREY, -w / 2, -d / 2, top - 0.03, w / 2, d / 2, top)
        for sx in (-1, 1):
            for sy in (-1, 1):
                caster(b, sx * (w / 2 - 0.06), sy * (d / 2 - 0.06), 0.05)
        return
    if c == "medical_scale":
        b.add("platform", ENAMEL, box(-w / 2, -d / 2 + 0.1, 0, w / 2, d / 2, 0.08))
        b.add("column", ENAMEL, box(-0.03, -d / 2 + 0.1, 0.08, 0.03, -d / 2 + 0.16, h * 0.85))
        b.add("beam", CHROME, box(-w / 2 + 0.05, -d / 2 + 0.08, h * 0.85, w / 2 - 0.05, -d / 2 + 0.18, h * 0.9))
        b.add("rod", CHROME, rod((0, -d / 2 + 0.13, h * 0.9), (0, -d / 2 + 0.13, h), 0.008, 6))
        b.add("head_piece", CHROME, box(-0.01, -d / 2, h - 0.02, 0.01, -d / 2 + 0.25, h))
        return
    if c == "oxygen_tank":
        r = min(w, d) / 2
        b.add("tank", mat("oxygen_green", "#2f7b4f", 0.3, 0.4), lathe([(0, 0), (0.95, 0), (1.0, 0.05), (1.0, h * 0.8), (0.5, h * 0.9),
                                                                      (0, h * 0.9)], 20, (0, 0), (r * 0.9, r * 0.9)))
        b.add("valve", CHROME, cylinder(0, 0, h * 0.9, h, r * 0.25, 10))
        return
    if c == "patient_monitor":
        star_base(b, 0.12, min(w, d) / 2 - 0.03, PLASTIC_GREY)
        b.add("pole", CHROME, cylinder(0, 0, 0.12, h * 0.75, 0.015, 8))
        b.add("monitor", PLASTIC_WHITE, box(-0.18, -0.06, h * 0.75, 0.18, 0.06, h))
        b.box("screen", SCREEN, -0.15, 0.06, h * 0.78, 0.15, 0.061, h - 0.03)
        b.add("traces", mat("trace", "#5fe87a", roughness=0.3), box(-0.13, 0.061, h * 0.85, 0.1, 0.062, h * 0.86))
        return
    frame = b.metal(mat("aluminium", "#cfd2d4", 1.0, 0.35))
    for sx in (-1, 1):
        for sy in (-1, 1):
            b.add("legs", frame, rod((sx * (w / 2 - 0.03), sy * (d / 2 - 0.03), 0.0), (sx * (w / 2 - 0.05), sy * (d / 2 - 0.08), h - 0.02),
                                     0.012, 6))
        b.add("frame", frame, rod((sx * (w / 2 - 0.05), -d / 2 + 0.08, h - 0.02), (sx * (w / 2 - 0.05), d / 2 - 0.08, h - 0.02), 0.012, 6))
        b.add("grips", PLASTIC_GREY, rod((sx * (w / 2 - 0.05), -d / 2 + 0.1, h - 0.02), (sx * (w / 2 - 0.05), -d / 2 + 0.25, h - 0.02), 0.018, 8))
    b.add("frame", frame, rod((-w / 2 + 0.05, d / 2 - 0.08, h * 0.7), (w / 2 - 0.05, d / 2 - 0.08, h * 0.7), 0.012, 6))


@register("hood_dryer", "salon_trolley", "styling_station", "privacy_screen", "cubicle_partition", "lectern",
          "drying_rack", "fire_extinguisher", "hand_sanitizer")
def fixtures(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "hood_dryer":
        shell_m = paint(b, "#f0efeb", 0.3)
        star_base(b, 0.12, min(w, d) / 2 - 0.03, CHROME)
        b.add("pole", CHROME, cylinder(0, -d * 0.1, 0.12, h * 0.7, 0.02, 8))
        b.add("hood", shell_m, transform(ellipsoid(0, 0, 0, 0.25, 0.3, 0.22, 20, 8, cut=-0.3), rot_x=-35, move=(0, d * 0.05, h - 0.2)))
        b.add("arm", CHROME, rod((0, -d * 0.1, h * 0.7), (0, 0, h - 0.25), 0.015, 6))
        return
    if c == "salon_trolley":
        body = paint(b, "#2a2b2d", 0.4)
        top = b.top()
        b.add("body", body, box(-w / 2 + 0.02, -d / 2 + 0.02, 0.08, w / 2 - 0.02, d / 2 - 0.02, top))
        fronts(b, body, body.tinted(1.3, "drawers"), CHROME, -w / 2 + 0.02, w / 2 - 0.02, 0.08, top, d / 2 - 0.02 + 0.001, [(1, "drawer", 1)] * 5)
        for sx in (-1, 1):
            for sy in (-1, 1):
                caster(b, sx * (w / 2 - 0.05), sy * (d / 2 - 0.05), 0.04)
        return
    if c == "styling_station":
        wood = b.wood("#f0efeb") if not b.style.wood else b.style.wood
        top = b.top(0.85)
        b.box("counter", wood, -w / 2, -d / 2, top * 0.6, w / 2, d / 2, top)
        b.box("legs", wood, -w / 2, -d / 2, 0, -w / 2 + 0.05, d / 2, top * 0.6)
        b.box("legs", wood, w / 2 - 0.05, -d / 2, 0, w / 2, d / 2, top * 0.6)
        b.box("footrest", CHROME, -w * 0.3, d / 2 - 0.1, 0.1, w * 0.3, d / 2, 0.13)
        return
    if c == "privacy_screen":
        fabric = b.fabric("#eee3c9")
        frame = b.wood("walnut")
        n = 3 if w < 2.0 else 4
        pw = w / n
        for i in range(n):
            x0 = -w / 2 + i * pw
            y = d / 2 - 0.02 if i % 2 == 0 else -d / 2 + 0.02
            nxt = -d / 2 + 0.02 if i % 2 == 0 else d / 2 - 0.02
            quad = [(x0, y - 0.015), (x0 + pw, nxt - 0.015), (x0 + pw, nxt + 0.015), (x0, y + 0.015)]
            if y > nxt:
                quad = [(x0, y - 0.015), (x0 + pw, nxt - 0.015), (x0 + pw, nxt + 0.015), (x0, y + 0.015)]
            b.add("panels", fabric, prism(_ccw(quad), 0.05, h - 0.03))
            b.add("frame", frame, cylinder(x0 + 0.015, y, 0, h, 0.015, 8))
        b.add("frame", frame, cylinder(w / 2 - 0.015, -d / 2 + 0.02 if n % 2 else d / 2 - 0.02, 0, h, 0.015, 8))
        return
    if c == "cubicle_partition":
        fabric = b.fabric("#7d8288")
        frame = mat("aluminium", "#c9ccd0", 1.0, 0.3)
        b.box("panel", fabric, -w / 2 + 0.02, -d / 2, 0.05, w / 2 - 0.02, d / 2, h - 0.02)
        b.box("frame", frame, -w / 2, -d / 2, 0.0, w / 2, d / 2, 0.05)
        b.box("frame", frame, -w / 2, -d / 2, h - 0.02, w / 2, d / 2, h)
        for sx in (-1, 1):
            b.box("frame", frame, sx * w / 2 - sx * 0.02, -d / 2, 0, sx * w / 2, d / 2, h)
            b.box("feet", frame, sx * (w / 2 - 0.2) - 0.03, -d / 2 - 0.0, 0, sx * (w / 2 - 0.2) + 0.03, d / 2, 0.02)
        return
    if c == "lectern":
        wood = b.wood("oak")
        top = b.top()
        b.box("base", wood, -w / 2, -d / 2, 0, w / 2, d / 2, 0.05)
        b.add("body", wood, _frustum_box(w * 0.7, d * 0.6, 0, w * 0.9, d * 0.7, 0, 0.05, top * 0.85))
        b.add("desk", wood, transform(box(-w / 2, -d / 2, 0, w / 2, d / 2, 0.03), rot_x=-12, move=(0, 0, top * 0.85 + 0.0)))
        b.add("top", wood, box(-w / 2, -d / 2, top - 0.02, w / 2, -d / 2 + 0.05, top))
        return
    if c == "drying_rack":
        frame = b.metal(PLASTIC_WHITE)
        for sx in (-1, 1):
            b.add("legs", frame, rod((sx * w / 2, -d / 2, 0), (sx * w / 2, d / 2, h * 0.75), 0.01, 6),
                  rod((sx * w / 2, d / 2, 0), (sx * w / 2, -d / 2, h * 0.75), 0.01, 6))
        for k in range(8):
            y = -d / 2 + 0.04 + (d - 0.08) * k / 7
            b.add("rails", frame, rod((-w / 2, y, h * 0.75), (w / 2, y, h * 0.75), 0.005, 4))
        b.add("towel", mat("towel", "#9aab8c", roughness=0.95), box(-w * 0.3, -d * 0.1, h * 0.4, w * 0.1, d * 0.0, h))
        b.add("shirt", mat("shirt", "#5d7c99", roughness=0.95), box(w * 0.05, d * 0.2, h * 0.45, w * 0.4, d * 0.28, h))
        return
    if c == "fire_extinguisher":
        r = min(w, d) * 0.4
        b.add("cylinder", mat("extinguisher_red", "#c23a35", 0.3, 0.35), lathe([(0, 0), (1.0, 0), (1.0, h * 0.75), (0.6, h * 0.82), (0, h * 0.82)],
                                                                              20, (0, 0), (r, r)))
        b.add("valve", BLACK_METAL, cylinder(0, 0, h * 0.82, h, r * 0.3, 10))
        b.add("handle", BLACK_METAL, box(-0.01, -0.0, h * 0.93, 0.01, d / 2, h * 0.96))
        b.add("hose", BLACK_METAL, rod((0, 0, h * 0.88), (w / 2 - 0.01, 0, h * 0.3), 0.008, 6))
        b.add("label", PLASTIC_WHITE, lathe([(1.01, h * 0.3), (1.01, h * 0.55)], 20, (0, 0), (r, r)))
        return
    # hand sanitizer on a wall
    b.add("body", PLASTIC_WHITE, prism(rounded_rect(w, d, 0.02), h * 0.15, h))
    b.box("window", mat("gel", "#bfe0ef", roughness=0.1, alpha=0.8), -w * 0.25, d / 2 - 0.001, h * 0.4, w * 0.25, d / 2, h * 0.7)
    b.box("lever", PLASTIC_GREY, -w * 0.3, d * 0.1, h * 0.15, w * 0.3, d / 2, h * 0.22)
    b.box("nozzle", PLASTIC_GREY, -0.01, 0.0, 0.0, 0.01, 0.02, h * 0.15)


def _ccw(quad: list[tuple[float, float]]) -> list[tuple[float, float]]:
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(quad, quad[1:] + quad[:1]))
    return quad if area > 0 else quad[::-1]


__all__ = ["gym", "music", "outdoor", "toys"]
