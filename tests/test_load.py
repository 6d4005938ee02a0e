"""Reading YAML into models: every problem located as file:line:col with the YAML path, never raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from art36 import load
from art36.models.system import SystemDescription

HEAD = "name: X\nclassification: U\nchecklists: [mhc]\nuses:\n  - id: a\n"


def problems(text: str) -> list[tuple[str, int, int, str, str, str]]:
    loaded = load.load(text, "f.yaml", SystemDescription)
    return [
        (d.code, d.location.line, d.location.column, d.location.yaml_path, d.message, d.hint)
        for d in loaded.diagnostics
    ]


def test_valid_document_has_no_problems():
    loaded = load.load(HEAD, "f.yaml", SystemDescription)
    assert loaded.diagnostics == () and loaded.model is not None and loaded.model.uses[0].id == "a"


def test_duplicate_key_is_an_error_and_the_model_is_withheld():
    loaded = load.load(
        "name: X\nname: Y\nclassification: U\nchecklists: [m]\nuses: [{id: a}]\n", "f.yaml", SystemDescription
    )
    [diag] = loaded.diagnostics
    assert (diag.code, diag.location.line, diag.location.column) == ("Y002", 2, 1)
    assert "first at line 1" in diag.message
    assert loaded.model is None


def test_nested_duplicate_key_in_answers():
    [(code, line, col, path, message, _)] = problems(HEAD + "answers:\n  a.b: x\n  a.b: y\n")
    assert (code, line, col) == ("Y002", 8, 3)


def test_float_version_suggests_quoting():
    [(code, line, col, path, message, hint)] = problems(HEAD + "version: 1.10\n")
    assert (code, line, col, path) == ("S003", 6, 10, "version")
    assert message == "found number '1.10', expected text"
    assert hint == 'quote it to keep it as text: "1.10"'


def test_unknown_key_did_you_mean_at_any_depth():
    [(code, line, col, path, message, hint)] = problems(HEAD + "    titel: Sea\n")
    assert (code, line, col, path) == ("S001", 6, 5, "uses[0].titel")
    assert hint == "did you mean 'title'?"
    [(code, *_rest, hint)] = problems(HEAD + "answers:\n  a.b: {value: x, rationle: y}\n")
    assert code == "S001" and hint == "did you mean 'rationale'?"


def test_missing_key_points_at_the_parent():
    [(code, line, col, path, message, _)] = problems("name: X\nchecklists: [mhc]\nuses:\n  - id: a\n")
    assert (code, line, col) == ("S002", 1, 1)
    assert message == "missing required key 'classification'"
    [(code, line, col, path, message, _)] = problems(HEAD.replace("  - id: a\n", "  - title: a\n"))
    assert (code, line, col, path) == ("S002", 5, 5, "uses[0]")


def test_union_types_are_merged_into_one_message():
    [(code, line, col, path, message, _)] = problems(HEAD + "description: [1, 2]\n")
    assert (code, line, path) == ("S003", 6, "description")
    assert message == "found a list, expected text or a map of language code to text"


def test_syntax_error_has_a_position():
    [(code, line, col, *_)] = problems("name: X\nuses: [\n  - a\n")
    assert code == "Y001" and line >= 2


@pytest.mark.parametrize(
    "text, found", [("", "an empty document"), ("- a\n- b\n", "a list"), ("just text\n", "a text")]
)
def test_document_must_be_a_mapping(text, found):
    [(code, line, col, path, message, _)] = problems(text)
    assert code == "Y003" and message == f"found {found}, expected a mapping of keys to values"


def test_non_utf8_file_and_missing_file(tmp_path: Path):
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("name: X\ndeveloper: Soci\xe9t\xe9\n".encode("latin-1"))
    [diag] = load.load_file(bad, "latin1.yaml", SystemDescription).diagnostics
    assert (diag.code, diag.location.line, diag.location.column) == ("F002", 2, 16)
    [diag] = load.load_file(tmp_path / "nope.yaml", "nope.yaml", SystemDescription).diagnostics
    assert diag.code == "F001"


def test_unsafe_tags_are_refused_not_executed():
    [(code, *_)] = problems("name: !!python/object/apply:os.system ['echo hacked']\n")
    assert code == "Y001"


def test_an_answer_key_too_long_is_reported_about_the_key_at_the_key():
    key = "k" * 130
    [(code, line, column, _, message, _)] = problems(HEAD + f"answers:\n  {key}: true\n")
    assert code == "S004" and (line, column) == (7, 3)
    assert message == "found a key of 130 characters, expected a key of at most 120 characters"
    assert "true" not in message  # not about the answer's value
