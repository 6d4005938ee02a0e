"""How long `art36 review` takes to acknowledge one answer (autosave included), on Goalkeeper and 500 criteria.

Two measurements per case, both against a baseline taken in the same run:

- in process: the exact work the CLI does between reading an answer and printing "saved" and the notices
  (engine.apply, the answer-log append, the atomic system-file and session-file writes, scoring through
  pipeline.review, the notices, the questions that appeared or disappeared), per answer;
- end to end: the installed `art36 review` in a pseudo-terminal, from sending the answer line to reading the
  "saved" acknowledgement (the terminal round trip included).

The baseline is a bare atomic write (temp file, fsync, rename) of a file the size of the system file.
Usage: python benchmarks/bench_review.py [--answers 60] [--json out.json] [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from art36 import fileio, load  # noqa: E402
from art36.catalog import Catalog, LoadedChecklist  # noqa: E402
from art36.models.system import SystemDescription  # noqa: E402
from art36.review import engine, feedback  # noqa: E402
from art36.review.engine import Give  # noqa: E402
from art36.review.session import Autosave, Paths, SessionFile, now  # noqa: E402

LIMIT_MS = 50.0
RISKS = ["none", "low", "medium", "high"]


def big_checklist(n: int = 500) -> dict[str, object]:
    """A checklist with ``n`` criteria: 25 sections, 5 context criteria, conditions, 3 profiles, 5 red lines."""
    sections = []
    ids: list[str] = []
    context = [f"big.ctx.c{i}" for i in range(5)]
    sections.append(
        {
            "id": "context",
            "title": "Context",
            "criteria": [
                {
                    "id": cid,
                    "question": f"Context question {i}?",
                    "legal_status": "recommendation",
                    "references": [{"source": "Benchmark"}],
                    "context": True,
                    "options": [{"value": f"v{j}", "label": f"V{j}", "risk_level": RISKS[j]} for j in range(4)],
                }
                for i, cid in enumerate(context)
            ],
        }
    )
    per_section = (n - len(context)) // 20
    count = len(context)
    for s in range(20):
        criteria = []
        for k in range(per_section if s < 19 else n - count):
            cid = f"big.s{s}.c{k}"
            item: dict[str, object] = {
                "id": cid,
                "question": f"Question {k} of section {s}: does the system meet requirement {s}.{k}?",
                "guidance": "Guidance text " * 10,
                "legal_status": "recommendation",
                "references": [{"source": "Benchmark", "section": f"{s}.{k}"}],
                "options": [
                    {"value": f"o{j}", "label": f"Option {j}", "meaning": f"Meaning {j}", "risk_level": RISKS[j]}
                    for j in range(4)
                ],
            }
            if k % 10 == 9:
                item["applies_when"] = {"criterion": ids[-1], "risk_at_least": "medium"}
                item["required"] = False
            criteria.append(item)
            ids.append(cid)
            count += 1
        sections.append({"id": f"s{s}", "title": f"Section {s}", "criteria": criteria})
    plain = [i for i in ids if not i.endswith("9")]
    return {
        "id": "big",
        "version": "1.0.0",
        "title": "Benchmark checklist",
        "scoring": {
            "model": "weighted_mean",
            "risk_points": {"none": 100, "low": 85, "medium": 60, "high": 25, "critical": 0},
            "below_requirement_factor": 0.5,
            "bands": [
                {"id": "ok", "min": 75, "max": 100, "label": "OK", "verdict": "approvable"},
                {"id": "mid", "min": 50, "max": 75, "label": "Mid", "verdict": "approvable_with_conditions"},
                {"id": "low", "min": 0, "max": 50, "label": "Low", "verdict": "not_approvable"},
            ],
        },
        "sections": sections,
        "profiles": [
            {
                "id": f"p{p}",
                "title": f"Profile {p}",
                "when": {"criterion": context[p], "in": ["v2", "v3"]},
                "limits": [
                    {"criterion": c, "max_risk": "low", "rationale": "Benchmark limit."} for c in plain[p::3][:50]
                ],
            }
            for p in range(3)
        ],
        "red_lines": [
            {
                "id": f"big.red{r}",
                "title": f"Red line {r}",
                "message": "Benchmark red line.",
                "basis": "national_policy",
                "references": [{"source": "Benchmark"}],
                "when": {"all": [{"criterion": plain[r * 7 + j], "equals": "o3"} for j in (0, 1)]},
            }
            for r in range(5)
        ],
    }


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "median_ms": round(statistics.median(values), 2),
        "p95_ms": round(_percentile(values, 95), 2),
        "max_ms": round(max(values), 2),
    }


def in_process(system: SystemDescription, checklists: list[LoadedChecklist], folder: Path, answers: int) -> dict:
    """Per answer, the CLI's own steps: the acknowledgement (engine + autosave), then the live feedback."""
    paths = Paths.for_output(folder / "sys.reviewed.yaml")
    save = Autosave(paths, SessionFile(reviewer="bench", started=now()))
    state = engine.start(system, [c.checklist for c in checklists])
    save.start(state.system)
    result = feedback.evaluate(state.system, checklists)
    acks: list[float] = []
    totals: list[float] = []
    baseline: list[float] = []
    size = len(paths.system.read_bytes())
    for i in range(answers):
        step = state.step()
        if step is None:
            state = engine.start(state.system, [c.checklist for c in checklists])
            step = state.step()
        assert step is not None
        kind = step.criterion.answer_type.value
        choices = step.criterion.choice_values()
        value: object = {"number": 5 + i, "text": f"text {i}"}.get(kind) or choices[i % len(choices)]
        if kind == "multi_choice":
            value = (value,)
        t0 = time.perf_counter()
        applied = engine.apply(state, Give(value, rationale=f"answer {i}"))  # type: ignore[arg-type]
        assert not isinstance(applied, engine.Refused), applied
        new_state, change = applied
        assert change is not None
        save.save(new_state.system, change)
        acks.append((time.perf_counter() - t0) * 1000)
        new_result = feedback.evaluate(new_state.system, checklists)
        feedback.notices(result, new_result, step.criterion.id)
        engine.visibility_changes(state, new_state, step.criterion.id)
        new_state.step()  # the next question's position is what the prompt shows next
        totals.append((time.perf_counter() - t0) * 1000)
        state, result = new_state, new_result
        t0 = time.perf_counter()
        fileio.write_atomic(["x" * size], folder / "baseline.yaml")
        baseline.append((time.perf_counter() - t0) * 1000)
    return {
        "ack": _stats(acks),
        "ack_and_feedback": _stats(totals),
        "baseline_atomic_write": _stats(baseline),
        "file_bytes": size,
    }


