"""lint_text / lint_file: one report per document, filtered and sorted, never raising."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from art36.lint import lint_file, lint_text
from art36.models.diagnostic import Diagnostic, FileReport

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "lint" / "minimal.yaml"

#: Many problems at once: L001, L002, L005, L013, L017 (and L003/L007 from the misspelt value).
MESSY = """
scoring:
  risk_points: {none: 100, low: 80, medium: 50, high: 60, critical: 0}
  below_requirement_factor: 0.5
  bands:
    - {id: approvable, min: 50, max: 100, label: A, verdict: approvable}
    - {id: not-approvable, min: 0, max: 50, label: N, verdict: not_approvable}
sections:
  - id: target
    title: Target
    criteria:
      - {id: target.type, question: Q, legal_status: binding_treaty,
         options: [{value: materiel, label: M, risk_level: low}, {value: persons, label: P, risk_level: critical}]}
red_lines:
  - {id: persons, title: T, message: M, basis: binding_law, references: [{source: AP I}],
     when: {criterion: target.typ, equals: persons}}
tests:
  - {id: one, answers: {target.type: materiel}, expect: {verdict: prohibited}}
  - {id: one, answers: {target.type: persons}, expect: {verdict: approvable}}
"""


def _codes(report: FileReport) -> set[str]:
    return {d.code for d in report.diagnostics}


def test_minimal_checklist_lints_clean() -> None:
    report = lint_text(MINIMAL.read_text(encoding="utf-8"), "minimal.yaml")
    assert report.diagnostics == ()
    assert report.kind == "checklist"
    assert report.file == "minimal.yaml"


def test_report_is_sorted_and_located(patched: Callable[[str], str]) -> None:
    report = lint_text(patched(MESSY), "messy.yaml")
    assert {"L001", "L002", "L005", "L013", "L017"} <= _codes(report)
    assert list(report.diagnostics) == sorted(report.diagnostics, key=Diagnostic.sort_key)
    assert all(d.location.file == "messy.yaml" and d.location.line > 1 for d in report.diagnostics)
    assert all(d.location.yaml_path for d in report.diagnostics)


def test_select_and_ignore_by_code_prefix(patched: Callable[[str], str]) -> None:
    text = patched(MESSY)
    assert _codes(lint_text(text, "m.yaml", select=("L001",))) == {"L001"}
    assert _codes(lint_text(text, "m.yaml", select=("l00",))) <= {f"L00{i}" for i in range(10)}
    ignored = _codes(lint_text(text, "m.yaml", ignore=("L01",)))
    assert "L013" not in ignored and "L017" not in ignored and "L001" in ignored
    assert _codes(lint_text(text, "m.yaml", select=("L0",), ignore=("L0",))) == set()


def test_load_diagnostics_come_first_and_are_filtered_too() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("title: Example checklist", "titel: Example checklist")
    report = lint_text(text, "typo.yaml")
    assert _codes(report) == {"S001", "S002"}  # no model, so no semantic rules
    assert lint_text(text, "typo.yaml", ignore=("S",)).diagnostics == ()


def test_duplicate_keys_are_reported_once_by_the_loader() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("id: example\n", "id: example\nid: example2\n")
    report = lint_text(text, "dup.yaml")
    assert [d.code for d in report.diagnostics] == ["Y002"]


def test_run_tests_false_skips_the_test_cases(patched: Callable[[str], str]) -> None:
    text = patched(MESSY)
    assert "L017" in _codes(lint_text(text, "m.yaml"))
    without = _codes(lint_text(text, "m.yaml", run_tests=False))
    assert "L017" not in without and "L001" in without


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "[", "- a\n- b\n", "id: 1\n", "sections: 5\n", "\x00", "a: !!python/object:os.system x\n", "{}"],
)
def test_bad_documents_give_diagnostics_not_exceptions(text: str) -> None:
    report = lint_text(text, "bad.yaml")
    assert report.errors >= 1


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc:-[]{}\n '\"!&*#?|>0123456789.")), max_size=80))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    assert isinstance(lint_text(text, "fuzz.yaml"), FileReport)


def test_lint_file_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    report = lint_file(path, "c.yaml")
    assert report.diagnostics == () and report.file == "c.yaml" and report.kind == "checklist"


def test_lint_file_reports_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    missing = lint_file(tmp_path / "nope.yaml", "nope.yaml")
    assert [d.code for d in missing.diagnostics] == ["F001"]
    assert missing.kind == "checklist"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"title: caf\xe9\n")
    assert [d.code for d in lint_file(latin, "latin.yaml").diagnostics] == ["F002"]
    # Nothing could be checked, so the read error shows whatever rules are selected.
    assert [d.code for d in lint_file(latin, "latin.yaml", select=("L",)).diagnostics] == ["F002"]
