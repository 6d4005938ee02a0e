"""Score against validate on the same generated batches: peak memory flat in the number of files, time close.

Targets (issue 10): ``score -f json`` peak RSS at the large size within 1.2x of the small size, and score's time
within 1.5x of validate's on the same files. Both commands run side by side, each through ``maxrss.py`` (so a
figure is the tool's own peak RSS, not inherited from this process), with the evidence root set to the corpus
(the generated files cite ``../evidence/...``).

    python benchmarks/bench_score_batch.py --sizes 1000,10000 --json benchmarks/results/score-batch.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_systems  # noqa: E402

#: The targets this benchmark checks.
MEMORY_RATIO = 1.2
TIME_RATIO = 1.5


def measure(cmd: list[str], cwd: Path) -> dict[str, Any]:
    """Wall and CPU seconds and peak RSS (MB) of ``cmd``, measured by the small launcher maxrss.py."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        stats = Path(handle.name)
    try:
        proc = subprocess.run(
            [sys.executable, str(HERE / "maxrss.py"), str(stats), *cmd], cwd=cwd, check=False, stderr=subprocess.DEVNULL
        )
        figures = json.loads(stats.read_text())
    finally:
        stats.unlink(missing_ok=True)
    return {
        "rc": proc.returncode,
        "wall": round(figures["wall"], 2),
        "cpu": round(figures["cpu"], 2),
        "peak_mb": round(figures["maxrss_kb"] / 1024, 1),
    }


def corpus(root: Path, n: int, seed: int) -> Path:
    folder = root / f"n{n}-s{seed}-v{gen_systems.GENERATOR_VERSION}"
    if not (folder / ".complete").exists():
        gen_systems.generate(folder, n, gen_systems.read_catalogue(), seed)
        (folder / ".complete").write_text("ok\n")
    return folder


def bench(n: int, folder: Path, jobs: int, repeat: int) -> dict[str, Any]:
    art36 = [sys.executable, "-m", "art36"]
    common = [".", "-f", "json", "--no-progress", "--evidence-root", ".", "--jobs", str(jobs)]
    out: dict[str, Any] = {"files": n}
    with tempfile.TemporaryDirectory() as work:
        for command in ("validate", "score"):
            runs = [measure([*art36, command, *common, "-o", f"{work}/{command}.json"], folder) for _ in range(repeat)]
            best = min(runs, key=lambda r: r["wall"])
            best["peak_mb"] = max(r["peak_mb"] for r in runs)
            best["output_mb"] = round(os.path.getsize(f"{work}/{command}.json") / 1e6, 1)
            out[command] = best
            print(
                f"  N={n:>6} {command:<8} {best['wall']:7.2f} s wall {best['cpu']:7.2f} s CPU "
                f"{best['peak_mb']:7.1f} MB peak  rc={best['rc']}",
                flush=True,
            )
    out["score_vs_validate_time"] = round(out["score"]["wall"] / out["validate"]["wall"], 2)
    return out


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="Two comma-separated batch sizes, small first.")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs for both commands (0: one per core).")
    parser.add_argument("--repeat", type=int, default=1, help="Runs per command and size; the fastest is kept.")
    parser.add_argument("--seed", type=int, default=36)
    parser.add_argument("--data-dir", type=Path, default=HERE / "_data", help="Where generated corpora are cached.")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    parser.add_argument("--check", action="store_true", help="Exit 1 if a target is missed.")
    args = parser.parse_args(argv)
    small, large = (int(s) for s in args.sizes.split(","))
    results = {n: bench(n, corpus(args.data_dir, n, args.seed), args.jobs, args.repeat) for n in (small, large)}
    memory = round(results[large]["score"]["peak_mb"] / results[small]["score"]["peak_mb"], 2)
    report = {
        "machine": machine(),
        "sizes": [small, large],
        "results": results,
        "score_memory_ratio": memory,
        "targets": {"score_memory_ratio": MEMORY_RATIO, "score_vs_validate_time": TIME_RATIO},
    }
    times = ", ".join(f"N={n}: {r['score_vs_validate_time']}x" for n, r in results.items())
    print(f"score peak memory N={large} / N={small}: {memory}x (target <= {MEMORY_RATIO}x)")
    print(f"score time / validate time: {times} (target <= {TIME_RATIO}x)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    missed = memory > MEMORY_RATIO or any(r["score_vs_validate_time"] > TIME_RATIO for r in results.values())
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
