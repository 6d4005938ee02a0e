"""Reading stays safe and bounded: folders, evidence, duplicate keys, values, numbers and the pure-Python parser."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hostile_run import HEAD, art36, goalkeeper

from art36 import discover, evidence, load, pipeline, yamlsrc
from art36.models.checklist import Checklist
from art36.models.system import SystemDescription

# --- folders ----------------------------------------------------------------------------------------


def test_an_unreadable_subfolder_is_reported_through_the_scandir_seam(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Works as root too (root reads a chmod 000 folder): the listing itself is made to fail."""
    for name in ("a.yaml", "secret/b.yaml", "open/c.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    real = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(path) == "secret":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(discover, "_scandir", scandir)
    monkeypatch.chdir(tmp_path)
    names, problems = discover.expand(["."])
    assert names == ["a.yaml", "open/c.yaml"]
    assert [(d.code, d.location.file) for d in problems] == [("F001", "secret")]
    assert "cannot list the folder: Permission denied" in problems[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode; the seam test covers root")
def test_an_unreadable_subfolder_fails_the_run_for_real(tmp_path: Path) -> None:
    goalkeeper(tmp_path / "batch")
    (tmp_path / "batch" / "locked").mkdir()
    (tmp_path / "batch" / "locked" / "x.yaml").write_text("x: 1\n")
    (tmp_path / "batch" / "locked").chmod(0)
    try:
        run = art36(["validate", "batch"], tmp_path)
    finally:
        (tmp_path / "batch" / "locked").chmod(0o755)
    assert run.code == 2
    assert "batch/locked:1:1: error: cannot list the folder: Permission denied" in run.text


# --- evidence -----------------------------------------------------------------------------------------


def _system_citing(folder: Path, paths: list[str]) -> Path:
    system = goalkeeper(folder)
    text = system.read_text()
    for path in paths:
        text = text.replace("path: evidence/goalkeeper-trials-summary.txt}", f"path: {path}}}", 1)
    system.write_text(text)
    return system


def test_each_evidence_file_is_hashed_once_however_often_cited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = goalkeeper(tmp_path)
    assert system.read_text().count("path: evidence/goalkeeper-trials-summary.txt") >= 5
    opened: list[str] = []
    real = evidence._sha256

    def counting(path: str, max_bytes: int) -> str | None:
        opened.append(path)
        return real(path, max_bytes)

    monkeypatch.setattr(evidence, "_sha256", counting)
    outcome = pipeline.run(pipeline.Job(display="goalkeeper.yaml", path=str(system)))
    assert outcome.result is not None
    assert len(opened) == 1
    records = outcome.result.evidence
    assert len(records) >= 5 and len({r.sha256 for r in records}) == 1 and records[0].sha256


def test_evidence_is_hashed_in_chunks_with_a_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: 64 MiB of zeros without using the disk
    import hashlib
    import tracemalloc

    tracemalloc.start()
    digest = evidence._sha256(str(big), 1024**3)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert digest == hashlib.sha256(b"\0" * (64 * 1024 * 1024)).hexdigest()
    assert peak < 4 * evidence.CHUNK  # streamed, never the whole file
    files = evidence.EvidenceFiles(str(tmp_path), evidence.Policy(max_bytes=1024))
    problem = files.check("big.bin")
    assert isinstance(problem, evidence.Problem) and problem.kind == "unusable"
    assert "67,108,864 bytes, more than the 1,024 bytes" in problem.message


def test_evidence_outside_the_folder_is_refused_unless_allowed(tmp_path: Path) -> None:
    inner = tmp_path / "review"
    _system_citing(inner, ["../../etc/passwd", "/etc/shadow"])
    os.symlink("/etc/hostname", inner / "evidence" / "link.txt")
    text = (inner / "goalkeeper.yaml").read_text()
    (inner / "goalkeeper.yaml").write_text(
        text.replace("path: evidence/goalkeeper-trials-summary.txt}", "path: evidence/link.txt}", 1)
    )
    run = art36(["validate", "goalkeeper.yaml"], inner)
    assert run.code == 1
    for cited in ("../../etc/passwd", "/etc/shadow", "evidence/link.txt"):
        assert f"error: evidence file '{cited}' is outside the system file's folder; it is not read" in run.text
    assert "goalkeeper.yaml:24:" in run.text and "[A013 evidence-outside-folder]" in run.text
    allowed = art36(["validate", "--allow-evidence-outside", "goalkeeper.yaml"], inner)
    assert "A013" not in allowed.text
    rooted = art36(["validate", "--evidence-root", str(tmp_path.parent), "goalkeeper.yaml"], inner)
    assert "'evidence/link.txt' is outside --evidence-root" in rooted.text
    assert "'../../etc/passwd' is outside" not in rooted.text or str(tmp_path.parent) == "/"


def test_score_refuses_outside_evidence_too_and_never_hashes_it(tmp_path: Path) -> None:
    system = _system_citing(tmp_path / "r", ["/etc/passwd"])
    outcome = pipeline.run(pipeline.Job(display="g.yaml", path=str(system)))
    assert outcome.result is None
    assert any(d.code == "A013" for d in outcome.report.diagnostics)


# --- YAML: duplicate keys on built keys, values, limits ----------------------------------------------


def test_duplicate_keys_compare_built_keys() -> None:
    doc = yamlsrc.parse("{true: 1, True: 2}")
    assert [(d.key, d.mark.column, d.first.column) for d in doc.duplicates] == [("True", 11, 2)]
    assert yamlsrc.parse("{0x1: a, 1: b}").duplicates  # one integer written twice
    assert yamlsrc.parse("a: 1\n'a': 2\n").duplicates  # quoting does not change a text key
    # Decision: 1 and '1' are different keys in YAML and in the data (an int and a str), so not duplicates;
    # where the format wants text keys, the int key is a schema error instead.
    assert yamlsrc.parse("{1: a, '1': b}").duplicates == []
    loaded = load.load(HEAD + "answers: {1: a, '1': b}\n", "k.yaml", SystemDescription)
    assert [d.code for d in loaded.diagnostics] == ["S003"]
    assert loaded.diagnostics[0].location.line == 5


def test_merge_keys_are_not_duplicates_but_repeated_keys_beside_them_are() -> None:
    assert yamlsrc.parse("base: &b {x: 1}\nitem: {<<: *b, x: 2}\n").duplicates == []
    assert len(yamlsrc.parse("item: {<<: {x: 1}, y: 2, y: 3}\n").duplicates) == 1


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
def test_the_pure_python_parser_keeps_the_same_limits(pure: bool) -> None:
    deep = yamlsrc.parse("x: " + "[" * 3000 + "]" * 3000, pure=pure)
    assert deep.syntax is not None and deep.syntax.kind == "limit"
    # The root mapping is level 1, so the 100th bracket (column 3 + 100) opens level 101.
    assert (deep.syntax.mark.line, deep.syntax.mark.column) == (1, 103) or not pure
    assert yamlsrc.parse("x: " + "[" * 99 + "]" * 99, pure=pure).syntax is None
    ctrl = yamlsrc.parse("a: 1\nb: x\x07y\n", pure=pure).syntax
    assert ctrl is not None and (ctrl.mark.line, ctrl.mark.column) == (2, 5)
    bomb = yamlsrc.parse(
        "a: &a [x, x]\n" + "".join(f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}] \n" for i in range(3))
    )
    assert bomb.syntax is None  # small expansions are fine
    dag = "l0: &l0 [x, x]\n" + "".join(f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]\n" for i in range(1, 40))
    refused = yamlsrc.parse(dag, pure=pure).syntax
    assert refused is not None and refused.kind == "limit" and refused.mark.line < 40


def test_the_fallback_parser_runs_the_cli_without_libyaml(tmp_path: Path) -> None:
    system = goalkeeper(tmp_path)
    run = art36(["score", system.name], tmp_path, pure=True)
    assert run.code == 0, run.text
    assert "approvable" in run.out


def test_non_finite_checklist_numbers_are_refused() -> None:
    text = (Path(__file__).resolve().parents[1] / "fixtures" / "mini-checklist.yaml").read_text()
    assert load.load(text, "c.yaml", Checklist).model is not None
    for bad, where in (("weight: .inf", "weight"), ("max: .nan", "max"), ("below_requirement_factor: .nan", "f")):
        changed = _inject(text, bad)
        loaded = load.load(changed, "c.yaml", Checklist)
        assert loaded.model is None, bad
        assert any("finite" in d.message for d in loaded.diagnostics), (bad, where, loaded.diagnostics)


def _inject(text: str, line: str) -> str:
    key = line.split(":", 1)[0]
    if key == "weight":
        return text.replace(
            "        legal_status: recommendation\n", f"        legal_status: recommendation\n        {line}\n", 1
        )
    if key == "max":
        return text.replace("max: 100, label: Good", "max: .nan, label: Good", 1)
    return text.replace("below_requirement_factor: 0.5", line, 1)


# --- one bad file never sinks the batch -----------------------------------------------------------------


def test_a_thousand_good_files_and_one_bad_still_give_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    goalkeeper(folder)
    text = (folder / "goalkeeper.yaml").read_text()
    for i in range(1, 1001):
        (folder / f"goalkeeper-{i:04d}.yaml").write_text(text)
    (folder / "zz-bad.yaml").write_text(text.replace("version:", "issued: !!int abc\nversion:", 1))
    report = tmp_path / "out.sarif"
    run = art36(["validate", "-f", "sarif", "-o", str(report), "batch"], tmp_path, timeout=300)
    assert "Traceback" not in run.text
    assert run.code == 1, run.text[-2000:]
    sarif = json.loads(report.read_text())
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["Y006"], results[:3]
    assert "zz-bad.yaml" in json.dumps(results[0]["locations"])
    assert "1 error in 1 of 1002 files" in run.err, run.err[-500:]


def test_invalid_utf8_on_stdin_is_a_located_diagnostic(tmp_path: Path) -> None:
    run = art36(["validate", "-"], tmp_path, stdin=HEAD.encode() + b"developer: \xff\xfe\n")
    assert run.code == 1, run.text
    assert "<stdin>:5:12: error: found byte 0xff, which is not UTF-8 [F002" in run.text
    run = art36(["score", "-f", "json", "-"], tmp_path, stdin=b"\xc3")
    assert "<stdin>:1:1: error: found byte 0xc3" in run.text and "Traceback" not in run.text


def test_a_document_past_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    from art36 import fileio, limits

    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(limits.MAX_DOCUMENT_BYTES + 1)  # sparse: no disk used
    text, problem = fileio.read_text(str(big), "big.yaml")
    assert text is None and problem is not None and problem.code == "F001"
    assert "more than 16,777,216 bytes" in problem.message
