"""Check how criteria use risk levels: options that cannot discriminate (L004), 'critical' allowed (L016)."""

from __future__ import annotations

from collections.abc import Iterator

from art36.lint.context import LintContext
from art36.lint.examples import CRITERION
from art36.models.checklist import AnswerType
from art36.models.common import RiskLevel
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.rule import Rule

_E, _W = Severity.ERROR, Severity.WARNING


def non_discriminating_options(ctx: LintContext) -> Iterator[Diagnostic]:
    # A criterion that conditions test matters through them (profiles, red lines, applies_when), whatever its risks.
    tested = {cid for site in ctx.condition_sites for cid in site.condition.criteria()}
    for criterion, loc in ctx.criteria_with_locs():
        if not criterion.scored or criterion.context or criterion.id in tested:
            continue
        levels = {choice.risk_level for choice in criterion.choices()}
        if len(levels) != 1:
            continue
        key = "ranges" if criterion.answer_type is AnswerType.NUMBER else "options"
        yield NON_DISCRIMINATING.at(
            ctx.at((*loc, key)),
            f"every {key[:-1]} of criterion '{criterion.id}' has risk level {levels.pop().value}, "
            "so its answer never changes the score",
            hint="give the options the risk levels they carry, or make it a text criterion if it only records facts",
        )


NON_DISCRIMINATING: Rule[LintContext] = Rule(
    "L004",
    "non-discriminating-options",
    _W,
    "All options of a scored criterion carry the same risk level, so its answer cannot change the result.",
    "checklist",
    explanation="A criterion earns points by the risk level of its answer. If every option has the same level "
    "the question never makes a difference. Context criteria and criteria that conditions test are exempt: "
    "their answers matter through profiles, red lines and applies_when.",
    bad="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        options:\n"
    "          - {value: materiel, label: Military objects, risk_level: medium}\n"
    "          - {value: persons, label: Persons, risk_level: medium}\n",
    good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        options:\n"
    "          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    check=non_discriminating_options,
)


def critical_allowed(ctx: LintContext) -> Iterator[Diagnostic]:
    hint = "nothing is ever below requirement at 'critical'; allow at most 'high'"
    for criterion, loc in ctx.criteria_with_locs():
        if criterion.scored and not criterion.context and criterion.max_risk is RiskLevel.CRITICAL:
            yield CRITICAL_ALLOWED.at(
                ctx.at((*loc, "max_risk")), f"criterion '{criterion.id}' allows risk up to critical", hint=hint
            )
    for pi, profile in enumerate(ctx.checklist.profiles):
        for li, limit in enumerate(profile.limits):
            if limit.max_risk is RiskLevel.CRITICAL:
                yield CRITICAL_ALLOWED.at(
                    ctx.at(("profiles", pi, "limits", li, "max_risk")),
                    f"profile '{profile.id}' allows risk up to critical for '{limit.criterion}'",
                    hint=hint,
                )


CRITICAL_ALLOWED: Rule[LintContext] = Rule(
    "L016",
    "critical-risk-allowed",
    _W,
    "A criterion's max_risk, or a profile limit, is 'critical', so no answer is ever below requirement.",
    "checklist",
    explanation="'critical' is the highest level, so allowing it means the criterion can never flag a "
    "gap or a condition. If the criterion should not constrain the verdict, say so with a lower weight.",
    bad="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        max_risk: critical\n"
    "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        max_risk: medium\n"
    "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    check=critical_allowed,
)
