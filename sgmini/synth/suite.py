"""A benchmark suite in the synthetic wording: held-out synthetic scenes, their prompts, checks read off the scene.

It gives the figure beside the hand-written dev suite: how much of SG-Mini's requirement following
comes from prompts worded like its training data. Each case takes one clean scene the sampler made
with a seed range training never used, its first prompt (editing cases: the scene's prompt plus one
of its edit instructions), and checks for what the prompt names, read off the compiled scene:
the count of every category it names, the rooms and their number, what stands on what, and the
doors between named rooms. The answer key is the sampler's own scene, so no person wrote it::

    python -m sgmini.synth.suite -n 80 --seed 7000 -o eval/suites/synth_wording.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from assets import load_catalog
from compiler import compile_text

from ..reading import prompt_requirements
from .run import ShardJob, run_shard

SCENARIOS = ("single_object", "multi_object", "hierarchical", "architectural", "editing")


def _words(category: str) -> str:
    return category.replace("_", " ")


def checks_for(prompt: str, script: str, catalog) -> list[dict]:
    """Requirements for ``prompt`` that the scene of ``script`` meets, in the suite's check format."""
    scene = compile_text(script).scene
    cats, rooms = prompt_requirements(prompt, catalog)
    checks = []
    counts: dict[str, int] = {}
    for obj in scene.objects:
        counts[obj.category] = counts.get(obj.category, 0) + 1
    for cat in cats:
        if cat in counts:
            n = counts[cat]
            checks.append({"text": f"There {'is' if n == 1 else 'are'} exactly {n} {_words(cat)}",
                           "check": {"count": {"category": _words(cat), "op": "==", "n": n}}})
    types = {r.type for r in scene.rooms}
    for rtype in rooms:
        if rtype in types:
            checks.append({"text": f"There is a room of type {_words(rtype)}", "check": {"room_exists": {"type": rtype}}})
    if sum(rooms.values()) > 1:
        checks.append({"text": f"The scene has {len(scene.rooms)} rooms",
                       "check": {"room_count": {"op": "==", "n": len(scene.rooms)}}})
    by_id = {o.id: o for o in scene.objects}
    for obj in scene.objects:
        parent = by_id.get(obj.parent or "")
        if parent is not None and obj.category in cats and parent.category in cats:
            checks.append({"text": f"The {_words(obj.category)} is on the {_words(parent.category)}",
                           "check": {"on": {"a": _words(obj.category), "b": _words(parent.category)}}})
    room_type = {r.id: r.type for r in scene.rooms}
    for opening in scene.openings:
        joined = [room_type[r] for r in opening.rooms if r in room_type]
        if opening.kind == "door" and len(joined) == 2 and all(t in rooms for t in joined) and joined[0] != joined[1]:
            checks.append({"text": f"A door joins the {_words(joined[0])} and the {_words(joined[1])}",
                           "check": {"door_between": {"a": _words(joined[0]), "b": _words(joined[1])}}})
    unique = {json.dumps(c["check"], sort_keys=True): c for c in checks}
    return list(unique.values())


def build_suite(n: int, seed: int, out: str | Path, per_shard: int = 40) -> int:
    """Write about ``n`` cases, spread evenly over the five scenarios, to ``out``; returns how many."""
    catalog = load_catalog()
    want = {s: n // len(SCENARIOS) + (i < n % len(SCENARIOS)) for i, s in enumerate(SCENARIOS)}
    cases: list[dict] = []
    shard = 0
    rng = random.Random(seed)
    with_tmp = Path(out).with_suffix(".tmp")
    with_tmp.mkdir(parents=True, exist_ok=True)
    while any(want.values()) and shard < 50:
        path = run_shard(ShardJob(seed, shard, per_shard, str(with_tmp), 1))["path"]
        shard += 1
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            scenario = "hierarchical" if record["scenario"] == "dense" else record["scenario"]
            if want.get(scenario):
                case = _case(record, scenario, catalog)
                if case is not None:
                    cases.append(case)
                    want[scenario] -= 1
            if want["editing"] and record["edits"]:
                edit = rng.choice(record["edits"])
                case = _edit_case(record, edit, catalog)
                if case is not None:
                    cases.append(case)
                    want["editing"] -= 1
    for tmp in with_tmp.iterdir():
        tmp.unlink()
    with_tmp.rmdir()
    order = {s: i for i, s in enumerate(SCENARIOS)}
    cases.sort(key=lambda c: (order[c["scenario"]], c["id"]))
    Path(out).write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return len(cases)


def _case(record: dict, scenario: str, catalog) -> dict | None:
    prompt = record["prompts"][0]
    checks = checks_for(prompt, record["script"], catalog)
    if not checks:
        return None
    return {"id": f"syn_{record['id']}", "scenario": scenario, "prompt": prompt, "turns": [], "requirements": checks}


def _edit_case(record: dict, edit: dict, catalog) -> dict | None:
    prompt = record["prompts"][0]
    edited = edit["context"].rstrip("\n") + "\n" + edit["edit"]
    checks = checks_for(f"{prompt} {edit['instruction']}", edited, catalog)
    if not checks:
        return None
    return {"id": f"syn_ed_{record['id']}", "scenario": "editing", "prompt": prompt, "turns": [edit["instruction"]],
            "requirements": checks}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=80, help="cases (spread over the five scenarios)")
    ap.add_argument("--seed", type=int, default=7000, help="a seed training data never used")
    ap.add_argument("-o", "--out", type=Path, default=Path("eval/suites/synth_wording.jsonl"))
    args = ap.parse_args(argv)
    print(f"wrote {build_suite(args.n, args.seed, args.out)} cases to {args.out}")


if __name__ == "__main__":
    main()
