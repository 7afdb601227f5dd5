"""The user's own models: a folder of GLB / glTF / OBJ / STL / PLY files with a ``manifest.yaml``.

::

    # manifest.yaml
    models:
      - file: designer_chair.glb      # relative to the folder
        category: chair                # a catalog category (or one of its synonyms)
        description: bent plywood designer chair
        up: +y                         # the model's up axis (glTF files are +y up); default +y
        front: +z                      # the axis its front faces; default +z
        fit: stretch                   # stretch (default): fill the object's box exactly;
                                       # uniform: keep proportions, the largest fit inside the box

An object of that category uses the model instead of the procedural mesh (when several models
share a category, the one whose description shares most words with the object's); the model is
turned so its up is +z and its front +y, then scaled to the object's compiled size. Each of the
model's meshes becomes a part with the colour of its material (textures are averaged).

:func:`load_user_models` checks everything first and raises one :class:`UserModelError` that
lists every problem (missing files, unreadable meshes, bad axes, unknown categories with a
"did you mean").
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import trimesh
import yaml

from .catalog import Catalog, load_catalog
from .procedural.core import Part, words_of

MANIFEST = "manifest.yaml"
FORMATS = (".glb", ".gltf", ".obj", ".stl", ".ply", ".off")
AXES = {"+x": (1, 0, 0), "-x": (-1, 0, 0), "+y": (0, 1, 0), "-y": (0, -1, 0), "+z": (0, 0, 1), "-z": (0, 0, -1)}
FITS = ("stretch", "uniform")
KEYS = ("file", "category", "description", "up", "front", "fit")
STOP = frozenset("a an the and with of in on for to".split())


class UserModelError(ValueError):
    """A models folder or manifest is wrong; ``problems`` lists each fault (one line each)."""

    def __init__(self, folder: Path, problems: list[str]):
        self.folder = folder
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"user models in `{folder}`: {len(problems)} problem(s)\n{lines}")


@dataclass(frozen=True)
class UserModel:
    """One manifest entry, checked; ``parts`` are its meshes turned to the object frame (not yet scaled)."""

    file: Path
    category: str
    description: str
    up: str
    front: str
    fit: str
    parts: tuple[Part, ...] = field(repr=False, default=(), compare=False, hash=False)

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "_", self.file.stem.lower()).strip("_") or "model"

    @property
    def triangles(self) -> int:
        return sum(len(p.mesh.faces) for p in self.parts)


def _axis(value, key: str, where: str, problems: list[str]) -> str | None:
    text = str(value).strip().lower().replace(" ", "")
    if text in ("x", "y", "z"):
        text = "+" + text
    if text not in AXES:
        problems.append(f"{where}: `{key}` must be one of {', '.join(AXES)} (got `{value}`)")
        return None
    return text


def rotation(up: str, front: str) -> np.ndarray:
    """The 3x3 rotation taking the model's ``up`` to +z and its ``front`` to +y."""
    u, f = np.array(AXES[up], float), np.array(AXES[front], float)
    right = np.cross(f, u)
    return np.vstack([right, f, u])


def _colour_of(geom: trimesh.Trimesh) -> tuple[tuple[float, float, float, float], float, float, str]:
    """(sRGB rgba, metallic, roughness, material name) of a loaded mesh's visual."""
    visual = geom.visual
    material = getattr(visual, "material", None)
    metallic, roughness, name = 0.0, 0.7, ""
    rgba = None
    if material is not None:
        name = str(getattr(material, "name", "") or "")
        factor = getattr(material, "baseColorFactor", None)
        if factor is not None:
            factor = np.asarray(factor, dtype=float).ravel()
            if factor.max() > 1.0:
                factor = factor / 255.0
            rgba = tuple(float(c) for c in (list(factor[:3]) + [float(factor[3]) if len(factor) > 3 else 1.0]))
        mf = getattr(material, "metallicFactor", None)
        rf = getattr(material, "roughnessFactor", None)
        metallic = float(mf) if mf is not None else 0.0
        roughness = float(rf) if rf is not None else 0.7
        if rgba is None and getattr(material, "main_color", None) is not None:
            rgba = tuple(float(c) / 255.0 for c in np.asarray(material.main_color)[:4])
    if rgba is None and visual.kind in ("face", "vertex"):
        rgba = tuple(float(c) / 255.0 for c in np.asarray(visual.face_colors, float).mean(axis=0)[:4])
    if rgba is None:
        rgba = (0.75, 0.75, 0.75, 1.0)
    return (rgba[0], rgba[1], rgba[2], rgba[3]), metallic, roughness, name


