"""Run the rule case files (tests/fixtures/rules/<CODE>.yaml for F/Y/S/A rules, tests/fixtures/lint/ for L rules).

Each case is a document that must (``fail: [line:col, ...]``) or must not (``pass: true``) give its rule's
diagnostic; a failing case names every position the rule reports. Used by the data-driven test in test_rules.py
and by the mutation check (test_rules_mutation.py), which switches each rule's check off in turn.
"""

from __future__ import annotations

import contextlib
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from art36.catalog import Catalog
from art36.lint import lint_file, lint_text
from art36.models.diagnostic import Diagnostic
from art36.pipeline import Job, run

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RULE_CASES = FIXTURES / "rules"
LINT_CASES = FIXTURES / "lint"


@dataclass(frozen=True)
class Case:
    code: str
    rule_name: str
    kind: str
    data: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.data["name"])

    @property
    def id(self) -> str:
        return f"{self.code}: {self.name}"


def cases(code: str | None = None) -> list[Case]:
    """Every case (of one rule, if ``code`` is given), from both fixture folders."""
    found: list[Case] = []
    for folder, kind in ((RULE_CASES, None), (LINT_CASES, "lint")):
        for path in sorted(folder.glob("[A-Z][0-9][0-9][0-9].yaml")):
            if code is not None and path.stem != code:
                continue
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            for data in spec["cases"]:
                found.append(Case(path.stem, spec["rule"], kind or spec["kind"], data))
    return found


def covered_codes() -> set[str]:
    return {p.stem for folder in (RULE_CASES, LINT_CASES) for p in folder.glob("[A-Z][0-9][0-9][0-9].yaml")}


def _patched(patch: str) -> str:
    """The minimal lint checklist with the top-level keys of ``patch`` replaced (as tests/lint/conftest.py)."""
    document = yaml.safe_load((LINT_CASES / "minimal.yaml").read_text(encoding="utf-8"))
    document.update(yaml.safe_load(patch) or {})
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


def diagnostics(case: Case, work: Path) -> tuple[Diagnostic, ...]:
    """Every diagnostic the case's document gets (written under ``work`` where it needs to be a file)."""
    data = case.data
    if case.kind == "lint":
        text = data["checklist"] if "checklist" in data else _patched(data["patch"])
        return lint_text(text, f"{case.code}.yaml").diagnostics
    shutil.copy(RULE_CASES / "checklist.yaml", work / "checklist.yaml")
    target = work / "case.yaml"
    if data.get("directory"):
        target.mkdir()
    elif not data.get("missing"):
        target.write_bytes(str(data["document"]).encode(data.get("encoding", "utf-8")))
    for name in data.get("files", ()):
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text("evidence\n", encoding="utf-8")
    if case.kind == "checklist":
        return lint_file(target, "case.yaml").diagnostics
    return run(Job(display="case.yaml", path=str(target)), score=False, catalog=Catalog()).report.diagnostics


def check(case: Case, work: Path) -> str:
    """``""`` if the case holds; else what went wrong (for an assertion message)."""
    data = case.data
    if ("pass" in data) == ("fail" in data):
        return "a case says either 'pass: true' or 'fail: [...]'"
    every = diagnostics(case, work)
    if case.kind == "lint" and any(d.code[0] in "FYS" for d in every):
        return "the case's checklist itself must load cleanly: " + "; ".join(d.message for d in every)
    found = [d for d in every if d.code == case.code]
    if case.kind == "lint":
        where = Counter(d.location.yaml_path for d in found)
    else:
        where = Counter(f"{d.location.line}:{d.location.column}" for d in found)
    shown = "; ".join(f"{d.location.line}:{d.location.column} {d.location.yaml_path}: {d.message}" for d in found)
    if data.get("pass"):
        return f"expected no {case.code}, got: {shown}" if found else ""
    if found and found[0].name != case.rule_name:
        return f"{case.code} is '{found[0].name}', the case file says '{case.rule_name}'"
    expected = Counter(str(x) for x in data["fail"])
    return "" if where == expected else f"expected {case.code} at {sorted(expected.elements())}, got: {shown or 'none'}"


#: Set to a rule code, the whole test run has that rule's check switched off (see tests/mutation.py).
MUTATE_ENV = "ART36_MUTATE_RULE"


def _silent(context: object) -> tuple[Diagnostic, ...]:
    return ()


def switch_off(code: str) -> Callable[[Any], Any]:
    """Replace the check of rule ``code`` by one that finds nothing; returns the real check (every caller reads
    the check from the rule object at call time, so this reaches the loader, the catalog and every family)."""
    from art36 import rules

    rule = rules.get(code)
    assert rule is not None, code
    check: Callable[[Any], Any] = rule.check
    object.__setattr__(rule, "check", _silent)  # Rule is frozen; this is the one place tests bend that
    return check


@contextlib.contextmanager
def switched_off(code: str) -> Iterator[None]:
    """The rule ``code`` finds nothing while inside."""
    from art36 import rules

    check = switch_off(code)
    try:
        yield
    finally:
        object.__setattr__(rules.get(code), "check", check)
