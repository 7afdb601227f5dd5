"""The check registry: every physical rule registers itself under its diagnostic code.

A check is a plain function ``Scene -> Iterator[Diagnostic]`` decorated with
``@register_check("code")``. The code is the stable diagnostic name (``collision``,
``out_of_room``, ...); registering the same code twice is a programming error and
fails loudly at import time.
"""

from __future__ import annotations

import difflib
from typing import Callable, Iterator

from spatialgrammar.diagnostics import Diagnostic

from ..scene import Scene

CheckFn = Callable[[Scene], Iterator[Diagnostic]]

_CHECKS: dict[str, CheckFn] = {}

_NO_LINE = 1 << 30


def register_check(code: str) -> Callable[[CheckFn], CheckFn]:
    """Decorator: register ``fn`` as the check that reports diagnostics with ``code``."""

    def decorate(fn: CheckFn) -> CheckFn:
        if code in _CHECKS:
            raise ValueError(f"check `{code}` is already registered (by {_CHECKS[code].__module__})")
        _CHECKS[code] = fn
        return fn

    return decorate


def known_checks() -> list[str]:
    """The registered check codes, sorted."""
    return sorted(_CHECKS)


def diagnostic_order(d: Diagnostic) -> tuple:
    """Sort key: source position, then code, then the objects involved."""
    span = d.span
    line, column = (span.line, span.column) if span is not None else (_NO_LINE, _NO_LINE)
    return (line, column, d.code, tuple(d.objects), d.message)


def run_checks(scene: Scene, only: list[str] | None = None) -> list[Diagnostic]:
    """Run the registered checks (or just those named in ``only``) in a deterministic order."""
    if only is None:
        names = known_checks()
    else:
        unknown = [name for name in only if name not in _CHECKS]
        if unknown:
            raise ValueError(unknown_check_message(unknown[0]))
        names = sorted(set(only))
    found: list[Diagnostic] = []
    for name in names:
        found.extend(_CHECKS[name](scene))
    found.sort(key=diagnostic_order)
    return found


def unknown_check_message(name: str) -> str:
    """``unknown check `x`; did you mean `y`? (known checks: ...)``."""
    known = known_checks()
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    suggestion = f"; did you mean `{close[0]}`?" if close else ""
    listed = ", ".join(f"`{k}`" for k in known)
    return f"unknown check `{name}`{suggestion} (known checks: {listed})"
