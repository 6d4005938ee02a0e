"""`art36 report`: one report per input; a directory for batches, stdout concatenated for md/text, never an input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from art36.cli.app import main
from art36.schemas import schema
from tests_paths import FIXTURES, ROOT

EXAMPLES = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))


def test_batch_writes_one_report_per_input_into_a_directory(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    assert main(["report", *EXAMPLES, "-f", "md", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(e).stem + ".md" for e in EXAMPLES)
    patriot = (out / "patriot.md").read_text()
    assert patriot.startswith("**Classification: UNCLASSIFIED") and "area-air-defence" in patriot


def test_json_reports_are_reviews_valid_under_the_schema_and_render_as_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reviews"
    assert main(["report", *EXAMPLES, "-f", "json", "-o", str(out)]) == 0
    validator = Draft202012Validator(schema("review"))
    saved = sorted(out.iterdir())
    assert [p.name.endswith(".review.json") for p in saved] == [True] * len(EXAMPLES)
    for path in saved:
        validator.validate(json.loads(path.read_text()))
    capsys.readouterr()
    # a saved review renders as recorded: the same Markdown as from the system file (same clock)
    import os

    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"
    try:
        assert main(["report", str(ROOT / "examples" / "patriot.yaml"), "-f", "md"]) == 0
        from_system = capsys.readouterr().out
        assert main(["report", str(out / "patriot.review.json"), "-f", "md"]) == 0
        from_review = capsys.readouterr().out
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert from_review == from_system
    assert "2026-01-01T00\\:00\\:00" in from_system


def test_stdout_concatenates_markdown_and_text_and_json_is_one_array(capsys: pytest.CaptureFixture[str]) -> None:
    two = EXAMPLES[:2]
    assert main(["report", *two, "-f", "md"]) == 0
    assert capsys.readouterr().out.count("\n---\n") == 1
    assert main(["report", *two, "-f", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["report", *two, "-f", "text"]) == 0
    assert capsys.readouterr().out.count("=" * 80) == 1


def test_several_html_reports_need_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *EXAMPLES[:2], "-f", "html"]) == 2
    assert "-o DIR" in capsys.readouterr().err


def test_text_report_fits_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(ROOT / "examples" / "counter-drone-turret.yaml")]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Intended use: city-centre-event" in out and "Conditions" in out


def test_an_invalid_input_fails_alone_and_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = ROOT / "examples" / "invalid"
    broken = sorted(str(p) for p in bad.glob("*.yaml"))[0]
    out = tmp_path / "r"
    assert main(["report", broken, EXAMPLES[0], "-f", "md", "-o", str(out)]) == 1
    assert [p.name for p in out.iterdir()] == [Path(EXAMPLES[0]).stem + ".md"]
    err = capsys.readouterr().err
    assert broken.split("/")[-1] in err and "Traceback" not in err


def test_output_never_replaces_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "system.yaml"
    target.write_text((FIXTURES / "report" / "mini-system.yaml").read_text())
    before = target.read_bytes()
    assert main(["report", str(target), "-f", "md", "-o", str(target)]) == 2
    assert target.read_bytes() == before


def test_dutch_headings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(ROOT / "examples" / "goalkeeper.yaml"), "-f", "html", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert 'lang="nl"' in out and "Samenvatting" in out and "Goedkeurende autoriteit" in out


def test_score_offers_the_report_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", *EXAMPLES[:2], "-f", "md"]) == 0
    out = capsys.readouterr().out
    assert out.count("# Article 36 weapon review") == 2 and "\n---\n" in out
    assert main(["score", *EXAMPLES, "-f", "html"]) in (0, 1)  # examples/ also holds calibration/ and invalid/
    html = capsys.readouterr().out
    assert html.count('<div class="report r') == len(EXAMPLES)
