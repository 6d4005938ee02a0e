"""Each criterion's status, index points and margin for one use, and the section and checklist indices."""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from art36.conditions import Truth, evaluate, lookup_in, risk_of
from art36.models.checklist import Checklist, Criterion, ScoringModel, Section
from art36.models.review import ChecklistScore, CriterionResult, Margin, SectionResult, Status
from art36.models.system import NOT_APPLICABLE, UNKNOWN, AnswerValue
from art36.scoring.limits import Limit, Limits, defaults
from art36.scoring.once import per_checklist
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


def assess(
    checklist: Checklist,
    section_id: str,
    criterion: Criterion,
    value: AnswerValue | None,
    limit: Limit,
    hidden: bool,
) -> CriterionResult:
    """The result of one criterion given its answer (None: unanswered), its limit, and whether its
    ``applies_when`` is false (``hidden``): it depends on nothing else, so equal inputs give equal results."""
    model = checklist.scoring
    base = {
        "id": criterion.id,
        "checklist": checklist.id,
        "section": section_id,
        "answer": value,
        "required": criterion.required,
        "max_level": limit.level,
        "required_by": limit.profile,
    }
    if hidden:
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


#: Criterion results remembered per checklist; past this many the memo starts afresh.
MAX_REMEMBERED = 2_048


@dataclass(frozen=True)
class _Plan:
    """A checklist's criteria in scoring order, each with its slot (position), and the results seen so far."""

    sections: tuple[tuple[Section, tuple[tuple[int, Criterion], ...]], ...]
    #: Results by (slot, answer, limit level, limit profile, hidden), with their term in the section derivation.
    seen: dict[Hashable, tuple[CriterionResult, str | None]] = field(default_factory=dict)


@per_checklist
def _plan(checklist: Checklist) -> _Plan:
    slots = itertools.count()
    return _Plan(tuple((s, tuple((next(slots), c) for c in s.criteria)) for s in checklist.sections))


def _answer_key(value: AnswerValue | None) -> Hashable | None:
    """``value`` as a memo key that tells types apart (``True`` is not ``1``), or None when results for it are not
    remembered: numbers (``0.0`` equals ``-0.0`` but is written differently; they rarely repeat anyway)."""
    if value is None or type(value) is str or type(value) is bool:
        return (type(value), value)
    if type(value) is tuple and all(type(v) is str for v in value):
        return (tuple, value)
    return None


def _term(result: CriterionResult) -> str | None:
    """The criterion's part of its section's derivation (None when it earns no points)."""
    return None if result.points is None else f"{result.id} {fmt(result.points)}x{fmt(result.weight)}"


def _assessed(
    checklist: Checklist,
    plan: _Plan,
    slot: int,
    section_id: str,
    criterion: Criterion,
    value: AnswerValue | None,
    limit: Limit,
    hidden: bool,
) -> tuple[CriterionResult, str | None]:
    """:func:`assess` with its section term, remembered per checklist: most answers repeat across uses and files,
    and a result (a frozen model) depends only on these inputs."""
    answer = _answer_key(value)
    if answer is None:
        result = assess(checklist, section_id, criterion, value, limit, hidden)
        return result, _term(result)
    key = (slot, answer, limit.level, limit.profile, hidden)
    found = plan.seen.get(key)
    if found is None:
        if len(plan.seen) >= MAX_REMEMBERED:
            plan.seen.clear()
        result = assess(checklist, section_id, criterion, value, limit, hidden)
        found = plan.seen[key] = (result, _term(result))
    return found


def checklist_part(
    checklist: Checklist, answers: Mapping[str, AnswerValue], limits: Limits
) -> tuple[list[CriterionResult], list[SectionResult], ChecklistScore]:
    """Criterion results, section indices and the checklist index, each with its margin and derivation."""
    criteria: list[CriterionResult] = []
    sections: list[SectionResult] = []
    plan = _plan(checklist)
    lookup = lookup_in(checklist.criteria, answers)
    own, chosen = defaults(checklist), limits.effective
    for section, entries in plan.sections:
        assessed = [
            _assessed(
                checklist,
                plan,
                slot,
                section.id,
                c,
                answers.get(c.id),
                chosen.get(c.id) or own[c.id],  # limits.of, without a call per criterion
                c.applies_when is not None and evaluate(c.applies_when, lookup) is Truth.FALSE,
            )
            for slot, c in entries
        ]
        results = [r for r, _ in assessed]
        criteria.extend(results)
        scored = [(r.points, r.weight) for r in results if r.points is not None]
        score = _weighted(scored)
        derivation = (
            " + ".join(t for _, t in assessed if t is not None) + f" / total weight {fmt(sum(w for _, w in scored))}"
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
