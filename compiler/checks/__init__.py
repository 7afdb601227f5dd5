"""Physical checks on a compiled scene, each a registered plug-in with a stable code.

    from compiler.checks import run_checks, known_checks, register_check
    diagnostics = run_checks(scene)                    # every check
    diagnostics = run_checks(scene, only=["collision"])

Codes: ``collision``, ``out_of_room``, ``too_large_for_room``, ``unsupported``,
``door_blocked``, ``window_blocked`` (warning), ``opening_overlap``,
``opening_out_of_wall``, ``unreachable``. Each module's docstring says what its rule
checks and why; ``explain(code)`` returns that text.
"""

from __future__ import annotations

import inspect

from .registry import CheckFn, diagnostic_order, known_checks, register_check, run_checks
from . import bounds, collision, openings, reach, support  # noqa: F401  (they register)
from .registry import _CHECKS, unknown_check_message


def explain(code: str) -> str:
    """The documentation of a check: its module's docstring then the function's."""
    if code not in _CHECKS:
        raise ValueError(unknown_check_message(code))
    fn = _CHECKS[code]
    module = inspect.getmodule(fn)
    parts = [inspect.getdoc(module) or "", inspect.getdoc(fn) or ""]
    return "\n\n".join(p for p in parts if p)


__all__ = ["CheckFn", "diagnostic_order", "explain", "known_checks", "register_check", "run_checks"]
