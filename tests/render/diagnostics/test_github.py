"""The GitHub Actions format: one workflow command per line, escaped so that no text can end or start a command."""

from __future__ import annotations

import re

from diag_cases import loc

from art36.checks import files
from art36.models.batch_report import BatchReport
from art36.models.diagnostic import FileReport
from art36.render.diagnostics import render
from art36.render.diagnostics.github import escape_data, escape_property

COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:]*)(?:,[a-z]+=[^,:]*)*)::(.*)$")


def unescape(value: str) -> str:
    """What the Actions runner does to read a value back."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, f"not one well-formed workflow command: {line!r}"
    props = dict(item.split("=", 1) for item in m.group(2).split(","))
    return m.group(1), {k: unescape(v) for k, v in props.items()}, unescape(m.group(3))


def test_commands(sample_batch) -> None:
    assert render(sample_batch, "github").splitlines() == [
        "::error file=systems/a.yaml,line=1,col=1,title=S002 missing-key::missing key 'classification'",
        "::notice file=systems/a.yaml,line=3,col=5,title=A002 unknown-criterion::no criterion 'mhc.x'",
        "::error file=systems/a.yaml,line=3,col=5,title=S001 unknown-key::unknown key 'x'%0Ahint: did you mean 'id'?",
        "::warning file=systems/a.yaml,line=12,col=3,title=A005 rationale-missing::no rationale given",
        "::warning file=systems/c.yaml,line=2,col=1,title=A004 required-answer-missing::no answer for 'mhc.a'",
        "::error file=systems/missing.yaml,line=1,col=1,title=F001 file-unreadable::no such file",
    ]


def test_empty_and_clean(empty_batch, clean_batch) -> None:
    assert render(empty_batch, "github") == ""
    assert render(clean_batch, "github") == ""


def test_escaping() -> None:
    assert escape_data("100%\r\nnext: a,b") == "100%25%0D%0Anext: a,b"
    assert escape_property("C:\\a,b:c%") == "C%3A\\a%2Cb%3Ac%25"
    assert escape_data("%0A") == "%250A"  # already-escaped-looking text is not unescaped by the runner
    assert escape_data("ESC\x1b[31m") == "ESC\\x1b[31m"


def test_windows_and_odd_paths() -> None:
    path = ".\\sub dir\\a,b:c.yaml"
    batch = BatchReport(files=(FileReport(file=path, diagnostics=(files.YAML_SYNTAX.at(loc(path, 2, 3), "bad"),)),))
    (line,) = render(batch, "github").splitlines()
    assert line == "::error file=sub dir/a%2Cb%3Ac.yaml,line=2,col=3,title=Y001 yaml-syntax::bad"


def test_hostile_batch_one_command_per_line_and_round_trips(hostile_batch) -> None:
    lines = render(hostile_batch, "github").splitlines()
    diagnostics = [d for f in hostile_batch.files for d in f.diagnostics]
    assert len(lines) == len(diagnostics)
    seen = set()
    for line in lines:
        kind, props, message = parse(line)
        assert list(props) == ["file", "line", "col", "title"]
        assert "\\" not in props["file"] or props["file"].startswith("weird")  # separators are "/"
        seen.add(message)
    injected = "::error file=x::injected, title=a:b"
    assert any(m.startswith(injected) for m in seen)  # survives as text, never as a command of its own
    assert any(m.startswith("100% done\r\nsecond line\nthird") for m in seen)
    assert not any(line.startswith("::error file=x") for line in lines)
