"""The text format: one line per problem (plus a hint line), and colour that never interprets user text."""

from __future__ import annotations

import re

import pytest
from diag_cases import HOSTILE_MESSAGES, loc

from art36.checks import files
from art36.models.batch_report import BatchReport
from art36.models.diagnostic import FileReport
from art36.render.diagnostics import render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_plain_lines(sample_batch) -> None:
    assert render(sample_batch, "text").splitlines() == [
        "systems/a.yaml:1:1: error: missing key 'classification' [S002 missing-key]",
        "systems/a.yaml:3:5: info: no criterion 'mhc.x' [A002 unknown-criterion]",
        "systems/a.yaml:3:5: error: unknown key 'x' [S001 unknown-key]",
        "    hint: did you mean 'id'?",
        "systems/a.yaml:12:3: warning: no rationale given [A005 rationale-missing]",
        "systems/c.yaml:2:1: warning: no answer for 'mhc.a' [A004 required-answer-missing]",
        "systems/missing.yaml:1:1: error: no such file [F001 file-unreadable]",
    ]


def test_empty_and_clean_batches_print_nothing(empty_batch, clean_batch) -> None:
    assert render(empty_batch, "text") == ""
    assert render(clean_batch, "text") == ""
    assert render(empty_batch, "text", color=True) == ""


def test_files_keep_batch_order() -> None:
    z = FileReport(file="z.yaml", diagnostics=(files.YAML_SYNTAX.at(loc("z.yaml"), "bad"),))
    a = FileReport(file="a.yaml", diagnostics=(files.YAML_SYNTAX.at(loc("a.yaml"), "bad"),))
    assert [line.split(":")[0] for line in render(BatchReport(files=(z, a)), "text").splitlines()] == [
        "z.yaml",
        "a.yaml",
    ]


def test_hostile_text_stays_one_line_per_diagnostic(hostile_batch) -> None:
    out = render(hostile_batch, "text")
    lines = out.splitlines()
    diagnostics = hostile_batch.diagnostics()
    hints = sum(1 for d in diagnostics if d.hint)
    assert len(lines) == len(diagnostics) + hints
    assert out.endswith("\n")
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)  # no controls but the line ends
    assert "100% done\\r\\nsecond line\\nthird" in out
    assert "ESC\\x1b[31mred" in out
    assert "weird\\xff[bold].yaml:1:2:" in out
    assert "C:\\Reviews\\sys,1:a.yaml:1:2: " in out
    assert "z.yaml:0:0: error: zero position [Q999 not-registered]" in out


def test_colour_is_applied(sample_batch, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = render(sample_batch, "text", color=True)
    assert "\x1b[1;31merror\x1b[0m" in out
    assert "\x1b[33mwarning\x1b[0m" in out


def test_colour_changes_nothing_but_colour(hostile_batch, sample_batch, monkeypatch: pytest.MonkeyPatch) -> None:
    """Strip the ANSI codes and the coloured text is exactly the plain text: no markup, emoji or controls leaked."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    for batch in (sample_batch, hostile_batch):
        coloured = render(batch, "text", color=True)
        assert ANSI.sub("", coloured) == render(batch, "text")
    coloured = render(hostile_batch, "text", color=True)
    for literal in ("[bold]x[/bold]", "[red]not red[/]", ":warning: 💥", "a backslash \\ ["):
        assert literal in ANSI.sub("", coloured)


@pytest.mark.parametrize("message", HOSTILE_MESSAGES)
def test_each_hostile_message_survives_colour(message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    batch = BatchReport(
        files=(FileReport(file=message, diagnostics=(files.YAML_SYNTAX.at(loc(message), message, message),)),)
    )
    assert ANSI.sub("", render(batch, "text", color=True)) == render(batch, "text")


def test_colour_respects_no_color_from_the_environment(sample_batch, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = render(sample_batch, "text", color=True)
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", out)  # bold may remain, colours may not
    assert ANSI.sub("", out) == render(sample_batch, "text")


def test_long_lines_are_not_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    message = "word " * 100
    batch = BatchReport(files=(FileReport(file="a.yaml", diagnostics=(files.YAML_SYNTAX.at(loc("a.yaml"), message),)),))
    assert len(render(batch, "text", color=True).splitlines()) == 1
