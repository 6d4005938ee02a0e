"""Files a command finds by itself, not given on the command line: review's session file and answer log, and what a
saved review names (its system file, evidence, the answer log beside it). Each was read with a plain open: a FIFO
hung the command, a link to /dev/zero read until memory ran out, a 3 GB file was read whole (issue 10 audit)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hostile_run import MAX_CPU_SECONDS, MAX_MB, art36, snapshot

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini-checklist.yaml"
SYSTEM = """\
name: Side files
classification: RESTRICTED // TEST
checklists: [mini-checklist.yaml]
answers:
  t.weapon: true
  t.aim: true
  t.target: materiel
  t.abort: {value: true, rationale: Hold-fire switch., evidence: [{document: TR-1, path: ev.txt}]}
  t.duration: 5
  t.ml: false
uses:
  - id: sea
    context: {t.env: open_sea}
"""


def _fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to("/dev/zero")


def _sparse(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024**3)  # 3 GB without using the disk


def _shadow(folder: Path) -> None:
    review = folder / "host.review.json"
    review.write_text(review.read_text().replace('"ev.txt"', '"../../../../../../etc/shadow"'))


@pytest.fixture
def folder() -> Iterator[Path]:
    work = Path(tempfile.mkdtemp(prefix="art36-side-"))
    shutil.copy(MINI, work / "mini-checklist.yaml")
    (work / "ev.txt").write_text("trial report\n")
    (work / "host.yaml").write_text(SYSTEM)
    assert art36(["report", "host.yaml", "-f", "json", "-o", "host.review.json"], work).code == 0
    yield work
    shutil.rmtree(work)


REVIEW = ["review", "host.yaml", "--reviewer", "x"]
CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "review-session-fifo": (lambda d: _fifo(d / ".host.review-session.json"), REVIEW),
    "review-session-zero": (lambda d: _zero(d / ".host.review-session.json"), REVIEW),
    "verify-evidence-fifo": (lambda d: _fifo(d / "ev.txt"), ["verify", "host.review.json"]),
    "verify-evidence-zero": (lambda d: _zero(d / "ev.txt"), ["verify", "host.review.json"]),
    "verify-evidence-3gb": (lambda d: _sparse(d / "ev.txt"), ["verify", "host.review.json"]),
    "verify-evidence-outside": (_shadow, ["verify", "host.review.json"]),
    "verify-system-3gb": (lambda d: _sparse(d / "host.yaml"), ["verify", "host.review.json"]),
    "report-answer-log-fifo": (lambda d: _fifo(d / "host.answers.jsonl"), ["report", "host.review.json"]),
    "report-answer-log-3gb": (lambda d: _sparse(d / "host.answers.jsonl"), ["report", "host.review.json"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_side_file_is_never_a_hang_a_flood_or_a_leak(folder: Path, name: str) -> None:
    change, args = CASES[name]
    change(folder)
    before = snapshot(folder)
    run = art36(args, folder)
    assert "Traceback" not in run.text and "internal error" not in run.text, run.text[-2000:]
    assert run.code in (0, 1, 2, 4), run.text[-2000:]
    assert run.cpu < MAX_CPU_SECONDS and run.mb < MAX_MB, (run.cpu, run.mb)
    if args[0] != "review":  # review starts afresh beside a session file it cannot read, and saves as it goes
        assert snapshot(folder) == before
    if name == "verify-evidence-outside":
        assert "MISSING" in run.out and "CHANGED" not in run.out  # never read, so never compared
