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
    """Validate and score the same ``n`` files, interleaved (validate, score, validate, score...) so that both
    see the same machine load; per command the fastest run is kept, with its load average (1 min) at start."""
    art36 = [sys.executable, "-m", "art36"]
    common = [".", "-f", "json", "--no-progress", "--evidence-root", ".", "--jobs", str(jobs)]
    out: dict[str, Any] = {"files": n}
    runs: dict[str, list[dict[str, Any]]] = {"validate": [], "score": []}
    with tempfile.TemporaryDirectory() as work:
        for _ in range(repeat):
            for command in runs:
                load = round(os.getloadavg()[0], 2)
                run = measure([*art36, command, *common, "-o", f"{work}/{command}.json"], folder)
                run["load_at_start"] = load
                run["output_mb"] = round(os.path.getsize(f"{work}/{command}.json") / 1e6, 1)
                runs[command].append(run)
                print(
                    f"  N={n:>6} {command:<8} {run['wall']:7.2f} s wall {run['cpu']:7.2f} s CPU "
                    f"{run['peak_mb']:7.1f} MB peak  load {load:5.2f}  rc={run['rc']}",
                    flush=True,
                )
    for command, done in runs.items():
        best = dict(min(done, key=lambda r: r["wall"]))
        best["peak_mb"] = max(r["peak_mb"] for r in done)
        best["runs"] = done
        out[command] = best
    out["score_vs_validate_time"] = round(out["score"]["wall"] / out["validate"]["wall"], 2)
    out["score_vs_validate_cpu"] = round(out["score"]["cpu"] / out["validate"]["cpu"], 2)
    return out


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": subprocess.run(
            ["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="Two comma-separated batch sizes, small first.")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs for both commands (0: one per core).")
    parser.add_argument(
        "--repeat", type=int, default=1, help="Runs per command and size (interleaved); the fastest is kept."
    )
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
    times = ", ".join(
        f"N={n}: {r['score_vs_validate_time']}x wall, {r['score_vs_validate_cpu']}x CPU" for n, r in results.items()
    )
    print(f"score peak memory N={large} / N={small}: {memory}x (target <= {MEMORY_RATIO}x)")
    print(f"score time / validate time: {times} (target <= {TIME_RATIO}x)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    missed = memory > MEMORY_RATIO or any(r["score_vs_validate_time"] > TIME_RATIO for r in results.values())
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