def _load_parts(path: Path, up: str, front: str) -> tuple[Part, ...]:
    loaded = trimesh.load(str(path), force="scene", process=False)
    parts: list[Part] = []
    rot = rotation(up, front)
    for node in sorted(loaded.graph.nodes_geometry):
        matrix, geom_name = loaded.graph.get(node)
        geom = loaded.geometry.get(geom_name)
        if not isinstance(geom, trimesh.Trimesh) or len(geom.faces) == 0:
            continue
        verts = trimesh.transform_points(geom.vertices, matrix) @ rot.T
        name = re.sub(r"[^A-Za-z0-9_]+", "_", str(node)).strip("_") or "part"
        faces = np.asarray(geom.faces)
        if getattr(geom.visual, "kind", None) in ("vertex", "face") and getattr(geom.visual, "material", None) is None:
            # coloured vertices or faces (OBJ/PLY): one part per colour, in order of appearance
            colours = np.asarray(geom.visual.face_colors, dtype=np.uint8)
            _, first, inverse = np.unique(colours, axis=0, return_index=True, return_inverse=True)
            for k, group in enumerate(np.argsort(first)):
                picked = faces[inverse.ravel() == group]
                rgba = tuple(float(c) / 255.0 for c in colours[first[group]])
                mesh = trimesh.Trimesh(vertices=verts, faces=picked, process=False, validate=False)
                mesh.remove_unreferenced_vertices()
                parts.append(Part(f"{name}_{k}", mesh, rgba, 0.0, 0.6, f"{name}_{k}"))  # type: ignore[arg-type]
            continue
        rgba, metallic, roughness, material = _colour_of(geom)
        mesh = trimesh.Trimesh(vertices=verts, faces=faces, process=False, validate=False)
        parts.append(Part(name, mesh, rgba, metallic, roughness, material or name))
    return tuple(parts)


@dataclass
class UserModels:
    """A checked models folder: ``models`` in manifest order."""

    folder: Path
    models: list[UserModel]

    def for_category(self, category: str) -> list[UserModel]:
        return [m for m in self.models if m.category == category]

    def find(self, category: str, description: str | None = "") -> UserModel | None:
        """The model for an object of ``category``: the one whose description shares most words
        with ``description`` (ties: manifest order); None when the folder has none of that category."""
        found = self.for_category(category)
        if not found:
            return None
        wanted = set(words_of(description)) - STOP

        def overlap(m: UserModel) -> int:
            return len(wanted & (set(words_of(m.description)) - STOP))

        best = max(overlap(m) for m in found)
        return next(m for m in found if overlap(m) == best)

    def parts(self, model: UserModel, size) -> list[Part]:
        """The model's parts scaled into ``size`` (w, d, h): base at z = 0, centred in x/y."""
        return list(_scaled(model, tuple(float(v) for v in size)))

    def categories(self) -> list[str]:
        return sorted({m.category for m in self.models})


@functools.lru_cache(maxsize=512)
def _scaled_cached(model: UserModel, size: tuple[float, float, float]) -> tuple[Part, ...]:
    allv = np.vstack([p.mesh.vertices for p in model.parts])
    lo, hi = allv.min(axis=0), allv.max(axis=0)
    ext = np.maximum(hi - lo, 1e-9)
    target = np.asarray(size, float)
    scale = target / ext
    if model.fit == "uniform":
        scale = np.full(3, float(scale.min()))
    centre = (lo + hi) / 2
    offset = np.array([-centre[0] * scale[0], -centre[1] * scale[1], -lo[2] * scale[2]])
    return tuple(Part(p.name, trimesh.Trimesh(vertices=p.mesh.vertices * scale + offset, faces=p.mesh.faces,
                                              process=False, validate=False), p.rgba, p.metallic, p.roughness,
                      p.material) for p in model.parts)


def _scaled(model: UserModel, size: tuple[float, float, float]) -> tuple[Part, ...]:
    return _scaled_cached(model, (round(size[0], 6), round(size[1], 6), round(size[2], 6)))


def _category(value, catalog: Catalog, where: str, problems: list[str]) -> str | None:
    text = str(value).strip()
    if text in catalog:
        return text
    found = catalog.resolve(text)
    if found is not None:
        return found.name
    hints = catalog.suggest(text)
    hint = f"; did you mean {', '.join(f'`{h}`' for h in hints)}?" if hints else ""
    problems.append(f"{where}: unknown category `{text}`{hint}")
    return None


