"""Export: glTF/GLB node tree, Y-up conversion, real wall holes, determinism, JSON layout."""

from __future__ import annotations

import io
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import trimesh

from compiler import geometry
from compiler.export import EXPORTERS, LAYOUT_SCHEMA, export, to_glb_bytes, to_layout
from compiler.scene import Opening, PlacedObject, Room, Scene, Wall, yaw_of

ROOT = Path(__file__).resolve().parents[1]
T = 0.1  # wall thickness
SIDE_OF_INWARD = {(0, -1): "north", (0, 1): "south", (-1, 0): "east", (1, 0): "west"}
OBJECT_KEYS = ["id", "category", "description", "room", "parent", "position", "size", "yaw_deg"]
ROOM_KEYS = ["id", "type", "polygon", "floor_z", "height"]
OPENING_KEYS = ["id", "kind", "rooms", "position", "width", "height", "sill", "yaw_deg"]


# --------------------------------------------------------------------------- fixtures


def make_room(room_id: str, room_type: str, polygon: list[tuple[float, float]], height: float = 2.7) -> Room:
    walls = []
    for index, (a, b) in enumerate(zip(polygon, polygon[1:] + polygon[:1])):
        length = math.dist(a, b)
        inward = (round(-(b[1] - a[1]) / length), round((b[0] - a[0]) / length))
        walls.append(Wall(room=room_id, index=index, side=SIDE_OF_INWARD.get(inward), start=a, end=b,
                          height=height, thickness=T))
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    return Room(id=room_id, type=room_type, polygon=polygon, origin=(min(xs), min(ys)), height=height, walls=walls)


def make_opening(opening_id: str, kind: str, room: Room, wall: int, along: float, rooms: list[str],
                 width: float, height: float, sill: float = 0.0) -> Opening:
    w = room.walls[wall]
    (dx, dy), (sx, sy) = w.direction, w.start
    return Opening(id=opening_id, kind=kind, room=room.id, rooms=rooms, wall_index=wall,
                   position=(sx + dx * along, sy + dy * along, sill), yaw_deg=yaw_of(w.inward),
                   width=width, height=height, sill=sill, thickness=T)


def obj(object_id: str, category: str, room: str, position, size, yaw: float = 0.0, parent: str | None = None,
        description: str | None = None, facing: str = "north") -> PlacedObject:
    return PlacedObject(id=object_id, category=category, description=description, room=room, parent=parent,
                        surface="top" if parent else "floor", position=position, size=size, yaw_deg=yaw,
                        cell=(0.0, 0.0), facing=facing)


def build_scene() -> Scene:
    """A bedroom and a hall sharing the wall x = 4; a door in it, a window, a front door;
    a bed, a nightstand with a lamp on it, a wardrobe (2 m, facing west) with a box on top."""
    bedroom = make_room("bedroom", "bedroom", [(0.0, 0.0), (4.0, 0.0), (4.0, 3.5), (0.0, 3.5)])
    hall = make_room("hall", "hallway", [(4.0, 0.0), (6.0, 0.0), (6.0, 3.5), (4.0, 3.5)])
    openings = [
        make_opening("d1", "door", bedroom, 1, 1.5, ["bedroom", "hall"], 0.9, 2.1),  # east wall, x = 4
        make_opening("w1", "window", bedroom, 2, 2.0, ["bedroom"], 1.2, 1.2, sill=0.9),  # north wall
        make_opening("front", "door", hall, 0, 1.0, ["hall"], 0.9, 2.1),  # south wall of the hall
    ]
    objects = [
        obj("bed", "bed", "bedroom", (2.0, 1.05, 0.0), (1.6, 2.0, 0.5), description="a queen bed"),
        obj("ns1", "nightstand", "bedroom", (0.95, 0.25, 0.0), (0.5, 0.4, 0.55)),
        obj("lamp", "table_lamp", "bedroom", (0.95, 0.25, 0.55), (0.3, 0.3, 0.45), parent="ns1"),
        obj("wardrobe", "wardrobe", "hall", (5.65, 2.5, 0.0), (1.0, 0.6, 2.0), yaw=90.0, facing="west"),
        obj("box", "storage_box", "hall", (5.65, 2.3, 2.0), (0.4, 0.3, 0.25), yaw=90.0, parent="wardrobe"),
    ]
    return Scene(name="Flat", cell=0.1, wall_thickness=T, rooms=[bedroom, hall], openings=openings, objects=objects)


