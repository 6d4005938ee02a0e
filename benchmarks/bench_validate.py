"""Speed benchmark of ``art36 validate`` against the YAML parse floor, yamllint and check-jsonschema.

    python benchmarks/bench_validate.py [--sizes 2000,20000] [--repeat 3] [--json out.json] [--check]

For each corpus size N it generates N realistic system files (deterministic; see gen_systems.py), then times,
round after round so that machine noise hits every tool alike:

- floor       a plain Python loop that finds, reads and parses every file with ``yaml.CSafeLoader``
- art36       ``art36 validate DIR --format json -o FILE`` (default --jobs: one worker per core)
- art36 -j1   the same on one core
- yamllint    ``yamllint`` with syntax + duplicate-key checking only (``--yamllint-config relaxed`` for -d relaxed)
- check-jsonschema  ``--schemafile`` (the schema ``art36 schema system`` prints) with all files, in batches

Every tool runs as a subprocess; wall time, CPU time (user+sys) and max RSS come from ``os.wait4``. Peak memory
of the whole art36 process tree (parent + workers) is sampled from /proc in one extra, untimed run. Start-up is
the median of ``--startup-runs`` runs of ``art36 --help`` against a minimal two-command Typer app's ``--help``.

Results are compared with the targets (see TARGETS); ``--check`` exits 1 if any is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_systems  # noqa: E402  (a sibling module, found through the line above)

#: Tools run once only when their first run is slower than --slow-seconds (the others always run --repeat times).
SLOW_TOOLS = ("yamllint", "check-jsonschema")
YAMLLINT_CONFIGS = {
    # What art36 itself checks at the YAML level: syntax (always reported by yamllint) and duplicate keys.
    "syntax": "{rules: {key-duplicates: enable}}",
    "relaxed": "relaxed",
}


# --- running and measuring one subprocess ------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float  # user + sys of the process and its waited-for children
    maxrss_kb: int  # the largest single process in the tree (Linux: ru_maxrss of the child and its children)
    rc: int
    tree_peak_kb: int = 0  # sampled sum over the process tree (only in the memory run)


def _tree_rss_kb(root: int, page_kb: int) -> int:
    """Resident memory of ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
            parents[int(entry)] = int(stat[stat.rindex(b")") + 2 :].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * page_kb
        except (OSError, ValueError, IndexError):
            continue
    return total


def run(
    cmd: list[str],
    *,
    cwd: Path | None = None,
    stdout: Any = subprocess.DEVNULL,
    sample: bool = False,
    env: dict[str, str] | None = None,
    own_figures: bool = False,
) -> Run:
    """Run ``cmd`` to completion; wall, CPU and memory of it alone (not of earlier children).

    With ``own_figures`` the command runs under ``maxrss.py``, which reports the command's own wall, CPU and peak
    RSS: measured from here, ``ru_maxrss`` would start at this (large) process's size, inherited at fork.
    """
    report: Path | None = None
    if own_figures:
        fd, name = tempfile.mkstemp(prefix="art36-bench-", suffix=".json")
        os.close(fd)
        report = Path(name)
        cmd = [sys.executable, str(HERE / "maxrss.py"), str(report), *cmd]
    result = _run(cmd, cwd=cwd, stdout=stdout, sample=sample, env=env)
    if report is not None:
        own = json.loads(report.read_text())
        report.unlink()
        result = Run(own["wall"], own["cpu"], own["maxrss_kb"], result.rc, result.tree_peak_kb)
    return result


def _run(cmd: list[str], *, cwd: Path | None, stdout: Any, sample: bool, env: dict[str, str] | None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE if not sample else subprocess.DEVNULL, env=env
    )
    peak = [0]
    done = threading.Event()
    if sample:
        page_kb = os.sysconf("SC_PAGE_SIZE") // 1024

        def watch() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid, page_kb))
                done.wait(0.02)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
    stderr = b""
    if proc.stderr is not None:
        stderr = proc.stderr.read()  # drain before waiting, so a chatty tool cannot block on a full pipe
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stderr is not None:
        proc.stderr.close()
    rc = proc.returncode
    if rc not in (0, 1):  # 1 = "problems found", expected: the corpus has some
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise RuntimeError(f"{' '.join(cmd[:3])} ... exited {rc}: {' | '.join(tail)}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, rc, peak[0])


def _tool(name: str) -> list[str] | None:
    """A console script from this interpreter's environment (or PATH)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    return [found] if found else None


def _arg_batches(files: list[str], fixed_bytes: int) -> list[list[str]]:
    """Split ``files`` so every command line stays well under the system's argument-size limit."""
    limit = (
        min(os.sysconf("SC_ARG_MAX"), 2 * 1024 * 1024) // 2
        - fixed_bytes
        - sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    )
    batches: list[list[str]] = [[]]
    used = 0
    for f in files:
        size = len(f.encode()) + 1 + 8  # the string, its NUL, the pointer
        if batches[-1] and used + size > limit:
            batches.append([])
            used = 0
        batches[-1].append(f)
        used += size
    return batches


@dataclass
class Tool:
    name: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def best(self) -> Run:
        return min(self.runs, key=lambda r: r.wall)

    @property
    def median_wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)


