"""Generate realistic, deterministic system-description files for the validation benchmark.

Every file names the built-in checklists and answers every criterion they have, with valid values (options,
numbers inside the ranges, lists for multi-choice), rationales and document evidence where the checklist asks
for them and on a share of the others, and 1-3 intended uses with their context answers. About 2% of the files
carry one realistic mistake (a typo'd key, an option that does not exist, an unquoted float version, a
duplicate key) so the error path is measured too.

Run on its own to write a corpus: ``python benchmarks/gen_systems.py OUT_DIR --count 2000``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The checklists every generated file names (in this order).
WANTED_CHECKLISTS = ("mhc", "art36-core")
#: Bump when the generated content changes, so cached corpora are rebuilt.
GENERATOR_VERSION = 3
#: Share of files with one deliberate mistake.
PROBLEM_SHARE = 0.02
#: Evidence files that exist next to the system files (answers' evidence ``path`` points at them).
#: They live in ``<corpus>/evidence/``; the system files sit one folder down, hence the ``../``.
EVIDENCE_FILES = tuple(
    f"evidence/{name}.pdf"
    for name in ("test-report", "safety-case", "operator-manual", "v-and-v-plan", "training-syllabus", "data-sheet")
)

_PREFIXES = (
    "Sentinel",
    "Harrier",
    "Kestrel",
    "Aegis",
    "Bulwark",
    "Trident",
    "Warden",
    "Osprey",
    "Gannet",
    "Rampart",
    "Halberd",
    "Skua",
    "Petrel",
    "Bastion",
    "Vigil",
    "Lynx",
    "Marten",
    "Corvid",
    "Tern",
)
_KINDS = (
    "close-in weapon system",
    "loitering munition",
    "counter-UAS turret",
    "mine countermeasure vehicle",
    "active protection system",
    "air-defence missile battery",
    "uncrewed surface vessel",
    "sentry turret",
    "electronic-warfare decoy launcher",
    "counter-battery radar cueing system",
    "uncrewed ground vehicle",
    "torpedo",
    "anti-ship missile",
    "point-defence laser",
)
_DEVELOPERS = (
    "Noordzee Defence Systems B.V.",
    "Thales Nederland (fictional entry)",
    "Albion Dynamics Ltd",
    "Hanseatic Marine Technik GmbH",
    "Nordic Aerosystems AB",
    "Atlantic Guidance Corp.",
    "Vlaamse Sensorsystemen NV",
    "Defence Materiel Organisation (in-house)",
    "Baltic Autonomy OÜ",
    "Iberia Defensa S.A.",
)
_CLASSIFICATIONS = (
    "UNCLASSIFIED",
    "UNCLASSIFIED // FOR OFFICIAL USE ONLY",
    "RESTRICTED",
    "NATO RESTRICTED",
    "DEPARTEMENTAAL VERTROUWELIJK",
    "CONFIDENTIAL",
)
_USE_IDS = (
    "point-defence-at-sea",
    "harbour-protection",
    "convoy-escort",
    "base-defence",
    "area-denial",
    "littoral-patrol",
    "airfield-protection",
    "fleet-air-defence",
    "route-clearance",
    "training-range",
)
_DOCS = (
    "TR-{n:04d} acceptance test report",
    "SC-{n:03d} safety case, issue {i}",
    "OM-{n:03d} operator manual",
    "VVP-{n:03d} verification and validation plan",
    "Legal review memo LR-{n:03d}",
    "Operational test & evaluation report OT&E-{n:03d}",
    "Data management plan DMP-{n:03d}",
)
_RATIONALES = (
    "Established in the acceptance trials and confirmed by the operational test & evaluation campaign.",
    "The operator confirms every engagement through a two-step consent on the fire-control console; "
    "the system cannot release a weapon without it.",
    "Per the vendor's design documentation, reviewed by the Defence Materiel Organisation's test branch.",
    "Limited by doctrine (standing rules of engagement) rather than by a technical control.",
    "Measured over 1,200 hours of sea trials in three climate zones; no uncommanded engagement was recorded.",
    "The classifier was trained on vendor-supplied data; provenance of part of the data is still being traced.",
    "Assessed by the review board on 12 March; see the minutes for the dissenting view.",
)
_WORDS = (
    "sensor",
    "radar",
    "electro-optical",
    "tracking",
    "engagement",
    "operator",
    "console",
    "threat",
    "evaluation",
    "fire-control",
    "hard-kill",
    "soft-kill",
    "interceptor",
    "salvo",
    "doctrine",
    "sector",
    "cueing",
    "classification",
    "confirmation",
    "geofence",
    "inhibit",
    "override",
    "latency",
    "datalink",
)


@dataclass(frozen=True)
class CriterionInfo:
    id: str
    answer_type: str  # choice | multi_choice | boolean | number | text
    values: tuple[Any, ...]  # option values; for numbers, the band upper bounds (None: open-ended)
    context: bool
    rationale_required: bool
    evidence_required: bool
    not_applicable_allowed: bool


@dataclass(frozen=True)
class Catalogue:
    """The criteria the generated files answer, read from the built-in checklists."""

    checklists: tuple[str, ...]  # the ones that loaded
    missing: tuple[str, ...]  # wanted but not built in (or invalid)
    criteria: tuple[CriterionInfo, ...]
    fingerprint: str  # changes when any checklist's text changes


def read_catalogue(wanted: tuple[str, ...] = WANTED_CHECKLISTS) -> Catalogue:
    """Criteria of the wanted built-in checklists, via art36 itself; unavailable checklists are skipped."""
    from art36 import catalog

    cat = catalog.Catalog()
    names: list[str] = []
    missing: list[str] = []
    criteria: dict[str, CriterionInfo] = {}
    digest = hashlib.sha256(f"gen{GENERATOR_VERSION}".encode())
    for name in wanted:
        loaded = cat.resolve(name)
        if not isinstance(loaded, catalog.LoadedChecklist):
            missing.append(name)
            continue
        names.append(name)
        digest.update(loaded.sha256.encode())
        for cid, c in loaded.checklist.criteria.items():
            kind = c.answer_type.value
            values: tuple[Any, ...] = (
                tuple(r.max for r in c.ranges) if kind == "number" else tuple(o.value for o in c.options)
            )
            criteria.setdefault(
                cid,
                CriterionInfo(
                    cid, kind, values, c.context, c.rationale_required, c.evidence_required, c.not_applicable_allowed
                ),
            )
    return Catalogue(tuple(names), tuple(missing), tuple(criteria.values()), digest.hexdigest()[:16])


# --- YAML writing (by hand, in the style of the examples: block mappings, flow lists, quoted text) ---------


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


#: Plain words YAML 1.1 reads as booleans or null: written quoted.
_YAML_WORDS = frozenset(("true", "false", "yes", "no", "on", "off", "null", "y", "n"))


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = str(value)
    plain = text.replace("_", "").replace("-", "").replace(".", "").isalnum() and text not in _YAML_WORDS
    return text if plain and not text[0].isdigit() else _q(text)


def _number_in_band(rng: random.Random, bounds: tuple[Any, ...]) -> int | float:
    i = rng.randrange(len(bounds))
    low = 0.0 if i == 0 else float(bounds[i - 1])
    high = bounds[i] if bounds[i] is not None else low * 4 + 10
    value = rng.uniform(low + (high - low) * 0.05, high)
    return round(value) if value > 5 and rng.random() < 0.7 else round(value, 1)


def _value(rng: random.Random, c: CriterionInfo) -> Any:
    roll = rng.random()
    if roll < 0.03:
        return "unknown"
    if roll < 0.06 and c.not_applicable_allowed:
        return "not_applicable"
    if c.answer_type == "text":
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 18))).capitalize() + "."
    if c.answer_type == "number":
        return _number_in_band(rng, c.values)
    if c.answer_type == "multi_choice":
        return sorted(rng.sample(list(c.values), rng.randint(1, min(3, len(c.values)))), key=c.values.index)
    if not c.values:
        return "unknown"
    # Skew towards the first (lower-risk) options, as real reviewed systems are.
    weights = [1.0 / (k + 1) for k in range(len(c.values))]
    return rng.choices(c.values, weights=weights)[0]


def _doc(rng: random.Random) -> str:
    return rng.choice(_DOCS).format(n=rng.randint(1, 999), i=rng.randint(1, 6))


def _answer_lines(rng: random.Random, c: CriterionInfo, indent: str) -> list[str]:
    value = _value(rng, c)
    rationale = c.rationale_required or rng.random() < 0.25
    evidence = (c.evidence_required and value != "not_applicable") or rng.random() < 0.15
    if not rationale and not evidence:
        return [f"{indent}{c.id}: {_scalar(value)}"]
    lines = [f"{indent}{c.id}:", f"{indent}  value: {_scalar(value)}"]
    if rationale:
        lines.append(f"{indent}  rationale: {_q(rng.choice(_RATIONALES))}")
    if evidence:
        lines.append(f"{indent}  evidence:")
        for _ in range(rng.randint(1, 2)):
            lines.append(f"{indent}    - document: {_q(_doc(rng))}")
            if rng.random() < 0.3:
                lines.append(f"{indent}      path: ../{rng.choice(EVIDENCE_FILES)}")
            if rng.random() < 0.4:
                section = f"Section {rng.randint(2, 14)}, tables and results."
                lines.append(f"{indent}      description: {_q(section)}")
    return lines


def system_text(rng: random.Random, cat: Catalogue, index: int, problem: str | None = None) -> str:
    """One system file's YAML; ``problem`` in {None, 'typo_key', 'bad_option', 'float_version', 'duplicate_key'}."""
    name = f"{rng.choice(_PREFIXES)} {rng.choice(_KINDS)} Mk {rng.randint(1, 9)}"
    major, minor = rng.randint(1, 5), rng.randint(0, 12)
    version = f"{major}.{minor}" if problem == "float_version" else f"{major}.{minor}.{rng.randint(0, 20)}"
    describe = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(25, 60)))
    lines = [
        "# yaml-language-server: $schema=../../schemas/system.schema.json",
        f"# Generated system description #{index} (benchmark corpus, fictional).",
        f"name: {_q(name)}",
        f"version: {version if problem == 'float_version' else _q(version)}",
        f"{'develloper' if problem == 'typo_key' else 'developer'}: {_q(rng.choice(_DEVELOPERS))}",
        "description: >-",
        *(f"  {chunk}" for chunk in _wrap(f"{name}: {describe}.", 100)),
        f"classification: {_q(rng.choice(_CLASSIFICATIONS))}",
        "checklists: [" + ", ".join(cat.checklists) + "]",
        "",
        "answers:",
    ]
    system_wide = [c for c in cat.criteria if not c.context]
    context = [c for c in cat.criteria if c.context]
    choices = [c.id for c in system_wide if c.answer_type == "choice" and c.values]
    bad_id = rng.choice(choices) if problem == "bad_option" and choices else None
    for c in system_wide:
        if c.id == bad_id:
            lines.append(f"  {c.id}: {_scalar(str(c.values[0]).replace('_', '-') + 'd')}")
            continue
        lines.extend(_answer_lines(rng, c, "  "))
    if problem == "duplicate_key" and system_wide:
        lines.extend(_answer_lines(rng, rng.choice(system_wide), "  "))
    lines += ["", "uses:"]
    for use_id in rng.sample(_USE_IDS, rng.randint(1, 3)):
        lines += [f"  - id: {use_id}", f"    title: {_q(use_id.replace('-', ' ').capitalize())}"]
        if rng.random() < 0.5:
            where = use_id.replace("-", " ")
            lines.append(f"    description: {_q(f'Employment in {where} under national command.')}")
        lines.append("    context:")
        lines.extend(line for c in context for line in _answer_lines(rng, c, "      "))
        if system_wide and rng.random() < 0.2:
            lines.append("    answers:")
            lines.extend(_answer_lines(rng, rng.choice(system_wide), "      "))
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    out: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*out, line] if line else out


