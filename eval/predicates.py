"""Atomic requirements checked by code over a compiled scene, in metres.

A requirement is ``{"text": ..., "check": {"<predicate>": {params}}}``. Each predicate is a
function registered with ``@register_predicate(name)``; its params are a pydantic model read
from the function's annotation, so a suite with a misspelt field fails when it is loaded.

Names (``a``, ``b``, ``category``) are everyday words resolved through the catalog's synonyms
("couch" -> ``sofa``); ``door`` and ``window`` name the scene's openings. A name that resolves
to nothing fails its requirement with a reason, it is never skipped. A requirement over
``a``/``b`` holds if some pair of distinct matching things satisfies it.

Directions follow the project's frame: x east, y north, ``yaw_deg`` counter-clockwise from
north; an object's own right is ``right_vector(yaw)``, its front ``front_vector(yaw)``, and
"a left of b" is on b's own left, as seen by someone at b looking out of b's front.
"""

from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass, field
from typing import Callable, Literal, Protocol, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from shapely.geometry import LineString, Point, Polygon

from compiler import Scene

from .registry import PREDICATES, UnknownName, register_predicate

AGAINST_WALL_M = 0.05
"""An object is against a wall when its back is within this of the wall's inner face."""
NEXT_TO_M = 0.3
"""Largest gap between two footprints that still reads as "next to"."""
ON_TOP_M = 0.01
"""How close a's bottom must be to b's top for a to rest on b without being its child."""
FACING_DEG = 45.0
"""Largest angle between a's front and the direction to b's centre."""
EPS = 1e-6

OPENING_KINDS = ("door", "window")
SURFACE_WORDS = ("floor", "wall", "ceiling")
ARTICLES = ("a ", "an ", "the ", "some ")
COMPASS_YAW = {"north": 0.0, "northwest": 45.0, "west": 90.0, "southwest": 135.0, "south": 180.0,
               "southeast": 225.0, "east": 270.0, "northeast": 315.0}
ROOM_ALIASES = {
    "living": "living_room", "lounge": "living_room", "sitting_room": "living_room",
    "family_room": "living_room", "livingroom": "living_room",
    "bath": "bathroom", "washroom": "bathroom", "restroom": "bathroom", "shower_room": "bathroom",
    "dining": "dining_room", "diningroom": "dining_room",
    "study": "office", "home_office": "office",
    "hall": "hallway", "corridor": "hallway", "kitchenette": "kitchen",
    "meeting_room": "conference_room", "boardroom": "conference_room", "storeroom": "storage_room",
    "examination_room": "exam_room", "ensuite": "bathroom", "en_suite": "bathroom",
}


# ---- the frame (the project's conventions, restated here so the benchmark does not share
# ---- the compiler's own geometry code) ---------------------------------------------------


def front_vector(yaw_deg: float) -> tuple[float, float]:
    """Unit vector out of the front of something with this yaw (north 0, west 90, ...)."""
    a = math.radians(yaw_deg)
    return (-math.sin(a), math.cos(a))


def right_vector(yaw_deg: float) -> tuple[float, float]:
    """Unit vector to its own right, as seen looking out of its front."""
    a = math.radians(yaw_deg)
    return (math.cos(a), math.sin(a))


def box_footprint(centre: tuple[float, float], w: float, d: float, yaw_deg: float) -> Polygon:
    """Plan rectangle: ``w`` along the right vector, ``d`` along the front; corners listed
    back-left, back-right, front-right, front-left."""
    (cx, cy), (rx, ry), (fx, fy) = centre, right_vector(yaw_deg), front_vector(yaw_deg)
    corners = [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)]
    return Polygon([(cx + a * rx + b * fx, cy + a * ry + b * fy) for a, b in corners])


# ---- catalog access ------------------------------------------------------------------------------


class CategoryLike(Protocol):
    name: str


class CatalogLike(Protocol):
    """What predicates need of a catalog: ``resolve``; with ``names``/``get`` (and a category's
    ``family``), generic words also cover their kinds."""

    def resolve(self, name: str) -> CategoryLike | None: ...


def normalise_word(word: str) -> str:
    """``"The  Coffee-Table"`` -> ``coffee_table``."""
    w = re.sub(r"['\u2019]", "", word.strip().lower())
    for article in ARTICLES:
        if w.startswith(article):
            w = w[len(article):]
    return re.sub(r"[\s\-]+", "_", w.strip())


