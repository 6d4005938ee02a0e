"""The score-format registry: lazy, each format a str from the typed report, and the CLI's choices come from it."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

from art36.cli.app import main
from art36.render import review as formats

EXAMPLE = str(Path(__file__).resolve().parents[3] / "examples" / "goalkeeper.yaml")


class ShoutFormat:
    """A format a test adds: one line per file, upper case."""

    def render(self, report, options):
        return "".join(f.file.upper() + "\n" for f in report.files)


def test_registry_lists_text_then_json_and_imports_lazily():
    assert list(formats.FORMATS)[:2] == ["text", "json"] and formats.DEFAULT == "text"
    for spec in formats.FORMATS.values():
        assert spec.description and spec.module.startswith("art36.")
    with pytest.raises(ValueError, match="registered twice"):
        formats.register("json", "again", "x", "Y")


def test_the_registry_is_not_imported_with_the_renderers(tmp_path):
    import subprocess

    code = (
        "import sys, art36.cli.app, art36.render.review\n"
        "print([m for m in sys.modules if m.startswith('art36.render.review.')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_adding_a_format_adds_the_cli_choice(monkeypatch, capsys):
    monkeypatch.setattr(sys.modules[__name__], "ShoutFormat", ShoutFormat, raising=False)
    monkeypatch.setitem(formats.FORMATS, "shout", formats.FormatSpec("shout", "upper case", __name__, "ShoutFormat"))
    app_module = importlib.import_module("art36.cli.app")
    try:
        importlib.reload(app_module)  # the help text is built when the app is
        assert app_module.main(["score", EXAMPLE, "--format", "shout", "--no-progress"]) == 0
        assert capsys.readouterr().out == EXAMPLE.upper() + "\n"
        assert app_module.main(["score", "--help"]) == 0
        assert ", ".join(formats.FORMATS) in " ".join(capsys.readouterr().out.split())
    finally:
        monkeypatch.undo()
        importlib.reload(app_module)
    assert main(["score", EXAMPLE, "--format", "shout"]) == 2
    assert "'shout' is not a score format; choose one of: text, json" in capsys.readouterr().err


def test_json_is_the_model_dump(capsys):
    from art36.models.score_report import ScoreReport

    assert main(["score", EXAMPLE, "--format", "json", "--no-progress"]) == 0
    out = capsys.readouterr().out
    report = ScoreReport.model_validate_json(out)
    assert json.loads(out) == report.model_dump(mode="json") and out.endswith("}\n")
