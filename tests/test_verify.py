"""`art36 verify`: a saved review matches its inputs until one byte of any of them changes, and names that input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from art36.cli.app import main
from tests_paths import FIXTURES


def _setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini system, its checklist and evidence copied to tmp_path; a review of it saved as JSON."""
    shutil.copy(FIXTURES / "mini-checklist.yaml", tmp_path / "mini-checklist.yaml")
    shutil.copytree(FIXTURES / "report", tmp_path / "report")
    monkeypatch.chdir(tmp_path)
    assert main(["report", "report/mini-system.yaml", "-f", "json", "-o", "mini.review.json"]) == 0
    return tmp_path / "mini.review.json"


def _flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    index = data.rindex(b"e")  # a letter inside the text, so the file stays valid
    data[index] = ord("E")
    path.write_bytes(bytes(data))


def test_unchanged_inputs_match(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _setup(tmp_path, monkeypatch)
    capsys.readouterr()
    assert main(["verify", str(review)]) == 0
    assert "matches its recorded inputs" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("changed", "named"),
    [
        ("report/mini-system.yaml", "system file: report/mini-system.yaml"),
        ("mini-checklist.yaml", "checklist: mini (../mini-checklist.yaml)"),
        ("report/evidence/trial-7.txt", "evidence: evidence/trial-7.txt"),
    ],
)
def test_a_one_byte_change_in_any_input_is_caught_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], changed: str, named: str
) -> None:
    review = _setup(tmp_path, monkeypatch)
    _flip_one_byte(tmp_path / changed)
    capsys.readouterr()
    assert main(["verify", str(review)]) == 1
    out = capsys.readouterr().out
    assert f"CHANGED      {named}" in out
    assert sum(line.startswith("CHANGED") for line in out.splitlines()) == 1, out
    assert "does NOT match" in out


def test_a_changed_answer_shows_what_the_recomputed_review_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _setup(tmp_path, monkeypatch)
    system = tmp_path / "report" / "mini-system.yaml"
    system.write_text(system.read_text().replace("t.target: vehicles", "t.target: materiel"))
    capsys.readouterr()
    assert main(["verify", str(review)]) == 1
    out = capsys.readouterr().out
    assert "t.target: vehicles -> materiel" in out


def test_a_tampered_review_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _setup(tmp_path, monkeypatch)
    review.write_text(review.read_text().replace('"verdict": "not_approvable"', '"verdict": "fine"', 1))
    assert main(["verify", str(review)]) == 1
    err = capsys.readouterr().err
    assert "mini.review.json:" in err and "Traceback" not in err
