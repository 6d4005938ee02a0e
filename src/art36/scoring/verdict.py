"""The verdict rules for one use (first match wins): red lines, scope, refusal, incomplete, conditions, approval.

See docs/judgement.md for the rules in words, with their sources. The index never enters these rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from art36 import wording
from art36.conditions import Truth, evaluate, lookup_in
from art36.models.checklist import Checklist, Criterion, Range, RedLine
from art36.models.common import RiskLevel, Verdict, text_in
from art36.models.review import CriterionResult, Margin, MeetingOption, Refusal, ReviewCondition, Status
from art36.models.system import NOT_APPLICABLE, UNKNOWN, AnswerValue, Measure
from art36.scoring.criteria import margin_of
from art36.scoring.limits import Limit, Limits
from art36.scoring.once import per_checklist
from art36.wording import answer as shown
from art36.wording import number as fmt


def _by(limit: Limit) -> str:
    return "the criterion's default" if limit.profile == "default" else f"profile '{limit.profile}'"


@dataclass
class Findings:
    """What the rules decide on, gathered over every checklist of the use."""

    red_lines: list[Refusal] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    #: Red lines that could hold, depending on unknown answers.
    unresolved: list[str] = field(default_factory=list)
    #: Criteria far above their limit where an unknown answer could still relax the limit.
    undecided: list[str] = field(default_factory=list)
    conditions: list[ReviewCondition] = field(default_factory=list)
    #: Checklists whose scope condition says the review does not apply.
    out_of_scope: list[str] = field(default_factory=list)


def red_line_refusal(red_line: RedLine, checklist: Checklist, answers: Mapping[str, AnswerValue]) -> Refusal:
    tested = {cid: answers[cid] for cid in sorted(red_line.when.criteria()) if cid in answers}
    message = text_in(red_line.message)
    return Refusal(
        kind="red_line",
        checklist=checklist.id,
        verdict=red_line.basis.verdict,
        red_line=red_line.id,
        basis=red_line.basis.value,
        answers=tested,
        references=tuple(str(r) for r in red_line.references),
        reason=f"red line {red_line.id} ({red_line.basis.value}): {message}",
    )


def criterion_refusal(
    checklist: Checklist, result: CriterionResult, limits: Limits, answers: Mapping[str, AnswerValue]
) -> Refusal | None:
    """A refusal when the criterion is refused against the most lenient limit the unknown answers allow.

    A criterion shown only because its condition is unknown is not refused: answering could hide it.
    """
    assert result.risk_level is not None
    criterion = checklist.criteria[result.id]
    if criterion.applies_when is not None:
        truth = evaluate(criterion.applies_when, lookup_in(checklist.criteria, answers))
        if truth is not Truth.TRUE:
            return None
    limit = limits.lenient_of(checklist, result.id)
    above = result.risk_level.rank - limit.level.rank
    if margin_of(checklist, above, result.risk_level.rank) is not Margin.REFUSED:
        return None
    how = f"{above} levels above" if above >= 2 else "above"
    return Refusal(
        kind="criterion",
        checklist=checklist.id,
        verdict=Verdict.NOT_APPROVABLE,
        criterion=result.id,
        answer=result.answer,
        risk_level=result.risk_level,
        limit=limit.level,
        profile=limit.profile,
        levels_above=above,
        rationale=limit.rationale,
        reason=(
            f"{result.id}: answer {shown(result.answer)} carries risk {result.risk_level.value}, {how} the "
            f"{limit.level.value} that {_by(limit)} allows ({limit.rationale})"
        ),
    )


def _options_meeting(criterion: Criterion, level: RiskLevel) -> tuple[MeetingOption, ...]:
    """The answers of ``criterion`` whose risk is at most ``level``."""
    options = []
    for choice in criterion.choices():
        if choice.risk_level.rank > level.rank:
            continue
        label = text_in(choice.label)
        if isinstance(choice, Range) and choice.max is not None:
            label = f"{label} (up to {fmt(choice.max)} {criterion.unit})".replace(" )", ")")
        options.append(MeetingOption(value=choice.value, label=label, risk_level=choice.risk_level))
    return tuple(options)


@per_checklist
def _meeting(checklist: Checklist) -> dict[tuple[str, RiskLevel], tuple[MeetingOption, ...]]:
    """The options meeting each (criterion, level) asked so far: the same for every use of the checklist."""
    return {}


def condition(
    checklist: Checklist, criterion: Criterion, result: CriterionResult, limit: Limit, measures: Sequence[Measure]
) -> ReviewCondition:
    """An actionable condition: the answer, the level required, the answers that would meet it, and why."""
    assert result.risk_level is not None
    options = _meeting(checklist).get((criterion.id, limit.level))
    if options is None:
        options = _meeting(checklist)[criterion.id, limit.level] = _options_meeting(criterion, limit.level)
    own = tuple(m for m in measures if m.criterion == criterion.id)
    meet = "; ".join(f"{shown(o.value)} ({o.label})" for o in options) or "no answer of this criterion"
    reason = (
        f"{criterion.id}: answer {shown(result.answer)} carries risk {result.risk_level.value}, one level above "
        f"the {limit.level.value} that {_by(limit)} allows ({limit.rationale}); would meet it: {meet}"
    )
    if own:
        reason += "; addressed by " + "; ".join(f"{m.kind.value}: {m.description}" for m in own)
    return ReviewCondition(
        criterion=criterion.id,
        checklist=checklist.id,
        section=result.section,
        question=text_in(criterion.question),
        answer=result.answer,
        risk_level=result.risk_level,
        required_level=limit.level,
        profile=limit.profile,
        options=options,
        rationale=limit.rationale,
        measures=own,
        addressed=bool(own),
        reason=reason,
    )


def targeting_described(checklists: Sequence[Checklist], answers: Mapping[str, AnswerValue]) -> list[str]:
    """Targeting criteria (format 2) that the answers describe: answered, and not unknown or not_applicable."""
    found: list[str] = []
    for checklist in checklists:
        for cid, criterion in checklist.criteria.items():
            value = answers.get(cid)
            if criterion.targeting and value is not None and value not in (UNKNOWN, NOT_APPLICABLE):
                found.append(cid)
    return sorted(set(found))


def out_of_scope(checklists: Sequence[Checklist], answers: Mapping[str, AnswerValue]) -> bool:
    """Rule 2: some checklist's scope condition holds and no targeting criterion is answered."""
    scoped = any(
        c.scope is not None and evaluate(c.scope.out_of_scope_when, lookup_in(c.criteria, answers)) is Truth.TRUE
        for c in checklists
    )
    return scoped and not targeting_described(checklists, answers)


