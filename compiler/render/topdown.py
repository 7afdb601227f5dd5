"""The top-down plan: a deterministic PNG of a Scene drawn with matplotlib (Agg).

Walls are filled grey bands of their real thickness with gaps at the openings; doors get
their leaf and swing arc, windows a thin double line. Every object is its oriented
footprint, coloured by category family, with its id and an arrow out of its front.
Children are drawn over their parents, wall-mounted things against their wall, ceiling
things dashed. Diagnostics outline the objects involved in red with their codes.

The same Scene (and diagnostics) always gives byte-identical PNG files on one machine:
no dates, no software tag, a fixed DPI and a fixed drawing order.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure  # a bare Figure renders with Agg; pyplot's global state is never touched
from matplotlib.lines import Line2D
from matplotlib.patches import Arc, FancyArrow, Patch, PathPatch, Polygon as PolygonPatch
from matplotlib.path import Path as MplPath
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import unary_union

from ..scene import Opening, PlacedObject, Scene, box_footprint, front_vector, right_vector
from . import style

DPI = 100
MIN_SIZE_PX = 800
MARGIN_M = 0.7
SAVE_METADATA = {"Software": None}
MAX_NOTES = 8
NOTE_PX = 16
LEGEND_ROW_PX = 17
LEGEND_ROWS = 3
LEGEND_COLUMNS = 5


# --------------------------------------------------------------------------- geometry helpers


def _path_of(geom: Polygon | MultiPolygon) -> MplPath | None:
    """A matplotlib path for a (multi)polygon with holes (even-odd filling)."""
    polys = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for poly in polys:
        if poly.is_empty:
            continue
        for ring in (poly.exterior, *poly.interiors):
            coords = list(ring.coords)
            if len(coords) < 4:
                continue
            vertices.extend(coords)
            codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY])
    return MplPath(vertices, codes) if vertices else None


def _depths(scene: Scene) -> dict[str, int]:
    """How many parents each object stands on (0 = on the floor, a wall or the ceiling)."""
    by_id = {o.id: o for o in scene.objects}
    out: dict[str, int] = {}
    for obj in scene.objects:
        depth, seen, at = 0, {obj.id}, obj
        while at.parent and at.parent in by_id and at.parent not in seen:
            seen.add(at.parent)
            at = by_id[at.parent]
            depth += 1
        out[obj.id] = depth
    return out


def scene_bounds(scene: Scene) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of rooms (with their walls), openings and objects."""
    shapes = []
    for room in scene.rooms:
        t = room.walls[0].thickness if room.walls else scene.wall_thickness
        shapes.append(room.shape().buffer(t / 2, join_style="mitre"))
    shapes += [o.footprint() for o in scene.objects]
    shapes += [o.footprint() for o in scene.openings]
    shapes = [s for s in shapes if not s.is_empty]
    if not shapes:
        return (0.0, 0.0, 1.0, 1.0)
    xmin, ymin, xmax, ymax = unary_union(shapes).bounds
    if xmax - xmin < 1.0:
        xmin, xmax = (xmin + xmax) / 2 - 0.5, (xmin + xmax) / 2 + 0.5
    if ymax - ymin < 1.0:
        ymin, ymax = (ymin + ymax) / 2 - 0.5, (ymin + ymax) / 2 + 0.5
    return (xmin, ymin, xmax, ymax)


# --------------------------------------------------------------------------- the picture


