"""Profile ``art36 validate`` in-process on one core and show where the time goes.

    python benchmarks/profile_validate.py DIR [--top 25] [--out prof.pstats]

Runs ``art36.cli.app.main(["validate", DIR, "--jobs", "1", ...])`` under cProfile, then prints the functions
with the most own time, the most cumulative time, and the share of own time per package/module group.
cProfile slows small, frequent calls more than big ones: read the shares as a guide, and confirm a hotspot by
timing it alone.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def group_of(filename: str) -> str:
    """A readable bucket for a function's file: art36 module, library package, or builtin."""
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C)"
    path = Path(filename)
    parts = path.parts
    if "art36" in parts:
        i = len(parts) - 1 - parts[::-1].index("art36")
        return "art36/" + "/".join(parts[i + 1 :])
    if "site-packages" in parts:
        i = parts.index("site-packages")
        return parts[i + 1].split(".")[0]
    return path.stem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="File or directory to validate.")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", type=Path, help="Also save the raw profile (pstats format).")
    parser.add_argument("--format", default="json", help="art36 validate --format (default json).")
    args = parser.parse_args(argv)

    from art36.cli.app import main as art36_main

    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["validate", args.path, "--jobs", "1", "--format", args.format, "-o", f"{tmp}/out", "--no-progress"]
        profiler = cProfile.Profile()
        t0 = time.perf_counter()
        profiler.enable()
        code = art36_main(cmd)
        profiler.disable()
        wall = time.perf_counter() - t0
    print(f"art36 {' '.join(cmd)} -> exit {code}, {wall:.2f} s under the profiler")
    stats = pstats.Stats(profiler)
    if args.out:
        stats.dump_stats(str(args.out))
    total = sum(v[2] for v in stats.stats.values())  # own time of every function
    own: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tt, _, _) in stats.stats.items():
        own[group_of(filename)] += tt
    print(f"\nOwn time by module/package (total {total:.2f} s):")
    for name, tt in sorted(own.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {tt:7.2f} s {100 * tt / total:5.1f}%  {name}")

    def label(key: tuple[str, int, str]) -> str:
        filename, line, func = key
        return f"{group_of(filename)}:{line}({func})"

    rows = stats.stats.items()
    print(f"\nTop {args.top} by own time:")
    print(f"  {'own s':>7} {'share':>6} {'cum s':>7} {'calls':>10}  function")
    for key, (_, nc, tt, ct, _) in sorted(rows, key=lambda kv: -kv[1][2])[: args.top]:
        print(f"  {tt:7.2f} {100 * tt / total:5.1f}% {ct:7.2f} {nc:>10}  {label(key)}")
    print(f"\nTop {args.top} by cumulative time:")
    print(f"  {'cum s':>7} {'share':>6} {'own s':>7} {'calls':>10}  function")
    for key, (_, nc, tt, ct, _) in sorted(rows, key=lambda kv: -kv[1][3])[: args.top]:
        print(f"  {ct:7.2f} {100 * ct / total:5.1f}% {tt:7.2f} {nc:>10}  {label(key)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
