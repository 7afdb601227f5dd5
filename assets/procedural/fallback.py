"""The builder of last resort: something better than a box, shaped by the catalog's placement.

- floor: a plinth, a body with a front panel and a top board (a generic cabinet-like piece);
- wall: a framed panel;
- ceiling: a canopy, a rod and a rounded body;
- surface (or unknown): a rounded block with a lid.
"""

from __future__ import annotations

from ..meshes import register_fallback
from .common import panel_frame
from .core import CHROME, Builder, cylinder, prism, rounded_rect


@register_fallback
def generic(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.primary("body")
    body = b.body("#b9b2a7", "generic")
    trim = body.tinted(0.7, "trim")
    placement = b.cat.placement if b.cat is not None else ("floor" if h > 0.3 else "surface")
    if placement == "wall":
        border = min(0.04, w * 0.1, h * 0.1)
        panel_frame(b, trim, body, -w / 2, w / 2, 0, h, -d / 2, d / 2, border, "panel", "frame", inset=0.3)
        return
    if placement == "ceiling":
        r = min(w, d) / 2
        b.add("canopy", trim, cylinder(0, 0, h - min(0.03, h * 0.1), h, r * 0.4, 16))
        b.add("rod", CHROME, cylinder(0, 0, h * 0.5, h - min(0.03, h * 0.1), min(0.01, r * 0.1), 8))
        b.add("body", body, prism(rounded_rect(w, d, min(w, d) * 0.25, 4), 0, h * 0.5))
        return
    if placement == "floor":
        plinth = min(0.06, h * 0.1)
        top = min(0.03, h * 0.08)
        b.add("plinth", trim, prism(rounded_rect(w * 0.94, d * 0.94, 0.01), 0, plinth))
        b.add("body", body, prism(rounded_rect(w * 0.98, d * 0.98, 0.01), plinth, h - top))
        b.add("top", trim, prism(rounded_rect(w, d, 0.015), h - top, h))
        b.box("front_panel", body.tinted(1.1, "front_panel"), -w * 0.4, d * 0.49, plinth + (h - plinth) * 0.15, w * 0.4,
              d / 2, h - top - (h - plinth) * 0.15)
        return
    lid = min(0.02, h * 0.2)
    b.add("body", body, prism(rounded_rect(w, d, min(w, d) * 0.15, 4), 0, h - lid))
    b.add("lid", trim, prism(rounded_rect(w, d, min(w, d) * 0.15, 4), h - lid, h))


__all__ = ["generic"]
