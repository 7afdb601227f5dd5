"""Typed syntax tree of a SpatialGrammar script.

Every node carries the source span it came from; node equality ignores spans, so
``parse(format(p)) == p`` compares meaning, not layout.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Direction = Literal["north", "east", "south", "west"]
Corner = Literal["northeast", "northwest", "southeast", "southwest"]
Relation = Literal["left_of", "right_of", "in_front_of", "behind", "next_to"]

DIRECTION_WORDS: dict[str, Direction] = {
    "N": "north", "E": "east", "S": "south", "W": "west",
    "north": "north", "east": "east", "south": "south", "west": "west",
}
CORNER_WORDS: dict[str, Corner] = {
    "NE": "northeast", "NW": "northwest", "SE": "southeast", "SW": "southwest",
    "northeast": "northeast", "northwest": "northwest",
    "southeast": "southeast", "southwest": "southwest",
}


class Span(BaseModel):
    """A 1-based source range, end exclusive."""

    model_config = ConfigDict(frozen=True)
    line: int
    column: int
    end_line: int
    end_column: int


class Node(BaseModel):
    """Base of every syntax node: a span plus span-blind equality."""

    model_config = ConfigDict(extra="forbid")
    span: Span | None = Field(default=None, repr=False)

    def __eq__(self, other: object) -> bool:
        if type(self) is not type(other):
            return NotImplemented
        return all(
            getattr(self, name) == getattr(other, name)
            for name in type(self).model_fields
            if name != "span"
        )

    __hash__ = None  # type: ignore[assignment]


class Stmt(Node):
    """A statement: a node that may carry its own-line comments and a trailing comment."""

    comments: list[str] = Field(default_factory=list)
    note: str | None = None


class Ref(Node):
    """A reference to an object or room id, kept with its span for diagnostics."""

    name: str


# ---- placements ---------------------------------------------------------------


class At(Node):
    """``at X,Y``: the footprint centre sits on grid point (X, Y) of the local grid."""

    kind: Literal["at"] = "at"
    x: int
    y: int


class Against(Node):
    """``against north wall`` / ``against wall 3``: back flush with that wall."""

    kind: Literal["against"] = "against"
    side: Direction | None = None
    index: int | None = None


class InCorner(Node):
    """``in northeast corner``: back against the first-named wall, side against the other."""

    kind: Literal["corner"] = "corner"
    corner: Corner


class Centered(Node):
    """``centered``: footprint centre on the centre of the local grid."""

    kind: Literal["centered"] = "centered"


class Relative(Node):
    """``left of x`` / ``right of x`` / ``in front of x`` / ``behind x`` / ``next to x``."""

    kind: Literal["relative"] = "relative"
    relation: Relation
    target: Ref


class Around(Node):
    """``around table``: a group spread around an object, every member facing it."""

    kind: Literal["around"] = "around"
    target: Ref


class Row(Node):
    """``row``: a group in one line along its own left-right axis, centred on its anchor."""

    kind: Literal["row"] = "row"


class Grid(Node):
    """``grid CxR``: a group in C columns and R rows, centred on its anchor."""

    kind: Literal["grid"] = "grid"
    columns: int
    rows: int


Placement = Annotated[
    Union[At, Against, InCorner, Centered, Relative, Around], Field(discriminator="kind")
]
Arrangement = Annotated[Union[Row, Grid], Field(discriminator="kind")]


class Facing(Node):
    """``facing`` a compass direction, a diagonal, an angle in degrees, or another object."""

    direction: Direction | Corner | None = None
    angle: float | None = None
    target: Ref | None = None


class Size(Node):
    """A footprint in cells: ``W x D`` (width across the front, depth front to back)."""

    w: int
    d: int


class Clauses(Node):
    """The clauses an object, group or move statement may carry."""

    placement: Placement | None = None
    arrangement: Arrangement | None = None
    facing: Facing | None = None
    aligned_with: Ref | None = None
    gap: int | None = None
    offset: int | None = None
    spacing: int | None = None
    size: Size | None = None
    height: float | None = None


# ---- statements -----------------------------------------------------------------


class SceneHeader(Stmt):
    """``scene "name" cell 0.1 thickness 0.1``."""

    kind: Literal["scene"] = "scene"
    name: str = "Untitled"
    cell: float = 0.1
    thickness: float = 0.1


class Rect(Node):
    """``rect X,Y WxH``: a rectangle of cells on the scene grid."""

    kind: Literal["rect"] = "rect"
    x: int
    y: int
    w: int
    h: int


class Poly(Node):
    """``poly X,Y X,Y ...``: a rectilinear polygon of grid points, counter-clockwise."""

    kind: Literal["poly"] = "poly"
    points: list[tuple[int, int]]


class WallRef(Node):
    """A wall of the enclosing room: a compass side or a polygon edge index."""

    side: Direction | None = None
    index: int | None = None


class Opening(Stmt):
    """A door or a window on a wall of the enclosing room."""

    kind: Literal["door", "window"]
    id: str
    wall: WallRef
    offset: int | None = None
    width: int | None = None
    height: float | None = None
    sill: float | None = None
    swing: Literal["in", "out"] | None = None
    hinge: Literal["left", "right"] | None = None


class ObjectDecl(Stmt):
    """``object ID CATEGORY ["description"] clauses``."""

    kind: Literal["object"] = "object"
    id: str
    category: str
    description: str | None = None
    clauses: Clauses = Field(default_factory=Clauses)


class GroupDecl(Stmt):
    """``group ID N CATEGORY ["description"] clauses``: a motif expanding to ID_1..ID_N."""

    kind: Literal["group"] = "group"
    id: str
    count: int
    category: str
    description: str | None = None
    clauses: Clauses = Field(default_factory=Clauses)


class SurfaceRef(Node):
    """Where a sub-layout lives: an object's top or shelf, a wall, or the ceiling."""

    kind: Literal["top", "shelf", "wall", "ceiling"]
    parent: Ref | None = None
    level: int | None = None
    wall: WallRef | None = None


