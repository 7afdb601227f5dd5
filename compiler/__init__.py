"""The SpatialGrammar compiler: a parsed script -> an exact 3D scene plus diagnostics."""

from .compile import CompileResult, build_scene, compile_program, compile_text
from .scene import Opening, PlacedObject, Room, Scene, Wall

__all__ = [
    "CompileResult", "Opening", "PlacedObject", "Room", "Scene", "Wall",
    "build_scene", "compile_program", "compile_text",
]
