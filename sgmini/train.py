"""``sgram train``: prepare the synthetic data once, then train SG-Mini with checkpoints.

Preparation (``prepare``) reads the synth shards, trains the tokenizer and writes token arrays
(``train.npz``, ``val.npz``, ``tokenizer.json``). Training (``train``) samples length-bucketed
batches, masks the loss to the answer (the script after ``[SEP]``), evaluates a fixed validation
set, and writes checkpoints: ``model.safetensors`` + ``config.json`` (model shape, training
options, step, best validation loss) + ``tokenizer.json``, with the optimizer state in
``optimizer.pt`` so a run resumes where it stopped. ``best/`` holds the best validation loss.

Runs unchanged under ``torchrun --nproc_per_node N`` (DDP: gloo on CPU, nccl on GPU); rank 0
evaluates, logs and saves.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .model import ModelConfig, build_model, count_parameters, get_config
from .tokenizer import SGTokenizer

KINDS = {"gen": 0, "edit": 1, "fix": 2}


# ---- data preparation ----------------------------------------------------------------------------------


def _records(synth_dir: Path):
    for path in sorted(synth_dir.glob("shard-*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def _is_val(rec_id: str, fraction: float) -> bool:
    h = int(hashlib.sha1(rec_id.encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < fraction


TARGETS = ("script", "json")


def prepare(synth_dir: str | Path, out: str | Path, val_fraction: float = 0.02, vocab_size: int = 4000,
            max_len: int = 768, tokenizer: str | Path | None = None, target: str = "script") -> dict:
    """Tokenize synth shards into ``out/{train,val}.npz`` and train (or reuse) ``out/tokenizer.json``.

    ``target="json"`` prepares the representation ablation's JSON arm from the same records, prompts
    and validation split: every answer is the compiled scene's JSON (:mod:`sgmini.json_baseline`),
    an edit pair's answer the whole edited scene, and there are no repair pairs."""
    if target not in TARGETS:
        raise ValueError(f"unknown target `{target}` (known: {', '.join(TARGETS)})")
    tokenizer_cls = SGTokenizer
    if target == "json":
        from .json_baseline import JSONTokenizer
        tokenizer_cls = JSONTokenizer
    synth_dir, out = Path(synth_dir), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    records = list(_records(synth_dir))
    if not records:
        raise FileNotFoundError(f"no shard-*.jsonl in {synth_dir}")
    val_ids = {r["id"] for r in records if _is_val(r["id"], val_fraction)}
    if not val_ids and len(records) > 1:  # a tiny set still gets a validation scene
        val_ids = {records[-1]["id"]}
    if tokenizer is not None:
        tok = tokenizer_cls.load(tokenizer)
    else:
        texts = []
        scripts = []
        for r in records:
            if r["id"] in val_ids:
                continue
            texts += r["prompts"]
            texts += [e["instruction"] for e in r["edits"]]
            texts += [x["diagnostics"] for x in r["repairs"]]
            scripts.append(r["script"])
            scripts += [e["edit"] for e in r["edits"]]
        tok = tokenizer_cls.train(texts, scripts, vocab_size=vocab_size)
    tok.save(out / "tokenizer.json")
    if target == "json":
        from .json_baseline import json_records
        records = list(json_records(records))
    stats = {}
    for split in ("train", "val"):
        tokens: list[int] = []
        offsets = [0]
        src = []
        kinds = []
        dropped = 0
        for r in records:
            if (r["id"] in val_ids) != (split == "val"):
                continue
            answer = tok.encode_script(r["script"]) + [tok.eos_id]
            pairs = [(tok.gen_input(p), answer, "gen") for p in r["prompts"]]
            pairs += [(tok.edit_input(e["context"], e["instruction"]), tok.encode_script(e["edit"]) + [tok.eos_id],
                       "edit") for e in r["edits"]]
            pairs += [(tok.fix_input(x["broken"], x["diagnostics"]), tok.encode_script(x["fixed"]) + [tok.eos_id],
                       "fix") for x in r["repairs"]]
            for inp, tgt, kind in pairs:
                if len(inp) + len(tgt) > max_len:
                    dropped += 1
                    continue
                tokens += inp + tgt
                offsets.append(len(tokens))
                src.append(len(inp))
                kinds.append(KINDS[kind])
        np.savez(out / f"{split}.npz", tokens=np.array(tokens, dtype=np.uint16), offsets=np.array(offsets, np.int64),
                 src=np.array(src, np.int32), kinds=np.array(kinds, np.int8))
        lengths = np.diff(np.array(offsets))
        stats[split] = {"examples": len(src), "tokens": int(len(tokens)), "dropped_too_long": dropped,
                        "mean_len": float(lengths.mean()) if len(lengths) else 0.0,
                        "by_kind": {k: int(sum(1 for x in kinds if x == v)) for k, v in KINDS.items()}}
    stats["target"] = target
    stats["vocab_size"] = tok.vocab_size
    stats["script_vocab"] = tok.n_script
    (out / "prepared.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    return stats


class Examples:
    """Token arrays of one split with length-bucketed batch sampling."""

    def __init__(self, path: Path):
        data = np.load(path)
        self.tokens = data["tokens"]
        self.offsets = data["offsets"]
        self.src = data["src"]
        self.kinds = data["kinds"]
        self.lengths = np.diff(self.offsets)
        order = np.argsort(self.lengths, kind="stable")
        self.buckets = np.array_split(order, max(1, len(order) // 256))

    def __len__(self) -> int:
        return len(self.src)

    def example(self, i: int) -> tuple[np.ndarray, int]:
        return self.tokens[self.offsets[i]:self.offsets[i + 1]].astype(np.int64), int(self.src[i])

    def sample(self, rng: np.random.Generator, batch_tokens: int, max_batch: int) -> list[int]:
        bucket = self.buckets[rng.integers(len(self.buckets))]
        longest = int(self.lengths[bucket].max())
        n = max(1, min(max_batch, batch_tokens // max(1, longest), len(bucket)))
        return list(rng.choice(bucket, size=n, replace=False))


def collate(examples: Examples, idx: list[int], pad_id: int):
    import torch

    rows = [examples.example(i) for i in idx]
    width = max(len(r[0]) for r in rows)
    input_ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    labels = torch.full((len(rows), width), -100, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for k, (toks, src) in enumerate(rows):
        t = torch.from_numpy(toks)
        input_ids[k, :len(t)] = t
        mask[k, :len(t)] = 1
        labels[k, src:len(t)] = t[src:]
    return input_ids, mask, labels


# ---- training -------------------------------------------------------------------------------------------


@dataclass
class TrainConfig:
    model: str = "cpu"
    steps: int = 20000
    batch_tokens: int = 4096
    max_batch: int = 64
    lr: float = 1e-3
    min_lr: float = 1e-4
    warmup: int = 200
    weight_decay: float = 0.05
    grad_clip: float = 1.0
    eval_every: int = 200
    eval_examples: int = 256
    ckpt_every: int = 200
    ckpt_minutes: float = 5.0
    log_every: int = 20
    seed: int = 1337
    threads: int = 0
    max_minutes: float = 0.0  # stop (with a checkpoint) after this much wall time; 0 = no limit
    time_schedule: bool = True  # with max_minutes: the learning rate decays with whichever runs out first
    target: str = "script"  # what a synth folder is prepared into: `script`, or `json` (the ablation's baseline)
    model_overrides: dict = field(default_factory=dict)


def _lr(cfg: TrainConfig, step: int, minutes: float = 0.0) -> float:
    if step < cfg.warmup:
        return cfg.lr * (step + 1) / cfg.warmup
    progress = min(1.0, (step - cfg.warmup) / max(1, cfg.steps - cfg.warmup))
    if cfg.time_schedule and cfg.max_minutes:
        progress = max(progress, min(1.0, minutes / cfg.max_minutes))
    return cfg.min_lr + 0.5 * (cfg.lr - cfg.min_lr) * (1 + math.cos(math.pi * progress))


def _loss_module(model):
    """The LM wrapped so that the loss needs logits only where there is a label (the script part)."""
    import torch

    class AnswerLoss(torch.nn.Module):
        def __init__(self, lm):
            super().__init__()
            self.lm = lm

        def forward(self, input_ids, attention_mask, labels):
            hidden = self.lm.transformer(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            target = labels[:, 1:]
            keep = target != -100
            logits = self.lm.lm_head(hidden[:, :-1][keep])
            return torch.nn.functional.cross_entropy(logits.float(), target[keep])

    return AnswerLoss(model)


def save_checkpoint(out: Path, model, tok_path: Path, model_cfg: ModelConfig, cfg: TrainConfig, step: int,
                    best_val: float, val_loss: float | None, optimizer=None, rng_state=None,
                    elapsed_s: float = 0.0) -> None:
    """Weights (safetensors) + config.json (shape, options, step, best val loss) + tokenizer.json."""
    import torch
    from safetensors.torch import save_model

    out.mkdir(parents=True, exist_ok=True)
    raw = model.module if hasattr(model, "module") else model
    tmp = out / "model.safetensors.tmp"
    save_model(raw, str(tmp))
    tmp.replace(out / "model.safetensors")
    meta = {"format": "sgmini-checkpoint", "model_args": model_cfg.to_dict(), "train_config": asdict(cfg),
            "step": step, "best_val_loss": best_val, "val_loss": val_loss,
            "parameters": count_parameters(raw), "saved_at": time.strftime("%Y-%m-%d %H:%M:%S")}
    (out / "config.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if tok_path.resolve() != (out / "tokenizer.json").resolve():
        shutil.copyfile(tok_path, out / "tokenizer.json")
    if optimizer is not None:
        torch.save({"optimizer": optimizer.state_dict(), "rng": rng_state, "step": step, "best_val": best_val,
                    "elapsed_s": elapsed_s},
                   out / "optimizer.pt.tmp")
        (out / "optimizer.pt.tmp").replace(out / "optimizer.pt")


def load_checkpoint(path: str | Path, device: str = "cpu"):
    """(model, tokenizer, meta) from a checkpoint folder."""
    import torch
    from safetensors.torch import load_model

    path = Path(path)
    meta = json.loads((path / "config.json").read_text(encoding="utf-8"))
    tok = SGTokenizer.load(path / "tokenizer.json")
    mcfg = ModelConfig(**meta["model_args"])
    model = build_model(mcfg, tok.pad_id, tok.bos_id, tok.eos_id)
    load_model(model, str(path / "model.safetensors"), strict=False)
    model.tie_weights()
    model.to(device)
    model.eval()
    model.requires_grad_(False)  # inference only; never flip torch's global grad switch
    return model, tok, meta


@dataclass
class _Dist:
    rank: int = 0
    world: int = 1
    local_rank: int = 0

    @property
    def main(self) -> bool:
        return self.rank == 0


def _init_distributed(device: str) -> _Dist:
    import torch.distributed as dist

    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return _Dist()
    if not dist.is_initialized():
        dist.init_process_group(backend="nccl" if device.startswith("cuda") else "gloo")
    return _Dist(dist.get_rank(), dist.get_world_size(), int(os.environ.get("LOCAL_RANK", "0")))


def evaluate(model, examples: Examples, pad_id: int, n: int, device: str, batch: int = 16) -> float:
    import torch

    model.eval()
    total, count = 0.0, 0
    idx = list(range(min(n, len(examples))))
    with torch.no_grad():
        for k in range(0, len(idx), batch):
            ids, mask, labels = collate(examples, idx[k:k + batch], pad_id)
            ids, mask, labels = ids.to(device), mask.to(device), labels.to(device)
            logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1]
            tgt = labels[:, 1:]
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.size(-1)), tgt.reshape(-1),
                                                     ignore_index=-100, reduction="sum")
            total += float(loss)
            count += int((tgt != -100).sum())
    model.train()
    return total / max(1, count)


def train(data: str | Path, out: str | Path, config: str = "cpu", steps: int | None = None, resume: bool = False,
          init: str | Path | None = None, device: str | None = None, **overrides) -> dict:
    """Train on prepared data (``prepare`` output) or on a synth folder (prepared into ``out/data`` first).

    ``target="json"`` (an override) prepares a synth folder for the representation ablation's JSON arm.
    ``out`` receives ``ckpt/`` (latest, with optimizer state), ``best/`` (best validation loss),
    ``log.jsonl`` and ``loss.png``. ``resume`` continues from ``out/ckpt``; ``init`` starts from
    another checkpoint's weights. Returns a summary (steps, best val loss, tokens/s).
    """
    import torch

    data, out = Path(data), Path(out)
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    dist_info = _init_distributed(device)
    if dist_info.world > 1 and device.startswith("cuda"):
        device = f"cuda:{dist_info.local_rank}"
    cfg = TrainConfig(model=config)
    for k, v in overrides.items():
        if v is not None and hasattr(cfg, k):
            setattr(cfg, k, v)
    if steps is not None:
        cfg.steps = steps
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    if not (data / "train.npz").exists():
        prepared = out / "data"
        if dist_info.main and not (prepared / "train.npz").exists():
            prepare(data, prepared, target=cfg.target)
        if dist_info.world > 1:
            import torch.distributed as dist
            dist.barrier()
        data = prepared
    tok_path = data / "tokenizer.json"
    tok = SGTokenizer.load(tok_path)
    prepared_as = json.loads(tok_path.read_text(encoding="utf-8")).get("target", "script")
    if overrides.get("target") not in (None, prepared_as):
        raise ValueError(f"{data} is prepared for target `{prepared_as}`, not `{overrides['target']}`")
    cfg.target = prepared_as
    train_set, val_set = Examples(data / "train.npz"), Examples(data / "val.npz")
    random.seed(cfg.seed + dist_info.rank)
    np_rng = np.random.default_rng(cfg.seed + dist_info.rank)
    torch.manual_seed(cfg.seed)
    mcfg = get_config(cfg.model)
    for k, v in cfg.model_overrides.items():
        setattr(mcfg, k, v)
    mcfg.vocab_size = tok.vocab_size
    model = build_model(mcfg, tok.pad_id, tok.bos_id, tok.eos_id)
    step, best_val = 0, float("inf")
    prior_s = 0.0  # wall time of earlier sessions of a resumed run
    ckpt = out / "ckpt"
    if init is not None:
        from safetensors.torch import load_model
        load_model(model, str(Path(init) / "model.safetensors"), strict=False)
        model.tie_weights()
    model.to(device)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": cfg.weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=cfg.lr, betas=(0.9, 0.95))
    if resume and (ckpt / "model.safetensors").exists():
        from safetensors.torch import load_model
        load_model(model, str(ckpt / "model.safetensors"), strict=False)
        model.tie_weights()
        state = torch.load(ckpt / "optimizer.pt", weights_only=False)
        optimizer.load_state_dict(state["optimizer"])
        step, best_val = int(state["step"]), float(state["best_val"])
        prior_s = float(state.get("elapsed_s", 0.0))
        if state.get("rng") is not None:
            np_rng.bit_generator.state = state["rng"]
    lm = model
    model = _loss_module(lm)
    if dist_info.world > 1:
        from torch.nn.parallel import DistributedDataParallel
        model = DistributedDataParallel(model, device_ids=[dist_info.local_rank] if device.startswith("cuda") else None)
    model.train()
    log_path = out / "log.jsonl"
    if dist_info.main:
        out.mkdir(parents=True, exist_ok=True)
        print(f"sgmini: {cfg.model} model, {count_parameters(lm):,} parameters, vocab {tok.vocab_size}, "
              f"{len(train_set):,} train / {len(val_set):,} val examples, device {device}, world {dist_info.world}",
              flush=True)
    t_start = time.perf_counter()
    t_ckpt = time.perf_counter()
    window_tokens, window_t, window_loss, window_n = 0, time.perf_counter(), 0.0, 0
    total_tokens = 0
    val_loss = None
    while step < cfg.steps:
        lr = _lr(cfg, step, (prior_s + time.perf_counter() - t_start) / 60)
        for g in optimizer.param_groups:
            g["lr"] = lr
        idx = train_set.sample(np_rng, cfg.batch_tokens, cfg.max_batch)
        ids, mask, labels = collate(train_set, idx, tok.pad_id)
        ids, mask, labels = ids.to(device), mask.to(device), labels.to(device)
        loss = model(ids, mask, labels)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
        optimizer.step()
        step += 1
        n_tok = int(mask.sum())
        window_tokens += n_tok
        total_tokens += n_tok
        window_loss += float(loss.detach())
        window_n += 1
        if dist_info.main and step % cfg.log_every == 0:
            dt = time.perf_counter() - window_t
            rec = {"step": step, "loss": round(window_loss / window_n, 4), "lr": round(lr, 6),
                   "tokens_per_s": round(window_tokens * dist_info.world / dt, 1),
                   "elapsed_s": round(prior_s + time.perf_counter() - t_start, 1)}
            _append(log_path, rec)
            print(json.dumps(rec), flush=True)
            window_tokens, window_t, window_loss, window_n = 0, time.perf_counter(), 0.0, 0
        last = step >= cfg.steps
        over_time = bool(cfg.max_minutes) and (prior_s + time.perf_counter() - t_start) / 60 >= cfg.max_minutes
        if dist_info.world > 1 and cfg.max_minutes:
            import torch.distributed as dist
            flag = torch.tensor([1 if over_time else 0])
            dist.all_reduce(flag, op=dist.ReduceOp.MAX)
            over_time = bool(flag.item())
        if dist_info.main and (step % cfg.eval_every == 0 or last or over_time):
            raw = lm
            val_loss = evaluate(raw, val_set, tok.pad_id, cfg.eval_examples, device)
            _append(log_path, {"step": step, "val_loss": round(val_loss, 4),
                               "elapsed_s": round(prior_s + time.perf_counter() - t_start, 1)})
            print(json.dumps({"step": step, "val_loss": round(val_loss, 4)}), flush=True)
            if val_loss < best_val:
                best_val = val_loss
                save_checkpoint(out / "best", raw, tok_path, mcfg, cfg, step, best_val, val_loss)
        due = (step % cfg.ckpt_every == 0) or (time.perf_counter() - t_ckpt) / 60 >= cfg.ckpt_minutes
        if dist_info.main and (due or last or over_time):
            save_checkpoint(ckpt, lm, tok_path, mcfg, cfg, step, best_val, val_loss, optimizer,
                            np_rng.bit_generator.state, prior_s + time.perf_counter() - t_start)
            t_ckpt = time.perf_counter()
            try:
                plot_curve(log_path, out / "loss.png")
            except Exception:  # noqa: BLE001 - a plotting problem never stops training
                pass
        if over_time:
            break
    elapsed = time.perf_counter() - t_start
    summary = {"steps": step, "best_val_loss": best_val, "val_loss": val_loss,
               "tokens_per_s": round(total_tokens * dist_info.world / elapsed, 1), "seconds": round(elapsed, 1),
               "parameters": count_parameters(lm), "world": dist_info.world}
    if dist_info.world > 1:
        import torch.distributed as dist
        dist.barrier()
        dist.destroy_process_group()
    return summary


def _append(path: Path, rec: dict) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n")


def plot_curve(log_path: str | Path, png: str | Path, title: str = "SG-Mini training") -> None:
    """Training and validation loss against step, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    train_pts, val_pts = [], []
    for line in Path(log_path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "loss" in rec:
            train_pts.append((rec["step"], rec["loss"]))
        if "val_loss" in rec:
            val_pts.append((rec["step"], rec["val_loss"]))
    fig, ax = plt.subplots(figsize=(7, 4))
    if train_pts:
        ax.plot(*zip(*train_pts), label="train loss", linewidth=1)
    if val_pts:
        ax.plot(*zip(*val_pts), label="val loss", marker="o", markersize=3)
    ax.set_xlabel("step")
    ax.set_ylabel("cross-entropy (nats/token, script part)")
    ax.set_yscale("log")
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> None:
    """``python -m sgmini.train DATA OUT [--config cpu] [--steps N] [--resume]`` (also under torchrun)."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m sgmini.train", description=main.__doc__)
    ap.add_argument("data", help="a synth folder (shard-*.jsonl) or a prepared folder (train.npz)")
    ap.add_argument("out", help="run folder: ckpt/, best/, log.jsonl, loss.png")
    ap.add_argument("--config", default="cpu")
    ap.add_argument("--steps", type=int)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--init")
    ap.add_argument("--batch-tokens", type=int)
    ap.add_argument("--lr", type=float)
    ap.add_argument("--max-minutes", type=float)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--eval-every", type=int)
    ap.add_argument("--ckpt-every", type=int)
    ap.add_argument("--log-every", type=int)
    ap.add_argument("--threads", type=int)
    ap.add_argument("--device")
    ap.add_argument("--target", choices=TARGETS, help="answer format when DATA is a synth folder")
    a = ap.parse_args(argv)
    summary = train(a.data, a.out, a.config, steps=a.steps, resume=a.resume, init=a.init, device=a.device,
                    target=a.target, batch_tokens=a.batch_tokens, lr=a.lr, max_minutes=a.max_minutes, seed=a.seed,
                    eval_every=a.eval_every, ckpt_every=a.ckpt_every, log_every=a.log_every, threads=a.threads)
    if int(os.environ.get("RANK", "0")) == 0:
        print("SUMMARY " + json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
