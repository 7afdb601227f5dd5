"""Offline generation with the shipped SG-Mini: prompt -> script -> clean scene.

    from sgmini.generate import generate
    script, scene = generate("a bedroom with a double bed and two nightstands", out="x.glb")

The pipeline: grammar-constrained decoding (every output parses, names are valid), compile,
``repair`` (``sgram fix``) when the compiler reports geometric errors, format. A few sampled
retries cover the rare script that repair cannot make clean; a minimal room is the last resort,
so every call returns a scene.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .reading import edit_requirements, edit_scope, prompt_requirements, prompt_walls, removals, scoped_edit
from .relations import prompt_relations

DEFAULT_WEIGHTS = Path(__file__).with_name("weights") / "cpu"
MAX_PROMPT_TOKENS = 200


@dataclass
class Generation:
    """One generated script with how it was obtained."""

    script: str
    raw: str
    scene: object | None = None
    diagnostics: list = field(default_factory=list)
    parsed: bool = True
    repaired: bool = False
    changes: list = field(default_factory=list)
    attempts: int = 1
    seconds: float = 0.0
    tokens: int = 0

    @property
    def ok(self) -> bool:
        from spatialgrammar.diagnostics import has_errors

        return self.scene is not None and not has_errors(self.diagnostics)


@dataclass
class GeneratedScene:
    """What ``spatialgrammar.generate`` returns: the script, the compiled scene, ``export(path)``."""

    script: str
    scene: object
    diagnostics: list = field(default_factory=list)

    def export(self, path: str | Path) -> Path:
        from compiler.export import export

        export(self.scene, path)
        return Path(path)

    @property
    def objects(self):
        return self.scene.objects

    @property
    def rooms(self):
        return self.scene.rooms


def _title(prompt: str) -> str:
    words = re.sub(r"[^A-Za-z0-9' ,-]+", " ", prompt).split()
    title = " ".join(words[:8]) or "Scene"
    return title[:60].strip(" ,-")


class SGMini:
    """The loaded model, tokenizer and constrained decoder; thread-safe (one decode at a time).

    ``threads=1`` (the default) is the fastest setting for one-token steps of a model this small:
    on the shared 2-core machine a step takes ~4 ms on one thread and ~27 ms on two."""

    def __init__(self, weights: str | Path | None = None, device: str = "cpu", threads: int | None = 1,
                 category_boost: float = 2.0, coverage: bool = True):
        import torch

        from .decode import ConstrainedDecoder

        if threads:
            torch.set_num_threads(threads)
        path = Path(weights) if weights else DEFAULT_WEIGHTS
        if not (path / "model.safetensors").exists():
            raise FileNotFoundError(f"no SG-Mini checkpoint in {path} (expected model.safetensors, config.json, "
                                    "tokenizer.json)")
        if device == "cpu":  # inference needs no transformers: faster start
            import json

            from .decode import FastGPT2
            from .tokenizer import SGTokenizer

            self.model = FastGPT2.load(path)
            self.tok = SGTokenizer.load(path / "tokenizer.json")
            self.meta = json.loads((path / "config.json").read_text(encoding="utf-8"))
        else:
            from transformers.utils import logging as hf_logging

            from .train import load_checkpoint
            hf_logging.set_verbosity_error()
            self.model, self.tok, self.meta = load_checkpoint(path, device)
        self.max_positions = self.meta["model_args"]["n_positions"]
        self.decoder = ConstrainedDecoder(self.tok)
        self.lock = threading.Lock()
        self.category_boost = category_boost
        self.coverage = coverage
        self.time_budget = 5.0  # seconds after which no further sampled retry starts
        self.name = f"sgmini-{self.meta['model_args'].get('name', 'cpu')}"
        from assets import load_catalog
        self.catalog = load_catalog()

    # ---- prompt-aware bias -----------------------------------------------------------------------------
    def mentioned_categories(self, text: str) -> set[str]:
        """Catalog categories the text names, through the catalog's synonyms (1- to 3-word phrases)."""
        return set(prompt_requirements(text, self.catalog)[0])

    def _bias(self, text: str) -> np.ndarray | None:
        if not self.category_boost:
            return None
        bias = np.zeros(self.tok.vocab_size, dtype=np.float32)
        for name in self.mentioned_categories(text):
            i = self.tok.script_index.get(name)
            if i is not None:
                bias[i] = self.category_boost
        return bias

    # ---- decoding ----------------------------------------------------------------------------------------
    def _decode(self, input_ids: list[int], seed: int | None, temperature: float, declared=frozenset(),
                rooms=frozenset(), bias=None, required=None, required_rooms=None, mode: str = "gen",
                max_new: int = 700) -> tuple[str, int]:
        from .decode import close_script, decode

        with self.lock:
            out, finished = decode(self.model, self.tok, self.decoder, input_ids, temperature=temperature,
                                   seed=seed, declared=declared, rooms=set(rooms), bias=bias,
                                   required=required, required_rooms=required_rooms, mode=mode, max_new=max_new)
        if not finished:
            nl = self.tok.nl_id
            last = max((k for k, t in enumerate(out) if t == nl), default=-1)
            out = out[:last + 1]
            return close_script(self.tok.decode_script(out)), len(out)
        return self.tok.decode_script(out), len(out)

    def _prompt_ids(self, prompt: str) -> list[int]:
        ids = self.tok.encode_prompt(prompt)[:MAX_PROMPT_TOKENS]
        return [self.tok.bos_id, self.tok.gen_id] + ids + [self.tok.sep_id]

    def script(self, prompt: str, seed: int | None = None, temperature: float = 0.0, retries: int = 2,
               repair: bool = True, fallback: bool = True) -> Generation:
        """A clean script for a prompt (decoded, compiled, repaired, formatted)."""
        t0 = time.perf_counter()
        bias = self._bias(prompt)
        required, required_rooms = prompt_requirements(prompt, self.catalog) if self.coverage else ({}, {})
        relations = prompt_relations(prompt, self.catalog) if self.coverage else []
        self.decoder.hints = prompt_walls(prompt, self.catalog) if self.coverage else ({}, {})
        best: Generation | None = None
        for attempt in range(retries + 1):
            temp = temperature if attempt == 0 else max(0.7, temperature)
            s = seed if attempt == 0 else (seed or 0) * 1000 + attempt
            raw, n = self._decode(self._prompt_ids(prompt), s, temp, bias=bias, required=required,
                                  required_rooms=required_rooms)
            gen = self._finish(raw, prompt, required, relations, repair)
            gen.attempts, gen.tokens = attempt + 1, n
            if best is None or _score(gen) < _score(best):
                best = gen
            if gen.ok or time.perf_counter() - t0 > self.time_budget:
                break
        if not best.ok and fallback:
            last_resort = finish(minimal_script(prompt, self.catalog), _title(prompt), repair=repair)
            if last_resort.ok:
                last_resort.attempts = best.attempts + 1
                best = last_resort
        best.seconds = time.perf_counter() - t0
        return best

    def _finish(self, raw: str, prompt: str, required: dict[str, int], relations: list, repair: bool) -> Generation:
        from .doors import fix_blocked_doors, fix_doors

        if repair:
            raw = fix_blocked_doors(raw)
        gen = finish(raw, _title(prompt), repair=repair, keep=required, relations=relations)
        if self.coverage and raw.count("\nroom ") + raw.startswith("room ") > 1:
            fixed = fix_doors(raw, prompt)
            if fixed != raw:
                gen2 = finish(fixed, _title(prompt), repair=repair, keep=required, relations=relations)
                if gen2.ok or _score(gen2) <= _score(gen):
                    gen = gen2
        return gen

    def repair(self, script: str, prompt: str) -> Generation:
        """A script written for ``prompt`` (by SG-Mini or anyone) made clean the way generation
        makes its own: doors, ids, the prompt's relations, repair, and drops that spare what the
        prompt asks for."""
        t0 = time.perf_counter()
        required, _ = prompt_requirements(prompt, self.catalog) if self.coverage else ({}, {})
        relations = prompt_relations(prompt, self.catalog) if self.coverage else []
        gen = self._finish(script, prompt, required, relations, repair=True)
        gen.seconds = time.perf_counter() - t0
        return gen

    def edit(self, script: str, instruction: str, seed: int | None = None, temperature: float = 0.0,
             retries: int = 2) -> Generation:
        """The script with edit statements for ``instruction`` appended (and checked)."""
        from .decode import script_ids

        t0 = time.perf_counter()
        declared, rooms = script_ids(script)
        bias = self._bias(instruction)
        ctx = self.tok.encode_script(script)
        ins = self.tok.encode_prompt(instruction)[:80]
        budget = self.max_positions - 200
        ctx = ctx[-max(0, budget - len(ins)):]  # the end of a long scene matters most for an edit
        ids = [self.tok.bos_id, self.tok.edit_id, self.tok.ctx_id] + ctx + [self.tok.ins_id] + ins + [self.tok.sep_id]
        best: Generation | None = None
        base = finish(script, None, repair=False)
        have: dict[str, int] = {}
        for obj in getattr(base.scene, "objects", None) or []:
            have[obj.category] = have.get(obj.category, 0) + 1
        asked = edit_requirements(instruction, have, self.catalog) if self.coverage else {}
        keep = dict(prompt_requirements(instruction, self.catalog)[0])
        for cat, n in have.items():  # what the scene has stays
            keep[cat] = keep.get(cat, 0) + n
        scope = edit_scope(instruction, self.catalog)
        relations = prompt_relations(instruction, self.catalog) if self.coverage else []
        for attempt in range(retries + 1):
            temp = temperature if attempt == 0 else 0.7
            s = seed if attempt == 0 else (seed or 0) * 1000 + attempt
            self.decoder.hints = prompt_walls(instruction, self.catalog) if self.coverage else ({}, {})
            edit, n = self._decode(ids, s, temp, declared, rooms, bias, required=asked, mode="edit",
                                   max_new=MAX_EDIT_TOKENS)
            edit = scoped_edit(edit, declared, scope)
            text = script.rstrip("\n") + "\n" + edit
            from .doors import fix_blocked_doors
            gen = finish(fix_blocked_doors(text), None, repair=True, keep=keep, relations=relations)
            gen.attempts, gen.tokens = attempt + 1, n
            if best is None or _score(gen) < _score(best):
                best = gen
            if gen.ok and edit.strip():
                break
        if best is None or not best.ok:
            best = base
        missed = removals(instruction, base.scene, best.scene, self.catalog) if self.coverage else []
        if missed:  # the model did not take out what the instruction names: remove it by id
            removed = finish(best.script.rstrip("\n") + "\n" + "".join(f"remove {i}\n" for i in missed), None)
            if removed.ok:
                best = removed
        best.seconds = time.perf_counter() - t0
        return best

    def run_case(self, case: dict, seed: int | None = None) -> str:
        """The final script of an eval case: the prompt's scene with every turn applied."""
        gen = self.script(case["prompt"], seed=seed)
        text = gen.script
        for turn in case.get("turns") or []:
            text = self.edit(text, turn, seed=seed).script
        return text


