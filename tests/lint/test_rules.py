"""The lint rules describe themselves: stable codes, readable unique names, docs, and examples that work."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from art36 import rules as registry
from art36.lint import lint_text
from art36.lint.rules import LINT_RULES
from art36.lint.translations import MISSING_TRANSLATION
from art36.models.rule import Rule

#: Good examples that cannot be isolated from minimal.yaml (its own plain texts are untranslated in 'nl').
GOOD_NOT_ISOLATED = {MISSING_TRANSLATION.code}


def _ids(rule: Rule[Any]) -> str:
    return f"{rule.code}-{rule.name}"


def test_codes_are_l_and_three_digits_in_order() -> None:
    codes = [rule.code for rule in LINT_RULES]
    assert all(re.fullmatch(r"L\d{3}", code) for code in codes), codes
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)


def test_names_are_kebab_case_and_unique_among_all_rules() -> None:
    names = [rule.name for rule in registry.all_rules()]
    assert len(set(names)) == len(names), sorted(n for n in names if names.count(n) > 1)
    for rule in LINT_RULES:
        assert registry.NAME_PATTERN.fullmatch(rule.name), rule.name


@pytest.mark.parametrize("rule", LINT_RULES, ids=_ids)
def test_rule_documents_itself(rule: Rule[Any]) -> None:
    assert rule.applies_to == "checklist"
    for field in ("summary", "explanation", "bad", "good"):
        assert getattr(rule, field).strip(), f"{rule.code} has no {field}"
    assert rule.summary.endswith("."), "summaries are one sentence"
    assert "\n" not in rule.summary
    for example in (rule.bad, rule.good):
        assert isinstance(yaml.safe_load(example), dict), "examples are top-level checklist keys"


def test_every_rule_is_registered_with_its_own_check() -> None:
    lint_codes = {rule.code for rule in LINT_RULES}
    assert {r.code for r in registry.all_rules() if r.code.startswith("L")} == lint_codes
    for rule in LINT_RULES:
        assert registry.get(rule.code) is rule
        assert registry.get(rule.name) is rule
    checks = [rule.check for rule in LINT_RULES]
    assert len(set(checks)) == len(checks), "one check per rule"


@pytest.mark.parametrize("rule", LINT_RULES, ids=_ids)
def test_bad_example_triggers_the_rule(rule: Rule[Any], patched: Callable[[str], str]) -> None:
    report = lint_text(patched(rule.bad), "bad.yaml")
    assert not [d for d in report.diagnostics if d.code[0] in "YS"], report.diagnostics
    assert rule.code in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("rule", [r for r in LINT_RULES if r.code not in GOOD_NOT_ISOLATED], ids=_ids)
def test_good_example_does_not_trigger_the_rule(rule: Rule[Any], patched: Callable[[str], str]) -> None:
    report = lint_text(patched(rule.good), "good.yaml")
    assert not [d for d in report.diagnostics if d.code[0] in "YS"], report.diagnostics
    assert rule.code not in {d.code for d in report.diagnostics}, [d.message for d in report.diagnostics]


def test_good_translation_example_fixes_the_bad_one(patched: Callable[[str], str]) -> None:
    bad = lint_text(patched(MISSING_TRANSLATION.bad), "bad.yaml")
    good = lint_text(patched(MISSING_TRANSLATION.good), "good.yaml")
    assert "title" in {d.location.yaml_path for d in bad.diagnostics if d.code == MISSING_TRANSLATION.code}
    assert "title" not in {d.location.yaml_path for d in good.diagnostics if d.code == MISSING_TRANSLATION.code}
