"""The representation ablation's other arm: SG-Mini trained to emit raw JSON boxes instead of the language.

A scene becomes LayoutGPT-style boxes, absolute numbers and no relations::

    {"rooms": [{"id": "bedroom", "type": "bedroom", "x": 0, "y": 0, "w": 40, "d": 35, "h": 270}],
     "doors": [{"room": "bedroom", "wall": "south", "offset": 33, "width": 9}],
     "windows": [{"room": "bedroom", "wall": "north", "offset": 20, "width": 12, "sill": 90}],
     "objects": [{"id": "bed", "category": "bed", "room": "bedroom",
                  "x": 20, "y": 24, "z": 0, "w": 16, "d": 21, "h": 60, "yaw": 180}]}

Units (every number a whole number, so it is one word of the tokenizer's shared number vocabulary):

* horizontal quantities are grid cells of 0.1 m: a room's ``x, y`` (south-west corner of its
  bounding box on the scene grid) and ``w, d``; an opening's ``offset`` (room-local coordinate of
  its centre along the wall) and ``width``; an object's ``x, y`` (footprint centre, **room-local**,
  the same grid as ``at X,Y`` inside the room's block) and ``w, d`` (across its front, front to back);
* vertical quantities are centimetres: a room's ``h``, a window's ``sill``, an object's ``z``
  (bottom above the floor) and ``h``;
* ``yaw`` is whole degrees counter-clockwise from north to the object's front (0 north, 90 west,
  180 south, 270 east); ``wall`` is a side word, or a polygon edge index when the side word would
  name another wall; a polygon room adds ``"poly": [x0, y0, x1, y1, ...]`` (scene grid).

``scene_to_json`` serialises a compiled :class:`compiler.scene.Scene`; ``json_to_script`` turns the
boxes back into a script with absolute placements only (``at X,Y facing F``, ``size``/``height``
where they differ from the catalog; a thing whose bottom is at a parent's top or shelf goes in
``on PARENT [shelf K] { }``, wall and ceiling categories in ``on SIDE wall { }`` / ``on ceiling { }``).
Whole cells are the price of ``at``: a half-cell footprint (a 4.5-cell nightstand flush beside a
bed) lands up to half a cell off, so a perfect JSON answer can still touch its neighbour.

The model sees the JSON as words (:class:`JSONTokenizer`): ``{ } [ ] ,``, each key with its colon
(``x:``), string values bare (ids, categories, sides: the script vocabulary's words) and numbers
as number words, so "one token per word" holds for both arms and only the representation differs.
Decoding is unconstrained greedy (no grammar: that is the point of the baseline); ``finish`` of
:mod:`sgmini.generate` then repairs the converted script exactly as it does SG-Mini's.
"""

from __future__ import annotations

import json
import math
import re
import time
from pathlib import Path
from typing import Iterable, Literal, Union

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr

from .tokenizer import SGTokenizer, _split_word

DEFAULT_WEIGHTS = Path("data/sgmini/runs/json/best")
CELL = 0.1
FLOOR_TOL_CM = 2  # a bottom this close to the floor is on the floor
SURFACE_TOL_CM = 2  # a bottom this close to a parent's top or shelf stands on it
PUNCT = ["{", "}", "[", "]", ","]
KEYS = ["rooms", "doors", "windows", "objects", "id", "type", "category", "room", "wall", "x", "y", "z", "w", "d",
        "h", "yaw", "offset", "width", "sill", "poly"]
KEY_WORDS = [f"{k}:" for k in KEYS]
JSON_WORDS = PUNCT + KEY_WORDS


# ---- the schema -------------------------------------------------------------------------------------------


class _Box(BaseModel):
    model_config = ConfigDict(extra="forbid")


class JsonRoom(_Box):
    id: StrictStr
    type: StrictStr
    x: StrictInt
    y: StrictInt
    w: StrictInt
    d: StrictInt
    h: StrictInt
    poly: list[StrictInt] | None = None


class JsonOpening(_Box):
    room: StrictStr
    wall: Union[StrictStr, StrictInt]
    offset: StrictInt
    width: StrictInt
    sill: StrictInt | None = None


