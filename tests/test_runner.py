"""The batch commands' work below the CLI: settings and a batch in, typed results out, gate and filter decided here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from art36 import runner
from art36.inputs import collect
from art36.models.common import Verdict
from art36.settings import Filter, Inputs, LintSettings, Output, ScoreSettings, ValidateSettings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def examples(*names: str) -> Inputs:
    return Inputs(tuple(str(EXAMPLES / n) for n in names), jobs=1)


def test_score_builds_the_report_and_decides_the_gate():
    inputs = examples("goalkeeper.yaml", "loitering-munition.yaml", "missing.yaml")
    settings = ScoreSettings(inputs, Output("json"), fail_on=Verdict.NOT_APPROVABLE)
    done = runner.score(settings, collect(inputs))
    assert [f.file.rsplit("/", 1)[-1] for f in done.report.files] == [
        "missing.yaml",
        "goalkeeper.yaml",
        "loitering-munition.yaml",
    ]
    assert done.report.summary.verdicts[Verdict.NOT_APPROVABLE] == 1 and done.report.summary.errors == 1
    assert done.gate_hit is True
    assert [d.code for d in done.batch.diagnostics()] == ["F001"]
    lenient = ScoreSettings(inputs, Output("json"), fail_on=Verdict.PROHIBITED)
    assert runner.score(lenient, collect(inputs)).gate_hit is False
    assert runner.score(ScoreSettings(inputs, Output("json")), collect(inputs)).gate_hit is False


def test_fails_gate_is_verdict_severity():
    done = runner.score(ScoreSettings(examples("patriot.yaml"), Output("json")), collect(examples("patriot.yaml")))
    [review] = done.report.reviews()
    assert review.verdict is Verdict.APPROVABLE_WITH_CONDITIONS
    assert runner.fails_gate(review, Verdict.APPROVABLE)
    assert runner.fails_gate(review, Verdict.APPROVABLE_WITH_CONDITIONS)
    assert not runner.fails_gate(review, Verdict.INCOMPLETE)
    assert not runner.fails_gate(review, None)


def test_validate_filters_by_code_prefix_but_keeps_unreadable_files():
    inputs = Inputs((str(EXAMPLES / "invalid"), str(EXAMPLES / "nope.yaml")), jobs=1)
    every = runner.validate(ValidateSettings(inputs, Output("text")), collect(inputs))
    codes = {d.code for d in every.diagnostics()}
    assert {"A002", "A003", "S001", "Y001", "Y002", "F001"} <= codes
    only_a = runner.validate(ValidateSettings(inputs, Output("text"), Filter(select=("A",))), collect(inputs))
    assert {d.code for d in only_a.diagnostics()} == {c for c in codes if c.startswith(("A", "F"))}
    no_a003 = runner.validate(ValidateSettings(inputs, Output("text"), Filter(ignore=("a003",))), collect(inputs))
    assert "A003" not in {d.code for d in no_a003.diagnostics()}
    assert len(no_a003.files) == len(every.files)


def test_progress_sees_every_result_without_changing_them():
    inputs = examples("goalkeeper.yaml", "patriot.yaml")
    seen: list[object] = []

    def watch(items, results):
        for result in results:
            seen.append(result)
            yield result

    done = runner.validate(ValidateSettings(inputs, Output("text")), collect(inputs), watch)
    assert len(seen) == 2 and len(done.files) == 2


def test_lint_runs_builtin_and_given_checklists_filtered_in_the_linter():
    inputs = Inputs((str(ROOT / "tests" / "fixtures" / "lint" / "L001.yaml"),))
    settings = LintSettings(inputs, Output("text"), Filter(ignore=("L",)), builtin=True)
    report = runner.lint(settings, collect(inputs, kind="checklist"))
    assert [f.file for f in report.files][:2] == ["<builtin>/art36-core.yaml", "<builtin>/mhc.yaml"]
    assert not any(d.code.startswith("L") for d in report.diagnostics())


def test_an_incomplete_review_fails_every_gate_unless_allowed():
    """Issue 7: unfinished reviews must not pass a CI gate silently; --allow-incomplete says otherwise."""
    inputs = examples("patriot.yaml")
    strict = ScoreSettings(inputs, Output("json"), fail_on=Verdict.NOT_APPROVABLE, strict_conditions=True)
    done = runner.score(strict, collect(inputs))
    [review] = done.report.reviews()
    assert review.verdict is Verdict.INCOMPLETE  # its conditions have no declared measures
    assert done.gate_hit is True
    for gate in (Verdict.APPROVABLE, Verdict.NOT_APPROVABLE, Verdict.PROHIBITED):
        assert runner.fails_gate(review, gate)
        assert not runner.fails_gate(review, gate, allow_incomplete=True)
    assert not runner.fails_gate(review, None)
    allowed = ScoreSettings(inputs, Output("json"), fail_on=Verdict.NOT_APPROVABLE, allow_incomplete=True)
    assert runner.score(replace(allowed, strict_conditions=True), collect(inputs)).gate_hit is False