class _Plan:
    """One drawing: a figure with the plan axes and a legend strip."""

    def __init__(self, scene: Scene, diagnostics: Sequence[Any], size_px: int) -> None:
        self.scene = scene
        self.diagnostics = list(diagnostics)
        self.size_px = max(int(size_px), MIN_SIZE_PX)
        xmin, ymin, xmax, ymax = scene_bounds(scene)
        self.xlim = (xmin - MARGIN_M, xmax + MARGIN_M)
        self.ylim = (ymin - MARGIN_M, ymax + MARGIN_M)
        data_w, data_h = self.xlim[1] - self.xlim[0], self.ylim[1] - self.ylim[0]
        width_px = self.size_px
        plan_h_px = round(width_px * min(max(data_h / data_w, 0.3), 1.6))
        n_notes = min(len(self.diagnostics), MAX_NOTES) + (len(self.diagnostics) > MAX_NOTES)
        self.title_px = 44
        self.legend_px = 20 + LEGEND_ROW_PX * LEGEND_ROWS + (10 + NOTE_PX * n_notes if n_notes else 0)
        height_px = self.title_px + plan_h_px + self.legend_px
        self.fig = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI, facecolor="white")
        fh = height_px
        self.ax = self.fig.add_axes((0.01, self.legend_px / fh, 0.98, plan_h_px / fh))
        self.ax.set_xlim(*self.xlim)
        self.ax.set_ylim(*self.ylim)
        self.ax.set_aspect("equal", adjustable="box", anchor="C")
        self.ax.set_axis_off()
        self.ppm = min(0.98 * width_px / data_w, plan_h_px / data_h)  # pixels per metre
        self.legend_ax = self.fig.add_axes((0.01, 0.0, 0.98, self.legend_px / fh))
        self.legend_ax.set_axis_off()
        self.title_y = 1.0 - (self.title_px / 2) / fh
        self.depth = _depths(scene)
        self.families: set[str] = set()

    # ------------------------------------------------------------ architecture

    def rooms(self) -> None:
        ax = self.ax
        for room in self.scene.rooms:
            inner = room.inner()
            path = _path_of(inner)
            if path is not None:
                ax.add_patch(PathPatch(path, facecolor=style.FLOOR, edgecolor=style.FLOOR_EDGE,
                                       linewidth=0.6, zorder=1))
            label = f"{room.id} ({room.type})" if room.type and room.type != room.id else room.id
            x0, y0, x1, y1 = inner.bounds if not inner.is_empty else room.shape().bounds
            anchor = (x0 + 0.08, y1 - 0.08)
            if inner.is_empty or not inner.contains(Point(anchor)):
                rp = (inner if not inner.is_empty else room.shape()).representative_point()
                anchor = (rp.x, rp.y)
            ax.text(anchor[0], anchor[1], label, fontsize=8, color="#7a6f5e", style="italic",
                    ha="left", va="top", zorder=8,
                    bbox=dict(boxstyle="round,pad=0.12", facecolor=style.FLOOR, edgecolor="none", alpha=0.8))

    def walls(self) -> None:
        bands = []
        for room in self.scene.rooms:
            t = room.walls[0].thickness if room.walls else self.scene.wall_thickness
            shape = room.shape()
            bands.append(shape.buffer(t / 2, join_style="mitre").difference(shape.buffer(-t / 2, join_style="mitre")))
        if not bands:
            return
        walls = unary_union(bands)
        holes = []
        for opening in self.scene.openings:
            # a little deeper than the wall so the gap goes right through
            holes.append(box_footprint(opening.position[:2], opening.width, opening.thickness * 1.6, opening.yaw_deg))
        if holes:
            walls = walls.difference(unary_union(holes))
        path = _path_of(walls)
        if path is not None:
            self.ax.add_patch(PathPatch(path, facecolor=style.WALL, edgecolor=style.WALL_EDGE,
                                        linewidth=0.5, zorder=3))

    def openings(self) -> None:
        for opening in self.scene.openings:
            if opening.kind == "door":
                self._door(opening)
            else:
                self._window(opening)

    def _door(self, door: Opening) -> None:
        ax = self.ax
        (cx, cy), w, t = door.position[:2], door.width, door.thickness
        (rx, ry), (fx, fy) = right_vector(door.yaw_deg), front_vector(door.yaw_deg)
        # hinge `left`: on the left as seen from inside the declaring room looking at the door
        h = 1.0 if door.hinge == "left" else -1.0
        s = 1.0 if door.swing == "in" else -1.0
        hx = cx + h * rx * w / 2 + s * fx * t / 2
        hy = cy + h * ry * w / 2 + s * fy * t / 2
        closed = math.degrees(math.atan2(-h * ry, -h * rx))
        opened = math.degrees(math.atan2(s * fy, s * fx))
        start, end = sorted((closed, opened))
        if end - start > 180:
            start, end = end, start + 360
        ax.add_patch(Arc((hx, hy), 2 * w, 2 * w, theta1=start, theta2=end, color=style.DOOR,
                         linewidth=0.9, linestyle=(0, (3, 2)), zorder=4))
        ax.plot([hx, hx + s * fx * w], [hy, hy + s * fy * w], color=style.DOOR, linewidth=2.0,
                solid_capstyle="butt", zorder=4)
        ax.text(cx - s * fx * (t / 2 + 0.12), cy - s * fy * (t / 2 + 0.12), door.id, fontsize=6.5,
                color=style.DOOR, ha="center", va="center", zorder=9, rotation=_text_angle(rx, ry))

    def _window(self, window: Opening) -> None:
        ax = self.ax
        poly = window.footprint()
        ax.add_patch(PolygonPatch(list(poly.exterior.coords), closed=True, facecolor="white",
                                  edgecolor=style.WINDOW, linewidth=0.8, zorder=4))
        (cx, cy), w, t = window.position[:2], window.width, window.thickness
        (rx, ry), (fx, fy) = right_vector(window.yaw_deg), front_vector(window.yaw_deg)
        for k in (-1.0, 1.0):
            ox, oy = fx * k * t / 6, fy * k * t / 6
            ax.plot([cx - rx * w / 2 + ox, cx + rx * w / 2 + ox], [cy - ry * w / 2 + oy, cy + ry * w / 2 + oy],
                    color=style.WINDOW, linewidth=1.0, zorder=4)
        ax.text(cx - fx * (t / 2 + 0.12), cy - fy * (t / 2 + 0.12), window.id, fontsize=6.5,
                color=style.WINDOW, ha="center", va="center", zorder=9, rotation=_text_angle(rx, ry))

    # ------------------------------------------------------------ objects

    def objects(self) -> None:
        def order(obj: PlacedObject) -> tuple:
            return (obj.surface == "ceiling", self.depth.get(obj.id, 0), not obj.ground,
                    round(obj.position[2], 6), obj.id)

        for obj in sorted(self.scene.objects, key=order):
            self._object(obj)

    def _object(self, obj: PlacedObject) -> None:
        ax = self.ax
        depth = self.depth.get(obj.id, 0)
        family = style.family_of(obj.category)
        self.families.add(family)
        fill = style.FAMILIES[family][1]
        z = 5 + 0.01 * depth
        corners = list(obj.footprint().exterior.coords)[:-1]
        if obj.surface == "ceiling":
            ax.add_patch(PolygonPatch(corners, closed=True, facecolor=style.lighter(fill, 0.6), alpha=0.35,
                                      edgecolor=style.darker(fill, 0.45), linewidth=1.0,
                                      linestyle=(0, (4, 2)), zorder=7))
            z = 7.0
        elif depth > 0:
            ax.add_patch(PolygonPatch(corners, closed=True, facecolor=style.lighter(fill, 0.25),
                                      edgecolor=style.lighter(style.darker(fill, 0.5), 0.45),
                                      linewidth=0.8, zorder=z))
        elif obj.surface == "wall":
            # see-through, so what stands below it on the floor stays visible
            ax.add_patch(PolygonPatch(corners, closed=True, facecolor=(*style.hex_rgb(fill), 0.35),
                                      edgecolor=style.darker(fill, 0.55), linewidth=1.4, zorder=6, hatch="////"))
            z = 6.0
        else:
            ax.add_patch(PolygonPatch(corners, closed=True, facecolor=fill, alpha=0.55 if obj.ground else 1.0,
                                      edgecolor=style.darker(fill, 0.55), linewidth=1.0, zorder=z))
        self._arrow_and_label(obj, depth, z)

    def _arrow_and_label(self, obj: PlacedObject, depth: int, z: float) -> None:
        ax = self.ax
        (cx, cy), (w, d) = obj.position[:2], obj.size[:2]
        (rx, ry), (fx, fy) = right_vector(obj.yaw_deg), front_vector(obj.yaw_deg)
        fill = style.family_colour(obj.category)
        edge = style.darker(fill, 0.6)
        small = min(w, d)
        if obj.surface == "wall":
            # along the wall: the arrow points into the room, the label stands in front
            length = 0.22
            ax.add_patch(FancyArrow(cx + fx * d / 2, cy + fy * d / 2, fx * length, fy * length, width=0.012,
                                    head_width=0.07, head_length=0.06, length_includes_head=True,
                                    color=edge, zorder=z + 0.001))
            self._label(obj.id, cx + fx * (d / 2 + length + 0.1), cy + fy * (d / 2 + length + 0.1), w + 0.4,
                        0.0, depth, z + 0.002, _text_angle(rx, ry), boxed=True)
            return
        length = max(min(d * 0.42, 0.5), 0.05)
        start = (cx + fx * d * 0.05, cy + fy * d * 0.05)
        ax.add_patch(FancyArrow(start[0], start[1], fx * length, fy * length,
                                width=max(0.004, min(0.02, small * 0.05)), head_width=max(0.02, min(0.12, small * 0.3)),
                                head_length=max(0.02, min(0.1, length * 0.4)), length_includes_head=True,
                                color=edge, alpha=0.8, zorder=z + 0.001))
        # the label runs along whichever side gives the larger text; level text wins ties
        back = min(d * 0.2, 0.15)
        options = [(_text_angle(rx, ry), w), (_text_angle(fx, fy), d)]
        angle, along = max(options, key=lambda o: (round(self._label_size(obj.id, o[1], depth), 1), -abs(o[0])))
        ceiling = obj.surface == "ceiling"  # smaller, so it does not hide the labels below it
        self._label(obj.id, cx - fx * back, cy - fy * back, along, small, max(depth, 2) if ceiling else depth,
                    z + 0.002, angle, boxed=ceiling)

    def _label_size(self, text: str, along_m: float, depth: int) -> float:
        """Font size (points) of a label fitted along ``along_m`` metres."""
        size_pt = 8.5 - 1.0 * min(depth, 2)
        # about 0.62 em per character
        fit = along_m * self.ppm / (0.62 * max(len(text), 1)) * 72 / DPI
        return max(5.0, min(size_pt, fit))

    def _label(self, text: str, x: float, y: float, along_m: float, across_m: float, depth: int, z: float,
               angle: float, boxed: bool = False) -> None:
        size_pt = self._label_size(text, along_m, depth)
        colour = style.TEXT if depth == 0 else "#444444"
        bbox = dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.75) if boxed else None
        self.ax.text(x, y, text, fontsize=size_pt, color=colour, ha="center", va="center", rotation=angle,
                     rotation_mode="anchor", zorder=z + 2, bbox=bbox)

    # ------------------------------------------------------------ diagnostics

    def diagnostics_overlay(self) -> None:
        """Outline every thing a diagnostic names; one label per thing lists its codes."""
        ax = self.ax
        shapes: dict[str, Polygon] = {o.id: o.footprint() for o in self.scene.objects}
        shapes.update({o.id: o.footprint() for o in self.scene.openings})
        shapes.update({r.id: r.inner() for r in self.scene.rooms})
        codes: dict[str, list[str]] = {}
        worst: dict[str, str] = {}
        for diag in self.diagnostics:
            for name in _diag_objects(diag):
                if name not in shapes or shapes[name].is_empty:
                    continue
                code = str(getattr(diag, "code", "?"))
                if code not in codes.setdefault(name, []):
                    codes[name].append(code)
                if worst.get(name) != style.ERROR:
                    worst[name] = _diag_colour(diag)
        for name in sorted(codes, key=lambda n: (shapes[n].bounds[3], shapes[n].bounds[2], n)):
            shape, colour = shapes[name], worst[name]
            path = _path_of(shape)
            if path is None:
                continue
            ax.add_patch(PathPatch(path, facecolor="none", edgecolor=colour, linewidth=2.2, zorder=20))
            x0, y0, x1, y1 = shape.bounds
            ax.text(x1 - 0.02, y1 - 0.02, "\n".join(codes[name]), fontsize=7, fontweight="bold", color=colour,
                    ha="right", va="top", zorder=21, linespacing=1.1,
                    bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor=colour, linewidth=0.6,
                              alpha=0.9))

    # ------------------------------------------------------------ furniture of the picture

    def scale_and_north(self) -> None:
        ax = self.ax
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        # scale bar: 1 m at the bottom left
        bx, by = x0 + 0.25, y0 + 0.22
        ax.plot([bx, bx + 1.0], [by, by], color="black", linewidth=2.5, solid_capstyle="butt", zorder=30)
        for tick in (bx, bx + 0.5, bx + 1.0):
            ax.plot([tick, tick], [by - 0.04, by + 0.04], color="black", linewidth=1.0, zorder=30)
        ax.text(bx + 0.5, by + 0.07, "1 m", fontsize=8, ha="center", va="bottom", zorder=30)
        # north arrow at the top right
        nx, ny = x1 - 0.3, y1 - 0.55
        ax.add_patch(FancyArrow(nx, ny, 0.0, 0.3, width=0.02, head_width=0.14, head_length=0.14,
                                length_includes_head=True, color="black", zorder=30))
        ax.text(nx, ny + 0.34, "N", fontsize=10, fontweight="bold", ha="center", va="bottom", zorder=30)

    def title(self) -> None:
        rooms = len(self.scene.rooms)
        objects = len(self.scene.objects)
        errors = sum(1 for d in self.diagnostics if getattr(d, "severity", "error") == "error")
        warnings = len(self.diagnostics) - errors
        text = f"{self.scene.name}  ·  {rooms} room{'s' * (rooms != 1)}, {objects} object{'s' * (objects != 1)}"
        if self.diagnostics:
            text += f"  ·  {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        self.fig.text(0.02, self.title_y, text, fontsize=12, fontweight="bold", color=style.TEXT,
                      ha="left", va="center")

    def legend(self) -> None:
        handles: list[Any] = []
        for family in style.FAMILIES:
            if family in self.families:
                label, colour = style.FAMILIES[family]
                handles.append(Patch(facecolor=colour, edgecolor=style.darker(colour, 0.55), label=label))
        handles.append(Patch(facecolor=style.WALL, edgecolor=style.WALL_EDGE, label="wall"))
        if any(o.kind == "door" for o in self.scene.openings):
            handles.append(Line2D([], [], color=style.DOOR, linewidth=2.0, label="door (leaf, swing)"))
        if any(o.kind == "window" for o in self.scene.openings):
            handles.append(Line2D([], [], color=style.WINDOW, linewidth=1.0, label="window"))
        if any(o.surface == "wall" for o in self.scene.objects):
            handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="////", label="on a wall"))
        if any(o.surface == "ceiling" for o in self.scene.objects):
            handles.append(Patch(facecolor="white", edgecolor="#555555", linestyle=(0, (4, 2)), label="ceiling"))
        if any(o.parent for o in self.scene.objects):
            handles.append(Patch(facecolor="#eeeeee", edgecolor="#aaaaaa", label="on a parent"))
        if self.diagnostics:
            handles.append(Patch(facecolor="none", edgecolor=style.ERROR, linewidth=2.0, label="diagnostic"))
        ncol = max(LEGEND_COLUMNS, math.ceil(len(handles) / LEGEND_ROWS))
        top = 1.0 - 8 / self.legend_px
        self.legend_ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, top), ncol=ncol,
                              frameon=False, fontsize=8, handlelength=1.8, columnspacing=1.4,
                              borderaxespad=0.0, borderpad=0.0)
        notes = self.diagnostics[:MAX_NOTES]
        first = 20 + LEGEND_ROW_PX * LEGEND_ROWS + 10
        for k, diag in enumerate(notes):
            y = 1.0 - (first + NOTE_PX * k) / self.legend_px
            severity = getattr(diag, "severity", "error")
            objects = ", ".join(_diag_objects(diag))
            message = getattr(diag, "message", "")
            line = f"{severity}[{getattr(diag, 'code', '?')}]: {message}"
            if objects and not message:
                line += f" ({objects})"
            if len(line) > 130:
                line = line[:127] + "..."
            self.legend_ax.text(0.005, y, line, fontsize=7.5, color=_diag_colour(diag), ha="left", va="top",
                                family="monospace")
        if len(self.diagnostics) > len(notes):
            y = 1.0 - (first + NOTE_PX * len(notes)) / self.legend_px
            self.legend_ax.text(0.005, y, f"... and {len(self.diagnostics) - len(notes)} more", fontsize=7.5,
                                color=style.ERROR, ha="left", va="top", family="monospace")

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.fig.savefig(buffer, format="png", dpi=DPI, metadata=SAVE_METADATA, facecolor="white")
        return buffer.getvalue()


