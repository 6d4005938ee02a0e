"""The value-echo policy on every command that reads files, in every output format each has (docs/security.md).

A secret is planted in files that fail validation (tests/planted.py) and in a saved review that fails validation.
Every command runs over them in process, with the secret past the excerpt bound from either end (default policy:
it must not show) and with the secret alone under ``--no-values`` or ``ART36_NO_VALUES=1`` (it must not show at
all). Everything a run prints is grepped, and every file it writes as its output (``-o``); the classification
marking must still show wherever a system file or review is reported on. Usage errors are covered for every
option that takes a value. A test keeps the list of commands complete.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from art36 import echo
from art36.cli.app import app, main
from planted import HIDDEN, MARKING, PAD, SECRET, build, system_files

#: Every command that reads a file: each must take --no-values and appear in RUNS.
FILE_COMMANDS = {"score", "validate", "lint", "report", "review", "init", "show", "diff", "verify"}
SYSTEMS = sorted(system_files(SECRET))
DIFF_SOURCES = [*(f"systems/{name}" for name in SYSTEMS), "bad.review.json"]
DIFF_FORMATS = ("text", "md", "json")


@dataclass(frozen=True)
class Run:
    """One or more invocations of a command whose output together must hold no secret."""

    name: str
    argvs: tuple[tuple[str, ...], ...]
    #: What standard input holds (review); None leaves it alone.
    stdin: str | None = None
    #: The classification marking of the files must show.
    marking: bool = True
    #: Some value is quoted as an excerpt (show and init name another file's problems by code and position only).
    excerpts: bool = True


def _one(*args: str, marking: bool = True, stdin: str | None = None, excerpts: bool = True) -> Run:
    return Run(" ".join(args), (args,), stdin, marking, excerpts)


RUNS = [
    *(_one("validate", "systems", "good", "-f", f) for f in ("text", "json", "github", "junit", "sarif")),
    *(_one("score", "systems", "good", "-f", f) for f in ("text", "json", "md", "html")),
    _one("score", "systems", "good", "-f", "json", "-o", "out/score.json"),
    *(
        _one("lint", "bad-checklist.yaml", "lint-checklist.yaml", "-f", f, marking=False)
        for f in ("text", "json", "github", "junit", "sarif")
    ),
    *(_one("report", "systems", "good", "bad.review.json", "-f", f) for f in ("text", "md", "json")),
    _one("report", "systems", "good", "bad.review.json", "-f", "html", "-o", "out"),
    *(_one("show", "bad-checklist.yaml", "-f", f, marking=False, excerpts=False) for f in ("text", "md", "json")),
    _one("init", "-c", "bad-checklist.yaml", marking=False, excerpts=False),
    _one("init", "-c", "bad-checklist.yaml", "-o", "out/new.yaml", marking=False, excerpts=False),
    *(Run(f"diff -f {f}", tuple(("diff", "good/good.yaml", x, "-f", f) for x in DIFF_SOURCES)) for f in DIFF_FORMATS),
    _one("verify", "bad.review.json"),
    # review with standard input at its end (no answer can be read), then with Enter pressed at every question
    # (each answer in the file is offered, an invalid one is refused).
    *(
        Run(f"review {how}", tuple(("review", f"systems/{s}", "--reviewer", "R", "--force") for s in SYSTEMS), stdin)
        for how, stdin in (("eof", ""), ("enter", "\n" * 40))
    ),
]


@pytest.fixture(scope="module")
def saved_review(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A valid saved review of good.yaml (made once), as data to plant a secret in."""
    folder = tmp_path_factory.mktemp("saved")
    build(folder, SECRET)
    assert main(["report", str(folder / "good" / "good.yaml"), "-f", "json", "-o", str(folder / "r.json")]) == 0
    data: dict[str, object] = json.loads((folder / "r.json").read_text())
    return data


def _bad_review(saved: dict[str, object], v: str) -> str:
    """The saved review with ``v`` as its verdict, score, a status and a risk level (schema errors all)."""
    data = json.loads(json.dumps(saved))
    data["verdict"] = v
    data["score"] = v
    use = data["uses"][0]
    use["criteria"][0]["status"] = v
    use["criteria"][1]["risk_level"] = v
    return json.dumps(data, indent=2)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved_review):
    """Build the corpus with the given planted value in a fresh folder and run from there."""

    def make(v: str) -> Path:
        build(tmp_path, v)
        (tmp_path / "bad.review.json").write_text(_bad_review(saved_review, v))
        monkeypatch.chdir(tmp_path)
        return tmp_path

    yield make
    echo.configure(no_values=False)


