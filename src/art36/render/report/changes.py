"""`art36 diff` output: the changes between two reviews as terminal text, Markdown or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from art36.diff import ReviewDiff
from art36.render.report.markdown import esc
from art36.render.report.text import literal

if TYPE_CHECKING:
    from art36.verify import Verification

_MARKS = {"unchanged": "ok", "changed": "CHANGED", "missing": "MISSING", "not recorded": "not recorded"}


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def _rows(d: ReviewDiff) -> list[tuple[str, list[tuple[str, ...]]]]:
    """The change tables in display order: (title, rows), each row a tuple of plain strings."""
    return [
        ("Verdicts changed", [(v.use or "(overall)", str(v.old), str(v.new)) for v in d.verdicts]),
        (
            "Answers changed",
            [
                (
                    a.criterion,
                    a.old,
                    a.new,
                    ", ".join(
                        x for x, on in (("rationale", a.rationale_changed), ("evidence", a.evidence_changed)) if on
                    )
                    or "-",
                    ", ".join(a.uses),
                )
                for a in d.answers
            ],
        ),
        ("Criteria that changed status", [(s.use, s.criterion, s.old, s.new) for s in d.statuses]),
        ("Scores moved", [(s.use, s.what, _num(s.old), _num(s.new)) for s in d.scores]),
        ("Intended uses added", [(u,) for u in d.uses_added]),
        ("Intended uses removed", [(u,) for u in d.uses_removed]),
        ("Criteria added", [(c,) for c in d.criteria_added]),
        ("Criteria removed", [(c,) for c in d.criteria_removed]),
    ]


_HEADERS = {
    "Verdicts changed": ("use", "old", "new"),
    "Answers changed": ("criterion", "old", "new", "also changed", "uses"),
    "Criteria that changed status": ("use", "criterion", "old", "new"),
    "Scores moved": ("use", "score", "old", "new"),
}


def text(d: ReviewDiff) -> str:
    lines = [f"art36 diff {literal(d.old)} -> {literal(d.new)}"]
    if d.empty:
        return "\n".join([*lines, "no changes in answers, statuses, scores or verdicts", ""])
    for title, rows in _rows(d):
        if not rows:
            continue
        lines += ["", f"{title} ({len(rows)}):"]
        for row in rows:
            if len(row) == 1:
                lines.append(f"  {literal(row[0])}")
            elif title == "Answers changed":
                crit, old, new, also, uses = row
                extra = f" (also {also})" if also != "-" else ""
                lines.append(f"  {literal(crit)}: {literal(old)} -> {literal(new)}{extra} [{literal(uses)}]")
            else:
                *key, old, new = row
                lines.append(f"  {' '.join(literal(k) for k in key)}: {literal(old)} -> {literal(new)}")
    return "\n".join(lines) + "\n"


def markdown(d: ReviewDiff) -> str:
    lines = [f"# art36 diff: {esc(d.old)} → {esc(d.new)}", ""]
    if d.empty:
        return "\n".join([*lines, "No changes in answers, statuses, scores or verdicts.", ""])
    for title, rows in _rows(d):
        if not rows:
            continue
        header = _HEADERS.get(title, ("id",))
        lines += [f"## {title} ({len(rows)})", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def json(d: ReviewDiff) -> str:
    return d.model_dump_json(indent=2) + "\n"


def render(d: ReviewDiff, fmt: str) -> str:
    return {"text": text, "md": markdown, "json": json}[fmt](d)


def verification(result: Verification, path: str) -> str:
    """`art36 verify`: each recorded input ok / CHANGED / MISSING, what recomputing changed, then the verdict."""
    lines = []
    for item in result.inputs:
        lines.append(f"{_MARKS[item.state]:<12} {item.kind}: {literal(item.name)}")
        if item.state == "changed":
            lines.append(f"{'':<12}   recorded sha256 {item.recorded}")
            lines.append(f"{'':<12}   now      sha256 {item.current}")
    lines += [f"note         {literal(n)}" for n in result.notes]
    if result.changes is not None and not result.changes.empty:
        lines += ["", "recomputing the review changes its outcome:", text(result.changes).rstrip("\n")]
    if result.matches:
        lines.append(f"{literal(path)}: matches its recorded inputs")
    else:
        changed = ", ".join(literal(i.name) for i in result.changed_inputs) or "the recomputed result"
        lines.append(f"{literal(path)}: does NOT match: {changed}")
    return "\n".join(lines) + "\n"
