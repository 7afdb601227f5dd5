"""Compiler-validated synthetic data for SG-Mini: scene sampler, prompt writer, edit and repair pairs."""

from .run import make_record, synth

__all__ = ["make_record", "synth"]
