"""The rule registry: stable codes, readable names, and documentation `--explain` can show."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import rule_cases
from art36 import rules
from art36.checks import files


def test_codes_and_names_are_well_formed_and_unique():
    every = rules.all_rules()
    assert len({r.code for r in every}) == len(every)
    assert len({r.name for r in every}) == len(every)
    for rule in every:
        assert rules.CODE_PATTERN.match(rule.code), rule.code
        assert rules.NAME_PATTERN.match(rule.name), rule.name
        assert rule.summary.endswith("."), rule.code
        assert rule.applies_to in ("system", "checklist", "any"), rule.code


def test_every_rule_but_unreadable_files_has_yaml_examples():
    for rule in rules.all_rules():
        if rule.code in ("F001", "F002", "F003"):
            continue  # a file that cannot be read has no YAML to show; F003 needs more than 100 problems
        assert rule.bad and rule.good, rule.code
        yaml.safe_load(rule.good)
        if rule.code not in ("Y001", "Y006"):  # not YAML; a value the safe loader cannot build
            yaml.safe_load(rule.bad)


def test_lookup_by_code_or_name_and_prefix_selection():
    assert rules.get("y002") is rules.get("duplicate-key") is files.YAML_DUPLICATE_KEY
    assert rules.get("nope") is None
    assert rules.selected("A005", (), ())
    assert not rules.selected("A005", ("S",), ())
    assert rules.selected("A005", ("S", "a0"), ())
    assert not rules.selected("A005", ("A",), ("A005",))
    assert rules.selected("F001", ("S",), ("F",))  # an unreadable file is never filtered away


# --- every rule's case file: a failing and a passing case, run as data ---------------------------------------
@pytest.mark.parametrize("case", rule_cases.cases(), ids=lambda c: c.id)
def test_rule_case(case: rule_cases.Case, tmp_path: Path) -> None:
    problem = rule_cases.check(case, tmp_path)
    assert not problem, problem


def test_every_rule_has_a_case_file_with_a_failing_and_a_passing_case() -> None:
    codes = [r.code for r in rules.all_rules()]
    assert rule_cases.covered_codes() == set(codes)
    for code in codes:
        kinds = {"pass" if c.data.get("pass") else "fail" for c in rule_cases.cases(code)}
        assert kinds == {"pass", "fail"}, code


def test_case_files_name_their_rule() -> None:
    for case in rule_cases.cases():
        rule = rules.get(case.code)
        assert rule is not None and rule.name == case.rule_name, case.id
