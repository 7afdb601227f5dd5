"""Grammar-constrained decoding: every token SG-Mini writes keeps the script parseable.

At each step Lark's LALR interactive parser says which terminals may come next; a model token is
allowed only when the word it stands for lexes as one of them. On top of the grammar, names are
constrained by role: a new id must be fresh, a category must be a catalog name, a room type a
room type, a reference (``left of X``, ``on X {``, ``move X``) an id declared earlier, a
material a known material, and positions whole cells (decimals only for heights, sills, cell
and thickness). ``EOS`` is allowed only where the parser accepts the end of the file.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

import numpy as np

from .tokenizer import DECIMALS, SGTokenizer

NEW_ID_AFTER = {"object", "group", "room", "door", "window"}
REF_AFTER = {"of", "behind", "to", "around", "facing", "move", "rotate", "remove"}
DECIMAL_AFTER = {"height", "sill", "cell", "thickness"}
CLAUSE_KEY = {"at": "placement", "against": "placement", "in": "placement", "centered": "placement",
              "left": "placement", "right": "placement", "behind": "placement", "next": "placement",
              "around": "placement", "row": "arrangement", "grid": "arrangement", "facing": "facing",
              "aligned": "aligned_with", "gap": "gap", "offset": "offset", "size": "size", "height": "height",
              "spacing": "spacing", "width": "width", "sill": "sill", "swing": "swing", "hinge": "hinge",
              "floor": "floor", "walls": "walls"}
OBJECT_CLAUSES = {"placement", "facing", "aligned_with", "gap", "offset", "size", "height"}
ALLOWED_CLAUSES = {
    "object": OBJECT_CLAUSES, "move": OBJECT_CLAUSES, "group": OBJECT_CLAUSES | {"arrangement", "spacing"},
    "replace": {"size", "height", "facing"}, "door": {"offset", "width", "height", "swing", "hinge"},
    "window": {"offset", "width", "height", "sill"}, "room": {"height", "floor", "walls"},
}
SIDE_WORD = {"north": "north", "south": "south", "east": "east", "west": "west", "N": "north", "S": "south",
             "E": "east", "W": "west"}
NEVER = {"[PAD]", "[BOS]", "[SEP]", "[GEN]", "[EDIT]", "[FIX]", "[CTX]", "[INS]", "[UNK]"}


@functools.lru_cache(maxsize=1)
def _lark():
    from lark import Lark

    from spatialgrammar.parser import GRAMMAR

    return Lark(GRAMMAR.read_text(), parser="lalr", lexer="contextual")


class Vocab:
    """Per tokenizer: which Lark terminals each script word can lex as, as boolean masks."""

    def __init__(self, tok: SGTokenizer):
        from assets import load_catalog

        self.tok = tok
        parser = _lark()
        self.terminals = {t.name: t for t in parser.terminals}
        V = tok.vocab_size
        self.V = V
        words = tok.script_vocab
        self.types: list[list[str]] = []
        self.masks: dict[str, np.ndarray] = {}
        strings = {t.pattern.value: t.name for t in parser.terminals if t.pattern.type == "str"}
        regexes = [(t.name, re.compile(t.pattern.to_regexp()), t.priority) for t in parser.terminals
                   if t.pattern.type == "re" and t.name not in ("_NL", "STRING", "SIZE") and not t.name.startswith("__")]
        for i, w in enumerate(words):
            types: list[tuple[int, int, str]] = []  # (priority, is_string, name) best first
            if w in NEVER or w.startswith("##") or (w.startswith("_") and w[1:].isdigit()) or w.startswith("-"):
                self.types.append([])
                continue
            if w == "[NL]":
                types.append((0, 1, "_NL"))
            elif w == "[EOS]":
                types.append((0, 1, "$END"))
            else:
                if w in strings:
                    types.append((0, 1, strings[w]))
                for name, rx, prio in regexes:
                    if rx.fullmatch(w):
                        types.append((prio, 0, name))
            types.sort(reverse=True)
            names = [t[2] for t in types]
            self.types.append(names)
            for n in names:
                self.masks.setdefault(n, np.zeros(V, dtype=bool))[i] = True
        self.index = tok.script_index
        cat = load_catalog()
        self.categories = self._mask(cat.names())
        from .synth.recipes import ROOM_SIZES
        from .synth.sampler import FLOORS, WALLS
        room_types = set(ROOM_SIZES) | {"closet", "corridor", "hallway"}
        for c in cat.categories.values():
            room_types.update(c.rooms)
        self.room_types = self._mask(sorted(room_types))
        self.materials = self._mask(FLOORS + WALLS)
        from .tokenizer import KEYWORDS
        self.keywords = self._mask([k for k in KEYWORDS if k not in ("door", "window", "front", "floor", "top")]
                                   + ["ceiling", "scene"])
        decimal_words = [w for w in DECIMALS if "." in w]
        self.decimals = self._mask(decimal_words)
        self.ints = self._mask([str(i) for i in range(0, 401)])
        self.small_ints = self._mask([str(i) for i in range(0, 8)])
        names_mask = self.masks.get("NAME", np.zeros(V, dtype=bool)).copy()
        self.name_like = names_mask & ~self.categories & ~self.room_types & ~self.materials
        self.category_names = set(cat.names())
        self.family = {c.name: c.family for c in cat.categories.values()}
        self.placement = {c.name: c.placement for c in cat.categories.values()}
        self.by_placement = {k: self._mask([c.name for c in cat.categories.values() if c.placement == k])
                             for k in ("floor", "surface", "wall", "ceiling")}
        self.sizes = {c.name: (c.size[0] / 0.1, c.size[1] / 0.1) for c in cat.categories.values()}
        self.has_top = {c.name for c in cat.categories.values()
                        if c.top_height() is not None and c.top_height() < 1.5 and c.placement == "floor"
                        and not any(w in c.name for w in ("chair", "stool", "sofa", "bed", "bench", "rug", "mat"))}

    def _mask(self, words) -> np.ndarray:
        m = np.zeros(self.V, dtype=bool)
        for w in words:
            i = self.index.get(w)
            if i is not None:
                m[i] = True
        return m

    def ids_mask(self, ids) -> np.ndarray:
        return self._mask(ids)


class LALRStack:
    """The LALR automaton of the grammar over a stack of state numbers (no tree is built)."""

    def __init__(self):
        parser = _lark()
        conf = parser.parse_interactive("").parser_state.parse_conf
        self.states = conf.parse_table.states
        self.stack = [conf.parse_table.start_states["start"]]
        self.terminal_names = {t.name for t in parser.terminals} | {"$END"}

    def copy(self) -> "LALRStack":
        other = object.__new__(LALRStack)
        other.states, other.terminal_names = self.states, self.terminal_names
        other.stack = list(self.stack)
        return other

    def _try(self, term: str) -> list[int] | None:
        from lark.parsers.lalr_analysis import Shift

        stack = list(self.stack)
        while True:
            row = self.states[stack[-1]]
            if term not in row:
                return None
            act, arg = row[term]
            if act is Shift:
                stack.append(arg)
                return stack
            if arg.origin.name == "start":
                return stack  # accepted at the end of the file
            n = len(arg.expansion)
            if n:
                del stack[-n:]
            stack.append(self.states[stack[-1]][arg.origin.name][1])

    def accepts(self) -> frozenset:
        row = self.states[self.stack[-1]]
        return frozenset(t for t in row if t in self.terminal_names and self._try(t) is not None)

    def feed(self, term: str) -> None:
        stack = self._try(term)
        if stack is None:
            raise ValueError(f"`{term}` cannot come here")
        self.stack = stack


@dataclass
class State:
    """The decoder's view of the script so far."""

    ip: object
    line: list[str] = field(default_factory=list)
    declared: set[str] = field(default_factory=set)
    rooms: set[str] = field(default_factory=set)
    groups: dict[str, int] = field(default_factory=dict)
    pending_size: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    room_rects: list[tuple[int, int, int, int]] = field(default_factory=list)
    current: tuple[int, int] | None = None  # (W, H) of the rect room whose block is open
    openings: dict[str, list[tuple[float, float]]] = field(default_factory=dict)  # side -> (offset, width)
    required: dict[str, int] = field(default_factory=dict)  # category -> count the prompt asks for
    required_rooms: dict[str, int] = field(default_factory=dict)  # room type -> count
    have: dict[str, int] = field(default_factory=dict)
    have_rooms: dict[str, int] = field(default_factory=dict)
    emitted: int = 0
    force: str | None = None  # placement kind of a missing category the next statement must add
    forced: int = 0
    blocked: list[int] = field(default_factory=list)
    id_cat: dict[str, str] = field(default_factory=dict)
    opening_ids: set[str] = field(default_factory=set)
    blocks: list[str] = field(default_factory=list)  # what each open `{` is on: room id, object id, side, ceiling
    mode: str = "gen"  # gen: a new scene (statements at the top are rooms); edit: appended edit statements
    depth: int = 0
    done: bool = False


