"""Typed entry points behind ``sgram synth | train | generate | serve`` (the CLI only parses options)."""

from __future__ import annotations

from pathlib import Path


def synth(n: int, out: Path, seed: int = 0, workers: int = 2, shard_size: int = 1000, prompts: int = 3,
          progress: bool = True) -> dict:
    """Write ``n`` clean scenes with prompts, edit and repair pairs to ``out/shard-SEED-K.jsonl``; the manifest."""
    from .synth import synth as _synth

    return _synth(n, out, seed=seed, workers=workers, shard_size=shard_size, prompts=prompts, progress=progress)


def train(config: str = "cpu", data: Path = Path("data/sgmini/synth"), out: Path = Path("data/sgmini/runs/cpu"),
          steps: int | None = None, resume: bool = False, init: Path | None = None, batch_tokens: int | None = None,
          lr: float | None = None, max_minutes: float | None = None, seed: int | None = None,
          device: str | None = None, threads: int | None = None, eval_every: int | None = None,
          ckpt_every: int | None = None, target: str | None = None) -> dict:
    """Train (``data`` = a synth folder or a prepared folder); returns steps, best val loss, tokens/s.
    ``target="json"`` trains the representation ablation's raw-JSON baseline from a synth folder."""
    from .train import train as _train

    return _train(data, out, config, steps=steps, resume=resume, init=init, device=device,
                  batch_tokens=batch_tokens, lr=lr, max_minutes=max_minutes, seed=seed, threads=threads,
                  eval_every=eval_every, ckpt_every=ckpt_every, target=target)


def prepare(data: Path, out: Path, vocab_size: int = 4000) -> dict:
    """Tokenize a synth folder once (``train`` does it on its own when given a synth folder)."""
    from .train import prepare as _prepare

    return _prepare(data, out, vocab_size=vocab_size)


def generate(prompt: str, out: Path | None = None, dsl_out: Path | None = None, seed: int | None = None,
             weights: Path | None = None) -> tuple[str, object]:
    """(script, compiled scene); writes ``out`` (.glb/.gltf/.json) and ``dsl_out`` (.sg) when given."""
    from .generate import generate as _generate

    return _generate(prompt, out=out, dsl_out=dsl_out, seed=seed, weights=weights)


def serve(host: str = "127.0.0.1", port: int = 8000, backend: str = "sgmini", weights: Path | None = None,
          max_body: int = 1_000_000, raw: bool = False) -> None:
    """Run the OpenAI-compatible server until interrupted (``raw``: unrepaired scripts, see ``SGMiniBackend``)."""
    from .server import serve as _serve

    _serve(host, port, backend, weights=str(weights) if weights else None, max_body=max_body, raw=raw)
