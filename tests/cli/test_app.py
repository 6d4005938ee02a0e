"""The CLI's choices come from the registries and enums they offer, not from hand copies."""

from __future__ import annotations

import pytest
import typer

from art36.cli import app
from art36.models.verdict import Verdict
from art36.render import diagnostics, rules


def test_check_formats_feed_the_cli_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    parse = app._choice("an output format", app._check_formats)
    assert list(app._check_formats()) == list(diagnostics.FORMAT_CHOICES)
    with pytest.raises(typer.BadParameter, match="choose one of: auto, text, json, github, junit, sarif"):
        parse("xml")
    monkeypatch.setattr(diagnostics, "FORMAT_CHOICES", (*diagnostics.FORMAT_CHOICES, "xml"))
    assert parse("xml") == "xml"  # a new format in the registry is a new choice


def test_verdicts_feed_the_fail_on_choices() -> None:
    assert list(app._verdicts()) == [v.value for v in Verdict]


def test_rule_list_formats_feed_the_cli_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    parse = app._choice("a format", app._list_formats)
    assert list(app._list_formats()) == list(rules.LIST_FORMATS)
    with pytest.raises(typer.BadParameter):
        parse("csv")
    monkeypatch.setitem(rules.LIST_FORMATS, "csv", lambda every: "")
    assert parse("csv") == "csv"
