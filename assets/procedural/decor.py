"""Decor and wall things: paintings, mirrors, boards, clocks, signs, sculptures, frames, globes."""

from __future__ import annotations

import math

from ..meshes import register, register_family
from .common import panel_frame
from .core import (ART_PALETTE, BLACK_METAL, CHROME, GLASS, MIRROR, PAPER, PLASTIC_WHITE, Builder, Material, box,
                   cylinder, ellipsoid, mat, rod, torus, transform)
from .appliances import front_disc

BRASS = mat("brass", "#c8a453", 1.0, 0.3)
GILT = mat("gilt", "#c9a646", 0.9, 0.35)


def frame_mat(b: Builder, default: Material) -> Material:
    b.primary("wood")
    if b.style.metal is not None:
        return b.style.metal
    if b.style.has("gold", "gilded", "golden", "ornate"):
        return GILT
    if b.style.wood is not None or b.style.colour:
        return b.wood()
    return default


@register("painting", "photo_frame")
def painting(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    if b.category == "photo_frame":
        frame = frame_mat(b, b.wood("walnut"))
        t = min(0.015, d * 0.3)
        v, f = box(-w / 2, -t / 2, 0.0, w / 2, t / 2, h)
        b.add("frame", frame, transform((v, f), rot_x=-12, about=(0, 0, 0), move=(0, d * 0.1, 0)))
        inner = transform(box(-w / 2 + 0.02, t / 2, 0.02, w / 2 - 0.02, t / 2 + 0.001, h - 0.02), rot_x=-12, move=(0, d * 0.1, 0))
        b.add("photo", b.pick(ART_PALETTE, 0.4, "photo"), inner)
        b.add("stand", frame, rod((0, 0, h * 0.6), (0, -d / 2 + 0.005, 0.0), 0.004, 4))
        return
    frame = frame_mat(b, mat("frame_black", "#1e1e1f", roughness=0.5))
    border = min(0.05, w * 0.06, h * 0.06)
    panel_frame(b, frame, PAPER if b.style.has("print", "framed") else mat("canvas", "#f2ecdf", roughness=0.9),
                -w / 2, w / 2, 0, h, -d / 2, d / 2, border, "canvas", "frame", inset=0.2)
    # an abstract picture from the seed: a few coloured blocks on the canvas
    rng = b.rng
    y = d / 2 - d * 0.2
    for k in range(4):
        x0 = float(rng.uniform(-w / 2 + border, w / 2 - border - 0.05))
        z0 = float(rng.uniform(border, h - border - 0.05))
        x1 = min(w / 2 - border, x0 + float(rng.uniform(0.1, 0.5)) * w)
        z1 = min(h - border, z0 + float(rng.uniform(0.1, 0.5)) * h)
        b.add("picture", b.pick(ART_PALETTE, 0.8, "paint"), box(x0, y, z0, x1, y + 0.001 + 0.0005 * k, z1))


@register("mirror", "floor_mirror")
def mirror(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    frame = frame_mat(b, b.wood("oak") if b.category == "floor_mirror" else mat("frame_black", "#1e1e1f", roughness=0.5))
    if b.category == "floor_mirror":
        t = 0.03
        lean = math.degrees(math.atan2(d - t - 0.02, h))
        v, f = box(-w / 2, 0, 0, w / 2, t, h)
        b.add("frame", frame, transform((v, f), rot_x=lean, move=(0, d / 2 - t, 0)))
        b.add("mirror", MIRROR, transform(box(-w / 2 + 0.04, t, 0.04, w / 2 - 0.04, t + 0.002, h - 0.04), rot_x=lean,
                                          move=(0, d / 2 - t, 0)))
        return
    if b.style.shape in ("round", "oval"):
        b.add("frame", frame, transform(cylinder(0, 0, 0, d * 0.8, 1.0, 40, scale=(w / 2, h / 2)), rot_x=-90,
                                        move=(0, -d / 2, h / 2)))
        b.add("mirror", MIRROR, transform(cylinder(0, 0, d * 0.8, d, 1.0, 40, scale=(w / 2 - 0.03, h / 2 - 0.03)), rot_x=-90,
                                          move=(0, -d / 2, h / 2)))
        return
    border = min(0.04, w * 0.08)
    panel_frame(b, frame, MIRROR, -w / 2, w / 2, 0, h, -d / 2, d / 2, border, "mirror", "frame", inset=0.3)


@register("whiteboard", "chalkboard", "bulletin_board", "menu_board", "calendar", "pegboard")
def boards(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    faces = {"whiteboard": mat("whiteboard", "#f7f8f8", roughness=0.15), "chalkboard": mat("slate", "#2f3b35", roughness=0.9),
             "bulletin_board": mat("cork", "#b98a5a", roughness=0.95), "menu_board": mat("slate", "#262a2c", roughness=0.9),
             "calendar": PAPER, "pegboard": mat("pegboard", "#c9a877", roughness=0.8)}
    frames = {"whiteboard": mat("aluminium", "#c9ccd0", 1.0, 0.3), "chalkboard": b.wood("oak"),
              "bulletin_board": b.wood("oak"), "menu_board": b.wood("walnut"), "calendar": PAPER,
              "pegboard": faces["pegboard"]}
    face = faces[c]
    if c == "calendar":
        b.box("pages", PAPER, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.55)
        b.box("picture", b.pick(ART_PALETTE, 0.6, "picture"), -w / 2, -d / 2, h * 0.55, w / 2, d / 2, h)
        for i in range(5):
            for j in range(4):
                x = -w / 2 + w * (i + 0.5) / 5
                z = h * 0.05 + h * 0.45 * (j + 0.5) / 4
                b.add("grid", mat("ink", "#3d3f42"), box(x - 0.02, d / 2, z - 0.015, x + 0.02, d / 2 + 0.0003, z + 0.015))
        b.add("hook", BLACK_METAL, cylinder(0, 0, h - 0.01, h, 0.004, 6))
        return
    if c == "pegboard":
        b.box("board", face, -w / 2, -d / 2 + d * 0.4, 0, w / 2, d / 2 - d * 0.3, h)
        nx, nz = max(6, int(w / 0.05)), max(4, int(h / 0.05))
        for i in range(nx):
            for j in range(nz):
                b.add("holes", mat("hole", "#3a2a1a"), box(-w / 2 + w * (i + 0.5) / nx - 0.003, d / 2 - d * 0.3,
                                                           h * (j + 0.5) / nz - 0.003, -w / 2 + w * (i + 0.5) / nx + 0.003,
                                                           d / 2 - d * 0.3 + 0.0004, h * (j + 0.5) / nz + 0.003))
        for k, (tx, tz) in enumerate(((-0.3, 0.6), (0.0, 0.55), (0.3, 0.65))):
            b.add("tools", mat("tool", ("#c23a35", "#3f64a8", "#2a2b2d")[k], 0.5, 0.4),
                  box(tx * w - 0.015, d / 2 - d * 0.3, tz * h - 0.12, tx * w + 0.015, d / 2, tz * h + 0.1))
        b.box("spacers", face.tinted(0.7, "spacers"), -w / 2 + 0.05, -d / 2, h * 0.1, -w / 2 + 0.08, -d / 2 + d * 0.4, h * 0.9)
        b.box("spacers", face.tinted(0.7, "spacers"), w / 2 - 0.08, -d / 2, h * 0.1, w / 2 - 0.05, -d / 2 + d * 0.4, h * 0.9)
        return
    border = min(0.03, w * 0.03)
    panel_frame(b, frames[c], face, -w / 2, w / 2, 0, h, -d / 2, d / 2, border, "surface", "frame", inset=0.3)
    if c == "whiteboard":
        b.box("tray", frames[c], -w * 0.3, -d / 2, 0.0, w * 0.3, d / 2 + 0.0, 0.02)
        for i, col in enumerate(("#1e1e1f", "#c23a35", "#3f64a8")):
            b.add("markers", mat("marker", col, roughness=0.4), rod((-w * 0.1 + i * 0.05, d * 0.2, 0.03), (-w * 0.1 + i * 0.05 + 0.12, d * 0.2, 0.03),
                                                                    0.008, 6))
        b.add("writing", mat("ink", "#3f64a8"), box(-w * 0.3, d / 2 - d * 0.3, h * 0.6, w * 0.1, d / 2 - d * 0.3 + 0.0005, h * 0.62))
    elif c in ("chalkboard", "menu_board"):
        for k in range(4):
            z = h * (0.7 - k * 0.15)
            b.add("writing", mat("chalk", "#e8e8e0", roughness=0.9), box(-w * 0.35, d / 2 - d * 0.3, z, w * (0.1 + 0.05 * k),
                                                                         d / 2 - d * 0.3 + 0.0005, z + 0.015))
    else:
        rng = b.rng
        for k in range(6):
            x = float(rng.uniform(-w / 2 + 0.1, w / 2 - 0.2))
            z = float(rng.uniform(0.1, h - 0.2))
            b.add("notes", b.pick(("#f5f3ec", "#e0be3c", "#a8d8bf", "#e3a1ad"), 0.9, "note"),
                  box(x, d / 2 - d * 0.3, z, x + 0.1, d / 2 - d * 0.3 + 0.001, z + 0.12))


@register("clock", "alarm_clock", "grandfather_clock", "dartboard", "exit_sign")
def clocks(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "grandfather_clock":
        wood = frame_mat(b, b.wood("mahogany"))
        b.box("plinth", wood, -w / 2, -d / 2, 0, w / 2, d / 2, h * 0.12)
        b.box("case", wood, -w / 2 + 0.04, -d / 2 + 0.02, h * 0.12, w / 2 - 0.04, d / 2 - 0.02, h * 0.72)
        b.box("hood", wood, -w / 2, -d / 2, h * 0.72, w / 2, d / 2, h * 0.95)
        b.box("crest", wood, -w * 0.4, -d / 2 + 0.02, h * 0.95, w * 0.4, d / 2 - 0.02, h)
        b.box("window", GLASS, -w * 0.25, d / 2 - 0.02, h * 0.2, w * 0.25, d / 2 - 0.015, h * 0.68)
        b.add("pendulum", BRASS, rod((0, d / 2 - 0.04, h * 0.7), (0, d / 2 - 0.04, h * 0.35), 0.005, 6),
              front_disc(0, d / 2 - 0.05, h * 0.33, 0.06, 0.01))
        b.add("face", mat("dial", "#f1ebd8", roughness=0.5), front_disc(0, d / 2, h * 0.84, min(w * 0.38, h * 0.1), 0.002))
        _hands(b, 0, d / 2 + 0.002, h * 0.84, min(w * 0.38, h * 0.1))
        return
    if c == "alarm_clock":
        body = frame_mat(b, mat("clock_red", "#c23a35", 0.3, 0.4))
        r = min(w, h) / 2
        b.add("body", body, transform(cylinder(0, 0, 0, d * 0.7, 1.0, 24, scale=(r, r * 0.9)), rot_x=-90, move=(0, -d * 0.35, h * 0.45)))
        b.add("face", mat("dial", "#f7f5ef", roughness=0.5), front_disc(0, d * 0.35, h * 0.45, r * 0.8, 0.002))
        _hands(b, 0, d * 0.352, h * 0.45, r * 0.8)
        for sx in (-1, 1):
            b.add("bells", CHROME, ellipsoid(sx * r * 0.6, 0, h - r * 0.25, r * 0.3, r * 0.3, r * 0.25, 10, 4, cut=0))
            b.add("feet", BLACK_METAL, rod((sx * r * 0.5, 0, h * 0.12), (sx * r * 0.6, 0, 0), 0.004, 4))
        return
    if c == "dartboard":
        r = min(w, h) / 2
        cols = ("#1e1e1f", "#f1ebd8")
        rings = [(1.0, "#1e1e1f"), (0.78, "#c23a35"), (0.72, "#f1ebd8"), (0.5, "#4f7b4a"), (0.44, "#1e1e1f"), (0.1, "#4f7b4a"),
                 (0.04, "#c23a35")]
        for k, (f, col) in enumerate(rings):
            b.add(f"ring_{k}", mat(f"dart_{col.lstrip('#')}", col, roughness=0.9),
                  front_disc(0, -d / 2 + d * k / (len(rings) + 1) * 0.3, h / 2, r * f, d * (1 - 0.3 * k / (len(rings) + 1))))
        _ = cols
        return
    if c == "exit_sign":
        b.add("box", PLASTIC_WHITE, box(-w / 2, -d / 2, 0, w / 2, d / 2, h))
        b.box("panel", mat("exit_green", "#1f9e4f", roughness=0.3), -w / 2 + 0.01, d / 2, 0.01, w / 2 - 0.01, d / 2 + 0.0005, h - 0.01)
        b.box("text", mat("exit_white", "#f7f7f5"), -w * 0.3, d / 2 + 0.0005, h * 0.35, w * 0.3, d / 2 + 0.001, h * 0.65)
        return
    # wall clock
    r = min(w, h) / 2
    rim = frame_mat(b, mat("clock_rim", "#1e1e1f", 0.3, 0.4))
    b.add("rim", rim, transform(cylinder(0, 0, 0, d, 1.0, 40, scale=(r, r)), rot_x=-90, move=(0, -d / 2, h / 2)))
    b.add("face", mat("dial", "#f7f5ef", roughness=0.5), front_disc(0, d / 2, h / 2, r * 0.9, 0.001))
    for k in range(12):
        a = 2 * math.pi * k / 12
        b.add("ticks", mat("ink", "#1e1e1f"), box(math.cos(a) * r * 0.8 - 0.004, d / 2 + 0.001, h / 2 + math.sin(a) * r * 0.8 - 0.01,
                                                  math.cos(a) * r * 0.8 + 0.004, d / 2 + 0.0015, h / 2 + math.sin(a) * r * 0.8 + 0.01))
    _hands(b, 0, d / 2 + 0.0015, h / 2, r * 0.9)


def _hands(b: Builder, x: float, y: float, z: float, r: float) -> None:
    ink = mat("ink", "#1e1e1f")
    b.add("hands", ink, transform(box(-0.004, 0, 0, 0.004, 0.0015, r * 0.55), rot_y=-60, move=(x, y, z)))
    b.add("hands", ink, transform(box(-0.003, 0, 0, 0.003, 0.0015, r * 0.8), rot_y=75, move=(x, y, z)))


@register("sculpture", "floor_sculpture", "globe", "candle_holder")
def sculpture(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    if b.category == "globe":
        stand = frame_mat(b, b.wood("walnut"))
        r = min(w, d, h * 0.75) / 2
        b.add("base", stand, cylinder(0, 0, 0, 0.02, min(w, d) * 0.3, 20))
        b.add("stand", stand, rod((0, 0, 0.02), (0, 0, h - 2 * r), 0.01, 8))
        b.add("ocean", mat("ocean", "#3f6fa8", roughness=0.4), ellipsoid(0, 0, h - r, r, r, r, 24, 12))
        for k in range(5):
            a = 2 * math.pi * k / 5 + 0.4
            b.add("land", mat("land", "#9aab8c", roughness=0.6),
                  ellipsoid(math.cos(a) * r * 0.75, math.sin(a) * r * 0.75, h - r + r * 0.35 * math.sin(k), r * 0.35, r * 0.35,
                            r * 0.3, 8, 4))
        b.add("meridian", BRASS, transform(torus(0, 0, 0, r * 1.04, 0.004, 32, 4), rot_x=90, move=(0, 0, h - r)))
        return
    m = frame_mat(b, mat("bronze", "#8c6a3f", 0.9, 0.4)) if not b.style.has("marble", "white", "stone") else (b.style.stone or
                                                                                                             mat("marble", "#ecebe6", roughness=0.2))
    plinth_h = h * (0.15 if b.category == "sculpture" else 0.35)
    b.add("plinth", mat("plinth", "#2a2b2d", roughness=0.5) if b.category == "sculpture" else mat("plinth", "#f0efeb", roughness=0.4),
          box(-w / 2, -d / 2, 0, w / 2, d / 2, plinth_h))
    rng = b.rng
    z = plinth_h
    r = min(w, d) * 0.4
    for k in range(3):
        seg = (h - plinth_h) / 3
        b.add("form", m, ellipsoid(float(rng.uniform(-0.2, 0.2)) * r, float(rng.uniform(-0.2, 0.2)) * r, z + seg / 2,
                                   r * float(rng.uniform(0.5, 1.0)), r * float(rng.uniform(0.5, 1.0)), seg * 0.6, 14, 6))
        z += seg
    b.add("form", m, ellipsoid(0, 0, h - (h - plinth_h) * 0.12, r * 0.4, r * 0.4, (h - plinth_h) * 0.12, 12, 6))


@register("easel")
def easel(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    wood = frame_mat(b, b.wood("pine"))
    for sx in (-1, 1):
        b.add("legs", wood, rod((sx * w * 0.42, d * 0.3, 0), (sx * w * 0.05, d * 0.1, h), 0.015, 6))
    b.add("legs", wood, rod((0, -d / 2 + 0.02, 0), (0, d * 0.05, h * 0.9), 0.015, 6))
    b.box("ledge", wood, -w * 0.4, d * 0.15, h * 0.4, w * 0.4, d / 2, h * 0.42)
    b.add("canvas", mat("canvas", "#f2ecdf", roughness=0.9), transform(box(-w * 0.3, 0, 0, w * 0.3, 0.02, h * 0.4), rot_x=-8,
                                                                       move=(0, d * 0.3, h * 0.42)))
    b.add("paint", b.pick(ART_PALETTE, 0.8, "paint"), transform(box(-w * 0.2, 0.02, h * 0.1, w * 0.15, 0.022, h * 0.3), rot_x=-8,
                                                                move=(0, d * 0.3, h * 0.42)))


@register_family("decor")
def decor_family(b: Builder) -> None:
    sculpture(b)


__all__ = ["painting", "mirror", "boards", "clocks"]