def _text_angle(dx: float, dy: float) -> float:
    """Text rotation (degrees) along a direction, kept readable (-90 < angle <= 90)."""
    angle = math.degrees(math.atan2(dy, dx))
    if angle > 90.0 + 1e-9:
        angle -= 180.0
    elif angle <= -90.0 + 1e-9:
        angle += 180.0
    return round(angle, 6) + 0.0


def _diag_objects(diag: Any) -> list[str]:
    return list(getattr(diag, "objects", None) or [])


def _diag_colour(diag: Any) -> str:
    return style.WARNING if getattr(diag, "severity", "error") == "warning" else style.ERROR


def render_topdown(scene: Scene, diagnostics: Iterable[Any] = (), path: str | Path | None = None,
                   size_px: int = 1000) -> bytes:
    """The plan of ``scene`` as PNG bytes (``size_px`` wide, at least 800); also written to ``path``.

    ``diagnostics`` are drawn in red (warnings orange): the objects, openings or rooms each one
    names are outlined and labelled with its code, and the messages are listed under the plan.
    """
    plan = _Plan(scene, list(diagnostics), size_px)
    plan.rooms()
    plan.walls()
    plan.openings()
    plan.objects()
    plan.diagnostics_overlay()
    plan.scale_and_north()
    plan.title()
    plan.legend()
    data = plan.png()
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
    return data


__all__ = ["render_topdown", "scene_bounds"]
