"""Motif layouts: members of a row or grid, and seats spread around a table."""

from __future__ import annotations

import math

from .scene import PlacedObject, Vec2, front_vector, right_vector, yaw_of


def grid_poses(centre: Vec2, yaw: float, cols: int, rows: int, wd: tuple[float, float],
               spacing: float, count: int) -> list[Vec2]:
    """Member centres of a ``cols x rows`` block centred on ``centre``, front row first,
    each row from the group's own left to its right; the first ``count`` are used."""
    w, d = wd
    r, f = right_vector(yaw), front_vector(yaw)
    total_w, total_d = cols * w + (cols - 1) * spacing, rows * d + (rows - 1) * spacing
    out = []
    for j in range(rows):
        for i in range(cols):
            a = -total_w / 2 + w / 2 + i * (w + spacing)
            b = total_d / 2 - d / 2 - j * (d + spacing)
            out.append((round(centre[0] + a * r[0] + b * f[0], 9), round(centre[1] + a * r[1] + b * f[1], 9)))
    return out[:count]


def _is_round(table: PlacedObject) -> bool:
    text = f"{table.category} {table.description or ''}".lower()
    return "round" in text or "circular" in text


def around_poses(table: PlacedObject, count: int, wd: tuple[float, float], gap: float,
                 spacing: float) -> list[tuple[Vec2, float]]:
    """(centre, yaw) of ``count`` members around ``table``, each facing it.

    Round tables: evenly spaced angles starting at its front. Square-ish tables fill their
    sides in turn; long tables fill their long sides first and their ends only when those
    are full. Members are evenly spaced along each side."""
    w, d = wd
    cx, cy = table.position[0], table.position[1]
    tw, td = table.size[0], table.size[1]
    r, f = right_vector(table.yaw_deg), front_vector(table.yaw_deg)
    if _is_round(table):
        radius = max(tw, td) / 2 + gap + d / 2
        out = []
        for k in range(count):
            a = math.radians(table.yaw_deg + 360.0 * k / count)
            dx, dy = -math.sin(a), math.cos(a)
            p = (round(cx + dx * radius, 9), round(cy + dy * radius, 9))
            out.append((p, yaw_of((-dx, -dy))))
        return out
    # Each side: (outward unit vector, along unit vector, side length, half depth of the table).
    sides = [
        (f, r, tw, td / 2), ((-f[0], -f[1]), r, tw, td / 2),
        ((-r[0], -r[1]), f, td, tw / 2), (r, f, td, tw / 2),
    ]
    sides.sort(key=lambda s: -s[2])
    capacity = [max(1, int((s[2] + 1e-9) // (w + spacing))) for s in sides]
    if sides[0][2] >= 1.3 * sides[2][2]:
        capacity[2] = capacity[3] = 0  # long tables: the ends fill only when the long sides are full
    counts = [0, 0, 0, 0]
    for _ in range(count):
        open_sides = [i for i in range(4) if counts[i] < capacity[i]]
        if not open_sides:
            capacity = [c + (1 if c == 0 and i >= 2 else 0) for i, c in enumerate(capacity)]
            open_sides = [i for i in range(4) if counts[i] < capacity[i]] or list(range(4))
        best = min(open_sides, key=lambda i: (counts[i], i))
        counts[best] += 1
    out = []
    for (n, along, length, half), k in zip(sides, counts):
        for j in range(k):
            t = -length / 2 + length * (j + 0.5) / k
            dist = half + gap + d / 2
            p = (round(cx + n[0] * dist + along[0] * t, 9), round(cy + n[1] * dist + along[1] * t, 9))
            out.append((p, yaw_of((-n[0], -n[1]))))
    return out
