"""Run a command; write its own wall time, CPU time and peak RSS (KB) as JSON to the file named first.

Why a launcher: on Linux a child's ``ru_maxrss`` starts from its parent's resident size at fork (it survives the
exec), so every tool started by a big benchmark process would report at least that process's size. This launcher is
small, so the figures it reports are the tool's own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> int:
    out, cmd = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}, handle)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    raise SystemExit(main())
