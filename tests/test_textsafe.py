"""Every text format neutralises control characters, escape sequences, bidi overrides and markup from files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from art36 import echo, textsafe
from art36.cli.app import main
from fuzzing import examples

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Each payload tries to take over the terminal or hide text: erase line + cursor home, OSC 52 clipboard write,
# window title, a right-to-left override, a raw C1 CSI, rich markup.
PAYLOADS = {
    "classification": "TOP SECRET\x1b[2K\x1b[1GUNCLASSIFIED",
    "name": "Drone\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;title\x07\u202eevil\u2066[bold red]X[/]\x9b2J",
}
DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

SYSTEM = """\
name: {name}
classification: {classification}
checklists: [mini-checklist.yaml]
answers:
  t.weapon: true
  t.aim: true
  t.target: materiel
  t.abort: {{value: true, rationale: Hold-fire.}}
  t.duration: 5
  t.ml: false
uses:
  - id: sea
    context: {{t.env: open_sea}}
"""


def _yaml(text: str) -> str:
    return '"' + text.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(FIXTURES / "mini-checklist.yaml", tmp_path / "mini-checklist.yaml")
    fields = {k: _yaml(v) for k, v in PAYLOADS.items()}
    (tmp_path / "valid.yaml").write_text(SYSTEM.format(**fields))
    invalid = SYSTEM.format(**fields).replace("t.target: materiel", f"t.target: {_yaml('m' + PAYLOADS['name'])}")
    (tmp_path / "invalid.yaml").write_text(invalid)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check_clean(text: str) -> None:
    # The only ESC allowed is SGR colour (\x1b[...m); nothing else may reach the terminal raw.
    without_colour = re.sub("\x1b\\[[0-9;]*m", "", text)
    bad = DANGEROUS.findall(without_colour)
    assert not bad, f"raw control characters reached the output: {bad!r}"


@pytest.mark.parametrize(
    "argv",
    [
        ["score", "valid.yaml", "invalid.yaml"],
        ["score", "valid.yaml", "invalid.yaml", "-f", "json"],
        ["validate", "valid.yaml", "invalid.yaml", "-f", "text"],
        ["validate", "valid.yaml", "invalid.yaml", "-f", "github"],
        ["rules"],
    ],
)
def test_no_control_characters_reach_the_terminal(hostile, capsys, argv):
    main(argv)
    captured = capsys.readouterr()
    _check_clean(captured.out)
    _check_clean(captured.err)


def test_the_classification_marking_cannot_be_overwritten_on_screen(hostile, capsys):
    main(["score", "valid.yaml", "--no-progress"])
    out = capsys.readouterr().out
    flat = re.sub(r"[│\s]+", "", out)
    assert "TOPSECRET\\x1b[2K\\x1b[1GUNCLASSIFIED" in flat  # visible, in one piece, nothing erased


def test_coloured_output_is_also_clean(hostile, capsys, monkeypatch):
    import art36.cli.commands as commands

    monkeypatch.setattr(commands, "_color", lambda output: True)
    main(["score", "valid.yaml", "invalid.yaml"])
    captured = capsys.readouterr()
    assert "\x1b[" in captured.out  # colour really was on
    _check_clean(captured.out)


def test_rich_markup_from_a_file_stays_literal(hostile, capsys):
    text = (hostile / "valid.yaml").read_text().replace(_yaml(PAYLOADS["name"]), '"[bold red]X[/]"')
    (hostile / "markup.yaml").write_text(text)
    main(["score", "markup.yaml"])
    out = capsys.readouterr().out
    assert "[bold red]X[/]" in out


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[2Kb", "a\\x1b[2Kb"),
        ("osc\x1b]52;c;AAAA\x07", "osc\\x1b]52;c;AAAA\\x07"),
        ("c1\x9b2J", "c1\\x9b2J"),
        ("rtl\u202eabc\u2066", "rtl\\u202eabc\\u2066"),
        ("mark\u200f", "mark\\u200f"),
        ("line\u2028sep", "line\\u2028sep"),
        ("name\udcff", "name\\xff"),
        ("two\nlines\r", "two\\nlines\\r"),
    ],
)
def test_one_line(raw, shown):
    assert textsafe.one_line(raw) == shown


def test_multi_line_keeps_newlines_only():
    assert textsafe.multi_line("a\nb\x1b[1G\tc") == "a\nb\\x1b[1G\\tc"


def test_for_markup_escapes_markup_after_controls():
    assert textsafe.for_markup("[red]x\x1b") == "\\[red]x\\x1b"


# --- fuzzing the shared helpers ------------------------------------------------------------------------------

_ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)


@settings(max_examples=examples(300), deadline=None)
@given(_ANY_TEXT)
def test_one_line_never_lets_a_control_character_through(text: str) -> None:
    shown = textsafe.one_line(text)
    assert not DANGEROUS.findall(shown) and "\n" not in shown and "\t" not in shown
    shown.encode("utf-8")  # always writable


@settings(max_examples=examples(300), deadline=None)
@given(_ANY_TEXT)
def test_json_text_is_the_same_json_and_terminal_safe(text: str) -> None:
    dumped = textsafe.json_text(json.dumps({"v": text}, ensure_ascii=False))
    assert json.loads(dumped) == {"v": text}
    assert not DANGEROUS.findall(dumped)


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(_ANY_TEXT, st.integers(), st.floats(), st.lists(st.text(max_size=40), max_size=8)))
def test_a_value_excerpt_is_bounded_and_safe(value: object) -> None:
    echo.configure(no_values=False)
    shown = echo.value(value)
    assert len(shown) <= 6 * (echo.EXCERPT_CHARS * 6 + 40)  # escapes may lengthen it, never the value's length
    assert not DANGEROUS.findall(shown)
    if isinstance(value, str) and len(value) > echo.EXCERPT_CHARS:
        assert value not in shown
