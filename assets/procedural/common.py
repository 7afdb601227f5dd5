"""Parametric pieces several families share: legs, carcasses, drawers and doors, handles, shelves."""

from __future__ import annotations

from .core import (BLACK_METAL, CHROME, GLASS, Builder, Material, box, cbox, cylinder, ellipse, mat, prism,
                   rod, rounded_rect)


def clamp(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


def legs4(b: Builder, material: Material, x: float, y: float, z0: float, z1: float, thick: float,
          round_legs: bool = False, taper: float = 1.0, name: str = "legs", y_back: float | None = None) -> None:
    """Four legs centred at ``(+-x, +-y)`` (``y_back`` for the back pair), from ``z0`` up to ``z1``."""
    yb = -y if y_back is None else y_back
    for cx, cy in ((-x, y), (x, y), (-x, yb), (x, yb)):
        if round_legs or taper != 1.0:
            b.add(name, material, cylinder(cx, cy, z0, z1, thick / 2 * taper, 12, thick / 2))
        else:
            b.add(name, material, cbox(cx, cy, z0, thick, thick, z1 - z0))


def knob_or_bar(b: Builder, material: Material, cx: float, z: float, y: float, width: float, bar: bool = True,
                vertical: bool = False, name: str = "handles") -> None:
    """A handle on a front at ``y`` (sticking out toward +y by about 2.5 cm)."""
    depth = 0.022
    if bar:
        if vertical:
            length = clamp(width, 0.06, 0.6)
            b.add(name, material, box(cx - 0.006, y, z - length / 2, cx + 0.006, y + depth, z + length / 2))
        else:
            length = clamp(width * 0.4, 0.05, 0.3)
            b.add(name, material, box(cx - length / 2, y, z - 0.006, cx + length / 2, y + depth, z + 0.006))
    else:
        b.add(name, material, cylinder(cx, y + depth / 2, z - 0.012, z + 0.012, 0.012, 10))


def drawer(b: Builder, front: Material, handle: Material, x0: float, x1: float, z0: float, z1: float,
           y: float, gap: float = 0.004, thick: float = 0.018, bar: bool = True) -> None:
    """A drawer front (part ``drawers``) with a handle centred near its top third."""
    b.box("drawers", front, x0 + gap, y - thick, z0 + gap, x1 - gap, y, z1 - gap)
    knob_or_bar(b, handle, (x0 + x1) / 2, z1 - min(0.06, (z1 - z0) * 0.4), y, x1 - x0, bar)


def door(b: Builder, front: Material, handle: Material, x0: float, x1: float, z0: float, z1: float, y: float,
         hinge: str = "left", glass: bool = False, gap: float = 0.004, thick: float = 0.018,
         handle_z: float | None = None, name: str = "doors") -> None:
    """A door (part ``doors``): solid, or a frame with a glass pane; handle on the side away from the hinge."""
    x0, x1, z0, z1 = x0 + gap, x1 - gap, z0 + gap, z1 - gap
    if glass:
        f = clamp(min(x1 - x0, z1 - z0) * 0.12, 0.02, 0.06)
        b.box(name, front, x0, y - thick, z0, x0 + f, y, z1)
        b.box(name, front, x1 - f, y - thick, z0, x1, y, z1)
        b.box(name, front, x0 + f, y - thick, z0, x1 - f, y, z0 + f)
        b.box(name, front, x0 + f, y - thick, z1 - f, x1 - f, y, z1)
        b.box("glass", GLASS, x0 + f, y - thick * 0.7, z0 + f, x1 - f, y - thick * 0.3, z1 - f)
    else:
        b.box(name, front, x0, y - thick, z0, x1, y, z1)
    hx = x1 - 0.035 if hinge == "left" else x0 + 0.035
    hz = (z0 + z1) / 2 if handle_z is None else handle_z
    knob_or_bar(b, handle, hx, hz, y, min(0.25, (z1 - z0) * 0.3), True, vertical=True)


def carcass(b: Builder, body: Material, x0: float, x1: float, y0: float, y1: float, z0: float, z1: float,
            t: float = 0.018, back: bool = True, name: str = "body") -> None:
    """An open box: two sides, top, bottom and back (front at ``y1`` left open)."""
    b.box(name, body, x0, y0, z0, x0 + t, y1, z1)
    b.box(name, body, x1 - t, y0, z0, x1, y1, z1)
    b.box(name, body, x0 + t, y0, z1 - t, x1 - t, y1, z1)
    b.box(name, body, x0 + t, y0, z0, x1 - t, y1, z0 + t)
    if back:
        b.box(name, body, x0 + t, y0, z0 + t, x1 - t, y0 + t * 0.5, z1 - t)


def shelf_boards(b: Builder, material: Material, x0: float, x1: float, y0: float, y1: float,
                 levels: list[float], t: float = 0.018, name: str = "shelves") -> None:
    """Boards whose TOP faces are at ``levels`` (the heights the catalog offers to children)."""
    for z in levels:
        b.box(name, material, x0, y0, max(0.0, z - t), x1, y1, z)


def fronts(b: Builder, body: Material, front: Material, handle: Material, x0: float, x1: float,
           z0: float, z1: float, y: float, rows: list[tuple[float, str, int]], bar: bool = True) -> None:
    """Fill the front ``x0..x1 x z0..z1`` at ``y`` with rows (bottom first) of ``(weight, kind, count)``;
    kind is ``drawer``, ``door``, ``glass`` (glass door) or ``open`` (nothing)."""
    total = sum(r[0] for r in rows)
    z = z0
    for weight, kind, count in rows:
        top = z + (z1 - z0) * weight / total
        cw = (x1 - x0) / max(1, count)
        for i in range(count):
            a, c = x0 + i * cw, x0 + (i + 1) * cw
            if kind == "drawer":
                drawer(b, front, handle, a, c, z, top, y, bar=bar)
            elif kind in ("door", "glass"):
                hinge = "left" if (count == 1 or i % 2 == 0) else "right"
                door(b, front, handle, a, c, z, top, y, hinge=hinge, glass=kind == "glass")
        z = top


def cabinet(b: Builder, rows: list[tuple[float, str, int]], *, body: Material | None = None,
            front: Material | None = None, handle: Material | None = None, plinth: float = 0.06,
            legs: float = 0.0, top_board: Material | None = None, top_thick: float = 0.0,
            inset_back: float = 0.0, open_levels: list[float] | None = None, x_margin: float = 0.0,
            bar: bool = True) -> tuple[float, float]:
    """A standing cabinet filling the box: plinth or legs, carcass, fronts in ``rows`` and an
    optional thicker top board. Returns ``(z_bottom, z_top)`` of the front area."""
    w, d, h = b.w, b.d, b.h
    body = body or b.body()
    front = front or body
    handle = handle or b.metal(CHROME)
    t = clamp(min(w, d) * 0.04, 0.008, 0.02)
    y0, y1 = -d / 2 + inset_back, d / 2 - 0.02
    base = legs if legs > 0 else plinth
    low = [z for z in (open_levels or []) if z <= base + t + 1e-9]
    if low and legs <= 0:  # the bottom panel is the lowest shelf: its top at that level
        base = plinth = max(0.0, min(low) - t)
    if legs > 0:
        lw = clamp(min(w, d) * 0.07, 0.025, 0.05)
        legs4(b, b.legs_mat(), w / 2 - lw / 2 - x_margin, y1 - lw / 2 - 0.01, 0.0, legs, lw, taper=0.7,
              y_back=y0 + lw / 2 + 0.01)
    elif plinth > 0:
        b.box("plinth", body.tinted(0.75, "plinth"), -w / 2 + t + x_margin, y0 + 0.02, 0.0, w / 2 - t - x_margin,
              y1 - 0.03, plinth)
    carcass_top = h - top_thick
    carcass(b, body, -w / 2 + x_margin, w / 2 - x_margin, y0, y1, base, carcass_top, t)
    if top_board is not None and top_thick > 0:
        b.box("top", top_board, -w / 2, -d / 2, carcass_top, w / 2, d / 2, h)
    if open_levels:
        shelf_boards(b, body, -w / 2 + x_margin + t, w / 2 - x_margin - t, y0 + t, y1 - 0.005,
                     [z for z in open_levels if base + t + 1e-6 < z < carcass_top - t], t)
    if rows:
        fronts(b, body, front, handle, -w / 2 + x_margin + t * 0.2, w / 2 - x_margin - t * 0.2,
               base + t * 0.2, carcass_top - t * 0.2, d / 2, rows, bar)
    elif inset_back == 0:
        pass
    return base, carcass_top


def table_top(b: Builder, material: Material, z0: float, z1: float, shape: str | None, w: float | None = None,
              d: float | None = None, corner: float = 0.02, name: str = "top") -> None:
    """A table top filling ``w x d``: rectangle (slightly rounded), round/oval (ellipse) or square."""
    w = b.w if w is None else w
    d = b.d if d is None else d
    if shape in ("round", "oval"):
        b.add(name, material, prism(ellipse(w, d, 40), z0, z1))
    else:
        b.add(name, material, prism(rounded_rect(w, d, corner, 3), z0, z1))


def caster(b: Builder, x: float, y: float, r: float, material: Material = BLACK_METAL) -> None:
    """A small wheel standing on the floor at ``(x, y)``."""
    from .core import swap_xz

    v, f = swap_xz(cylinder(0.0, 0.0, -r * 0.45, r * 0.45, r, 12))
    v = v + [x, y, r]
    b.add("wheels", material, (v, f))


def star_base(b: Builder, z_top: float, radius: float, material: Material = BLACK_METAL, arms: int = 5,
              caster_r: float = 0.025) -> None:
    """An office-chair star base with casters, hub at the centre."""
    import math

    for i in range(arms):
        a = math.pi / 2 + 2 * math.pi * i / arms
        x, y = radius * math.cos(a), radius * math.sin(a)
        b.add("base", material, rod((0.0, 0.0, caster_r * 2 + 0.02), (x * 0.92, y * 0.92, caster_r * 2 + 0.005),
                                    0.018, 8))
        caster(b, x * 0.92, y * 0.92, caster_r)
    b.add("base", material, cylinder(0.0, 0.0, caster_r * 2, z_top, 0.03, 12, 0.025))


def panel_frame(b: Builder, frame: Material, inner: Material, x0: float, x1: float, z0: float, z1: float,
                y0: float, y1: float, border: float, inner_name: str = "panel", frame_name: str = "frame",
                inset: float = 0.3) -> None:
    """A picture-frame-like panel on a wall: four bars and an inner face slightly recessed."""
    b.box(frame_name, frame, x0, y0, z0, x0 + border, y1, z1)
    b.box(frame_name, frame, x1 - border, y0, z0, x1, y1, z1)
    b.box(frame_name, frame, x0 + border, y0, z0, x1 - border, y1, z0 + border)
    b.box(frame_name, frame, x0 + border, y0, z1 - border, x1 - border, y1, z1)
    b.box(inner_name, inner, x0 + border, y0, z0 + border, x1 - border, y1 - (y1 - y0) * inset, z1 - border)


def wood_or(b: Builder, default: str = "oak") -> Material:
    return b.wood(default)


WHITE = mat("white", "#f0efeb", roughness=0.5)
DARK = mat("dark", "#2a2a2c", roughness=0.5)
