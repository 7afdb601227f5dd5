"""SG-Mini's tokenizer: one token per word of the language, a trained BPE for the prompt.

Two vocabularies share one id space:

* **script tokens** (ids ``0 .. S-1``): special tokens, every keyword and punctuation mark of
  the grammar, directions, whole numbers 0..400, decimals 0.05..5 (heights, sills), every catalog
  category, room types, materials, and the ids the sampler uses. A script is split into these
  words (``3,4`` -> ``3 , 4``; ``40x35`` -> ``40 x 35``; ``chairs_2`` -> ``chairs _2``), so a
  scene is ~100-250 tokens and decoding can check every token against the grammar.
* **prompt tokens** (ids ``S ..``): a byte-pair model trained with ``tokenizers`` on the
  prompts, instructions and diagnostics of the synthetic data (lower-cased).

``SGTokenizer.save(path)`` writes one JSON file holding both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable

SPECIALS = ["[PAD]", "[BOS]", "[EOS]", "[SEP]", "[GEN]", "[EDIT]", "[FIX]", "[CTX]", "[INS]", "[NL]", "[UNK]"]
KEYWORDS = """scene cell thickness room rect poly height floor walls door window on offset width sill swing hinge
wall object group at against in corner centered left right of front behind next to around row grid facing aligned
with gap spacing size top shelf ceiling move rotate remove replace { } , x out""".split()
DIRECTIONS = "north south east west N E S W northeast northwest southeast southwest NE NW SE SW".split()
MAX_INT = 400
DECIMALS = [f"{i / 100:g}" for i in range(5, 501, 5)] + ["0.0"]
MEMBER_SUFFIXES = [f"_{i}" for i in range(1, 41)]
DIGIT_GLUE = [f"##{d}" for d in range(10)]
GLUE_BOTH = {",", "x"}

_WORD = re.compile(r'"[^"\n]*"|#[^\n]*|[^\s]+')
_POINT = re.compile(r"^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$")
_SIZE = re.compile(r"^(\d+)x(\d+)$")
_MEMBER = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*?)(_\d+)$")
_INT = re.compile(r"^-?\d+$")


def script_words(text: str) -> list[str]:
    """A script as language words: lines joined by ``[NL]``, strings and comments dropped."""
    out: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        words = []
        for w in _WORD.findall(line):
            if w.startswith('"') or w.startswith("#"):
                continue
            m = _POINT.match(w)
            if m:
                words += [m.group(1), ",", m.group(2)]
                continue
            m = _SIZE.match(w)
            if m:
                words += [m.group(1), "x", m.group(2)]
                continue
            if w.endswith("{") and len(w) > 1:
                words += [w[:-1], "{"]
                continue
            words.append(w)
        if not words:
            continue
        if words[0] == "scene":  # the model never writes the scene line
            continue
        out += words + ["[NL]"]
    return out


def _split_word(w: str, vocab: dict[str, int]) -> list[str]:
    if w in vocab:
        return [w]
    m = _MEMBER.match(w)
    if m and m.group(2) in vocab:
        return _split_word(m.group(1), vocab) + [m.group(2)]
    if _INT.match(w) and not w.startswith("-"):
        return [w[0]] + [f"##{d}" for d in w[1:]]
    return ["[UNK]"]


def detokenize_words(words: list[str]) -> str:
    """Language words back to script text (one statement per line)."""
    lines: list[str] = []
    cur = ""
    glue_next = False
    for w in words:
        if w in ("[PAD]", "[BOS]", "[EOS]", "[SEP]"):
            continue
        if w == "[NL]":
            lines.append(cur)
            cur, glue_next = "", False
            continue
        if w in GLUE_BOTH or w.startswith("##") or (w.startswith("_") and w[1:].isdigit()):
            cur += w[2:] if w.startswith("##") else w
            glue_next = w in GLUE_BOTH
            continue
        if glue_next or not cur:
            cur += w
        else:
            cur += " " + w
        glue_next = False
    if cur:
        lines.append(cur)
    return "\n".join(lines) + "\n"


def base_script_vocab() -> list[str]:
    from assets import load_catalog

    cat = load_catalog()
    words = list(SPECIALS) + KEYWORDS + DIRECTIONS + [str(i) for i in range(MAX_INT + 1)] + DECIMALS
    words += MEMBER_SUFFIXES + DIGIT_GLUE
    words += [f"-{i}" for i in range(1, 51)]
    words += cat.names()
    rooms = set()
    for c in cat.categories.values():
        rooms.update(c.rooms)
    from .synth.layout import SHORT_IDS
    from .synth.recipes import ROOM_SIZES
    from .synth.sampler import FLOORS, WALLS

    rooms.update(ROOM_SIZES)
    rooms.update(["closet", "corridor", "hallway", "living", "bath", "dining", "kitchenette", "balcony"])
    words += sorted(rooms) + FLOORS + WALLS
    bases = set(cat.names()) | set(SHORT_IDS.values()) | rooms | {
        "entry", "door", "front", "window", "win", "ns", "teacher_desk", "corridor", "ledge", "counter", "chairs",
        "stools", "desks", "pendants", "books", "seats", "counters"}
    for b in sorted(bases):  # ids: the base names and a second instance; the rest come from the corpus
        words.append(f"{b}2")
    seen: set[str] = set()
    out = []
    for w in words:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


class SGTokenizer:
    """Script words + prompt BPE in one id space (script ids first).

    ``target`` names what the answer is written in (``script``; ``json`` for the ablation's
    :class:`sgmini.json_baseline.JSONTokenizer`, which overrides ``encode_script``/``decode_script``)."""

    target = "script"

    def __init__(self, script_vocab: list[str], prompt_tokenizer):
        self.script_vocab = list(script_vocab)
        self.script_index = {w: i for i, w in enumerate(self.script_vocab)}
        self.prompt = prompt_tokenizer
        self.n_script = len(self.script_vocab)
        self.vocab_size = self.n_script + self.prompt.get_vocab_size()
        for s in SPECIALS:
            setattr(self, s.strip("[]").lower() + "_id", self.script_index[s])

    # ---- encoding -------------------------------------------------------------------------------------
    def encode_script(self, text: str) -> list[int]:
        return self.encode_words(script_words(text))

    def encode_words(self, words: Iterable[str]) -> list[int]:
        """Answer-side words to ids (unknown ids split into base + ``_N``, long numbers into digits)."""
        ids = []
        for w in words:
            for piece in _split_word(w, self.script_index):
                ids.append(self.script_index.get(piece, self.unk_id))
        return ids

    def encode_prompt(self, text: str) -> list[int]:
        return [self.n_script + i for i in self.prompt.encode(text).ids]

    def decode_script(self, ids: Iterable[int]) -> str:
        return detokenize_words([self.script_vocab[i] for i in ids if 0 <= i < self.n_script])

    def word(self, i: int) -> str:
        if i < self.n_script:
            return self.script_vocab[i]
        return "<p>" + (self.prompt.id_to_token(i - self.n_script) or "")

    def gen_input(self, prompt: str) -> list[int]:
        return [self.bos_id, self.gen_id] + self.encode_prompt(prompt) + [self.sep_id]

    def edit_input(self, context: str, instruction: str) -> list[int]:
        return ([self.bos_id, self.edit_id, self.ctx_id] + self.encode_script(context) + [self.ins_id]
                + self.encode_prompt(instruction) + [self.sep_id])

    def fix_input(self, broken: str, diagnostics: str) -> list[int]:
        return ([self.bos_id, self.fix_id, self.ctx_id] + self.encode_script(broken) + [self.ins_id]
                + self.encode_prompt(diagnostics) + [self.sep_id])

    # ---- files ------------------------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        data = {"format": "sgmini-tokenizer", "version": 1, "target": self.target, "script_vocab": self.script_vocab,
                "prompt": json.loads(self.prompt.to_str())}
        Path(path).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "SGTokenizer":
        from tokenizers import Tokenizer

        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != "sgmini-tokenizer":
            raise ValueError(f"{path}: not an SG-Mini tokenizer file")
        return cls(data["script_vocab"], Tokenizer.from_str(json.dumps(data["prompt"])))

    @classmethod
    def train(cls, texts: Iterable[str], script_texts: Iterable[str] = (), vocab_size: int = 4000,
              extra_words: Iterable[str] = ()) -> "SGTokenizer":
        """Train the prompt BPE on ``texts``; add the script words seen in ``script_texts`` and the
        ``extra_words`` (another answer format's punctuation and keys) to the base vocabulary."""
        from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

        from assets import load_catalog

        tok = Tokenizer(models.BPE(unk_token="[UNK]"))
        tok.normalizer = normalizers.Sequence([normalizers.NFKD(), normalizers.StripAccents(), normalizers.Lowercase()])
        tok.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Whitespace(), pre_tokenizers.Digits(True)])
        trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=["[UNK]"], min_frequency=2,
                                      show_progress=False)
        cat = load_catalog()
        seed_text = []  # every catalog name and synonym, so wording outside the templates still splits well
        for c in cat.categories.values():
            seed_text.append(c.name.replace("_", " "))
            seed_text += c.synonyms
        tok.train_from_iterator(_chain(texts, seed_text * 3), trainer=trainer)
        vocab = base_script_vocab()
        vocab += [w for w in dict.fromkeys(extra_words) if w not in set(vocab)]
        known = set(vocab)
        for text in script_texts:
            for w in script_words(text):
                m = _MEMBER.match(w)
                if m:
                    w = m.group(1)
                if w not in known and re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", w):
                    known.add(w)
                    vocab.append(w)
        return cls(vocab, tok)


def _chain(*iters):
    for it in iters:
        yield from it
