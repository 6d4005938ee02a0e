"""The command line a newcomer meets: -h/-V, plain option errors, an example per command, settings built once."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from art36.cli import app as cli
from art36.cli.app import main
from art36.models.common import Verdict
from art36.settings import Filter, Inputs, LintSettings, Output, ScoreSettings, ValidateSettings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COMMANDS = ("score", "validate", "lint", "rules", "schema", "review", "init", "show")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_short_help_and_version(capsys):
    code, out, _ = run(capsys, "-V")
    assert code == 0 and re.fullmatch(r"art36 \d+\.\d+\.\d+\S*\n", out)
    code, out, _ = run(capsys, "-h")
    assert code == 0 and "-h, --help" in out and "-V, --version" in out
    assert "--install-completion" in out and "--show-completion" in out


@pytest.mark.parametrize(
    "command", ["score", "validate", "lint", "rules", "schema", "review", "init", "show", "report", "verify", "diff"]
)
def test_each_command_help_shows_an_example_and_types_as_words(capsys, command):
    code, out, _ = run(capsys, command, "-h")
    assert code == 0
    examples = re.findall(r"^  Example: (art36 .+)$", out, flags=re.M)
    assert len(examples) == 1 and examples[0].startswith(f"art36 {command}")
    assert not re.search(r"<(list\[|int|str|path|bool|text\|)", out), out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["score", "-f", "yaml", "x.yaml"], "'yaml' is not a score format; choose one of: text, json"),
        (["validate", "-f", "xml", "x.yaml"], "'xml' is not an output format; choose one of: auto, text, json"),
        (["score", "--fail-on", "bad", "x.yaml"], "'bad' is not a verdict; choose one of: out_of_scope, approvable"),
        (["score", "-j", "many", "x.yaml"], "Invalid value for '--jobs' / '-j': expected a whole number"),
        (["schema", "nope"], "'nope' is not a schema; choose one of: system, checklist, review, score"),
    ],
)
def test_option_errors_are_plain_words(capsys, args, expected):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert expected in err
    assert "Value error" not in err and "Input should" not in err and "Traceback" not in err


def test_the_help_lists_match_what_the_options_accept():
    from art36.render import diagnostics, review
    from art36.schemas import NAMES

    assert tuple(v.value for v in Verdict) == cli.VERDICTS
    assert cli.SCHEMAS == NAMES
    assert tuple(cli._score_formats()) == tuple(review.FORMATS)
    assert tuple(cli._check_formats()) == diagnostics.FORMAT_CHOICES


def capture(monkeypatch, name: str) -> list[object]:
    seen: list[object] = []

    def fake(settings: object) -> int:
        seen.append(settings)
        return 0

    monkeypatch.setattr(f"art36.cli.commands.{name}", fake)
    return seen


def test_score_options_become_one_frozen_settings_object(monkeypatch, capsys):
    seen = capture(monkeypatch, "score")
    args = ["score", "a.yaml", "-", "-c", "mhc", "-c", "x.yaml", "-f", "json", "--fail-on", "incomplete"]
    assert main([*args, "-o", "out.json", "-j", "3", "--no-progress", "--allow-empty"]) == 0
    assert seen == [
        ScoreSettings(
            inputs=Inputs(("a.yaml", "-"), ("mhc", "x.yaml"), allow_empty=True, jobs=3),
            output=Output("json", Path("out.json"), progress=False),
            fail_on=Verdict.INCOMPLETE,
        )
    ]
    with pytest.raises(AttributeError):
        seen[0].fail_on = None  # type: ignore[attr-defined,misc]


def test_validate_and_lint_settings(monkeypatch):
    seen = capture(monkeypatch, "validate")
    assert main(["validate", "s/", "--select", "A", "--ignore", "A005", "--strict", "-f", "sarif"]) == 0
    assert seen == [ValidateSettings(Inputs(("s/",)), Output("sarif"), Filter(("A",), ("A005",), strict=True))]
    seen = capture(monkeypatch, "lint")
    assert main(["lint", "--builtin", "--no-tests"]) == 0
    assert seen == [LintSettings(Inputs(()), Output("auto", progress=False), Filter(), run_tests=False, builtin=True)]


def test_no_input_files_is_a_usage_error_unless_allowed(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    for command in ("score", "validate", "lint"):
        code, out, err = run(capsys, command, "empty")
        assert code == 2, command
        assert "art36: error: no input files: no *.yaml or *.yml file in empty (use --allow-empty" in err
        code, out, err = run(capsys, command, "empty", "--allow-empty")
        assert code == 0, command


def test_shell_completion_offers_commands_and_choices(monkeypatch, capsys):
    monkeypatch.setenv("_ART36_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "art36 score --format ")
    monkeypatch.setenv("COMP_CWORD", "3")
    assert main([]) == 0
    assert capsys.readouterr().out.split() == ["text", "json", "md", "html"]
    monkeypatch.setenv("COMP_WORDS", "art36 sc")
    monkeypatch.setenv("COMP_CWORD", "1")
    assert main([]) == 0
    assert capsys.readouterr().out.split() == ["score", "schema"]


def test_a_checklist_given_to_score_says_use_lint(capsys, tmp_path):
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "mini-checklist.yaml", tmp_path / "mini.yaml")
    code, out, err = run(capsys, "score", str(tmp_path / "mini.yaml"))
    assert code == 1
    assert err.count("error:") == 1 and "this looks like a checklist, not a system description" in err
    assert f"check it with `art36 lint {tmp_path / 'mini.yaml'}`" in err


def test_strict_conditions_and_allow_incomplete_reach_the_settings(monkeypatch):
    seen = capture(monkeypatch, "score")
    assert main(["score", "a.yaml", "--fail-on", "not_approvable", "--allow-incomplete", "--strict-conditions"]) == 0
    assert (seen[0].fail_on, seen[0].allow_incomplete, seen[0].strict_conditions) == (
        Verdict.NOT_APPROVABLE,
        True,
        True,
    )


def test_fail_on_exit_codes_for_an_incomplete_review(capsys):
    patriot = str(Path(__file__).resolve().parents[2] / "examples" / "patriot.yaml")
    base = ["score", patriot, "--no-progress", "-f", "json", "--strict-conditions"]
    assert main([*base, "--fail-on", "not_approvable"]) == 1
    assert "or incomplete (see --allow-incomplete)" in capsys.readouterr().err
    assert main([*base, "--fail-on", "prohibited"]) == 1
    assert main([*base, "--fail-on", "not_approvable", "--allow-incomplete"]) == 0
    assert main(["score", patriot, "--no-progress", "-f", "json", "--fail-on", "not_approvable"]) == 0


def test_only_the_command_that_runs_is_built(monkeypatch, capsys):
    from art36.cli import lazy

    real = lazy.group

    def watched(app):
        watched.group = real(app)
        return watched.group

    monkeypatch.setattr(lazy, "group", watched)
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert watched.group.commands.built() == []  # the help lists every command without building one
    for command in COMMANDS:
        assert re.search(rf"^  {command} +\S", out, flags=re.M), command
    assert main(["rules", "--format", "json"]) == 0
    capsys.readouterr()
    assert watched.group.commands.built() == ["rules"]
    code, _, err = run(capsys, "scor", "x.yaml")
    assert code == 2 and "Did you mean 'score'?" in err