class JsonObject(_Box):
    id: StrictStr
    category: StrictStr
    room: StrictStr
    x: StrictInt
    y: StrictInt
    z: StrictInt
    w: StrictInt
    d: StrictInt
    h: StrictInt
    yaw: StrictInt


class JsonScene(_Box):
    rooms: list[JsonRoom]
    doors: list[JsonOpening] = []
    windows: list[JsonOpening] = []
    objects: list[JsonObject] = []


# ---- scene -> JSON ------------------------------------------------------------------------------------------


def _cells(metres: float, cell: float = CELL) -> int:
    return int(math.floor(metres / cell + 0.5))


def _cm(metres: float) -> int:
    return int(math.floor(metres * 100 + 0.5))


def _wall_word(room, wall) -> str | int:
    from compiler.rooms import find_wall
    from spatialgrammar import ast

    if wall.side and find_wall(room, ast.WallRef(side=wall.side)) is wall:
        return wall.side
    return wall.index


def scene_to_json(scene) -> dict:
    """The compiled scene as LayoutGPT-style boxes (see the module docstring for keys and units)."""
    cell = CELL  # JSON units are 0.1 m whatever the scene's own cell
    rooms, origins = [], {}
    for r in scene.rooms:
        xs, ys = [p[0] for p in r.polygon], [p[1] for p in r.polygon]
        origins[r.id] = r.origin
        box = {"id": r.id, "type": r.type, "x": _cells(min(xs), cell), "y": _cells(min(ys), cell),
               "w": _cells(max(xs) - min(xs), cell), "d": _cells(max(ys) - min(ys), cell), "h": _cm(r.height)}
        if len(r.polygon) != 4:
            box["poly"] = [_cells(v, cell) for p in r.polygon for v in p]
        rooms.append(box)
    by_id = {r.id: r for r in scene.rooms}
    doors, windows = [], []
    for o in scene.openings:
        room = by_id[o.room]
        wall = room.walls[o.wall_index]
        horizontal = wall.start[1] == wall.end[1]
        along = o.position[0] - room.origin[0] if horizontal else o.position[1] - room.origin[1]
        box = {"room": o.room, "wall": _wall_word(room, wall), "offset": _cells(along, cell),
               "width": _cells(o.width, cell)}
        if o.kind == "window":
            box["sill"] = _cm(o.sill)
            windows.append(box)
        else:
            doors.append(box)
    objects = []
    for o in scene.objects:
        ox, oy = origins.get(o.room, (0.0, 0.0))
        objects.append({"id": o.id, "category": o.category, "room": o.room,
                        "x": _cells(o.position[0] - ox, cell), "y": _cells(o.position[1] - oy, cell),
                        "z": _cm(o.position[2]), "w": _cells(o.size[0], cell), "d": _cells(o.size[1], cell),
                        "h": _cm(o.size[2]), "yaw": int(round(o.yaw_deg)) % 360})
    return {"rooms": rooms, "doors": doors, "windows": windows, "objects": objects}


def dumps(obj: dict) -> str:
    """Canonical JSON text: one line, keys in schema order."""
    return json.dumps(obj, separators=(", ", ": "))


def script_to_json(text: str) -> str | None:
    """A script (edit statements folded in) compiled and serialised; None if it does not compile."""
    from compiler import compile_program
    from spatialgrammar import parse_diagnostics
    from spatialgrammar.edits import apply_edits

    program, _ = parse_diagnostics(text)
    if program is None:
        return None
    program, _ = apply_edits(program)
    result = compile_program(program, checks=False)
    if result.scene is None or not result.scene.rooms:
        return None
    return dumps(scene_to_json(result.scene))


# ---- JSON -> script -----------------------------------------------------------------------------------------


def _facing(yaw: float) -> str:
    from compiler.place import compass_word

    return compass_word(yaw % 360.0)


def _nudge(c: int, half: float, lo: float, hi: float) -> int:
    """A whole-cell centre moved by whole cells until ``c +- half`` lies in ``[lo, hi]`` (when it fits):
    rounding toward the inside, so a box flush with a wall or a table edge stays on its side of it."""
    eps = 1e-6
    while c - half < lo - eps and c + 1 + half <= hi + eps:
        c += 1
    while c + half > hi + eps and c - 1 - half >= lo - eps:
        c -= 1
    return c


