"""One system file through load -> check -> score: the outcome's diagnostics and review, never an exception."""

from __future__ import annotations

from pathlib import Path

from art36.catalog import Catalog
from art36.lint import lint_text
from art36.pipeline import Job, run

ROOT = Path(__file__).resolve().parents[1]
PATRIOT = (ROOT / "examples" / "patriot.yaml").read_text()


def codes(outcome) -> list[str]:
    return [d.code for d in outcome.report.diagnostics]


def test_an_unknown_checklist_is_reported_once_without_follow_on_errors():
    text = PATRIOT.replace("checklists: [mhc, art36-core]", "checklists: [mhc, art36-cor]")
    assert text != PATRIOT
    outcome = run(Job(display="p.yaml", text=text))
    assert codes(outcome) == ["A001"]  # not one "unknown criterion" per art36-core answer
    assert outcome.result is None


def test_an_unknown_criterion_is_still_reported_when_every_checklist_resolves():
    text = PATRIOT.replace("  core.scope.item:", "  core.scope.itme:", 1)
    assert text != PATRIOT
    assert "A002" in codes(run(Job(display="p.yaml", text=text)))


def test_a_checklist_given_as_a_system_file_is_one_clear_error():
    text = (ROOT / "checklists" / "mhc.yaml").read_text()
    outcome = run(Job(display="mhc.yaml", text=text))
    [d] = outcome.report.diagnostics
    assert (d.code, d.location.line) == ("Y004", 1)
    assert d.message == "this looks like a checklist, not a system description"
    assert d.hint == "check it with `art36 lint mhc.yaml`"


def test_a_system_file_given_to_lint_is_one_clear_error():
    [d] = lint_text(PATRIOT, "patriot.yaml").diagnostics
    assert d.code == "Y004" and d.message == "this looks like a system description, not a checklist"
    assert "`art36 validate patriot.yaml`" in d.hint


def test_one_misspelt_key_is_a_typo_not_the_wrong_document():
    outcome = run(Job(display="p.yaml", text=PATRIOT.replace("\nname:", "\nnmae:", 1)))
    assert codes(outcome) == ["S001", "S002"]


def test_an_explicit_catalog_is_used(tmp_path):
    catalog = Catalog()
    outcome = run(Job(display="p.yaml", text=PATRIOT), catalog=catalog)
    assert outcome.result is not None and outcome.result.verdict.value == "approvable_with_conditions"
    assert {key[0] for key in catalog._cache} == {"<builtin>/mhc", "<builtin>/art36-core"}
