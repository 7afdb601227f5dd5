"""Export a compiled scene: glTF 2.0 (``.glb``, ``.gltf``) and the JSON layout (``.json``).

Formats sit behind a name -> function table, :data:`EXPORTERS`; each entry turns a
:class:`~compiler.scene.Scene` into the file's bytes. The same Scene always gives
byte-identical files.

glTF node tree (glTF is Y up; the scene frame is Z up, and the root node ``scene`` is the
ONE place that converts, a rotation of -90 degrees about X)::

    scene                      extras {kind: "scene", name, cell, wall_thickness}
      <room id>                extras {id, type, kind: "room"}
        floor_<room>
        wall_<room>_<index>_<k>   (a shared wall is built once, by the first room)
        <opening id>           extras {id, kind, room, rooms, width, height, sill, yaw_deg, ...}
          <opening id>_frame, <opening id>_leaf | <opening id>_glass
        <object id>            extras {id, category, description, room, parent, cell, facing, yaw_deg, size}
          <object id>          (objects standing on it, transforms relative to it)

Every node below ``scene`` keeps the scene frame's metres: a room node is the identity,
an object node's transform puts its local frame (x its right, y its front, z up) at its
bottom centre.
"""

from __future__ import annotations

import colorsys
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import trimesh
from shapely.geometry import Polygon
from trimesh.visual import TextureVisuals
from trimesh.visual.material import PBRMaterial

from . import geometry
from .scene import Opening, PlacedObject, Room, Scene

LAYOUT_SCHEMA = Path(__file__).with_name("layout.schema.json")
DIGITS = 6
GENERATOR = "SpatialGrammar"

# Z up (scene frame) -> Y up (glTF): a rotation of -90 degrees about X, (x, y, z) -> (x, z, -y).
Z_UP_TO_Y_UP = np.array([
    [1.0, 0.0, 0.0, 0.0],
    [0.0, 0.0, 1.0, 0.0],
    [0.0, -1.0, 0.0, 0.0],
    [0.0, 0.0, 0.0, 1.0],
])


def _y_up(matrix: np.ndarray) -> np.ndarray:
    """The one place the frame changes: a Z-up node transform as the same motion in Y up
    (conjugated), so every node and mesh of the file is Y up, as engines and Blender expect."""
    return geometry.clean_matrix(Z_UP_TO_Y_UP @ matrix @ Z_UP_TO_Y_UP.T)

# material name -> (rgba, roughness); alpha < 1 means alphaMode BLEND
FIXED_MATERIALS: dict[str, tuple[tuple[float, float, float, float], float]] = {
    "mat_floor": ((0.72, 0.60, 0.45, 1.0), 0.8),
    "mat_wall": ((0.92, 0.91, 0.88, 1.0), 0.9),
    "mat_glass": ((0.75, 0.88, 0.95, 0.3), 0.05),
    "mat_door": ((0.55, 0.36, 0.20, 1.0), 0.7),
    "mat_frame": ((0.95, 0.95, 0.94, 1.0), 0.6),
}

# colours for named floor/wall finishes (``floor oak``, ``walls brick``); others get the palette
FINISH_COLOURS: dict[str, tuple[float, float, float]] = {
    "wood": (0.65, 0.48, 0.32), "oak": (0.70, 0.55, 0.36), "walnut": (0.42, 0.29, 0.20),
    "parquet": (0.66, 0.50, 0.33), "laminate": (0.72, 0.60, 0.45), "tile": (0.85, 0.85, 0.82),
    "marble": (0.93, 0.92, 0.90), "stone": (0.60, 0.58, 0.55), "concrete": (0.62, 0.62, 0.60),
    "carpet": (0.55, 0.52, 0.50), "brick": (0.62, 0.32, 0.24), "plaster": (0.93, 0.92, 0.89),
    "paint": (0.92, 0.91, 0.88), "white": (0.95, 0.95, 0.95), "grey": (0.60, 0.60, 0.60),
    "gray": (0.60, 0.60, 0.60), "black": (0.12, 0.12, 0.12),
}


# --------------------------------------------------------------------------- numbers


def _num(value: float) -> float:
    """A float rounded to 6 decimals, never -0.0."""
    r = round(float(value), DIGITS)
    return 0.0 if r == 0 else r


def _yaw(value: float) -> float:
    y = _num(float(value) % 360.0)
    return 0.0 if y >= 360.0 else y


def _nums(values) -> list[float]:
    return [_num(v) for v in values]