class ConstrainedDecoder:
    def __init__(self, tok: SGTokenizer):
        self.tok = tok
        self.vocab = Vocab(tok)
        self._accept_cache: dict[tuple, frozenset] = {}
        self.coverage_budget = 450
        self.hints: tuple[dict[str, str], dict[str, str]] = ({}, {})  # category -> wall side / corner
        self.max_forced = 12

    def start(self, declared: set[str] | dict[str, str] = frozenset(), rooms: set[str] = frozenset(),
              required=None, required_rooms=None) -> State:
        """A fresh state; ``declared`` may map ids to categories (an edit's scene) so surfaces are known."""
        id_cat = {i: c for i, c in declared.items() if i not in rooms} if isinstance(declared, dict) else {}
        return State(ip=LALRStack(), declared=set(declared), rooms=set(rooms), required=dict(required or {}),
                     required_rooms=dict(required_rooms or {}), id_cat=id_cat)

    def accepts(self, st: State) -> frozenset:
        key = tuple(st.ip.stack)
        got = self._accept_cache.get(key)
        if got is None:
            got = st.ip.accepts()
            if len(self._accept_cache) > 50000:
                self._accept_cache.clear()
            self._accept_cache[key] = got
        return got

    def allowed(self, st: State) -> np.ndarray:
        v = self.vocab
        if st.pending_size:
            if len(st.pending_size) == 1:
                return v._mask(["x"])
            return self._room_size_mask(st, int(st.pending_size[0]))
        if st.line and st.line[-1] in ("{", "}"):
            mask = np.zeros(v.V, dtype=bool)
            mask[self.tok.nl_id] = True
            return mask
        acc = self.accepts(st)
        mask = np.zeros(v.V, dtype=bool)
        for t in acc:
            if t == "NAME":
                continue
            m = v.masks.get(t)
            if m is not None:
                mask |= m
        if "$END" in acc and st.depth == 0:
            mask[self.tok.eos_id] = True
        if "SIZE" in acc and "NUMBER" not in acc:
            mask |= self._room_size_mask(st, None)
        if "NUMBER" in acc:
            mask &= ~v.masks["NUMBER"] | self._number_mask(st)
        if "NAME" in acc:
            mask |= self._name_mask(st)
        self._dead_ends(st, mask)
        self._coverage(st, mask)
        self._clause_rules(st, acc, mask)
        self._opening_rules(st, mask)
        if st.line:
            mask[self.tok.script_index["}"]] = False
        return mask

    def wall_hint(self, st: State) -> list[tuple[int, float]]:
        """Logit boosts that put a thing against the wall (or in the corner) the prompt names for it."""
        sides, corners = self.hints
        line = st.line
        if not (sides or corners) or not line or line[0] not in ("object", "group", "move"):
            return []
        cat = line[2] if line[0] == "object" and len(line) > 2 else (
            line[3] if line[0] == "group" and len(line) > 3 else st.id_cat.get(line[1]) if len(line) > 1 else None)
        if cat is None or (cat not in sides and cat not in corners):
            return []
        idx = self.tok.script_index
        start = {"object": 3, "group": 4, "move": 2}[line[0]]
        rest = line[start:]
        if cat in sides:
            side = sides[cat]
            if not rest or rest == ["row"]:
                return [(idx["against"], 4.0)]
            if rest[-1] == "against":
                return [(idx[side], 8.0)]
        elif cat in corners:
            corner = corners[cat]
            if not rest or rest == ["row"]:
                return [(idx["in"], 4.0)]
            if rest[-1] == "in":
                return [(idx[corner], 8.0)]
        return []

    def missing(self, st: State) -> tuple[list[str], list[str]]:
        """Categories and room types the prompt asked for that the script does not have yet."""
        fam = self.vocab.family
        cats = []
        for cat, n in st.required.items():
            got = st.have.get(cat, 0)
            if fam.get(cat) == cat:  # a generic word ("chair") is covered by its kinds
                got = sum(v for c, v in st.have.items() if fam.get(c) == cat or c == cat)
            if got < n:
                cats.append(cat)
        rooms = [t for t, n in st.required_rooms.items() if st.have_rooms.get(t, 0) < n]
        return cats, rooms

    def _coverage(self, st: State, mask: np.ndarray) -> None:
        """Do not end the scene (or close a room) while something the prompt asked for is missing."""
        if st.emitted > self.coverage_budget or (not st.required and not st.required_rooms):
            return
        cats, rooms = self.missing(st)
        close = self.tok.script_index["}"]
        if (cats or rooms) and mask[self.tok.eos_id]:
            mask[self.tok.eos_id] = False
            st.blocked.append(self.tok.eos_id)
        in_room = st.current is not None or (st.mode == "edit" and st.blocks[-1:] == ["room"])
        if cats and st.depth == 1 and not st.line and in_room and mask[close]:
            mask[close] = False
            st.blocked.append(close)
        if st.force == "room" and rooms:
            line = st.line
            if not line:
                np.logical_and(mask, self.vocab._mask(["room"]), out=mask)
            elif line[0] == "room" and len(line) == 2:
                np.logical_and(mask, self.vocab._mask(rooms), out=mask)
        elif st.force and cats:
            self._force(st, mask, cats)

    def _force(self, st: State, mask: np.ndarray, cats: list[str]) -> None:
        """The model wanted to stop with something missing: the next statement adds a missing thing."""
        idx = self.tok.script_index
        v = self.vocab
        kind = st.force
        line = st.line

        def only(words) -> None:
            keep = np.zeros(v.V, dtype=bool)
            for w in words:
                i = idx.get(w)
                if i is not None:
                    keep[i] = True
            np.logical_and(mask, keep, out=mask)

        if not line:
            on_thing = bool(st.blocks) and st.blocks[-1].startswith("obj:")
            if st.depth == 0 and st.mode == "edit":  # an edit adds inside `in ROOM { }` or `on THING { }`
                only(["on"] if kind == "surface" else ["in"])
            elif kind == "floor" or st.depth >= 2 or on_thing:
                only(["object", "group"])
            else:
                only(["on"])
        elif line[0] == "on" and len(line) == 1:
            if kind == "surface":
                tops = {i for i, c in st.id_cat.items() if c in v.has_top}
                np.logical_and(mask, v.ids_mask(tops), out=mask)
            elif kind == "wall":
                only(["north", "south", "east", "west"])
            else:
                only(["ceiling"])
        elif line[0] in ("object", "group"):
            pos = len(line)
            if (line[0] == "object" and pos == 2) or (line[0] == "group" and pos == 3):
                want = [c for c in cats if v.placement.get(c) == kind or (kind == "floor" and
                                                                         v.placement.get(c) == "floor")]
                if st.depth >= 2 and kind != "floor":
                    want = [c for c in cats if v.placement.get(c) == kind] or want
                if want:
                    np.logical_and(mask, v._mask(want), out=mask)

    def _opening_rules(self, st: State, mask: np.ndarray) -> None:
        """A door or window left centred on a wall that already has an opening there must get an offset."""
        line = st.line
        if not line or line[0] not in ("door", "window") or not st.current or len(line) < 5 or "offset" in line:
            return
        side = SIDE_WORD.get(line[3])
        if side is None:
            return
        L = st.current[0] if side in ("north", "south") else st.current[1]
        w = 9 if line[0] == "door" else 12
        if any(abs(L / 2 - a) < (w + b) / 2 + 1 for a, b in st.openings.get(side, [])):
            mask[self.tok.nl_id] = False
            for word in ("width", "height", "sill", "swing", "hinge"):
                i = self.tok.script_index.get(word)
                if i is not None:
                    mask[i] = False

    def _clause_rules(self, st: State, acc: frozenset, mask: np.ndarray) -> None:
        """Each statement takes its own clauses, each at most once (the parser's misplaced/duplicate rules)."""
        if not st.line or st.line[0] not in ALLOWED_CLAUSES:
            return
        allowed = ALLOWED_CLAUSES[st.line[0]]
        used = st.used
        idx = self.tok.script_index
        terms = self.vocab.terminals
        for word, key in CLAUSE_KEY.items():
            i = idx.get(word)
            if i is None or not mask[i]:
                continue
            # only where the word would start a clause (its keyword terminal is what the parser wants)
            if not any(t in acc for t in self.vocab.types[i] if t in terms and terms[t].pattern.type == "str"):
                continue
            if key not in allowed or key in used:
                mask[i] = False

    def _dead_ends(self, st: State, mask: np.ndarray) -> None:
        """Forbid words that lead where no valid name could follow (or that break the scene's shape)."""
        idx = self.tok.script_index
        objects = st.declared - st.rooms - st.opening_ids
        off = []
        if not st.line:
            if st.depth == 0:
                off += ["object", "group", "door", "window"]
                if st.mode == "gen":
                    off += ["on", "in", "move", "rotate", "remove", "replace"]
                elif not st.required_rooms:  # an edit adds rooms only when asked to
                    off += ["room"]
            else:
                off += ["room", "scene", "move", "rotate", "remove", "replace"]
                if st.depth > 1:
                    off += ["door", "window"]
            off += ["scene"]
            if not objects:
                off += ["move", "rotate", "remove", "replace"]
            if not st.rooms:
                off += ["in"]
        elif not objects and st.line[0] != "room":
            off += ["left", "right", "behind", "next", "around", "aligned", "front"]
        for w in off:
            i = idx.get(w)
            if i is not None:
                mask[i] = False

    def _at_limits(self, st: State) -> tuple[int, int] | None:
        """Bounds of an ``at X,Y`` coordinate inside an ``on`` block (the parent's top, a wall, the ceiling)."""
        line = st.line
        if not st.blocks or not line or line[0] not in ("object", "group"):
            return None
        if line[-1] == "at":
            axis = 0
        elif len(line) >= 2 and line[-1] == "," and line[-3] == "at":
            axis = 1
        else:
            return None
        where = st.blocks[-1]
        if where.startswith("obj:"):
            cat = st.id_cat.get(where[4:])
            size = self.vocab.sizes.get(cat) if cat else None
            if size is None:
                return None
            extent = size[axis]
            return (0, max(0, int(extent)))
        if where.startswith("wall:") and st.current:
            side = where[5:]
            L = st.current[0] if side in ("north", "south") else st.current[1]
            return (1, max(1, L - 1)) if axis == 0 else (3, 24)
        if where == "ceiling" and st.current:
            return (1, max(1, st.current[axis] - 1))
        return None

    def _room_size_mask(self, st: State, width: int | None) -> np.ndarray:
        """Sizes of a new rect room that do not overlap the rooms drawn before it (other sizes: any)."""
        v = self.vocab
        line = st.line
        if not (line and line[0] == "room" and len(line) >= 7 and line[3] == "rect" and st.room_rects
                and line[4].isdigit() and line[6].isdigit()):
            return v.ints.copy()
        x, y = int(line[4]), int(line[6])

        def clear(w: int, h: int) -> bool:
            return not any(x < r[0] + r[2] and r[0] < x + w and y < r[1] + r[3] and r[1] < y + h
                           for r in st.room_rects)

        if width is None:
            ok = [w for w in range(10, 401) if clear(w, 1)]
        else:
            ok = [h for h in range(10, 401) if clear(width, h)]
        return v._mask([str(n) for n in ok]) if ok else v.ints.copy()

    def _number_mask(self, st: State) -> np.ndarray:
        v = self.vocab
        prev = st.line[-1] if st.line else ""
        if prev in DECIMAL_AFTER:
            m = v.decimals | v.small_ints
            return m
        if st.line and st.line[0] == "group" and len(st.line) == 2:
            return v._mask([str(i) for i in range(1, 41)])
        if prev == "shelf":
            return v._mask([str(i) for i in range(1, 8)])
        line = st.line
        limit = self._at_limits(st)
        if limit is not None:
            return v._mask([str(i) for i in range(limit[0], limit[1] + 1)])
        if line and line[0] in ("door", "window") and prev == "offset" and st.current and len(line) >= 5:
            side = SIDE_WORD.get(line[3])
            if side is not None:
                L = st.current[0] if side in ("north", "south") else st.current[1]
                w = 9 if line[0] == "door" else 12
                ok = [o for o in range(int(w / 2) + 2, int(L - w / 2 - 1))
                      if all(abs(o - a) >= (w + b) / 2 + 1 for a, b in st.openings.get(side, []))]
                if ok:
                    return v._mask([str(o) for o in ok])
        if line and line[0] == "room" and len(line) >= 4 and line[3] == "rect" and len(line) in (4, 6):
            # a new room starts where another one ends: rooms tile, they do not overlap
            k = 0 if len(line) == 4 else 1
            edges = {0}
            for r in st.room_rects:
                edges.update((r[k], r[k] + r[k + 2]))
            if k == 1 and line[4].isdigit():  # the corner must not fall inside a room already drawn
                x = int(line[4])
                edges = {e for e in edges if not any(r[0] <= x < r[0] + r[2] and r[1] <= e < r[1] + r[3]
                                                      for r in st.room_rects)} or edges
            return v._mask([str(e) for e in sorted(edges) if 0 <= e <= 400])
        return v.ints

    def _name_mask(self, st: State) -> np.ndarray:
        v = self.vocab
        line = st.line
        head = line[0] if line else ""
        pos = len(line)
        prev = line[-1] if line else ""
        if head in ("object",) and pos == 2 or head == "group" and pos == 3:
            where = st.blocks[-1] if st.blocks else "room"
            kind = ("surface" if where.startswith("obj:") else "wall" if where.startswith("wall:")
                    else "ceiling" if where == "ceiling" else "floor")
            return v.by_placement[kind].copy()
        if head == "replace" and prev == "with":
            return v.categories.copy()
        if head == "room" and pos == 2:
            return v.room_types.copy()
        if prev in ("floor", "walls") and head == "room":
            return v.materials.copy()
        if head in NEW_ID_AFTER and pos == 1:
            return v.masks["NAME"] & ~v.ids_mask(st.declared | st.rooms) & ~v.keywords
        if head == "in" and pos == 1:
            return v.ids_mask(st.rooms)
        if head == "on" and pos == 1:
            return v.ids_mask(st.declared - st.rooms - st.opening_ids)
        if prev in REF_AFTER or (prev == "with" and head != "replace") or (head == "replace" and pos == 1):
            return v.ids_mask(st.declared - st.rooms - st.opening_ids)
        return np.zeros(v.V, dtype=bool)

    def feed(self, st: State, token_id: int) -> None:
        word = self.tok.script_vocab[token_id]
        if token_id == self.tok.eos_id:
            st.done = True
            return
        if st.pending_size or (word.isdigit() and "SIZE" in self.accepts(st) and "NUMBER" not in self.accepts(st)):
            st.pending_size.append(word)
            if len(st.pending_size) == 3:
                a, _, b = st.pending_size
                st.ip.feed("SIZE")
                st.line.append(f"{a}x{b}")
                st.pending_size = []
            return
        acc = self.accepts(st)
        types = [t for t in self.vocab.types[token_id] if t in acc]
        if not types:
            raise ValueError(f"`{word}` cannot come here")
        ttype = types[0]
        st.ip.feed(ttype)
        if ttype == "_NL":
            self._end_line(st)
            st.line = []
            st.used = set()
            return
        term = self.vocab.terminals.get(ttype)
        if term is not None and term.pattern.type == "str" and word in CLAUSE_KEY and len(st.line) > 1:
            st.used.add(CLAUSE_KEY[word])
        if word == "{":
            st.depth += 1
            ln = st.line
            if ln and ln[0] == "on" and len(ln) >= 2:
                st.blocks.append("ceiling" if ln[1] == "ceiling" else ("wall:" + SIDE_WORD.get(ln[1], ln[1]))
                                 if len(ln) > 2 and ln[2] == "wall" else "obj:" + ln[1])
            else:
                st.blocks.append("room")
        elif word == "}":
            st.depth -= 1
            if st.blocks:
                st.blocks.pop()
            if st.depth == 0:
                st.current = None
        st.line.append(word)

    def _end_line(self, st: State) -> None:
        line = st.line
        if not line:
            return
        head = line[0]
        if head in ("door", "window") and st.current and len(line) > 4 and line[3] in SIDE_WORD:
            side = SIDE_WORD[line[3]]
            L = st.current[0] if side in ("north", "south") else st.current[1]
            opts = line[2:]
            try:
                off = float(opts[opts.index("offset") + 1]) if "offset" in opts else L / 2
                width = float(opts[opts.index("width") + 1]) if "width" in opts else (9 if head == "door" else 12)
            except (ValueError, IndexError):
                off, width = L / 2, (9 if head == "door" else 12)
            st.openings.setdefault(side, []).append((off, width))
        if head in ("object", "group", "room") and st.force:
            st.force = None
        if head == "object" and len(line) > 2:
            st.have[line[2]] = st.have.get(line[2], 0) + 1
            st.id_cat[line[1]] = line[2]
        elif head == "group" and len(line) > 3 and line[2].isdigit():
            st.have[line[3]] = st.have.get(line[3], 0) + int(line[2])
        elif head == "replace" and len(line) > 3:
            st.have[line[3]] = st.have.get(line[3], 0) + 1
        elif head == "room" and len(line) > 2:
            st.have_rooms[line[2]] = st.have_rooms.get(line[2], 0) + 1
        if head in ("object", "group", "door", "window") and len(line) > 1:
            st.declared.add(line[1])
            if head in ("door", "window"):
                st.opening_ids.add(line[1])
            if head == "group" and len(line) > 2 and line[2].isdigit():
                st.groups[line[1]] = int(line[2])
        elif head == "room" and len(line) > 1:
            st.rooms.add(line[1])
            st.declared.add(line[1])
            if len(line) > 7 and line[3] == "rect" and "x" in line[7]:
                try:
                    w, h = (int(t) for t in line[7].split("x"))
                    st.room_rects.append((int(line[4]), int(line[6]), w, h))
                    st.current = (w, h)
                    st.openings = {}
                except ValueError:
                    pass
        elif head == "remove" and len(line) > 1:
            st.declared.discard(line[1])


