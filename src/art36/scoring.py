"""Score answers against checklists: per-criterion status, section and checklist scores, verdicts. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from art36.conditions import Truth, evaluate, lookup_in, risk_of
from art36.models.checklist import Checklist, ContextProfile, Criterion, ScoringModel
from art36.models.common import RiskLevel, Verdict, text_in
from art36.models.review import (
    ChecklistScore,
    CriterionResult,
    FiredRedLine,
    ReviewCondition,
    SectionResult,
    Status,
    UseResult,
)
from art36.models.system import NOT_APPLICABLE, UNKNOWN, AnswerValue
from art36.wording import number


def _limits(
    checklist: Checklist, answers: Mapping[str, AnswerValue]
) -> tuple[list[str], dict[str, tuple[RiskLevel, str, str]]]:
    """Selected profiles, and for each criterion the strictest limit among them: (level, profile id, rationale).

    A profile whose condition is unknown (its context not answered) may only tighten, never relax.
    """
    lookup = lookup_in(checklist.criteria, answers)
    selected: list[str] = []
    strictest: dict[str, tuple[RiskLevel, str, str]] = {}

    def consider(profile: ContextProfile, tighten_only: bool) -> None:
        for limit in profile.limits:
            criterion = checklist.criteria.get(limit.criterion)
            if criterion is None:
                continue
            if tighten_only and limit.max_risk.rank >= criterion.max_risk.rank:
                continue
            current = strictest.get(limit.criterion)
            if current is None or limit.max_risk.rank < current[0].rank:
                strictest[limit.criterion] = (limit.max_risk, profile.id, text_in(limit.rationale))

    for profile in checklist.profiles:
        truth = evaluate(profile.when, lookup)
        if truth is Truth.TRUE:
            selected.append(profile.id)
            consider(profile, tighten_only=False)
        elif truth is Truth.UNKNOWN:
            consider(profile, tighten_only=True)
    return selected, strictest


def _criterion(
    checklist: Checklist,
    section_id: str,
    criterion: Criterion,
    answers: Mapping[str, AnswerValue],
    limits: Mapping[str, tuple[RiskLevel, str, str]],
) -> CriterionResult:
    model = checklist.scoring
    lookup = lookup_in(checklist.criteria, answers)
    value = answers.get(criterion.id)
    max_level, required_by, _ = limits.get(criterion.id, (criterion.max_risk, "default", ""))
    base: dict[str, Any] = {
        "id": criterion.id,
        "checklist": checklist.id,
        "section": section_id,
        "answer": value,
        "required": criterion.required,
        "max_level": max_level,
        "required_by": required_by,
    }
    if criterion.applies_when is not None and evaluate(criterion.applies_when, lookup) is Truth.FALSE:
        # A question that does not arise carries no risk. Counting it at full points (rather than leaving it
        # out) means that revealing it through a riskier answer can only lower a score, never raise it.
        best = max(model.risk_points.values())
        if not criterion.scored or criterion.context:
            return CriterionResult(**base, status=Status.NOT_SHOWN, derivation="not shown: its condition does not hold")
        return CriterionResult(
            **base,
            status=Status.NOT_SHOWN,
            weight=criterion.weight,
            points=best,
            derivation=f"not shown (its condition does not hold): counts as no risk, {number(best)} points",
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
    if value is None or value == UNKNOWN or risk_of(criterion, value) is None:
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
            derivation=f"{why}: unknown_points {number(model.unknown_points)}",
        )
    level = risk_of(criterion, value)
    assert level is not None
    points = model.risk_points[level]
    if level.rank <= max_level.rank:
        status = Status.MEETS
        derivation = f"risk {level.value} <= {max_level.value} ({required_by}): {number(points)} points"
    else:
        status = Status.BELOW
        reduced = points * model.below_requirement_factor
        derivation = (
            f"risk {level.value} > {max_level.value} ({required_by}): {number(points)} x "
            f"below_requirement_factor {number(model.below_requirement_factor)} = {number(reduced)} points"
        )
        points = reduced
    return CriterionResult(**base, status=status, risk_level=level, weight=weight, points=points, derivation=derivation)


def _weighted(items: Sequence[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in items)
    return sum(s * w for s, w in items) / total if total > 0 else None


def _band(model: ScoringModel, score: float | None) -> tuple[str | None, Verdict | None]:
    if score is None:
        return None, None
    for band in model.bands:
        if band.min <= score < band.max or (band.max == 100 and score == 100):
            return band.id, Verdict(band.verdict)
    return None, None


def _checklist_part(
    checklist: Checklist, answers: Mapping[str, AnswerValue]
) -> tuple[list[CriterionResult], list[SectionResult], ChecklistScore, list[str]]:
    profiles, limits = _limits(checklist, answers)
    criteria: list[CriterionResult] = []
    sections: list[SectionResult] = []
    for section in checklist.sections:
        results = [_criterion(checklist, section.id, c, answers, limits) for c in section.criteria]
        criteria.extend(results)
        scored = [(r.points, r.weight) for r in results if r.points is not None]
        score = _weighted(scored)
        derivation = (
            " + ".join(f"{r.id} {number(r.points)}x{number(r.weight)}" for r in results if r.points is not None)
            + f" / total weight {number(sum(w for _, w in scored))}"
            if scored
            else "no scored criteria"
        )
        sections.append(
            SectionResult(
                id=section.id, checklist=checklist.id, score=score, weight=section.weight, derivation=derivation
            )
        )
    per_section = [(s.score, s.weight) for s in sections if s.score is not None]
    total = _weighted(per_section)
    band, band_verdict = _band(checklist.scoring, total)
    derivation = (
        f"{checklist.scoring.model}: "
        + " + ".join(f"{s.id} {s.score:.1f}x{number(s.weight)}" for s in sections if s.score is not None)
        + f" / total weight {number(sum(w for _, w in per_section))}"
        + (f" = {total:.1f} (band {band})" if total is not None else "")
    )
    return (
        criteria,
        sections,
        ChecklistScore(id=checklist.id, score=total, band=band, band_verdict=band_verdict, derivation=derivation),
        profiles,
    )


def evaluate_use(
    checklists: Sequence[Checklist], answers: Mapping[str, AnswerValue], use_id: str, title: str = ""
) -> UseResult:
    """The verdict and score for one intended use, given all its answers (context included)."""
    criteria: list[CriterionResult] = []
    sections: list[SectionResult] = []
    scores: list[ChecklistScore] = []
    profiles: list[str] = []
    fired: list[FiredRedLine] = []
    unresolved: list[str] = []
    out_of_scope: list[str] = []
    for checklist in checklists:
        c_results, s_results, score, selected = _checklist_part(checklist, answers)
        criteria += c_results
        sections += s_results
        scores.append(score)
        profiles += [f"{checklist.id}:{p}" for p in selected]
        lookup = lookup_in(checklist.criteria, answers)
        for red_line in checklist.red_lines:
            truth = evaluate(red_line.when, lookup)
            if truth is Truth.TRUE:
                fired.append(
                    FiredRedLine(
                        id=red_line.id,
                        checklist=checklist.id,
                        basis=red_line.basis.value,
                        verdict=red_line.basis.verdict,
                        message=text_in(red_line.message),
                        references=tuple(str(r) for r in red_line.references),
                    )
                )
            elif truth is Truth.UNKNOWN:
                unresolved.append(red_line.id)
        if checklist.scope and evaluate(checklist.scope.out_of_scope_when, lookup) is Truth.TRUE:
            out_of_scope.append(checklist.id)

    gaps = [c.id for c in criteria if c.required and c.status in (Status.MISSING, Status.UNKNOWN)]
    below = [c for c in criteria if c.status is Status.BELOW]
    reasons: list[str] = []
    if fired:
        verdict = Verdict.worst([r.verdict for r in fired])
        reasons += [f"red line {r.id} ({r.basis}): {r.message}" for r in fired]
    elif out_of_scope:
        verdict = Verdict.OUT_OF_SCOPE
        reasons.append(f"out of scope per {', '.join(out_of_scope)}")
    elif gaps or unresolved:
        verdict = Verdict.INCOMPLETE
        if gaps:
            reasons.append(f"required answers missing or unknown: {', '.join(gaps)}")
        if unresolved:
            reasons.append(f"red lines that cannot be ruled out: {', '.join(unresolved)}")
    else:
        verdict = Verdict.APPROVABLE_WITH_CONDITIONS if below else Verdict.APPROVABLE
        if below:
            reasons.append(f"{len(below)} criteria above the risk this context allows")
        for s in scores:
            if s.band_verdict is not None and s.band_verdict.severity > verdict.severity:
                verdict = s.band_verdict
                reasons.append(
                    f"{s.id} score {s.score:.1f} is in band '{s.band}', which allows at best {s.band_verdict}"
                )
    conditions = tuple(ReviewCondition(criterion=c.id, reason=_condition_reason(checklists, c)) for c in below)
    use_scores = [c.score for c in scores if c.score is not None]
    use_score = sum(use_scores) / len(use_scores) if use_scores else None
    return UseResult(
        id=use_id,
        title=title,
        verdict=verdict,
        score=None if use_score is None else round(use_score, 1),
        profiles=tuple(profiles),
        checklists=tuple(scores),
        sections=tuple(sections),
        criteria=tuple(criteria),
        red_lines=tuple(fired),
        conditions=conditions,
        reasons=tuple(reasons),
    )


def _condition_reason(checklists: Sequence[Checklist], result: CriterionResult) -> str:
    """Why a criterion needs mitigation or restriction: its risk, the limit, and the profile's rationale."""
    reason = f"answer {result.answer!r} carries risk {result.risk_level}, above the {result.max_level} allowed"
    for checklist in checklists:
        for profile in checklist.profiles:
            if profile.id != result.required_by or checklist.id != result.checklist:
                continue
            for limit in profile.limits:
                if limit.criterion == result.id:
                    return f"{reason} in context '{profile.id}': {text_in(limit.rationale)}"
    return f"{reason} by default"


__all__ = ["evaluate_use", "worst_use"]


def worst_use(uses: Sequence[UseResult]) -> UseResult:
    """The use that decides the overall verdict: the most severe verdict, then the lowest score, then first."""
    return max(uses, key=lambda u: (u.verdict.severity, -(u.score if u.score is not None else -1)))
