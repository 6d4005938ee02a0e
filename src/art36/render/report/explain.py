"""A checklist's declared scoring model in words a lawyer can follow (no formulas, every constant named)."""

from __future__ import annotations

from art36.models.checklist import Checklist
from art36.models.common import RiskLevel, text_in


def _n(x: float) -> str:
    return f"{x:g}"


def model_in_words(checklist: Checklist) -> str:
    """One paragraph: how a criterion earns points, how sections and the checklist combine, and the bands."""
    m = checklist.scoring
    points = ", ".join(f"{level.value} {_n(m.risk_points[level])}" for level in RiskLevel)
    bands = "; ".join(
        f"from {_n(b.min)} to {_n(b.max)} '{b.id}' ({text_in(b.label)}), which allows at best {b.verdict}"
        for b in sorted(m.bands, key=lambda b: -b.min)
    )
    return (
        f"Checklist '{checklist.id}' {checklist.version} ({text_in(checklist.title)}) uses the model '{m.model}'. "
        f"Each answer carries a risk level, and each level is worth a fixed number of points out of 100 "
        f"({points}). Where the answer is riskier than the intended use's context allows, the criterion earns "
        f"only {_n(m.below_requirement_factor)} times those points. An answer that is missing or 'unknown' earns "
        f"{_n(m.unknown_points)} points. A question that does not arise for this system counts as no risk; an "
        f"answer of 'not applicable', where allowed, is left out. A section's score is the average of its "
        f"criteria's points, each counted as often as its weight; the checklist's score is the average of its "
        f"section scores, each counted as often as the section's weight; the use's score is the average of its "
        f"checklists' scores. The score then falls in a band: {bands}. The score never outweighs a red line: "
        f"a red line decides the verdict whatever the score, and a missing required answer makes the review "
        f"incomplete."
    )
