"""Public Python API behind every ``sgram`` subcommand.

This is the top of the stack: it may call the compiler; the language modules
(``ast``, ``parser``, ``formatter``, ``edits``) never do. The generators (``sgmini``, ``agent``)
sit above it and are imported only inside :func:`generate`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

from compiler import compile_text
from compiler.ascii_map import ascii_map
from compiler.repair import Change, repair

from . import ast
from .diagnostics import Diagnostic, has_errors, to_json
from .edits import apply_edits
from .formatter import format as format_program
from .parser import parse_diagnostics

TEXTBOOK = Path(__file__).resolve().parent.parent / "docs" / "textbook.md"


@dataclass
class CheckReport:
    """What ``sgram check`` found in one script."""

    diagnostics: list[Diagnostic]
    program: ast.Program | None = None
    ascii_map: str | None = None

    @property
    def error_count(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warning_count(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)


@dataclass
class TextResult:
    """A rewritten script (format or fix), or the diagnostics that stopped the rewrite."""

    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    parsed: bool = True

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


@dataclass
class GeneratedScene:
    """What :func:`generate` returns: the script, its compiled ``scene`` and the compiler's diagnostics."""

    script: str
    scene: object | None
    """A ``compiler.scene.Scene`` (None only if the script compiles to no scene)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def export(self, path: str | Path) -> Path:
        """Write the scene by the extension of ``path`` (.glb, .gltf, .json)."""
        if self.scene is None:
            raise ValueError("the script compiles to no scene: nothing to export")
        from compiler.export import export

        export(self.scene, path)
        return Path(path)


def generate(prompt: str, seed: int | None = 0, llm: str | None = None, base_url: str | None = None, *,
             api_key: str | None = None, max_iters: int = 3, tools: Literal["auto", "on", "off"] = "auto",
             weights: str | Path | None = None,
             progress: Callable[[str], None] | None = None, **options) -> GeneratedScene:
    """A checked scene for ``prompt``: offline with SG-Mini, or with any LLM through SG-Agent.

    Without ``llm`` the shipped SG-Mini writes the scene on this machine: no network, no key;
    ``weights`` picks another checkpoint and ``seed`` makes the sampling repeatable.

    With ``llm="MODEL"`` SG-Agent (:func:`agent.run_agent`) asks that model at ``base_url`` (default
    OPENAI_BASE_URL, else OpenAI; ``api_key`` default OPENAI_API_KEY) in its write-check-repair loop,
    with at most ``max_iters`` calls, tool calling per ``tools`` (``auto``, ``on``, ``off``) and the
    best scene auto-repaired when still unclean; ``seed`` is sent to the endpoint, which may ignore
    it. ``progress`` receives progress lines; ``options`` go to ``run_agent`` (``timeout``,
    ``retries``, ``temperature``, ``vision``, ...). Raises ``agent.AgentError`` when the endpoint
    fails or the model wrote no usable scene.

        import spatialgrammar as sg
        sg.generate("a bedroom with a double bed and two nightstands").export("bedroom.glb")
        sg.generate("a study", llm="sgmini", base_url="http://127.0.0.1:8000/v1").script
    """
    if llm is None:
        from sgmini.generate import generate_scene

        made = generate_scene(prompt, seed=seed, weights=weights)
        return GeneratedScene(made.script, made.scene, list(made.diagnostics))
    if weights is not None:
        raise ValueError("`weights` picks an SG-Mini checkpoint: leave it out with `llm`")
    from agent import AgentError, run_agent

    result = run_agent(prompt, base_url, llm, max_iters=max_iters, api_key=api_key, tools=tools, progress=progress,
                       seed=seed, **options)
    t = result.transcript
    if result.script is None:
        raise AgentError(f"`{llm}` wrote no usable scene in {len(t.iterations)} iteration(s) (stop: {t.stop_reason})")
    compiled = compile_text(result.script)
    return GeneratedScene(result.script, compiled.scene, compiled.diagnostics)


def check_text(text: str, file: str | None = None, with_map: bool = False) -> CheckReport:
    """Parse, compile and check a script; optionally draw its ASCII map."""
    result = compile_text(text, file)
    drawn = ascii_map(result.scene, result.diagnostics) if with_map and result.scene else None
    return CheckReport(diagnostics=result.diagnostics, program=result.program, ascii_map=drawn)


def format_text(text: str, file: str | None = None, apply: bool = False) -> TextResult:
    """Canonical form of a script (with its edit statements applied if ``apply``)."""
    program, diagnostics = parse_diagnostics(text, file)
    if program is None:
        return TextResult(text=text, diagnostics=diagnostics, parsed=False)
    if apply:
        program, found = apply_edits(program)
        if has_errors(found):
            return TextResult(text=text, diagnostics=found)
    return TextResult(text=format_program(program))


def fix_text(text: str, file: str | None = None) -> TextResult:
    """Repair geometric errors by minimal moves; returns the fixed script and its changes."""
    program, diagnostics = parse_diagnostics(text, file)
    if program is None:
        return TextResult(text=text, diagnostics=diagnostics, parsed=False)
    result = repair(program)
    for d in result.diagnostics:
        d.file = file
    return TextResult(text=format_program(result.program), diagnostics=result.diagnostics,
                      changes=result.changes)


def compile_file(source: Path, out: Path, force: bool = False, models: Path | None = None) -> CheckReport:
    """Compile a script and export it by the output's extension (.glb, .gltf, .json).

    A script with errors is not exported unless ``force`` (its scene is still complete).
    ``models`` is a folder of the user's own models (see ``assets.user_models``)."""
    from compiler.export import export  # trimesh is slow to import: only when exporting

    result = compile_text(source.read_text(encoding="utf-8"), str(source))
    if result.scene is not None and (force or not has_errors(result.diagnostics)):
        export(result.scene, out, models=models)
    return CheckReport(diagnostics=result.diagnostics, program=result.program)


def explain(code: str) -> str:
    """The documentation of a diagnostic code; unknown codes list the known ones."""
    from compiler.checks import explain as explain_check, known_checks
    from compiler.codes import COMPILER_CODES

    from .codes import LANGUAGE_CODES

    table = {**LANGUAGE_CODES, **COMPILER_CODES}
    if code in table:
        return f"{code}: {table[code]}"
    if code in known_checks():
        return f"{code}:\n{explain_check(code)}"
    known = sorted(set(table) | set(known_checks()))
    close = difflib.get_close_matches(code, known, n=1)
    hint = f"did you mean `{close[0]}`? " if close else ""
    raise ValueError(f"unknown code `{code}`; {hint}known codes: {', '.join(known)}")


def diagnostics_json(diagnostics: list[Diagnostic]) -> str:
    """The JSON array ``sgram check --json`` prints."""
    return to_json(diagnostics)


def textbook() -> str:
    """The language manual (docs/textbook.md)."""
    return TEXTBOOK.read_text(encoding="utf-8")