class FastGPT2:
    """Incremental GPT-2 forward over the weights of a ``GPT2LMHeadModel`` (eval only).

    The same arithmetic as ``transformers``' GPT-2 (pre-norm blocks, tanh GELU, tied output
    embedding) with a preallocated key/value cache and none of the per-call bookkeeping, which
    dominates the cost of one token for a model this small (about 10 ms -> 1-2 ms a token).
    """

    PARTS = ("ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight",
             "attn.c_proj.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias",
             "mlp.c_proj.weight", "mlp.c_proj.bias")

    def __init__(self, model=None, state: dict | None = None, n_head: int = 0, n_positions: int = 0,
                 eps: float = 1e-5):
        """From a ``GPT2LMHeadModel`` or from its state dict (``transformer.*`` names) and shape."""
        import torch

        if model is not None:
            state = {k: v.detach() for k, v in model.state_dict().items()}
            n_head, n_positions, eps = model.config.n_head, model.config.n_positions, model.config.layer_norm_epsilon
        wte = state.get("transformer.wte.weight", state.get("lm_head.weight"))  # tied: either name is saved
        self.n_head, self.d = n_head, wte.shape[1]
        self.hd = self.d // self.n_head
        self.eps = eps
        self.max_pos = n_positions
        self.wte, self.wpe = wte, state["transformer.wpe.weight"]
        n_layer = len({k.split(".")[2] for k in state if k.startswith("transformer.h.")})
        self.layers = [tuple(state[f"transformer.h.{i}.{p}"] for p in self.PARTS) for i in range(n_layer)]
        self.ln_f = (state["transformer.ln_f.weight"], state["transformer.ln_f.bias"])
        self.torch = torch

    @classmethod
    def load(cls, path) -> "FastGPT2":
        """From a checkpoint folder, without ``transformers`` (fast start for the CLI and the server)."""
        import json
        from pathlib import Path

        from safetensors.torch import load_file

        meta = json.loads((Path(path) / "config.json").read_text(encoding="utf-8"))
        args = meta["model_args"]
        state = load_file(str(Path(path) / "model.safetensors"))
        return cls(state=state, n_head=args["n_head"], n_positions=args["n_positions"])

    def new_cache(self):
        t = self.torch
        shape = (self.n_head, self.max_pos, self.hd)
        return {"pos": 0, "k": [t.empty(shape) for _ in self.layers], "v": [t.empty(shape) for _ in self.layers]}

    def __call__(self, ids: list[int], cache: dict):
        """Logits of the last position after feeding ``ids`` (prefill or one token)."""
        t = self.torch
        F = t.nn.functional
        pos = cache["pos"]
        T = len(ids)
        x = self.wte[t.tensor(ids)] + self.wpe[pos:pos + T]
        for li, (l1w, l1b, aw, ab, pw, pb, l2w, l2b, fw, fb, mw, mb) in enumerate(self.layers):
            h = F.layer_norm(x, (self.d,), l1w, l1b, self.eps)
            qkv = t.addmm(ab, h, aw)
            q, k, v = qkv.split(self.d, dim=1)
            q = q.view(T, self.n_head, self.hd).transpose(0, 1)
            cache["k"][li][:, pos:pos + T] = k.view(T, self.n_head, self.hd).transpose(0, 1)
            cache["v"][li][:, pos:pos + T] = v.view(T, self.n_head, self.hd).transpose(0, 1)
            keys, vals = cache["k"][li][:, :pos + T], cache["v"][li][:, :pos + T]
            att = F.scaled_dot_product_attention(q.unsqueeze(0), keys.unsqueeze(0), vals.unsqueeze(0),
                                                 is_causal=(T > 1 and pos == 0))[0]
            att = att.transpose(0, 1).reshape(T, self.d)
            x = x + t.addmm(pb, att, pw)
            h = F.layer_norm(x, (self.d,), l2w, l2b, self.eps)
            h = F.gelu(t.addmm(fb, h, fw), approximate="tanh")
            x = x + t.addmm(mb, h, mw)
        cache["pos"] = pos + T
        last = F.layer_norm(x[-1:], (self.d,), *self.ln_f, self.eps)
        return (last @ self.wte.T)[0]


