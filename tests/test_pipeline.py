"""One system file through load -> check -> score: the outcome's diagnostics and review, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_validation_only_gives_no_review_and_a_clean_file_gives_one() -> None:
    job = Job(display="patriot.yaml", path=str(ROOT / "examples" / "patriot.yaml"))
    assert run(job, score=False).result is None
    scored = run(job, catalog=Catalog())
    assert scored.result is not None and scored.report.errors == 0
    assert scored.result.verdict == max((u.verdict for u in scored.result.uses), key=lambda v: v.severity)
    assert scored.result.system_sha256 is not None and len(scored.result.system_sha256) == 64


def test_evidence_files_are_hashed_relative_to_the_system_file() -> None:
    job = Job(display="goalkeeper.yaml", path=str(ROOT / "examples" / "goalkeeper.yaml"))
    result = run(job, catalog=Catalog()).result
    assert result is not None and result.evidence
    assert all(e.sha256 is not None and len(e.sha256) == 64 for e in result.evidence)


def test_text_without_a_path_has_no_folder_so_evidence_paths_are_not_checked() -> None:
    text = (ROOT / "examples" / "goalkeeper.yaml").read_text().replace("path: ", "path: missing-")
    assert "A007" not in codes(run(Job(display="<stdin>", text=text), catalog=Catalog()))
    assert "A007" in codes(run(Job(display="g.yaml", path=str(ROOT / "examples" / "g.yaml"), text=text)))


def test_an_unreadable_file_is_one_diagnostic_and_no_marking() -> None:
    outcome = run(Job(display="nowhere.yaml", path=str(ROOT / "nowhere.yaml")))
    assert codes(outcome) == ["F001"] and outcome.result is None and outcome.classification == ""


@pytest.mark.parametrize(
    "written",
    [
        "    value: [munitions, rockets, crewd_military_platforms]\n",
        "    value:\n      - munitions\n      - rockets\n      - crewd_military_platforms\n",
    ],
)
def test_a_multiple_choice_answer_names_each_bad_item_where_it_is(written):
    text = PATRIOT.replace("    value: [munitions, crewed_military_platforms]\n", written)
    assert text != PATRIOT
    bad = [d for d in run(Job(display="p.yaml", text=text)).report.diagnostics if d.code == "A003"]
    assert [d.message for d in bad] == [
        "found 'rockets' (item 2 of 3), not an option of 'mhc.target.type'",
        "found 'crewd_military_platforms' (item 3 of 3), not an option of 'mhc.target.type'",
    ]
    assert bad[1].hint.startswith("did you mean 'crewed_military_platforms'?")
    lines = text.splitlines()
    for d, item in zip(bad, ("rockets", "crewd_military_platforms"), strict=True):
        shown = lines[d.location.line - 1]
        assert shown[d.location.column - 1 :].startswith(item), (shown, d.location)
    assert "munitions" not in " ".join(d.message for d in bad)
