"""Name -> plug-in tables for the benchmark: predicates, metrics and generators.

Each plug-in registers itself with a decorator (``@register_predicate("on")``,
``@register_metric("collision")``, ``@register_generator("dir")``). Registering a name
twice is a programming error and fails at import time; looking up an unknown name fails
with the list of known names and the closest one.
"""

from __future__ import annotations

import difflib
from typing import Callable, Generic, Iterator, TypeVar

T = TypeVar("T")


class UnknownName(KeyError):
    """A name that no plug-in registered; the message lists the known ones."""

    def __init__(self, kind: str, name: str, known: list[str]):
        self.kind, self.name, self.known = kind, name, known
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
        suggestion = f"; did you mean `{close[0]}`?" if close else ""
        listed = ", ".join(f"`{k}`" for k in known) or "none"
        self.message = f"unknown {kind} `{name}`{suggestion} (known {kind}s: {listed})"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class Registry(Generic[T]):
    """A table of plug-ins of one kind, filled by the ``register`` decorator."""

    def __init__(self, kind: str):
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def decorate(item: T) -> T:
            if name in self._items:
                raise ValueError(f"{self.kind} `{name}` is already registered")
            self._items[name] = item
            return item

        return decorate

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            raise UnknownName(self.kind, name, self.names()) from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def items(self) -> list[tuple[str, T]]:
        return [(name, self._items[name]) for name in self.names()]


PREDICATES: Registry = Registry("predicate")
METRICS: Registry = Registry("metric")
GENERATORS: Registry = Registry("generator")


def register_predicate(name: str):
    """Decorator: a requirement check ``{"<name>": {...}}`` over a compiled scene."""
    return PREDICATES.register(name)


def register_metric(name: str):
    """Decorator: a metric class scoring one case and aggregating over a suite."""
    return METRICS.register(name)


def register_generator(name: str):
    """Decorator: a generator factory, called with the option string after ``name:``."""
    return GENERATORS.register(name)
