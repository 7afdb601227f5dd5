"""SG-Mini: synthetic data, tokenizer, constrained decoding, training (also under torchrun), generation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("tokenizers")
pytest.importorskip("safetensors")

from compiler import compile_text  # noqa: E402
from spatialgrammar import parse_diagnostics  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "sgmini" / "weights" / "cpu"


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory) -> Path:
    from sgmini.synth import synth

    out = tmp_path_factory.mktemp("synth")
    manifest = synth(24, out, seed=7, workers=1, shard_size=12, progress=False)
    assert manifest["scenes"] == 24
    return out


@pytest.fixture(scope="module")
def tiny_run(synth_dir, tmp_path_factory) -> Path:
    from sgmini.train import train

    out = tmp_path_factory.mktemp("run")
    summary = train(synth_dir, out, "test", steps=6, batch_tokens=1024, eval_every=3, ckpt_every=3, log_every=2,
                    eval_examples=8, threads=1)
    assert summary["steps"] == 6
    return out


def _records(folder: Path) -> list[dict]:
    return [json.loads(line) for p in sorted(folder.glob("shard-*.jsonl")) for line in p.read_text().splitlines()]


# ---- synthetic data --------------------------------------------------------------------------------------


def test_synth_scenes_are_clean_and_described(synth_dir):
    records = _records(synth_dir)
    assert len(records) == 24
    for rec in records:
        result = compile_text(rec["script"])
        assert result.ok and not result.diagnostics, rec["script"]
        assert len(rec["prompts"]) >= 2 and all(len(p) > 5 for p in rec["prompts"])
        for e in rec["edits"]:
            edited = compile_text(e["context"] + e["edit"])
            assert edited.ok and not edited.diagnostics
            assert e["instruction"][0].isupper()
        for r in rec["repairs"]:
            assert parse_diagnostics(r["broken"])[0] is None or not compile_text(r["broken"]).ok
            assert r["fixed"] == rec["script"] and r["diagnostics"]


def test_synth_is_deterministic_and_independent_of_workers(tmp_path):
    from sgmini.synth import synth

    synth(6, tmp_path / "a", seed=3, workers=1, shard_size=3, progress=False)
    synth(6, tmp_path / "b", seed=3, workers=2, shard_size=3, progress=False)
    for name in ("shard-3-00000.jsonl", "shard-3-00001.jsonl"):
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text()
    other = synth(3, tmp_path / "c", seed=4, workers=1, progress=False)
    assert other["scenes"] == 3
    assert (tmp_path / "c" / "shard-4-00000.jsonl").read_text() != (tmp_path / "a" / "shard-3-00000.jsonl").read_text()


def test_prompts_mention_counts_and_relations():
    import random

    from sgmini.synth.layout import Plan
    from sgmini.synth.prompts import write_prompts
    from sgmini.synth.sampler import furnished_room

    plan = Plan(scenario="hierarchical")
    furnished_room(plan, random.Random(11), 2, rtype="bedroom")
    prompts = write_prompts(plan, random.Random(1), 6)
    assert len(set(prompts)) >= 4
    text = " ".join(prompts).lower()
    assert "bed" in text


# ---- tokenizer and decoding ------------------------------------------------------------------------------


def test_tokenizer_round_trip(tiny_run, synth_dir):
    from sgmini.tokenizer import SGTokenizer

    tok = SGTokenizer.load(tiny_run / "data" / "tokenizer.json")
    for rec in _records(synth_dir):
        ids = tok.encode_script(rec["script"])
        assert tok.unk_id not in ids
        assert tok.decode_script(ids) == rec["script"]
        assert len(ids) < 600
        assert tok.encode_prompt(rec["prompts"][0])


def test_constrained_decoding_always_parses(tiny_run):
    from sgmini.decode import ConstrainedDecoder, close_script, decode
    from sgmini.model import build_model, get_config
    from sgmini.tokenizer import SGTokenizer

    tok = SGTokenizer.load(tiny_run / "data" / "tokenizer.json")
    cfg = get_config("test")
    cfg.vocab_size = tok.vocab_size
    torch.manual_seed(0)
    model = build_model(cfg, tok.pad_id, tok.bos_id, tok.eos_id).eval()  # untrained: random choices
    decoder = ConstrainedDecoder(tok)
    for seed in range(6):
        out, finished = decode(model, tok, decoder, tok.gen_input("a bedroom with a bed"), max_new=80,
                               temperature=1.0, seed=seed)
        text = tok.decode_script(out)
        if not finished:
            last = max((k for k, t in enumerate(out) if t == tok.nl_id), default=-1)
            text = close_script(tok.decode_script(out[:last + 1]))
        program, diags = parse_diagnostics(text)
        assert program is not None, (text, [d.message for d in diags])
        result = compile_text(text)
        names = {d.code for d in result.diagnostics}
        assert not names & {"unknown_category", "unknown_reference", "duplicate_id", "syntax"}, text


# ---- training and generation -----------------------------------------------------------------------------


def test_training_writes_checkpoints_and_resumes(tiny_run, synth_dir):
    from sgmini.train import train

    for name in ("model.safetensors", "config.json", "tokenizer.json", "optimizer.pt"):
        assert (tiny_run / "ckpt" / name).exists()
    meta = json.loads((tiny_run / "ckpt" / "config.json").read_text())
    assert meta["step"] == 6 and meta["model_args"]["name"] == "test" and meta["best_val_loss"] > 0
    assert (tiny_run / "best" / "model.safetensors").exists()
    assert (tiny_run / "loss.png").exists()
    log = [json.loads(line) for line in (tiny_run / "log.jsonl").read_text().splitlines()]
    assert any("val_loss" in r for r in log)
    summary = train(synth_dir, tiny_run, "test", steps=8, resume=True, batch_tokens=1024, eval_every=100,
                    ckpt_every=100, log_every=1, eval_examples=8, threads=1)
    assert summary["steps"] == 8
    assert json.loads((tiny_run / "ckpt" / "config.json").read_text())["step"] == 8


def test_generate_with_the_test_model_gives_a_clean_scene(tiny_run, tmp_path):
    from sgmini.generate import generate

    script, scene = generate("a bedroom with a bed and a desk", out=tmp_path / "x.glb", dsl_out=tmp_path / "x.sg",
                             seed=1, weights=tiny_run / "ckpt")
    assert scene is not None and (tmp_path / "x.glb").stat().st_size > 0
    assert (tmp_path / "x.sg").read_text() == script
    result = compile_text(script)
    assert result.ok, [d.message for d in result.diagnostics]


def test_torchrun_two_processes_gloo(synth_dir, tmp_path):
    out = tmp_path / "ddp"
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_port", "29731",
           "-m", "sgmini.train", str(synth_dir), str(out), "--config", "test", "--steps", "3",
           "--batch-tokens", "512", "--eval-every", "3", "--ckpt-every", "3", "--log-every", "1", "--threads", "1"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "SUMMARY" in proc.stdout and '"world": 2' in proc.stdout
    assert json.loads((out / "ckpt" / "config.json").read_text())["step"] == 3


# ---- the shipped model -----------------------------------------------------------------------------------


@pytest.mark.skipif(not (SHIPPED / "model.safetensors").exists(), reason="no shipped weights")
def test_shipped_model_bedroom(tmp_path):
    from sgmini.generate import generate

    script, scene = generate("a bedroom with a double bed and two nightstands", out=tmp_path / "x.glb",
                             dsl_out=tmp_path / "x.sg")
    result = compile_text(script)
    assert result.ok and not [d for d in result.diagnostics if d.severity == "error"]
    cats = [o.category for o in result.scene.objects]
    assert cats.count("bed") == 1 and cats.count("nightstand") == 2, script
