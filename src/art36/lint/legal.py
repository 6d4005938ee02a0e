"""Check the legal grounding: every criterion cites a source (L005), prohibitions rest on binding law (L006)."""

from __future__ import annotations

from collections.abc import Iterator

from art36.lint import rules
from art36.lint.context import LintContext, leaves_at
from art36.models.checklist import RedLineBasis
from art36.models.diagnostic import Diagnostic


def criteria_without_source(ctx: LintContext) -> Iterator[Diagnostic]:
    for criterion, loc in ctx.criteria_with_locs():
        if not criterion.references:
            yield rules.NO_SOURCE.at(
                ctx.at((*loc, "references")),
                f"criterion '{criterion.id}' cites no source",
                hint="add references: [{source: ..., section: ...}] naming the law, policy or guidance it implements",
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
            yield rules.RED_LINE_NOT_BINDING.at(
                ctx.at((*loc, "criterion")),
                f"red line '{red_line.id}' has basis binding_law (verdict 'prohibited') but tests criterion "
                f"'{criterion.id}', whose legal status is {criterion.legal_status.value}",
                hint="use basis: national_policy, or test only binding_treaty/customary criteria",
            )