PROBLEMS = ("typo_key", "bad_option", "float_version", "duplicate_key")


def generate(out_dir: Path, count: int, cat: Catalogue, seed: int = 36) -> dict[str, Any]:
    """Write ``count`` files (``sys-00001.yaml`` ...) under ``out_dir`` in sub-folders of 1,000; return a summary."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    for rel in EVIDENCE_FILES:
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4\n% benchmark placeholder\n")
    problems: dict[str, int] = dict.fromkeys(PROBLEMS, 0)
    total_bytes = 0
    for i in range(1, count + 1):
        problem = PROBLEMS[i % len(PROBLEMS)] if rng.random() < PROBLEM_SHARE else None
        if problem:
            problems[problem] += 1
        text = system_text(rng, cat, i, problem)
        folder = out_dir / f"batch-{(i - 1) // 1000:03d}"
        if (i - 1) % 1000 == 0:
            folder.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        total_bytes += len(data)
        (folder / f"sys-{i:05d}.yaml").write_bytes(data)
    return {"files": count, "bytes": total_bytes, "problems": problems, "checklists": list(cat.checklists)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=36)
    args = parser.parse_args(argv)
    cat = read_catalogue()
    if cat.missing:
        print(f"warning: checklists not available, files will not name them: {', '.join(cat.missing)}", file=sys.stderr)
    print(json.dumps(generate(args.out_dir, args.count, cat, args.seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
