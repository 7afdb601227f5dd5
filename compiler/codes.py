"""What the compiler's naming and placement codes mean (``sgram explain CODE``).

The physical checks document themselves (``compiler.checks.explain``)."""

from __future__ import annotations

COMPILER_CODES: dict[str, str] = {
    "unknown_category": "The category is neither a catalog name nor a synonym. The hint "
                        "suggests the closest names; `sgram assets list` lists them all.",
    "unknown_reference": "A placement, `facing`, `aligned with`, `on` or edit names an object "
                         "or room that does not exist (a typo, or it was removed).",
    "duplicate_id": "Two objects (or rooms) share an id; group members are named ID_1..ID_N.",
    "unknown_wall": "The room has no wall on that side or with that index; the hint lists "
                    "its sides and indices.",
    "cyclic_reference": "Objects are placed relative to each other in a circle (a left of b, "
                        "b left of a); anchor one of them with `at X,Y`.",
    "missing_placement": "Warning: an object without a placement clause is centred.",
    "bad_room_shape": "A room polygon must be rectilinear (horizontal and vertical edges), "
                      "simple, and have an area.",
    "no_surface": "`on X` needs X to offer a top (or `on X shelf K` a shelf level K).",
    "floor_placement": "Warning: a small thing that belongs on a surface (a cup, a lamp, a "
                       "laptop) stands on the bare floor; put it in an `on TABLE { }` block.",
    "needs_wall": "A wall-mounted category (painting, mirror, wall_tv ...) needs a wall: "
                  "`against north wall` or an `on north wall { }` block.",
}