def _execute(run: Run, folder: Path, capsys, monkeypatch, extra: tuple[str, ...] = ()) -> tuple[list[int], str]:
    """Run every invocation; all it printed and every file it wrote under out/."""
    codes, text = [], []
    out = folder / "out"
    out.mkdir(exist_ok=True)
    for argv in run.argvs:
        if run.stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(run.stdin))
        codes.append(main([*argv, *extra]))
        captured = capsys.readouterr()
        text += [captured.out, captured.err]
    text += [p.read_text() for p in sorted(out.rglob("*")) if p.is_file()]
    shutil.rmtree(out)
    return codes, "\n".join(text)


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.name)
def test_a_value_past_the_excerpt_bound_never_shows(run: Run, corpus, capsys, monkeypatch):
    folder = corpus(HIDDEN)
    codes, text = _execute(run, folder, capsys, monkeypatch)
    assert all(code != 0 for code in codes), codes  # every file fails validation (or review stops)
    assert "Traceback" not in text
    assert SECRET not in text
    assert not run.excerpts or PAD[:10] in text  # values are excerpted, not silently dropped
    if run.marking:
        assert MARKING in text


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.name)
def test_no_values_hides_every_value(run: Run, corpus, capsys, monkeypatch):
    folder = corpus(SECRET)
    codes, text = _execute(run, folder, capsys, monkeypatch, ("--no-values",))
    assert all(code != 0 for code in codes), codes
    assert "Traceback" not in text
    assert SECRET not in text
    assert "3.5" not in text  # not even in the "quote it" hint
    if run.marking:
        assert MARKING in text


#: Per command, a run in which a short value shows by default (so the environment variable's effect can be seen).
SHOWN_BY_DEFAULT = {
    "score": _one("score", "systems"),
    "validate": _one("validate", "systems"),
    "lint": _one("lint", "bad-checklist.yaml"),
    "report": _one("report", "systems"),
    "review": _one("review", "systems/option.yaml", "--reviewer", "R", "--force", stdin="\n" * 40),
    "init": _one("init", "-c", SECRET),
    "show": _one("show", SECRET),
    "diff": _one("diff", "good/good.yaml", "systems/option.yaml"),
    "verify": _one("verify", "bad.review.json"),
}


@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
def test_the_environment_variable_works_for_every_command(command: str, corpus, capsys, monkeypatch):
    folder = corpus(SECRET)
    run = SHOWN_BY_DEFAULT[command]
    monkeypatch.setenv("ART36_NO_VALUES", "1")
    codes, text = _execute(run, folder, capsys, monkeypatch)
    assert SECRET not in text and all(code != 0 for code in codes)
    monkeypatch.setenv("ART36_NO_VALUES", "0")  # without it the value is quoted: the test can fail
    assert SECRET in _execute(run, folder, capsys, monkeypatch)[1]


def test_every_command_that_reads_files_takes_no_values_and_is_tested():
    import inspect

    for info in app.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__
        if name in FILE_COMMANDS:
            assert "no_values" in inspect.signature(info.callback).parameters, name
    assert {r.argvs[0][0] for r in RUNS} == FILE_COMMANDS == set(SHOWN_BY_DEFAULT)


