"""Colours shared by the pictures: one colour per category family, plus architecture.

A category's colour family comes from the catalog's ``family`` of that category (grouped
into the few families below); a category the catalog does not know falls back to its head
noun (the last word of ``coffee_table`` is ``table``).
"""

from __future__ import annotations

import functools
import re

# family -> (label, fill colour)
FAMILIES: dict[str, tuple[str, str]] = {
    "bed": ("beds", "#8fb3de"),
    "seating": ("seating", "#f2a65a"),
    "table": ("tables & desks", "#c9a27a"),
    "storage": ("storage", "#9cc47e"),
    "appliance": ("appliances & electronics", "#9aa7b8"),
    "lighting": ("lighting", "#f5d25c"),
    "bathroom": ("bathroom", "#7fcfd0"),
    "decor": ("decor & plants", "#e39bc0"),
    "activity": ("games, sport & music", "#b7a3dc"),
    "other": ("other", "#cfcfcf"),
}

# the catalog's families -> ours
CATALOG_FAMILIES: dict[str, str] = {
    "bed": "bed",
    "chair": "seating", "sofa": "seating", "stool": "seating", "bench": "seating", "ottoman": "seating",
    "table": "table", "desk": "table", "kitchen": "table",
    "cabinet": "storage", "shelf": "storage", "storage": "storage", "wardrobe": "storage", "bin": "storage",
    "appliance": "appliance", "electronics": "appliance", "fireplace": "appliance", "laundry": "appliance",
    "screen": "appliance",
    "lamp": "lighting",
    "bathroom": "bathroom",
    "decor": "decor", "plant": "decor", "rug": "decor", "textile": "decor", "tabletop": "decor",
    "kitchenware": "decor",
    "game": "activity", "gym": "activity", "music": "activity", "toy": "activity",
}

_WORDS: dict[str, tuple[str, ...]] = {
    "bed": ("bed", "crib", "cot", "bunk", "futon", "mattress", "cradle", "daybed", "bassinet"),
    "seating": ("chair", "sofa", "couch", "armchair", "stool", "bench", "ottoman", "pouf", "seat",
                "loveseat", "sectional", "recliner", "footstool", "beanbag", "chaise"),
    "table": ("table", "desk", "counter", "island", "workbench", "worktop", "countertop", "bar"),
    "storage": ("wardrobe", "closet", "cabinet", "dresser", "drawer", "drawers", "shelf", "shelves",
                "shelving", "bookcase", "bookshelf", "nightstand", "sideboard", "chest", "cupboard", "rack",
                "console", "stand", "credenza", "hutch", "locker", "armoire", "pantry", "buffet", "cubby",
                "basket", "bin", "box", "trunk", "hanger", "coatrack", "organizer", "unit"),
    "appliance": ("fridge", "refrigerator", "freezer", "oven", "stove", "cooktop", "range", "hob",
                  "dishwasher", "washer", "dryer", "microwave", "tv", "television", "monitor", "computer",
                  "laptop", "speaker", "radiator", "fan", "heater", "conditioner", "ac", "printer", "piano",
                  "kettle", "toaster", "hood", "console", "projector", "screen", "router", "treadmill",
                  "machine", "appliance", "boiler", "fireplace", "keyboard", "phone", "coffeemaker"),
    "lighting": ("lamp", "light", "chandelier", "sconce", "pendant", "lantern", "spotlight", "downlight",
                 "luminaire", "fixture"),
    "bathroom": ("toilet", "sink", "bathtub", "tub", "shower", "basin", "vanity", "bidet", "urinal",
                 "towel"),
    "decor": ("plant", "painting", "picture", "frame", "mirror", "rug", "carpet", "mat", "vase", "clock",
              "poster", "curtain", "curtains", "art", "artwork", "sculpture", "book", "books", "cushion",
              "pillow", "candle", "statue", "photo", "print", "tapestry", "globe", "bowl", "tree", "flower",
              "flowers", "ornament", "decoration", "blinds"),
}

_FAMILY_OF: dict[str, str] = {}
for _family, _words in _WORDS.items():
    for _word in _words:
        _FAMILY_OF.setdefault(_word, _family)

WALL = "#4d4d4d"
WALL_EDGE = "#2b2b2b"
FLOOR = "#f6f2ea"
FLOOR_EDGE = "#d8d0c0"
DOOR = "#6b4a2e"
WINDOW = "#4f8fc0"
ERROR = "#d62728"
WARNING = "#e07b00"
TEXT = "#222222"


@functools.lru_cache(maxsize=1)
def _catalog():
    try:
        from assets import load_catalog

        return load_catalog()
    except Exception:  # no catalog (yet): head nouns only
        return None


@functools.lru_cache(maxsize=4096)
def family_of(category: str) -> str:
    """The colour family of a category: the catalog's family grouped, else from its head noun."""
    catalog = _catalog()
    entry = catalog.get(category) if catalog is not None else None
    family = getattr(entry, "family", None)
    if family is not None:
        return CATALOG_FAMILIES.get(family, "other")
    return head_noun_family(category)


def head_noun_family(category: str) -> str:
    words = [w for w in re.split(r"[^a-z0-9]+", category.lower()) if w]
    for word in reversed(words):
        plurals = (word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("es") else None,
                   word[:-3] + "f" if word.endswith("ves") else None)
        for candidate in (word, *plurals):
            if candidate and candidate in _FAMILY_OF:
                return _FAMILY_OF[candidate]
    return "other"


def family_colour(category: str) -> str:
    """The fill colour (``#rrggbb``) of a category's family."""
    return FAMILIES[family_of(category)][1]


def hex_rgb(colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` -> floats in 0..1."""
    c = colour.lstrip("#")
    return (int(c[0:2], 16) / 255.0, int(c[2:4], 16) / 255.0, int(c[4:6], 16) / 255.0)


def lighter(colour: str, amount: float = 0.5) -> str:
    """The colour mixed with white by ``amount`` (0 = unchanged, 1 = white)."""
    r, g, b = hex_rgb(colour)
    mix = [round(255 * (c + (1.0 - c) * amount)) for c in (r, g, b)]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def darker(colour: str, amount: float = 0.4) -> str:
    """The colour mixed with black by ``amount``."""
    r, g, b = hex_rgb(colour)
    mix = [round(255 * c * (1.0 - amount)) for c in (r, g, b)]
    return "#{:02x}{:02x}{:02x}".format(*mix)
