"""Relations a prompt states between two things, made true in the decoded script.

"a floor lamp next to the sofa", "a bookshelf to the left of the desk", "a chair at the desk",
"a toolbox on the workbench", "a nightstand with a lamp on it", "the desk under the window":
each names a thing, a relation and a target (another thing, "it" for the thing named just
before, or the window). When the script places the thing another way, its placement is rewritten
to the relation (``next to sofa``, ``left of desk``, an ``on workbench { }`` block, against the
window's wall at the window). The compile-and-repair pass after this keeps what stays clean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spatialgrammar import ast

from .reading import NUMBER_WORDS, mentions

# word sequences (between the two things) -> relation, longest first
RELATION_WORDS: list[tuple[tuple[str, ...], str]] = sorted([
    (("next", "to"), "next_to"), (("beside",), "next_to"), (("by",), "next_to"), (("alongside",), "next_to"),
    (("close", "to"), "next_to"), (("near",), "next_to"), (("right", "next", "to"), "next_to"),
    (("in", "front", "of"), "in_front_of"), (("at",), "in_front_of"),
    (("behind",), "behind"), (("in", "back", "of"), "behind"),
    (("left", "of"), "left_of"), (("to", "the", "left", "of"), "left_of"), (("on", "the", "left", "of"), "left_of"),
    (("right", "of"), "right_of"), (("to", "the", "right", "of"), "right_of"),
    (("on", "the", "right", "of"), "right_of"),
    (("on",), "on"), (("on", "top", "of"), "on"), (("onto",), "on"), (("upon",), "on"),
    (("under",), "under"), (("below",), "under"), (("beneath",), "under"), (("between",), "next_to"),
], key=lambda item: -len(item[0]))
FILLER = {"the", "a", "an", "its", "his", "her", "their", "one", "of", "sitting", "standing", "stacked", "placed",
          "right", "just", "directly", "put", "set", "is", "are", "sits", "stands", "goes", "with", "and", "each"}
PRONOUNS = {"it", "them"}
POSSESSIVES = {"its", "his", "her", "their"}
ON_IT = (["on", "it"], ["on", "top"], ["on", "them"])
SIDE_AFTER = {"left": "left_of", "right": "right_of"}  # "on the desk's left"


@dataclass(frozen=True)
class Relation:
    """``thing`` (a category) stands ``relation`` of ``target`` (a category, or "window")."""

    thing: str
    relation: str
    target: str


def prompt_relations(text: str, catalog) -> list[Relation]:
    """The relations each clause of ``text`` states, in the order written; "it" in a clause that
    names nothing before it means the first thing of the clause before."""
    out: list[Relation] = []
    subject = None
    for sentence in re.split(r"[;.:]", text):
        for clause in sentence.split(","):
            words, things, _ = mentions(clause, catalog)
            out += _clause_relations(words, things, subject)
            if things:
                subject = things[0][2]
        words, things, _ = mentions(sentence, catalog)
        out += _held(words, things, out)
    named = {t[2] for t in mentions(text, catalog)[1]}

    def full(cat: str) -> str:  # "the piano" after "a grand piano" is the grand piano
        return next((c for c in sorted(named) if c.endswith("_" + cat)), cat)

    out = [Relation(full(r.thing), r.relation, full(r.target)) for r in out]
    last: dict[str, Relation] = {}  # one relation per thing: the last one stated
    for rel in out:
        last.pop(rel.thing, None)
        last[rel.thing] = rel
    return list(last.values())


def _relation_at(words: list[str], start: int) -> tuple[str, int] | None:
    """The relation whose words begin at ``start`` (after filler), and the index after them."""
    k = start
    while k < len(words) and words[k] in FILLER - {"right"}:
        k += 1
    for phrase, relation in RELATION_WORDS:
        if tuple(words[k:k + len(phrase)]) == phrase:
            return relation, k + len(phrase)
    return None


def _clause_relations(words: list[str], things: list[tuple[int, int, str]], subject: str | None) -> list[Relation]:
    out = []
    by_pronoun: set[str] = set()
    involved: set[int] = set()  # indices of things a relation already names
    for n, (i, length, cat) in enumerate(things):
        found = _relation_at(words, i + length)
        if found is None:
            continue
        relation, after = found
        k = after
        while k < len(words) and words[k] in FILLER - {"right"}:
            k += 1
        target = None
        if relation == "on" and k < len(words) and words[k] in SIDE_AFTER and words[k - 1] in POSSESSIVES:
            relation = SIDE_AFTER[words[k]]  # "on its right"
            target = _antecedent(words, things, n, by_pronoun, subject)
            by_pronoun.add(cat)
        elif k < len(words) and words[k] in PRONOUNS:
            target = _antecedent(words, things, n, by_pronoun, subject)  # "a chair at it"
            by_pronoun.add(cat)
        elif k < len(words) and words[k].startswith("window"):
            target = "window"
        else:
            m = next((m for m in range(n + 1, len(things)) if things[m][0] >= after), None)
            if m is not None and all(w in FILLER for w in words[after:things[m][0]]):
                target = things[m][2]
                involved.add(m)
                end = things[m][0] + things[m][1]
                if relation == "on" and words[end:end + 1] and words[end] in SIDE_AFTER:
                    relation = SIDE_AFTER[words[end]]  # "on the desk's left"
        if target is None or target == cat:
            continue
        out.append(Relation(cat, relation, target))
        involved.add(n)
        for m in range(n - 1, -1, -1):  # "a cello and a music stand beside the piano": both
            j, k2, other = things[m]
            gap = words[j + k2:things[m + 1][0]]
            if m in involved or "and" not in gap or any(w not in FILLER for w in gap) or other == target:
                break
            out.append(Relation(other, relation, target))
            involved.add(m)
    return out + _with_seats(words, things, involved) + _side_by_side(words, things)


def _with_seats(words: list[str], things: list[tuple[int, int, str]], involved: set[int]) -> list[Relation]:
    """"a bar counter with two bar stools": seats named right after "with" stand next to the thing."""
    out = []
    for n, (i, length, cat) in enumerate(things[:-1]):
        j, _, seat = things[n + 1]
        gap = words[i + length:j]
        if gap[:1] == ["with"] and all(w in FILLER or w in NUMBER_WORDS or w.isdigit() for w in gap[1:]) \
                and n + 1 not in involved and any(w in seat for w in ("chair", "stool", "bench")):
            out.append(Relation(seat, "next_to", cat))
    return out


def _side_by_side(words: list[str], things: list[tuple[int, int, str]]) -> list[Relation]:
    """"a treadmill and an exercise bike side by side": the later things stand next to the first."""
    text = " ".join(words)
    at = text.find("side by side")
    if at < 0:
        return []
    before = [t for t in things if len(" ".join(words[:t[0] + t[1]])) <= at]
    return [Relation(t[2], "next_to", before[0][2]) for t in before[1:] if t[2] != before[0][2]]


def _antecedent(words: list[str], things: list[tuple[int, int, str]], n: int, by_pronoun: set[str],
                subject: str | None) -> str | None:
    """What "it" means for the ``n``-th thing: the nearest thing before it in the clause that is neither
    joined to it by "and" nor itself placed by a pronoun, else the subject of the clause before, else
    the thing joined to it by "and"."""
    start = things[n][0]
    conjunct = None
    for j, k, cat in reversed(things[:n]):
        gap = words[j + k:start]
        start = j
        if "and" in gap and all(w in FILLER for w in gap):
            conjunct = conjunct or cat  # "a stool and a cart beside it": "it" is the table named before
            continue
        if cat not in by_pronoun:
            return cat
    return subject or conjunct  # "a vanity table and a stool in front of it": the vanity table


def _held(words: list[str], things: list[tuple[int, int, str]], stated: list[Relation]) -> list[Relation]:
    """"a nightstand beside the bed with a lamp and a clock on it": the things after "with" stand on
    the thing before it (or on what that thing is placed by) when their list ends in "on it"."""
    for w, word in enumerate(words):
        before = [t for t in things if t[0] + t[1] <= w]
        after = [t for t in things if t[0] > w]
        if word != "with" or not before or not after:
            continue
        ends = [m for m, (j, k, _) in enumerate(after) if words[j + k:j + k + 2] in ON_IT]
        if not ends:
            continue
        cat = before[-1][2]
        # "a nightstand beside the bed with ...": the nightstand holds them
        named_before = {t[2] for t in before}
        holder = next((r.thing for r in stated if r.target == cat and r.relation != "on"
                       and r.thing in named_before), cat)
        return [Relation(t[2], "on", holder) for t in after[:ends[0] + 1] if t[2] != holder]
    return []


# ---- making them true in a script ------------------------------------------------------------------------

SEATS = {"chair", "stool", "sofa", "bench", "seating"}


@dataclass
class _Site:
    decl: ast.ObjectDecl | ast.GroupDecl
    body: list  # the statement list that holds it
    room: ast.Room


def _sites(program: ast.Program) -> list[_Site]:
    out: list[_Site] = []

    def walk(body: list, room: ast.Room) -> None:
        for stmt in body:
            if isinstance(stmt, (ast.ObjectDecl, ast.GroupDecl)):
                out.append(_Site(stmt, body, room))
            elif isinstance(stmt, ast.OnBlock):
                walk(stmt.body, room)

    for stmt in program.statements:
        if isinstance(stmt, ast.Room):
            walk(stmt.body, stmt)
    return out


def _find(sites: list[_Site], category: str, catalog, objects_only: bool = False) -> _Site | None:
    """The first declaration of ``category``, of its family, else of a kind named after it ("bed" ->
    hospital_bed)."""
    sites = [s for s in sites if isinstance(s.decl, ast.ObjectDecl) or not objects_only]
    for site in sites:
        cat = catalog.categories.get(site.decl.category)
        if site.decl.category == category or (cat is not None and cat.family == category):
            return site
    return next((s for s in sites if s.decl.category.endswith(category)), None)


def _error_count(program: ast.Program) -> int:
    from compiler import compile_program

    return sum(d.severity == "error" for d in compile_program(program).diagnostics)


def _rewrite(program: ast.Program, rel: Relation, catalog) -> bool:
    """Rewrite the placement of ``rel.thing`` in place; False when the script already says it or cannot."""
    sites = _sites(program)
    a = _find(sites, rel.thing, catalog, objects_only=True)
    if a is None:
        return False
    if rel.target == "window":
        window = next((s for s in a.room.body if isinstance(s, ast.Opening) and s.kind == "window"), None)
        if window is None or window.wall.side is None or a.body is not a.room.body:
            return False
        place = ast.Against(side=window.wall.side)
        if a.decl.clauses.placement == place and a.decl.clauses.offset == window.offset:
            return False
        a.decl.clauses = ast.Clauses(placement=place, offset=window.offset, size=a.decl.clauses.size,
                                     height=a.decl.clauses.height)
        return True
    b = _find([s for s in sites if s.decl is not a.decl], rel.target, catalog)
    if b is None or b.room is not a.room:
        return False
    if rel.relation == "on":
        return _put_on(a, b, catalog)
    if rel.relation == "under" or a.body is not b.body:
        return False
    place = a.decl.clauses.placement
    if isinstance(place, ast.Relative) and place.target.name == b.decl.id and rel.relation in (place.relation,
                                                                                              "next_to"):
        return False
    facing = a.decl.clauses.facing
    cat = catalog.categories.get(a.decl.category)
    if rel.relation == "in_front_of" and cat is not None and ({cat.name, cat.family} & SEATS or "chair" in cat.name):
        facing = ast.Facing(target=ast.Ref(name=b.decl.id))  # a chair at a desk faces it
    a.decl.clauses = ast.Clauses(placement=ast.Relative(relation=rel.relation, target=ast.Ref(name=b.decl.id)),
                                 facing=facing, size=a.decl.clauses.size, height=a.decl.clauses.height)
    body = a.body
    if body.index(a.decl) < body.index(b.decl):  # a relative placement follows what it refers to
        body.remove(a.decl)
        body.insert(body.index(b.decl) + 1, a.decl)
    return True


def _put_on(a: _Site, b: _Site, catalog) -> bool:
    holder = catalog.categories.get(b.decl.category)
    if holder is None or holder.top_height() is None or not isinstance(b.decl, ast.ObjectDecl):
        return False
    if any(isinstance(s, ast.OnBlock) and a.decl in s.body and s.surface.parent is not None
           and s.surface.parent.name == b.decl.id for s in a.body + b.body):
        return False
    if a.body is a.room.body and any(isinstance(s, ast.Relative) and s.target.name == a.decl.id
                                     for s in (x.decl.clauses.placement for x in _sites_in(a.room))):
        return False  # something stands relative to it on the floor: leave it there
    a.body.remove(a.decl)
    a.decl.clauses = ast.Clauses(placement=ast.Centered(), size=a.decl.clauses.size, height=a.decl.clauses.height)
    block = next((s for s in b.body if isinstance(s, ast.OnBlock) and s.surface.kind == "top"
                  and s.surface.parent is not None and s.surface.parent.name == b.decl.id), None)
    if block is None:
        block = ast.OnBlock(surface=ast.SurfaceRef(kind="top", parent=ast.Ref(name=b.decl.id)), body=[])
        b.body.insert(b.body.index(b.decl) + 1, block)
    block.body.append(a.decl)
    return True


def _sites_in(room: ast.Room) -> list[_Site]:
    return [s for s in _sites(ast.Program(statements=[room])) if s.room is room]


def apply_relations(program: ast.Program, relations: list[Relation], catalog) -> ast.Program:
    """``program`` (edits folded in) with each relation made true where that adds no compile error."""
    from spatialgrammar.edits import apply_edits

    program, _ = apply_edits(program)
    errors = _error_count(program)
    for rel in relations:
        trial = program.model_copy(deep=True)
        if not _rewrite(trial, rel, catalog):
            continue
        trial_errors = _error_count(trial)
        if trial_errors <= errors:
            program, errors = trial, trial_errors
    return program