def build_tricky_scene() -> Scene:
    """An L-shaped living room 3 m high; a 2.5 m kitchen sharing only part of its east wall
    (x = 6, y 1..3); a 2.4 m bathroom in the L's inner corner making T-junctions; the
    kitchen declares the door on the shared wall, which the living room builds."""
    living = make_room("living", "living_room", [(0.0, 0.0), (6.0, 0.0), (6.0, 3.0), (3.0, 3.0), (3.0, 6.0),
                                                 (0.0, 6.0)], height=3.0)
    kitchen = make_room("kitchen", "kitchen", [(6.0, 1.0), (9.0, 1.0), (9.0, 4.0), (6.0, 4.0)], height=2.5)
    bath = make_room("bath", "bathroom", [(3.0, 3.0), (5.0, 3.0), (5.0, 5.0), (3.0, 5.0)], height=2.4)
    openings = [
        make_opening("kd", "door", kitchen, 3, 1.5, ["kitchen", "living"], 0.8, 2.0),  # x = 6, y = 2.5
        make_opening("bd", "door", bath, 0, 1.0, ["bath", "living"], 0.8, 2.0),  # y = 3, x = 4
        make_opening("w", "window", living, 4, 1.5, ["living"], 1.0, 1.0, sill=1.0),  # y = 6, x = 1.5
    ]
    objects = [
        obj("table", "table", "living", (1.5, 1.5, 0.0), (1.2, 0.8, 0.75), yaw=45.0),
        obj("vase", "vase", "living", (1.6, 1.4, 0.75), (0.2, 0.2, 0.3), yaw=10.0, parent="table"),
        obj("stray", "chair", "nowhere", (8.0, 2.0, 0.0), (0.5, 0.5, 0.9), parent="missing"),
        obj("a", "box", "living", (1.0, 5.0, 0.0), (0.3, 0.3, 0.3), parent="b"),  # a cycle
        obj("b", "box", "living", (1.0, 5.0, 0.3), (0.3, 0.3, 0.3), parent="a"),
    ]
    return Scene(name="Tricky", cell=0.1, wall_thickness=T, rooms=[living, kitchen, bath], openings=openings,
                 objects=objects)


@pytest.fixture(scope="module")
def scene() -> Scene:
    return build_scene()


@pytest.fixture(scope="module")
def glb(scene) -> bytes:
    return to_glb_bytes(scene)


@pytest.fixture(scope="module")
def loaded(glb) -> trimesh.Scene:
    return trimesh.load(io.BytesIO(glb), file_type="glb")


def glb_json(data: bytes) -> dict:
    length = int.from_bytes(data[12:16], "little")
    return json.loads(data[20:20 + length])


def world_bounds(loaded: trimesh.Scene, node: str) -> np.ndarray:
    matrix, geom = loaded.graph.get(node)
    return trimesh.transform_points(loaded.geometry[geom].vertices, matrix)



