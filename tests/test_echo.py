"""The value-echo policy: a planted secret value from a file that fails validation is in no output format.

Default policy: values are quoted up to art36.echo.EXCERPT_CHARS characters, so a secret placed past that bound
never shows. ``--no-values``: no value at all, so even a short secret at the start of a value never shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from art36 import echo
from art36.cli.app import main
from planted import HIDDEN, SECRET, build


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The corpus of tests/planted.py: the secret past the excerpt bound (default) or alone (``secret_at_start``)."""

    def make(secret_at_start: bool) -> Path:
        folder = build(tmp_path, SECRET if secret_at_start else HIDDEN)
        monkeypatch.chdir(tmp_path)
        return folder

    yield make
    echo.configure(no_values=False)


RUNS = [
    ("validate", "text"),
    ("validate", "json"),
    ("validate", "github"),
    ("validate", "junit"),
    ("validate", "sarif"),
    ("score", "text"),
    ("score", "json"),
]


def _all_output(capsys, command: str, fmt: str, *extra: str) -> tuple[int, str]:
    code = main([command, "systems", "--format", fmt, *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(("command", "fmt"), RUNS)
def test_no_value_past_the_excerpt_bound_is_echoed(planted, capsys, command, fmt):
    planted(secret_at_start=False)
    code, text = _all_output(capsys, command, fmt)
    assert code == 1
    assert SECRET not in text
    assert "characters)" in text  # the excerpt says it was cut
    assert "option.yaml" in text and "t.target" in text  # files and keys still show


@pytest.mark.parametrize(("command", "fmt"), RUNS)
def test_no_values_hides_every_value(planted, capsys, command, fmt):
    planted(secret_at_start=True)
    code, text = _all_output(capsys, command, fmt, "--no-values")
    assert code == 1
    assert SECRET not in text
    assert "3.5" not in text  # not even in the "quote it" hint
    assert "option.yaml" in text and "t.target" in text


def test_without_no_values_a_short_value_is_quoted(planted, capsys):
    planted(secret_at_start=True)
    code, text = _all_output(capsys, "validate", "text")
    assert code == 1 and f"'{SECRET}'" in text


def test_the_environment_variable_turns_the_policy_on(planted, capsys, monkeypatch):
    planted(secret_at_start=True)
    monkeypatch.setenv("ART36_NO_VALUES", "1")
    code, text = _all_output(capsys, "validate", "json")
    assert code == 1 and SECRET not in text


def test_lint_follows_the_policy_for_schema_errors(planted, capsys):
    planted(secret_at_start=True)
    code = main(["lint", "bad-checklist.yaml", "--no-values", "--format", "text"])
    captured = capsys.readouterr()
    assert code == 1 and SECRET not in captured.out + captured.err
    assert "S003 wrong-type" in captured.out and ":56:17:" in captured.out


def test_excerpts_are_bounded_and_visible():
    echo.configure(no_values=False)
    assert echo.value("short") == "'short'"
    long = "A" * 5000
    shown = echo.value(long)
    assert len(shown) < 60 and shown.endswith("(5,000 characters)")
    assert echo.value("a\x1b[2Kb") == "'a\\x1b[2Kb'"
    assert echo.path("/very/long/folder/name/that/is/secret/evidence.pdf").startswith("'...")
    assert echo.message("could not determine a constructor for the tag '!secretthing'") == (
        "could not determine a constructor for the tag '!secretthing'"
    )
    echo.configure(no_values=True)
    try:
        assert echo.value("short") == echo.WITHHELD and echo.path("a.txt") == echo.WITHHELD
        assert "!secret" not in echo.message("could not determine a constructor for the tag '!secret'")
        assert echo.message("expected '<document start>', but found '<block mapping start>'").count("<") == 2
    finally:
        echo.configure(no_values=False)
