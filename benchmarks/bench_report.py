"""Report benchmark: `art36 report` on N system files in one batch, per format, against `art36 score` on them.

Each command runs under maxrss.py (its own wall time, CPU time and peak RSS); every round times every command, the
best round counts, and the result is a ratio to `art36 score --format json` measured in the same run.
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_systems  # noqa: E402 - a sibling script, not a package

FORMATS = ("md", "html", "text", "json")


def _art36() -> str:
    found = Path(sys.executable).with_name("art36")
    return str(found) if found.exists() else "art36"


def _timed(cmd: list[str], scratch: Path) -> dict[str, float]:
    stats = scratch / "stats.json"
    proc = subprocess.run(
        [sys.executable, str(HERE / "maxrss.py"), str(stats), *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    if proc.returncode not in (0, 1):  # 1: the corpus holds a few deliberately broken files
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    data: dict[str, float] = json.loads(stats.read_text())
    return data


def _commit() -> str:
    found = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return found.stdout.strip() or "unknown"


def run(count: int, repeat: int, data_dir: Path | None) -> dict[str, object]:
    art36 = _art36()
    with tempfile.TemporaryDirectory(prefix="art36-bench-report-") as tmp:
        scratch = Path(tmp)
        corpus = data_dir or scratch / "corpus"
        marker = corpus / f".generated-{count}"
        if not marker.exists():
            gen_systems.generate(corpus, count, gen_systems.read_catalogue())
            marker.write_text("")
        # The generated files cite evidence in <corpus>/evidence/, one folder above them: without --evidence-root
        # every file would be refused (A013) and nothing would be scored or reported.
        where = ["--evidence-root", str(corpus)]
        commands = {
            "score (json)": [art36, "score", str(corpus), *where, "--format", "json", "-o", str(scratch / "s.json")]
        }
        commands["score (text)"] = [art36, "score", str(corpus), *where, "-o", str(scratch / "s.txt")]
        for fmt in FORMATS:
            commands[f"report {fmt}"] = [
                art36,
                "report",
                str(corpus),
                *where,
                "--format",
                fmt,
                "-o",
                str(scratch / fmt),
            ]
        load_before = os.getloadavg()
        best: dict[str, dict[str, float]] = {}
        for _ in range(repeat):
            for name, cmd in commands.items():
                stats = _timed(cmd, scratch)
                if name not in best or stats["wall"] < best[name]["wall"]:
                    best[name] = stats
        base = best["score (json)"]
        rows = {
            name: {
                "wall_s": round(s["wall"], 2),
                "cpu_s": round(s["cpu"], 2),
                "peak_rss_mb": round(s["maxrss_kb"] / 1024, 1),
                "wall_vs_score": round(s["wall"] / base["wall"], 2),
                "cpu_vs_score": round(s["cpu"] / base["cpu"], 2),
                "rss_vs_score": round(s["maxrss_kb"] / base["maxrss_kb"], 2),
            }
            for name, s in best.items()
        }
        sizes = {fmt: sum(p.stat().st_size for p in (scratch / fmt).iterdir()) for fmt in FORMATS}
        reports = {fmt: sum(1 for _ in (scratch / fmt).iterdir()) for fmt in FORMATS}
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "commit": _commit(),
        "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        "files": count,
        "repeat": repeat,
        "results": rows,
        "output_bytes": sizes,
        "reports_written": reports,
    }


def table(result: dict[str, object]) -> str:
    rows = result["results"]
    assert isinstance(rows, dict)
    lines = [
        "| command | wall (s) | CPU (s) | peak RSS (MB) | wall / score | CPU / score | peak RSS / score |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows.items():
        lines.append(
            f"| `{name}` | {r['wall_s']} | {r['cpu_s']} | {r['peak_rss_mb']} | {r['wall_vs_score']} | "
            f"{r['cpu_vs_score']} | {r['rss_vs_score']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--data", type=Path, default=None, help="Keep the generated corpus here (reused).")
    parser.add_argument("--json", type=Path, default=None, help="Write the result here too.")
    args = parser.parse_args(argv)
    result = run(args.count, args.repeat, args.data)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{result['files']} files, {result['machine']}, {result['date']}, commit {result['commit']}")
    print(f"load average before/after: {result['load_average']}, reports written: {result['reports_written']}")
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