class OnBlock(Stmt):
    """``on SURFACE { ... }``: a local grid on a surface."""

    kind: Literal["on"] = "on"
    surface: SurfaceRef
    body: list[Statement] = Field(default_factory=list)


class Room(Stmt):
    """``room ID TYPE SHAPE [height H] [floor M] [walls M] { ... }``."""

    kind: Literal["room"] = "room"
    id: str
    type: str
    shape: Annotated[Union[Rect, Poly], Field(discriminator="kind")]
    height: float | None = None
    floor: str | None = None
    walls: str | None = None
    body: list[Statement] = Field(default_factory=list)


class InBlock(Stmt):
    """``in ROOM { ... }``: adds statements to an existing room (editing)."""

    kind: Literal["in"] = "in"
    room: Ref
    body: list[Statement] = Field(default_factory=list)


class Move(Stmt):
    """``move ID clauses``: re-place and/or re-orient an existing object."""

    kind: Literal["move"] = "move"
    target: Ref
    clauses: Clauses


class Rotate(Stmt):
    """``rotate ID facing F``."""

    kind: Literal["rotate"] = "rotate"
    target: Ref
    facing: Facing


class Remove(Stmt):
    """``remove ID``: deletes an object and everything standing on it."""

    kind: Literal["remove"] = "remove"
    target: Ref


class Replace(Stmt):
    """``replace ID with CATEGORY ["description"] [size] [height]``: same place, new object."""

    kind: Literal["replace"] = "replace"
    target: Ref
    category: str
    description: str | None = None
    clauses: Clauses = Field(default_factory=Clauses)


Statement = Annotated[
    Union[Room, Opening, ObjectDecl, GroupDecl, OnBlock, InBlock, Move, Rotate, Remove, Replace],
    Field(discriminator="kind"),
]


class Program(Node):
    """A whole script: its header and its top-level statements in source order."""

    scene: SceneHeader = Field(default_factory=SceneHeader)
    statements: list[Statement] = Field(default_factory=list)
    end_comments: list[str] = Field(default_factory=list)


OnBlock.model_rebuild()
Room.model_rebuild()
InBlock.model_rebuild()
Program.model_rebuild()