MAX_EDIT_TOKENS = 250


def _score(gen: Generation) -> tuple:
    errors = sum(d.severity == "error" for d in gen.diagnostics)
    return (not gen.parsed, gen.scene is None, errors, -len(getattr(gen.scene, "objects", []) or []))


def finish(text: str, title: str | None, repair: bool = True, keep: dict[str, int] | None = None,
           relations: list | None = None) -> Generation:
    """Parse, compile, repair when needed, and format a decoded script.

    With ``repair``, ids are tidied (:mod:`sgmini.ids`) and the prompt's ``relations`` made true
    (:mod:`sgmini.relations`). Repair first re-anchors offending objects (:mod:`sgmini.reanchor`),
    then runs the grid search of ``sgram fix``; objects are dropped only as a last resort, and the
    ``keep`` counts (category -> how many the prompt asks for) are dropped last."""
    gen = _repaired(text, title, repair, keep, relations)
    if repair and relations and gen.ok:  # relations the broken scene could not take
        from compiler import compile_program
        from spatialgrammar import format as format_program
        from spatialgrammar import parse_diagnostics

        from .relations import apply_relations
        program = parse_diagnostics(gen.script)[0]
        related = apply_relations(program, relations, _catalog()) if program is not None else None
        if related is not None and format_program(related) != gen.script:
            result = compile_program(related)
            if not any(d.severity == "error" for d in result.diagnostics):
                gen = Generation(script=format_program(related), raw=gen.raw, scene=result.scene,
                                 diagnostics=result.diagnostics, repaired=True, changes=gen.changes)
    return gen