# --------------------------------------------------------------------------- validator


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("suffix", [".glb", ".gltf"])
def test_export_passes_khronos_validator(scene, tmp_path, suffix):
    from compiler.validate import validate_gltf

    for name, built in (("flat", scene), ("tricky", build_tricky_scene()), ("empty", Scene(name="e", cell=0.1,
                                                                                         wall_thickness=T))):
        report = validate_gltf(export(built, tmp_path / f"{name}{suffix}"))
        assert report["errors"] == 0, report["messages"]
        assert report["warnings"] + report["infos"] + report["hints"] == 0, report["messages"]


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_validator_script_reports_errors(tmp_path):
    broken = tmp_path / "broken.gltf"
    broken.write_text('{"asset": {}}')
    done = subprocess.run(["node", str(ROOT / "scripts" / "validate_gltf.mjs"), str(broken)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    line = json.loads(done.stdout.splitlines()[0])
    assert set(line) == {"file", "errors", "warnings", "infos", "hints", "messages"}
    assert line["errors"] >= 1 and line["messages"]


# --------------------------------------------------------------------------- node tree


def test_one_node_per_object_and_parents(scene, loaded):
    parents = loaded.graph.transforms.parents
    for o in scene.objects:
        assert o.id in loaded.graph.nodes
        assert parents[o.id] == (o.parent or o.room)
    assert parents["lamp"] == "ns1" and parents["box"] == "wardrobe"
    for room in scene.rooms:
        assert parents[room.id] == "scene"
    assert parents["d1"] == "bedroom" and parents["front"] == "hall"
    assert {"d1_leaf", "d1_frame", "w1_glass", "w1_frame"} <= set(loaded.graph.nodes)


def test_node_extras(scene, glb):
    nodes = {n["name"]: n for n in glb_json(glb)["nodes"]}
    assert nodes["lamp"]["extras"] == {
        "id": "lamp", "category": "table_lamp", "description": None, "room": "bedroom", "parent": "ns1",
        "cell": [0.0, 0.0], "facing": "north", "yaw_deg": 0.0, "size": [0.3, 0.3, 0.45],
    }
    assert nodes["bed"]["extras"]["description"] == "a queen bed"
    assert nodes["hall"]["extras"] == {"id": "hall", "type": "hallway", "kind": "room"}
    assert nodes["d1"]["extras"]["rooms"] == ["bedroom", "hall"]
    assert [n["name"] for n in glb_json(glb)["nodes"] if n["name"] in {"bed", "ns1", "lamp"}] == ["bed", "ns1", "lamp"]


def test_every_node_is_y_up_and_the_root_is_plain(glb):
    tree = glb_json(glb)
    (root,) = tree["scenes"][0]["nodes"]
    node = tree["nodes"][root]
    assert node["name"] == "scene" and "matrix" not in node
    rooms = [tree["nodes"][i] for i in node["children"]]
    assert [r["name"] for r in rooms] == ["bedroom", "hall"]
    assert all("matrix" not in r for r in rooms)
    # an object's own mesh is Y up: its height is its local y extent
    wardrobe = next(n for n in tree["nodes"] if n["name"] == "wardrobe")
    accessor = tree["accessors"][tree["meshes"][wardrobe["mesh"]]["primitives"][0]["attributes"]["POSITION"]]
    assert np.isclose(accessor["max"][1] - accessor["min"][1], 2.0)


def test_heights_on_plus_y_and_north_on_minus_z(loaded):
    v = world_bounds(loaded, "wardrobe")  # 2 m tall at (5.65, 2.5), facing west: 0.6 deep along x
    assert np.allclose(v.min(axis=0), [5.35, 0.0, -3.0], atol=1e-6)
    assert np.allclose(v.max(axis=0), [5.95, 2.0, -2.0], atol=1e-6)
    lamp = world_bounds(loaded, "lamp")  # on the 0.55 m nightstand, 0.45 m tall
    assert np.allclose([lamp[:, 1].min(), lamp[:, 1].max()], [0.55, 1.0], atol=1e-6)
    box = world_bounds(loaded, "box")  # child of a turned parent keeps its world pose
    assert np.allclose(box.min(axis=0), [5.5, 2.0, -2.5], atol=1e-6)
    assert np.allclose(box.max(axis=0), [5.8, 2.25, -2.1], atol=1e-6)


def test_materials(glb):
    materials = {m["name"]: m for m in glb_json(glb)["materials"]}
    assert {"mat_bed", "mat_nightstand", "mat_table_lamp", "mat_wardrobe", "mat_floor", "mat_wall", "mat_glass",
            "mat_door", "mat_frame"} <= set(materials)
    glass = materials["mat_glass"]
    assert glass["alphaMode"] == "BLEND" and glass["pbrMetallicRoughness"]["baseColorFactor"][3] == 0.3
    assert materials["mat_bed"]["alphaMode"] == "OPAQUE"
    assert materials["mat_bed"]["pbrMetallicRoughness"] != materials["mat_wardrobe"]["pbrMetallicRoughness"]


# --------------------------------------------------------------------------- determinism


def test_byte_identical(scene, glb, tmp_path):
    assert to_glb_bytes(build_scene()) == glb
    for suffix in (".glb", ".gltf", ".json"):
        a = export(scene, tmp_path / f"a{suffix}").read_bytes()
        b = export(build_scene(), tmp_path / f"b{suffix}").read_bytes()
        assert a == b


def test_byte_identical_across_processes(glb):
    code = ("import sys; sys.path.insert(0, 'tests'); from test_export import build_scene; "
            "from compiler.export import to_glb_bytes; sys.stdout.buffer.write(to_glb_bytes(build_scene()))")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, check=True)
    assert done.stdout == glb


# --------------------------------------------------------------------------- walls and holes


def inside_any(meshes, point) -> list[str]:
    return [name for name, mesh in meshes if mesh.contains([point])[0]]


def test_door_and_window_are_real_holes(scene):
    walls = geometry.wall_meshes(scene)
    assert inside_any(walls, (4.0, 1.5, 1.05)) == []  # door d1 at mid-height
    assert inside_any(walls, (4.0, 1.1, 1.05)) == []  # still inside the 0.9 m hole
    assert len(inside_any(walls, (4.0, 0.95, 1.05))) == 1  # just beside the hole
    assert len(inside_any(walls, (4.0, 1.5, 2.4))) == 1  # lintel above the door
    assert inside_any(walls, (2.0, 3.5, 1.5)) == []  # window w1
    assert len(inside_any(walls, (2.0, 3.5, 0.45))) == 1  # under the sill
    assert len(inside_any(walls, (2.0, 3.5, 2.4))) == 1  # above the window
    assert inside_any(walls, (5.0, 0.0, 1.0)) == []  # front door
    assert len(inside_any(walls, (5.0, 0.0, 2.5))) == 1


def test_shared_wall_built_once_and_corners_closed(scene):
    walls = geometry.wall_meshes(scene)
    names = [name for name, _ in walls]
    assert len(names) == len(set(names))
    assert inside_any(walls, (4.0, 3.0, 1.0)) == ["wall_bedroom_1_2"]  # one piece, owned by the first room
    assert not any(name.startswith("wall_hall_3_") for name in names)  # the hall's side of it
    assert inside_any(walls, (-0.04, -0.04, 1.0))  # outer corner
    assert inside_any(walls, (6.04, 3.54, 1.0))
    for _, mesh in walls:
        assert mesh.is_watertight and mesh.bounds[0][2] >= 0 and mesh.bounds[1][2] <= 2.7 + 1e-9
    assert not inside_any(walls, (2.0, 1.75, 1.0))  # the middle of the bedroom


def overlaps(meshes) -> list[tuple[str, str]]:
    """Pairs of axis-aligned wall boxes sharing some volume."""
    found = []
    for i, (name_a, a) in enumerate(meshes):
        for name_b, b in meshes[i + 1:]:
            if np.all(np.minimum(a.bounds[1], b.bounds[1]) - np.maximum(a.bounds[0], b.bounds[0]) > 1e-9):
                found.append((name_a, name_b))
    return found


@pytest.mark.parametrize("make", [build_scene, build_tricky_scene])
def test_walls_close_corners_and_t_junctions_without_overlap(make):
    built = make()
    walls = geometry.wall_meshes(built)
    assert overlaps(walls) == []
    for room in built.rooms:  # every corner square of every room is walled
        for x, y in room.polygon:
            for dx in (-0.04, 0.04):
                for dy in (-0.04, 0.04):
                    assert len(inside_any(walls, (x + dx, y + dy, 1.0))) == 1, (room.id, x, y, dx, dy)


def test_tricky_walls():
    built = build_tricky_scene()
    walls = geometry.wall_meshes(built)
    names = [name for name, _ in walls]
    assert inside_any(walls, (6.0, 2.5, 1.0)) == []  # the kitchen's door, in the wall the living room builds
    assert inside_any(walls, (6.0, 1.9, 1.0))[0].startswith("wall_living_1_")
    assert inside_any(walls, (6.0, 3.5, 1.0))[0].startswith("wall_kitchen_3_")  # the kitchen's own stretch
    assert inside_any(walls, (4.0, 3.0, 1.0)) == []  # the bathroom's door
    assert inside_any(walls, (1.5, 6.0, 1.5)) == []  # the window
    assert not any(n.startswith("wall_bath_0_") for n in names)  # built by the living room
    assert inside_any(walls, (6.0, 0.5, 2.9)) and not inside_any(walls, (9.0, 2.0, 2.6))  # 3 m vs 2.5 m rooms
    assert inside_any(walls, (6.0, 2.0, 2.9))  # a shared stretch takes the taller room's height


def test_tricky_node_tree(tmp_path):
    back = trimesh.load(export(build_tricky_scene(), tmp_path / "tricky.glb"))
    parents = back.graph.transforms.parents
    assert parents["vase"] == "table" and parents["stray"] == "scene"
    assert (parents["a"], parents["b"]) == ("b", "living")  # a cycle is broken once, at the first found
    vase = world_bounds(back, "vase")
    assert np.allclose([vase[:, 1].min(), vase[:, 1].max()], [0.75, 1.05], atol=1e-6)
    centre = (vase.min(axis=0) + vase.max(axis=0)) / 2
    assert np.allclose([centre[0], centre[2]], [1.6, -1.4], atol=1e-6)


def test_wall_piece_names_follow_the_wall(scene):
    names = [name for name, _ in geometry.wall_meshes(scene)]
    # east wall of the bedroom (shared): below-left solid, lintel, right solid
    assert [n for n in names if n.startswith("wall_bedroom_1_")] == [
        "wall_bedroom_1_0", "wall_bedroom_1_1", "wall_bedroom_1_2"]
    # north wall with the window: left, below sill, above, right
    assert len([n for n in names if n.startswith("wall_bedroom_2_")]) == 4
    assert "wall_bedroom_0_0" in names and "wall_hall_1_0" in names


def test_opening_meshes():
    bedroom = make_room("r", "bedroom", [(0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (0.0, 3.0)])
    door = make_opening("d", "door", bedroom, 0, 2.0, ["r"], 0.9, 2.1)
    parts = dict(geometry.opening_meshes(door))
    assert set(parts) == {"d_frame", "d_leaf"}
    leaf = parts["d_leaf"].bounds
    assert math.isclose(leaf[1][1] - leaf[0][1], 0.04)
    assert leaf[0][0] >= -0.45 and leaf[1][0] <= 0.45 and leaf[1][2] <= 2.1
    assert parts["d_frame"].bounds[1][2] == pytest.approx(2.1)
    window = make_opening("w", "window", bedroom, 2, 2.0, ["r"], 1.2, 1.2, sill=0.9)
    parts = dict(geometry.opening_meshes(window))
    assert set(parts) == {"w_frame", "w_glass"}
    assert parts["w_glass"].metadata["material"] == "glass"


def test_floor_mesh():
    room = make_room("r", "kitchen", [(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (2.0, 2.0), (2.0, 4.0), (0.0, 4.0)])
    mesh = geometry.floor_mesh(room)
    assert np.allclose(mesh.bounds, [[0, 0, -0.02], [4, 4, 0]])
    assert mesh.volume == pytest.approx(12 * 0.02)


def test_object_mesh_and_seam(monkeypatch):
    o = obj("sofa", "sofa", "r", (1.0, 2.0, 0.0), (2.0, 0.9, 0.8), yaw=270.0)
    mesh = geometry.object_mesh(o)
    assert np.allclose(mesh.bounds, [[-1.0, -0.45, 0.0], [1.0, 0.45, 0.8]])
    seen = []

    def custom(category, size, description=None, seed=0):
        seen.append((category, tuple(size), seed))
        return trimesh.creation.icosphere()

    monkeypatch.setattr(geometry, "mesh_for", custom)
    geometry.object_mesh(o)
    assert seen == [("sofa", (2.0, 0.9, 0.8), geometry.object_seed("sofa"))]


# --------------------------------------------------------------------------- JSON layout


def check_schema(value, schema, root, where="$"):
    """A small checker for the JSON Schema subset layout.schema.json uses."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        check_schema(value, target, root, where)
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        python = {"object": dict, "array": list, "string": str, "null": type(None)}
        ok = any(
            (k == "number" and isinstance(value, (int, float)) and not isinstance(value, bool))
            or (k in python and isinstance(value, python[k]))
            for k in kinds
        )
        assert ok, f"{where}: {value!r} is not {kinds}"
    if "enum" in schema:
        assert value in schema["enum"], where
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: missing {key}"
        props = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            assert set(value) <= set(props), f"{where}: extra keys {set(value) - set(props)}"
        for key, sub in props.items():
            if key in value:
                check_schema(value[key], sub, root, f"{where}.{key}")
    if isinstance(value, list):
        assert len(value) >= schema.get("minItems", 0), where
        assert len(value) <= schema.get("maxItems", len(value)), where
        for i, item in enumerate(value):
            if "items" in schema:
                check_schema(item, schema["items"], root, f"{where}[{i}]")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        assert value >= schema.get("minimum", value), where
        assert value > schema.get("exclusiveMinimum", value - 1), where
        assert value < schema.get("exclusiveMaximum", value + 1), where
    if isinstance(value, str):
        assert len(value) >= schema.get("minLength", 0), where


def test_layout_matches_schema_and_brief(scene, tmp_path):
    path = export(scene, tmp_path / "flat.json")
    text = path.read_text(encoding="utf-8")
    layout = json.loads(text)
    assert text == json.dumps(layout, indent=2, ensure_ascii=False) + "\n"
    schema = json.loads(LAYOUT_SCHEMA.read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    check_schema(layout, schema, schema)
    try:
        import jsonschema
    except ImportError:  # the structural checker above still ran
        pass
    else:
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(layout)
    assert list(layout) == ["scene", "objects", "rooms", "openings"]
    assert list(layout["scene"]) == ["name", "cell", "wall_thickness"]
    assert all(list(o) == OBJECT_KEYS for o in layout["objects"])
    assert all(list(r) == ROOM_KEYS for r in layout["rooms"])
    assert all(list(o) == OPENING_KEYS for o in layout["openings"])
    lamp = next(o for o in layout["objects"] if o["id"] == "lamp")
    assert lamp == {"id": "lamp", "category": "table_lamp", "description": None, "room": "bedroom",
                    "parent": "ns1", "position": [0.95, 0.25, 0.55], "size": [0.3, 0.3, 0.45], "yaw_deg": 0.0}
    assert layout["openings"][0]["rooms"] == ["bedroom", "hall"] and layout["openings"][0]["yaw_deg"] == 90.0


def test_layout_rounds_and_orders():
    room = make_room("r", "bedroom", [(0.0, 0.0), (0.0, 3.0), (3.0, 3.0), (3.0, 0.0)])  # clockwise input
    noisy = obj("t", "table", "r", (1.0000000001, 0.1 + 0.2, -0.0), (0.8, 0.8, 0.75), yaw=-90.0)
    layout = to_layout(Scene(name="n", cell=0.1, wall_thickness=T, rooms=[room], objects=[noisy]))
    assert layout["rooms"][0]["polygon"] == [[3.0, 0.0], [3.0, 3.0], [0.0, 3.0], [0.0, 0.0]]
    assert layout["objects"][0]["position"] == [1.0, 0.3, 0.0]
    assert layout["objects"][0]["yaw_deg"] == 270.0


def test_layout_schema_rejects_wrong_keys(scene):
    schema = json.loads(LAYOUT_SCHEMA.read_text())
    layout = to_layout(scene)
    layout["objects"][0]["pos"] = layout["objects"][0].pop("position")
    with pytest.raises(AssertionError):
        check_schema(layout, schema, schema)


# --------------------------------------------------------------------------- formats


def test_gltf_embeds_its_buffer(scene, tmp_path):
    path = export(scene, tmp_path / "flat.gltf")
    tree = json.loads(path.read_text())
    assert len(tree["buffers"]) == 1
    assert tree["buffers"][0]["uri"].startswith("data:application/octet-stream;base64,")
    assert not list(tmp_path.glob("*.bin"))
    back = trimesh.load(path)
    assert {o.id for o in scene.objects} <= set(back.graph.nodes)
    assert back.graph.transforms.parents["lamp"] == "ns1"


def test_unknown_extension(scene, tmp_path):
    with pytest.raises(ValueError, match=r"\.glb, \.gltf, \.json") as info:
        export(scene, tmp_path / "flat.usdz")
    assert "`.usdz`" in str(info.value)
    assert not (tmp_path / "flat.usdz").exists()
    assert set(EXPORTERS) == {".glb", ".gltf", ".json"}


def test_duplicate_object_ids_are_refused(scene):
    clash = scene.model_copy(deep=True)
    clash.objects[1] = clash.objects[1].model_copy(update={"id": clash.objects[0].id})
    with pytest.raises(ValueError, match=f"`{clash.objects[0].id}`"):
        to_glb_bytes(clash)


def test_a_room_sharing_an_object_id_gets_its_own_node_name(scene):
    clash = scene.model_copy(deep=True)
    clash.objects[0] = clash.objects[0].model_copy(update={"id": "hall"})
    names = [n["name"] for n in glb_json(to_glb_bytes(clash))["nodes"]]
    assert names.count("hall") == 1 and "hall_room" in names