def normalise_room_type(word: str) -> str:
    """``"Living room"`` -> ``living_room``; a few common aliases fold onto one type."""
    w = normalise_word(word)
    return ROOM_ALIASES.get(w, w)


def _singulars(word: str) -> list[str]:
    out = []
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return out


# ---- the scene as things with names --------------------------------------------------------------


@dataclass(frozen=True)
class Thing:
    """An object or an opening, in the terms predicates need (plan metres, yaw, heights)."""

    id: str
    category: str
    centre: tuple[float, float]
    z: float
    size: tuple[float, float, float]
    yaw: float
    room: str
    parent: str | None = None
    surface: str = "floor"
    opening: bool = False
    wall_side: str | None = None

    @property
    def top(self) -> float:
        return self.z + self.size[2]

    def footprint(self) -> Polygon:
        return box_footprint(self.centre, self.size[0], self.size[1], self.yaw)

    def back_corners(self) -> tuple[tuple[float, float], tuple[float, float]]:
        (cx, cy), (rx, ry), (fx, fy) = self.centre, right_vector(self.yaw), front_vector(self.yaw)
        hw, hd = self.size[0] / 2, self.size[1] / 2
        return ((cx - rx * hw - fx * hd, cy - ry * hw - fy * hd),
                (cx + rx * hw - fx * hd, cy + ry * hw - fy * hd))

    def local(self, p: tuple[float, float]) -> tuple[float, float]:
        """``p`` in this thing's own frame: (to its right, to its front)."""
        dx, dy = p[0] - self.centre[0], p[1] - self.centre[1]
        (rx, ry), (fx, fy) = right_vector(self.yaw), front_vector(self.yaw)
        return (dx * rx + dy * ry, dx * fx + dy * fy)

    def extents_in(self, other: "Thing") -> tuple[float, float, float, float]:
        """This footprint's bounds in ``other``'s frame: (min right, max right, min front, max front)."""
        pts = [other.local(p) for p in self.footprint().exterior.coords[:4]]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return (min(xs), max(xs), min(ys), max(ys))


@dataclass
class WallFace:
    """A wall's inner face: the centre line moved half a thickness into its room."""

    room: str
    side: str | None
    line: LineString


def wall_faces(scene: Scene) -> list[WallFace]:
    """Every wall's inner face, lengthened by half a thickness at both ends so that faces
    meet at corners (inner and outer) without a gap."""
    faces = []
    for room in scene.rooms:
        for wall in room.walls:
            half = wall.thickness / 2
            (x0, y0), (x1, y1) = wall.start, wall.end
            (dx, dy), (nx, ny) = wall.direction, wall.inward
            faces.append(WallFace(room=room.id, side=wall.side, line=LineString([
                (x0 + nx * half - dx * half, y0 + ny * half - dy * half),
                (x1 + nx * half + dx * half, y1 + ny * half + dy * half),
            ])))
    return faces


