"""SpatialGrammar: a bird's-eye-view grid language for 3D indoor scenes.

``spatialgrammar.generate(prompt, llm=None, ...)`` writes a scene (see :func:`spatialgrammar.api.generate`);
it is loaded on first use, so that importing the language stays light.
"""

from . import ast
from .diagnostics import Diagnostic, has_errors
from .formatter import format
from .parser import ParseError, parse, parse_diagnostics

__all__ = ["Diagnostic", "ParseError", "ast", "format", "generate", "has_errors", "parse", "parse_diagnostics"]


def __getattr__(name: str):
    if name == "generate":  # the generators import the compiler, SG-Mini or the agent: only when asked
        from .api import generate

        return generate
    raise AttributeError(f"module `spatialgrammar` has no attribute `{name}`")
