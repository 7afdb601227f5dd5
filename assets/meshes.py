"""The mesh registry: one procedural builder per catalog category (or per family), the user's
own models first, and the two entry points the compiler uses.

    mesh_parts(category, size, description, seed, models=None) -> list[Part]
    mesh_for(category, size, description, seed, models=None) -> trimesh.Trimesh

Builders register by decorator::

    @register("bed", "bunk_bed")          # these categories
    def bed(b: Builder) -> None: ...

    @register_family("cabinet")          # any category of this family without its own
    def cabinet(b: Builder) -> None: ...

Lookup order: the user's model for the category (when ``models`` is given), the category's
builder, its family's builder, then :func:`assets.procedural.fallback.generic` (something
better than a box, shaped by the catalog's placement). Meshes are in the object's own frame
(x its right, y its front, z up, base at z = 0, centred in x/y) and fill ``size`` exactly.
Results are cached by ``(category, size, description, seed)``; everything is deterministic.
"""

from __future__ import annotations

import copy
import functools
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import trimesh

from .catalog import load_catalog
from .procedural.core import Builder, Part, Style

if TYPE_CHECKING:  # pragma: no cover
    from .user_models import UserModels

BuildFn = Callable[[Builder], None]
_CATEGORIES: dict[str, BuildFn] = {}
_FAMILIES: dict[str, BuildFn] = {}
_FALLBACK: list[BuildFn] = []


def register(*categories: str) -> Callable[[BuildFn], BuildFn]:
    """Register a builder for these catalog categories (a second registration is an error)."""

    def wrap(fn: BuildFn) -> BuildFn:
        for name in categories:
            if name in _CATEGORIES and _CATEGORIES[name] is not fn:
                raise ValueError(f"category `{name}` already has a mesh builder ({_CATEGORIES[name].__name__})")
            _CATEGORIES[name] = fn
        return fn

    return wrap


def register_family(*families: str) -> Callable[[BuildFn], BuildFn]:
    """Register a builder used by every category of these families that has none of its own."""

    def wrap(fn: BuildFn) -> BuildFn:
        for name in families:
            if name in _FAMILIES and _FAMILIES[name] is not fn:
                raise ValueError(f"family `{name}` already has a mesh builder ({_FAMILIES[name].__name__})")
            _FAMILIES[name] = fn
        return fn

    return wrap


def register_fallback(fn: BuildFn) -> BuildFn:
    """Register the builder of last resort."""
    _FALLBACK[:] = [fn]
    return fn


@functools.lru_cache(maxsize=1)
def _load_builtins() -> None:
    from .procedural import load_all

    load_all()


def builder_for(category: str) -> tuple[BuildFn, str]:
    """The builder a category uses and where it came from: ``category``, ``family`` or ``fallback``."""
    _load_builtins()
    if category in _CATEGORIES:
        return _CATEGORIES[category], "category"
    cat = load_catalog().get(category)
    if cat is not None and cat.family in _FAMILIES:
        return _FAMILIES[cat.family], "family"
    return _FALLBACK[0], "fallback"


def registered() -> dict[str, str]:
    """Every catalog category -> ``category`` / ``family`` / ``fallback`` (how its mesh is built)."""
    return {name: builder_for(name)[1] for name in load_catalog().names()}


def _check_size(size) -> tuple[float, float, float]:
    try:
        w, d, h = (float(v) for v in size)
    except (TypeError, ValueError):
        raise ValueError(f"size must be three numbers (w, d, h), got {size!r}") from None
    if not all(math.isfinite(v) and v > 0 for v in (w, d, h)):
        raise ValueError(f"size must be three positive numbers (w, d, h), got {size!r}")
    return (round(w, 6), round(d, 6), round(h, 6))


@functools.lru_cache(maxsize=4096)
def _procedural(category: str, size: tuple[float, float, float], description: str, seed: int) -> tuple[Part, ...]:
    fn, _ = builder_for(category)
    b = Builder(category=category, size=size, style=Style.parse(description), seed=seed,
                cat=load_catalog().get(category))
    fn(b)
    return tuple(b.parts())


