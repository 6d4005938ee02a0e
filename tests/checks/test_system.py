"""The A-rule registry and check_system, called directly on a SystemContext (no files, no pipeline)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from art36 import load
from art36.catalog import Catalog, LoadedChecklist
from art36.checks import answers, uses
from art36.checks.context import SystemContext
from art36.checks.system import SYSTEM_RULES, check_system
from art36.models.checklist import Checklist
from art36.models.system import SystemDescription

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    loaded = load.load((CASES / "checklist.yaml").read_text(encoding="utf-8"), "checklist.yaml", Checklist)
    assert loaded.model is not None, loaded.diagnostics
    return loaded.model


def context(text: str, checklists: tuple[Checklist, ...], **options: Any) -> SystemContext:
    loaded = load.load(text, "s.yaml", SystemDescription)
    assert loaded.model is not None, loaded.diagnostics
    return SystemContext(loaded.model, checklists, loaded.locate, **options)


SYSTEM = """\
name: S
classification: U
checklists: [cases]
answers:
  c.target: materiel
  c.abort: {value: true, rationale: Switch.}
  c.trials: {value: representative, evidence: [{document: TR-1, path: tr.txt}]}
  c.typo: x
uses:
  - id: sea
    context: {c.env: open_sea}
  - id: sea
    context: {c.env: populated}
"""


def test_the_registry_lists_each_a_rule_once_in_code_order() -> None:
    codes = [r.code for r in SYSTEM_RULES]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert all(c.startswith("A") for c in codes)
    assert "A001" not in codes  # checked while checklists are resolved (checks/checklists.py)


def test_check_system_runs_every_rule_and_locates_each_finding(checklist: Checklist, tmp_path: Path) -> None:
    found = check_system(context(SYSTEM, (checklist,), base_dir=tmp_path))
    assert sorted((d.code, d.location.line, d.location.column) for d in found) == [
        ("A002", 8, 3),  # c.typo
        ("A007", 7, 71),  # tr.txt is not in tmp_path
        ("A012", 12, 9),  # the second use 'sea'
    ]
    (tmp_path / "tr.txt").write_text("trial\n")
    assert [d.code for d in check_system(context(SYSTEM, (checklist,), base_dir=tmp_path))] == ["A002", "A012"]


def test_without_a_folder_evidence_paths_are_not_checked(checklist: Checklist) -> None:
    assert "A007" not in {d.code for d in check_system(context(SYSTEM, (checklist,)))}


def test_answers_are_not_called_unknown_when_a_checklist_is_missing(checklist: Checklist) -> None:
    codes = {d.code for d in check_system(context(SYSTEM, (checklist,), all_checklists=False))}
    assert answers.UNKNOWN_CRITERION.code not in codes
    assert {d.code for d in check_system(context(SYSTEM, ()))} == {"A012"}  # nothing to check answers against


def test_a_few_missing_answers_each_name_their_question_many_become_one_summary(checklist: Checklist) -> None:
    text = "name: S\nclassification: U\nchecklists: [cases]\nuses:\n  - id: sea\n    context: {c.env: open_sea}\n"
    few = [d for d in check_system(context(text, (checklist,))) if d.code == uses.REQUIRED_ANSWER_MISSING.code]
    assert [d.message.split("'")[1] for d in few] == ["c.target", "c.abort", "c.trials"]
    assert all(d.location.line == 1 for d in few)  # no 'answers' block: the document
    mhc = Catalog().resolve("mhc")
    assert isinstance(mhc, LoadedChecklist)
    many = [d for d in check_system(context(text, (mhc.checklist,))) if d.code == uses.REQUIRED_ANSWER_MISSING.code]
    assert len(many) == 1 and "required criteria have no answer" in many[0].message