def _extent(w: float, d: float, yaw: float) -> tuple[float, float]:
    """Half extents along x and y of a w x d footprint turned by ``yaw`` (cardinal; else the circle)."""
    yaw = round(yaw) % 360
    if yaw in (0, 180):
        return w / 2, d / 2
    if yaw in (90, 270):
        return d / 2, w / 2
    r = math.hypot(w, d) / 2
    return r, r


def _metres(v: float) -> str:
    return f"{round(v, 2):g}"


class _Converter:
    """One JSON scene -> script lines, with the rooms compiled once for their wall frames."""

    def __init__(self, scene: JsonScene, lenient: bool = False):
        from assets import load_catalog

        self.catalog = load_catalog()
        self.rooms = {r.id: r for r in scene.rooms}
        if len(self.rooms) != len(scene.rooms):
            raise ValueError("two rooms share an id")
        if lenient:  # a thing in a room that was never declared goes to the first room
            first = scene.rooms[0].id

            def fixed(items: list) -> list:
                return [i if i.room in self.rooms else i.model_copy(update={"room": first}) for i in items]

            scene = scene.model_copy(update={"doors": fixed(scene.doors), "windows": fixed(scene.windows),
                                             "objects": fixed(scene.objects)})
        self.s = scene
        for item in [*scene.doors, *scene.windows, *scene.objects]:
            if item.room not in self.rooms:
                raise ValueError(f"`{item.room}` is not a room")
        self.compiled = self._compile_rooms()

    def _room_line(self, r: JsonRoom) -> str:
        if r.poly:
            pts = " ".join(f"{r.poly[i]},{r.poly[i + 1]}" for i in range(0, len(r.poly) - 1, 2))
            shape = f"poly {pts}"
        else:
            shape = f"rect {r.x},{r.y} {r.w}x{r.d}"
        height = f" height {_metres(r.h / 100)}" if r.h != 270 else ""
        return f"room {r.id} {r.type} {shape}{height}"

    def _compile_rooms(self) -> dict:
        from compiler import compile_text

        result = compile_text("\n".join(self._room_line(r) for r in self.s.rooms) + "\n", checks=False)
        rooms = {r.id: r for r in result.scene.rooms} if result.scene is not None else {}
        if set(rooms) != set(self.rooms):
            raise ValueError("the rooms do not compile")
        return rooms

    # sizes: the catalog's own when the rounded box matches it (so halves stay exact), else the box
    def size(self, o: JsonObject) -> tuple[tuple[float, float, float], str]:
        cat = self.catalog.get(o.category)
        w, d, h = o.w * CELL, o.d * CELL, o.h / 100
        clauses = ""
        if cat is None:
            return (w, d, h), clauses
        cw, cd, ch = cat.size
        if (o.w, o.d) == (_cells(cw), _cells(cd)):
            w, d = cw, cd
        else:
            clauses += f" size {max(1, o.w)}x{max(1, o.d)}"
        if abs(o.h - _cm(ch)) <= 1:
            h = ch
        else:
            clauses += f" height {_metres(max(o.h, 1) / 100)}"
        return (w, d, h), clauses

    def world(self, o: JsonObject) -> tuple[float, float]:
        ox, oy = self.compiled[o.room].origin
        return (ox + o.x * CELL, oy + o.y * CELL)

    def parent_of(self, o: JsonObject, objects: list[JsonObject]) -> tuple[JsonObject, int | None] | None:
        """The object whose top (None) or shelf K this one's bottom rests on, its centre over it."""
        from compiler.scene import box_footprint
        from shapely.geometry import Point

        best = None
        for p in objects:
            if p is o or p.room != o.room or p.z >= o.z:
                continue
            cat = self.catalog.get(p.category)
            if cat is None:
                continue
            (w, d, h), _ = self.size(p)
            scale = h / cat.size[2] if cat.size[2] else 1.0
            levels = [(None, cat.top_height())] + [(k + 1, v) for k, v in enumerate(cat.shelf_levels())]
            for level, height in levels:
                if height is None:
                    continue
                miss = abs(p.z + _cm(height * scale) - o.z)
                if miss > SURFACE_TOL_CM:
                    continue
                if not box_footprint(self.world(p), w, d, p.yaw).buffer(CELL / 2).contains(Point(self.world(o))):
                    continue
                key = (miss, w * d)
                if best is None or key < best[0]:
                    best = (key, p, level)
        return (best[1], best[2]) if best else None

    def wall_of(self, o: JsonObject):
        """The room wall a wall-mounted object faces out of: inward normal along its front, nearest."""
        from compiler.scene import front_vector
        from shapely.geometry import LineString, Point

        room = self.compiled[o.room]
        fx, fy = front_vector(o.yaw)
        facing = [w for w in room.walls if w.inward[0] * fx + w.inward[1] * fy > 0.7] or room.walls
        p = Point(self.world(o))
        return min(facing, key=lambda w: LineString([w.start, w.end]).distance(p))

    def floor_placement(self, o: JsonObject, width: float, depth: float) -> str:
        """``at X,Y facing F``; ``against WALL offset N`` when the box's back is on a wall's inner face
        (within half a cell): the same absolute numbers, snapped, since a wall's inner face is half
        a wall off the grid and ``at`` takes whole cells only."""
        from compiler.frames import room_frame
        from compiler.scene import front_vector

        fx, fy = front_vector(o.yaw)
        room = self.compiled[o.room]
        x, y = o.x, o.y
        if len(room.polygon) == 4:  # a rect: keep the footprint on the clear floor
            W, D = (max(p[i] for p in room.polygon) - min(p[i] for p in room.polygon) for i in (0, 1))
            t = room.walls[0].thickness / 2 / CELL
            hx, hy = _extent(width / CELL, depth / CELL, o.yaw)
            x, y = _nudge(x, hx, t, W / CELL - t), _nudge(y, hy, t, D / CELL - t)
        if abs(fx) in (0.0, 1.0) and abs(fy) in (0.0, 1.0):
            axis, inward = (1, int(fy)) if fy else (0, int(fx))
            back = (y - fy * depth / CELL / 2) if axis == 1 else (x - fx * depth / CELL / 2)
            along = x if axis == 1 else y
            for e in room_frame(room).edges:
                if (e.axis == axis and e.inward == inward and abs(back - e.at / CELL) <= 0.5 + 1e-6
                        and e.lo / CELL <= along <= e.hi / CELL):
                    wall = _wall_word(room, room.walls[e.index])
                    name = f"{wall} wall" if isinstance(wall, str) else f"wall {wall}"
                    return f"against {name} offset {along}"
        return f"at {x},{y} facing {_facing(o.yaw)}"

    def lines(self) -> list[str]:
        from compiler.frames import surface_frame, wall_frame

        out: list[str] = []
        used = {o.id for o in self.s.objects} | set(self.rooms)
        placed: dict[str, list[str]] = {r: [] for r in self.rooms}
        blocks: dict[str, dict[str, list[str]]] = {r: {} for r in self.rooms}
        for o in self.s.objects:
            (w, d, h), size = self.size(o)
            cat = self.catalog.get(o.category)
            placement = cat.placement if cat else "floor"
            room = self.compiled[o.room]
            head = f"object {o.id} {o.category}"
            if placement == "wall":
                wall = self.wall_of(o)
                u = wall_frame(room, wall).to_local(self.world(o))[0]
                side = _wall_word(room, wall)
                key = f"on {side} wall" if isinstance(side, str) else f"on wall {side}"
                v = (o.z + o.h / 2) / 10
                blocks[o.room].setdefault(key, []).append(f"{head} at {_cells(u)},{int(math.floor(v + 0.5))}{size}")
                continue
            if placement == "ceiling":
                blocks[o.room].setdefault("on ceiling", []).append(
                    f"{head} at {o.x},{o.y} facing {_facing(o.yaw)}{size}")
                continue
            found = self.parent_of(o, self.s.objects) if o.z > FLOOR_TOL_CM else None
            if found is None:
                placed[o.room].append(f"{head} {self.floor_placement(o, w, d)}{size}")
                continue
            p, level = found
            (pw, pd, ph), _ = self.size(p)
            cat_p = self.catalog.get(p.category)
            scale = ph / cat_p.size[2] if cat_p.size[2] else 1.0
            top = cat_p.top_height() if level is None else cat_p.shelf_levels()[level - 1]
            frame = surface_frame(room, p.id, self.world(p), float(p.yaw), pw, pd, (p.z / 100) + top * scale,
                                  "top" if level is None else "shelf", level)
            u, v = frame.to_local(self.world(o))
            hu, hv = _extent(w / CELL, d / CELL, o.yaw - p.yaw)
            u, v = _nudge(_cells(u), hu, 0, pw / CELL), _nudge(_cells(v), hv, 0, pd / CELL)
            key = f"on {p.id}" + (f" shelf {level}" if level else "")
            blocks[o.room].setdefault(key, []).append(
                f"{head} at {u},{v} facing {_facing(o.yaw - p.yaw)}{size}")
        openings: dict[str, list[str]] = {r: [] for r in self.rooms}
        for kind, items in (("door", self.s.doors), ("window", self.s.windows)):
            for k, it in enumerate(items, 1):
                oid = f"{kind}{k}"
                while oid in used:
                    oid += "_"
                used.add(oid)
                wall = f"{it.wall} wall" if isinstance(it.wall, str) else f"wall {it.wall}"
                sill = f" sill {_metres(it.sill / 100)}" if kind == "window" and it.sill is not None else ""
                openings[it.room].append(f"{kind} {oid} on {wall} offset {it.offset} width {it.width}{sill}")
        for r in self.s.rooms:
            out.append(self._room_line(r) + " {")
            out += [f"  {line}" for line in openings[r.id] + placed[r.id]]
            for key, body in blocks[r.id].items():
                out.append(f"  {key} {{")
                out += [f"    {line}" for line in body]
                out.append("  }")
            out.append("}")
        return out


