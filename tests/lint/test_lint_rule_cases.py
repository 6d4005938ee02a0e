"""Every rule's pass/fail cases, read from tests/fixtures/lint/<CODE>.yaml (one parametrized test)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from art36.lint import lint_text
from art36.lint.rules import LINT_RULES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lint"
RULES = {rule.code: rule for rule in LINT_RULES}


def _cases() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("L*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(path.stem, data["rule"], case, id=f"{path.stem}: {case['name']}"))
    return params


def test_every_rule_has_a_fixture_file() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("L*.yaml")) == sorted(RULES)


@pytest.mark.parametrize(("code", "name", "case"), _cases())
def test_rule_case(code: str, name: str, case: dict[str, Any], patched: Callable[[str], str]) -> None:
    assert RULES[code].name == name, f"{code}.yaml names rule '{name}', but {code} is '{RULES[code].name}'"
    assert ("pass" in case) != ("fail" in case), "a case says either 'pass: true' or 'fail: [paths]'"
    text = case["checklist"] if "checklist" in case else patched(case["patch"])
    report = lint_text(text, f"{code}.yaml")
    assert not [d for d in report.diagnostics if d.code[0] in "YS"], "the case itself must load cleanly"
    found = [d for d in report.diagnostics if d.code == code]
    shown = "\n".join(f"{d.location.yaml_path}: {d.message}" for d in found)
    if case.get("pass"):
        assert not found, f"expected no {code}, got:\n{shown}"
    else:
        assert Counter(d.location.yaml_path for d in found) == Counter(case["fail"]), shown