# --- the benchmark ------------------------------------------------------------------------------------------


def prepare_corpus(root: Path, n: int, cat: gen_systems.Catalogue, seed: int) -> tuple[Path, dict[str, Any]]:
    """The corpus of ``n`` files, generated once per checklist content, seed and generator version."""
    folder = root / f"n{n}-s{seed}-{cat.fingerprint}"
    marker = folder / ".complete.json"
    if marker.exists():
        return folder, json.loads(marker.read_text())
    if folder.exists():
        shutil.rmtree(folder)
    t0 = time.perf_counter()
    summary = gen_systems.generate(folder, n, cat, seed)
    summary["generate_seconds"] = round(time.perf_counter() - t0, 2)
    marker.write_text(json.dumps(summary))
    return folder, summary


def bench_size(
    n: int, corpus: Path, work: Path, args: argparse.Namespace, art36: list[str], schema: Path
) -> dict[str, Tool]:
    files = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.yaml"))
    assert len(files) == n, f"expected {n} files in {corpus}, found {len(files)}"
    out_json = work / f"art36-n{n}.json"
    yamllint = _tool("yamllint")
    cjs = _tool("check-jsonschema")
    tools: dict[str, Tool] = {name: Tool(name) for name in ("floor", "art36", "art36 -j1")}
    # The generated files cite ../evidence/ (beside their batch folder): the corpus root is the evidence root.
    validate = [
        *art36,
        "validate",
        ".",
        "--format",
        "json",
        "-o",
        str(out_json),
        "--no-progress",
        "--evidence-root",
        ".",
    ]
    commands: dict[str, list[list[str]]] = {
        "floor": [[sys.executable, str(HERE / "parse_floor.py"), "."]],
        "art36": [validate],
        "art36 -j1": [[*validate, "--jobs", "1"]],
    }
    sample = files
    if args.tool_sample and args.tool_sample < n:
        step = n / args.tool_sample
        sample = [files[int(i * step)] for i in range(args.tool_sample)]
    scale = n / len(sample)
    scaled = f"measured on {len(sample)} of {n} files, times scaled x{scale:g}" if scale != 1 else ""
    if yamllint:
        tools["yamllint"] = Tool("yamllint", note=scaled)
        config = YAMLLINT_CONFIGS[args.yamllint_config]
        base = [*yamllint, "-f", "parsable", "-d", config]
        commands["yamllint"] = [[*base, "."]] if scale == 1 else [[*base, *b] for b in _arg_batches(sample, 200)]
    if cjs:
        tools["check-jsonschema"] = Tool("check-jsonschema", note=scaled)
        base = [*cjs, "--schemafile", str(schema)]
        batches = _arg_batches(sample, sum(len(a) + 1 for a in base))
        commands["check-jsonschema"] = [[*base, *b] for b in batches]
        if len(batches) > 1:
            tools["check-jsonschema"].note = "; ".join(filter(None, [scaled, f"{len(batches)} batches"]))
    if args.tools:
        wanted = {"floor", "art36", *(t.strip() for t in args.tools.split(","))}
        commands = {k: v for k, v in commands.items() if k in wanted}
        tools = {k: v for k, v in tools.items() if k in wanted}
    for round_no in range(args.repeat):
        for name, cmds in commands.items():
            tool = tools[name]
            if name in SLOW_TOOLS and tool.runs and tool.runs[0].wall > args.slow_seconds:
                continue  # one run of a multi-minute tool is precise enough; noise is small relative to it
            parts = [run(cmd, cwd=corpus, own_figures=True) for cmd in cmds]
            factor = scale if name in SLOW_TOOLS else 1  # only yamllint and check-jsonschema are sampled
            wall = sum(p.wall for p in parts) * factor
            cpu = sum(p.cpu for p in parts) * factor
            tool.runs.append(Run(wall, cpu, max(p.maxrss_kb for p in parts), max(p.rc for p in parts)))
            print(f"  N={n} round {round_no + 1}: {name:<17} {wall:8.2f} s wall {cpu:8.2f} s CPU", flush=True)
    # Memory of the whole art36 process tree (parent + workers), sampled: one extra, untimed run.
    mem = run(commands["art36"][0], cwd=corpus, sample=True, own_figures=True)
    tools["art36"].note = f"process-tree peak {mem.tree_peak_kb / 1024:.0f} MB (sampled)"
    tools["art36"].runs[0].tree_peak_kb = mem.tree_peak_kb
    return tools


