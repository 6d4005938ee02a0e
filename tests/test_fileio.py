"""fileio: inputs refused unless regular files, atomic writes that follow the umask and never replace a non-file."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from art36 import fileio
from art36.cli.app import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_COMMANDS_TEST = Path(__file__).resolve().parent / "cli" / "test_commands.py"
SYSTEM = _COMMANDS_TEST.read_text().split('SYSTEM = """\\\n', 1)[1].split('"""')[0]


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(FIXTURES / "mini-checklist.yaml", tmp_path / "mini-checklist.yaml")
    (tmp_path / "trial.txt").write_text("trial report\n")
    text = SYSTEM.replace(
        "{value: true, rationale: Hold-fire switch at the console.}",
        "{value: true, rationale: Hold-fire., evidence: [{document: TR-12, path: trial.txt}]}",
    )
    (tmp_path / "good.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    fileio.protect(None)
    yield tmp_path
    fileio.protect(None)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- reading ---------------------------------------------------------------------------------------


def test_read_text_refuses_a_fifo_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    text, problem = fileio.read_text(str(fifo), "pipe.yaml")
    assert text is None and problem is not None
    assert problem.code == "F001" and "FIFO" in problem.message and problem.location.file == "pipe.yaml"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_read_text_refuses_a_device(device):
    text, problem = fileio.read_text(device, device)
    assert text is None and problem is not None and "character device" in problem.message


def test_read_text_refuses_a_directory(tmp_path):
    text, problem = fileio.read_text(str(tmp_path), "dir")
    assert text is None and problem is not None and "directory" in problem.message


def test_read_text_gives_text_and_locates_bad_utf8(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"\xef\xbb\xbfname: x\n")
    assert fileio.read_text(str(tmp_path / "a.yaml"), "a.yaml") == ("name: x\n", None)
    (tmp_path / "b.yaml").write_bytes(b"name: x\nkey: \xff\n")
    text, problem = fileio.read_text(str(tmp_path / "b.yaml"), "b.yaml")
    assert text is None and problem is not None
    assert (problem.code, problem.location.line, problem.location.column) == ("F002", 2, 6)


def test_an_output_target_is_never_read_as_input(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("{}")
    fileio.protect(target)
    try:
        text, problem = fileio.read_text(str(target), "out.json")
        assert text is None and problem is not None and problem.message == fileio.IS_OUTPUT
        assert fileio.is_output(target) and not fileio.is_output(tmp_path)
    finally:
        fileio.protect(None)


# --- writing ---------------------------------------------------------------------------------------


def test_write_atomic_follows_the_umask_for_a_new_file(tmp_path):
    old = os.umask(0o022)
    try:
        fileio.write_atomic(["a", "b"], tmp_path / "new.txt")
    finally:
        os.umask(old)
    assert (tmp_path / "new.txt").read_text() == "ab"
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    old = os.umask(0o077)
    try:
        fileio.write_atomic(["c"], tmp_path / "private.txt")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600


def test_write_atomic_keeps_the_mode_of_a_replaced_file(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("old")
    target.chmod(0o640)
    fileio.write_atomic(["new"], target)
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_write_atomic_writes_through_a_symlink_and_keeps_it(tmp_path):
    (tmp_path / "real.txt").write_text("old")
    (tmp_path / "link.txt").symlink_to("real.txt")
    fileio.write_atomic(["new"], tmp_path / "link.txt")
    assert (tmp_path / "link.txt").is_symlink() and (tmp_path / "real.txt").read_text() == "new"


@pytest.mark.parametrize("target", ["/dev/null", "/dev/stdout", "/dev/full"])
def test_write_atomic_refuses_devices(target):
    before = os.stat(target, follow_symlinks=False)
    with pytest.raises(fileio.OutputError, match="refusing to write"):
        fileio.write_atomic(["x"], Path(target))
    after = os.stat(target, follow_symlinks=False)
    assert (before.st_ino, before.st_mode) == (after.st_ino, after.st_mode)


def test_write_atomic_refuses_a_fifo_and_a_directory(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(fileio.OutputError, match="FIFO"):
        fileio.write_atomic(["x"], tmp_path / "fifo")
    assert stat.S_ISFIFO((tmp_path / "fifo").stat().st_mode)
    with pytest.raises(fileio.OutputError, match="directory"):
        fileio.write_atomic(["x"], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo"]


def test_a_failed_write_leaves_no_temp_file(tmp_path):
    def pieces():
        yield "partial report"
        raise OSError(28, "No space left on device")

    with pytest.raises(fileio.OutputError, match="No space left"):
        fileio.write_atomic(pieces(), tmp_path / "out.txt")
    assert list(tmp_path.iterdir()) == []

    def interrupted():
        yield "partial report"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fileio.write_atomic(interrupted(), tmp_path / "out.txt")
    assert list(tmp_path.iterdir()) == []


def test_temp_files_have_a_recognisable_name():
    name = fileio.temp_name(Path("/x/report.json"))
    assert name.startswith(f".report.json.art36-{os.getpid()}-") and name.endswith(".tmp")


def test_stale_temp_files_of_dead_processes_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f".report.json.art36-{dead_pid}-0badc0de.tmp"
    stale.write_text("classified report content")
    live = tmp_path / f".report.json.art36-{os.getppid()}-0badc0de.tmp"  # a live process: left alone
    live.write_text("in progress")
    unrelated = tmp_path / ".report.json.tmp"
    unrelated.write_text("not ours")
    fileio.write_atomic(["done"], tmp_path / "other.txt")
    assert not stale.exists() and live.exists() and unrelated.exists()


def test_kill_9_during_a_write_leaves_a_temp_file_that_the_next_run_removes(tmp_path):
    script = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from art36 import fileio\n"
        "def pieces():\n"
        "    yield 'x' * 1000\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        f"fileio.write_atomic(pieces(), Path({str(tmp_path / 'big.json')!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9
    [left] = [p.name for p in tmp_path.iterdir()]
    assert left.startswith(".big.json.art36-")
    fileio.write_atomic(["ok"], tmp_path / "big.json")
    assert [p.name for p in tmp_path.iterdir()] == ["big.json"]


# --- the CLI: no input of any kind may be an output -----------------------------------------------


@pytest.mark.parametrize("command", ["score", "validate"])
@pytest.mark.parametrize("target", ["good.yaml", "mini-checklist.yaml", "trial.txt"])
def test_no_input_of_any_kind_is_an_output(work, capsys, command, target):
    before = snapshot(work)
    code, out, err = run(capsys, command, "good.yaml", "--format", "json", "-o", target)
    assert code == 2, err
    assert "refusing" in err and "Traceback" not in err
    assert snapshot(work) == before


def test_a_checklist_given_with_the_option_is_not_an_output(work, capsys):
    before = snapshot(work)
    code, _, err = run(capsys, "score", "good.yaml", "-c", "mini-checklist.yaml", "-o", "mini-checklist.yaml")
    assert code == 2 and "refusing to overwrite input" in err
    assert snapshot(work) == before


def test_a_hard_link_to_an_input_is_not_an_output(work, capsys):
    os.link(work / "mini-checklist.yaml", work / "alias.json")
    before = snapshot(work)
    code, _, err = run(capsys, "validate", "good.yaml", "-f", "json", "-o", "alias.json")
    assert code == 2 and "nothing written" in err
    assert snapshot(work) == before


def test_lint_refuses_to_write_over_the_checklist(work, capsys):
    before = snapshot(work)
    code, _, err = run(capsys, "lint", "mini-checklist.yaml", "-o", "mini-checklist.yaml")
    assert code == 2 and "refusing" in err
    assert snapshot(work) == before


@pytest.mark.parametrize("target", ["/dev/null", "/dev/stdout", "/dev/full", "."])
def test_the_cli_refuses_non_file_targets(work, capsys, target):
    before = os.stat(target, follow_symlinks=False) if target != "." else None
    code, _, err = run(capsys, "score", "good.yaml", "-o", target)
    assert code == 2 and "art36: error:" in err and "Traceback" not in err
    if before is not None:
        after = os.stat(target, follow_symlinks=False)
        assert (before.st_ino, before.st_mode) == (after.st_ino, after.st_mode)


def test_the_cli_writes_a_new_output_with_the_umask(work, capsys):
    old = os.umask(0o022)
    try:
        code, _, err = run(capsys, "score", "good.yaml", "-f", "json", "-o", "out.json")
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE((work / "out.json").stat().st_mode) == 0o644


def test_a_file_past_the_size_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio, "MAX_DOCUMENT_BYTES", 1000)
    (tmp_path / "big.yaml").write_text("a: " + "x" * 2000 + "\n")
    text, problem = fileio.read_text(str(tmp_path / "big.yaml"), "big.yaml")
    assert text is None and problem is not None
    assert problem.code == "F001" and "more than 1,000 bytes" in problem.message
    (tmp_path / "small.yaml").write_text("a: " + "x" * 900 + "\n")
    assert fileio.read_text(str(tmp_path / "small.yaml"), "small.yaml")[0] is not None


# Every command that writes a file, given a system file that names a checklist (other.yaml) and cites evidence
# (trial.txt), and a saved review: -o may be none of those inputs, by name, hard link or symbolic link.
WRITERS = {
    "score": ["score", "named.yaml", "-f", "json", "-o"],
    "validate": ["validate", "named.yaml", "-f", "sarif", "-o"],
    "report": ["report", "named.yaml", "-f", "md", "-o"],
    "report-saved": ["report", "saved.review.json", "-f", "json", "-o"],
    "diff": ["diff", "saved.review.json", "named.yaml", "-o"],
    "init": ["init", "-c", "other.yaml", "--force", "-o"],
    "review": ["review", "named.yaml", "--reviewer", "x", "--force", "-o"],
}
INPUTS = {
    "score": ["named.yaml", "other.yaml", "trial.txt"],
    "validate": ["named.yaml", "other.yaml", "trial.txt"],
    "report": ["named.yaml", "other.yaml", "trial.txt"],
    "report-saved": ["saved.review.json"],
    "diff": ["saved.review.json", "named.yaml", "other.yaml", "trial.txt"],
    "init": ["other.yaml"],
    "review": ["named.yaml", "other.yaml", "trial.txt"],
}


@pytest.fixture
def named(work: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    shutil.copy(work / "mini-checklist.yaml", work / "other.yaml")
    (work / "named.yaml").write_text((work / "good.yaml").read_text().replace("mini-checklist.yaml", "other.yaml"))
    code, _, err = run(capsys, "report", "good.yaml", "-f", "json", "-o", "saved.review.json")
    assert code == 0, err
    fileio.protect(None)
    return work


def _art36(args: list[str], cwd: Path) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "art36", *args], cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL
    )
    return proc.returncode, (proc.stdout + proc.stderr).decode()  # review says its errors where it asks


@pytest.mark.parametrize("how", ["same", "hard-link", "symlink"])
@pytest.mark.parametrize(
    ("command", "target"), [(c, t) for c, targets in INPUTS.items() for t in targets], ids=lambda v: str(v)
)
def test_no_command_writes_over_any_of_its_inputs(named, capsys, command, target, how):
    """Report, diff, init and review wrote over a named checklist, an evidence file or a hard link (issue 10)."""
    given = target
    if how == "hard-link":
        os.link(named / target, named / "alias.out")
        given = "alias.out"
    elif how == "symlink":
        (named / "alias.out").symlink_to(target)
        given = "alias.out"
    before = snapshot(named)
    if command == "review":  # interactive: a child with stdin closed
        code, err = _art36([*WRITERS[command], given], named)
    else:
        code, _, err = run(capsys, *WRITERS[command], given)
    assert code == 2, err
    assert "refusing" in err and "Traceback" not in err
    assert snapshot(named) == before
    assert not [p.name for p in named.iterdir() if p.name.startswith(".")], "a session or temp file was left"


@pytest.mark.parametrize("command", ["score", "validate", "report", "diff"])
def test_dev_stdout_is_refused_when_stdout_is_a_regular_file(named, command):
    """/dev/stdout -> /proc/self/fd/1 -> a file: the rename would have replaced the file stdout was sent to."""
    with open(named / "captured.txt", "wb") as stdout:
        inode = os.fstat(stdout.fileno()).st_ino
        proc = subprocess.run(
            [sys.executable, "-m", "art36", *WRITERS[command], "/dev/stdout"],
            cwd=named,
            stdout=stdout,
            stderr=subprocess.PIPE,
        )
    assert proc.returncode == 2, proc.stderr
    assert b"link through /dev or /proc" in proc.stderr
    assert os.stat(named / "captured.txt").st_ino == inode


def test_review_checks_every_output_before_writing_any(named):
    """-o a FIFO: the session file was written before the system file was refused."""
    os.mkfifo(named / "fifo.yaml")
    code, err = _art36(["review", "named.yaml", "--reviewer", "x", "--force", "-o", "fifo.yaml"], named)
    assert code == 2 and "FIFO" in err
    assert not [p.name for p in named.iterdir() if p.name.startswith(".")]
