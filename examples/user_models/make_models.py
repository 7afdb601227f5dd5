"""Regenerate the example models in this folder (run from the repository root):

    python examples/user_models/make_models.py

They stand in for models a user brings from elsewhere, so each uses a different convention:

- ``designer_chair.glb``: glTF, +y up, front toward +z, one mesh per part (shell, legs) with
  PBR materials;
- ``round_lamp.obj``: Wavefront OBJ with vertex colours, +z up, front toward -y (Blender's
  convention), in centimetres;
- ``tulip_table.glb``: glTF, a pedestal table with a marble top.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import trimesh
from trimesh.visual import TextureVisuals
from trimesh.visual.material import PBRMaterial

from assets.procedural.core import ellipsoid, lathe, prism, rod, rounded_rect, transform

HERE = Path(__file__).resolve().parent
# our object frame (x right, y front, z up) -> glTF's (+y up, front +z, right -x)
TO_GLTF = np.array([[-1.0, 0, 0], [0, 0, 1.0], [0, 1.0, 0]])
# our object frame -> Blender's (+z up, front -y, right -x)
TO_BLENDER = np.array([[-1.0, 0, 0], [0, -1.0, 0], [0, 0, 1.0]])


def _mesh(geo, to: np.ndarray) -> trimesh.Trimesh:
    v, f = geo
    return trimesh.Trimesh(vertices=v @ to.T, faces=f, process=False)


def _pbr(mesh: trimesh.Trimesh, name: str, rgba, metallic: float, roughness: float) -> trimesh.Trimesh:
    mesh.visual = TextureVisuals(material=PBRMaterial(name=name, baseColorFactor=rgba, metallicFactor=metallic,
                                                      roughnessFactor=roughness))
    return mesh


def designer_chair() -> trimesh.Scene:
    """A moulded shell chair on four splayed walnut legs (0.5 x 0.55 x 0.8 m)."""
    shell = []
    seat = transform(prism(rounded_rect(0.48, 0.46, 0.12, 6), 0.0, 0.025), rot_x=-4, move=(0, 0.02, 0.43))
    back = transform(prism(rounded_rect(0.46, 0.34, 0.14, 6), 0.0, 0.022), rot_x=78, move=(0, -0.2, 0.47))
    shell = [seat, back]
    legs = [rod((sx * 0.2, sy * 0.22, 0.0), (sx * 0.12, sy * 0.12, 0.43), 0.014, 10, 0.018)
            for sx in (-1, 1) for sy in (-1, 1)]
    scene = trimesh.Scene()
    scene.add_geometry(_pbr(trimesh.util.concatenate([_mesh(g, TO_GLTF) for g in shell]), "shell_mustard",
                            [0.79, 0.56, 0.17, 1.0], 0.0, 0.4), node_name="shell", geom_name="shell")
    scene.add_geometry(_pbr(trimesh.util.concatenate([_mesh(g, TO_GLTF) for g in legs]), "walnut",
                            [0.42, 0.29, 0.2, 1.0], 0.0, 0.6), node_name="legs", geom_name="legs")
    return scene


def round_lamp() -> trimesh.Trimesh:
    """A globe floor lamp on a disc base, in centimetres (35 x 35 x 150 cm)."""
    base = lathe([(0, 0), (16, 0), (15, 2.5), (0, 3)], 32)
    pole = lathe([(0, 3), (1.2, 3), (1.2, 118), (0, 118)], 12)
    globe = ellipsoid(0, 0, 133, 17, 17, 17, 32, 16)
    switch = transform(prism(rounded_rect(3, 2, 0.5), 0, 2), move=(0, 1.5, 40))  # on the front (+y)
    parts = [(base, (40, 40, 44)), (pole, (180, 160, 120)), (globe, (250, 245, 232)), (switch, (30, 30, 30))]
    meshes = []
    for geo, colour in parts:
        m = _mesh(geo, TO_BLENDER)
        m.visual.vertex_colors = np.tile([*colour, 255], (len(m.vertices), 1)).astype(np.uint8)
        meshes.append(m)
    return trimesh.util.concatenate(meshes)


def tulip_table() -> trimesh.Scene:
    """A round pedestal table, white base and marble top (0.9 m across, 0.74 m high)."""
    base = lathe([(0, 0), (0.3, 0), (0.28, 0.03), (0.06, 0.2), (0.05, 0.55), (0.2, 0.71), (0, 0.71)], 40)
    top = lathe([(0, 0.71), (0.45, 0.71), (0.45, 0.74), (0, 0.74)], 48)
    scene = trimesh.Scene()
    scene.add_geometry(_pbr(_mesh(base, TO_GLTF), "white_lacquer", [0.95, 0.95, 0.94, 1.0], 0.0, 0.25), node_name="base",
                       geom_name="base")
    scene.add_geometry(_pbr(_mesh(top, TO_GLTF), "marble", [0.92, 0.91, 0.89, 1.0], 0.0, 0.2), node_name="top",
                       geom_name="top")
    return scene


def main() -> None:
    designer_chair().export(HERE / "designer_chair.glb")
    round_lamp().export(HERE / "round_lamp.obj", include_color=True, include_normals=False, include_texture=False)
    tulip_table().export(HERE / "tulip_table.glb")


if __name__ == "__main__":
    main()
