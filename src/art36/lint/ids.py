"""Check that ids are unique where the format needs them to be (L001)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from art36 import echo
from art36.lint.context import LintContext, Loc
from art36.lint.examples import CRITERION
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.rule import Rule

_E, _W = Severity.ERROR, Severity.WARNING


def _repeats(ctx: LintContext, what: str, items: Iterable[tuple[Any, Loc]]) -> Iterator[Diagnostic]:
    """One diagnostic per repeat of a key, pointing at the repeat and naming the first occurrence's line.

    ``what`` names the thing, with ``{}`` where its id goes.
    """
    first: dict[Any, Loc] = {}
    for value, loc in items:
        # Compare type too: the option values true and "true" are different answers.
        key = (type(value), value)
        if key not in first:
            first[key] = loc
            continue
        line = ctx.at(first[key]).line
        shown = echo.value(value)  # an option value or range from the file: bounded like any value
        yield DUPLICATE_ID.at(
            ctx.at(loc),
            f"{what.format(shown)} is defined again (first at line {line})",
            hint="give each one its own id, or merge them",
        )


def duplicate_ids(ctx: LintContext) -> Iterator[Diagnostic]:
    checklist = ctx.checklist
    yield from _repeats(ctx, "section {}", ((s.id, ("sections", i, "id")) for i, s in enumerate(checklist.sections)))
    yield from _repeats(ctx, "criterion {}", ((c.id, (*loc, "id")) for c, loc in ctx.criteria_with_locs()))
    for criterion, loc in ctx.criteria_with_locs():
        yield from _repeats(
            ctx,
            f"option {{}} of criterion '{criterion.id}'",
            ((o.value, (*loc, "options", i, "value")) for i, o in enumerate(criterion.options)),
        )
        yield from _repeats(
            ctx,
            f"range {{}} of criterion '{criterion.id}'",
            ((r.value, (*loc, "ranges", i, "value")) for i, r in enumerate(criterion.ranges)),
        )
    yield from _repeats(ctx, "profile {}", ((p.id, ("profiles", i, "id")) for i, p in enumerate(checklist.profiles)))
    for pi, profile in enumerate(checklist.profiles):
        yield from _repeats(
            ctx,
            f"the limit for criterion {{}} in profile '{profile.id}'",
            ((lim.criterion, ("profiles", pi, "limits", i, "criterion")) for i, lim in enumerate(profile.limits)),
        )
    yield from _repeats(ctx, "red line {}", ((r.id, ("red_lines", i, "id")) for i, r in enumerate(checklist.red_lines)))
    yield from _repeats(
        ctx, "score band {}", ((b.id, ("scoring", "bands", i, "id")) for i, b in enumerate(checklist.scoring.bands))
    )
    yield from _repeats(ctx, "test case {}", ((t.id, ("tests", i, "id")) for i, t in enumerate(checklist.tests)))


DUPLICATE_ID: Rule[LintContext] = Rule(
    "L001",
    "duplicate-id",
    _E,
    "Two sections, criteria, profiles, red lines, bands, test cases, options or limits share an id.",
    "checklist",
    explanation="Ids are how system files, conditions, reports and diffs name things; two things with one id "
    "make every one of those ambiguous. Criterion ids must be unique across all sections; option and range "
    "values unique within their criterion; a profile sets at most one limit per criterion.",
    bad="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        options:\n"
    "          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: materiel, label: Persons, risk_level: critical}\n",
    good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + CRITERION + "        options:\n"
    "          - {value: materiel, label: Military objects, risk_level: low}\n"
    "          - {value: persons, label: Persons, risk_level: critical}\n",
    check=duplicate_ids,
)
