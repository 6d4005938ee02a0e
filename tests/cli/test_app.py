"""The CLI's choices come from the registries and enums they offer, not from hand copies."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest

from art36.cli import app
from art36.models.verdict import Verdict
from art36.render import diagnostics, rules


@pytest.fixture
def reloaded_app() -> Iterator[None]:
    yield
    importlib.reload(app)  # back to the real registries for the other tests


def test_check_formats_feed_the_cli_choices(monkeypatch: pytest.MonkeyPatch, reloaded_app: None) -> None:
    assert [m.value for m in app.CheckFormat] == list(diagnostics.FORMAT_CHOICES)
    monkeypatch.setattr(diagnostics, "FORMAT_CHOICES", (*diagnostics.FORMAT_CHOICES, "xml"))
    assert "xml" in [m.value for m in importlib.reload(app).CheckFormat]  # a new format is a new choice


def test_verdicts_feed_the_fail_on_choices() -> None:
    assert [m.value for m in app.VerdictName] == [v.value for v in Verdict]


def test_rule_list_formats_feed_the_cli_choices(monkeypatch: pytest.MonkeyPatch, reloaded_app: None) -> None:
    assert [m.value for m in app.RulesFormat] == list(rules.LIST_FORMATS)
    monkeypatch.setitem(rules.LIST_FORMATS, "csv", lambda every: "")
    assert "csv" in [m.value for m in importlib.reload(app).RulesFormat]