def mesh_parts(category: str, size, description: str | None = "", seed: int = 0,
               models: "UserModels | str | Path | None" = None) -> list[Part]:
    """The named, coloured parts of one object in its own frame, filling ``size`` exactly.

    ``models`` is a folder of the user's own models (or a loaded :class:`UserModels`): a model
    of the same category is used instead of the procedural mesh (the best description match).
    The meshes are shared with a cache: copy one before changing it.
    """
    size = _check_size(size)
    description = description or ""
    if models is not None:
        from .user_models import resolve_models

        library = resolve_models(models)
        model = library.find(category, description)
        if model is not None:
            return library.parts(model, size)
    return list(_procedural(category, size, description, int(seed) & 0xFFFFFFFF))


def concatenate(parts: list[Part], source: str = "procedural", finish: str = "") -> trimesh.Trimesh:
    """One mesh of all parts, with per-face sRGB colours and ``metadata["parts"]``: for each part
    its ``name``, ``material``, ``faces`` range ``[start, stop)``, ``rgba``, ``metallic`` and ``roughness``."""
    vs, fs, colours, info = [], [], [], []
    offset = start = 0
    for part in parts:
        v, f = part.mesh.vertices, part.mesh.faces
        vs.append(v)
        fs.append(f + offset)
        rgba = np.clip(np.round(np.asarray(part.rgba) * 255), 0, 255).astype(np.uint8)
        colours.append(np.tile(rgba, (len(f), 1)))
        info.append({"name": part.name, "material": part.material, "faces": [start, start + len(f)],
                     "rgba": [round(float(c), 4) for c in part.rgba], "metallic": round(float(part.metallic), 3),
                     "roughness": round(float(part.roughness), 3)})
        offset += len(v)
        start += len(f)
    mesh = trimesh.Trimesh(vertices=np.vstack(vs), faces=np.vstack(fs), face_colors=np.vstack(colours),
                           process=False, validate=False)
    mesh.metadata["parts"] = info
    mesh.metadata["source"] = source
    mesh.metadata["finish"] = finish
    return mesh


@functools.lru_cache(maxsize=4096)
def _procedural_mesh(category: str, size: tuple[float, float, float], description: str, seed: int) -> trimesh.Trimesh:
    return concatenate(list(_procedural(category, size, description, seed)), finish=Style.parse(description).slug())


def mesh_for(category: str, size, description: str | None = "", seed: int = 0,
             models: "UserModels | str | Path | None" = None) -> trimesh.Trimesh:
    """The object's mesh (all parts in one, per-face colours, parts listed in ``metadata``);
    a fresh copy the caller may change. See :func:`mesh_parts`."""
    size = _check_size(size)
    description = description or ""
    if models is not None:
        from .user_models import resolve_models

        library = resolve_models(models)
        model = library.find(category, description)
        if model is not None:
            return concatenate(library.parts(model, size), source=f"user:{model.file.name}",
                               finish=f"user_{model.slug}")
    return _fresh(_procedural_mesh(category, size, description, int(seed) & 0xFFFFFFFF))


def _fresh(mesh: trimesh.Trimesh) -> trimesh.Trimesh:
    """A copy of a cached mesh (arrays, face colours, metadata), cheaper than ``Trimesh.copy``."""
    out = trimesh.Trimesh(vertices=mesh.vertices.copy(), faces=mesh.faces.copy(),
                          face_colors=np.asarray(mesh.visual.face_colors).copy(), process=False, validate=False)
    out.metadata.update(copy.deepcopy(mesh.metadata))
    return out


def clear_cache() -> None:
    """Forget cached meshes (after registering a builder by hand)."""
    _procedural.cache_clear()
    _procedural_mesh.cache_clear()


__all__ = ["Part", "builder_for", "clear_cache", "concatenate", "mesh_for", "mesh_parts", "register",
           "register_fallback", "register_family", "registered"]
