"""The checklists art36 ships must pass their own linter: no errors, and every test case they carry holds."""

from __future__ import annotations

import pytest

from art36.catalog import builtin_names, builtin_text
from art36.lint import lint_text
from art36.models.diagnostic import Severity

# "<none>" keeps this test failing, not skipped, while no built-in checklist exists.
NAMES = builtin_names() or ["<none>"]


def test_the_scoring_engine_that_runs_test_cases_exists() -> None:
    from art36.scoring import evaluate_use

    assert callable(evaluate_use)


@pytest.mark.parametrize("name", NAMES)
def test_builtin_checklist_lints_without_errors(name: str) -> None:
    text = builtin_text(name)
    assert text is not None, "no built-in checklists found in src/art36/checklists/"
    report = lint_text(text, f"<builtin>/{name}.yaml")
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    shown = "\n".join(f"{d.location}: {d.code} {d.message}" for d in errors)
    assert not errors, f"{len(errors)} errors:\n{shown}"
