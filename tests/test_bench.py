"""The benchmark: physical metrics on hand-built scenes, the suite, the references and the runner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.bench import evaluate_script, run_eval, score_cases
from eval.generators import make_generator
from eval.metrics import CaseContext, all_metrics, collision_pairs, navigability, out_of_bounds, score_case, unsupported
from eval.registry import UnknownName
from eval.suite import SCENARIOS, Case, SuiteError, load_suite, parse_case
from test_predicates import obj, opening, rect_room, scene

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "eval" / "suites" / "dev.jsonl"
REFS = ROOT / "eval" / "suites" / "dev_ref"
HELDOUT = ROOT / "eval" / "suites" / "heldout.jsonl"
# name: (suite, reference folder, fewest cases, fewest cases per scenario)
SUITES = {"dev": (SUITE, REFS, 150, 20),
          "heldout": (HELDOUT, ROOT / "eval" / "suites" / "heldout_ref", 60, 12)}


# ---- collision -----------------------------------------------------------------------------------


def test_collision_overlap_and_flush_contact():
    a = obj("a", "desk", 1.0, 1.0, (1.0, 1.0, 0.75))
    assert collision_pairs(scene(a, obj("b", "chair", 1.6, 1.0, (0.5, 0.5, 0.9)))) == [("a", "b")]
    assert collision_pairs(scene(a, obj("b", "chair", 1.75, 1.0, (0.5, 0.5, 0.9)))) == []      # flush
    assert collision_pairs(scene(a, obj("b", "chair", 1.746, 1.0, (0.5, 0.5, 0.9)))) == []     # 4 mm: within 5 mm
    assert collision_pairs(scene(a, obj("b", "chair", 1.74, 1.0, (0.5, 0.5, 0.9)))) == [("a", "b")]  # 1 cm


def test_collision_ignores_parents_and_separate_heights():
    desk = obj("d", "desk", 1, 1, (1.2, 0.6, 0.75))
    lamp = obj("l", "lamp", 1, 1, (0.2, 0.2, 0.4), z=0.75, parent="d", surface="top")
    shelf = obj("s", "bookcase", 3, 1, (0.8, 0.3, 1.8))
    book = obj("k", "book", 3, 1, (0.2, 0.2, 0.25), z=0.4, parent="s", surface="shelf")
    tv = obj("t", "tv", 1, 1, (1.0, 0.1, 0.6), z=1.2, surface="wall")  # above the desk
    assert collision_pairs(scene(desk, lamp, shelf, book, tv)) == []


# ---- bounds and support --------------------------------------------------------------------------


def test_out_of_bounds():
    # clear floor 0.05 .. 3.95
    inside = obj("a", "bed", 2, 1.05, (1.6, 2.0, 0.5))
    through = obj("b", "sofa", 2, 3.6, (2.0, 0.9, 0.8))  # 0.1 m of 0.9 m depth beyond the north face
    assert out_of_bounds(scene(inside, through)) == ["b"]


def test_unsupported():
    floor_ok = obj("a", "bed", 2, 1.05, (1.6, 2.0, 0.5))
    floating = obj("b", "chair", 3, 3, (0.5, 0.5, 0.9), z=0.3)
    desk = obj("d", "desk", 1, 3, (1.2, 0.6, 0.75))
    lamp_ok = obj("l", "lamp", 1, 3, (0.2, 0.2, 0.4), z=0.75, parent="d", surface="top")
    lamp_off = obj("m", "lamp", 1.8, 3, (0.2, 0.2, 0.4), z=0.75, parent="d", surface="top")  # centre off the desk
    painting = obj("p", "painting", 2, 3.95 - 0.02, (0.8, 0.04, 0.6), yaw=180, z=1.3, surface="wall")
    painting_off = obj("q", "painting", 2, 3.0, (0.8, 0.04, 0.6), yaw=180, z=1.3, surface="wall")
    light = obj("c", "ceiling_light", 2, 2, (0.4, 0.4, 0.3), z=2.4, surface="ceiling")
    light_low = obj("e", "ceiling_light", 1, 1, (0.4, 0.4, 0.3), z=2.0, surface="ceiling")
    sc = scene(floor_ok, floating, desk, lamp_ok, lamp_off, painting, painting_off, light, light_low)
    assert sorted(unsupported(sc)) == ["b", "e", "m", "q"]


# ---- navigability --------------------------------------------------------------------------------


def test_navigability_of_an_empty_room_is_one():
    assert navigability(scene()) == pytest.approx(1.0)


def test_navigability_drops_when_furniture_cuts_the_room():
    wall_of_shelves = [obj(f"s{i}", "bookcase", 0.45 + 0.8 * i, 2.0, (0.8, 0.4, 1.8)) for i in range(5)]
    cut = navigability(scene(*wall_of_shelves))
    assert 0.3 < cut < 0.7
    # leave a 0.8 m passage: one piece of the row removed
    assert navigability(scene(*wall_of_shelves[:4])) == pytest.approx(1.0)


def test_navigability_of_rooms_joined_by_a_door():
    rooms = [rect_room("a", "bedroom", 0, 0, 4, 4), rect_room("b", "office", 4, 0, 8, 4)]
    joined = scene(rooms=rooms, openings=[opening("d", "door", 4, 2, ["a", "b"], yaw=90)])
    apart = scene(rooms=rooms, openings=[opening("d", "door", 2, 0, ["a"])])
    assert navigability(joined) == pytest.approx(1.0)
    assert navigability(apart) == pytest.approx(0.5, abs=0.02)


# ---- missing scripts score zero ------------------------------------------------------------------


CASE = {"id": "c1", "scenario": "single_object", "prompt": "a bed",
        "requirements": [{"text": "a bed", "check": {"count": {"category": "bed", "op": ">=", "n": 1}}},
                         {"text": "against a wall", "check": {"against_wall": {"a": "bed"}}}]}


BROKEN = "room r bedroom rect 0,0 40x40 {\n  object b bed at 20 20\n}\n"


@pytest.mark.parametrize("script", [None, "object bed bed at 5,5 {{{", BROKEN])
def test_missing_or_unparsable_scores_zero(script):
    scores, _, _ = evaluate_script(Case.model_validate(CASE), script)
    assert scores["requirements"].drfr == 0.0 and scores["requirements"].total == 2
    assert all(not r.met for r in scores["requirements"].results)
    assert scores["parse_valid"].parse_valid_rate == 0.0
    assert scores["clean_compile"].clean_compile_rate == 0.0
    assert scores["navigability"].navigability == 0.0
    assert scores["collision"].collision_rate_scene == 1.0
    assert scores["collision"].collision_rate_object == 1.0
    assert scores["out_of_bounds"].out_of_bounds_rate == 1.0
    assert scores["unsupported"].unsupported_rate == 1.0
    assert scores["objects"].objects_per_scene == 0.0


def test_a_good_script_scores():
    script = "room r bedroom rect 0,0 40x40 {\n  object b bed against north wall\n}\n"
    scores, ctx, crash = evaluate_script(Case.model_validate(CASE), script)
    assert crash is None and ctx.result.ok
    assert scores["requirements"].drfr == 1.0
    assert scores["parse_valid"].parse_valid_rate == 1.0
    assert scores["collision"].collision_rate_scene == 0.0
    assert scores["navigability"].navigability > 0.9


def test_a_failing_generator_scores_zero_and_is_recorded():
    case = Case.model_validate(CASE)
    seen = []

    def boom(task: dict) -> str:
        seen.append(task)
        raise RuntimeError("model offline")

    (scored,) = score_cases([case], boom, progress=False)
    assert scored.record.generator_error == "RuntimeError: model offline"
    assert not scored.record.answered and scored.record.drfr == 0.0
    assert "requirements" not in seen[0] and seen[0]["prompt"] == "a bed"  # the answer key is not handed out


# ---- registries and the suite format -------------------------------------------------------------


def test_unknown_generator_lists_known_ones():
    with pytest.raises(UnknownName) as err:
        make_generator("dri:somewhere")
    assert "`dir`" in str(err.value) and "did you mean `dir`" in str(err.value)


def test_unknown_metric_lists_known_ones():
    from eval.registry import METRICS

    with pytest.raises(UnknownName) as err:
        METRICS.get("colision")
    assert "did you mean `collision`" in str(err.value) and "`navigability`" in str(err.value)


def test_dir_generator_needs_a_folder(tmp_path):
    with pytest.raises(ValueError):
        make_generator("dir:")
    with pytest.raises(ValueError):
        make_generator(f"dir:{tmp_path / 'nope'}")
    (tmp_path / "c1.sg").write_text("scene \"x\"\n")
    gen = make_generator(f"dir:{tmp_path}")
    assert gen({"id": "c1"}) == "scene \"x\"\n" and gen({"id": "c2"}) is None


def test_suite_format_errors_name_the_case():
    with pytest.raises(SuiteError, match="only editing cases have turns"):
        parse_case(json.dumps({**CASE, "turns": ["move it"]}))
    with pytest.raises(SuiteError, match="at least one turn"):
        parse_case(json.dumps({**CASE, "scenario": "editing"}))
    bad = {**CASE, "requirements": [{"text": "x", "check": {"left_off": {"a": "x", "b": "y"}}}]}
    with pytest.raises(SuiteError, match="c1.*did you mean `left_of`"):
        parse_case(json.dumps(bad))
    bad = {**CASE, "requirements": [{"text": "x", "check": {"count": {"category": "bed", "n": 1, "min": 2}}}]}
    with pytest.raises(SuiteError, match="min"):
        parse_case(json.dumps(bad))


def test_outside_suites_may_carry_extra_fields():
    case = parse_case(json.dumps({**CASE, "source": "elsewhere"}))
    assert case.to_dict()["source"] == "elsewhere"


# ---- the suites (dev and held-out) ---------------------------------------------------------------


@pytest.fixture(scope="module")
def suite() -> list[Case]:
    return load_suite(SUITE)


@pytest.fixture(scope="module", params=sorted(SUITES))
def bench(request) -> tuple[list[Case], Path, int, int]:
    """(cases, reference folder, fewest cases, fewest per scenario) of each suite in turn."""
    path, refs, least, per_scenario = SUITES[request.param]
    return load_suite(path), refs, least, per_scenario


def test_suite_shape(bench):
    suite, _, least, per_scenario = bench
    assert len(suite) >= least
    for sc in SCENARIOS:
        assert sum(c.scenario == sc for c in suite) >= per_scenario, sc
    for c in suite:
        assert 2 <= len(c.requirements) <= 6, c.id
        assert (c.scenario == "editing") == bool(c.turns), c.id
    prompts = [c.prompt for c in suite]
    assert len(set(prompts)) == len(prompts)


def test_heldout_suite_is_disjoint_from_dev(suite):
    heldout = load_suite(HELDOUT)
    assert not {c.id for c in heldout} & {c.id for c in suite}
    assert not {c.prompt for c in heldout} & {c.prompt for c in suite}


def test_suite_names_resolve(bench):
    suite = bench[0]
    from assets import load_catalog
    from eval.predicates import SceneView

    view = SceneView(scene(), load_catalog())
    unknown = set()
    for c in suite:
        for r in c.requirements:
            (name, params), = r.check.items()
            for key in ("a", "b", "category"):
                word = params.get(key)
                if word is None or name in ("door_between",):
                    continue
                if key == "b" and name == "on" and word in ("floor", "wall", "ceiling"):
                    continue
                if key == "b" and name == "facing" and word in ("north", "east", "south", "west"):
                    continue
                if view.categories_of(word) is None:
                    unknown.add((c.id, word))
    assert not unknown


# ---- references ----------------------------------------------------------------------------------


def _refs(folder: Path = REFS) -> list[Path]:
    return sorted(folder.glob("*.sg"))


def test_references_spread_over_scenarios(bench):
    suite, folder = bench[:2]
    by_id = {c.id: c for c in suite}
    refs = _refs(folder)
    assert len(refs) >= 40
    assert all(p.stem in by_id for p in refs), [p.stem for p in refs if p.stem not in by_id]
    for sc in SCENARIOS:
        assert sum(by_id[p.stem].scenario == sc for p in refs) >= 5, sc


def test_references_are_clean_and_meet_every_requirement(bench):
    suite, folder = bench[:2]
    by_id = {c.id: c for c in suite}
    problems = []
    for path in _refs(folder):
        case = by_id[path.stem]
        scores, ctx, crash = evaluate_script(case, path.read_text())
        if crash or ctx.result is None:
            problems.append(f"{case.id}: no scene ({crash})")
            continue
        errors = [d.render_short() for d in ctx.result.diagnostics if d.severity == "error"]
        unmet = [f"{r.text}: {r.reason}" for r in scores["requirements"].results if not r.met]
        if errors or unmet or scores["collision"].pairs or scores["out_of_bounds"].objects \
                or scores["unsupported"].objects:
            problems.append(f"{case.id}: errors={errors} unmet={unmet} collisions={scores['collision'].pairs} "
                            f"oob={scores['out_of_bounds'].objects} unsupported={scores['unsupported'].objects}")
    assert not problems, "\n".join(problems)


# A wrong variant of a reference: (case id, regex to remove or replace, replacement, the requirement
# indices that must then fail; every other requirement must still hold).
MUTATIONS: list[tuple[str, str, str, set[int]]] = [
    # an object removed
    ("mo_02", r"^  object ns_right nightstand right of bed\n", "", {1, 3}),
    ("hi_01", r"^    object clock alarm_clock at 3,2\n", "", {1}),
    ("hi_25", r"^  on ns_right \{\n    object lamp_right table_lamp centered\n  \}\n", "", {1}),
    ("ar_01", r"^  door to_bath on north wall offset 12 width 8\n", "", {2}),
    ("ar_01", r"^  door front on south wall offset 10 width 10\n", "", {3}),
    ("mo_26", r"^  object sink utility_sink left of dryer gap 1\n", "", {3}),
    # a relation broken
    ("so_01", r"against north wall", "against south wall", {1}),
    ("mo_02", r"object ns_left nightstand left of bed", "object ns_left nightstand at 30,12", {2}),
    ("mo_01", r"(object sofa sofa against west wall offset 21)", r"\1 facing north", {2, 4}),
    ("so_12", r"on north wall", "on east wall", {2}),
    ("mo_07", r"spacing 6 facing north", "spacing 6 facing south", {3}),
    ("hi_04", r"object art painting at 21,16", "object art painting at 36,16", {2}),
    # an edit left out
    ("ed_01", r"^move bed against west wall offset 22\n", "", {0}),
    ("ed_01", r"^remove plant\n", "", {1}),
    ("ed_07", r"^replace shelf with filing_cabinet\n", "", {0, 1, 2}),
]


@pytest.mark.parametrize("case_id,pattern,replacement,fails", MUTATIONS)
def test_wrong_variants_lose_exactly_their_requirements(suite, case_id, pattern, replacement, fails):
    case = next(c for c in suite if c.id == case_id)
    script = (REFS / f"{case_id}.sg").read_text()
    mutated, n = re.subn(pattern, replacement, script, flags=re.MULTILINE)
    assert n >= 1, f"pattern {pattern!r} not found in {case_id}.sg"
    scores, ctx, _ = evaluate_script(case, mutated)
    failed = {i for i, r in enumerate(scores["requirements"].results) if not r.met}
    assert failed == fails, [(i, r.text, r.reason) for i, r in enumerate(scores["requirements"].results)]


# ---- the runner ----------------------------------------------------------------------------------


def test_run_eval_writes_its_files(tmp_path):
    metrics = run_eval(SUITE, f"dir:{REFS}", tmp_path / "out", progress=False)
    out = tmp_path / "out"
    for name in ("metrics.json", "cases.jsonl", "report.md", "drfr_by_scenario.png", "physical_by_scenario.png"):
        assert (out / name).is_file(), name
    saved = json.loads((out / "metrics.json").read_text())
    for key in ("drfr", "parse_valid_rate", "collision_rate_object", "collision_rate_scene", "out_of_bounds_rate",
                "navigability", "per_scenario", "clean_compile_rate", "unsupported_rate", "objects_per_scene",
                "seconds_per_case"):
        assert key in saved, key
    assert set(saved["per_scenario"]) == set(SCENARIOS)
    lines = (out / "cases.jsonl").read_text().splitlines()
    assert len(lines) == metrics["cases"]  # every case scored, none skipped
    assert metrics["drfr"] == 1.0 and metrics["collision_rate_scene"] == 0.0 and metrics["clean_compile_rate"] == 1.0


def test_missing_references_count_as_zero(tmp_path):
    suite = load_suite(SUITE)[:10]
    folder = tmp_path / "refs"
    folder.mkdir()
    for case in suite[:6]:
        (folder / f"{case.id}.sg").write_text((REFS / f"{case.id}.sg").read_text())
    (folder / f"{suite[6].id}.sg").write_text("room r bedroom rect 0,0 40x40 {\n  object b bed at 20 20\n}\n")
    metrics = run_eval(SUITE, f"dir:{folder}", tmp_path / "out", limit=10, progress=False)
    assert metrics["cases"] == 10 and metrics["answered"] == 7
    assert metrics["answered_only"]["parse_valid_rate"] == pytest.approx(6 / 7)
    assert metrics["parse_valid_rate"] == pytest.approx(0.6)
    total = sum(len(c.requirements) for c in suite)
    met = sum(len(c.requirements) for c in suite[:6])
    assert metrics["drfr"] == pytest.approx(met / total)
    assert metrics["collision_rate_scene"] == pytest.approx(0.4)
    records = [json.loads(line) for line in (tmp_path / "out" / "cases.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [c.id for c in suite]
    assert all(not r["met"] and r["reason"] == "no scene" for rec in records[6:] for r in rec["requirements"])


def test_run_eval_limit_and_null_generator(tmp_path):
    metrics = run_eval(SUITE, "null", tmp_path, limit=7, progress=False)
    assert metrics["cases"] == 7 and metrics["answered"] == 0
    assert metrics["drfr"] == 0.0 and metrics["parse_valid_rate"] == 0.0 and metrics["collision_rate_scene"] == 1.0
