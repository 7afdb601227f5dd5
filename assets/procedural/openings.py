"""Doors and windows as catalog objects (wall items; the architecture's own openings are built
by :mod:`compiler.geometry`). The back faces the wall at y = -d/2."""

from __future__ import annotations

from ..meshes import register, register_family
from .common import knob_or_bar, panel_frame
from .core import CHROME, GLASS, Builder, mat


@register("door")
def door(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("wood")
    frame = mat("frame", "#f4f4f2", roughness=0.6)
    leaf = b.wood("oak") if not b.style.has("white") else mat("white_door", "#f0efeb", roughness=0.5)
    f = min(0.06, w * 0.08)
    b.box("frame", frame, -w / 2, -d / 2, 0, -w / 2 + f, d / 2, h)
    b.box("frame", frame, w / 2 - f, -d / 2, 0, w / 2, d / 2, h)
    b.box("frame", frame, -w / 2 + f, -d / 2, h - f, w / 2 - f, d / 2, h)
    b.box("leaf", leaf, -w / 2 + f, -0.02, 0, w / 2 - f, 0.02, h - f)
    if b.style.glass:
        b.box("glass", GLASS, -w * 0.25, 0.02, h * 0.45, w * 0.25, 0.021, h * 0.85)
    else:
        for z0, z1 in ((0.12, h * 0.45), (h * 0.52, h - f - 0.12)):
            b.box("panels", leaf.tinted(0.9, "panels"), -w / 2 + f + 0.08, 0.02, z0, w / 2 - f - 0.08, 0.026, z1)
    knob_or_bar(b, b.metal(CHROME), w / 2 - f - 0.07, h * 0.48, 0.02, 0.14, True)


@register("window")
def window(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("wood")
    frame = b.wood("#f4f4f2") if (b.style.wood or b.style.colour) else mat("frame", "#f4f4f2", roughness=0.6)
    f = min(0.06, w * 0.08, h * 0.08)
    panel_frame(b, frame, GLASS, -w / 2, w / 2, 0, h, -d / 2, d / 2, f, "glass", "frame", inset=0.45)
    b.box("mullion", frame, -0.02, -d * 0.1, f, 0.02, d * 0.1, h - f)
    b.box("transom", frame, -w / 2 + f, -d * 0.1, h * 0.62, w / 2 - f, d * 0.1, h * 0.62 + 0.04)
    b.box("sill", frame, -w / 2, -d / 2, 0, w / 2, d / 2, f * 0.6)


@register_family("door", "window")
def opening_family(b: Builder) -> None:
    door(b) if b.h > b.w * 1.5 else window(b)
