"""SpatialGrammar: a bird's-eye-view grid language for 3D indoor scenes."""

from . import ast
from .diagnostics import Diagnostic, has_errors
from .formatter import format
from .parser import ParseError, parse, parse_diagnostics

__all__ = ["Diagnostic", "ParseError", "ast", "format", "has_errors", "parse", "parse_diagnostics"]
