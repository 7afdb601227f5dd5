"""The toolkit every procedural family builds with: materials, description styles, raw
primitives and the :class:`Builder` that collects named, coloured parts.

Frame: the object's own, in metres: x its right, y its front, z up, base at z = 0, centred
in x/y. A builder works at the real size it is given and adds parts; :meth:`Builder.parts`
merges the parts that share a name and a material, then scales the whole so its bounding box
is exactly ``(w, d, h)`` (the builders already aim at it, so the correction is tiny).

Primitives are plain numpy ``(vertices, faces)`` pairs with outward winding: building a
trimesh object per leg would cost more than the whole chair.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import trimesh

if TYPE_CHECKING:  # pragma: no cover
    from assets.catalog import Category

Geo = tuple[np.ndarray, np.ndarray]
Vec3 = tuple[float, float, float]


# --------------------------------------------------------------------------- materials


@dataclass(frozen=True)
class Material:
    """A PBR finish: ``rgba`` is sRGB in 0..1 (what a person picks), alpha < 1 is see-through."""

    name: str
    rgba: tuple[float, float, float, float]
    metallic: float = 0.0
    roughness: float = 0.7

    def tinted(self, factor: float, name: str | None = None) -> "Material":
        """The same finish, lighter (factor > 1) or darker (< 1)."""
        r, g, b, a = self.rgba
        rgb = tuple(min(1.0, max(0.0, c * factor)) for c in (r, g, b))
        return Material(name or f"{self.name}_{'light' if factor > 1 else 'dark'}", (*rgb, a),
                        self.metallic, self.roughness)


def _hex(code: str) -> tuple[float, float, float]:
    code = code.lstrip("#")
    return tuple(int(code[i:i + 2], 16) / 255.0 for i in (0, 2, 4))  # type: ignore[return-value]


def mat(name: str, colour: str, metallic: float = 0.0, roughness: float = 0.7, alpha: float = 1.0) -> Material:
    """A material from a hex colour."""
    return Material(name, (*_hex(colour), alpha), metallic, roughness)


WOODS: dict[str, Material] = {
    "oak": mat("oak", "#c49a6c", roughness=0.65), "walnut": mat("walnut", "#6b4a33", roughness=0.6),
    "pine": mat("pine", "#dcb67f", roughness=0.7), "birch": mat("birch", "#e2c9a0", roughness=0.65),
    "maple": mat("maple", "#d9b98c", roughness=0.6), "cherry": mat("cherry", "#9a5536", roughness=0.55),
    "mahogany": mat("mahogany", "#6e2f22", roughness=0.5), "teak": mat("teak", "#a8753f", roughness=0.6),
    "ash": mat("ash", "#d4c2a2", roughness=0.65), "beech": mat("beech", "#d8ac7c", roughness=0.65),
    "bamboo": mat("bamboo", "#d9c27c", roughness=0.6), "ebony": mat("ebony", "#2b211c", roughness=0.45),
    "wood": mat("wood", "#b0835a", roughness=0.65), "wooden": mat("wood", "#b0835a", roughness=0.65),
    "rosewood": mat("rosewood", "#65322a", roughness=0.5), "acacia": mat("acacia", "#9c6b3f", roughness=0.6),
}
COLOURS: dict[str, str] = {
    "white": "#f0efeb", "black": "#1e1e1f", "grey": "#8d8f91", "gray": "#8d8f91", "charcoal": "#3d3f42",
    "silver": "#c4c6c8", "red": "#b23a35", "burgundy": "#6e1f2a", "maroon": "#6a1e24", "blue": "#3f64a8",
    "navy": "#1f2f55", "green": "#4f7b4a", "sage": "#9aab8c", "olive": "#6d7044", "emerald": "#1f6e4f",
    "yellow": "#e0be3c", "mustard": "#c9a03a", "orange": "#d9772f", "terracotta": "#b9643f",
    "pink": "#e3a1ad", "blush": "#e4b7b3", "purple": "#6e4b8c", "lilac": "#b8a3cf", "brown": "#6f4e37",
    "tan": "#c1a07a", "beige": "#d8c8aa", "cream": "#eee3c9", "ivory": "#f1ebd8", "teal": "#2f7b7b",
    "turquoise": "#3fb0aa", "gold": "#c9a646", "golden": "#c9a646", "copper": "#b87340",
    "mint": "#a8d8bf", "coral": "#e0785f", "natural": "#d9c4a0", "khaki": "#b5a77d",
}
METALS: dict[str, Material] = {
    "metal": mat("steel", "#a9acaf", 1.0, 0.35), "steel": mat("steel", "#a9acaf", 1.0, 0.35),
    "stainless": mat("stainless", "#c2c5c7", 1.0, 0.3), "aluminium": mat("aluminium", "#cfd2d4", 1.0, 0.35),
    "aluminum": mat("aluminium", "#cfd2d4", 1.0, 0.35), "chrome": mat("chrome", "#e4e6e8", 1.0, 0.1),
    "iron": mat("iron", "#2e2f31", 0.9, 0.55), "brass": mat("brass", "#c8a453", 1.0, 0.3),
    "copper": mat("copper", "#b87340", 1.0, 0.3), "gold": mat("gold", "#d4af37", 1.0, 0.25),
    "metallic": mat("steel", "#a9acaf", 1.0, 0.35), "silver": mat("silver", "#c9cbcd", 1.0, 0.25),
}
STONES: dict[str, Material] = {
    "marble": mat("marble", "#ecebe6", roughness=0.2), "granite": mat("granite", "#6f6b68", roughness=0.3),
    "stone": mat("stone", "#a59f96", roughness=0.8), "concrete": mat("concrete", "#a3a29e", roughness=0.9),
    "terrazzo": mat("terrazzo", "#ddd6cc", roughness=0.4), "quartz": mat("quartz", "#efeeea", roughness=0.25),
}
FABRIC_WORDS = ("velvet", "linen", "wool", "woolen", "cotton", "boucle", "suede", "tweed", "chenille", "fabric",
                "upholstered", "corduroy")

# fixed finishes the families share
STEEL = METALS["steel"]
CHROME = METALS["chrome"]
BLACK_METAL = mat("black_metal", "#2a2b2d", 0.8, 0.45)
WHITE_METAL = mat("white_enamel", "#eeeeec", 0.1, 0.35)
PLASTIC_WHITE = mat("white_plastic", "#ecebe8", roughness=0.45)
PLASTIC_BLACK = mat("black_plastic", "#232325", roughness=0.45)
PLASTIC_GREY = mat("grey_plastic", "#8e9093", roughness=0.5)
RUBBER = mat("rubber", "#1c1c1c", roughness=0.9)
CERAMIC = mat("ceramic", "#f6f6f3", roughness=0.15)
GLASS = mat("glass", "#bfdbe6", roughness=0.05, alpha=0.35)
MIRROR = mat("mirror", "#d7e0e6", 1.0, 0.03)
SCREEN = mat("screen", "#101216", 0.2, 0.12)
LIGHT = mat("light", "#fff4d6", roughness=0.3)   # lamp shades, bulbs, lit panels
PAPER = mat("paper", "#f5f3ec", roughness=0.9)
LEAF = mat("leaf", "#4c7f3b", roughness=0.8)
LEAF_DARK = mat("leaf_dark", "#2f5e2c", roughness=0.8)
SOIL = mat("soil", "#4a3526", roughness=1.0)
TERRACOTTA = mat("terracotta", "#b9643f", roughness=0.85)
BARK = mat("bark", "#5d4330", roughness=0.95)
FELT = mat("felt", "#1f6e43", roughness=0.95)
MATTRESS = mat("mattress", "#f2efe8", roughness=0.95)
LINEN_WHITE = mat("bedding", "#f4f2ee", roughness=0.95)
CUSHION_PALETTE = ("#b85c4a", "#d9b44a", "#5d7c99", "#7b9a6b", "#c7c1b6", "#8c5e7e", "#3f5f5a")
BOOK_PALETTE = ("#8c2f2f", "#2f4f7f", "#2f6b4f", "#c9a13d", "#5e3c6e", "#d8d2c4", "#3b3b3b", "#b4643c")
ART_PALETTE = ("#d9a441", "#3f6fa8", "#c0533f", "#6a9a7b", "#2b3a4f", "#e6d5b8", "#8a4f7d", "#f0c9a0")


def srgb_to_linear(c: np.ndarray) -> np.ndarray:
    """sRGB 0..1 to linear 0..1 (glTF colours are linear)."""
    c = np.asarray(c, dtype=float)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


# --------------------------------------------------------------------------- styles


SHAPES = {"round": "round", "circular": "round", "oval": "oval", "elliptical": "oval", "square": "square",
          "rectangular": "rect", "hexagonal": "hex", "octagonal": "oct"}
PHRASES = {  # multi-word or hyphenated phrases -> one flag word
    "l shaped": "l_shaped", "l shape": "l_shaped", "corner": "l_shaped", "u shaped": "u_shaped",
    "four poster": "canopy", "4 poster": "canopy", "glass door": "glass_door", "glass doors": "glass_door",
    "glass fronted": "glass_door", "glass front": "glass_door", "wing back": "wingback",
    "mid century": "midcentury", "stainless steel": "stainless", "faux leather": "leather",
    "two seat": "seats_2", "2 seat": "seats_2", "two seater": "seats_2", "2 seater": "seats_2",
    "three seat": "seats_3", "3 seat": "seats_3", "three seater": "seats_3", "3 seater": "seats_3",
    "four seat": "seats_4", "4 seat": "seats_4", "four seater": "seats_4", "4 seater": "seats_4",
    "two door": "doors_2", "2 door": "doors_2", "three door": "doors_3", "3 door": "doors_3",
    "single door": "doors_1", "one door": "doors_1", "french door": "doors_2",
    "side by side": "side_by_side", "top loading": "top_loader", "front loading": "front_loader",
    "flat screen": "flat", "no arms": "armless", "without arms": "armless", "with arms": "arms",
}


def words_of(text: str | None) -> list[str]:
    """Lowercase words of a description; hyphens and punctuation split words."""
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower().replace("'", "")).split()


@dataclass
class Style:
    """What a description asks for: a shape, finishes, a colour and flag words.

    ``colour`` is the first colour word ("dark"/"light" before it shade it); it applies to the
    object's primary finish (a sofa's fabric, a cabinet's body). Wood species, metals, stones,
    glass and leather apply to the parts made of such things.
    """

    words: frozenset[str] = frozenset()
    shape: str | None = None
    colour: tuple[str, tuple[float, float, float]] | None = None
    wood: Material | None = None
    metal: Material | None = None
    stone: Material | None = None
    glass: bool = False
    leather: bool = False
    fabric: str | None = None
    flags: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, description: str | None) -> "Style":
        words = words_of(description)
        text = " ".join(words)
        flags = set()
        for phrase, flag in PHRASES.items():
            if re.search(rf"\b{re.escape(phrase)}\b", text):
                flags.add(flag)
        shape = None
        colour = None
        wood = metal = stone = None
        fabric = None
        for i, w in enumerate(words):
            if shape is None and w in SHAPES:
                shape = SHAPES[w]
            if w in ("l", "u") and i + 1 < len(words) and words[i + 1] in ("shaped", "shape"):
                flags.add(f"{w}_shaped")
            if colour is None and w in COLOURS and not (w in METALS and i + 1 < len(words)
                                                         and words[i + 1] in ("frame", "legs", "base")):
                rgb = _hex(COLOURS[w])
                prev = words[i - 1] if i else ""
                if prev == "dark":
                    rgb = tuple(c * 0.6 for c in rgb)
                elif prev in ("light", "pale"):
                    rgb = tuple(c + (1 - c) * 0.45 for c in rgb)
                colour = (w, rgb)
            if wood is None and w in WOODS:
                wood = WOODS[w]
            if metal is None and w in METALS and w not in ("gold", "silver", "copper"):
                metal = METALS[w]
            if metal is None and w in ("gold", "silver", "copper", "golden") and i + 1 < len(words) \
                    and words[i + 1] in ("frame", "legs", "base", "metal", "finish"):
                metal = METALS["gold" if w == "golden" else w]
            if stone is None and w in STONES:
                stone = STONES[w]
            if fabric is None and w in FABRIC_WORDS:
                fabric = w
        if "stainless" in flags:
            metal = METALS["stainless"]
        glass = "glass" in words or "glass_door" in flags
        leather = "leather" in words or "leatherette" in words
        for w in words:
            flags.add(w)
        if "l_shaped" in flags:
            shape = shape or "l"
        return cls(words=frozenset(words), shape=shape, colour=colour, wood=wood, metal=metal, stone=stone,
                   glass=glass, leather=leather, fabric=fabric, flags=frozenset(flags))

    def has(self, *words: str) -> bool:
        """Whether any of ``words`` (or phrase flags such as ``l_shaped``) is in the description."""
        return any(w in self.flags for w in words)

    def number(self, prefix: str, default: int) -> int:
        """A count asked for by a phrase flag such as ``seats_3`` / ``doors_2``."""
        for n in range(1, 10):
            if f"{prefix}_{n}" in self.flags:
                return n
        return default

    def slug(self) -> str:
        """The finish words that changed materials, joined by ``_`` (empty for the defaults)."""
        out = []
        if self.colour:
            out.append(self.colour[0])
        for m in (self.wood, self.metal, self.stone):
            if m is not None:
                out.append(m.name)
        if self.glass:
            out.append("glass")
        if self.leather:
            out.append("leather")
        elif self.fabric:
            out.append(self.fabric)
        return "_".join(dict.fromkeys(out))


# --------------------------------------------------------------------------- primitives

_BOX_FACES = np.array([[0, 2, 1], [0, 3, 2], [4, 5, 6], [4, 6, 7], [0, 1, 5], [0, 5, 4],
                       [1, 2, 6], [1, 6, 5], [2, 3, 7], [2, 7, 6], [3, 0, 4], [3, 4, 7]], dtype=np.int64)


def box(x0: float, y0: float, z0: float, x1: float, y1: float, z1: float) -> Geo:
    """An axis-aligned box between two corners (given in any order)."""
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    z0, z1 = min(z0, z1), max(z0, z1)
    v = np.array([[x0, y0, z0], [x1, y0, z0], [x1, y1, z0], [x0, y1, z0],
                  [x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1]], dtype=float)
    return v, _BOX_FACES.copy()


def cbox(cx: float, cy: float, z0: float, w: float, d: float, h: float) -> Geo:
    """A box ``w x d x h`` standing at ``z0``, centred on ``(cx, cy)``."""
    return box(cx - w / 2, cy - d / 2, z0, cx + w / 2, cy + d / 2, z0 + h)


def lathe(profile: list[tuple[float, float]], n: int = 24, centre: tuple[float, float] = (0.0, 0.0),
          scale: tuple[float, float] = (1.0, 1.0), start: float = 0.0) -> Geo:
    """A solid of revolution about a vertical axis through ``centre``.

    ``profile`` is ``(radius, z)`` points from the bottom, going up the outside (and, for a cup,
    down the inside); a radius of 0 is a pole. ``scale`` stretches x and y (ovals). Faces point
    away from the solid when the profile runs counter-clockwise in the (r, z) half plane.
    """
    angles = start + np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    ca, sa = np.cos(angles) * scale[0], np.sin(angles) * scale[1]
    verts: list[np.ndarray] = []
    rings: list[tuple[int, bool]] = []  # (first vertex, is pole)
    count = 0
    for r, z in profile:
        if r <= 1e-12:
            verts.append(np.array([[centre[0], centre[1], z]]))
            rings.append((count, True))
            count += 1
        else:
            ring = np.column_stack([centre[0] + r * ca, centre[1] + r * sa, np.full(n, z)])
            verts.append(ring)
            rings.append((count, False))
            count += n
    faces: list[np.ndarray] = []
    j = np.arange(n)
    k = (j + 1) % n
    for (a, pa), (b, pb) in zip(rings, rings[1:]):
        if pa and pb:
            continue
        if pa:
            faces.append(np.column_stack([np.full(n, a), b + k, b + j]))
        elif pb:
            faces.append(np.column_stack([a + j, a + k, np.full(n, b)]))
        else:
            faces.append(np.column_stack([a + j, a + k, b + k]))
            faces.append(np.column_stack([a + j, b + k, b + j]))
    return np.vstack(verts), np.vstack(faces).astype(np.int64)


def cylinder(cx: float, cy: float, z0: float, z1: float, r: float, n: int = 20, r_top: float | None = None,
             scale: tuple[float, float] = (1.0, 1.0)) -> Geo:
    """A vertical (truncated-cone) cylinder."""
    rt = r if r_top is None else r_top
    prof = [(0.0, z0), (r, z0), (rt, z1), (0.0, z1)] if rt > 0 else [(0.0, z0), (r, z0), (0.0, z1)]
    return lathe(prof, n, (cx, cy), scale)


def _frame(direction: np.ndarray) -> np.ndarray:
    """A rotation whose third column is ``direction`` (unit)."""
    z = direction / np.linalg.norm(direction)
    helper = np.array([1.0, 0.0, 0.0]) if abs(z[0]) < 0.9 else np.array([0.0, 1.0, 0.0])
    x = np.cross(helper, z)
    x /= np.linalg.norm(x)
    y = np.cross(z, x)
    return np.column_stack([x, y, z])


def rod(p0: Vec3, p1: Vec3, r: float, n: int = 12, r1: float | None = None) -> Geo:
    """A cylinder (or cone) from point ``p0`` to ``p1``, any direction."""
    a, b = np.asarray(p0, float), np.asarray(p1, float)
    length = float(np.linalg.norm(b - a))
    v, f = cylinder(0.0, 0.0, 0.0, length, r, n, r1)
    return v @ _frame(b - a).T + a, f


def ellipsoid(cx: float, cy: float, cz: float, rx: float, ry: float, rz: float, n: int = 16, rings: int = 8,
              cut: float = -1.0) -> Geo:
    """An ellipsoid; ``cut`` in -1..1 slices it flat below ``cz + cut * rz`` (a dome with -1 < cut)."""
    t = np.linspace(max(-1.0, cut), 1.0, rings + 1)
    prof = [(float(math.sqrt(max(0.0, 1 - u * u))), float(cz + u * rz)) for u in t]
    if cut > -1.0:
        prof = [(0.0, prof[0][1])] + prof
    prof[-1] = (0.0, prof[-1][1])
    return lathe(prof, n, (cx, cy), (rx, ry))


def prism(points: np.ndarray | list, z0: float, z1: float) -> Geo:
    """A vertical prism over a convex polygon given counter-clockwise (seen from above)."""
    p = np.asarray(points, float)
    n = len(p)
    c = p.mean(axis=0)
    bottom = np.column_stack([p, np.full(n, z0)])
    top = np.column_stack([p, np.full(n, z1)])
    v = np.vstack([bottom, top, [[c[0], c[1], z0], [c[0], c[1], z1]]])
    j = np.arange(n)
    k = (j + 1) % n
    cb, ct = 2 * n, 2 * n + 1
    faces = np.vstack([
        np.column_stack([np.full(n, cb), k, j]),
        np.column_stack([np.full(n, ct), n + j, n + k]),
        np.column_stack([j, k, n + k]),
        np.column_stack([j, n + k, n + j]),
    ])
    return v, faces.astype(np.int64)


def rounded_rect(w: float, d: float, r: float, n: int = 4, cx: float = 0.0, cy: float = 0.0) -> np.ndarray:
    """Corner points (counter-clockwise) of a ``w x d`` rectangle with corners rounded by ``r``."""
    r = max(0.0, min(r, w / 2 - 1e-4, d / 2 - 1e-4))
    if r <= 1e-4:
        return np.array([[cx - w / 2, cy - d / 2], [cx + w / 2, cy - d / 2], [cx + w / 2, cy + d / 2],
                         [cx - w / 2, cy + d / 2]])
    pts = []
    for (sx, sy, a0) in ((1, -1, -90), (1, 1, 0), (-1, 1, 90), (-1, -1, 180)):
        ox, oy = cx + sx * (w / 2 - r), cy + sy * (d / 2 - r)
        for i in range(n + 1):
            a = math.radians(a0 + 90 * i / n)
            pts.append((ox + r * math.cos(a), oy + r * math.sin(a)))
    return np.array(pts)


def ellipse(w: float, d: float, n: int = 32, cx: float = 0.0, cy: float = 0.0) -> np.ndarray:
    a = np.linspace(0, 2 * math.pi, n, endpoint=False)
    return np.column_stack([cx + w / 2 * np.cos(a), cy + d / 2 * np.sin(a)])


def torus(cx: float, cy: float, cz: float, R: float, r: float, n: int = 24, m: int = 8,
          scale: tuple[float, float] = (1.0, 1.0), axis: str = "z") -> Geo:
    """A ring: major radius ``R`` about a vertical axis (or ``axis="y"``: facing front), tube ``r``."""
    u = np.linspace(0, 2 * math.pi, n, endpoint=False)
    v = np.linspace(0, 2 * math.pi, m, endpoint=False)
    uu, vv = np.meshgrid(u, v, indexing="ij")
    rad = R + r * np.cos(vv)
    x = rad * np.cos(uu) * scale[0]
    y = rad * np.sin(uu) * scale[1]
    z = r * np.sin(vv)
    pts = np.column_stack([x.ravel(), y.ravel(), z.ravel()])
    if axis == "y":
        pts = pts[:, [0, 2, 1]] * np.array([1.0, -1.0, 1.0])
    pts += np.array([cx, cy, cz])
    i, j = np.meshgrid(np.arange(n), np.arange(m), indexing="ij")
    a = i * m + j
    b = ((i + 1) % n) * m + j
    c = ((i + 1) % n) * m + (j + 1) % m
    d = i * m + (j + 1) % m
    faces = np.vstack([np.column_stack([a.ravel(), b.ravel(), c.ravel()]),
                       np.column_stack([a.ravel(), c.ravel(), d.ravel()])])
    return pts, faces.astype(np.int64)


def transform(geo: Geo, rot_x: float = 0.0, rot_y: float = 0.0, rot_z: float = 0.0,
              about: Vec3 = (0.0, 0.0, 0.0), move: Vec3 = (0.0, 0.0, 0.0)) -> Geo:
    """Rotate (degrees, about x, then y, then z, around ``about``) and then move."""
    v, f = geo
    rx, ry, rz = (math.radians(a) for a in (rot_x, rot_y, rot_z))
    mx = np.array([[1, 0, 0], [0, math.cos(rx), -math.sin(rx)], [0, math.sin(rx), math.cos(rx)]])
    my = np.array([[math.cos(ry), 0, math.sin(ry)], [0, 1, 0], [-math.sin(ry), 0, math.cos(ry)]])
    mz = np.array([[math.cos(rz), -math.sin(rz), 0], [math.sin(rz), math.cos(rz), 0], [0, 0, 1]])
    m = mz @ my @ mx
    o = np.asarray(about, float)
    return (v - o) @ m.T + o + np.asarray(move, float), f


def swap_yz(geo: Geo) -> Geo:
    """Turn a shape built standing up (axis z) to lie along y (its top faces the front, +y)."""
    v, f = geo
    return v[:, [0, 2, 1]], f[:, ::-1].copy()


def swap_xz(geo: Geo) -> Geo:
    """Turn a shape built standing up (axis z) to lie along x."""
    v, f = geo
    return v[:, [2, 1, 0]], f[:, ::-1].copy()


def merge(*geos: Geo) -> Geo:
    vs, fs, off = [], [], 0
    for v, f in geos:
        vs.append(v)
        fs.append(f + off)
        off += len(v)
    return np.vstack(vs), np.vstack(fs)


# --------------------------------------------------------------------------- parts


@dataclass(frozen=True)
class Part:
    """One named part of an object: its mesh (object frame) and its PBR finish (sRGB colour)."""

    name: str
    mesh: trimesh.Trimesh
    rgba: tuple[float, float, float, float]
    metallic: float
    roughness: float
    material: str = ""


@dataclass
class Builder:
    """Collects the parts of one object; passed to every family builder.

    ``size`` is the compiled ``(w, d, h)``; ``cat`` the catalog entry (None for a category the
    catalog lacks); ``style`` the parsed description; ``rng`` is seeded by the object's seed
    and category (use it for things that may differ between two objects of one kind: book
    colours, leaves, pictures; furniture finishes come from the description alone, so a pair
    of nightstands matches).
    """

    category: str
    size: Vec3
    style: Style
    seed: int = 0
    cat: "Category | None" = None
    _geos: dict[tuple[str, Material], list[Geo]] = field(default_factory=dict)
    _order: list[tuple[str, Material]] = field(default_factory=list)
    _primary: str | None = None

    def __post_init__(self) -> None:
        self.rng = np.random.default_rng([self.seed & 0xFFFFFFFF, zlib.crc32(self.category.encode())])

    # sizes ------------------------------------------------------------------------------
    @property
    def w(self) -> float:
        return float(self.size[0])

    @property
    def d(self) -> float:
        return float(self.size[1])

    @property
    def h(self) -> float:
        return float(self.size[2])

    def _scale_z(self) -> float:
        if self.cat is None or self.cat.size[2] <= 0:
            return 1.0
        return self.h / self.cat.size[2]

    def surface(self, name: str, default: float | None = None) -> float | None:
        """Height of a catalog surface scaled by ``h / default h`` (``default`` as a fraction of h)."""
        s = self.cat.surface(name) if self.cat is not None else None
        if s is not None and s.height is not None:
            return min(self.h, s.height * self._scale_z())
        return None if default is None else default * self.h

    def top(self, default: float = 1.0) -> float:
        """The ``top`` surface height (scaled); ``default * h`` when the catalog has none."""
        value = self.surface("top", default)
        assert value is not None
        return value

    def levels(self, default: list[float] | None = None) -> list[float]:
        """The ``shelf`` levels (tops of the boards), scaled; ``default`` fractions of h otherwise."""
        s = self.cat.surface("shelf") if self.cat is not None else None
        if s is not None and s.levels:
            return [min(self.h, z * self._scale_z()) for z in s.levels]
        return [f * self.h for f in (default or [])]

    # finishes ---------------------------------------------------------------------------
    def primary(self, role: str) -> None:
        """Declare which finish the description's colour word paints (``wood``, ``fabric``, ``body``...)."""
        self._primary = role

    def _coloured(self, role: str, base: Material, roughness: float | None = None) -> Material:
        if self.style.colour and self._primary == role:
            name, rgb = self.style.colour
            return Material(f"{base.name}_{name}", (*rgb, base.rgba[3]), base.metallic,
                            base.roughness if roughness is None else roughness)
        return base

    def wood(self, default: str = "oak") -> Material:
        """The wooden frame: a species from the description, painted with its colour when the
        frame is the primary finish, metal when the description says metal and no wood."""
        if self.style.wood is not None:
            return self.style.wood
        if self.style.metal is not None and self._primary != "wood":
            return self.style.metal
        if self.style.colour and self._primary == "wood":
            return self._coloured("wood", Material("painted", (0, 0, 0, 1), 0.0, 0.55))
        return WOODS.get(default) or self.colour_mat(default)

    def body(self, default: str = "#e8e4dc", name: str = "painted") -> Material:
        """A painted or laminated body (cabinets, appliances): the colour word, else wood if named."""
        if self.style.colour and self._primary == "body":
            return self._coloured("body", mat(name, default, roughness=0.5))
        if self.style.wood is not None:
            return self.style.wood
        if self.style.metal is not None:
            return self.style.metal
        return mat(name, default, roughness=0.5)

    def fabric(self, default: str = "#8a8f94") -> Material:
        """Upholstery: leather or a named fabric, in the description's colour (when primary)."""
        if self.style.leather:
            base = mat("leather", "#5a3a26", roughness=0.45)
        else:
            base = mat(self.style.fabric or "fabric", default, roughness=0.9)
        return self._coloured("fabric", base)

    def metal(self, default: Material = STEEL) -> Material:
        """Legs, rails and hardware: a named metal, else ``default``."""
        return self.style.metal or default

    def legs_mat(self, default_wood: str = "oak") -> Material:
        """Legs: metal when the description says so, otherwise the frame wood."""
        if self.style.metal is not None:
            return self.style.metal
        return self.wood(default_wood)

    def top_mat(self, default_wood: str = "oak") -> Material:
        """A worktop: glass, then stone, then wood."""
        if self.style.glass:
            return GLASS
        if self.style.stone is not None:
            return self.style.stone
        return self.wood(default_wood)

    def colour_mat(self, colour: str, roughness: float = 0.6, metallic: float = 0.0, name: str | None = None,
                   alpha: float = 1.0) -> Material:
        """A plain material from a colour word or ``#rrggbb``; the description's colour when primary is ``colour``."""
        code = COLOURS.get(colour, colour)
        return mat(name or colour.lstrip("#"), code, metallic, roughness, alpha)

    def accent(self, default: str) -> Material:
        """The primary finish of a simple object: the description's colour, else ``default``."""
        if self.style.colour:
            name, rgb = self.style.colour
            return Material(name, (*rgb, 1.0), 0.0, 0.5)
        return self.colour_mat(default)

    def pick(self, palette: tuple[str, ...], roughness: float = 0.7, name: str = "") -> Material:
        """A colour from ``palette`` chosen by the seed."""
        code = palette[int(self.rng.integers(len(palette)))]
        return mat(name or code.lstrip("#"), code, roughness=roughness)

    # parts ------------------------------------------------------------------------------
    def add(self, name: str, material: Material, *geos: Geo) -> None:
        key = (name, material)
        if key not in self._geos:
            self._geos[key] = []
            self._order.append(key)
        self._geos[key].extend(geos)

    def box(self, name: str, material: Material, x0: float, y0: float, z0: float, x1: float, y1: float,
            z1: float) -> None:
        self.add(name, material, box(x0, y0, z0, x1, y1, z1))

    def parts(self) -> list[Part]:
        """The parts, merged by (name, material), scaled to fill ``size`` exactly."""
        if not self._order:
            raise ValueError(f"builder for `{self.category}` added no parts")
        merged = [(key, merge(*self._geos[key])) for key in self._order]
        allv = np.vstack([g[0] for _, g in merged])
        lo, hi = allv.min(axis=0), allv.max(axis=0)
        ext = np.maximum(hi - lo, 1e-9)
        target = np.asarray(self.size, float)
        scale = target / ext
        offset = np.array([-(lo[0] + hi[0]) / 2 * scale[0], -(lo[1] + hi[1]) / 2 * scale[1], -lo[2] * scale[2]])
        names: dict[str, int] = {}
        out = []
        for (name, material), (v, f) in merged:
            names[name] = names.get(name, 0) + 1
            label = name if names[name] == 1 else f"{name}_{names[name]}"
            mesh = trimesh.Trimesh(vertices=v * scale + offset, faces=f, process=False, validate=False)
            out.append(Part(label, mesh, material.rgba, material.metallic, material.roughness, material.name))
        return out


__all__ = [
    "BARK", "BLACK_METAL", "BOOK_PALETTE", "Builder", "CERAMIC", "CHROME", "COLOURS", "FELT", "GLASS", "Geo",
    "LEAF", "LIGHT", "METALS", "MIRROR", "Material", "PAPER", "PLASTIC_BLACK", "PLASTIC_GREY", "PLASTIC_WHITE",
    "Part", "RUBBER", "SCREEN", "SOIL", "STEEL", "STONES", "Style", "TERRACOTTA", "WOODS", "box", "cbox",
    "cylinder", "ellipse", "ellipsoid", "lathe", "mat", "merge", "prism", "rod", "rounded_rect", "srgb_to_linear",
    "swap_xz", "swap_yz", "torus", "transform", "words_of",
]