@dataclass
class SceneView:
    """A compiled scene with every name resolved through a catalog."""

    scene: Scene
    catalog: CatalogLike
    things: list[Thing] = field(init=False)
    faces: list[WallFace] = field(init=False)

    def __post_init__(self) -> None:
        self._cache: dict[str, tuple[str, frozenset[str]] | None] = {}
        self.all_names: list[str] = []
        self.families: dict[str, set[str]] = {}
        names = getattr(self.catalog, "names", None)
        if callable(names):
            self.all_names = list(names())
            for n in self.all_names:
                family = getattr(self.catalog.get(n), "family", None)
                if family:
                    self.families.setdefault(family, set()).add(n)
        things = [
            Thing(id=o.id, category=o.category, centre=(o.position[0], o.position[1]), z=o.position[2],
                  size=tuple(o.size), yaw=o.yaw_deg, room=o.room, parent=o.parent, surface=o.surface)
            for o in self.scene.objects
        ]
        things += [
            Thing(id=op.id, category=op.kind, centre=(op.position[0], op.position[1]), z=op.position[2],
                  size=(op.width, op.thickness, op.height), yaw=op.yaw_deg, room=op.room,
                  surface="wall", opening=True, wall_side=self._side(op.room, op.wall_index))
            for op in self.scene.openings
        ]
        self.things = things
        self.faces = wall_faces(self.scene)

    def _side(self, room_id: str, wall_index: int) -> str | None:
        room = self.scene.room(room_id)
        if room is None or not 0 <= wall_index < len(room.walls):
            return None
        return room.walls[wall_index].side

    def thing(self, thing_id: str) -> Thing | None:
        return next((t for t in self.things if t.id == thing_id), None)

    def categories_of(self, name: str) -> tuple[str, frozenset[str]] | None:
        """(the category a word names, every category it covers), or None if it names nothing.

        A generic word covers its kinds: a word that is a catalog family, or names the category
        that heads its family, covers the whole family ("chair" -> armchair, office_chair, ...),
        and any category named ``<kind>_<word>`` ("tv" -> wall_tv, "sink" -> bathroom_sink).
        A specific word ("office chair") covers its own category only. ``door`` and ``window``
        name the scene's openings (and any object of those categories)."""
        word = normalise_word(name)
        if word in self._cache:
            return self._cache[word]
        found = None
        for candidate in [word, *_singulars(word)]:
            if candidate in OPENING_KINDS:
                found = (candidate, frozenset([candidate]))
                break
            cat = self.catalog.resolve(name if candidate == word else candidate)
            if cat is None and candidate == word:
                cat = self.catalog.resolve(candidate)
            names: set[str] = set(self.families.get(candidate, ()))
            if cat is not None:
                names.add(cat.name)
                if getattr(cat, "family", None) == cat.name:
                    names |= self.families.get(cat.name, set())
            if not names:
                continue
            for base in {candidate, cat.name if cat is not None else candidate}:
                names |= {n for n in self.all_names if n.endswith("_" + base)}
            found = (cat.name if cat is not None else candidate, frozenset(names))
            break
        self._cache[word] = found
        return found

    def match(self, name: str) -> tuple[list[Thing], str | None]:
        """Things a name matches; on failure, the reason instead."""
        named = self.categories_of(name)
        if named is None:
            return [], f"`{name}` names nothing in the catalog"
        category, covered = named
        found = [t for t in self.things if t.category in covered]
        if not found:
            shown = f"`{category}`" if category == normalise_word(name) else f"`{category}` (`{name}`)"
            return [], f"the scene has no {shown}"
        return found, None


# ---- results and registration --------------------------------------------------------------------


class Verdict(BaseModel):
    """Whether a requirement is met, and why in a short sentence."""

    met: bool
    reason: str


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class Predicate:
    name: str
    params: type[Params]
    fn: Callable[[SceneView, Params], Verdict]
    doc: str


def predicate(name: str):
    """Decorator: register ``fn(view, params) -> Verdict`` under ``name``."""

    def decorate(fn):
        hints = get_type_hints(fn)
        params = next(v for k, v in hints.items() if k not in ("view", "return"))
        register_predicate(name)(Predicate(name, params, fn, (fn.__doc__ or "").strip()))
        return fn

    return decorate


class Requirement(BaseModel):
    """One atomic yes/no requirement of a suite case."""

    model_config = ConfigDict(extra="forbid")
    text: str
    check: dict[str, dict]

    def predicate(self) -> tuple[Predicate, Params]:
        """The registered predicate and its validated params; raises on a malformed check."""
        if len(self.check) != 1:
            raise ValueError(f"a check has exactly one predicate, got {sorted(self.check) or 'none'}")
        (name, raw), = self.check.items()
        pred: Predicate = PREDICATES.get(name)
        try:
            return pred, pred.params.model_validate(raw)
        except ValidationError as err:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or name}: {e['msg']}" for e in err.errors())
            raise ValueError(f"bad `{name}` check: {problems}") from None


class RequirementResult(BaseModel):
    """A requirement with its verdict, as written to ``cases.jsonl``."""

    text: str
    check: dict[str, dict]
    met: bool
    reason: str


def check_requirement(view: SceneView | None, requirement: Requirement) -> RequirementResult:
    """Check one requirement; without a scene (missing or unparsable script) it fails."""
    def result(met: bool, reason: str) -> RequirementResult:
        return RequirementResult(text=requirement.text, check=requirement.check, met=met, reason=reason)

    try:
        pred, params = requirement.predicate()
    except (UnknownName, ValueError) as err:
        return result(False, f"invalid check: {err}")
    if view is None:
        return result(False, "no scene")
    try:
        verdict = pred.fn(view, params)
    except Exception as err:  # noqa: BLE001 - odd geometry fails its requirement, never the run
        return result(False, f"check failed: {type(err).__name__}: {err}")
    return result(verdict.met, verdict.reason)