def _catalog():
    from assets import load_catalog

    return load_catalog()


def _repaired(text: str, title: str | None, repair: bool, keep: dict[str, int] | None,
              relations: list | None) -> Generation:
    from compiler import compile_program
    from compiler.repair import repair as repair_program
    from spatialgrammar import format as format_program
    from spatialgrammar import parse_diagnostics
    from spatialgrammar.diagnostics import has_errors

    raw = text
    if title is not None and not text.lstrip().startswith("scene"):
        safe = title.replace('"', "'")
        text = f'scene "{safe}" cell 0.1\n' + text
    program, diags = parse_diagnostics(text)
    if program is None:
        return Generation(script=text, raw=raw, diagnostics=diags, parsed=False)
    if repair:
        from .ids import tidy_ids
        program = tidy_ids(program, _catalog())
        if relations:
            from .relations import apply_relations
            program = apply_relations(program, relations, _catalog())
    result = compile_program(program)
    if repair and has_errors(result.diagnostics):
        from .reanchor import reanchor
        program = reanchor(program)
        result = compile_program(program)
    gen = Generation(script=format_program(program), raw=raw, scene=result.scene, diagnostics=result.diagnostics)
    errors = sum(d.severity == "error" for d in result.diagnostics)
    if repair and errors > MAX_REPAIR_ERRORS:  # a very broken scene: first drop what is wrong with it
        gen = drop_offenders(gen.script, raw, keep=keep)
        if gen.ok:
            return gen
        program, result = parse_diagnostics(gen.script)[0], None
        if program is None:
            return gen
        result = compile_program(program)
    if repair and any(d.code == "unsupported" and d.severity == "error" for d in result.diagnostics):
        # a thing off its parent cannot be moved back by repair's search: take it out first
        gen = drop_offenders(gen.script, raw, codes={"unsupported"}, keep=keep)
        program = parse_diagnostics(gen.script)[0]
        if program is None:
            return gen
        result = compile_program(program)
    if repair and has_errors(result.diagnostics):
        try:
            fixed = repair_program(program, max_moves=REPAIR_MOVES)
        except Exception:  # noqa: BLE001 - a repair crash leaves the unrepaired scene
            return gen
        fixed_text = format_program(fixed.program)
        program2, diags2 = parse_diagnostics(fixed_text)
        if program2 is not None:
            result2 = compile_program(program2)
            errors_before = sum(d.severity == "error" for d in result.diagnostics)
            errors_after = sum(d.severity == "error" for d in result2.diagnostics)
            if errors_after <= errors_before:
                gen = Generation(script=fixed_text, raw=raw, scene=result2.scene, diagnostics=result2.diagnostics,
                                 repaired=True, changes=fixed.changes)
        if not gen.ok and gen.parsed:
            dropped = drop_offenders(gen.script, raw, keep=keep)
            if dropped.ok:
                dropped.repaired = True
                return dropped
    return gen


