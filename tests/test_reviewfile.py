"""A saved review reads back into the model; a bad one gives located diagnostics, never an exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from art36.cli.app import main
from art36.reviewfile import load_review_file, load_reviews

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def score_json() -> str:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["score", *map(str, sorted(EXAMPLES.glob("*.yaml"))), "--format", "json", "--no-progress"])
    assert code == 0
    return buffer.getvalue()


def test_a_score_report_reads_back_equal(score_json):
    loaded = load_reviews(score_json, "scores.json")
    assert loaded.ok and loaded.report is not None
    assert len(loaded.reviews) == 5
    assert json.loads(loaded.report.model_dump_json()) == json.loads(score_json)


def test_a_single_review_reads_back(score_json, tmp_path):
    one = json.loads(score_json)["files"][0]["review"]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(one, indent=2))
    loaded = load_review_file(path, "one.json")
    assert loaded.ok and [r.file for r in loaded.reviews] == [one["file"]]
    assert loaded.reviews[0].model_dump(mode="json") == one


def test_schema_errors_are_located_with_did_you_mean(score_json):
    text = json.dumps(json.loads(score_json)["files"][0]["review"], indent=2)
    text = text.replace('"system_version"', '"sytem_version"', 1)
    loaded = load_reviews(text, "bad.json")
    assert loaded.reviews == ()
    [d] = loaded.diagnostics
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "sytem_version" in x)
    assert (d.code, d.location.line, d.location.column) == ("S001", line, 3)
    assert "did you mean 'system_version'" in d.hint


def test_an_unknown_version_is_one_clear_error(score_json):
    text = score_json.replace('"schema_version": 1', '"schema_version": 7')
    found = load_reviews(text, "new.json").diagnostics
    assert len(found) == 5  # one per review, each at its own version key
    for d in found:
        assert d.code == "S004" and d.message == "found schema_version 7, expected 1"
        assert text.splitlines()[d.location.line - 1].strip() == '"schema_version": 7,'
    single = json.dumps({**json.loads(score_json)["files"][0]["review"], "schema_version": "1"}, indent=2)
    [d] = load_reviews(single, "one.json").diagnostics
    assert d.message == "found schema_version '1', expected 1" and d.location.line == 2
    text = score_json.replace('"version": 1', '"version": 2', 1)
    [d] = load_reviews(text, "env.json").diagnostics
    assert "found version 2, expected 1" in d.message and d.location.line == 2


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ('{\n  "schema_version": 1,\n  "file": "x.yaml",\n', "Y001", 4),
        ("[1, 2]", "Y003", 1),
        ('{"name": "a checklist?"}', "Y003", 1),
    ],
)
def test_files_that_are_not_reviews(text, code, line):
    [d] = load_reviews(text, "x.json").diagnostics
    assert (d.code, d.location.line) == (code, line)


def test_an_unreadable_file_is_a_diagnostic(tmp_path):
    [d] = load_review_file(tmp_path / "missing.json").diagnostics
    assert d.code == "F001"
    (tmp_path / "latin1.json").write_bytes(b'{"system": "caf\xe9"}')
    [d] = load_review_file(tmp_path / "latin1.json").diagnostics
    assert d.code == "F002"
