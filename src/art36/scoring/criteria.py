"""Each criterion's status, index points and margin for one use, and the section and checklist indices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from art36.conditions import Truth, evaluate, lookup_in, risk_of
from art36.models.checklist import Checklist, Criterion, ScoringModel
from art36.models.review import ChecklistScore, CriterionResult, Margin, SectionResult, Status
from art36.models.system import NOT_APPLICABLE, UNKNOWN, AnswerValue
from art36.scoring.limits import Limits
from art36.wording import number as fmt


def margin_of(checklist: Checklist, levels_above: int, level_rank: int) -> Margin:
    """meets; one level short (a condition); or refused: too many levels above, or above at refuse_at."""
    judgement = checklist.judgement
    if levels_above <= 0:
        return Margin.MEETS
    if levels_above >= judgement.refuse_levels_above or level_rank >= judgement.refuse_at.rank:
        return Margin.REFUSED
    return Margin.ONE_LEVEL_SHORT


def worst_margin(margins: Sequence[Margin | None]) -> Margin | None:
    order = [Margin.MEETS, Margin.ONE_LEVEL_SHORT, Margin.REFUSED]
    found = [m for m in margins if m is not None]
    return max(found, key=order.index) if found else None


def criterion_result(
    checklist: Checklist,
    section_id: str,
    criterion: Criterion,
    answers: Mapping[str, AnswerValue],
    limits: Limits,
) -> CriterionResult:
    model = checklist.scoring
    lookup = lookup_in(checklist.criteria, answers)
    value = answers.get(criterion.id)
    limit = limits.of(checklist, criterion.id)
    base = {
        "id": criterion.id,
        "checklist": checklist.id,
        "section": section_id,
        "answer": value,
        "required": criterion.required,
        "max_level": limit.level,
        "required_by": limit.profile,
    }
    if criterion.applies_when is not None and evaluate(criterion.applies_when, lookup) is Truth.FALSE:
        # A question that does not arise carries no risk. Counting it at full points (rather than leaving it
        # out) means that revealing it through a riskier answer can only lower the index, never raise it.
        best = max(model.risk_points.values())
        if not criterion.scored or criterion.context:
            return CriterionResult(**base, status=Status.NOT_SHOWN, derivation="not shown: its condition does not hold")
        return CriterionResult(
            **base,
            status=Status.NOT_SHOWN,
            weight=criterion.weight,
            points=best,
            derivation=f"not shown (its condition does not hold): counts as no risk, {fmt(best)} points",
        )
    if value == NOT_APPLICABLE and criterion.not_applicable_allowed:
        return CriterionResult(**base, status=Status.NOT_APPLICABLE, derivation="not applicable: excluded")
    if not criterion.scored or criterion.context:
        # Text answers are recorded; context answers select profiles instead of earning points.
        why = "context: selects profiles, not scored" if criterion.context else "text answer: recorded, not scored"
        if value is None or value == UNKNOWN:
            status = Status.UNKNOWN if value == UNKNOWN else Status.MISSING
        else:
            status = Status.INFORMATION
        level = risk_of(criterion, value) if criterion.scored and value is not None else None
        return CriterionResult(**base, status=status, risk_level=level, derivation=why)
    weight = criterion.weight
    level = risk_of(criterion, value) if value is not None else None
    if value is None or value == UNKNOWN or level is None:
        if value is None:
            status, why = Status.MISSING, "no answer"
        elif value == UNKNOWN:
            status, why = Status.UNKNOWN, "answered 'unknown'"
        else:  # an answer that fits no option (validate reports it) cannot be assessed
            status, why = Status.UNKNOWN, f"answer {value!r} fits no option"
        return CriterionResult(
            **base,
            status=status,
            weight=weight,
            points=model.unknown_points,
            derivation=f"{why}: unknown_points {fmt(model.unknown_points)}",
        )
    points = model.risk_points[level]
    above = level.rank - limit.level.rank
    margin = margin_of(checklist, above, level.rank)
    if above <= 0:
        status = Status.MEETS
        derivation = f"risk {level.value}: {fmt(points)} points; meets {limit.level.value} ({limit.profile})"
    else:
        status = Status.BELOW
        short = "one level" if above == 1 else f"{above} levels"
        derivation = (
            f"risk {level.value}: {fmt(points)} points; {short} above {limit.level.value} ({limit.profile}): "
            f"{margin.value.replace('_', ' ')}"
        )
    return CriterionResult(
        **base,
        status=status,
        risk_level=level,
        weight=weight,
        points=points,
        derivation=derivation,
        levels_above=max(above, 0),
        margin=margin,
    )


def _weighted(items: Sequence[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in items)
    return sum(s * w for s, w in items) / total if total > 0 else None


def _band(model: ScoringModel, score: float | None) -> str | None:
    if score is None:
        return None
    for band in model.bands:
        if band.min <= score < band.max or (band.max == 100 and score == 100):
            return band.id
    return None


def checklist_part(
    checklist: Checklist, answers: Mapping[str, AnswerValue], limits: Limits
) -> tuple[list[CriterionResult], list[SectionResult], ChecklistScore]:
    """Criterion results, section indices and the checklist index, each with its margin and derivation."""
    criteria: list[CriterionResult] = []
    sections: list[SectionResult] = []
    for section in checklist.sections:
        results = [criterion_result(checklist, section.id, c, answers, limits) for c in section.criteria]
        criteria.extend(results)
        scored = [(r.points, r.weight) for r in results if r.points is not None]
        score = _weighted(scored)
        derivation = (
            " + ".join(f"{r.id} {fmt(r.points)}x{fmt(r.weight)}" for r in results if r.points is not None)
            + f" / total weight {fmt(sum(w for _, w in scored))}"
            if scored
            else "no scored criteria"
        )
        sections.append(
            SectionResult(
                id=section.id,
                checklist=checklist.id,
                score=score,
                weight=section.weight,
                derivation=derivation,
                margin=worst_margin([r.margin for r in results]),
            )
        )
    per_section = [(s.score, s.weight) for s in sections if s.score is not None]
    total = _weighted(per_section)
    band = _band(checklist.scoring, total)
    derivation = (
        f"{checklist.scoring.model}: "
        + " + ".join(f"{s.id} {s.score:.1f}x{fmt(s.weight)}" for s in sections if s.score is not None)
        + f" / total weight {fmt(sum(w for _, w in per_section))}"
        + (f" = {total:.1f} (band {band})" if total is not None else "")
    )
    return (
        criteria,
        sections,
        ChecklistScore(
            id=checklist.id,
            score=total,
            band=band,
            derivation=derivation,
            margin=worst_margin([s.margin for s in sections]),
        ),
    )
