"""Run one art36 command in a child process, measured: exit code, output, CPU seconds, peak memory, and sockets off.

The child runs with a ``sitecustomize`` that makes every socket operation raise, so any attempt to reach the
network fails loudly (art36 promises never to touch it). Peak memory is the child's own (``wait4``). With
``pure=True`` it runs as if PyYAML had been built without libyaml (its pure-Python parser only). Also the shared
files of the hostile tests: a valid system file (``goalkeeper``) and the head of a hostile one (``HEAD``).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

#: Every hostile input must end within these bounds (issue 10).
MAX_CPU_SECONDS = 5.0
MAX_MB = 500
#: A hang (a FIFO read, an endless loop) is caught by this wall-clock timeout.
TIMEOUT_SECONDS = 30.0

ROOT = Path(__file__).resolve().parents[2]

#: Start art36 as if PyYAML had been built without libyaml (its pure-Python parser only).
PURE_PYTHON = (
    "import sys; sys.modules['yaml._yaml'] = None; "
    "import yaml; assert not yaml.__with_libyaml__; "
    "from art36.cli.app import main; sys.exit(main(sys.argv[1:]))"
)

#: The head of a hostile system file: valid so far, so what follows is what is tested.
HEAD = "name: Hostile\nclassification: UNCLASSIFIED\nchecklists: [mhc]\nuses: [{id: sea}]\n"

NO_NETWORK = '''
import socket as _socket

class _NoNetwork(OSError):
    pass

def _refuse(*args, **kwargs):
    raise _NoNetwork("art36 must never use the network (blocked by the test harness)")

class _Socket(_socket.socket):
    """Only local (AF_UNIX) sockets: multiprocessing pipes use socketpair(); anything else is the network."""
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family != _socket.AF_UNIX:
            _refuse()
        super().__init__(family, type, proto, fileno)

_socket.socket = _Socket
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
              "getnameinfo", "create_server"):
    if hasattr(_socket, _name):
        setattr(_socket, _name, _refuse)
'''


@functools.cache
def _site_dir() -> str:
    folder = tempfile.mkdtemp(prefix="art36-nonet-")
    Path(folder, "sitecustomize.py").write_text(NO_NETWORK)
    os.chmod(folder, 0o755)
    os.chmod(Path(folder, "sitecustomize.py"), 0o644)
    return folder


def no_network_env() -> dict[str, str]:
    """The environment for a child with sockets blocked (and no colour, a fixed width)."""
    path = os.pathsep.join(p for p in (_site_dir(), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_COLOR": "1", "COLUMNS": "120", "ART36_NO_VALUES": ""}


@dataclass
class Run:
    code: int
    out: str
    err: str
    cpu: float
    mb: float

    @property
    def text(self) -> str:
        return self.out + self.err

    def bounded(self) -> None:
        """No traceback, and within the time and memory every hostile input must stay under."""
        assert "Traceback" not in self.text, self.text[-2000:]
        assert "internal error" not in self.text, self.text[-2000:]
        assert self.cpu < MAX_CPU_SECONDS, f"{self.cpu:.1f} s CPU"
        assert self.mb < MAX_MB, f"{self.mb:.0f} MB"


#: A small launcher between the test process and art36, so the peak RSS measured is art36's own: a child forked
#: from the (large, growing) pytest process inherits its peak in ``ru_maxrss`` across exec. It reports art36's
#: exit status, CPU seconds and peak RSS (kB) on the file descriptor it is given.
_LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
os.write(int(sys.argv[1]), f"{status} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}".encode())
"""


def art36(
    args: list[str],
    cwd: Path,
    *,
    as_nobody: bool = False,
    timeout: float = TIMEOUT_SECONDS,
    stdin: bytes = b"",
    pure: bool = False,
) -> Run:
    """``python -m art36 ARGS`` in ``cwd`` with ``stdin`` (empty by default) and sockets blocked; its own CPU time
    and peak RSS. ``pure``: PyYAML's pure-Python parser only.

    Thread-safe (the corpus runs several at once): each run has its own pipe for the launcher's figures.
    """
    launch = [sys.executable, "-c", PURE_PYTHON] if pure else [sys.executable, "-m", "art36"]
    read_end, write_end = os.pipe()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as given:
        given.write(stdin)
        given.seek(0)
        try:
            proc = subprocess.Popen(
                [
                    *(_unprivileged_prefix() if as_nobody else []),
                    sys.executable,
                    "-c",
                    _LAUNCHER,
                    str(write_end),
                    *launch,
                    *args,
                ],
                cwd=cwd,
                stdin=given,
                stdout=out,
                stderr=err,
                env=no_network_env(),
                pass_fds=(write_end,),
                start_new_session=True,  # a hang is ended by killing the launcher and art36 together
                preexec_fn=_drop_privileges if as_nobody and not _unprivileged_prefix() else None,
            )
        finally:
            os.close(write_end)
        timer = threading.Timer(timeout, lambda: _kill_group(proc.pid))  # a hang ends as a failure
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        with os.fdopen(read_end, "rb") as figures:
            reported = figures.read().split()
        if len(reported) == 3:  # art36's own figures
            code = os.waitstatus_to_exitcode(int(reported[0]))
            cpu, maxrss_kb = float(reported[1]), int(reported[2])
        else:  # the launcher itself was killed (a hang): its figures say enough
            code = os.waitstatus_to_exitcode(status)
            cpu, maxrss_kb = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
        out.seek(0)
        err.seek(0)
        return Run(
            code,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            cpu,
            maxrss_kb / 1024,
        )


def _kill_group(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.killpg(pid, signal.SIGKILL)


NOBODY = 65534
#: As root, drop the capabilities that let root read any file (the process stays root, so it can still reach the
#: interpreter under /root, but a mode-000 file or folder is as unreadable to it as to anyone).
_SETPRIV = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search")


@functools.cache
def _unprivileged_prefix() -> tuple[str, ...]:
    """The command prefix that makes a child unable to bypass file permissions, or () to switch to nobody instead."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return ()
    probe = subprocess.run([*_SETPRIV, sys.executable, "-c", "import art36.cli.app"], capture_output=True)
    return _SETPRIV if probe.returncode == 0 else ()


def _drop_privileges() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


@functools.cache
def can_run_as_nobody() -> str:
    """ "" if a child can run art36 as an unprivileged user (needed to make a file unreadable as root), else why."""
    if os.geteuid() != 0 or _unprivileged_prefix():
        return ""
    try:
        probe = subprocess.run(
            [sys.executable, "-c", "import art36.cli.app"],
            capture_output=True,
            preexec_fn=_drop_privileges,
            cwd="/",
            env=no_network_env(),
        )
    except OSError:
        probe = None
    if probe is None or probe.returncode != 0:
        return "running as root, and the interpreter or art36 is not readable by an unprivileged user"
    return ""


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under ``folder`` (links not followed): size, mtime and mode, to prove nothing was written."""
    found: dict[str, tuple[int, int, int]] = {}
    for dirpath, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            found[os.path.relpath(path, folder)] = (info.st_size, info.st_mtime_ns, info.st_mode)
    return found


def goalkeeper(folder: Path, name: str = "goalkeeper.yaml") -> Path:
    """A valid, scorable system file (with its evidence folder) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "evidence").exists():
        shutil.copytree(ROOT / "examples" / "evidence", folder / "evidence")
    target = folder / name
    shutil.copy(ROOT / "examples" / "goalkeeper.yaml", target)
    return target
