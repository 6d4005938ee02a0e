"""Check what the verdict rules need: limits that some answer meets (L019), targeting criteria for scope (L020)."""

from __future__ import annotations

from collections.abc import Iterator

from art36.lint.context import LintContext
from art36.lint.examples import CRITERION
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.rule import Rule

_E, _W = Severity.ERROR, Severity.WARNING


def unmeetable_limits(ctx: LintContext) -> Iterator[Diagnostic]:
    """A limit below every option's risk: each answer is above it, so its 'condition' can never be met."""
    checklist = ctx.checklist
    lowest = {
        c.id: min(ch.risk_level.rank for ch in c.choices())
        for c in checklist.criteria.values()
        if c.scored and not c.context and c.choices()
    }
    for criterion, loc in ctx.criteria_with_locs():
        floor = lowest.get(criterion.id)
        if floor is not None and criterion.max_risk.rank < floor:
            yield LIMIT_UNMEETABLE.at(
                ctx.at((*loc, "max_risk")),
                f"criterion '{criterion.id}' allows at most {criterion.max_risk.value}, but none of its answers is "
                "that low: every answer is a condition or a refusal",
                hint="raise max_risk to the lowest option's level, or add an option that meets it",
            )
    for pi, profile in enumerate(checklist.profiles):
        for li, limit in enumerate(profile.limits):
            floor = lowest.get(limit.criterion)
            if floor is not None and limit.max_risk.rank < floor:
                yield LIMIT_UNMEETABLE.at(
                    ctx.at(("profiles", pi, "limits", li, "max_risk")),
                    f"profile '{profile.id}' allows at most {limit.max_risk.value} for '{limit.criterion}', but none "
                    "of its answers is that low: a condition nobody can meet is a refusal in disguise",
                    hint="say what the context really requires, or add the option that would meet it",
                )


LIMIT_UNMEETABLE: Rule[LintContext] = Rule(
    "L019",
    "limit-unmeetable",
    _E,
    "A criterion's max_risk, or a profile limit, is below the risk of every answer the criterion offers.",
    "checklist",
    explanation="A condition must say what would meet it (docs/judgement.md, rule 5). When no option is at or "
    "below the limit, every answer is above it: the 'condition' can never be met and the limit silently refuses "
    "or conditions every use. State the limit the context really needs, or add the option that meets it.",
    bad="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        max_risk: none\n"
    "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        max_risk: low\n"
    "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    check=unmeetable_limits,
)

_FORMAT_2 = (
    "format: 2\njudgement: {refuse_levels_above: 2, refuse_at: critical}\n"
    "scoring:\n  risk_points: {none: 100, low: 80, medium: 50, high: 20, critical: 0}\n"
    "  bands: [{id: all, min: 0, max: 100, label: Index}]\n"
    "scope: {out_of_scope_when: {criterion: target.type, equals: materiel}}\n"
)


def scope_without_targeting(ctx: LintContext) -> Iterator[Diagnostic]:
    """Format 2: a scope without any targeting criterion makes every 'not a weapon' answer out of scope."""
    checklist = ctx.checklist
    if checklist.format < 2 or checklist.scope is None:
        return
    if not any(c.targeting for c in checklist.criteria.values()):
        yield SCOPE_WITHOUT_TARGETING.at(
            ctx.at(("scope",)),
            "this checklist has a scope condition but no criterion marked 'targeting: true', so a file that says "
            "it is out of scope is believed even when it describes how it selects and engages targets",
            hint="mark the criteria that describe targeting with 'targeting: true'",
        )


SCOPE_WITHOUT_TARGETING: Rule[LintContext] = Rule(
    "L020",
    "scope-without-targeting",
    _W,
    "A format-2 checklist declares a scope condition but marks no criterion as describing targeting.",
    "checklist",
    explanation="Verdict rule 2: a use is out of scope only when the scope condition holds and the targeting "
    "questions are unanswered or not_applicable; a file that says 'not a weapon' but describes targeting is "
    "incomplete. Without criteria marked 'targeting: true' the tool cannot tell the two apart.",
    bad=_FORMAT_2,
    good=_FORMAT_2
    + "sections:\n  - id: target\n    title: Target\n    criteria:\n"
    + CRITERION
    + "        targeting: true\n"
    "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    check=scope_without_targeting,
)
