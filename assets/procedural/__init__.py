"""Procedural meshes, one module per family of objects. :func:`load_all` imports them, which
registers every builder with :mod:`assets.meshes` (see :func:`assets.meshes.register`)."""

from __future__ import annotations

import importlib

from .core import Builder, Material, Part, Style

FAMILY_MODULES = ("appliances", "bathroom", "beds", "decor", "electronics", "fallback", "leisure", "lighting",
                  "openings", "plants", "seating", "soft", "storage", "tables", "tabletop")


def load_all() -> None:
    """Import every family module (each registers its builders once)."""
    for name in FAMILY_MODULES:
        importlib.import_module(f"{__name__}.{name}")


__all__ = ["Builder", "FAMILY_MODULES", "Material", "Part", "Style", "load_all"]
