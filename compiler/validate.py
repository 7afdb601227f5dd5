"""Run the Khronos glTF-Validator (``scripts/validate_gltf.mjs``) on exported files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "validate_gltf.mjs"
PACKAGE = ROOT / "node_modules" / "gltf-validator"


class ValidatorUnavailable(RuntimeError):
    """Node or the npm package ``gltf-validator`` is missing."""


def validator_command() -> list[str]:
    """The command that runs the validator; raises :class:`ValidatorUnavailable` if it cannot run."""
    node = shutil.which("node")
    if node is None:
        raise ValidatorUnavailable("node is not installed: install Node.js, then run scripts/setup.sh")
    if not SCRIPT.is_file():
        raise ValidatorUnavailable(f"{SCRIPT} is missing: run the validator from a checkout of the repository")
    if not (PACKAGE / "package.json").is_file():
        raise ValidatorUnavailable(f"gltf-validator is not installed in {PACKAGE.parent}: run scripts/setup.sh")
    return [node, str(SCRIPT)]


def validate_gltf(path: str | Path, timeout: float = 120.0) -> dict:
    """Validate one .glb/.gltf file: ``{file, errors, warnings, infos, hints, messages}``
    (``messages`` holds the first 20 issues as ``"severity CODE: message (pointer)"``)."""
    command = validator_command() + [str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode not in (0, 1) or not lines:
        raise ValidatorUnavailable(
            f"the glTF validator failed (exit {done.returncode}): {done.stderr.strip() or 'no output'}")
    return json.loads(lines[-1])
