"""Post-fix for multi-room scripts: rooms the prompt connects get a door on their shared wall, and
every room can be walked to.

A small model draws the rooms well but often puts an inner door on a wall with nobody behind it
(it then leads outside). This pass reads the rooms (``rect`` only) from the decoded script,
finds the walls two rooms share, and moves or adds doors so that (1) every pair of room types
the prompt links ("the bedroom opens off the living room", "a door between the kitchen and the
dining room") is joined when the two rooms touch, and (2) the door graph is connected. Only
doors whose id says where they lead (``to_...``) are moved; a room with none gets a new door.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ROOM_RX = re.compile(r"^room (\w+) (\w+) rect (-?\d+),(-?\d+) (\d+)x(\d+)")
DOOR_RX = re.compile(r"^(door|window) (\w+) on (north|south|east|west|N|S|E|W) wall(.*)$")
SIDES = {"N": "north", "S": "south", "E": "east", "W": "west"}
LINK_WORDS = ("off", "open", "door", "connect", "lead", "join", "through", "suite", "attach", "into", "reach",
              "next to", "adjoin", "between", "onto")


@dataclass
class R:
    id: str
    type: str
    x: int
    y: int
    w: int
    h: int
    header: int  # line index of the room line
    close: int = -1  # line index of its closing brace
    openings: list[tuple[int, str, str, float, float]] = field(default_factory=list)  # (line, kind, side, off, w)


def _shared(a: R, b: R):
    """(side of a, lo, hi) in a's local coordinate along that wall, or None."""
    if a.x + a.w == b.x or b.x + b.w == a.x:
        side = "east" if a.x + a.w == b.x else "west"
        lo, hi = max(a.y, b.y), min(a.y + a.h, b.y + b.h)
        return (side, lo - a.y, hi - a.y) if hi - lo >= 12 else None
    if a.y + a.h == b.y or b.y + b.h == a.y:
        side = "north" if a.y + a.h == b.y else "south"
        lo, hi = max(a.x, b.x), min(a.x + a.w, b.x + b.w)
        return (side, lo - a.x, hi - a.x) if hi - lo >= 12 else None
    return None


def _parse(lines: list[str]) -> list[R]:
    rooms: list[R] = []
    depth = 0
    cur: R | None = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        m = ROOM_RX.match(line)
        if m and depth == 0:
            cur = R(m.group(1), m.group(2), int(m.group(3)), int(m.group(4)), int(m.group(5)), int(m.group(6)), i)
            rooms.append(cur)
        elif cur is not None and depth == 1:
            d = DOOR_RX.match(line)
            if d:
                side = SIDES.get(d.group(3), d.group(3))
                rest = d.group(4)
                L = cur.w if side in ("north", "south") else cur.h
                off = re.search(r"\boffset (-?\d+(?:\.\d+)?)", rest)
                wid = re.search(r"\bwidth (\d+(?:\.\d+)?)", rest)
                cur.openings.append((i, d.group(1), side, float(off.group(1)) if off else L / 2,
                                     float(wid.group(1)) if wid else (9.0 if d.group(1) == "door" else 12.0)))
        depth += line.count("{") - line.count("}")
        if cur is not None and depth == 0 and line.endswith("}") and cur.close < 0:
            cur.close = i
    return rooms


def _joins(rooms: list[R], a: R, side: str, off: float) -> R | None:
    """The room on the other side of a's ``side`` wall at ``off``, if any."""
    for b in rooms:
        if b is a:
            continue
        sh = _shared(a, b)
        if sh and sh[0] == side and sh[1] + 4 <= off <= sh[2] - 4:
            return b
    return None


def _free_offset(a: R, side: str, lo: float, hi: float, width: float, skip_line: int | None = None) -> int | None:
    taken = [(o, w) for (ln, _, s, o, w) in a.openings if s == side and ln != skip_line]
    mid = (lo + hi) / 2
    cands = sorted(range(int(lo + width / 2 + 2), int(hi - width / 2 - 1) + 1), key=lambda v: abs(v - mid))
    for c in cands:
        if all(abs(c - o) >= (width + w) / 2 + 1 for o, w in taken):
            return c
    return None


def prompt_links(prompt: str, types: set[str]) -> list[tuple[str, str]]:
    """Pairs of room types one sentence clause links with a door word."""
    out = []
    for clause in re.split(r"[,;.]| and the ", prompt.lower()):
        if not any(w in clause for w in LINK_WORDS):
            continue
        rooms = _room_types(clause)
        named = [t for t in rooms if t in types]
        if "suite" in clause and "bathroom" in types and named and "bathroom" not in named:
            named.append("bathroom")
        for i in range(len(named)):
            for j in range(i + 1, len(named)):
                out.append((named[i], named[j]))
    return out


HUBS = {"hallway", "entryway", "lobby", "reception", "waiting_room"}
"""Room types that open onto every room they touch."""
ENTRANCE_WORDS = ("front door", "entrance", "entered", "enter", "from the street", "from outside", "come in",
                  "comes in", "main door", "entry door")


