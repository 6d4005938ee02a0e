"""The classification marking is recovered whenever it is readable, and carried in every output format."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from art36.cli.app import main
from art36.marking import MAX_MARKING, recover

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MARK = "SECRET // REL TEST"

BROKEN = {
    # fails schema validation: unknown key, missing uses
    "schema.yaml": f"name: X\nclassification: {MARK}\nchecklists: [mini-checklist.yaml]\nbogus: 1\n",
    # not even valid YAML further down
    "syntax.yaml": f"name: X\nclassification: '{MARK}'\nanswers: [unclosed\n",
    # an unknown tag stops the parser
    "tag.yaml": f"classification: {MARK}\nname: !weird X\n",
}


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(FIXTURES / "mini-checklist.yaml", tmp_path / "mini-checklist.yaml")
    for name, text in BROKEN.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_recover_from_data_or_text():
    assert recover({"classification": "CONFIDENTIAL"}) == "CONFIDENTIAL"
    assert recover(None, "a: [\nclassification: 'NATO SECRET'\n") == "NATO SECRET"
    assert recover(None, "classification: [not, a, marking]\n") == ""
    assert recover(None, "  classification: nested\n") == ""  # only a top-level key is the marking
    long = recover({"classification": "S" * 1000})
    assert long.startswith("S" * MAX_MARKING) and "cut" in long


def run(capsys, *argv: str) -> str:
    main(list(argv))
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize("name", sorted(BROKEN))
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_text_formats_carry_the_marking_of_a_broken_file(broken, capsys, name, fmt):
    out = run(capsys, "validate", name, "-f", fmt)
    assert MARK in out


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_structured_formats_carry_the_marking_of_a_broken_file(broken, capsys, name):
    report = json.loads(run_out(capsys, "validate", name, "-f", "json"))
    assert report["files"][0]["classification"] == MARK
    sarif = json.loads(run_out(capsys, "validate", name, "-f", "sarif"))
    assert MARK in json.dumps(sarif["runs"][0]["artifacts"])
    junit = ET.fromstring(run_out(capsys, "validate", name, "-f", "junit"))
    assert any(MARK in (p.get("value") or "") for p in junit.iter("property"))
    [row] = json.loads(run_out(capsys, "score", name, "-f", "json"))["files"]
    assert row["classification"] == MARK
    table = run_out(capsys, "score", name)
    assert MARK.replace(" ", "") in re.sub(r"[│\s]", "", table)  # the table may wrap the cell


def run_out(capsys, *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


def test_text_format_lists_every_marking_of_the_batch(broken, capsys):
    (broken / "schema2.yaml").write_text(BROKEN["schema.yaml"].replace(MARK, "UNCLASSIFIED"))
    out = run(capsys, "validate", "schema.yaml", "schema2.yaml", "syntax.yaml", "-f", "text")
    assert f"schema.yaml: classification: {MARK}" in out
    assert f"classification: {MARK} (2 files), UNCLASSIFIED (1 file)" in out
