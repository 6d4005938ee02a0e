"""The fast mutation check: switch each registered rule's check off in turn; its own case file must notice.

tests/mutation.py runs the slow version (the whole suite per rule); docs/testing.md records its result.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import rule_cases
from art36 import rules


@pytest.mark.parametrize("code", [r.code for r in rules.all_rules()])
def test_no_rule_can_be_switched_off_unnoticed(code: str, tmp_path: Path) -> None:
    cases = rule_cases.cases(code)
    assert cases, f"{code} has no case file"
    with rule_cases.switched_off(code):
        failing = []
        for i, case in enumerate(cases):
            work = tmp_path / str(i)
            work.mkdir()
            if rule_cases.check(case, work):
                failing.append(case.name)
    assert failing, f"with {code}'s check switched off, all {len(cases)} of its cases still hold"


def test_switching_off_is_undone() -> None:
    rule = rules.get("A012")
    assert rule is not None
    check = rule.check
    with rule_cases.switched_off("A012"):
        assert rule.check is not check
    assert rule.check is check
