"""Review one intended use against its checklists: criterion results, indices, refusals, conditions, verdict."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from art36.conditions import Truth, evaluate, lookup_in
from art36.models.checklist import Checklist
from art36.models.common import text_in
from art36.models.review import (
    ChecklistScore,
    CriterionResult,
    FiredRedLine,
    Margin,
    SectionResult,
    Status,
    UseResult,
)
from art36.models.system import AnswerValue, Measure
from art36.scoring.criteria import checklist_part, worst_margin
from art36.scoring.limits import limits_for
from art36.scoring.verdict import (
    Findings,
    condition,
    criterion_refusal,
    decide,
    red_line_refusal,
    targeting_described,
)

__all__ = ["evaluate_use", "worst_use"]


def evaluate_use(
    checklists: Sequence[Checklist],
    answers: Mapping[str, AnswerValue],
    use_id: str,
    title: str = "",
    *,
    measures: Sequence[Measure] = (),
    strict_conditions: bool = False,
) -> UseResult:
    """The verdict, refusals, conditions and indices for one intended use, given all its answers (context too).

    ``measures`` are what the use declares for its conditions; with ``strict_conditions`` a condition no
    measure addresses makes the use incomplete.
    """
    criteria: list[CriterionResult] = []
    sections: list[SectionResult] = []
    scores: list[ChecklistScore] = []
    profiles: list[str] = []
    fired: list[FiredRedLine] = []
    findings = Findings()
    for checklist in checklists:
        limits = limits_for(checklist, answers)
        c_results, s_results, index = checklist_part(checklist, answers, limits)
        criteria += c_results
        sections += s_results
        scores.append(index)
        profiles += [f"{checklist.id}:{p}" for p in limits.selected]
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
                findings.red_lines.append(red_line_refusal(red_line, checklist, answers))
            elif truth is Truth.UNKNOWN:
                findings.unresolved.append(red_line.id)
        for result in c_results:
            if result.margin is Margin.REFUSED:
                refusal = criterion_refusal(checklist, result, limits, answers)
                if refusal is not None:
                    findings.refusals.append(refusal)
                else:
                    findings.undecided.append(result.id)
            elif result.margin is Margin.ONE_LEVEL_SHORT:
                criterion = checklist.criteria[result.id]
                findings.conditions.append(
                    condition(checklist, criterion, result, limits.of(checklist, result.id), measures)
                )
        if checklist.scope and evaluate(checklist.scope.out_of_scope_when, lookup) is Truth.TRUE:
            findings.out_of_scope.append(checklist.id)

    described = targeting_described(checklists, answers)
    decision = decide(findings, criteria, described, strict_conditions=strict_conditions)
    in_scope = decision.verdict.value != "out_of_scope"
    use_scores = [s.score for s in scores if s.score is not None]
    # Never an average across checklists: a clean legal checklist must not lift weak human control.
    score = min(use_scores) if use_scores and in_scope else None
    gaps = tuple(c.id for c in criteria if c.required and c.status in (Status.MISSING, Status.UNKNOWN))
    return UseResult(
        id=use_id,
        title=title,
        verdict=decision.verdict,
        score=None if score is None else round(score, 1),
        profiles=tuple(profiles),
        checklists=tuple(scores),
        sections=tuple(sections),
        criteria=tuple(criteria),
        red_lines=tuple(fired),
        refusals=tuple(decision.refusals),
        conditions=tuple(decision.conditions) if in_scope else (),
        gaps=gaps if in_scope else (),
        margin=worst_margin([s.margin for s in scores]) if in_scope else None,
        deciding=tuple(decision.deciding),
        reasons=tuple(decision.reasons),
    )


def worst_use(uses: Sequence[UseResult]) -> UseResult:
    """The use that decides the overall verdict: the most severe verdict, then the lowest index, then first."""
    return max(uses, key=lambda u: (u.verdict.severity, -(u.score if u.score is not None else -1)))
