"""Object catalog: categories with real-world sizes, placement kind, surfaces and synonyms.

Sizes are ``(w, d, h)`` in metres: ``w`` across the front, ``d`` front to back (for wall items,
the depth out of the wall), ``h`` the height (for ceiling items, how far they hang down).
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from pathlib import Path
from typing import Iterator, Literal

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Vec3 = tuple[float, float, float]
AXES = ("w", "d", "h")
DEFAULT_PATH = Path(__file__).with_name("catalog.yaml")

# Leading words dropped before lookup ("a", "two", "pair of").
DETERMINERS = frozenset(
    "a an the some any one two three four five six seven eight nine ten another my our your "
    "this that these those several few many couple".split())
# Size, shape, material, colour and style words stripped when the full phrase is unknown.
ADJECTIVES = frozenset("""
small large big tall low high round square rectangular oval circular long short wide narrow tiny huge
little medium mini giant compact slim thin thick
wooden wood oak walnut pine teak birch maple cherry mahogany ash beech bamboo metal metallic steel
iron brass chrome copper gold golden silver glass acrylic plastic leather faux fabric velvet linen
wool woolen woollen cotton wicker rattan marble stone concrete ceramic porcelain upholstered padded
white black grey gray red blue green yellow orange pink purple brown beige cream navy teal turquoise
ivory dark light pale bright colorful colourful striped patterned floral natural
modern contemporary vintage antique retro classic rustic industrial minimalist minimal scandinavian
nordic traditional midcentury cozy cosy comfortable comfy elegant luxurious luxury fancy simple
plain sleek stylish new old nice beautiful pretty cute ornate sturdy soft heavy matching portable
folding foldable freestanding electric digital cheap expensive lovely
""".split())
IRREGULAR_PLURALS = {"shelves": "shelf", "knives": "knife", "leaves": "leaf", "cacti": "cactus",
                     "mice": "mouse", "children": "child", "people": "person", "feet": "foot"}


class CatalogError(ValueError):
    """The catalog file is unreadable or breaks a rule; the message names the category."""


class Surface(BaseModel):
    """A surface an object offers to children: one ``height`` or several shelf ``levels``."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    height: float | None = None
    levels: list[float] | None = None

    @model_validator(mode="after")
    def _check(self) -> "Surface":
        if self.height is None and not self.levels:
            raise ValueError(f"surface {self.name!r} needs a height or non-empty levels")
        if self.levels and any(b <= a for a, b in zip(self.levels, self.levels[1:])):
            raise ValueError(f"surface {self.name!r}: levels must be strictly ascending, got {self.levels}")
        return self


