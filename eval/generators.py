"""Generators: the plug-in point that turns a suite case into a script.

A generator is registered by name with a factory that receives the option string (the
part after ``name:`` in ``--generator name:option``) and returns a callable::

    @register_generator("dir")
    def from_folder(option: str) -> Generate:
        folder = Path(option)
        def generate(case: dict) -> str | None:
            ...
        return generate

``generate(case)`` gets the case as a plain dict (``id``, ``scenario``, ``prompt``,
``turns`` and any extra fields of the suite; never ``requirements``, the answer key) and
returns the script text, or None when it has no answer. For an editing case it returns the
final script: the scene the prompt describes with every turn applied (edit statements
appended to the scene, or the edited scene written out). A None, an exception or an
unparsable script scores zero on every metric; the case is never skipped.

Generators living in other packages register when their module is imported. An unknown
name first loads the ``spatialgrammar.generators`` entry points and, for ``agent`` and
``sgmini``, imports that package (``--generator sgmini:...`` imports ``sgmini``, whose
``__init__`` should import the module that registers it), then looks again.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Callable

from .registry import GENERATORS, register_generator

ENTRY_POINT_GROUP = "spatialgrammar.generators"
PROJECT_PACKAGES = ("agent", "sgmini")
"""Packages of this project that may register generators when imported."""

Generate = Callable[[dict], "str | None"]


@register_generator("dir")
def from_folder(option: str) -> Generate:
    """``dir:PATH`` scores a folder of hand-written or pre-generated scripts named ``<id>.sg``."""
    if not option:
        raise ValueError("`dir` needs a folder: `--generator dir:PATH`")
    folder = Path(option)
    if not folder.is_dir():
        raise ValueError(f"`dir:{option}`: no such folder")

    def generate(case: dict) -> str | None:
        path = folder / f"{case['id']}.sg"
        if not path.is_file():
            return None
        return path.read_text(encoding="utf-8")

    return generate


@register_generator("null")
def nothing(option: str) -> Generate:
    """``null`` answers nothing: the floor every real generator must beat (all zeros)."""

    def generate(case: dict) -> str | None:
        return None

    return generate


def make_generator(spec: str) -> Generate:
    """``"dir:eval/suites/dev_ref"`` -> the ``dir`` generator built with that option."""
    name, _, option = spec.partition(":")
    if name not in GENERATORS:
        _discover(name)
    return GENERATORS.get(name)(option)


def _discover(name: str) -> None:
    """Import the modules that may register ``name``; a failed import is not an error here."""
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            ep.load()
        except Exception:  # noqa: BLE001 - a broken plug-in must not hide the known ones
            continue
    if name in PROJECT_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def known_generators() -> list[str]:
    return GENERATORS.names()