def load_user_models(folder: str | Path, catalog: Catalog | None = None) -> UserModels:
    """Read and check a models folder; raises :class:`UserModelError` listing every problem."""
    folder = Path(folder)
    catalog = catalog or load_catalog()
    if not folder.is_dir():
        raise UserModelError(folder, [f"`{folder}` is not a folder"])
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise UserModelError(folder, [f"`{MANIFEST}` is missing: list the models as `models: [{{file, category}}, ...]`"])
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UserModelError(folder, [f"`{MANIFEST}` cannot be read: {exc}"]) from None
    entries = data.get("models") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not entries:
        raise UserModelError(folder, [f"`{MANIFEST}` must hold a non-empty list `models:` of entries"])
    problems: list[str] = []
    models: list[UserModel] = []
    for i, entry in enumerate(entries):
        where = f"{MANIFEST}: models[{i}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping with `file` and `category`")
            continue
        if entry.get("file"):
            where += f" (`{entry['file']}`)"
        for key in entry:
            if key not in KEYS:
                close = difflib.get_close_matches(str(key), KEYS, n=1)
                hint = f"; did you mean `{close[0]}`?" if close else f" (known: {', '.join(KEYS)})"
                problems.append(f"{where}: unknown key `{key}`{hint}")
        for key in ("file", "category"):
            if not entry.get(key):
                problems.append(f"{where}: `{key}` is required")
        category = _category(entry["category"], catalog, where, problems) if entry.get("category") else None
        up = _axis(entry.get("up", "+y"), "up", where, problems)
        front = _axis(entry.get("front", "+z"), "front", where, problems)
        if up and front and abs(np.dot(AXES[up], AXES[front])) > 0:
            problems.append(f"{where}: `up` ({up}) and `front` ({front}) must be perpendicular")
            up = front = None
        fit = str(entry.get("fit", "stretch")).lower()
        if fit not in FITS:
            problems.append(f"{where}: `fit` must be one of {', '.join(FITS)} (got `{entry.get('fit')}`)")
            fit = ""
        path = None
        if entry.get("file"):
            path = (folder / str(entry["file"])).resolve()
            if not path.is_file():
                problems.append(f"{where}: file not found: `{path}`")
                path = None
            elif path.suffix.lower() not in FORMATS:
                problems.append(f"{where}: unsupported format `{path.suffix}` (use {', '.join(FORMATS)})")
                path = None
        parts: tuple[Part, ...] = ()
        if path is not None and up and front:
            try:
                parts = _load_parts(path, up, front)
            except Exception as exc:  # noqa: BLE001 - any reader failure is the user's file
                problems.append(f"{where}: cannot read the mesh: {type(exc).__name__}: {exc}")
                continue
            if not parts:
                problems.append(f"{where}: the file holds no triangles")
                continue
            ext = np.ptp(np.vstack([p.mesh.vertices for p in parts]), axis=0)
            if not np.all(np.isfinite(ext)) or (ext <= 1e-9).sum() > 1:
                problems.append(f"{where}: the mesh is flat or empty (extent {ext.round(6).tolist()})")
                continue
        if category and path is not None and parts and up and front and fit:
            models.append(UserModel(file=path, category=category, description=str(entry.get("description") or ""),
                                    up=up, front=front, fit=fit, parts=parts))
    if problems:
        raise UserModelError(folder, problems)
    return UserModels(folder=folder, models=models)


def _fingerprint(folder: Path) -> str:
    """Changes when the manifest or any file in the folder changes (name, size, mtime)."""
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file():
            st = path.stat()
            h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


@functools.lru_cache(maxsize=16)
def _load_cached(folder: str, fingerprint: str) -> UserModels:
    return load_user_models(folder)


def resolve_models(models: "UserModels | str | Path") -> UserModels:
    """A loaded library from a folder path (cached until the folder changes) or the library itself."""
    if isinstance(models, UserModels):
        return models
    folder = Path(models).resolve()
    if not folder.is_dir():
        raise UserModelError(folder, [f"`{folder}` is not a folder"])
    return _load_cached(str(folder), _fingerprint(folder))


__all__ = ["MANIFEST", "UserModel", "UserModelError", "UserModels", "load_user_models", "resolve_models", "rotation"]