def end_to_end(system_path: Path, answers: int, choice: str) -> dict:
    """The installed CLI in a pty: from sending an answer (and its rationale) to the "saved" acknowledgement."""
    import pexpect

    exe = str(Path(sys.executable).with_name("art36"))
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        exe, ["review", system_path.name, "--reviewer", "bench", "--force"], cwd=str(system_path.parent),
        env=env, encoding="utf-8", dimensions=(24, 80), timeout=60,
    )  # fmt: skip
    child.delaybeforesend = None  # pexpect waits 50 ms before each send by default; that is not art36's time
    times: list[float] = []
    t0 = time.perf_counter()
    for i in range(answers):
        child.expect_exact("Answer")
        child.expect_exact(">")
        child.sendline(choice)
        while True:  # the last line typed (rationale, or the end of the evidence list) starts the clock
            which = child.expect([r"Rationale[^>]*> ", r"Evidence[^>]*> ", r"saved \("])
            if which == 2:
                times.append((time.perf_counter() - t0) * 1000)
                break
            t0 = time.perf_counter()
            child.sendline(f"answer {i}" if which == 0 else "")
    child.sendline("q")
    child.expect(pexpect.EOF)
    return {"answer_to_ack": _stats(times)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=60)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 if a p95 is 50 ms or more")
    args = parser.parse_args()
    report: dict[str, object] = {"limit_ms": LIMIT_MS, "cases": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "big.yaml").write_text(yaml.safe_dump(big_checklist(), sort_keys=False), encoding="utf-8")
        catalog = Catalog()
        cases = {
            "goalkeeper (mhc + art36-core, 1 use)": (ROOT / "examples" / "goalkeeper.yaml", None),
            "generated (500 criteria, 2 uses)": (None, folder / "big.yaml"),
        }
        failed = False
        for name, (path, checklist) in cases.items():
            if path is not None:
                loaded = load.load_file(path, str(path), SystemDescription)
                assert loaded.model is not None
                system = loaded.model
                refs = list(system.checklists)
            else:
                assert checklist is not None
                refs = [str(checklist)]
                system = SystemDescription(
                    name="Big", classification="UNCLASSIFIED", checklists=tuple(refs),
                    uses=({"id": "a"}, {"id": "b"}),  # type: ignore[arg-type]
                )  # fmt: skip
            found = [catalog.resolve(r, path.parent if path else None) for r in refs]
            checklists = [c for c in found if isinstance(c, LoadedChecklist)]
            work = folder / name.split()[0]
            work.mkdir()
            entry = in_process(system, checklists, work, args.answers)
            if path is None:
                (work / "sys.yaml").write_text(
                    yaml.safe_dump({"name": "Big", "classification": "UNCLASSIFIED", "checklists": refs,
                                    "uses": [{"id": "a"}, {"id": "b"}]}), encoding="utf-8",
                )  # fmt: skip
                e2e = end_to_end(work / "sys.yaml", args.answers, "2")
            else:
                target = work / "goalkeeper.yaml"
                target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
                shutil.copytree(path.parent / "evidence", work / "evidence")
                e2e = end_to_end(target, min(args.answers, 45), "1")
            entry.update(e2e)
            ack = entry["ack"]
            entry["ack_ratio_to_baseline"] = round(ack["median_ms"] / entry["baseline_atomic_write"]["median_ms"], 2)
            report["cases"][name] = entry  # type: ignore[index]
            failed |= ack["p95_ms"] >= LIMIT_MS or e2e["answer_to_ack"]["p95_ms"] >= LIMIT_MS
            print(f"{name}:")
            print(f"  in process, acknowledged:        {ack}")
            print(f"  in process, ack + live feedback: {entry['ack_and_feedback']}")
            print(f"  baseline atomic write:           {entry['baseline_atomic_write']}")
            print(f"  ack / baseline (medians):        {entry['ack_ratio_to_baseline']}")
            print(f"  end to end (pty), answer to ack: {e2e['answer_to_ack']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
