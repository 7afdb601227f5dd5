"""What each diagnostic code of the language means (``sgram explain CODE``)."""

from __future__ import annotations

from .limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_GRID, MAX_OBJECTS

LANGUAGE_CODES: dict[str, str] = {
    "syntax": "The line does not follow the grammar. The message says what was expected "
              "there, in words. Example: `object bed1 bed at 20` (a point needs `X,Y`).",
    "unknown_keyword": "A word stands where a keyword belongs and is close to one: usually "
                       "a typo. Example: `objet bed1 bed` -> did you mean `object`?",
    "unknown_direction": "A direction or corner word is misspelled. Directions are north, "
                         "east, south, west (or N, E, S, W); corners northeast, northwest, "
                         "southeast, southwest.",
    "unclosed_block": "A `{` is never closed by a `}`: every room, `on` and `in` block ends "
                      "with a `}`.",
    "not_whole_cells": "Positions, widths, offsets, gaps and spacings are whole grid cells; "
                       "use a smaller `cell` in the scene line for finer steps.",
    "duplicate_clause": "The same clause (two placements, two `facing`) appears twice on one "
                        "line; keep one.",
    "misplaced_clause": "A clause that this statement does not take, such as `sill` on a door "
                        "or `around` on a single object (use `group`).",
    "misplaced_scene": "The `scene` line must be the first statement and appear once.",
    "bad_count": "A `group` needs at least one member.",
    "group_member_edit": "`move`, `rotate`, `remove` and `replace` change whole groups; to edit "
                         "one member, write the members as separate `object` lines (`on ID_N { }` "
                         "works on a member).",
    "outside_room": "Objects, doors and windows live inside a `room` block (or an `in ROOM` "
                    "block that adds to one).",
    "file_too_large": f"Scripts are limited to {MAX_FILE_BYTES:,} bytes; split the scene.",
    "too_many_objects": f"Scripts are limited to {MAX_OBJECTS:,} objects; split the scene.",
    "grid_too_large": f"Coordinates and sizes are limited to {MAX_GRID:,} cells on each axis; "
                      "use a coarser `cell`.",
    "nesting_too_deep": f"`on` blocks nest at most {MAX_DEPTH} deep (a cup on a tray on a "
                        "table on ... ).",
}
