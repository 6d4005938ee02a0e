"""Live feedback for the reviewer: score the answers so far (through the pipeline) and say what an answer changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from art36 import pipeline
from art36.catalog import LoadedChecklist
from art36.models.review import ReviewResult, Status
from art36.models.system import SystemDescription


@dataclass(frozen=True)
class Notice:
    """Something the reviewer must hear at once.

    ``kind``: limit, red_line, red_line_cleared, profile_on or profile_off.
    """

    kind: str
    use: str
    subject: str
    detail: tuple[str, ...] = ()


def evaluate(system: SystemDescription, checklists: Sequence[LoadedChecklist], file: str = "") -> ReviewResult:
    """The verdict the answers so far give: exactly what `art36 score` computes for them."""
    return pipeline.review(system, list(checklists), file)


def notices(before: ReviewResult, after: ReviewResult, criterion: str) -> list[Notice]:
    """What changed between two results: context limits crossed (always for ``criterion``), red lines, profiles."""
    found: list[Notice] = []
    old_uses = {u.id: u for u in before.uses}
    for use in after.uses:
        old = old_uses.get(use.id)
        was_below = {c.id for c in old.criteria if c.status is Status.BELOW} if old else set()
        for result in use.criteria:
            if result.status is Status.BELOW and (result.id == criterion or result.id not in was_below):
                found.append(
                    Notice(
                        "limit",
                        use.id,
                        result.id,
                        (str(result.risk_level or ""), str(result.max_level or ""), result.required_by),
                    )
                )
        old_red = {r.id for r in old.red_lines} if old else set()
        new_red = {r.id for r in use.red_lines}
        for red in use.red_lines:
            if red.id not in old_red:
                found.append(Notice("red_line", use.id, red.id, (red.verdict.value, red.basis, red.message)))
        for gone in sorted(old_red - new_red):
            found.append(Notice("red_line_cleared", use.id, gone))
        old_profiles = set(old.profiles) if old else set()
        found += [Notice("profile_on", use.id, p) for p in use.profiles if p not in old_profiles]
        found += [Notice("profile_off", use.id, p) for p in sorted(old_profiles - set(use.profiles))]
    return found