def json_to_script(obj: dict | str, lenient: bool = False) -> str:
    """Boxes (a dict or JSON text) -> a script with absolute placements; ValueError if it is not a scene.
    ``lenient``: things placed in a room the JSON never declares go to its first room."""
    from pydantic import ValidationError

    if isinstance(obj, str):
        try:
            obj = json.loads(obj)
        except json.JSONDecodeError as err:
            raise ValueError(f"not JSON: {err}") from None
    try:
        scene = JsonScene.model_validate(obj)
    except ValidationError as err:
        raise ValueError(f"not a scene: {err.errors()[0]['msg']}") from None
    if not scene.rooms:
        raise ValueError("a scene needs a room")
    return "\n".join(_Converter(scene, lenient).lines()) + "\n"


# ---- words ------------------------------------------------------------------------------------------------

_JSON_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"\s*(:)?|(-?\d+(?:\.\d+)?)|([{}\[\],])|(\S)')
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def json_words(text: str) -> list[str]:
    """JSON text as words: punctuation, ``key:``, bare string values, numbers."""
    out = []
    for m in _JSON_TOKEN.finditer(text):
        string, colon, number, punct, other = m.groups()
        if string is not None:
            out.append(f"{string}:" if colon else string)
        elif number is not None:
            out.append(number)
        elif punct is not None:
            out.append(punct)
        elif other != ":":
            out.append(other)
    return out


