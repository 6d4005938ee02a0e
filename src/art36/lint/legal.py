"""Check the legal grounding: every criterion cites a source (L005), prohibitions rest on binding law (L006)."""

from __future__ import annotations

from collections.abc import Iterator

from art36.lint.context import LintContext, leaves_at
from art36.lint.examples import CRITERION
from art36.models.checklist import RedLineBasis
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.rule import Rule

_E, _W = Severity.ERROR, Severity.WARNING


def criteria_without_source(ctx: LintContext) -> Iterator[Diagnostic]:
    for criterion, loc in ctx.criteria_with_locs():
        if not criterion.references:
            yield NO_SOURCE.at(
                ctx.at((*loc, "references")),
                f"criterion '{criterion.id}' cites no source",
                hint="add references: [{source: ..., section: ...}] naming the law, policy or guidance it implements",
            )


NO_SOURCE: Rule[LintContext] = Rule(
    "L005",
    "criterion-without-source",
    _E,
    "A criterion cites no source ('references' is empty).",
    "checklist",
    explanation="A legal review must be traceable to law, policy or guidance: every criterion names the "
    "treaty article, customary rule, directive or recommendation it implements, so reviewers can weigh it "
    "and reports can be grouped by obligation.",
    bad="sections:\n  - id: target\n    title: Target\n    criteria:\n      - id: target.type\n"
    "        question: What can the system engage?\n        legal_status: binding_treaty\n"
    "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        options:\n"
    "          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    check=criteria_without_source,
)


def red_lines_not_binding(ctx: LintContext) -> Iterator[Diagnostic]:
    criteria = ctx.checklist.criteria
    for ri, red_line in enumerate(ctx.checklist.red_lines):
        if red_line.basis is not RedLineBasis.BINDING_LAW:
            continue
        for leaf, loc in leaves_at(red_line.when, ("red_lines", ri, "when")):
            criterion = criteria.get(leaf.criterion or "")
            if criterion is None or criterion.legal_status.is_binding:
                continue
            yield RED_LINE_NOT_BINDING.at(
                ctx.at((*loc, "criterion")),
                f"red line '{red_line.id}' has basis binding_law (verdict 'prohibited') but tests criterion "
                f"'{criterion.id}', whose legal status is {criterion.legal_status.value}",
                hint="use basis: national_policy, or test only binding_treaty/customary criteria",
            )


RED_LINE_NOT_BINDING: Rule[LintContext] = Rule(
    "L006",
    "red-line-not-binding",
    _E,
    "A red line with basis 'binding_law' tests a criterion whose legal status is not binding.",
    "checklist",
    explanation="Basis 'binding_law' yields the verdict 'prohibited'. Only binding treaty law or customary "
    "law can prohibit; a prohibition cannot rest on national policy or a recommendation. Use basis "
    "'national_policy' (verdict 'not approvable') or test binding criteria only.",
    bad="sections:\n  - id: target\n    title: Target\n    criteria:\n      - id: target.type\n"
    "        question: What can the system engage?\n        references: [{source: ICRC position 2021}]\n"
    "        legal_status: recommendation\n        options:\n"
    "          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n"
    "red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
    "    basis: binding_law\n    references: [{source: ICRC position 2021}]\n"
    "    when: {criterion: target.type, equals: persons}\n",
    good="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
    "    basis: national_policy\n    references: [{source: ICRC position 2021}]\n"
    "    when: {criterion: target.type, equals: persons}\n",
    check=red_lines_not_binding,
)
