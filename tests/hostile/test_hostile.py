"""The hostile corpus: every command over every hostile case in every role it takes (issue 10).

Each run must: exit 1 or 2 (a reported problem; never 0, never a crash), name the file, show no traceback and no
raw control characters, stay within the CPU and memory bounds, write nothing and change no input, all with
sockets blocked. Cases live in hostile_cases.py, commands in hostile_commands.py.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_cases import CASES, Case
from hostile_commands import COMMANDS, GOOD, HOST, NEW, Command
from hostile_run import MAX_CPU_SECONDS, MAX_MB, Run, art36, can_run_as_nobody, snapshot

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini-checklist.yaml"

SYSTEM = """\
name: Test system
version: "1.0"
classification: RESTRICTED // TEST
checklists: [{checklist}]
answers:
  t.weapon: true
  t.aim: true
  t.target: materiel
  t.abort: {{value: true, rationale: Hold-fire switch., evidence: [{{document: TR-1{evidence}}}]}}
  t.duration: 5
  t.ml: false
uses:
  - id: sea
    context: {{t.env: open_sea}}
"""

RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LOCATED = re.compile(r"\S+:\d+:\d+")

RUNS = [
    pytest.param(c, cmd, role, id=f"{c.name}-{cmd.name}-{role}")
    for c in CASES
    for cmd in COMMANDS
    for role in sorted(c.roles & cmd.roles.keys())
    if f"{cmd.name}-{role}" not in c.not_a_problem
]


@dataclass
class Outcome:
    given: str
    run: Run | None = None
    skipped: str = ""
    unchanged: bool = True
    created_new: bool = False


def _workspace() -> Path:
    """A folder an unprivileged user can enter too (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="art36-hostile-"))
    folder.chmod(0o755)
    shutil.copy(MINI, folder / "mini-checklist.yaml")
    (folder / GOOD).write_text(SYSTEM.format(checklist="mini-checklist.yaml", evidence=""))
    return folder


def _remove(folder: Path) -> None:
    for dirpath, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, 0o755)
    shutil.rmtree(folder)


def _execute(hostile: Case, command: Command, role: str) -> Outcome:
    """Make the case in a fresh workspace, run the command on it, and record what happened."""
    if hostile.as_nobody and (reason := can_run_as_nobody()):
        return Outcome(given="", skipped=reason)
    folder = _workspace()
    try:
        given = hostile.make(folder)
        if role == "named":
            (folder / HOST).write_text(SYSTEM.format(checklist=_yaml_string(given), evidence=""))
        elif role == "evidence":
            text = SYSTEM.format(checklist="mini-checklist.yaml", evidence=f", path: {_yaml_string(given)}")
            (folder / HOST).write_text(text)
        before = snapshot(folder)
        run = art36(command.roles[role](given), folder, as_nobody=hostile.as_nobody)
        return Outcome(given, run, unchanged=snapshot(folder) == before, created_new=(folder / NEW).exists())
    finally:
        _remove(folder)


#: The corpus is several hundred short processes: they run a few at a time, each test waits for its own.
_POOL = ThreadPoolExecutor(max_workers=max(2, min(4, (os.cpu_count() or 2))))
_FUTURES: dict[str, Future[Outcome]] = {}


@pytest.fixture(scope="module", autouse=True)
def _start_all() -> Iterator[None]:
    for param in RUNS:
        hostile, command, role = param.values
        _FUTURES[param.id] = _POOL.submit(_execute, hostile, command, role)  # type: ignore[arg-type]
    yield
    _POOL.shutdown(wait=True, cancel_futures=True)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.parametrize(("hostile", "command", "role"), RUNS)
def test_hostile_input(request: pytest.FixtureRequest, hostile: Case, command: Command, role: str) -> None:
    outcome = _FUTURES[request.node.callspec.id].result()
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    run = outcome.run
    assert run is not None
    text = run.text
    assert "Traceback" not in text and "internal error" not in text, text[-3000:]
    assert run.code in hostile.exits, f"exit {run.code}: {text[-2000:]}"
    shown = hostile.shown or outcome.given
    named = HOST if role in ("named", "evidence") else shown
    assert named in text, f"the file is not named: {text[-2000:]}"
    if command.name in ("score", "validate", "lint"):  # file:line:col, or a usage error that names the path
        usage = re.search(r"art36: error: .*" + re.escape(named), text)
        assert LOCATED.search(text) or usage, f"no file:line:col location: {text[-2000:]}"
    assert not RAW_CONTROLS.findall(text), f"raw control characters: {RAW_CONTROLS.findall(text)[:5]}"
    assert run.cpu < MAX_CPU_SECONDS, f"{run.cpu:.1f} s CPU"
    assert run.mb < MAX_MB, f"{run.mb:.0f} MB"
    assert outcome.unchanged, "something was written or an input changed"
    assert not outcome.created_new


def test_every_command_is_in_the_corpus() -> None:
    """A command that reads files and is missing from hostile_commands.COMMANDS would escape the corpus."""
    from art36.cli.app import app

    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    covered = {c.name for c in COMMANDS} | {"rules", "schema"}
    assert names <= covered, f"add to tests/hostile/hostile_commands.py: {sorted(names - covered)}"