def words_to_json(words: Iterable[str]) -> str:
    """The inverse of :func:`json_words` (number pieces ``##d`` and id suffixes ``_N`` glued back)."""
    merged: list[str] = []
    for w in words:
        if w in ("[PAD]", "[BOS]", "[EOS]", "[SEP]", "[NL]"):
            continue
        if merged and (w.startswith("##") or (w.startswith("_") and w[1:].isdigit())):
            merged[-1] += w[2:] if w.startswith("##") else w
        else:
            merged.append(w)
    parts = []
    for w in merged:
        if w in PUNCT:
            parts.append(w)
        elif w.endswith(":") and len(w) > 1:
            parts.append(json.dumps(w[:-1]) + ":")
        elif _NUMBER.match(w):
            parts.append(w)
        else:
            parts.append(json.dumps(w))
    text = " ".join(parts)
    return text.replace("[ ", "[").replace(" ]", "]").replace("{ ", "{").replace(" }", "}").replace(" ,", ",")


class JSONTokenizer(SGTokenizer):
    """SG-Mini's tokenizer with JSON as the answer: the same number, category and id words plus
    ``{ } [ ] ,`` and the key words; ``encode_script``/``decode_script`` read and write JSON text,
    so ``gen_input``/``edit_input`` and training work unchanged."""

    target = "json"

    @classmethod
    def train(cls, texts, script_texts=(), vocab_size: int = 4000, extra_words=()) -> "JSONTokenizer":
        return super().train(texts, script_texts, vocab_size, extra_words=JSON_WORDS + list(extra_words))

    def encode_script(self, text: str) -> list[int]:
        return self.encode_words(json_words(text))

    def decode_script(self, ids: Iterable[int]) -> str:
        return words_to_json([self.script_vocab[i] for i in ids if 0 <= i < self.n_script])