# --------------------------------------------------------------------------- JSON layout


def _ccw(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return list(points) if Polygon(points).exterior.is_ccw else list(reversed(points))


def to_layout(scene: Scene) -> dict[str, Any]:
    """The JSON layout (layout.schema.json): keys in a fixed order, floats to 6 decimals."""
    return {
        "scene": {"name": scene.name, "cell": _num(scene.cell), "wall_thickness": _num(scene.wall_thickness)},
        "objects": [
            {
                "id": o.id, "category": o.category, "description": o.description, "room": o.room,
                "parent": o.parent, "position": _nums(o.position), "size": _nums(o.size), "yaw_deg": _yaw(o.yaw_deg),
            }
            for o in scene.objects
        ],
        "rooms": [
            {
                "id": r.id, "type": r.type, "polygon": [_nums(p) for p in _ccw(r.polygon)],
                "floor_z": _num(r.floor_z), "height": _num(r.height),
            }
            for r in scene.rooms
        ],
        "openings": [
            {
                "id": o.id, "kind": o.kind, "rooms": list(o.rooms), "position": _nums(o.position),
                "width": _num(o.width), "height": _num(o.height), "sill": _num(o.sill), "yaw_deg": _yaw(o.yaw_deg),
            }
            for o in scene.openings
        ],
    }


def to_layout_bytes(scene: Scene, models=None) -> bytes:
    """The JSON layout as written to disk: ``json.dumps(indent=2)`` plus a newline, UTF-8
    (``models`` is accepted for a uniform exporter signature; the layout has no meshes)."""
    return (json.dumps(to_layout(scene), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# --------------------------------------------------------------------------- materials


def palette_colour(name: str) -> tuple[float, float, float]:
    """A deterministic colour for a name (the same in every process and on every machine)."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    hue = int.from_bytes(digest[:2], "big") / 65536.0
    saturation = 0.35 + 0.35 * digest[2] / 255.0
    value = 0.55 + 0.35 * digest[3] / 255.0
    return tuple(round(c, 4) for c in colorsys.hsv_to_rgb(hue, saturation, value))  # type: ignore[return-value]


class _Materials:
    """Material name -> (rgba, roughness, metallic) for one export, and the trimesh materials."""

    def __init__(self) -> None:
        self.specs: dict[str, tuple[tuple[float, float, float, float], float, float]] = {}
        self._made: dict[str, PBRMaterial] = {}

    def get(self, name: str, rgba: tuple[float, float, float, float], roughness: float,
            metallic: float = 0.0) -> PBRMaterial:
        if name not in self._made:
            self.specs[name] = (rgba, roughness, metallic)
            self._made[name] = PBRMaterial(
                name=name, baseColorFactor=list(rgba), metallicFactor=metallic, roughnessFactor=roughness,
                alphaMode="BLEND" if rgba[3] < 1.0 else "OPAQUE", doubleSided=False,
            )
        return self._made[name]

    def unique(self, name: str, rgba: tuple[float, float, float, float], roughness: float,
               metallic: float) -> PBRMaterial:
        """``name``, or ``name_2``, ``name_3``... when that name already holds another spec."""
        candidate, n = name, 2
        while candidate in self.specs and self.specs[candidate] != (rgba, roughness, metallic):
            candidate, n = f"{name}_{n}", n + 1
        return self.get(candidate, rgba, roughness, metallic)

    def fixed(self, name: str) -> PBRMaterial:
        return self.get(name, *FIXED_MATERIALS[name])

    def finish(self, role: str, finish: str | None) -> PBRMaterial:
        """``mat_floor`` / ``mat_wall``, or ``mat_floor_<finish>`` for a named finish."""
        if not finish:
            return self.fixed(f"mat_{role}")
        rgb = FINISH_COLOURS.get(finish.lower()) or palette_colour(finish)
        return self.get(f"mat_{role}_{finish}", (*rgb, 1.0), FIXED_MATERIALS[f"mat_{role}"][1])

    def category(self, category: str) -> PBRMaterial:
        return self.get(f"mat_{category}", (*palette_colour(category), 1.0), 0.7)

    def object(self, category: str, mesh: trimesh.Trimesh) -> PBRMaterial:
        """An object's material: for a library mesh (per-face colours, ``metadata["parts"]``) a white
        base colour that the vertex colours tint, with the parts' area-weighted roughness and
        metallic; ``mat_<category>`` or ``mat_<category>_<finish>``. Otherwise the category colour."""
        parts = mesh.metadata.get("parts")
        if not parts or mesh.visual.kind != "face":
            return self.category(category)
        areas = mesh.area_faces
        total = float(areas.sum()) or 1.0
        rough = metal = 0.0
        for part in parts:
            a, b = part["faces"]
            share = float(areas[a:b].sum()) / total
            rough += share * float(part["roughness"])
            metal += share * (1.0 if float(part["metallic"]) >= 0.5 else 0.0)
        roughness = round(min(1.0, max(0.05, round(rough / 0.05) * 0.05)), 2)
        metallic = 1.0 if metal > 0.6 else 0.0
        finish = mesh.metadata.get("finish") or ""
        name = f"mat_{category}_{finish}" if finish else f"mat_{category}"
        return self.unique(name, (1.0, 1.0, 1.0, 1.0), roughness, metallic)

    def role(self, role: str) -> PBRMaterial:
        return self.fixed(f"mat_{role}")


# --------------------------------------------------------------------------- glTF


def _linear_colours(face_colours: np.ndarray) -> np.ndarray:
    """sRGB uint8 face colours -> linear uint8 RGBA (glTF vertex colours are linear), opaque."""
    c = np.asarray(face_colours, dtype=float)[:, :3] / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    out = np.full((len(c), 4), 255, dtype=np.uint8)
    out[:, :3] = np.clip(np.round(linear * 255.0), 0, 255).astype(np.uint8)
    return out


def _prepared(mesh: trimesh.Trimesh, material: PBRMaterial) -> trimesh.Trimesh:
    """A copy with flat normals (unmerged vertices), the material, and no metadata; a library
    mesh keeps its per-face colours as linear vertex colours (``COLOR_0``) and lists its parts
    (name, triangle range, finish) in the glTF mesh's extras."""
    out = mesh.copy()
    parts = mesh.metadata.get("parts") if mesh.visual.kind == "face" else None
    colours = _linear_colours(mesh.visual.face_colors) if parts else None
    out.metadata.clear()
    out.unmerge_vertices()
    out.visual = TextureVisuals(material=material)
    if colours is not None:
        out.visual.vertex_attributes["color"] = np.repeat(colours, 3, axis=0)
        out.metadata["parts"] = [
            {"name": p["name"], "material": p["material"], "first_triangle": int(p["faces"][0]),
             "triangles": int(p["faces"][1] - p["faces"][0]), "rgba": list(p["rgba"]),
             "metallic": p["metallic"], "roughness": p["roughness"]}
            for p in parts
        ]
    return out


def _inverse_rigid(matrix: np.ndarray) -> np.ndarray:
    inv = np.eye(4)
    inv[:3, :3] = matrix[:3, :3].T
    inv[:3, 3] = -matrix[:3, :3].T @ matrix[:3, 3]
    return inv


def _room_extras(room: Room) -> dict:
    return {"id": room.id, "type": room.type, "kind": "room"}


def _opening_extras(opening: Opening) -> dict:
    return {
        "id": opening.id, "kind": opening.kind, "room": opening.room, "rooms": list(opening.rooms),
        "width": _num(opening.width), "height": _num(opening.height), "sill": _num(opening.sill),
        "yaw_deg": _yaw(opening.yaw_deg), "swing": opening.swing, "hinge": opening.hinge,
    }


def _object_extras(obj: PlacedObject) -> dict:
    return {
        "id": obj.id, "category": obj.category, "description": obj.description, "room": obj.room,
        "parent": obj.parent, "cell": _nums(obj.cell), "facing": obj.facing, "yaw_deg": _yaw(obj.yaw_deg),
        "size": _nums(obj.size),
    }


class _Names:
    """Node names: object ids are reserved and name their nodes exactly; a room or opening
    whose id an object also uses gets a made-up name (its id stays in its extras)."""

    def __init__(self, scene: Scene) -> None:
        self.reserved: set[str] = {"scene"}
        for obj in scene.objects:
            if obj.id in self.reserved:
                raise ValueError(f"cannot export: the object id `{obj.id}` names another node too")
            self.reserved.add(obj.id)
        self.used: set[str] = set()
        self.nodes: dict[str, str] = {}
        for kind, items in (("room", scene.rooms), ("opening", scene.openings)):
            for item in items:
                if item.id in self.nodes:
                    raise ValueError(f"cannot export: the {kind} id `{item.id}` names another node too")
                self.nodes[item.id] = self.made_up(item.id if item.id not in self.reserved else f"{item.id}_{kind}")

    def node(self, item_id: str) -> str:
        """The node name of a room or opening."""
        return self.nodes[item_id]

    def made_up(self, name: str) -> str:
        unique, n = name, 2
        while unique in self.reserved or unique in self.used:
            unique, n = f"{name}_{n}", n + 1
        self.used.add(unique)
        return unique


def build_trimesh_scene(scene: Scene, models=None) -> trimesh.Scene:
    """The glTF node tree as a trimesh Scene (see the module docstring); Y up at the root.
    ``models``: a folder of the user's own models (see :mod:`assets.user_models`)."""
    return _build(scene, models)[0]


def _build(scene: Scene, models=None) -> tuple[trimesh.Scene, _Materials]:
    materials = _Materials()
    names = _Names(scene)
    out = trimesh.Scene(
        base_frame="world",
        metadata={"name": scene.name, "cell": _num(scene.cell), "wall_thickness": _num(scene.wall_thickness),
                  "generator": GENERATOR},
    )
    graph = out.graph
    graph.update(frame_from="world", frame_to="scene", matrix=np.eye(4),
                 metadata={"kind": "scene", "name": scene.name, "cell": _num(scene.cell),
                           "wall_thickness": _num(scene.wall_thickness)})

    def add(mesh: trimesh.Trimesh, name: str, parent: str, material: PBRMaterial,
            transform: np.ndarray | None = None, extras: dict | None = None) -> None:
        prepared = _prepared(mesh, material)
        prepared.apply_transform(Z_UP_TO_Y_UP)
        out.add_geometry(prepared, node_name=name, geom_name=name, parent_node_name=parent,
                         transform=_y_up(np.eye(4) if transform is None else transform), metadata=extras)

    def add_opening(opening: Opening, parent: str) -> None:
        graph.update(frame_from=parent, frame_to=names.node(opening.id),
                     matrix=_y_up(geometry.opening_transform(opening)),
                     metadata=_opening_extras(opening))
        for name, mesh in geometry.opening_meshes(opening):
            role = mesh.metadata.get("material", "frame")
            add(mesh, names.made_up(name), names.node(opening.id), materials.role(role), extras={"part": role})

    pieces = geometry.wall_pieces(scene)
    rooms = {room.id: room for room in scene.rooms}
    for room in scene.rooms:
        graph.update(frame_from="scene", frame_to=names.node(room.id), matrix=np.eye(4), metadata=_room_extras(room))
        add(geometry.floor_mesh(room), names.made_up(f"floor_{room.id}"), names.node(room.id),
            materials.finish("floor", room.floor_material), extras={"kind": "floor", "room": room.id})
        for piece in pieces:
            if piece.room == room.id:
                add(piece.mesh, names.made_up(piece.name), names.node(room.id),
                    materials.finish("wall", room.wall_material),
                    extras={"kind": "wall", "room": room.id, "wall": piece.wall})
        for opening in scene.openings:
            if opening.room == room.id:
                add_opening(opening, names.node(room.id))
    for opening in scene.openings:
        if opening.room not in rooms:
            add_opening(opening, "scene")

    # objects in declaration order, a parent pulled in before its children;
    # a missing or cyclic parent falls back to the room
    by_id = {o.id: o for o in scene.objects}
    world: dict[str, np.ndarray] = {}

    def place(o: PlacedObject, visiting: frozenset[str] = frozenset()) -> None:
        if o.id in world:
            return
        parent = by_id.get(o.parent) if o.parent and o.parent != o.id and o.parent not in visiting else None
        if parent is not None:
            place(parent, visiting | {o.id})
        transform = geometry.object_transform(o)
        world[o.id] = transform
        if parent is not None and parent.id in world:
            node, local = parent.id, _inverse_rigid(world[parent.id]) @ transform
        else:
            node, local = (names.node(o.room) if o.room in rooms else "scene"), transform
        mesh = geometry.object_mesh(o) if models is None else geometry.object_mesh(o, models=models)
        add(mesh, o.id, node, materials.object(o.category, mesh), transform=local, extras=_object_extras(o))

    for o in scene.objects:
        place(o)
    return out, materials


def _post_processor(materials: _Materials) -> Callable[[dict], None]:
    """Fix up trimesh's tree: our generator, exact material values, no empty extras."""

    def post(tree: dict) -> None:
        tree["asset"] = {"version": "2.0", "generator": GENERATOR}
        for material in tree.get("materials", []):
            spec = materials.specs.get(material.get("name"))
            if spec is None:
                continue
            rgba, roughness, metallic = spec
            material["pbrMetallicRoughness"] = {
                "baseColorFactor": _nums(rgba), "metallicFactor": _num(metallic), "roughnessFactor": _num(roughness),
            }
            material["alphaMode"] = "BLEND" if rgba[3] < 1.0 else "OPAQUE"
            material["doubleSided"] = False
        for mesh in tree.get("meshes", []):
            if not mesh.get("extras"):
                mesh.pop("extras", None)
        _set_targets(tree)

    return post


ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963


def _set_targets(tree: dict) -> None:
    """Mark each bufferView as vertex or index data (glTF-Validator hints otherwise)."""
    views, accessors = tree.get("bufferViews"), tree.get("accessors", [])
    if not views:
        return
    targets: dict[int, set[int]] = {}
    for mesh in tree.get("meshes", []):
        for primitive in mesh.get("primitives", []):
            uses = [(a, ARRAY_BUFFER) for a in primitive.get("attributes", {}).values()]
            if "indices" in primitive:
                uses.append((primitive["indices"], ELEMENT_ARRAY_BUFFER))
            for accessor, target in uses:
                view = accessors[accessor].get("bufferView")
                if view is not None:
                    targets.setdefault(view, set()).add(target)
    for view, kinds in targets.items():
        if len(kinds) == 1:
            views[view]["target"] = kinds.pop()


def to_glb_bytes(scene: Scene, models=None) -> bytes:
    """The scene as a binary glTF (GLB); ``models`` is a folder of the user's own models."""
    built, materials = _build(scene, models)
    data = trimesh.exchange.gltf.export_glb(
        built, include_normals=True, tree_postprocessor=_post_processor(materials))
    return _without_empty_bin(data)


def _without_empty_bin(glb: bytes) -> bytes:
    """Drop an empty BIN chunk (a scene with no meshes), which glTF says to omit."""
    json_length = int.from_bytes(glb[12:16], "little")
    end = 20 + json_length
    if len(glb) == end + 8 and int.from_bytes(glb[end:end + 4], "little") == 0:
        glb = glb[:8] + end.to_bytes(4, "little") + glb[12:end]
    return glb


def to_gltf_bytes(scene: Scene, models=None) -> bytes:
    """The scene as one glTF JSON file with its buffer embedded as base64; ``models`` as in :func:`to_glb_bytes`."""
    built, materials = _build(scene, models)
    files = trimesh.exchange.gltf.export_gltf(
        built, include_normals=True, merge_buffers=True, embed_buffers=True,
        tree_postprocessor=_post_processor(materials))
    # trimesh adds the buffer views after its post-processor runs: mark them here
    tree = json.loads(files["model.gltf"])
    if not any(buffer["byteLength"] for buffer in tree.get("buffers", [])):
        tree.pop("buffers", None)  # a scene with no meshes: no empty buffer
        tree.pop("bufferViews", None)
    _set_targets(tree)
    return json.dumps(tree, separators=(",", ":")).encode("utf-8")


# --------------------------------------------------------------------------- dispatch

EXPORTERS: dict[str, Callable[..., bytes]] = {
    ".glb": to_glb_bytes,
    ".gltf": to_gltf_bytes,
    ".json": to_layout_bytes,
}


def export(scene: Scene, path: str | Path, models=None) -> Path:
    """Write ``scene`` to ``path`` in the format its extension names; returns the path.

    ``models``: a folder of the user's own models with a ``manifest.yaml`` (or a loaded
    :class:`assets.user_models.UserModels`); objects of those categories use them instead of
    the procedural meshes. A bad folder raises :class:`assets.user_models.UserModelError`."""
    path = Path(path)
    exporter = EXPORTERS.get(path.suffix.lower())
    if exporter is None:
        known = ", ".join(EXPORTERS)
        raise ValueError(f"unknown export format `{path.suffix or path.name}`: use one of {known}")
    data = exporter(scene) if models is None else exporter(scene, models=models)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


__all__ = [
    "EXPORTERS", "LAYOUT_SCHEMA", "Z_UP_TO_Y_UP", "build_trimesh_scene", "export", "palette_colour",
    "to_glb_bytes", "to_gltf_bytes", "to_layout", "to_layout_bytes",
]
