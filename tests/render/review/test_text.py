"""The score summary for the terminal: fits 80 columns, wraps only between words, shows file text as data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from art36.models.score_report import ScoreReport, scored_file
from art36.pipeline import Job, run
from art36.render import review as formats

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def report_for(*jobs: Job) -> ScoreReport:
    outcomes = [run(job) for job in jobs]
    return ScoreReport.build([scored_file(o.report, o.result, o.system) for o in outcomes], "0")


@pytest.fixture(scope="module")
def examples() -> ScoreReport:
    return report_for(*(Job(display=f"examples/{p.name}", path=str(p)) for p in sorted(EXAMPLES.glob("*.yaml"))))


def notes_of(report: ScoreReport) -> list[str]:
    """The notes the summary shows: red lines, refused criteria, conditions of uses approvable with them."""
    notes = []
    for review in report.reviews():
        for use in review.uses:
            notes += [f"{r.id} ({r.basis}): {r.message}" for r in use.red_lines]
            notes += [r.reason for r in use.refusals if r.kind == "criterion"]
            if use.verdict.value == "approvable_with_conditions":
                notes += [c.reason for c in use.conditions]
    return notes


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("color", [False, True])
def test_fits_the_width_and_never_breaks_a_word(examples, width, color):
    text = formats.render(examples, "text", color=color, width=width)
    plain = ANSI.sub("", text)
    lines = plain.splitlines()
    assert max(len(line) for line in lines) <= width
    # Joined back at the line breaks, each note reads exactly as in the review: no word was cut in two.
    flowing = " ".join(plain.split())
    notes = notes_of(examples)
    assert len(notes) > 10
    for note in notes:
        assert " ".join(note.split()) in flowing, note
    for review in examples.reviews():
        for use in review.uses:
            assert re.search(rf"^  {re.escape(use.id)} +{use.verdict.value} +[\d.-]+$", plain, flags=re.M), use.id
    assert ("\x1b[" in text) is color


def test_shows_classification_and_the_deciding_use(examples):
    text = formats.render(examples, "text")
    assert text.count("classification: UNCLASSIFIED // illustrative example") == 5
    hunter = next(r for r in examples.reviews() if r.system.startswith("Urban hunter"))
    assert hunter.verdict.value == "prohibited"
    assert f"overall: prohibited {hunter.score:.1f}, decided by urban-clearance" in text
    assert "red line [urban-clearance] core.redline.indiscriminate_by_nature" in " ".join(text.split())


HOSTILE = """\
name: "[bold red]Evil[/] \\x1b[31mred\\x1b[0m \\u202eevil"
version: "1.0"
developer: x
classification: "SECRET [/] \\x07bell"
checklists: [{checklist}]
answers:
  t.weapon: true
  t.aim: true
  t.target: materiel
  t.abort: {{value: true, rationale: x}}
  t.duration: 5
  t.ml: false
uses:
  - id: sea
    context: {{t.env: open_sea}}
"""


def test_file_text_is_shown_as_data_never_as_markup_or_controls(tmp_path):
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "mini-checklist.yaml"
    text = HOSTILE.format(checklist=str(fixture))
    report = report_for(Job(display="evil\x1b[2J.yaml", text=text))
    assert report.files[0].review is not None
    for color in (False, True):
        out = formats.render(report, "text", color=color)
        assert "[bold red]Evil[/]" in out
        assert "\x07" not in out and "\x1b[31m" not in out and "\x1b[2J" not in out and "\u202e" not in out
        assert "\\x1b[31mred" in out and "\\x07bell" in out and "evil\\x1b[2J.yaml" in out


def test_an_invalid_file_says_so(tmp_path):
    report = report_for(Job(display="broken.yaml", text="name: [x\n"))
    out = formats.render(report, "text")
    assert "broken.yaml\n" in out and "invalid: 1 error(s), listed on stderr" in out


def test_a_very_long_use_id_puts_the_verdict_on_its_own_line():
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "mini-checklist.yaml"
    long_id = "a-long-intended-use-identifier-that-cannot-share-its-line"
    text = HOSTILE.format(checklist=str(fixture)).replace("id: sea", f"id: {long_id}").replace('"[bold', '"[b')
    out = formats.render(report_for(Job(display="long.yaml", text=text)), "text", width=80)
    assert f"\n  {long_id}\n    approvable" in out
    assert max(len(line) for line in out.splitlines()) <= 80
