"""The installed `art36 review` in a real pseudo-terminal: Ctrl-C and resume, SIGKILL between and during answers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest
from review_helpers import MINI, load_system

ART36 = str(Path(sys.executable).with_name("art36"))
SYSTEM = f"name: Pty test\nclassification: RESTRICTED\nchecklists: [{MINI}]\nuses:\n  - id: sea\n  - id: town\n"


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "80", "LINES": "24"}
    child = pexpect.spawn(ART36, ["review", *args], cwd=str(cwd), env=env, encoding="utf-8", dimensions=(24, 80))
    child.timeout = 30
    return child


def answer(child: pexpect.spawn, choice: str, rationale: str | None = "") -> None:
    """Answer the question on screen; wait until the answer is acknowledged as saved."""
    child.expect_exact("Answer")
    child.expect_exact(">")
    child.sendline(choice)
    if rationale is not None:
        child.expect_exact("Rationale")
        child.expect_exact(">")
        child.sendline(rationale)
    child.expect(r"saved \(\d+ ms\)")


def test_ctrl_c_keeps_exactly_the_answers_given_then_resume_reaches_the_score_verdict(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(SYSTEM, encoding="utf-8")
    child = spawn("s.yaml", "--reviewer", "Pty Tester", cwd=tmp_path)
    answer(child, "1", "open water only")  # t.env for sea
    answer(child, "2", "")  # t.env for town
    answer(child, "1", "it is a gun")  # t.weapon
    child.expect_exact("t.aim")
    child.expect_exact("Answer")
    child.sendintr()
    child.expect_exact("Stopped.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 4
    saved = load_system(tmp_path / "s.reviewed.yaml")
    assert {u.id: (u.context["t.env"].value, u.context["t.env"].rationale) for u in saved.uses} == {
        "sea": ("open_sea", "open water only"),
        "town": ("populated", ""),
    }
    assert {k: (a.value, a.rationale) for k, a in saved.answers.items()} == {"t.weapon": (True, "it is a gun")}

    child = spawn("s.yaml", cwd=tmp_path)
    child.expect_exact("Resume at the first open question?")
    child.sendline("")
    child.expect_exact("t.aim")
    answer(child, "1")  # t.aim: yes
    answer(child, "2")  # t.target: vehicles
    answer(child, "1", "hold-fire switch")  # t.abort: yes
    answer(child, "30")  # t.duration: 30 minutes
    answer(child, "1")  # t.ml: no -> t.ml_logs disappears
    child.expect_exact("no longer applies")
    answer(child, "nothing to add")  # t.notes
    child.expect_exact("Overall verdict: ")
    child.expect(r"(\w[\w ]*) \(score ([\d.]+)\)")
    shown_verdict, shown_score = child.match.group(1), child.match.group(2)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    scored = subprocess.run(
        [ART36, "score", "s.reviewed.yaml", "--format", "json"], cwd=tmp_path, capture_output=True, text=True
    )
    scored_review = json.loads(scored.stdout)["files"][0]["review"]
    assert shown_verdict == scored_review["verdict"].replace("_", " ")
    assert float(shown_score) == scored_review["score"]
    record = json.loads((tmp_path / "s.review.json").read_text())
    assert (record["verdict"], record["score"], record["reviewer"]) == (
        scored_review["verdict"],
        scored_review["score"],
        "Pty Tester",
    )
    assert [u["verdict"] for u in record["uses"]] == [u["verdict"] for u in scored_review["uses"]]
    log = [json.loads(line) for line in (tmp_path / "s.answers.jsonl").read_text().splitlines()]
    assert [e["criterion"] for e in log][:3] == ["t.env", "t.env", "t.weapon"] and len(log) == 9


def _state_on_disk(folder: Path) -> dict[str, object]:
    """Everything on disk must be whole: the system file loads, the session and every log line parse."""
    system = load_system(folder / "s.reviewed.yaml")
    json.loads((folder / ".s.review-session.json").read_text())
    log = folder / "s.answers.jsonl"
    for line in log.read_text().splitlines() if log.exists() else []:
        json.loads(line)
    found: dict[str, object] = {f"{u.id}:t.env": u.context["t.env"].value for u in system.uses if "t.env" in u.context}
    found.update({k: a.value for k, a in system.answers.items()})
    return found


@pytest.mark.parametrize("wait_for_ack", [True, False])
def test_sigkill_between_and_during_answers_loses_nothing_acknowledged(tmp_path: Path, wait_for_ack: bool) -> None:
    """Kill -9 after an answer is acknowledged (it must be on disk), or while it is being saved (old or new file)."""
    (tmp_path / "s.yaml").write_text(SYSTEM, encoding="utf-8")
    script = [("sea:t.env", "1", "open_sea"), ("town:t.env", "2", "populated"), ("t.weapon", "1", True)]
    script += [("t.aim", "1", True), ("t.target", "1", "materiel")]
    delays = [0.0, 0.002, 0.005, 0.01, 0.02, 0.04]
    expected: dict[str, object] = {}
    done = 0
    for round_ in range(12):
        if done == len(script):
            break
        key, choice, value = script[done]
        child = spawn("s.yaml", "--reviewer", "K", cwd=tmp_path)
        if round_:
            child.expect_exact("Resume at the first open question?")
            child.sendline("")
        if wait_for_ack:
            answer(child, choice, "why")
        else:
            child.expect_exact("Answer")
            child.expect_exact(">")
            child.sendline(choice)
            child.expect_exact("Rationale")
            child.expect_exact(">")
            child.sendline("why")
            time.sleep(delays[round_ % len(delays)])
        os.kill(child.pid, signal.SIGKILL)
        child.close(force=True)
        on_disk = _state_on_disk(tmp_path)  # every file whole, whenever the kill came
        for k, v in expected.items():
            assert on_disk.get(k) == v, (round_, k)  # nothing given before is lost
        if wait_for_ack:
            assert on_disk.get(key) == value  # acknowledged means on disk
        if on_disk.get(key) == value:
            expected[key] = value
            done += 1
    if wait_for_ack:
        assert done == len(script) and _state_on_disk(tmp_path) == expected


def test_a_closed_terminal_sighup_stops_cleanly_with_the_answers_saved(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(SYSTEM, encoding="utf-8")
    child = spawn("s.yaml", "--reviewer", "H", cwd=tmp_path)
    answer(child, "1", "sea")
    child.expect_exact("Answer")
    child.expect_exact(">")
    os.kill(child.pid, signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 4
    saved = load_system(tmp_path / "s.reviewed.yaml")
    assert saved.uses[0].context["t.env"].value == "open_sea" and "t.env" not in saved.uses[1].context
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind
