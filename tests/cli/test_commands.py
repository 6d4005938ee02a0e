"""The command line end to end: exit codes, batches with bad files, JSON shape, gates, outputs, crashes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from art36.cli.app import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

SYSTEM = """\
name: Test system
version: "1.0"
developer: Test
classification: RESTRICTED // TEST
checklists: [mini-checklist.yaml]
answers:
  t.weapon: true
  t.aim: true
  t.target: materiel
  t.abort: {value: true, rationale: Hold-fire switch at the console.}
  t.duration: 5
  t.ml: false
uses:
  - id: sea
    context: {t.env: open_sea}
  - id: town
    context: {t.env: populated}
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(FIXTURES / "mini-checklist.yaml", tmp_path / "mini-checklist.yaml")
    (tmp_path / "systems").mkdir()
    (tmp_path / "systems" / "good.yaml").write_text(SYSTEM.replace("mini-checklist.yaml", "../mini-checklist.yaml"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version_and_help(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("art36 ")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("score", "validate", "lint", "rules", "schema"):
        assert command in out


def test_usage_error_exits_2(capsys):
    code, _, err = run(capsys, "score", "--format", "xml", "x.yaml")
    assert code == 2
    assert "--format" in err


def test_score_json_shape_and_verdicts(work, capsys):
    code, out, _ = run(capsys, "score", "systems", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert (report["version"], report["tool"], report["command"]) == (1, "art36", "score")
    assert report["summary"]["files"] == 1 and report["summary"]["verdicts"]["approvable_with_conditions"] == 1
    [record] = report["files"]
    assert record["file"] == "systems/good.yaml" and record["valid"] is True and record["diagnostics"] == []
    row = record["review"]
    assert row["schema_version"] == 1 and row["tool"]["name"] == "art36"
    assert row["file"] == "systems/good.yaml"
    assert row["system"] == "Test system"
    assert row["classification"] == "RESTRICTED // TEST"
    assert [c["id"] for c in row["checklists"]] == ["mini"]
    assert len(row["checklists"][0]["sha256"]) == 64
    import hashlib

    assert row["system_sha256"] == hashlib.sha256((work / "systems" / "good.yaml").read_bytes()).hexdigest()
    uses = {u["id"]: u for u in row["uses"]}
    assert {k: u["verdict"] for k, u in uses.items()} == {"sea": "approvable", "town": "approvable_with_conditions"}
    assert row["verdict"] == "approvable_with_conditions" and row["deciding_use"] == "town"
    assert not {"sections", "criteria", "red_lines", "conditions"} & set(row)  # the deciding use is not repeated
    town = uses["town"]
    assert {"id", "score"} <= set(town["sections"][0])
    assert {"id", "status", "answer", "risk_level", "max_level"} <= set(town["criteria"][0])
    assert {c["criterion"] for c in town["conditions"]} == {"t.abort"}
    assert town["red_lines"] == []
    assert row["reviewer"] is None and row["created_at"] is None


def test_fail_on_gate(work, capsys):
    assert run(capsys, "score", "systems", "--fail-on", "not_approvable")[0] == 0
    code, _, err = run(capsys, "score", "systems", "--fail-on", "approvable_with_conditions")
    assert code == 1
    assert "--fail-on" in err


def test_bad_file_is_reported_and_the_batch_goes_on(work, capsys):
    (work / "systems" / "a-broken.yaml").write_text("name: x\nname: y\nclassification: U\n")
    (work / "systems" / "b-syntax.yaml").write_text("name: [x\n")
    code, out, err = run(capsys, "score", "systems", "--format", "json")
    assert code == 1
    rows = {r["file"]: r for r in json.loads(out)["files"]}
    assert list(rows) == ["systems/a-broken.yaml", "systems/b-syntax.yaml", "systems/good.yaml"]
    assert rows["systems/good.yaml"]["review"]["verdict"] == "approvable_with_conditions"
    assert rows["systems/a-broken.yaml"]["valid"] is False and rows["systems/a-broken.yaml"]["review"] is None
    assert {(d["code"], d["line"]) for d in rows["systems/a-broken.yaml"]["diagnostics"]} >= {("Y002", 2)}
    assert "systems/a-broken.yaml:2:1: error: key 'name' appears again" in err
    assert "systems/b-syntax.yaml:2:1: error: invalid YAML" in err
    assert "Traceback" not in err


def test_missing_path_is_an_io_error_but_the_rest_runs(work, capsys):
    code, out, err = run(capsys, "score", "nope.yaml", "systems", "--format", "json")
    assert code == 2
    assert "nope.yaml:1:1: error: no such file or directory" in err
    files = json.loads(out)["files"]  # every input has a record, as in `validate --format json`
    assert [(r["file"], r["valid"], r["review"] is not None) for r in files] == [
        ("nope.yaml", False, False),
        ("systems/good.yaml", True, True),
    ]


def test_table_output_escapes_markup_and_shows_classification(work, capsys):
    text = SYSTEM.replace("name: Test system", "name: '[bold red]Evil[/] system'")
    (work / "systems" / "good.yaml").write_text(text.replace("mini-checklist.yaml", "../mini-checklist.yaml"))
    code, out, _ = run(capsys, "score", "systems")
    assert code == 0
    assert "[bold red]Evil[/] system" in out
    assert "RESTRICTED // TEST" in out
    assert "approvable_with_conditions" in out


def test_output_is_written_atomically_and_never_over_an_input(work, capsys):
    target = work / "report.json"
    code, out, _ = run(capsys, "score", "systems", "--format", "json", "--output", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["files"][0]["review"]["system"] == "Test system"
    assert [p.name for p in work.iterdir() if p.name.startswith(".report")] == []
    before = (work / "systems" / "good.yaml").read_text()
    code, _, err = run(capsys, "score", "systems", "--output", "systems/good.yaml")
    assert code == 2 and "refusing to overwrite input" in err
    assert (work / "systems" / "good.yaml").read_text() == before


def test_checklist_option_overrides_the_files_own(work, capsys):
    code, out, err = run(capsys, "score", "systems", "--checklist", "no-such-checklist", "--format", "json")
    assert code == 1
    assert "checklist 'no-such-checklist' cannot be used" in err
    code, out, _ = run(capsys, "score", "systems", "--checklist", "mini-checklist.yaml", "--format", "json")
    assert code == 0 and json.loads(out)["files"][0]["review"]["checklists"][0]["id"] == "mini"


def test_evidence_files_are_hashed(work, capsys):
    (work / "systems" / "trial.txt").write_text("trial report\n")
    text = SYSTEM.replace(
        "{value: true, rationale: Hold-fire switch at the console.}",
        "{value: true, rationale: Hold-fire., evidence: [{document: TR-12, path: trial.txt}]}",
    ).replace("mini-checklist.yaml", "../mini-checklist.yaml")
    (work / "systems" / "good.yaml").write_text(text)
    code, out, _ = run(capsys, "score", "systems", "--format", "json")
    assert code == 0
    import hashlib

    [record] = json.loads(out)["files"][0]["review"]["evidence"]
    assert record == {
        "criterion": "t.abort",
        "path": "trial.txt",
        "sha256": hashlib.sha256(b"trial report\n").hexdigest(),
    }


def test_validate_reports_semantic_problems_with_locations(work, capsys):
    text = (
        SYSTEM.replace("  t.target: materiel\n", "  t.target: rockets\n  t.targt: materiel\n")
        .replace("  t.abort: {value: true, rationale: Hold-fire switch at the console.}\n", "  t.abort: true\n")
        .replace("mini-checklist.yaml", "../mini-checklist.yaml")
    )
    (work / "systems" / "good.yaml").write_text(text)
    code, out, err = run(capsys, "validate", "systems", "--format", "json")
    assert code == 1
    diags = {d["code"]: d for f in json.loads(out)["files"] for d in f["diagnostics"]}
    assert diags["A003"]["line"] == 9 and "rockets" in diags["A003"]["message"]
    assert diags["A002"]["line"] == 10 and "did you mean 't.target'" in diags["A002"]["hint"]
    assert diags["A005"]["severity"] == "warning"
    assert "error" in err


def test_validate_select_ignore_and_strict(work, capsys):
    text = SYSTEM.replace(
        "  t.abort: {value: true, rationale: Hold-fire switch at the console.}\n", "  t.abort: true\n"
    ).replace("mini-checklist.yaml", "../mini-checklist.yaml")
    (work / "systems" / "good.yaml").write_text(text)
    assert run(capsys, "validate", "systems", "--format", "text")[0] == 0  # a warning only
    assert run(capsys, "validate", "systems", "--format", "text", "--strict")[0] == 1
    assert run(capsys, "validate", "systems", "--format", "text", "--strict", "--ignore", "A005")[0] == 0
    code, out, _ = run(capsys, "validate", "systems", "--format", "text", "--select", "S")
    assert code == 0 and "A005" not in out


def test_validate_reads_stdin(work, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("name: x\nnmae: y\nclassification: U\n"))
    code, out, _ = run(capsys, "validate", "-", "--format", "text")
    assert code == 1
    assert "<stdin>:2:1: error: unknown key 'nmae'" in out


def test_internal_error_never_prints_document_content(work, capsys, monkeypatch):
    secret = "TOP-SECRET-PAYLOAD"

    def explode(*args, **kwargs):
        raise ValueError(f"boom {secret}")

    monkeypatch.setattr("art36.pipeline.run", explode)
    code, out, err = run(capsys, "score", "systems")
    assert code == 3
    assert "internal error (ValueError" in err
    assert secret not in err and secret not in out
    assert "Traceback" not in err


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "Y002" in out and "duplicate-key" in out
    code, out, _ = run(capsys, "lint", "--explain", "duplicate-key")
    assert code == 0 and "Bad:" in out and "Good:" in out
    assert run(capsys, "lint", "--explain", "Z999")[0] == 2


def test_schema_commands_match_the_shipped_schema_files(capsys):
    root = Path(__file__).resolve().parents[2]
    from art36.schemas import NAMES

    assert set(NAMES) == {"system", "checklist", "review", "score"}
    for which in NAMES:
        code, out, _ = run(capsys, "schema", which)
        assert code == 0
        assert json.loads(out) == json.loads((root / "schemas" / f"{which}.schema.json").read_text()), (
            f"schemas/{which}.schema.json is stale: run `make schemas`"
        )


def test_unwritable_output_is_an_io_error(work, capsys):
    code, _, err = run(capsys, "score", "systems", "--output", "no-such-dir/report.txt")
    assert code == 2 and "cannot write no-such-dir/report.txt" in err


def test_table_lists_conditions_per_use(work, capsys):
    code, out, _ = run(capsys, "score", "systems")
    assert code == 0
    assert "condition [town] t.abort" in " ".join(out.split())
    assert "[sea]" not in out.split("condition", 1)[1]  # the sea use has no conditions


def test_every_validate_format_carries_the_classification(work, capsys):
    import xml.etree.ElementTree as ET

    code, out, _ = run(capsys, "validate", "systems", "--format", "json")
    assert json.loads(out)["files"][0]["classification"] == "RESTRICTED // TEST"
    code, out, _ = run(capsys, "validate", "systems", "--format", "sarif")
    [artifact] = json.loads(out)["runs"][0]["artifacts"]
    assert artifact["properties"]["classification"] == "RESTRICTED // TEST"
    code, out, _ = run(capsys, "validate", "systems", "--format", "junit")
    props = [p.get("value") for p in ET.fromstring(out).iter("property") if p.get("name") == "art36.classification"]
    assert props == ["systems/good.yaml: RESTRICTED // TEST"]


@pytest.mark.parametrize("command", ["lint", "validate"])
@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_rule_code_is_a_usage_error_not_a_clean_run(work, capsys, command, option):
    target = "mini-checklist.yaml" if command == "lint" else "systems"
    code, out, err = run(capsys, command, target, option, "X999", option, "L0")
    assert code == 2 and out == ""
    assert "'X999'" in err and "'L0'" not in err and "F (reading the file)" in err and "L (checklists)" in err
    long = "Q" * 300
    code, _, err = run(capsys, command, target, option, long)
    assert code == 2 and long not in err and "(300 characters)" in err
    assert run(capsys, command, target, option, "l0", "--format", "text")[0] in (0, 1)  # a known prefix, any case
