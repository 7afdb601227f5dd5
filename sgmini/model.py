"""SG-Mini's model: a GPT-2 decoder (``transformers``) and its configurations. Nothing else."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class ModelConfig:
    """Shape of the decoder; ``vocab_size`` comes from the tokenizer."""

    name: str = "cpu"
    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 256
    n_positions: int = 768
    dropout: float = 0.0
    vocab_size: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


CONFIGS: dict[str, ModelConfig] = {
    # a few steps in tests
    "test": ModelConfig(name="test", n_layer=2, n_head=2, n_embd=64, n_positions=768),
    # trained on the 2-core machine in about an hour; the shipped default
    "cpu": ModelConfig(name="cpu", n_layer=4, n_head=4, n_embd=256, n_positions=768),
    # the published size (~104M parameters with our vocabulary), for a GPU
    "paper": ModelConfig(name="paper", n_layer=14, n_head=12, n_embd=768, n_positions=1024, dropout=0.1),
}


def get_config(name: str) -> ModelConfig:
    if name not in CONFIGS:
        known = ", ".join(f"`{k}`" for k in CONFIGS)
        raise ValueError(f"unknown model config `{name}` (known: {known})")
    return ModelConfig(**asdict(CONFIGS[name]))


def build_model(config: ModelConfig, pad_id: int = 0, bos_id: int = 1, eos_id: int = 2):
    """A freshly initialised ``GPT2LMHeadModel`` of this shape."""
    from transformers import GPT2Config, GPT2LMHeadModel

    if config.vocab_size <= 0:
        raise ValueError("set `vocab_size` from the tokenizer before building the model")
    hf = GPT2Config(
        vocab_size=config.vocab_size, n_positions=config.n_positions, n_embd=config.n_embd,
        n_layer=config.n_layer, n_head=config.n_head, resid_pdrop=config.dropout, embd_pdrop=config.dropout,
        attn_pdrop=config.dropout, bos_token_id=bos_id, eos_token_id=eos_id, pad_token_id=pad_id,
        tie_word_embeddings=True,
    )
    return GPT2LMHeadModel(hf)


def count_parameters(model) -> int:
    return sum(p.numel() for p in model.parameters())