class Category(BaseModel):
    """One object category with its default size, allowed size range and behaviour flags."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
    size: Vec3
    min: Vec3
    max: Vec3
    placement: Literal["floor", "wall", "ceiling", "surface"]
    surfaces: list[Surface] = []
    synonyms: list[str] = []
    family: str = Field(min_length=1)
    rooms: list[str] = []
    ground: bool = False
    tall: bool = False

    @model_validator(mode="after")
    def _check(self) -> "Category":
        for i, axis in enumerate(AXES):
            lo, s, hi = self.min[i], self.size[i], self.max[i]
            if lo <= 0:
                raise ValueError(f"min {axis}={lo} must be positive")
            if not lo <= s <= hi:
                raise ValueError(f"size {axis}={s} is outside its range min {lo} .. max {hi}")
        h = self.size[2]
        seen: set[str] = set()
        for s in self.surfaces:
            if s.name in seen:
                raise ValueError(f"surface {s.name!r} is listed twice")
            seen.add(s.name)
            for z in ([s.height] if s.height is not None else []) + (s.levels or []):
                if not 0 <= z <= h + 1e-9:
                    raise ValueError(f"surface {s.name!r} height {z} is outside the object's height 0 .. {h}")
        if (self.ground or self.tall) and self.placement != "floor":
            raise ValueError("ground and tall apply to floor objects only")
        if self.ground and self.tall:
            raise ValueError("an object cannot be both ground and tall")
        return self

    def surface(self, name: str) -> Surface | None:
        """The surface called ``name``, or None."""
        return next((s for s in self.surfaces if s.name == name), None)

    def top_height(self) -> float | None:
        """Height of the ``top`` surface above the base, None if it has none."""
        top = self.surface("top")
        return top.height if top else None

    def shelf_levels(self) -> list[float]:
        """Heights of the ``shelf`` levels, [] if it has none."""
        shelf = self.surface("shelf")
        return list(shelf.levels or []) if shelf else []


def plain_text(text: str) -> str:
    """Lower case with accents folded ("Café" -> "cafe"): how phrases are compared."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    """Lowercase words of a phrase: apostrophes vanish, other punctuation splits, leading determiners drop."""
    words = re.sub(r"[^a-z0-9]+", " ", re.sub(r"['\u2019]", "", plain_text(text))).split()
    while words:
        if words[0] in DETERMINERS or words[0].isdigit():
            words = words[1:]
        elif words[:2] == ["pair", "of"] or words[:2] == ["set", "of"]:
            words = words[2:]
        else:
            break
    return words


def _key(words: list[str]) -> str:
    return "_".join(words)


def _singulars(word: str) -> list[str]:
    """Candidate singular forms of ``word`` (most likely first); empty when it does not look plural."""
    out = [IRREGULAR_PLURALS[word]] if word in IRREGULAR_PLURALS else []
    if len(word) > 3:
        if word.endswith("ies"):
            out.append(word[:-3] + "y")
        if word.endswith("ves"):
            out += [word[:-3] + "f", word[:-3] + "fe"]
        if word.endswith(("ches", "shes", "xes", "sses", "zes", "oes")):
            out.append(word[:-2])
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        out.append(word[:-1])
    return list(dict.fromkeys(out))


class Catalog:
    """All categories, with lookup by exact name, by everyday phrase and by "did you mean"."""

    def __init__(self, categories: dict[str, Category]):
        self.categories = dict(categories)
        self._index: dict[str, str] = {name: name for name in self.categories}
        for cat in self.categories.values():
            for syn in cat.synonyms:
                words = _words(syn)
                if not words:
                    raise CatalogError(f"category {cat.name!r}: synonym {syn!r} is empty once normalised")
                key = _key(words)
                other = self._index.get(key)
                if other is not None and other != cat.name:
                    what = "the name of" if key in self.categories else "also a synonym of"
                    raise CatalogError(f"synonym {syn!r} of category {cat.name!r} is {what} category {other!r}")
                self._index[key] = cat.name

    def __len__(self) -> int:
        return len(self.categories)

    def __contains__(self, name: object) -> bool:
        return name in self.categories

    def names(self) -> list[str]:
        """All category names, sorted."""
        return sorted(self.categories)

    def get(self, name: str) -> Category | None:
        """The category with exactly this name, or None."""
        return self.categories.get(name)

    def resolve(self, word: str) -> Category | None:
        """The category an everyday phrase means ("a small round coffee table" -> coffee_table), or None.

        Tries the phrase, then without leading adjectives one by one, then without any adjective;
        each as written and with one word made singular. No fuzzy matching.
        """
        for words in self._variants(_words(word)):
            name = self._index.get(_key(words))
            if name is None and len(words) > 1:
                name = self._index.get("".join(words))   # "book case" -> bookcase
            if name is not None:
                return self.categories[name]
        return None

    def suggest(self, word: str, n: int = 3) -> list[str]:
        """Up to ``n`` category names close to ``word`` (by name or synonym), best first."""
        found = self.resolve(word)
        out = [found.name] if found else []
        key = _key(_words(word))
        for match in difflib.get_close_matches(key, list(self._index), n=5 * n + 5, cutoff=0.6):
            name = self._index[match]
            if name not in out:
                out.append(name)
        return out[:n]

    @staticmethod
    def _variants(words: list[str]) -> Iterator[list[str]]:
        bases = [words]
        rest = words
        while len(rest) > 1 and rest[0] in ADJECTIVES:
            rest = rest[1:]
            bases.append(rest)
        stripped = [w for w in words if w not in ADJECTIVES]
        if stripped and stripped not in bases:
            bases.append(stripped)
        for base in bases:
            if not base:
                continue
            yield base
            order = [len(base) - 1] + list(range(len(base) - 1))   # the last word is the usual plural
            for i in order:
                for single in _singulars(base[i]):
                    yield base[:i] + [single] + base[i + 1:]


def _parse(path: Path) -> Catalog:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogError(f"{path}: cannot read the catalog: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise CatalogError(f"{path}: expected a mapping of category name -> fields")
    categories: dict[str, Category] = {}
    for name, fields in data.items():
        if not isinstance(fields, dict):
            raise CatalogError(f"{path}: category {name!r}: expected a mapping of fields")
        if "name" in fields and fields["name"] != name:
            raise CatalogError(f"{path}: category {name!r}: its name field says {fields['name']!r}")
        try:
            categories[str(name)] = Category(**{**fields, "name": name})
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg'].removeprefix('Value error, ')}"
                for e in exc.errors())
            raise CatalogError(f"{path}: category {name!r}: {problems}") from exc
    try:
        return Catalog(categories)
    except CatalogError as exc:
        raise CatalogError(f"{path}: {exc}") from exc


@functools.lru_cache(maxsize=1)
def _default_catalog() -> Catalog:
    return _parse(DEFAULT_PATH)


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a catalog file; the packaged ``catalog.yaml`` (cached) when ``path`` is None."""
    return _default_catalog() if path is None else _parse(Path(path))
