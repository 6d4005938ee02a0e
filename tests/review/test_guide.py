"""`art36 init` and `show`, the message catalogue, missing-answer warnings, init -> fill in -> review -> score."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from review_helpers import load_system
from typer.testing import CliRunner

from art36 import catalog, i18n, load, pipeline
from art36.cli.app import app
from art36.lint import lint_text
from art36.models.checklist import AnswerType, Checklist
from art36.models.common import Verdict

runner = CliRunner()


def _builtin(name: str) -> Checklist:
    loaded = load.load(catalog.builtin_text(name) or "", name, Checklist)
    assert loaded.model is not None
    return loaded.model


def test_init_lists_every_criterion_and_validates_as_written(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    result = runner.invoke(app, ["init", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    every = [cid for name in ("mhc", "art36-core") for cid in _builtin(name).criteria]
    assert len(every) == len(set(every)) == len(re.findall(r"^\s+[a-z0-9_.-]+: unknown$", text, re.M)) > 50
    for cid in every:
        assert re.search(rf"^\s+{re.escape(cid)}: unknown$", text, re.M), cid
    assert "#     persons: Persons (risk critical)" in text  # options and risk levels as comments
    assert "# What kinds of target can the system select and attack in this use?" in text
    outcome = pipeline.run(pipeline.Job(display=str(target), path=str(target)))
    assert [d for d in outcome.report.diagnostics if d.severity.value == "error"] == []
    assert {d.code for d in outcome.report.diagnostics} <= {"A004"}  # at most "unanswered" warnings
    assert outcome.result is not None and outcome.result.verdict is Verdict.INCOMPLETE
    assert runner.invoke(app, ["init", "-o", str(target)]).exit_code == 2  # never overwrites without --force


def _filled(template: str, checklists: list[Checklist]) -> str:
    criteria = {cid: c for checklist in checklists for cid, c in checklist.criteria.items()}

    def value(match: re.Match[str]) -> str:
        criterion = criteria[match.group(2)]
        if criterion.answer_type is AnswerType.NUMBER:
            answer = "1"
        elif criterion.answer_type is AnswerType.TEXT:
            answer = '"filled in"'
        else:
            first = criterion.options[0].value
            answer = str(first).lower() if isinstance(first, bool) else str(first)
            if criterion.answer_type is AnswerType.MULTI_CHOICE:
                answer = f"[{answer}]"
        if criterion.rationale_required or criterion.evidence_required:
            evidence = ", evidence: [{document: Trial report 7}]" if criterion.evidence_required else ""
            return f"{match.group(1)}{match.group(2)}: {{value: {answer}, rationale: Because{evidence}}}"
        return f"{match.group(1)}{match.group(2)}: {answer}"

    return re.sub(r"^(\s+)([a-z0-9_.-]+): unknown$", value, template, flags=re.M)


def test_init_fill_in_review_score_round_trip(tmp_path: Path) -> None:
    template = tmp_path / "system.yaml"
    assert runner.invoke(app, ["init", "-o", str(template)]).exit_code == 0
    filled = _filled(template.read_text(encoding="utf-8"), [_builtin("mhc"), _builtin("art36-core")])
    filled = filled.replace('classification: "TO BE MARKED"', "classification: RESTRICTED")
    template.write_text(filled, encoding="utf-8")
    before = pipeline.run(pipeline.Job(display="s", path=str(template)))
    assert before.result is not None, before.report.diagnostics
    result = runner.invoke(app, ["review", str(template), "--reviewer", "R"], input="\n" * 80)
    assert result.exit_code == 0, result.output
    saved = tmp_path / "system.reviewed.yaml"
    after = pipeline.run(pipeline.Job(display="s", path=str(saved)))
    assert after.result is not None
    assert load_system(saved).answers == load_system(template).answers
    assert [(u.verdict, u.score) for u in after.result.uses] == [(u.verdict, u.score) for u in before.result.uses]
    shown = after.result.verdict.value.replace("_", " ")
    assert f"Overall verdict: {shown}" in result.output


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_show_a_criterion_in_every_format(fmt: str) -> None:
    result = runner.invoke(app, ["show", "mhc", "mhc.target.type", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "persons" in result.output and "critical" in result.output
    if fmt == "json":
        data = json.loads(result.output)
        criterion = data["sections"][0]["criteria"][0]
        assert criterion["id"] == "mhc.target.type"
        assert {o["value"]: o["risk_level"] for o in criterion["options"]}["persons"] == "critical"
        assert any(lim["profile"] == "populated_area" for lim in criterion["limits"])


def test_show_whole_checklist_has_profiles_and_red_lines_and_fits_80_columns() -> None:
    result = runner.invoke(app, ["show", "mhc"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "== Context profiles" in result.output and "== Red lines" in result.output
    assert "asked when: mhc.target.type is persons" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    assert runner.invoke(app, ["show", "mhc", "no.such.thing"]).exit_code == 2
    assert runner.invoke(app, ["show", "nosuchchecklist"]).exit_code == 2


def test_show_prints_markup_and_escapes_literally(tmp_path: Path) -> None:
    text = re.sub(
        r"en: In what kind of environment.*$",
        lambda _: 'en: "[bold]Where[/] \\e[31mred\\e[0m"',
        catalog.builtin_text("mhc") or "",
        count=1,
        flags=re.M,
    )
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["show", str(hostile), "mhc.context.environment"])
    assert result.exit_code == 0, result.output
    assert "[bold]Where[/] \\x1b[31mred\\x1b[0m" in result.output and "\x1b" not in result.output


def test_every_message_has_dutch_and_missing_ones_fall_back_visibly() -> None:
    assert i18n.missing("nl") == [] and i18n.missing("en") == []
    tr = i18n.Translator("nl")
    assert tr("verdict.prohibited") == "verboden" and tr("term.mhc") == "betekenisvolle menselijke controle"
    assert tr.text({"en": "Target", "nl": "Doelwit"}) == "Doelwit"
    assert tr.text({"en": "Only English"}) == "[en] Only English" and tr.fallbacks == {"Only English"}
    assert i18n.Translator("en").text({"en": "Only English"}) == "Only English"


def _without_dutch(text: str) -> str:
    """The checklist with every ``nl:`` entry (and a folded block's lines under it) taken out."""
    out: list[str] = []
    skip_deeper_than: int | None = None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None and (indent > skip_deeper_than or not line.strip()):
            continue
        skip_deeper_than = None
        if line.lstrip().startswith("nl:"):
            skip_deeper_than = indent
            continue
        out.append(line)
    return "".join(out)


def test_lint_reports_untranslated_strings_when_a_checklist_declares_nl() -> None:
    text = _without_dutch(catalog.builtin_text("mhc") or "")
    assert "languages: [en, nl]" in text and "\n    nl:" not in text
    report = lint_text(text, "mhc-nl.yaml", run_tests=False)
    missing = [d for d in report.diagnostics if d.code == "L014"]
    assert len(missing) > 100
    assert any(d.location.yaml_path.endswith("question") for d in missing)


def test_missing_answer_warnings_name_the_question_and_are_summarised(tmp_path: Path) -> None:
    few = tmp_path / "few.yaml"
    few.write_text(
        "name: S\nclassification: R\nchecklists: [art36-core]\nanswers:\n"
        + "".join(f"  {cid}: unknown\n" for cid in list(_builtin("art36-core").criteria)[:-3] if "context" not in cid)
        + "uses:\n  - id: u\n    context: {core.context.armed_conflict: armed_conflict}\n",
        encoding="utf-8",
    )
    report = pipeline.run(pipeline.Job(display="few.yaml", path=str(few))).report
    warnings = [d for d in report.diagnostics if d.code == "A004"]
    assert warnings and all("?" in d.message for d in warnings)  # each names its question
    many = tmp_path / "many.yaml"
    many.write_text("name: S\nclassification: R\nchecklists: [mhc, art36-core]\nuses:\n  - id: u\n", encoding="utf-8")
    report = pipeline.run(pipeline.Job(display="many.yaml", path=str(many))).report
    warnings = [d for d in report.diagnostics if d.code == "A004"]
    assert len(warnings) == 1 and warnings[0].message.startswith("4")  # 4x required criteria, one summary
    assert "art36 review" in warnings[0].hint