def check_all(view: SceneView | None, requirements: list[Requirement]) -> list[RequirementResult]:
    return [check_requirement(view, r) for r in requirements]


# ---- pairs ---------------------------------------------------------------------------------------


def _pairs(view: SceneView, a: str, b: str, test: Callable[[Thing, Thing], tuple[bool, str]],
           relation: str) -> Verdict:
    """Met if some distinct (x in a, y in b) passes ``test``; else the first failure's reason."""
    xs, why = view.match(a)
    if why:
        return Verdict(met=False, reason=why)
    ys, why = view.match(b)
    if why:
        return Verdict(met=False, reason=why)
    first = None
    for x in xs:
        for y in ys:
            if x.id == y.id:
                continue
            ok, reason = test(x, y)
            if ok:
                return Verdict(met=True, reason=reason)
            first = first or reason
    if first is None:
        return Verdict(met=False, reason=f"only one `{xs[0].category}` in the scene, so none is {relation} another")
    if len(xs) * len(ys) > 1:
        first = f"no pair of `{a}` and `{b}` is {relation}, e.g. {first}"
    return Verdict(met=False, reason=first)


def _m(x: float) -> str:
    return f"{x:.2f} m"


OPS: dict[str, Callable[[float, float], bool]] = {
    "==": operator.eq, ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
}
Op = Literal["==", ">=", "<=", ">", "<"]


# ---- predicates ----------------------------------------------------------------------------------


class CountParams(Params):
    category: str
    op: Op = ">="
    n: int = Field(ge=0)


@predicate("count")
def count(view: SceneView, p: CountParams) -> Verdict:
    """How many objects (or doors/windows) of a category the scene has, compared with ``n``."""
    named = view.categories_of(p.category)
    if named is None:
        return Verdict(met=False, reason=f"`{p.category}` names nothing in the catalog")
    category, covered = named
    n = sum(t.category in covered for t in view.things)
    met = OPS[p.op](n, p.n)
    return Verdict(met=met, reason=f"{n} `{category}`, wanted {p.op} {p.n}")


class PairParams(Params):
    a: str
    b: str


@predicate("on")
def on(view: SceneView, p: PairParams) -> Verdict:
    """a stands on b: b is a's parent, or a's bottom is b's top (1 cm) with a's centre over b.
    ``b`` may also be ``floor``, ``wall`` or ``ceiling``: the surface a is mounted on."""
    surface = normalise_word(p.b)
    if surface in SURFACE_WORDS:
        xs, why = view.match(p.a)
        if why:
            return Verdict(met=False, reason=why)
        for x in xs:
            if x.surface == surface and not x.opening:
                return Verdict(met=True, reason=f"`{x.id}` is on the {surface}")
        return Verdict(met=False, reason=f"`{xs[0].id}` is on the {xs[0].surface}, not the {surface}")

    def test(x: Thing, y: Thing) -> tuple[bool, str]:
        if x.parent == y.id:
            return True, f"`{x.id}` stands on `{y.id}`"
        if abs(x.z - y.top) <= ON_TOP_M and y.footprint().buffer(EPS).contains(Point(x.centre)):
            return True, f"`{x.id}` rests on top of `{y.id}`"
        where = f"on `{x.parent}`" if x.parent else f"on the {x.surface}"
        return False, f"`{x.id}` is {where}, not on `{y.id}`"

    return _pairs(view, p.a, p.b, test, "on")


class AgainstWallParams(Params):
    a: str
    wall: Literal["north", "east", "south", "west"] | None = None


