"""The JSON format parses back to the documented report (version 1), for ordinary, empty and hostile batches."""

from __future__ import annotations

import json

from diag_cases import HOSTILE_MESSAGES

from art36.render.diagnostics import render

DIAGNOSTIC_KEYS = ["code", "name", "severity", "message", "hint", "file", "line", "column", "yaml_path"]


def test_report_shape(sample_batch) -> None:
    report = json.loads(render(sample_batch, "json"))
    assert list(report) == ["version", "tool", "command", "summary", "files"]
    assert report["version"] == 1
    assert report["tool"] == "art36"
    assert report["command"] == "validate"
    assert report["summary"] == {"files": 4, "errors": 3, "warnings": 2}
    assert [(f["file"], f["kind"], f["valid"]) for f in report["files"]] == [
        ("systems/a.yaml", "system", False),
        ("systems/b.yaml", "system", True),
        ("systems/c.yaml", "system", True),  # warnings do not make a file invalid
        ("systems/missing.yaml", "system", False),
    ]
    first = report["files"][0]["diagnostics"]
    assert [d["code"] for d in first] == ["S002", "A002", "S001", "A005"]
    assert all(list(d) == DIAGNOSTIC_KEYS for f in report["files"] for d in f["diagnostics"])
    assert first[2] == {
        "code": "S001",
        "name": "unknown-key",
        "severity": "error",
        "message": "unknown key 'x'",
        "hint": "did you mean 'id'?",
        "file": "systems/a.yaml",
        "line": 3,
        "column": 5,
        "yaml_path": "uses[0].x",
    }
    assert first[1]["severity"] == "info"


def test_empty_and_clean(empty_batch, clean_batch) -> None:
    assert json.loads(render(empty_batch, "json")) == {
        "version": 1,
        "tool": "art36",
        "command": "validate",
        "summary": {"files": 0, "errors": 0, "warnings": 0},
        "files": [],
    }
    report = json.loads(render(clean_batch, "json"))
    assert report["command"] == "lint"
    assert report["files"][0] == {
        "file": "checklists/mhc.yaml",
        "kind": "checklist",
        "valid": True,
        "classification": None,
        "diagnostics": [],
    }


def test_hostile_text_round_trips(hostile_batch) -> None:
    out = render(hostile_batch, "json")
    assert out.endswith("}\n")
    assert "naïve ünï" in out  # UTF-8, not \\u-escaped
    out.encode("utf-8")
    report = json.loads(out)
    messages = {d["message"] for f in report["files"] for d in f["diagnostics"]}
    assert set(HOSTILE_MESSAGES) <= messages  # control characters and markup kept exactly (JSON escapes them)
    files = [f["file"] for f in report["files"]]
    assert "C:\\Reviews\\sys,1:a.yaml" in files
    assert "weird\\xff[bold].yaml" in files  # an undecodable file-name byte, written so it can be encoded
    zero = report["files"][-1]["diagnostics"][0]
    assert (zero["code"], zero["line"], zero["column"]) == ("Q999", 0, 0)
