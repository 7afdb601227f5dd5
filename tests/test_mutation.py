"""Mutation: broken variants of real scripts get diagnostics with locations, never a traceback.

Every example (and every format fixture) is mutated many times with a seeded random.Random:
characters deleted, inserted or swapped, lines deleted, duplicated or swapped, keywords inserted.
`parse_diagnostics` must return normally, and each error it reports must carry a span that points
into the mutated file (1-based line and column; the line at most one past the last line, where an
unexpected end of file is reported).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from spatialgrammar import parse_diagnostics

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "examples").glob("*.sg")) + sorted(
    (ROOT / "tests" / "fixtures" / "format").glob("*.sg"))

KEYWORDS = [
    "scene", "room", "rect", "poly", "door", "window", "object", "group", "on", "in", "move",
    "rotate", "remove", "replace", "at", "against", "wall", "corner", "centered", "left of",
    "right of", "in front of", "behind", "next to", "around", "row", "grid 2x2", "facing",
    "aligned with", "gap", "offset", "spacing", "size", "height", "sill", "swing", "hinge",
    "shelf", "ceiling", "top", "north", "NE", "objet", "nort", "agaisnt", "{", "}", "1.5", "-3",
    "12x8", '"desc"', "# note",
]
CHARS = list("abcxyzNESW0123456789 _,.-{}\"#\t\n") + ["\r", "é", "\x00", "\u2028", "\\"]


def _delete_char(rng: random.Random, text: str) -> str:
    if not text:
        return text
    i = rng.randrange(len(text))
    return text[:i] + text[i + 1:]


def _insert_char(rng: random.Random, text: str) -> str:
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(CHARS) + text[i:]


def _swap_chars(rng: random.Random, text: str) -> str:
    if len(text) < 2:
        return text
    i = rng.randrange(len(text) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


LinesOp = Callable[[random.Random, list[str]], None]


def _lines_op(op: LinesOp) -> Callable[[random.Random, str], str]:
    def mutate(rng: random.Random, text: str) -> str:
        lines = text.split("\n")
        op(rng, lines)
        return "\n".join(lines)
    return mutate


def _delete_line(rng: random.Random, lines: list[str]) -> None:
    if lines:
        del lines[rng.randrange(len(lines))]


def _duplicate_line(rng: random.Random, lines: list[str]) -> None:
    if lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])


def _swap_lines(rng: random.Random, lines: list[str]) -> None:
    if len(lines) >= 2:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]


def _insert_keyword(rng: random.Random, text: str) -> str:
    i = rng.randrange(len(text) + 1)
    return text[:i] + " " + rng.choice(KEYWORDS) + " " + text[i:]


def _replace_word(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    words[rng.randrange(len(words))] = rng.choice(KEYWORDS)
    return " ".join(words)


MUTATIONS = [
    _delete_char, _insert_char, _swap_chars, _lines_op(_delete_line), _lines_op(_duplicate_line),
    _lines_op(_swap_lines), _insert_keyword, _replace_word,
]


def mutants(seed: int, per_source: int):
    """(source name, mutated text) pairs, one to three mutations each, reproducible by seed."""
    rng = random.Random(seed)
    for path in SOURCES:
        original = path.read_text(encoding="utf-8")
        for _ in range(per_source):
            text = original
            for _ in range(rng.randint(1, 3)):
                text = rng.choice(MUTATIONS)(rng, text)
            yield path.name, text


def line_count(text: str) -> int:
    """Lines in the file as an editor counts them (a final newline opens no new line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def check(name: str, text: str) -> tuple[bool, list[str]]:
    """(any error found, problems with the contract) for one mutant."""
    try:
        _, found = parse_diagnostics(text, file=name)
    except Exception as err:  # noqa: BLE001 - any exception is the failure we look for
        return False, [f"{name}: raised {type(err).__name__}: {err!s:.200} on {text!r:.300}"]
    problems = []
    last = line_count(text) + 1
    errors = [d for d in found if d.severity == "error"]
    for d in errors:
        s = d.span
        if s is None:
            problems.append(f"{name}: {d.code} has no span")
        elif s.line < 1 or s.column < 1:
            problems.append(f"{name}: {d.code} at {s.line}:{s.column}")
        elif s.line > last:
            problems.append(f"{name}: {d.code} at line {s.line} past the end ({last - 1} lines)")
    return bool(errors), problems


def run(seed: int, per_source: int) -> tuple[int, int, list[str]]:
    total = broken = 0
    problems: list[str] = []
    for name, text in mutants(seed, per_source):
        total += 1
        has_errors, found = check(name, text)
        broken += has_errors
        problems += found
    return total, broken, problems


def summary(problems: list[str]) -> str:
    """Counts per kind of problem, then the first few in full."""
    kinds: dict[str, int] = {}
    for p in problems:
        key = p.split(": ", 1)[1].split(" at ")[0].split(" on ")[0][:80]
        kinds[key] = kinds.get(key, 0) + 1
    counted = "\n".join(f"  {n} x {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    return f"{len(problems)} problems:\n{counted}\nfirst ones:\n" + "\n".join(problems[:5])


def test_there_is_something_to_mutate():
    assert len(SOURCES) >= 8


def test_mutants_get_located_diagnostics_not_tracebacks():
    total, broken, problems = run(seed=20240601, per_source=120)
    assert total >= 1500
    assert broken > total * 0.3, "the mutations should break most scripts"
    assert not problems, summary(problems)


def test_known_mutations_stay_inside_the_file():
    """Deleting two closing braces once reported two `unclosed_block` diagnostics, the second on
    a line past the end of the file."""
    text = (ROOT / "tests" / "fixtures" / "format" / "groups_and_nesting.sg").read_text()
    lines = text.split("\n")
    closers = [i for i, line in enumerate(lines) if line.strip() == "}"]
    for i in reversed(closers[-2:]):
        del lines[i]
    has_errors, problems = check("two_braces_deleted", "\n".join(lines))
    assert has_errors
    assert not problems, problems


@pytest.mark.slow
def test_many_more_mutants():
    total, _, problems = run(seed=7, per_source=800)
    assert total >= 10000
    assert not problems, summary(problems)
