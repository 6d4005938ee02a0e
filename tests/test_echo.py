"""The value-echo policy: a planted secret value from a file that fails validation is in no output format.

Default policy: values are quoted up to art36.echo.EXCERPT_CHARS characters, so a secret placed past that bound
never shows. ``--no-values``: no value at all, so even a short secret at the start of a value never shows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from art36 import echo
from art36.cli.app import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SECRET = "PLANTEDSECRET"
PAD = "x" * 30  # longer than any excerpt: what follows is never quoted

GOOD = """\
name: Test system
classification: RESTRICTED
checklists: [../mini-checklist.yaml]
answers:
  t.weapon: true
  t.aim: true
  t.target: materiel
  t.abort: {value: true, rationale: Hold-fire.}
  t.duration: 5
  t.ml: false
uses:
  - id: sea
    context: {t.env: open_sea}
"""


def _cases(secret_at_start: bool) -> dict[str, str]:
    """One file per way a value used to leak; each fails validation."""
    v = SECRET if secret_at_start else PAD + SECRET
    return {
        "option.yaml": GOOD.replace("t.target: materiel", f"t.target: {v}"),
        "wrongtype.yaml": GOOD.replace("t.duration: 5", f"t.duration: {v}"),
        "schema.yaml": GOOD.replace("name: Test system", f"name: [{v}]").replace(
            "uses:", f"version: {{a: {v}}}\nuses:"
        ),
        "tag.yaml": GOOD.replace("t.weapon: true", f"t.weapon: !{v} true"),
        "evidence.yaml": GOOD.replace(
            "{value: true, rationale: Hold-fire.}",
            f"{{value: true, rationale: Hold-fire., evidence: [{{path: {v}/{PAD}/trial.txt}}]}}",
        ),
        "checklistref.yaml": GOOD.replace("../mini-checklist.yaml", f"{v}/{PAD}/mini.yaml"),
        "otherfile.yaml": GOOD.replace("../mini-checklist.yaml", "../bad-checklist.yaml"),
        "quotehint.yaml": GOOD.replace(
            "classification: RESTRICTED", f"classification: RESTRICTED\nversion: {3.5 if secret_at_start else 1}"
        ),
    }


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def make(secret_at_start: bool) -> Path:
        shutil.copy(FIXTURES / "mini-checklist.yaml", tmp_path / "mini-checklist.yaml")
        bad = (
            (FIXTURES / "mini-checklist.yaml")
            .read_text()
            .replace(
                "title: Mini checklist for tests",
                f"title: Mini checklist for tests\nsecret_key_value: {SECRET if secret_at_start else PAD + SECRET}",
            )
            .replace("weight: 2", f"weight: {SECRET if secret_at_start else PAD + SECRET}")
        )
        (tmp_path / "bad-checklist.yaml").write_text(bad)
        folder = tmp_path / "systems"
        folder.mkdir(exist_ok=True)
        for name, text in _cases(secret_at_start).items():
            (folder / name).write_text(text)
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