def sanity(out_json: Path, n: int, summary: dict[str, Any]) -> dict[str, Any]:
    """What art36 reported: files seen and files with errors (the corpus has ~2% broken on purpose)."""
    data = json.loads(out_json.read_text())
    files = data.get("files", data if isinstance(data, list) else [])
    with_errors = sum(1 for f in files if any(d.get("severity") == "error" for d in f.get("diagnostics", [])))
    with_any = sum(1 for f in files if f.get("diagnostics"))
    expected = sum(summary.get("problems", {}).values())
    codes: dict[str, int] = {}
    for f in files:
        for d in f.get("diagnostics", []):
            codes[d.get("code", "?")] = codes.get(d.get("code", "?"), 0) + 1
    return {
        "files_reported": len(files),
        "files_with_errors": with_errors,
        "files_with_diagnostics": with_any,
        "files_broken_on_purpose": expected,
        "diagnostic_codes": codes,
        "ok": len(files) == n and with_any <= expected * 1.5 + 5,
    }


def startup(art36: list[str], runs: int) -> dict[str, Any]:
    """Median wall time of ``--help``, the three commands interleaved so noise hits them alike."""
    minimal = [sys.executable, str(HERE / "minimal_typer_app.py"), "--help"]
    plain_env = {**os.environ, "MINIMAL_TYPER_PLAIN": "1"}
    cases = {
        "art36 --help": ([*art36, "--help"], None),
        "minimal Typer app --help (art36's settings)": (minimal, plain_env),
        "minimal Typer app --help (Typer defaults)": (minimal, None),
    }
    times: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(2):  # warm the file cache
        for cmd, env in cases.values():
            run(cmd, env=env)
    for _ in range(runs):
        for name, (cmd, env) in cases.items():
            times[name].append(run(cmd, env=env).wall)
    return {name: {"median": statistics.median(t), "min": min(t), "runs": t} for name, t in times.items()}