MAX_REPAIR_ERRORS = 8
REPAIR_MOVES = 8


def drop_offenders(text: str, raw: str, rounds: int = 6, codes: set[str] | None = None,
                   keep: dict[str, int] | None = None) -> Generation:
    """Remove the objects that errors name (``remove ID`` edits, folded in) until the scene is clean.

    Of the objects an error names, one beyond the ``keep`` count of its category goes first."""
    from compiler import compile_program
    from spatialgrammar import format as format_program
    from spatialgrammar import parse_diagnostics
    from spatialgrammar.diagnostics import has_errors
    from spatialgrammar.edits import apply_edits

    program, _ = parse_diagnostics(text)
    if program is None:
        return Generation(script=text, raw=raw, parsed=False)
    result = compile_program(program)
    for _ in range(rounds):
        if not has_errors(result.diagnostics):
            break
        rooms = {r.id for r in result.scene.rooms} if result.scene else set()
        category = {o.id: o.category for o in result.scene.objects} if result.scene else {}
        have: dict[str, int] = {}
        for cat in category.values():
            have[cat] = have.get(cat, 0) + 1
        victims: list[str] = []
        for d in result.diagnostics:
            if d.severity != "error" or (codes is not None and d.code not in codes):
                continue
            named = [o for o in (d.objects or []) if o in category and o not in rooms]
            if any(o in victims for o in named):  # removing that one may already clear this error
                continue
            spare = [o for o in named if have[category[o]] > (keep or {}).get(category[o], 0)]
            victim = (spare or named or [None])[0]
            if victim is not None:
                victims.append(victim)
                have[category[victim]] -= 1
        if not victims:
            break
        folded, _ = apply_edits(program)
        text = format_program(folded).rstrip("\n") + "\n" + "".join(f"remove {v}\n" for v in victims)
        program, _ = parse_diagnostics(text)
        if program is None:
            break
        program, _ = apply_edits(program)
        text = format_program(program)
        program, _ = parse_diagnostics(text)
        if program is None:
            break
        result = compile_program(program)
    if program is None:
        return Generation(script=text, raw=raw, parsed=False)
    return Generation(script=format_program(program), raw=raw, scene=result.scene, diagnostics=result.diagnostics,
                      repaired=True)