@predicate("against_wall")
def against_wall(view: SceneView, p: AgainstWallParams) -> Verdict:
    """a's back is within 5 cm of a wall's inner face (optionally a wall on one side).
    A door or window is against the wall it is in (its side as seen from its declaring room)."""
    xs, why = view.match(p.a)
    if why:
        return Verdict(met=False, reason=why)
    best = (math.inf, xs[0])
    for x in xs:
        if x.opening:
            if p.wall is None or x.wall_side == p.wall:
                side = f"the {x.wall_side} wall" if x.wall_side else "a wall"
                return Verdict(met=True, reason=f"`{x.id}` is in {side} of `{x.room}`")
            continue
        corners = [Point(c) for c in x.back_corners()]
        for face in view.faces:
            if p.wall is not None and face.side != p.wall:
                continue
            gap = max(face.line.distance(c) for c in corners)
            if gap <= AGAINST_WALL_M + EPS:
                side = f"{face.side} " if face.side else ""
                return Verdict(met=True, reason=f"`{x.id}` has its back to the {side}wall of `{face.room}`")
            best = min(best, (gap, x), key=lambda b: b[0])
    wall = f"the {p.wall} wall" if p.wall else "a wall"
    if best[0] == math.inf:
        return Verdict(met=False, reason=f"no `{xs[0].category}` stands against {wall}")
    return Verdict(met=False, reason=f"the back of `{best[1].id}` is {_m(best[0])} from {wall}")


class FacingParams(Params):
    a: str
    b: str


@predicate("facing")
def facing(view: SceneView, p: FacingParams) -> Verdict:
    """a's front points at b's centre within 45 degrees. ``b`` may also be a compass word
    (``north`` ... ``northwest``): a's yaw is within 22.5 degrees of that direction."""
    word = normalise_word(p.b)
    if word in COMPASS_YAW:
        xs, why = view.match(p.a)
        if why:
            return Verdict(met=False, reason=why)
        for x in xs:
            off = abs((x.yaw - COMPASS_YAW[word] + 180.0) % 360.0 - 180.0)
            if off <= FACING_DEG / 2 + EPS:
                return Verdict(met=True, reason=f"`{x.id}` faces {word}")
        return Verdict(met=False, reason=f"`{xs[0].id}` faces {xs[0].yaw:g} degrees, not {word}")

    def test(x: Thing, y: Thing) -> tuple[bool, str]:
        dx, dy = y.centre[0] - x.centre[0], y.centre[1] - x.centre[1]
        if math.hypot(dx, dy) < EPS:
            return False, f"`{x.id}` and `{y.id}` share a centre"
        fx, fy = front_vector(x.yaw)
        cos = (fx * dx + fy * dy) / math.hypot(dx, dy)
        angle = math.degrees(math.acos(max(-1.0, min(1.0, cos))))
        if angle <= FACING_DEG + EPS:
            return True, f"`{x.id}` faces `{y.id}` ({angle:.0f} degrees off)"
        return False, f"`{x.id}` points {angle:.0f} degrees away from `{y.id}`"

    return _pairs(view, p.a, p.b, test, "facing")


class NearParams(Params):
    a: str
    b: str
    max_m: float = Field(gt=0)


@predicate("near")
def near(view: SceneView, p: NearParams) -> Verdict:
    """The plan distance between a's and b's centres is at most ``max_m``."""

    def test(x: Thing, y: Thing) -> tuple[bool, str]:
        dist = math.dist(x.centre, y.centre)
        if dist <= p.max_m + EPS:
            return True, f"`{x.id}` is {_m(dist)} from `{y.id}`"
        return False, f"`{x.id}` is {_m(dist)} from `{y.id}` (more than {_m(p.max_m)})"

    return _pairs(view, p.a, p.b, test, "near")


@predicate("next_to")
def next_to(view: SceneView, p: PairParams) -> Verdict:
    """The gap between a's and b's footprints is at most 0.3 m."""

    def test(x: Thing, y: Thing) -> tuple[bool, str]:
        gap = x.footprint().distance(y.footprint())
        if gap <= NEXT_TO_M + EPS:
            return True, f"`{x.id}` is {_m(gap)} from `{y.id}`"
        return False, f"`{x.id}` is {_m(gap)} from `{y.id}` (more than {_m(NEXT_TO_M)})"

    return _pairs(view, p.a, p.b, test, "next to")


