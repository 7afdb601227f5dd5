"""Benchmark generators: ``--generator sgmini[:WEIGHTS]`` and ``--generator json-baseline[:WEIGHTS]``.

``sgmini`` answers each case with the shipped model (prompt -> script, then one edit per turn).
``json-baseline`` is the representation ablation's other arm: a model trained on the same scenes
to emit raw JSON boxes (LayoutGPT-style, :mod:`sgmini.json_baseline`); its weights default to
``data/sgmini/runs/json/best`` (trained by ``sgram train --target json``).
"""

from __future__ import annotations

from eval.registry import register_generator


@register_generator("sgmini")
def sgmini_generator(option: str):
    """``sgmini`` (shipped weights) or ``sgmini:PATH`` (a checkpoint folder). Modes after ``@``:
    ``@raw`` = the decoded script before repair (no retries); ``@plain`` = without the prompt-aware
    decoding aids (no category boost, no coverage, no wall hints, no door fix): grammar and names only."""
    from .generate import SGMini, load

    weights, _, mode = (option or "").partition("@")
    if mode == "plain":
        model = SGMini(weights or None, category_boost=0.0, coverage=False)
    else:
        model = load(weights or None)

    def generate(case: dict) -> str:
        if mode == "raw":
            gen = model.script(case["prompt"], retries=0, repair=False, fallback=False)
            text = gen.script
            for turn in case.get("turns") or []:
                text = model.edit(text, turn, retries=0).script
            return text
        return model.run_case(case)

    return generate


@register_generator("json-baseline")
def json_baseline_generator(option: str):
    """``json-baseline[:WEIGHTS][@raw]``: greedy unconstrained JSON, converted to a script. ``@raw`` = that
    script with no repair (the decoded text itself when it is not a JSON scene: parse-invalid); the
    default = SG-Mini's final pipeline (repair, sampled retries, minimal fallback). Turns go through
    JSON edit mode (current scene's JSON + instruction -> the whole edited JSON)."""
    from .json_baseline import JSONBaseline

    weights, _, mode = (option or "").partition("@")
    if mode not in ("", "raw"):
        raise ValueError(f"unknown json-baseline mode `@{mode}` (known: `@raw`)")
    model = JSONBaseline(weights or None)
    return model.raw_case if mode == "raw" else model.final_case
