"""The JUnit format validates against the Ant/JUnitReport schema, parses back and counts correctly."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from diag_cases import HOSTILE_MESSAGES, loc

from art36 import __version__
from art36.checks import files
from art36.models.batch_report import BatchReport
from art36.models.diagnostic import FileReport
from art36.render.diagnostics import RenderOptions, render
from art36.render.diagnostics.junit import JUnitFormat, xml_text

xmlschema = pytest.importorskip("xmlschema")


@pytest.fixture
def junit_schema(schemas: Path):
    return xmlschema.XMLSchema(str(schemas / "junit.xsd"))


def check(schema, out: str) -> ET.Element:
    """Valid against the schema and well-formed: the parsed suite."""
    schema.validate(out)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in suite.iter("testcase")}


def test_suite_and_counts(sample_batch, junit_schema) -> None:
    suite = check(junit_schema, render(sample_batch, "junit"))
    assert suite.tag == "testsuite"
    assert suite.get("name") == "art36 validate"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == (
        "4",
        "1",
        "1",
        "0",
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", suite.get("timestamp", ""))
    assert suite.get("hostname")
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props == {"art36.version": __version__, "art36.command": "validate", "art36.strict": "false"}

    by_name = cases(suite)
    assert list(by_name) == ["systems/a.yaml", "systems/b.yaml", "systems/c.yaml", "systems/missing.yaml"]
    assert {case.get("classname") for case in by_name.values()} == {"art36.validate"}

    failure = by_name["systems/a.yaml"].find("failure")
    assert failure is not None
    assert failure.get("type") == "S002 S001"
    assert failure.get("message") == "S002 missing-key: missing key 'classification' (and 1 more)"
    assert failure.text == (
        "systems/a.yaml:1:1: error: missing key 'classification' [S002 missing-key]\n"
        "systems/a.yaml:3:5: error: unknown key 'x' [S001 unknown-key]\n"
        "    hint: did you mean 'id'?\n"
    )
    assert len(by_name["systems/b.yaml"]) == 0  # passed
    assert len(by_name["systems/c.yaml"]) == 0  # warnings only: passed
    error = by_name["systems/missing.yaml"].find("error")  # could not be read at all: a JUnit error
    assert error is not None and error.get("type") == "F001"

    system_out = suite.find("system-out")
    assert system_out is not None
    assert system_out.text == (
        "systems/a.yaml:3:5: info: no criterion 'mhc.x' [A002 unknown-criterion]\n"
        "systems/a.yaml:12:3: warning: no rationale given [A005 rationale-missing]\n"
        "systems/c.yaml:2:1: warning: no answer for 'mhc.a' [A004 required-answer-missing]\n"
    )
    # The schema's element order: properties, test cases, system-out, system-err.
    tags = [child.tag for child in suite]
    assert tags == ["properties", *["testcase"] * 4, "system-out", "system-err"]


def test_strict_fails_warnings_too(sample_batch, junit_schema) -> None:
    suite = check(junit_schema, render(sample_batch, "junit", strict=True))
    assert (suite.get("failures"), suite.get("errors")) == ("2", "1")
    by_name = cases(suite)
    failure = by_name["systems/c.yaml"].find("failure")
    assert failure is not None and failure.get("type") == "A004"
    a = by_name["systems/a.yaml"].find("failure")
    assert a is not None and a.get("type") == "S002 S001 A005"
    system_out = suite.find("system-out")
    assert system_out is not None
    assert system_out.text == "systems/a.yaml:3:5: info: no criterion 'mhc.x' [A002 unknown-criterion]\n"
    assert {p.get("name"): p.get("value") for p in suite.iter("property")}["art36.strict"] == "true"


def test_empty_and_clean(empty_batch, clean_batch, junit_schema) -> None:
    suite = check(junit_schema, render(empty_batch, "junit"))
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("0", "0", "0")
    assert not cases(suite)
    suite = check(junit_schema, render(clean_batch, "junit"))
    assert suite.get("name") == "art36 lint"
    assert {c.get("classname") for c in suite.iter("testcase")} == {"art36.lint"}
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "0", "0")


def test_hostile_batch_is_valid_and_round_trips(hostile_batch, junit_schema) -> None:
    out = render(hostile_batch, "junit", strict=True)
    assert "<script>" not in out
    assert "]]>" not in out
    suite = check(junit_schema, out)
    names = list(cases(suite))
    assert "C:\\Reviews\\sys,1:a.yaml" in names
    assert "weird\\xff[bold].yaml" in names
    text = "".join(el.text or "" for el in suite.iter() if el.tag in ("failure", "error", "system-out"))
    for literal in ("<script>alert('x')</script> & ]]> &amp;", "[bold]x[/bold]", "naïve", "NUL\\x00 ESC\\x1b[31m"):
        assert literal in text


@pytest.mark.parametrize("message", HOSTILE_MESSAGES)
def test_each_hostile_message_in_attributes(message: str, junit_schema) -> None:
    batch = BatchReport(
        files=(FileReport(file=message, diagnostics=(files.YAML_SYNTAX.at(loc(message), message, message),)),)
    )
    suite = check(junit_schema, render(batch, "junit"))
    failure = suite.find("testcase/failure")
    assert failure is not None
    assert failure.get("message") == f"Y001 yaml-syntax: {xml_text(message)}"


def test_timestamp_and_hostname_are_injectable(sample_batch, junit_schema) -> None:
    fmt = JUnitFormat(timestamp=datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=UTC), hostname="ci-runner-1")
    suite = check(junit_schema, fmt.render(sample_batch, RenderOptions()))
    assert suite.get("timestamp") == "2026-01-02T03:04:05"
    assert suite.get("hostname") == "ci-runner-1"


def test_xml_text_replaces_only_what_xml_cannot_hold() -> None:
    assert xml_text("a\tb\nc\r<&>]]> é 💥") == "a\tb\nc\r<&>]]> é 💥"
    assert xml_text("\x00\x1b\x0b\ufffe") == "\\x00\\x1b\\x0b\\ufffe"
    assert xml_text("caf\udce9") == "caf\\xe9"