def _side_test(relation: str) -> Callable[[Thing, Thing], tuple[bool, str]]:
    """a's centre lies beyond b's edge on that side (b's own frame) and the two footprints
    overlap along b's other axis, i.e. a is beside b on that side rather than diagonal."""
    words = {"left_of": "left of", "right_of": "right of", "in_front_of": "in front of", "behind": "behind"}

    def test(x: Thing, y: Thing) -> tuple[bool, str]:
        u, v = y.local(x.centre)
        x0, x1, y0, y1 = x.extents_in(y)
        hw, hd = y.size[0] / 2, y.size[1] / 2
        if relation in ("left_of", "right_of"):
            beyond = u < -hw - EPS if relation == "left_of" else u > hw + EPS
            overlap = min(y1, hd) - max(y0, -hd) > EPS
        else:
            beyond = v > hd + EPS if relation == "in_front_of" else v < -hd - EPS
            overlap = min(x1, hw) - max(x0, -hw) > EPS
        if beyond and overlap:
            return True, f"`{x.id}` is {words[relation]} `{y.id}`"
        side = ("left" if u < -hw else "right" if u > hw else "") + (
            " front" if v > hd else " back" if v < -hd else "")
        where = f"to the {side.strip()} of" if side.strip() else "over"
        detail = "" if beyond else f" (it is {where} `{y.id}` in `{y.id}`'s own frame)"
        if beyond and not overlap:
            detail = " (it is diagonally off, not alongside)"
        return False, f"`{x.id}` is not {words[relation]} `{y.id}`{detail}"

    return test


for _relation in ("in_front_of", "behind", "left_of", "right_of"):
    def _make(relation: str):
        def relative(view: SceneView, p: PairParams) -> Verdict:
            return _pairs(view, p.a, p.b, _side_test(relation), relation.replace("_", " "))

        relative.__doc__ = (f"a is {relation.replace('_', ' ')} b in b's own frame: a's centre is beyond that"
                            " edge of b and the footprints overlap along b's other axis.")
        relative.__annotations__ = {"view": SceneView, "p": PairParams, "return": Verdict}
        return relative

    predicate(_relation)(_make(_relation))


class RoomCountParams(Params):
    op: Op = "=="
    n: int = Field(ge=0)


@predicate("room_count")
def room_count(view: SceneView, p: RoomCountParams) -> Verdict:
    """How many rooms the scene has, compared with ``n``."""
    n = len(view.scene.rooms)
    return Verdict(met=OPS[p.op](n, p.n), reason=f"{n} room(s), wanted {p.op} {p.n}")


class RoomExistsParams(Params):
    type: str


@predicate("room_exists")
def room_exists(view: SceneView, p: RoomExistsParams) -> Verdict:
    """Some room has this type (``"living room"`` and ``living_room`` are the same)."""
    want = normalise_room_type(p.type)
    for room in view.scene.rooms:
        if normalise_room_type(room.type) == want:
            return Verdict(met=True, reason=f"`{room.id}` is a {want}")
    types = sorted({r.type for r in view.scene.rooms}) or ["none"]
    return Verdict(met=False, reason=f"no {want} (room types: {', '.join(types)})")


def _rooms_named(view: SceneView, word: str) -> list[str]:
    want = normalise_room_type(word)
    return [r.id for r in view.scene.rooms if r.id == word or normalise_room_type(r.type) == want]


@predicate("door_between")
def door_between(view: SceneView, p: PairParams) -> Verdict:
    """A door joins a room of type/id a with a room of type/id b; ``outside`` matches a
    door that leads out of the building (a door with one room)."""
    outside = [w for w in (p.a, p.b) if normalise_word(w) == "outside"]
    if len(outside) == 2:
        return Verdict(met=False, reason="a door cannot lead from outside to outside")
    doors = [o for o in view.scene.openings if o.kind == "door"]
    if not doors:
        return Verdict(met=False, reason="the scene has no door")
    inside = [w for w in (p.a, p.b) if normalise_word(w) != "outside"]
    sets = [_rooms_named(view, w) for w in inside]
    for word, ids in zip(inside, sets):
        if not ids:
            return Verdict(met=False, reason=f"no room is a `{normalise_room_type(word)}`")
    for door in doors:
        if outside:
            if len(door.rooms) == 1 and door.rooms[0] in sets[0]:
                return Verdict(met=True, reason=f"`{door.id}` leads from `{door.rooms[0]}` outside")
        elif len(door.rooms) == 2:
            r0, r1 = door.rooms
            if (r0 in sets[0] and r1 in sets[1]) or (r1 in sets[0] and r0 in sets[1]):
                return Verdict(met=True, reason=f"`{door.id}` joins `{r0}` and `{r1}`")
    what = f"{p.a} and outside" if outside else f"{p.a} and {p.b}"
    return Verdict(met=False, reason=f"no door between {what}")


def known_predicates() -> list[str]:
    return PREDICATES.names()
