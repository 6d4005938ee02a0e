"""The SARIF format validates against the OASIS 2.1.0 schema and points every result at its rule and file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from diag_cases import SCHEMAS, loc

from art36 import __version__, rules
from art36.checks import files, schema
from art36.models.batch_report import BatchReport
from art36.models.diagnostic import FileReport
from art36.render.diagnostics import render
from art36.render.diagnostics.sarif import artifact_location

jsonschema = pytest.importorskip("jsonschema")

# RFC 3986 URI-reference characters, with every "%" starting an escape (the schema's "format" is not checked).
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


@pytest.fixture(scope="module")
def validator(schemas: Path):
    schema = json.loads((schemas / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def sarif(validator, batch: BatchReport) -> dict[str, Any]:
    log = json.loads(render(batch, "sarif"))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    return log


def uris(log: dict[str, Any]) -> list[str]:
    run = log["runs"][0]
    found = [a["location"]["uri"] for a in run["artifacts"]]
    found += [loc["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"] for loc in r["locations"]]
    return found


def test_log_run_and_driver(sample_batch, validator) -> None:
    log = sarif(validator, sample_batch)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("art36", __version__)
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["automationDetails"] == {"id": "art36/validate/"}
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    assert {r.code for r in rules.all_rules()} <= set(ids)
    s001 = driver["rules"][ids.index("S001")]
    assert s001["name"] == "unknown-key"
    assert s001["shortDescription"]["text"] == schema.SCHEMA_UNKNOWN_KEY.summary
    assert s001["defaultConfiguration"] == {"level": "error"}
    assert "nmae: Goalkeeper" in s001["help"]["text"] and "```yaml\nname: Goalkeeper\n```" in s001["help"]["markdown"]
    assert driver["rules"][ids.index("A004")]["defaultConfiguration"] == {"level": "warning"}
    assert "helpUri" not in s001


def test_results(sample_batch, validator) -> None:
    run = sarif(validator, sample_batch)["runs"][0]
    rules_by_index = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("S002", "error"),
        ("A002", "note"),
        ("S001", "error"),
        ("A005", "warning"),
        ("A004", "warning"),
        ("F001", "error"),
    ]
    for r in results:
        assert rules_by_index[r["ruleIndex"]]["id"] == r["ruleId"]
    s001 = results[2]
    assert s001["message"]["text"] == "unknown key 'x'\nhint: did you mean 'id'?"
    (location,) = s001["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "systems/a.yaml"
    assert location["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert location["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}
    assert location["logicalLocations"] == [{"fullyQualifiedName": "uses[0].x"}]
    assert "logicalLocations" not in results[0]["locations"][0]  # no YAML path, no logical location
    artifacts = [a["location"]["uri"] for a in run["artifacts"]]
    assert artifacts == ["systems/a.yaml", "systems/b.yaml", "systems/c.yaml", "systems/missing.yaml"]
    for r in results:
        art = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert run["artifacts"][art["index"]]["location"]["uri"] == art["uri"]


def test_empty_and_clean(empty_batch, clean_batch, validator) -> None:
    run = sarif(validator, empty_batch)["runs"][0]
    assert run["results"] == [] and run["artifacts"] == []
    assert run["tool"]["driver"]["rules"]  # the rules are described even when nothing was found
    run = sarif(validator, clean_batch)["runs"][0]
    assert run["results"] == []
    assert run["automationDetails"] == {"id": "art36/lint/"}
    assert len(run["artifacts"]) == 2


def test_hostile_batch(hostile_batch, validator) -> None:
    log = sarif(validator, hostile_batch)
    for uri in uris(log):
        assert URI_REFERENCE.match(uri), uri
    run = log["runs"][0]
    artifacts = [a["location"] for a in run["artifacts"]]
    assert artifacts[:7] == [
        {"uri": "dir%20with%20space/na%C3%AFve%20%C3%BCn%C3%AF.yaml", "uriBaseId": "%SRCROOT%"},
        {"uri": "file:///C:/Reviews/sys%2C1%3Aa.yaml"},
        {"uri": "sub/win.yaml", "uriBaseId": "%SRCROOT%"},
        {"uri": "file:///abs/p.yaml"},
        {"uri": "file://server/share/r.yaml"},
        {"uri": "weird%FF%5Bbold%5D.yaml", "uriBaseId": "%SRCROOT%"},  # the undecodable byte itself
        {"uri": "dotted/%2541.yaml", "uriBaseId": "%SRCROOT%"},
    ]
    messages = {r["message"]["text"] for r in run["results"]}
    assert any(m.startswith("<script>alert('x')</script> & ]]> &amp;") for m in messages)
    assert any(m.startswith("NUL\x00 ESC\x1b[31mred") for m in messages)  # JSON escapes these; kept exact
    unknown = run["results"][-1]
    assert unknown["ruleId"] == "Q999"
    assert run["tool"]["driver"]["rules"][unknown["ruleIndex"]]["id"] == "Q999"
    assert unknown["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 1}
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("a.yaml", {"uri": "a.yaml", "uriBaseId": "%SRCROOT%"}),
        ("./a/b.yaml", {"uri": "a/b.yaml", "uriBaseId": "%SRCROOT%"}),
        ("../up/b.yaml", {"uri": "../up/b.yaml", "uriBaseId": "%SRCROOT%"}),
        ("a:b.yaml", {"uri": "a%3Ab.yaml", "uriBaseId": "%SRCROOT%"}),  # never mistaken for a scheme
        ("d\\e f#?.yaml", {"uri": "d/e%20f%23%3F.yaml", "uriBaseId": "%SRCROOT%"}),
        ("c:/x/y.yaml", {"uri": "file:///c:/x/y.yaml"}),
        ("\\rooted\\x.yaml", {"uri": "file:///rooted/x.yaml"}),
        ("C:\\a b\\ü,1.yaml", {"uri": "file:///C:/a%20b/%C3%BC%2C1.yaml"}),
        ("/tmp/é.yaml", {"uri": "file:///tmp/%C3%A9.yaml"}),
    ],
)
def test_artifact_location(path: str, expected: dict[str, str]) -> None:
    assert artifact_location(path) == expected


def test_the_driver_lists_every_registered_rule(sample_batch, validator) -> None:
    ids = [r["id"] for r in sarif(validator, sample_batch)["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == [r.code for r in rules.all_rules()]


def test_schemas_are_looked_for_next_to_the_project_root() -> None:
    project_root = SCHEMAS.parents[2]  # SCHEMAS is <project root>/../shared/schemas
    assert (project_root / "pyproject.toml").is_file()


def test_multiple_reports_for_one_file_share_an_artifact(validator) -> None:
    d = files.YAML_SYNTAX.at(loc("a.yaml"), "bad")
    batch = BatchReport(files=(FileReport(file="a.yaml", diagnostics=(d,)), FileReport(file="a.yaml")))
    run = sarif(validator, batch)["runs"][0]
    assert len(run["artifacts"]) == 1
