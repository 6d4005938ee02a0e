"""The format registry, the ``auto`` choice, colour, the stderr summary and the shared text helpers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from art36.models.batch_report import BatchReport
from art36.models.diagnostic import FileReport
from art36.render import diagnostics
from art36.render.diagnostics import (
    FORMAT_CHOICES,
    FORMATS,
    RenderOptions,
    choose_auto,
    color_enabled,
    is_absolute,
    ordered,
    posix_path,
    render,
    resolve,
    summary,
)
from art36.textsafe import encodable, one_line


def test_registry_names_every_format_and_feeds_the_cli_choices() -> None:
    from art36.cli.app import _check_formats

    assert list(FORMATS) == ["text", "json", "github", "junit", "sarif"]
    assert ("auto", *FORMATS) == FORMAT_CHOICES
    assert list(_check_formats()) == list(FORMAT_CHOICES)  # the real CLI choices (tests/cli/test_app.py)
    for name, spec in FORMATS.items():
        assert spec.name == name
        assert spec.description
        assert callable(spec.load().render)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_renders_every_batch_to_str(fmt: str, sample_batch, empty_batch, clean_batch, hostile_batch):
    for batch in (sample_batch, empty_batch, clean_batch, hostile_batch):
        out = render(batch, fmt)
        assert isinstance(out, str)
        out.encode("utf-8")  # never a lone surrogate, whatever the file names were
        assert out == render(batch, fmt) or fmt == "junit"  # deterministic (JUnit carries a timestamp)


def test_render_rejects_unknown_and_unresolved_formats(sample_batch) -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render(sample_batch, "xml")
    with pytest.raises(ValueError, match="'auto'"):
        render(sample_batch, "auto")


def test_importing_the_registry_stays_cheap() -> None:
    code = (
        "import sys, art36.render.diagnostics as d; d.FORMAT_CHOICES; "
        "print(sorted(m for m in ('rich', 'xml.etree.ElementTree', 'art36.render.diagnostics.text', 'art36.rules') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({"GITHUB_ACTIONS": "true"}, False, "github"),
        ({"GITHUB_ACTIONS": "true"}, True, "github"),
        ({"GITHUB_ACTIONS": "true", "NO_COLOR": "1"}, True, "github"),
        ({"GITHUB_ACTIONS": "false"}, True, "text"),
        ({"CI": "true"}, False, "text"),
        ({}, True, "text"),
        ({}, False, "text"),
    ],
)
def test_choose_auto(env: dict[str, str], tty: bool, expected: str) -> None:
    assert choose_auto(env, tty) == expected


@pytest.mark.parametrize(
    ("fmt", "env", "tty", "expected"),
    [
        ("auto", {}, True, ("text", True)),
        ("auto", {}, False, ("text", False)),
        ("auto", {"NO_COLOR": "1"}, True, ("text", False)),
        ("auto", {"NO_COLOR": ""}, True, ("text", True)),  # no-color.org: only a non-empty value counts
        ("auto", {"TERM": "dumb"}, True, ("text", False)),
        ("auto", {"GITHUB_ACTIONS": "true"}, True, ("github", False)),
        ("text", {}, True, ("text", True)),
        ("text", {"GITHUB_ACTIONS": "true"}, False, ("text", False)),
        ("json", {}, True, ("json", False)),
        ("sarif", {"GITHUB_ACTIONS": "true"}, True, ("sarif", False)),
    ],
)
def test_resolve(fmt: str, env: dict[str, str], tty: bool, expected: tuple[str, bool]) -> None:
    assert resolve(fmt, env, tty) == expected


def test_color_enabled() -> None:
    assert color_enabled({}, True)
    assert not color_enabled({}, False)
    assert not color_enabled({"NO_COLOR": "0"}, True)


def test_summary(sample_batch, empty_batch, clean_batch) -> None:
    assert summary(sample_batch) == "3 errors, 2 warnings, 1 info in 3 of 4 files"
    assert summary(empty_batch) == "no files checked"
    assert summary(clean_batch) == "2 files checked, no problems"
    one = BatchReport(files=(FileReport(file="a.yaml"),))
    assert summary(one) == "1 file checked, no problems"
    warned = BatchReport(files=(*sample_batch.files[1:3],))
    assert summary(warned) == "1 warning in 1 of 2 files"
    assert summary(BatchReport(files=sample_batch.files[3:])) == "1 error in 1 of 1 file"


def test_ordered_sorts_by_line_column_code(sample_batch) -> None:
    keys = [(d.location.line, d.location.column, d.code) for d in ordered(sample_batch.files[0])]
    assert keys == [(1, 1, "S002"), (3, 5, "A002"), (3, 5, "S001"), (12, 3, "A005")]


def test_text_helpers() -> None:
    assert one_line("a\nb\r\tc\x1b[0m\x00\x7f\x9b\u202e é 💥") == "a\\nb\\r\\tc\\x1b[0m\\x00\\x7f\\x9b\\u202e é 💥"
    assert one_line("caf\udce9") == "caf\\xe9"
    assert encodable("caf\udce9\n") == "caf\\xe9\n"
    assert posix_path("./sub\\dir\\a.yaml") == "sub/dir/a.yaml"
    assert posix_path("././a.yaml") == "a.yaml"
    assert posix_path("../a.yaml") == "../a.yaml"
    assert is_absolute("/a") and is_absolute("C:\\a") and is_absolute("c:/a") and is_absolute("\\\\srv\\s")
    assert not is_absolute("a/b") and not is_absolute("C:a") and not is_absolute("sub\\a")


def test_render_options_default_to_plain_and_lenient() -> None:
    assert RenderOptions() == RenderOptions(color=False, strict=False)
    assert diagnostics.AUTO in FORMAT_CHOICES
