"""Benchmark suites: JSON Lines, one case per line.

``{"id", "scenario": "single_object|multi_object|hierarchical|architectural|editing",
"prompt", "turns": [...] (editing only: instructions applied in order to the scene the
prompt describes), "requirements": [{"text", "check": {"<predicate>": {...}}}]}``

Loading validates every check against the registered predicates, so a misspelt predicate
or field fails at load time with the line and case id, not silently at scoring time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .predicates import Requirement
from .registry import UnknownName

Scenario = Literal["single_object", "multi_object", "hierarchical", "architectural", "editing"]
SCENARIOS: tuple[str, ...] = ("single_object", "multi_object", "hierarchical", "architectural", "editing")


class Case(BaseModel):
    """One benchmark case; unknown extra fields of outside suites are kept, not rejected."""

    model_config = ConfigDict(extra="allow")
    id: str = Field(min_length=1)
    scenario: Scenario
    prompt: str = Field(min_length=1)
    turns: list[str] = Field(default_factory=list)
    requirements: list[Requirement] = Field(min_length=1)

    @model_validator(mode="after")
    def _turns_only_for_editing(self) -> "Case":
        if self.scenario == "editing" and not self.turns:
            raise ValueError("an editing case needs at least one turn")
        if self.scenario != "editing" and self.turns:
            raise ValueError(f"only editing cases have turns, this one is {self.scenario}")
        return self

    def to_dict(self) -> dict:
        """The case as written in the suite, as a plain dict."""
        return self.model_dump(mode="json")

    def task(self) -> dict:
        """What a generator receives: the case without its ``requirements`` (the answer key)."""
        return self.model_dump(mode="json", exclude={"requirements"})


class SuiteError(ValueError):
    """A suite file that cannot be read; the message names the line and the case."""


def parse_case(line: str, where: str = "<suite>") -> Case:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        raise SuiteError(f"{where}: not JSON: {err.msg}") from None
    case_id = raw.get("id", "?") if isinstance(raw, dict) else "?"
    try:
        case = Case.model_validate(raw)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
        raise SuiteError(f"{where}: case `{case_id}`: {problems}") from None
    for k, req in enumerate(case.requirements):
        try:
            req.predicate()
        except (UnknownName, ValueError) as err:
            raise SuiteError(f"{where}: case `{case.id}` requirement {k + 1}: {err}") from None
    return case


def load_suite(path: Path | str) -> list[Case]:
    """Every case of a ``.jsonl`` suite, in file order; blank lines are skipped."""
    path = Path(path)
    cases: list[Case] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        case = parse_case(line, f"{path}:{number}")
        if case.id in seen:
            raise SuiteError(f"{path}:{number}: case id `{case.id}` appears twice")
        seen.add(case.id)
        cases.append(case)
    return cases
