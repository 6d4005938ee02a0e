"""Run art36 on hostile input in a child process and measure it: exit code, output, CPU time, peak memory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The promise for every hostile input: a diagnostic, in under this much time and memory.
MAX_SECONDS = 5.0
MAX_MB = 500

# A small launcher, so the child's peak RSS is its own (ru_maxrss survives fork+exec from a large parent).
_LAUNCHER = """
import json, os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as handle:
    json.dump({"cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}, handle)
sys.exit(os.waitstatus_to_exitcode(status))
"""

#: Start art36 as if PyYAML had been built without libyaml (its pure-Python parser only).
PURE_PYTHON = (
    "import sys; sys.modules['yaml._yaml'] = None; "
    "import yaml; assert not yaml.__with_libyaml__; "
    "from art36.cli.app import main; sys.exit(main(sys.argv[1:]))"
)

HEAD = "name: Hostile\nclassification: UNCLASSIFIED\nchecklists: [mhc]\nuses: [{id: sea}]\n"


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
        assert self.cpu < MAX_SECONDS, f"{self.cpu:.1f} s CPU"
        assert self.mb < MAX_MB, f"{self.mb:.0f} MB"


def art36(args: list[str], cwd: Path, stdin: bytes = b"", pure: bool = False, timeout: float = 60) -> Run:
    stats = cwd / ".." / f".stats-{os.getpid()}.json"
    cmd = [sys.executable, "-c", PURE_PYTHON] if pure else [sys.executable, "-m", "art36"]
    proc = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(stats), *cmd, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )
    figures = json.loads(stats.read_text())
    stats.unlink()
    return Run(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
        figures["cpu"],
        figures["maxrss_kb"] / 1024,
    )


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` (links not followed) with its size and mtime: to prove nothing was written."""
    found: dict[str, tuple[int, int]] = {}
    for dirpath, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            found[os.path.relpath(path, folder)] = (info.st_size, info.st_mtime_ns)
    return found


def goalkeeper(folder: Path, name: str = "goalkeeper.yaml") -> Path:
    """A valid, scorable system file (with its evidence folder) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "evidence").exists():
        shutil.copytree(ROOT / "examples" / "evidence", folder / "evidence")
    target = folder / name
    shutil.copy(ROOT / "examples" / "goalkeeper.yaml", target)
    return target