def _entrance(prompt: str, rooms: list[R]) -> R | None:
    """The room the way in opens into: one a clause names with an entrance word, else a hub, else the first."""
    types = {r.type for r in rooms}
    for clause in re.split(r"[,;.]", prompt.lower()):
        if any(w in clause for w in ENTRANCE_WORDS):
            named = _room_types(clause)
            for r in rooms:
                if r.type in named and r.type in types:
                    return r
    return next((r for r in rooms if r.type in HUBS), rooms[0] if rooms else None)


def _room_types(clause: str) -> dict[str, int]:
    """Room type -> count a clause names."""
    from .reading import prompt_requirements

    return prompt_requirements(clause, _NoCatalog())[1]


def _outside_offset(rooms: list[R], a: R) -> tuple[str, int] | None:
    """A side of ``a`` and an offset on it where a door leads outside (no room behind, no opening there)."""
    for side in ("south", "west", "east", "north"):
        length = a.w if side in ("north", "south") else a.h
        shared = [(lo, hi) for b in rooms if b is not a for (s, lo, hi) in [_shared(a, b) or ("", 0, 0)]
                  if s == side]
        free, start = [], 0.0
        for lo, hi in sorted(shared):
            free.append((start, lo))
            start = max(start, hi)
        free.append((start, length))
        for lo, hi in sorted(free, key=lambda iv: iv[0] - iv[1]):
            if hi - lo >= 12:
                offset = _free_offset(a, side, lo, hi, 9)
                if offset is not None:
                    return side, offset
    return None


class _NoCatalog:
    def resolve(self, word):
        return None


def fix_doors(text: str, prompt: str = "") -> str:
    """The script with inner doors moved or added so linked rooms are joined and all rooms reachable."""
    lines = text.rstrip("\n").split("\n")
    rooms = _parse(lines)
    if len(rooms) < 2 or any(r.close < 0 for r in rooms):
        return text
    inner_windows = [ln for a in rooms for (ln, kind, side, off, _) in a.openings
                     if kind == "window" and _joins(rooms, a, side, off) is not None]  # a window into a room
    edits: dict[int, str | None] = {ln: None for ln in _doubled_doors(rooms) + inner_windows}
    for r in rooms:
        r.openings = [o for o in r.openings if o[0] not in edits]
    additions: dict[int, list[str]] = {}
    links: set[tuple[str, str]] = set()

    def door_edges() -> set[tuple[str, str]]:
        out = set()
        for a in rooms:
            for (ln, kind, side, off, w) in a.openings:
                if kind == "door":
                    b = _joins(rooms, a, side, off)
                    if b is not None:
                        out.add(tuple(sorted((a.id, b.id))))
        return out

    def connect(a: R, b: R) -> bool:
        sh = _shared(a, b)
        if sh is None:
            return False
        side, lo, hi = sh
        # move one of a's doors that leads nowhere, if its id says it goes somewhere
        for k, (ln, kind, s, off, w) in enumerate(a.openings):
            if kind != "door" or _joins(rooms, a, s, off) is not None:
                continue
            did = lines[ln].strip().split()[1]
            if not did.startswith("to_"):
                continue
            new = _free_offset(a, side, lo, hi, w, skip_line=ln)
            if new is None:
                continue
            rest = re.sub(r"\boffset -?\d+(?:\.\d+)?", "", DOOR_RX.match(lines[ln].strip()).group(4)).strip()
            edits[ln] = f"door {did} on {side} wall offset {new}" + (f" {rest}" if rest else "")
            a.openings[k] = (ln, kind, side, float(new), w)
            return True
        new = _free_offset(a, side, lo, hi, 9)
        if new is None:
            return False
        used = {ln.strip().split()[1] for ln in lines if ln.strip().startswith(("door ", "window ", "object "))}
        base = "to_" + b.type.split("_")[0]
        did, n = base, 2
        while did in used or did in {x.split()[1] for v in additions.values() for x in v}:
            did, n = f"{base}{n}", n + 1
        additions.setdefault(a.close, []).append(f"door {did} on {side} wall offset {new}")
        a.openings.append((-1 - len(additions), "door", side, float(new), 9.0))
        return True

    by_type: dict[str, list[R]] = {}
    for r in rooms:
        by_type.setdefault(r.type, []).append(r)
    for ta, tb in prompt_links(prompt, set(by_type)):
        links.add((ta, tb))
    for hub in (t for t in by_type if t in HUBS):  # a hallway opens onto every room along it
        links.update((hub, t) for t in by_type if t != hub)
    joined = door_edges()
    for ta, tb in links:
        pairs = [(a, b) for a in by_type.get(ta, []) for b in by_type.get(tb, []) if a is not b and _shared(a, b)]
        if not pairs or any(tuple(sorted((a.id, b.id))) in joined for a, b in pairs):
            continue
        a, b = pairs[0]
        if connect(a, b) or connect(b, a):
            joined = door_edges()
    # every room reachable from the first one through doors
    for _ in range(len(rooms)):
        seen = {rooms[0].id}
        changed = True
        while changed:
            changed = False
            for u, v in joined:
                if (u in seen) != (v in seen):
                    seen |= {u, v}
                    changed = True
        left = [r for r in rooms if r.id not in seen]
        if not left:
            break
        done = False
        for r in left:
            for s in rooms:
                if s.id in seen and _shared(r, s) and (connect(r, s) or connect(s, r)):
                    done = True
                    break
            if done:
                break
        if not done:
            break
        joined = door_edges()
    entrance = _entrance(prompt, rooms)
    if entrance is not None and not any(kind == "door" and _joins(rooms, entrance, side, off) is None
                                        for (_, kind, side, off, _) in entrance.openings):
        outside = _outside_offset(rooms, entrance)
        if outside is not None:
            used = {ln.strip().split()[1] for ln in lines if ln.strip().startswith(("door ", "window ", "object "))}
            did = next(f"front{n or ''}" for n in range(len(used) + 1) if f"front{n or ''}" not in used)
            additions.setdefault(entrance.close, []).append(f"door {did} on {outside[0]} wall offset {outside[1]}")
    if not edits and not additions:
        return text
    out = []
    for i, line in enumerate(lines):
        if i in additions:
            out += additions[i]
        new = edits.get(i, line)
        if new is not None:
            out.append(new)
    return "\n".join(out) + "\n"


OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}


def _doubled_doors(rooms: list[R]) -> list[int]:
    """Lines of doors drawn a second time from the room on the other side of a shared wall."""
    def along(r: R, side: str, off: float) -> float:
        return (r.x if side in ("north", "south") else r.y) + off

    doubled = []
    for a in rooms:
        for (ln, kind, side, off, w) in a.openings:
            b = _joins(rooms, a, side, off) if kind == "door" else None
            if b is None:
                continue
            for (ln2, kind2, side2, off2, w2) in b.openings:
                if (kind2 == "door" and side2 == OPPOSITE[side] and ln2 > ln and ln not in doubled
                        and abs(along(b, side2, off2) - along(a, side, off)) < (w + w2) / 2):
                    doubled.append(ln2)
    return doubled


def fix_blocked_doors(text: str, max_doors: int = 3, max_tries: int = 14) -> str:
    """Move doors that furniture blocks (``door_blocked``) along their wall or to another wall.

    A prompt seldom says where its door is, but it does say where the bed goes: moving the door
    keeps what was asked for, where ``repair`` would move the bed away from its wall.
    """
    from compiler import compile_text

    def errors(src: str):
        try:
            res = compile_text(src)
        except Exception:  # noqa: BLE001
            return None
        if res.scene is None:
            return None
        return [d for d in res.diagnostics if d.severity == "error"]

    lines = text.rstrip("\n").split("\n")
    current = errors(text)
    if current is None:
        return text
    for _ in range(max_doors):
        blocked = [d for d in current if d.code == "door_blocked"]
        if not blocked:
            break
        door_ids = [o for d in blocked for o in (d.objects or [])]
        rooms = _parse(lines)
        target = None
        for r in rooms:
            for (ln, kind, side, off, w) in r.openings:
                if kind == "door" and ln >= 0 and lines[ln].strip().split()[1] in door_ids:
                    target = (r, ln, side, off, w)
                    break
            if target:
                break
        if target is None:
            break
        r, ln, side, off, w = target
        indent = lines[ln][: len(lines[ln]) - len(lines[ln].lstrip())]
        did = lines[ln].strip().split()[1]
        rest = re.sub(r"\boffset -?\d+(?:\.\d+)?", "", DOOR_RX.match(lines[ln].strip()).group(4)).strip()
        cands = []
        for s in [side] + [x for x in ("south", "north", "east", "west") if x != side]:
            L = r.w if s in ("north", "south") else r.h
            for o in range(int(w / 2 + 2), int(L - w / 2 - 1), 4):
                if all(abs(o - oo) >= (w + ww) / 2 + 1 for (l2, _, s2, oo, ww) in r.openings if s2 == s and l2 != ln):
                    cands.append((s, o))
        cands.sort(key=lambda c: (c[0] != side, abs(c[1] - off) if c[0] == side else 0))
        best = None
        n_before = len(current)
        for s, o in cands[:max_tries]:
            trial = list(lines)
            trial[ln] = f"{indent}door {did} on {s} wall offset {o}" + (f" {rest}" if rest else "")
            errs = errors("\n".join(trial) + "\n")
            if errs is None:
                continue
            still = any(d.code == "door_blocked" and did in (d.objects or []) for d in errs)
            if not still and len(errs) < n_before:
                best = (trial, errs)
                break
        if best is None:
            break
        lines, current = best
    return "\n".join(lines) + "\n"