def script_ids(text: str) -> tuple[dict[str, str], set[str]]:
    """(object id -> category, room ids) of a script, read from its words (for edit mode)."""
    declared: dict[str, str] = {}
    rooms = set()
    for line in text.splitlines():
        w = line.split()
        if len(w) < 2:
            continue
        if w[0] == "object" and len(w) > 2:
            declared[w[1]] = w[2]
        elif w[0] == "group" and len(w) > 3:
            declared[w[1]] = w[3]
        elif w[0] == "room":
            rooms.add(w[1])
            declared[w[1]] = "room"
        elif w[0] == "remove":
            declared.pop(w[1], None)
    return declared, rooms


def decode(model, tok: SGTokenizer, decoder: ConstrainedDecoder, input_ids: list[int], max_new: int = 700,
           temperature: float = 0.0, seed: int | None = None, declared: set[str] = frozenset(),
           rooms: set[str] = frozenset(), bias: np.ndarray | None = None, required=None,
           required_rooms=None, mode: str = "gen") -> tuple[list[int], bool]:
    """Constrained greedy (or sampled) decoding; returns (script token ids, finished)."""
    import warnings

    import torch

    warnings.filterwarnings("ignore", message=".*past_key_values.*")
    if isinstance(model, FastGPT2):
        fast, device, max_pos = model, torch.device("cpu"), model.max_pos
    else:
        device, fast, max_pos = next(model.parameters()).device, None, model.config.n_positions
    if fast is None and device.type == "cpu":
        fast = getattr(model, "_sgmini_fast", None)
        if fast is None:
            fast = FastGPT2(model)
            model._sgmini_fast = fast
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    st = decoder.start(declared, rooms, required, required_rooms)
    st.mode = mode
    count_ids = sorted({tok.script_index[str(n)] for n in (required or {}).values() if n > 1
                        and str(n) in tok.script_index})
    max_new = min(max_new, max_pos - len(input_ids) - 1)
    out: list[int] = []
    past = None
    ids = torch.tensor([input_ids], dtype=torch.long, device=device)
    bias_t = torch.from_numpy(bias).float() if bias is not None else None
    cache = fast.new_cache() if fast is not None else None
    pending = list(input_ids)
    with torch.no_grad():
        for _ in range(max(0, max_new)):
            if fast is not None:
                logits = fast(pending, cache).float().clone()
            else:
                res = model(input_ids=ids, past_key_values=past, use_cache=True)
                past = res.past_key_values
                logits = res.logits[0, -1].float().cpu()
            if bias_t is not None:
                logits = logits + bias_t
            if count_ids and st.line[:1] == ["group"] and len(st.line) == 2:
                logits[count_ids] += 3.0  # "six chairs" -> group ... 6
            hint = decoder.wall_hint(st)
            if hint:
                for i, b in hint:
                    logits[i] += b
            st.blocked = []
            mask = decoder.allowed(st)
            if st.blocked and not st.force and st.forced < decoder.max_forced:
                wide = mask.copy()
                wide[st.blocked] = True
                masked = logits.clone()
                masked[~torch.from_numpy(wide)] = -math.inf
                # the model wants to stop, or an edit has finished a statement: add what is missing
                between_edits = st.mode == "edit" and st.depth == 0 and not st.line and st.emitted > 0
                if between_edits or int(torch.argmax(masked)) in st.blocked:
                    cats, missing_rooms = decoder.missing(st)
                    if missing_rooms and st.depth == 0:
                        st.force = "room"
                    elif cats and (st.depth >= 1 or st.mode == "edit"):
                        kinds = [decoder.vocab.placement.get(c, "floor") for c in cats]
                        st.force = "floor" if "floor" in kinds else kinds[0]
                    if st.force:
                        st.forced += 1
                        mask = decoder.allowed(st)
            if not mask.any():
                break
            logits[~torch.from_numpy(mask)] = -math.inf
            if temperature and temperature > 0:
                probs = torch.softmax(logits / temperature, dim=-1)
                nxt = int(torch.multinomial(probs, 1, generator=gen))
            else:
                nxt = int(torch.argmax(logits))
            decoder.feed(st, nxt)
            st.emitted += 1
            if st.done:
                return out, True
            out.append(nxt)
            pending = [nxt]
            ids = torch.tensor([[nxt]], dtype=torch.long, device=device)
    return out, False


def close_script(text: str) -> str:
    """Cut an unfinished script back to its last complete line and close its open blocks."""
    lines = text.rstrip("\n").split("\n")
    if lines and not text.endswith("\n"):
        lines = lines[:-1]
    depth = 0
    for line in lines:
        depth += line.count("{") - line.count("}")
    return "\n".join(lines + ["}"] * max(0, depth)) + "\n"
