"""`art36 diff`: what a modification changed between two system files or two saved reviews."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from art36.cli.app import main
from tests_paths import ROOT


def _modified_patriot(tmp_path: Path) -> Path:
    """examples/patriot.yaml with two answers changed (its evidence folder alongside)."""
    shutil.copytree(ROOT / "examples" / "evidence", tmp_path / "evidence")
    text = (ROOT / "examples" / "patriot.yaml").read_text(encoding="utf-8")
    text = text.replace("    value: known_failures\n", "    value: verified\n", 1)
    text = text.replace(
        "    value: limited\n    rationale: Effects occur", "    value: uncontrollable\n    rationale: Effects occur", 1
    )
    path = tmp_path / "patriot-modified.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _diff_json(old: str, new: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["diff", old, new, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_two_changed_answers_are_named_with_their_status_and_verdict_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = _modified_patriot(tmp_path)
    data = _diff_json(str(ROOT / "examples" / "patriot.yaml"), str(new), capsys)
    answers = {(a["criterion"], a["old"], a["new"]) for a in data["answers"]}  # type: ignore[union-attr,index]
    assert answers == {
        ("mhc.target.discrimination", "known_failures", "verified"),
        ("core.general.effects_limitable", "limited", "uncontrollable"),
    }
    statuses = {(s["criterion"], s["old"], s["new"]) for s in data["statuses"]}  # type: ignore[union-attr,index]
    assert statuses == {
        ("mhc.target.discrimination", "below", "meets"),
        ("core.general.effects_limitable", "meets", "below"),
    }
    verdicts = {(v["use"], v["old"], v["new"]) for v in data["verdicts"]}  # type: ignore[union-attr,index]
    assert verdicts == {
        ("", "approvable_with_conditions", "prohibited"),
        ("area-air-defence", "approvable_with_conditions", "prohibited"),
    }
    moved = {s["what"] for s in data["scores"]}  # type: ignore[union-attr,index]
    assert moved == {"use", "checklist mhc", "checklist art36-core", "section mhc/target", "section art36-core/general"}


def test_identical_inputs_have_no_changes_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ROOT / "examples" / "patriot.yaml")
    assert main(["diff", path, path]) == 0
    assert "no changes" in capsys.readouterr().out
    assert main(["diff", path, path, "-f", "md"]) == 0
    assert "No changes" in capsys.readouterr().out


def test_diff_of_saved_reviews_matches_diff_of_system_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    new = _modified_patriot(tmp_path)
    old = ROOT / "examples" / "patriot.yaml"
    assert main(["report", str(old), "-f", "json", "-o", str(tmp_path / "old.review.json")]) == 0
    assert main(["report", str(new), "-f", "json", "-o", str(tmp_path / "new.review.json")]) == 0
    from_files = _diff_json(str(old), str(new), capsys)
    from_reviews = _diff_json(str(tmp_path / "old.review.json"), str(tmp_path / "new.review.json"), capsys)
    assert from_files == from_reviews


def test_markdown_and_text_diff_name_the_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = _modified_patriot(tmp_path)
    old = str(ROOT / "examples" / "patriot.yaml")
    assert main(["diff", old, str(new)]) == 0
    text = capsys.readouterr().out
    assert "mhc.target.discrimination: known_failures -> verified" in text
    assert "area-air-defence: approvable_with_conditions -> prohibited" in text
    assert main(["diff", old, str(new), "-f", "md"]) == 0
    md = capsys.readouterr().out
    assert "## Answers changed (2)" in md and "| mhc\\.target\\.discrimination | known\\_failures | verified |" in md
