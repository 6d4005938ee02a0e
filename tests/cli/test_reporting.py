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


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_report_reads_a_system_file_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    path = ROOT / "examples" / "patriot.yaml"
    assert main(["report", str(path), "-f", "json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    _stdin(monkeypatch, path.read_text())
    assert main(["report", "-", "-f", "json"]) == 0
    from_stdin = json.loads(capsys.readouterr().out)
    assert from_stdin["file"] == "<stdin>" and from_file["file"] == str(path)
    assert from_stdin["system_sha256"] == from_file["system_sha256"]
    assert from_stdin["verdict"] == from_file["verdict"] == "approvable_with_conditions"
    _stdin(monkeypatch, path.read_text())
    assert main(["report", "-", "-f", "md"]) == 0
    assert "\\<stdin\\>" in capsys.readouterr().out


def test_report_reads_a_saved_review_from_stdin_and_renders_it_as_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    saved = tmp_path / "patriot.review.json"
    assert main(["report", str(ROOT / "examples" / "patriot.yaml"), "-f", "json", "-o", str(saved)]) == 0
    assert main(["report", str(saved), "-f", "md"]) == 0
    from_file = capsys.readouterr().out
    _stdin(monkeypatch, saved.read_text())
    assert main(["report", "-", "-f", "md"]) == 0
    assert capsys.readouterr().out == from_file


def test_stdin_and_files_together_write_stdin_first_into_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, (ROOT / "examples" / "goalkeeper.yaml").read_text())
    out = tmp_path / "r"
    assert main(["report", EXAMPLES[0], "-", "-f", "md", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(["stdin.md", Path(EXAMPLES[0]).stem + ".md"])
    assert "Goalkeeper" in (out / "stdin.md").read_text()


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("name: x\nnmae: y\nclassification: U\n", "<stdin>:2:1: error: unknown key 'nmae'"),
        ("name: [x\n", "<stdin>:2:1: error:"),
        ('{"schema_version": 1,\n  "x": [}\n', "<stdin>:2:9: error: invalid JSON"),
    ],
)
def test_a_bad_document_on_stdin_is_located_as_stdin(
    text: str, where: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, text)
    assert main(["report", "-", "-f", "md"]) == 1
    captured = capsys.readouterr()
    assert where in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_report_takes_the_evidence_options_of_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "trials.txt").write_text("trial summary\n")
    (tmp_path / "systems").mkdir()
    example = (ROOT / "examples" / "counter-drone-turret.yaml").read_text()
    system = tmp_path / "systems" / "turret.yaml"
    system.write_text(example.replace("path: evidence/counter-drone-trials.txt", "path: ../evidence/trials.txt"))
    assert main(["report", str(system), "-f", "md"]) == 1
    assert "A013" in capsys.readouterr().err
    assert main(["report", str(system), "-f", "md", "--evidence-root", str(tmp_path)]) == 0
    import hashlib

    assert hashlib.sha256(b"trial summary\n").hexdigest() in capsys.readouterr().out


class _Stopped(Exception):
    """Raised in the main process by a timer, as Ctrl-C or SIGTERM would be."""


def test_a_batch_stopped_mid_write_leaves_no_half_written_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal
    import time

    from art36 import batch, fileio
    from art36.cli import reporting

    def half_written(item: tuple[str, Path | None, str | None], **_: object) -> None:
        _, target, _ = item
        assert target is not None
        (target.parent / fileio.temp_name(target)).write_text("half a report")  # as out.write does, then stuck
        time.sleep(60)

    inputs = []
    for i in range(4):
        path = tmp_path / f"s{i}.yaml"
        path.write_text("system: {}\n")
        inputs.append(str(path))
    out = tmp_path / "reports"
    monkeypatch.setattr(reporting, "_one", half_written)
    monkeypatch.setattr(batch, "PARALLEL_THRESHOLD", 1)  # workers, as a big batch has

    def stop(signum: int, frame: object) -> None:
        raise _Stopped

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, 1.5)  # workers have started writing by then
    try:
        with pytest.raises(_Stopped):
            reporting.report(inputs, "md", out, "en", ())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert list(out.iterdir()) == []  # the killed workers' temp files are gone, not left for the next run
