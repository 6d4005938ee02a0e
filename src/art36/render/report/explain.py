"""A checklist's declared scoring model in words a lawyer can follow (no formulas, every constant named)."""

from __future__ import annotations

from art36.models.checklist import Checklist
from art36.models.common import RiskLevel, text_in


def _n(x: float) -> str:
    return f"{x:g}"


def model_in_words(checklist: Checklist) -> str:
    """One paragraph: how a criterion earns index points, how sections and checklists combine, and the bands."""
    m = checklist.scoring
    j = checklist.judgement
    points = ", ".join(f"{level.value} {_n(m.risk_points[level])}" for level in RiskLevel)
    bands = "; ".join(
        f"from {_n(b.min)} to {_n(b.max)} '{b.id}' ({text_in(b.label)})" for b in sorted(m.bands, key=lambda b: -b.min)
    )
    return (
        f"Checklist '{checklist.id}' {checklist.version} ({text_in(checklist.title)}) uses the index model "
        f"'{m.model}'. Each answer carries a risk level, and each level is worth a fixed number of points out of "
        f"100 ({points}), whatever the context of use, so the index compares across systems. An answer that is "
        f"missing or 'unknown' earns {_n(m.unknown_points)} points. A question that does not arise for this "
        f"system counts as no risk; an answer of 'not applicable', where allowed, is left out. A section's index "
        f"is the average of its criteria's points, each counted as often as its weight; the checklist's index is "
        f"the average of its section indices, each counted as often as the section's weight; a use's score is the "
        f"lowest of its checklists' indices, never their average. Bands only name the index: {bands}. The index "
        f"never decides a verdict. The verdict follows the judgement rules: a red line decides whatever else; a "
        f"criterion {j.refuse_levels_above} or more risk levels above the limit its context allows, or above it "
        f"at {j.refuse_at.value}, refuses the use; a missing required answer makes the review incomplete unless a "
        f"refusal holds anyway; a criterion one level above its limit is a condition of approval."
    )