@dataclass
class Decision:
    verdict: Verdict
    reasons: list[str]
    refusals: list[Refusal]
    conditions: list[ReviewCondition]
    deciding: list[str]


def decide(
    findings: Findings,
    criteria: Sequence[CriterionResult],
    described: Sequence[str],
    *,
    strict_conditions: bool = False,
) -> Decision:
    """Rules 1-5 in order; the first that matches decides (rule 6: no index or band takes part)."""
    gaps = [c.id for c in criteria if c.required and c.status in (Status.MISSING, Status.UNKNOWN)]
    also_missing = (
        [f"also missing or unknown (answering them cannot undo the refusal): {', '.join(gaps)}"] if gaps else []
    )
    refusals = findings.red_lines + findings.refusals
    # Rule 1: red lines.
    if findings.red_lines:
        verdict = Verdict.worst([r.verdict for r in refusals])
        reasons = [r.reason for r in refusals] + also_missing
        return Decision(verdict, reasons, refusals, findings.conditions, _ids(refusals))
    # Rule 2: scope.
    if findings.out_of_scope and not described:
        return Decision(Verdict.OUT_OF_SCOPE, [f"out of scope per {', '.join(findings.out_of_scope)}"], [], [], [])
    # Rule 3: non-compensatory refusal.
    if findings.refusals:
        reasons = [r.reason for r in findings.refusals] + also_missing
        refused = findings.refusals
        return Decision(Verdict.NOT_APPROVABLE, reasons, refused, findings.conditions, _ids(refused))
    # Rule 4: incomplete.
    problems: list[str] = []
    if findings.out_of_scope:
        problems.append(
            f"the answers say the review does not apply ({', '.join(findings.out_of_scope)} scope), yet they "
            f"describe targeting: {', '.join(described)}; answer the scope again or remove those answers"
        )
    if gaps:
        problems.append(f"required answers missing or unknown: {', '.join(gaps)}")
    if findings.unresolved:
        problems.append(f"red lines that cannot be ruled out: {', '.join(findings.unresolved)}")
    if findings.undecided:
        problems.append(
            "refused unless an unanswered context question relaxes the limit: " + ", ".join(findings.undecided)
        )
    conditions = findings.conditions
    if problems:
        return Decision(Verdict.INCOMPLETE, problems, [], conditions, [])
    # Rule 5: conditions.
    if conditions:
        ids = [c.criterion for c in conditions]
        open_ones = [c.criterion for c in conditions if not c.addressed]
        if strict_conditions and open_ones:
            why = f"--strict-conditions: no declared measure addresses: {', '.join(open_ones)}"
            return Decision(Verdict.INCOMPLETE, [why], [], conditions, ids)
        above = wording.count(len(conditions), "criterion", "criteria")
        reasons = [f"{above} one level above what this context allows: {', '.join(ids)}"]
        return Decision(Verdict.APPROVABLE_WITH_CONDITIONS, reasons, [], conditions, ids)
    return Decision(Verdict.APPROVABLE, [], [], [], [])


def _ids(refusals: Sequence[Refusal]) -> list[str]:
    return [r.red_line or r.criterion or "" for r in refusals]