def json_records(records: Iterable[dict]) -> Iterable[dict]:
    """Synth records with JSON targets: ``script`` and each edit's ``context`` -> the compiled scene's
    JSON, each ``edit`` -> the whole edited scene's JSON (edit statements applied); no repair pairs."""
    cache: dict[str, str | None] = {}

    def as_json(text: str) -> str | None:
        if text not in cache:
            cache[text] = script_to_json(text)
        return cache[text]

    for r in records:
        scene = as_json(r["script"])
        if scene is None:
            continue
        edits = []
        for e in r["edits"]:
            ctx = as_json(e["context"])
            after = script_to_json(e["context"].rstrip("\n") + "\n" + e["edit"])
            if ctx is not None and after is not None:
                edits.append({"context": ctx, "instruction": e["instruction"], "edit": after})
        cache.clear()
        yield {**r, "script": scene, "edits": edits, "repairs": []}


# ---- generation ---------------------------------------------------------------------------------------------


def decode_json(model, tok: JSONTokenizer, input_ids: list[int], temperature: float = 0.0,
                seed: int | None = None, max_new: int | None = None) -> tuple[str, int]:
    """Unconstrained: the argmax token (or a sample) until ``[EOS]`` or the context is full; (JSON text, tokens)."""
    import torch

    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    out: list[int] = []
    cache = model.new_cache()
    pending = list(input_ids)
    with torch.no_grad():
        for _ in range(max(0, min(max_new or model.max_pos, model.max_pos - len(input_ids)))):
            logits = model(pending, cache).float()
            if temperature > 0:
                nxt = int(torch.multinomial(torch.softmax(logits / temperature, dim=-1), 1, generator=gen))
            else:
                nxt = int(torch.argmax(logits))
            if nxt == tok.eos_id:
                break
            out.append(nxt)
            pending = [nxt]
    return tok.decode_script(out), len(out)


