"""Text -> AST. Reports every syntax error of a file at once, each with line, column,
what was expected in words and a did-you-mean where a close word exists. Never raises
anything but :class:`ParseError`."""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path

from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from . import ast
from .build import RECOVER, Builder
from .comments import attach_comments, scan_comments
from .diagnostics import Diagnostic, has_errors
from .limits import MAX_DEPTH, MAX_ERRORS, MAX_FILE_BYTES, check_limits

GRAMMAR = Path(__file__).with_name("grammar.lark")

NAMED_TERMINALS = {
    "NAME": "a name",
    "NUMBER": "a number",
    "SIZE": "a size such as `12x8`",
    "STRING": 'a "description"',
    "DIRECTION": "a direction (`north`, `east`, `south`, `west`)",
    "CORNER": "a corner (`northeast`, `northwest`, `southeast`, `southwest`)",
    "SWING": "`in` or `out`",
    "HINGE": "`left` or `right`",
    "_NL": "the end of the line",
    "$END": "the end of the file",
}
STATEMENT_KEYWORDS = {
    "scene", "room", "door", "window", "object", "group", "on", "in", "move", "rotate",
    "remove", "replace",
}


class ParseError(ValueError):
    """A script that does not parse; ``diagnostics`` holds every problem found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.render_short() for d in diagnostics))


class _WholeWords:
    """Post-lexer that keeps NAME in every lexer state, so a keyword glued to the next
    word (``behindbed``) lexes as one unknown word instead of a keyword plus a name."""

    always_accept = ("NAME",)

    def process(self, stream):
        return stream


@lru_cache(maxsize=1)
def _lark() -> Lark:
    return Lark(
        GRAMMAR.read_text(),
        parser="lalr",
        lexer="contextual",
        postlex=_WholeWords(),
        propagate_positions=True,
        maybe_placeholders=False,
    )


@lru_cache(maxsize=1)
def _keywords() -> dict[str, str]:
    """Anonymous terminal name -> its literal keyword (``OBJECT`` -> ``object``)."""
    return {
        t.name: t.pattern.value for t in _lark().terminals if isinstance(t.pattern, PatternStr)
    }


def _describe(expected: set[str]) -> list[str]:
    keywords = _keywords()
    words = []
    for name in sorted(expected):
        if name in keywords:
            words.append(f"`{keywords[name]}`")
        else:
            words.append(NAMED_TERMINALS.get(name, name.lower()))
    return sorted(set(words))


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    shown = words[:12] + (["..."] if len(words) > 12 else [])
    return ", ".join(shown[:-1]) + " or " + shown[-1]


def _candidates(expected: set[str]) -> list[str]:
    keywords = _keywords()
    words = [keywords[n] for n in expected if n in keywords]
    if "DIRECTION" in expected:
        words += ["north", "east", "south", "west"]
    if "CORNER" in expected:
        words += ["northeast", "northwest", "southeast", "southwest"]
    return words


def _token_error(err: UnexpectedToken, line_count: int) -> Diagnostic:
    tok: Token = err.token
    expected = set(err.expected) if err.expected else set()
    wanted = _join(_describe(expected))
    if tok.type == "$END":
        line = max(1, line_count)
        span = ast.Span(line=line, column=1, end_line=line, end_column=2)
        if "RBRACE" in expected:
            return Diagnostic(code="unclosed_block", message="a `{` block is never closed",
                              span=span, hint="close every `{` with a `}` on a line of its own")
        return Diagnostic(code="syntax", message=f"unexpected end of file, expected {wanted}",
                          span=span)
    span = ast.Span(line=tok.line, column=tok.column, end_line=tok.end_line or tok.line,
                    end_column=tok.end_column or tok.column + 1)
    shown = "end of line" if tok.type == "_NL" else f"`{tok.value}`"
    if tok.type == "_NL":
        span = ast.Span(line=tok.line, column=tok.column, end_line=tok.line, end_column=tok.column + 1)
    close = difflib.get_close_matches(str(tok.value), _candidates(expected), n=1, cutoff=0.6)
    if tok.type != "_NL" and close:
        direction = close[0] in ast.DIRECTION_WORDS or close[0] in ast.CORNER_WORDS
        code = "unknown_direction" if direction else "unknown_keyword"
        what = "a direction" if direction else "a keyword"
        return Diagnostic(code=code, message=f"{shown} is not {what}, expected {wanted}",
                          span=span, hint=f"did you mean `{close[0]}`?")
    if tok.type != "_NL" and expected & {"DIRECTION", "CORNER"}:
        return Diagnostic(code="unknown_direction", message=f"{shown} is not a direction",
                          span=span, hint=f"write {wanted}")
    hint = None
    if tok.type == "NAME" and any(_keywords().get(n) in STATEMENT_KEYWORDS for n in expected):
        hint = "a line starts with a statement keyword such as `object`, `room` or `door`"
    return Diagnostic(code="syntax", message=f"unexpected {shown}, expected {wanted}",
                      span=span, hint=hint)


def _char_error(err: UnexpectedCharacters) -> Diagnostic:
    span = ast.Span(line=err.line, column=err.column, end_line=err.line, end_column=err.column + 1)
    if err.char == '"':
        return Diagnostic(code="syntax", message="unterminated or too long description",
                          span=span, hint='close the description with `"` on the same line '
                                          "(200 characters at most)")
    wanted = _join(_describe(set(err.allowed or ())))
    return Diagnostic(code="syntax", message=f"unexpected character `{err.char}`, expected {wanted}",
                      span=span, hint="remove the character")


def _blank(line: str) -> str:
    """A stand-in for a broken line that keeps its block structure balanced."""
    depth = line.count("{") - line.count("}")
    if depth > 0:
        return " ".join([f"in {RECOVER} {{"] * depth)
    return "}" * -depth


def _braces(lines: list[str]):
    """(line, column, depth after it) for every `{` and `}` that opens or closes a block;
    braces in descriptions and comments do not count."""
    depth = 0
    for number, line in enumerate(lines, start=1):
        inside = False
        for column, char in enumerate(line, start=1):
            if char == '"':
                inside = not inside
            elif inside:
                continue
            elif char == "#":
                break
            elif char in "{}":
                depth = depth + 1 if char == "{" else max(0, depth - 1)
                yield number, column, depth


def _statement_starts(lines: list[str]) -> list[int]:
    """Line numbers where a top-level statement may start (block depth 0)."""
    depth_at = {}
    for number, _, depth in _braces(lines):
        depth_at[number] = depth  # the depth after the line's last brace
    starts, depth = [], 0
    for number in range(1, len(lines) + 1):
        if depth == 0:
            starts.append(number)
        depth = depth_at.get(number, depth)
    return starts


def _brace_depth_error(lines: list[str]) -> Diagnostic | None:
    """Blocks nested far beyond any legal script are refused before parsing (a deep enough
    pile would exhaust Python's recursion limit); legal depths are checked in ``limits``."""
    for number, column, depth in _braces(lines):
        if depth > MAX_DEPTH + 2:
            return Diagnostic(
                code="nesting_too_deep",
                message=f"blocks are nested more than {MAX_DEPTH + 2} deep "
                        f"(a room, `in` or `on` blocks at most {MAX_DEPTH} deep)",
                span=ast.Span(line=number, column=column, end_line=number, end_column=column + 1),
                hint="place this sub-layout on a surface higher up the hierarchy")
    return None


def parse_diagnostics(text: str, file: str | None = None) -> tuple[ast.Program | None, list[Diagnostic]]:
    """Parse ``text``; return the program (None if it has errors) and all diagnostics."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        diag = Diagnostic(
            code="file_too_large",
            message=f"the script is {size} bytes, the limit is {MAX_FILE_BYTES}",
            span=ast.Span(line=1, column=1, end_line=1, end_column=2),
            hint="split the scene into several scripts",
            file=file,
        )
        return None, [diag]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    real_lines = len(lines)
    too_deep = _brace_depth_error(lines)
    if too_deep is not None:
        too_deep.file = file
        return None, [too_deep]
    diagnostics: list[Diagnostic] = []
    blanked: set[int] = set()
    tree = None
    resume = 1  # after an error, parse again from the top-level statement that holds it
    while tree is None:
        try:
            tree = _lark().parse("\n" * (resume - 1) + "\n".join(lines[resume - 1:]) + "\n")
            if resume > 1:  # the rest is clean: one last pass for the tree of the whole text
                tree, resume = None, 1
        except UnexpectedInput as err:
            if isinstance(err, UnexpectedCharacters):
                diag = _char_error(err)
            elif isinstance(err, UnexpectedToken):
                diag = _token_error(err, real_lines)
            else:
                assert isinstance(err, UnexpectedEOF)
                last = max(1, len(lines))
                diag = Diagnostic(code="syntax", message="unexpected end of file",
                                  span=ast.Span(line=last, column=1, end_line=last, end_column=2))
            line = diag.span.line if diag.span else 0
            if line in blanked:
                break
            if diag.code == "unclosed_block" and any(d.code == "unclosed_block" for d in diagnostics):
                pass  # one missing `}` or several: one fault, reported once
            elif not any(d.span == diag.span and d.message == diag.message for d in diagnostics):
                diagnostics.append(diag)
            if isinstance(err, UnexpectedToken) and err.token.type == "$END":
                if "RBRACE" not in err.expected or len(lines) > real_lines + MAX_DEPTH + 8:
                    break
                lines.append("}")  # close the open block and keep checking what it holds
                resume = _statement_starts(lines)[-1]
                continue
            if not 0 < line <= len(lines) or len(diagnostics) >= MAX_ERRORS:
                break
            blanked.add(line)
            lines[line - 1] = _blank(lines[line - 1])
            resume = max(start for start in _statement_starts(lines) if start <= line)
    program = None
    if tree is not None:
        builder = Builder()
        program = builder.transform(tree)
        attach_comments(program, scan_comments(lines))
        diagnostics += builder.diagnostics
        diagnostics += check_limits(program)
    for d in diagnostics:
        d.file = file
    diagnostics.sort(key=lambda d: (d.span.line, d.span.column) if d.span else (0, 0))
    return (None if has_errors(diagnostics) else program), diagnostics


def parse(text: str, file: str | None = None) -> ast.Program:
    """Parse a script into a :class:`~spatialgrammar.ast.Program`; raise :class:`ParseError`."""
    program, diagnostics = parse_diagnostics(text, file)
    if program is None:
        raise ParseError(diagnostics)
    return program
