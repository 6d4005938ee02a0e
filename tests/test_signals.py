"""Ctrl-C and SIGTERM during a parallel batch, failing stdout, closed streams, undecodable file names: clean exits."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_COMMANDS_TEST = Path(__file__).resolve().parent / "cli" / "test_commands.py"
SYSTEM = _COMMANDS_TEST.read_text().split('SYSTEM = """\\\n', 1)[1].split('"""')[0]
ART36 = [sys.executable, "-m", "art36"]
BATCH = 1500  # well above the parallel threshold; long enough (seconds) to be interrupted mid-way


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("batch")
    shutil.copy(FIXTURES / "mini-checklist.yaml", root / "mini-checklist.yaml")
    folder = root / "systems"
    folder.mkdir()
    text = SYSTEM.replace("mini-checklist.yaml", "../mini-checklist.yaml")
    for i in range(BATCH):
        (folder / f"s{i:05d}.yaml").write_text(text.replace("Test system", f"System {i}"))
    return root


def _start(batch: Path, command: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*ART36, command, "systems", "--jobs", "2", "--no-progress", "-f", "json", "-o", "out.json"],
        cwd=batch,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, like a job in a terminal
    )


def _wait_for_workers(proc: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    """Until the batch has forked its workers (so the signal really lands mid-batch)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        if children.exists() and children.read_text().split():
            return
        if proc.poll() is not None:
            return
        time.sleep(0.02)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the workers start")
@pytest.mark.parametrize("trial", range(4))
@pytest.mark.parametrize(
    ("how", "expected"),
    [("ctrl-c", 130), ("sigterm", 143), ("sigterm-group", 143)],
)
def test_interrupting_a_parallel_batch_is_quiet(batch, how, expected, trial):
    proc = _start(batch, "validate" if trial % 2 else "score")
    _wait_for_workers(proc)
    time.sleep(0.05 + 0.15 * trial)  # at different points: start-up, early and late in the batch
    if proc.poll() is None:
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole foreground group
        elif how == "sigterm":
            os.kill(proc.pid, signal.SIGTERM)
        else:
            os.killpg(proc.pid, signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text and "Error" not in text, text[-2000:]
    if proc.returncode in (0, 1) or "files checked" in text:
        # it finished (its summary is out) before the signal came: nothing to check about the signal
        pytest.skip("the batch finished before the signal was sent")
    assert proc.returncode in (expected, -signal.SIGTERM), (proc.returncode, text[-500:])
    assert text.strip() in ("", "art36: interrupted", "art36: terminated"), text[-500:]
    leftovers = [p.name for p in batch.iterdir() if p.name.startswith(".out.json")]
    assert leftovers == [], leftovers
    # no worker outlives the main process
    time.sleep(0.2)
    assert _group_members(proc.pid) == []


def _group_members(pgid: int) -> list[int]:
    """Live processes in process group ``pgid`` (read from /proc: no procps needed)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":  # fields after the name: state, ppid, pgrp
            members.append(int(entry.name))
    return members


def _run(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*ART36, *args], cwd=cwd, capture_output=True, timeout=60, **kwargs)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["score", "systems/s00000.yaml"],
        ["validate", "systems/s00000.yaml", "-f", "json"],
        ["rules"],
        ["schema", "system"],
    ],
)
def test_stdout_that_cannot_be_written_is_exit_2(batch, args):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([*ART36, *args], cwd=batch, stdout=full, stderr=subprocess.PIPE, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "cannot write to stdout" in err and "Traceback" not in err and "Exception ignored" not in err


def test_closed_stdout_is_exit_2_and_output_file_still_works(batch):
    proc = subprocess.run(
        [*ART36, "score", "systems/s00000.yaml"],
        cwd=batch,
        capture_output=False,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert proc.returncode == 2 and b"cannot write to stdout" in proc.stderr
    proc = subprocess.run(
        [*ART36, "score", "systems/s00000.yaml", "-o", "closed.txt"],
        cwd=batch,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert proc.returncode == 0 and (batch / "closed.txt").read_text().strip()


def test_closed_stderr_does_not_crash(batch):
    proc = subprocess.run(
        [*ART36, "validate", "systems/s00000.yaml", "missing.yaml"],
        cwd=batch,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(2),
        timeout=60,
    )
    assert proc.returncode == 2  # the missing file; nothing crashed for want of stderr


@pytest.mark.parametrize("command", ["score", "validate", "lint"])
def test_a_file_name_that_is_not_utf8(tmp_path, command):
    shutil.copy(FIXTURES / "mini-checklist.yaml", tmp_path / "mini-checklist.yaml")
    name = b"bad\xff\xfename.yaml"
    source = FIXTURES / "mini-checklist.yaml" if command == "lint" else None
    data = source.read_bytes() if source else SYSTEM.encode()
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
        handle.write(data)
    for fmt in (["-f", "json"], ["-f", "text"], ["-f", "sarif"] if command != "score" else []):
        proc = subprocess.run([*ART36, command, name, *fmt], cwd=tmp_path, capture_output=True, timeout=60)
        assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
        both = proc.stdout + proc.stderr
        assert b"Traceback" not in both
        both.decode("utf-8")  # every output stays valid UTF-8
    missing = subprocess.run([*ART36, command, b"gone\xff.yaml"], cwd=tmp_path, capture_output=True, timeout=60)
    assert missing.returncode == 2 and b"gone\\xff.yaml" in missing.stderr + missing.stdout


#: Every command, writing to stdout (issue 10: "> /dev/full, closed stdout: exit 2"). --help and --version print
#: through click and gave exit 3; review went on answering blind and exited 4.
EVERY_COMMAND = [
    ["lint", "mini-checklist.yaml"],
    ["show", "mini-checklist.yaml"],
    ["init", "-c", "mini-checklist.yaml"],
    ["report", "systems/s00000.yaml"],
    ["verify", "s0.review.json"],
    ["diff", "s0.review.json", "systems/s00001.yaml"],
    ["review", "systems/s00000.yaml", "--reviewer", "x", "-o", "systems/reviewed.yaml", "--force"],
    ["--version"],
    ["--help"],
    ["score", "--help"],
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("stdout", ["full", "closed"])
@pytest.mark.parametrize("args", EVERY_COMMAND, ids=lambda a: " ".join(a[:2]))
def test_every_command_whose_stdout_fails_exits_2(batch, args, stdout):
    if not (batch / "s0.review.json").exists():
        _run(["report", "systems/s00000.yaml", "-f", "json", "-o", "s0.review.json"], batch)
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [*ART36, *args],
            cwd=batch,
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            preexec_fn=(lambda: os.close(1)) if stdout == "closed" else None,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "cannot write to stdout" in err and "Traceback" not in err and "internal error" not in err