def minimal_script(prompt: str, catalog) -> str:
    """A last-resort scene: one room of a type the prompt names, with a door."""
    from .synth.recipes import ROOM_SIZES

    words = prompt.lower().replace("-", " ")
    rtype = "living_room"
    for t in sorted(ROOM_SIZES, key=len, reverse=True):
        if t.replace("_", " ") in words:
            rtype = t
            break
    return f"room main {rtype} rect 0,0 40x35 {{\ndoor entry on south wall\n}}\n"


_MODELS: dict[str, SGMini] = {}
_MODELS_LOCK = threading.Lock()


def load(weights: str | Path | None = None) -> SGMini:
    """The process-wide model for these weights (loaded once)."""
    key = str(Path(weights).resolve()) if weights else "default"
    with _MODELS_LOCK:
        if key not in _MODELS:
            _MODELS[key] = SGMini(weights)
        return _MODELS[key]


def generate(prompt: str, out: str | Path | None = None, dsl_out: str | Path | None = None, seed: int | None = None,
             weights: str | Path | None = None) -> tuple[str, object]:
    """``sgram generate``: (script, compiled scene); writes ``out`` (.glb/.gltf/.json) and ``dsl_out`` if given."""
    gen = load(weights).script(prompt, seed=seed)
    if dsl_out is not None:
        Path(dsl_out).write_text(gen.script, encoding="utf-8")
    if out is not None and gen.scene is not None:
        from compiler.export import export
        export(gen.scene, out)
    return gen.script, gen.scene


def generate_scene(prompt: str, seed: int | None = None, weights: str | Path | None = None) -> GeneratedScene:
    """``spatialgrammar.generate(prompt)``: a :class:`GeneratedScene` with ``.export(path)``."""
    gen = load(weights).script(prompt, seed=seed)
    return GeneratedScene(script=gen.script, scene=gen.scene, diagnostics=gen.diagnostics)