def _git_state() -> str:
    """HEAD, plus '+dirty' when the installed source differs from it (the benchmark then measures the work tree)."""

    def git(*a: str) -> str:
        return subprocess.run(
            ["git", "-C", str(HERE.parent), *a], capture_output=True, text=True, check=False
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    return head + ("+dirty" if git("status", "--porcelain", "--", "src") else "") if head else "unknown"


def machine() -> dict[str, Any]:
    import yaml

    info: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "python": platform.python_version(),
        "pyyaml": yaml.__version__,
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "platform": platform.platform(),
        "load_average_at_start": os.getloadavg(),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(
            line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")
        )
    except (OSError, StopIteration):
        info["cpu"] = platform.processor() or "unknown"
    try:
        kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        info["ram_gib"] = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration):
        info["ram_gib"] = None
    try:
        import art36

        info["art36"] = art36.__version__
        info["art36_source"] = str(Path(art36.__file__).resolve().parent)
        info["git"] = _git_state()
    except ImportError:
        info["art36"] = "not importable"
    for name in ("yamllint", "check-jsonschema"):
        exe = _tool(name)
        if exe:
            out = subprocess.run([*exe, "--version"], capture_output=True, text=True, check=False)
            info[name] = (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else "?"
    return info


def evaluate(results: dict[int, dict[str, Tool]], start: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target at each size: the measured ratio, the limit, met or not."""
    rows: list[dict[str, Any]] = []
    for n, tools in results.items():
        a = tools["art36"].best.wall
        f = tools["floor"].best.wall
        rows.append(
            {
                "target": "floor",
                "n": n,
                "ratio": a / f,
                "limit": 1.5,
                "met": a / f <= 1.5,
                "detail": f"art36 {a:.2f} s / floor {f:.2f} s",
            }
        )
        if "art36 -j1" in tools:
            a1 = tools["art36 -j1"].best.wall
            rows.append(
                {
                    "target": "floor (art36 -j1)",
                    "n": n,
                    "ratio": a1 / f,
                    "limit": 1.5,
                    "met": a1 / f <= 1.5,
                    "informative": True,
                    "detail": f"art36 -j1 {a1:.2f} s / floor {f:.2f} s, both on one core",
                }
            )
        for other in ("yamllint", "check-jsonschema"):
            if other in tools:
                o = tools[other].best.wall
                rows.append(
                    {
                        "target": other,
                        "n": n,
                        "ratio": o / a,
                        "limit": 8.0,
                        "met": o / a >= 8.0,
                        "detail": f"{other} {o:.2f} s / art36 {a:.2f} s",
                    }
                )
    sizes = sorted(results)
    if len(sizes) >= 2:
        lo, hi = results[sizes[0]]["art36"].best.maxrss_kb, results[sizes[-1]]["art36"].best.maxrss_kb
        rows.append(
            {
                "target": "rss",
                "n": sizes[-1],
                "ratio": hi / lo,
                "limit": 1.2,
                "met": hi / lo <= 1.2,
                "detail": f"max RSS {hi / 1024:.0f} MB at N={sizes[-1]} / {lo / 1024:.0f} MB at N={sizes[0]}",
            }
        )
        tlo = results[sizes[0]]["art36"].runs[0].tree_peak_kb
        thi = results[sizes[-1]]["art36"].runs[0].tree_peak_kb
        if tlo and thi:
            rows.append(
                {
                    "target": "rss (process tree)",
                    "n": sizes[-1],
                    "ratio": thi / tlo,
                    "limit": 1.2,
                    "met": thi / tlo <= 1.2,
                    "informative": True,
                    "detail": f"tree peak {thi / 1024:.0f} MB / {tlo / 1024:.0f} MB",
                }
            )
    if start:
        a = start["art36 --help"]["median"]
        for base, informative in (
            ("minimal Typer app --help (art36's settings)", False),
            ("minimal Typer app --help (Typer defaults)", True),
        ):
            m = start[base]["median"]
            rows.append(
                {
                    "target": "startup",
                    "n": None,
                    "ratio": a / m,
                    "limit": 1.2,
                    "met": a / m <= 1.2,
                    "informative": informative,
                    "detail": f"art36 {a * 1000:.0f} ms / {base.split('(')[1].rstrip(')')} {m * 1000:.0f} ms",
                }
            )
    return rows


def print_report(
    info: dict[str, Any],
    results: dict[int, dict[str, Tool]],
    summaries: dict[int, dict[str, Any]],
    start: dict[str, Any],
    rows: list[dict[str, Any]],
) -> None:
    print()
    if info.get("label"):
        print(f"Label: {info['label']}")
    print(
        f"art36 {info.get('art36')} from {info.get('art36_source')}; repository at {info.get('git')} "
        f"(at the end: {info.get('git_at_end')}); "
        f"checklists {', '.join(info['checklists'])} (fingerprint {info.get('checklists_fingerprint')})"
    )
    print(
        f"Machine: {info['nproc']} cores, {info['cpu']}, {info['ram_gib']} GiB RAM; Python {info['python']}; "
        f"PyYAML {info['pyyaml']} ({'with' if info['libyaml'] else 'WITHOUT'} libyaml); {info['date']}"
    )
    for n, tools in results.items():
        s = summaries[n]
        print(
            f"\nN = {n:,} files ({s['bytes'] / 1e6:.1f} MB, {sum(s['problems'].values())} broken on purpose, "
            f"checklists: {', '.join(s['checklists'])})"
        )
        print(
            f"  {'tool':<18} {'runs':>4} {'best s':>9} {'median s':>9} {'CPU s':>8} {'files/s':>8} "
            f"{'max RSS MB':>10}  {'x floor':>7}  note"
        )
        floor = tools["floor"].best.wall
        for tool in tools.values():
            b = tool.best
            print(
                f"  {tool.name:<18} {len(tool.runs):>4} {b.wall:>9.2f} {tool.median_wall:>9.2f} {b.cpu:>8.2f} "
                f"{n / b.wall:>8.0f} {b.maxrss_kb / 1024:>10.0f}  {b.wall / floor:>7.2f}  {tool.note}"
            )
        if "check" in s:
            c = s["check"]
            print(
                f"  art36 reported {c['files_reported']} files, {c['files_with_errors']} with errors, "
                f"{c['files_with_diagnostics']} with any diagnostic ({c['files_broken_on_purpose']} broken on "
                f"purpose); codes: {', '.join(f'{k} x{v}' for k, v in sorted(c['diagnostic_codes'].items()))}"
            )
            if not c["ok"]:
                print(
                    "  WARNING: many more files have diagnostics than were broken on purpose: the corpus does not "
                    "match the checklists (or art36 changed); these figures are not representative"
                )
    if start:
        print("\nStart-up (median of runs):")
        for name, t in start.items():
            print(f"  {name:<45} {t['median'] * 1000:7.0f} ms (min {t['min'] * 1000:.0f} ms)")
    print("\nTargets:")
    for r in rows:
        limit = f"<= {r['limit']}" if r["target"] not in ("yamllint", "check-jsonschema") else f">= {r['limit']}"
        status = "met" if r["met"] else "MISSED"
        tag = " (informative)" if r.get("informative") else ""
        where = f"N={r['n']:,}" if r["n"] else ""
        print(f"  {r['target']:<20} {where:<9} {r['ratio']:7.2f}x  {limit:<7} {status:<6}{tag}  {r['detail']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000", help="Comma-separated corpus sizes (default: 2000,20000).")
    parser.add_argument("--repeat", type=int, default=3, help="Timed rounds per size; the best is reported.")
    parser.add_argument("--startup-runs", type=int, default=21, help="Runs of each --help (median reported).")
    parser.add_argument(
        "--slow-seconds", type=float, default=60.0, help="A tool whose first run took longer than this is not repeated."
    )
    parser.add_argument("--yamllint-config", choices=sorted(YAMLLINT_CONFIGS), default="syntax")
    parser.add_argument(
        "--tool-sample",
        type=int,
        default=0,
        help="Run yamllint and check-jsonschema on this many files only and scale (quick runs).",
    )
    parser.add_argument(
        "--tools",
        default="",
        help="Only these tools besides floor and art36, e.g. 'art36 -j1' or '' for all (default).",
    )
    parser.add_argument("--seed", type=int, default=36)
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=HERE / "_data",
        help="Where corpora are generated and kept (default: benchmarks/_data, git-ignored).",
    )
    parser.add_argument("--json", type=Path, help="Also write all measurements here.")
    parser.add_argument("--label", default="", help="A note saved with the results (e.g. which art36 source ran).")
    parser.add_argument("--check", action="store_true", help="Exit 1 if a target is missed.")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    art36 = _tool("art36") or [sys.executable, "-m", "art36"]
    cat = gen_systems.read_catalogue()
    if cat.missing:
        print(
            f"warning: checklist(s) {', '.join(cat.missing)} not available: the corpus names only "
            f"{', '.join(cat.checklists) or 'none'}; figures are not final",
            file=sys.stderr,
        )
    if not cat.checklists:
        print("error: no built-in checklist could be loaded", file=sys.stderr)
        return 2
    for name in ("yamllint", "check-jsonschema"):
        if not _tool(name):
            print(f"warning: {name} not installed (pip install yamllint check-jsonschema); skipped", file=sys.stderr)

    info = machine()
    info["label"] = args.label
    info["checklists"] = list(cat.checklists)
    info["checklists_missing"] = list(cat.missing)
    info["checklists_fingerprint"] = cat.fingerprint
    results: dict[int, dict[str, Tool]] = {}
    summaries: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="art36-bench-") as tmp:
        work = Path(tmp)
        schema = work / "system.schema.json"
        schema.write_text(
            subprocess.run([*art36, "schema", "system"], capture_output=True, text=True, check=True).stdout
        )
        for n in sizes:
            corpus, summary = prepare_corpus(args.data_dir, n, cat, args.seed)
            print(f"N={n}: corpus {corpus} ({summary['bytes'] / 1e6:.1f} MB)", flush=True)
            results[n] = bench_size(n, corpus, work, args, art36, schema)
            summary["check"] = sanity(work / f"art36-n{n}.json", n, summary)
            summaries[n] = summary
        start = startup(art36, args.startup_runs) if args.startup_runs > 0 else {}
    info["load_average_at_end"] = os.getloadavg()
    info["git_at_end"] = _git_state()
    if info["git_at_end"] != info.get("git") or gen_systems.read_catalogue().fingerprint != cat.fingerprint:
        print(
            f"warning: art36 or its checklists changed during the run ({info.get('git')} -> {info['git_at_end']}): "
            "run again for figures of one version",
            file=sys.stderr,
        )
    rows = evaluate(results, start)
    print_report(info, results, summaries, start, rows)
    if args.json:
        payload = {
            "machine": info,
            "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
            "corpora": {str(n): s for n, s in summaries.items()},
            "results": {
                str(n): {name: {"runs": [asdict(r) for r in t.runs], "note": t.note} for name, t in tools.items()}
                for n, tools in results.items()
            },
            "startup": start,
            "targets": rows,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
    missed = [r for r in rows if not r["met"] and not r.get("informative")]
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