class JSONBaseline:
    """The JSON arm: prompt -> JSON -> script, and edit mode (context JSON + instruction -> whole JSON)."""

    def __init__(self, weights: str | Path | None = None):
        import torch

        from .decode import FastGPT2

        path = Path(weights or DEFAULT_WEIGHTS)
        if not (path / "model.safetensors").exists():
            raise FileNotFoundError(f"no json-baseline checkpoint in {path} (train one with "
                                    "`sgram train --target json -o data/sgmini/runs/json`)")
        torch.set_num_threads(1)  # one-token steps of a model this small: one thread is fastest (as SG-Mini)
        self.model = FastGPT2.load(path)
        self.tok = JSONTokenizer.load(path / "tokenizer.json")
        self.time_budget = 5.0  # seconds after which no further sampled retry starts
        self.max_new: int | None = None  # answer tokens at most; None = until the context is full
        from assets import load_catalog
        self.catalog = load_catalog()

    def answer(self, input_ids: list[int], temperature: float = 0.0, seed: int | None = None,
               lenient: bool = False) -> tuple[str, str | None]:
        """(decoded JSON text, its script or None when it is not a scene); ``lenient`` as ``json_to_script``."""
        text, _ = decode_json(self.model, self.tok, input_ids, temperature, seed, self.max_new)
        try:
            return text, json_to_script(text, lenient)
        except ValueError:
            return text, None

    def prompt_ids(self, prompt: str) -> list[int]:
        from .generate import MAX_PROMPT_TOKENS

        ids = self.tok.encode_prompt(prompt)[:MAX_PROMPT_TOKENS]
        return [self.tok.bos_id, self.tok.gen_id] + ids + [self.tok.sep_id]

    def edit_ids(self, script: str, instruction: str) -> list[int] | None:
        """Edit mode's input: the current scene as JSON, then the instruction; None if it does not compile."""
        scene = script_to_json(script)
        if scene is None:
            return None
        ctx = self.tok.encode_script(scene)
        ins = self.tok.encode_prompt(instruction)[:80]
        ctx = ctx[-max(0, self.model.max_pos - 200 - len(ins)):]
        return [self.tok.bos_id, self.tok.edit_id, self.tok.ctx_id] + ctx + [self.tok.ins_id] + ins + [self.tok.sep_id]

    def raw_case(self, case: dict) -> str:
        """Before repair, greedy, no retries: the decoded JSON's script, or the decoded text itself
        when it is not a scene (so the bench counts it as parse-invalid); each turn in edit mode."""
        text, script = self.answer(self.prompt_ids(case["prompt"]))
        for turn in case.get("turns") or []:
            ids = self.edit_ids(script, turn) if script is not None else None
            if ids is None:
                break
            text, script = self.answer(ids)
        return script if script is not None else text

    def _best(self, input_ids: list[int], title: str | None, retries: int, seed: int | None):
        """SG-Mini's final loop on this arm: greedy, then sampled retries (0.7) until ``finish`` is clean;
        JSON read leniently (things in undeclared rooms go to the first room)."""
        from .generate import Generation, _score, finish

        t0 = time.perf_counter()
        best = None
        for attempt in range(retries + 1):
            temp, s = (0.0, seed) if attempt == 0 else (0.7, (seed or 0) * 1000 + attempt)
            text, script = self.answer(input_ids, temp, s, lenient=True)
            gen = finish(script, title, repair=True) if script is not None else Generation(
                script=text, raw=text, parsed=False)
            gen.attempts = attempt + 1
            if best is None or _score(gen) < _score(best):
                best = gen
            if gen.ok or time.perf_counter() - t0 > self.time_budget:
                break
        return best

    def final_case(self, case: dict, retries: int = 2, seed: int | None = None) -> str:
        """After repair: ``finish`` (compile, repair), sampled retries, ``minimal_script`` as the last
        resort; each turn in JSON edit mode, an edit that stays broken leaves the scene as it was."""
        from .generate import _title, finish, minimal_script

        title = _title(case["prompt"])
        gen = self._best(self.prompt_ids(case["prompt"]), title, retries, seed)
        if not gen.ok:
            last_resort = finish(minimal_script(case["prompt"], self.catalog), title, repair=True)
            if last_resort.ok or not gen.parsed:
                gen = last_resort
        text = gen.script
        for turn in case.get("turns") or []:
            ids = self.edit_ids(text, turn)
            if ids is None:
                break
            edited = self._best(ids, title, retries, seed)
            if edited.ok:
                text = edited.script
        return text


def round_trip_folder(src: str | Path, out: str | Path) -> dict:
    """Every ``src/*.sg`` (edits folded in) -> JSON -> script into ``out``: what a perfect JSON answer
    scores once converted (``sgram eval --generator dir:OUT``). Returns counts."""
    src, out = Path(src), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    done = failed = 0
    for path in sorted(src.glob("*.sg")):
        scene = script_to_json(path.read_text(encoding="utf-8"))
        if scene is None:
            failed += 1
            continue
        (out / path.name).write_text(json_to_script(scene), encoding="utf-8")
        done += 1
    return {"converted": done, "not_compiled": failed}


if __name__ == "__main__":  # python -m sgmini.json_baseline SRC_DIR OUT_DIR
    import sys

    print(round_trip_folder(sys.argv[1], sys.argv[2]))