def test_review_with_stdin_closed(corpus, tmp_path: Path):
    """In a child process with standard input closed (not merely empty), as a CI job runs it."""
    folder = corpus(SECRET)
    for name in ("option.yaml", "tag.yaml"):
        done = subprocess.run(
            [sys.executable, "-m", "art36", "review", f"systems/{name}", "--reviewer", "R", "--no-values"],
            cwd=folder,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert SECRET not in done.stdout + done.stderr and MARKING in done.stdout + done.stderr


# --- usage errors: values typed on the command line ------------------------------------------------------------

LONG = PAD + SECRET + PAD
#: (argv with V where the value goes); the value reaches a usage error (click's or art36's own).
OPTION_VALUES = [
    ("score", "--format", "V", "systems"),
    ("score", "--format=V", "systems"),
    ("score", "-fV", "systems"),
    ("score", "--fail-on", "V", "systems"),
    ("score", "--checklist", "V", "good"),
    ("validate", "--format", "V", "systems"),
    ("validate", "--checklist", "V", "good"),
    ("lint", "--format", "V", "bad-checklist.yaml"),
    ("rules", "--format", "V"),
    ("schema", "V"),
    ("review", "--lang", "V", "good/good.yaml"),
    ("review", "good/good.yaml", "--checklist", "V", "--reviewer", "R"),
    ("init", "--checklist", "V"),
    ("show", "V"),
    ("show", "mhc", "--format", "V"),
    ("show", "mhc", "--lang", "V"),
    ("report", "--format", "V", "good"),
    ("report", "--lang", "V", "good"),
    ("report", "--checklist", "V", "good"),
    ("diff", "--format", "V", "good/good.yaml", "good/good.yaml"),
    ("diff", "good/good.yaml", "good/good.yaml", "V"),
    ("verify", "bad.review.json", "V"),
]
#: Options whose usage error never repeats the value ("expected a whole number").
NOT_REPEATED = [
    ("score", "--jobs", "V", "systems"),
    ("score", "--max-evidence-bytes", "V", "systems"),
    ("validate", "--jobs", "V", "systems"),
]
#: Keys typed on the command line (option names, rule codes, criterion ids): always shown, but bounded.
KEYS = [
    *((c, "--" + "k" * 150 + SECRET) for c in sorted(FILE_COMMANDS)),
    ("lint", "--explain", "k" * 150 + SECRET),
    ("show", "mhc", "k" * 150 + SECRET),
]


@pytest.mark.parametrize("argv", OPTION_VALUES, ids=" ".join)
def test_command_line_values_in_usage_errors_are_bounded(argv, corpus, capsys, monkeypatch):
    folder = corpus(SECRET)
    _, text = _execute(Run("", (tuple(a.replace("V", LONG) for a in argv),)), folder, capsys, monkeypatch)
    assert SECRET not in text and "characters)" in text and "Traceback" not in text
    _, text = _execute(Run("", (tuple(a.replace("V", SECRET) for a in argv),)), folder, capsys, monkeypatch)
    assert SECRET in text  # quoted when short: the test above could fail
    if argv[0] in FILE_COMMANDS:
        flag: tuple[str, ...] = ("--no-values",)
    else:  # rules and schema read no file: no option, but the environment variable holds for their usage errors
        flag = ()
        monkeypatch.setenv("ART36_NO_VALUES", "1")
    _, text = _execute(Run("", (tuple(a.replace("V", SECRET) for a in argv),)), folder, capsys, monkeypatch, flag)
    assert SECRET not in text and echo.WITHHELD in text


@pytest.mark.parametrize("argv", NOT_REPEATED, ids=" ".join)
def test_numbers_typed_wrong_are_not_repeated(argv, corpus, capsys, monkeypatch):
    folder = corpus(SECRET)
    codes, text = _execute(Run("", (tuple(a.replace("V", SECRET) for a in argv),)), folder, capsys, monkeypatch)
    assert codes == [2] and SECRET not in text and "expected a whole number" in text


@pytest.mark.parametrize("argv", KEYS, ids=lambda a: " ".join(x[:12] for x in a))
def test_keys_typed_on_the_command_line_are_bounded(argv, corpus, capsys, monkeypatch):
    folder = corpus(SECRET)
    codes, text = _execute(Run("", (argv,)), folder, capsys, monkeypatch)
    assert codes == [2] and SECRET not in text and "k" * (echo.KEY_CHARS - 10) in text and "Traceback" not in text


def test_usage_errors_are_terminal_safe(capsys):
    assert main(["score", "--format", "\x1b[2J\x1b]52;c;SGVsbG8=\x07", "x.yaml"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2J" in err


# --- keys: always shown, but bounded ----------------------------------------------------------------------------

PARAGRAPH_KEY = "k" * 200 + SECRET.lower()


@pytest.mark.parametrize(
    ("command", "fmt"),
    [*(("validate", f) for f in ("text", "json", "github", "junit", "sarif")), ("score", "json"), ("score", "text")],
)
def test_a_paragraph_used_as_a_key_is_bounded_in_messages_and_yaml_paths(command, fmt, corpus, capsys, monkeypatch):
    folder = corpus(SECRET)
    good = (folder / "good" / "good.yaml").read_text()
    (folder / "good" / "keys.yaml").write_text(
        good.replace("uses:", f"{PARAGRAPH_KEY}: 1\nuses:").replace(
            "t.duration: 5", f"t.duration: 5\n  {PARAGRAPH_KEY}: {{a: 1}}\n  t.weapon: false"
        )
    )
    codes, text = _execute(_one(command, "good/keys.yaml", "-f", fmt), folder, capsys, monkeypatch)
    assert codes == [1] and SECRET.lower() not in text and "k" * 100 in text and MARKING in text


def test_the_key_bound_is_the_longest_identifier():
    from art36.models.common import Identifier

    limit = next(m.max_length for m in Identifier.__metadata__ if getattr(m, "max_length", None))
    assert limit == echo.KEY_CHARS
    assert echo.path_part("a" * 500) == "a" * limit + "..." and echo.path_part("t.\x1b") == "t.\\x1b"
