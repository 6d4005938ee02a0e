"""The text report's plain (no colour) printing writes exactly what rich's ``Console.print`` would."""

from __future__ import annotations

import io

import pytest
from report_cases import fixed_view
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from art36.render.report import text


def _console(buffer: io.StringIO) -> Console:
    return Console(
        file=buffer,
        width=80,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
        color_system=None,
        legacy_windows=False,
    )


CASES = [
    "",
    "short line",
    "x" * 80,
    "x" * 81,
    "word " * 30,
    "trailing spaces beyond the width" + " " * 70,
    "a line\nwith a break\n",
    "tab\tseparated\tvalues " * 6,
    "宽字符" * 30,
    "mixed 宽 width " + "ä" * 90,
    "https://example.org/" + "a" * 150,
    "\n\n",
]


@pytest.mark.parametrize("plain", CASES)
def test_plain_printing_equals_rich(plain: str) -> None:
    parts = [Text(plain), Text(plain, style="bold"), Group(Text(), Text(plain)), Panel(Text(plain))]
    for part in parts:
        expected, got = io.StringIO(), io.StringIO()
        _console(expected).print(part)
        text._print_plain(_console(got), got, part, 80)
        assert got.getvalue() == expected.getvalue()


def test_a_whole_report_prints_the_same_as_through_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    built, _ = fixed_view()
    fast = text.render(built)
    monkeypatch.setattr(text, "_print_plain", lambda console, out, part, width: console.print(part))
    assert text.render(built) == fast
