"""Check conditions by trying every combination of answers: never true (L007) or always true (L008)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping

from art36 import echo
from art36.conditions import Truth, evaluate, lookup_in
from art36.lint.context import ConditionSite, LintContext, leaves_at
from art36.models.checklist import AnswerType, Criterion
from art36.models.condition import Condition
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.rule import Rule
from art36.models.system import NOT_APPLICABLE, AnswerValue

#: Above this many answer combinations a condition is not checked (the check would be slow, not wrong).
MAX_COMBINATIONS = 4096
#: A multi-choice criterion with more options than this has too many possible answers to try.
_MAX_MULTI_OPTIONS = 12


_E, _W = Severity.ERROR, Severity.WARNING


def answer_domain(criterion: Criterion) -> list[AnswerValue] | None:
    """One answer for each distinct way the criterion can be answered (None if there are too many)."""
    kind = criterion.answer_type
    values: list[AnswerValue]
    if kind is AnswerType.TEXT:
        values = ["(text)"]  # conditions cannot test text: any text stands for all of them
    elif kind is AnswerType.MULTI_CHOICE:
        options = [o.value for o in criterion.options]
        if len(options) > _MAX_MULTI_OPTIONS:
            return None
        values = [c for n in range(1, len(options) + 1) for c in itertools.combinations(options, n)]
    elif kind is AnswerType.NUMBER:
        values, top = [], 0.0
        for band in criterion.ranges:  # a number inside each band, in the order the engine tries them
            top = band.max if band.max is not None else top + 1
            values.append(top)
    else:
        values = [o.value for o in criterion.options]
    if criterion.not_applicable_allowed:
        values.append(NOT_APPLICABLE)
    return values


def outcomes(condition: Condition, criteria: Mapping[str, Criterion]) -> set[Truth] | None:
    """The truth values ``condition`` takes over all definite answers; None when that cannot be decided cheaply.

    Unknown answers are left out on purpose: they only ever turn a result into UNKNOWN, never into TRUE.
    """
    ids = sorted(condition.criteria())
    if any(cid not in criteria for cid in ids):
        return None  # an undefined criterion is L002's business
    domains = [answer_domain(criteria[cid]) for cid in ids]
    if any(d is None for d in domains) or math.prod(len(d or ()) for d in domains) > MAX_COMBINATIONS:
        return None
    seen: set[Truth] = set()
    for combination in itertools.product(*(d or () for d in domains)):
        seen.add(evaluate(condition, lookup_in(criteria, dict(zip(ids, combination, strict=True)))))
        if Truth.TRUE in seen and len(seen) > 1:
            break  # both answers already known: sometimes true, sometimes not
    return seen


def _dead_tests(site: ConditionSite, criteria: Mapping[str, Criterion]) -> list[str]:
    """The criterion tests in the condition that are never true by themselves, for the hint."""
    dead = []
    for leaf, _ in leaves_at(site.condition, site.loc):
        found = outcomes(leaf, criteria)
        if found is not None and Truth.TRUE not in found:
            test = (
                f"risk_at_least {leaf.risk_at_least.value}"
                if leaf.risk_at_least is not None
                else f"in {echo.value(list(leaf.values()))}"
            )
            dead.append(f"'{leaf.criterion}' {test}")
    return dead


_NEVER = {
    "applies_when": "criterion '{owner}' can never be shown",
    "profile": "profile '{owner}' can never be selected",
    "red_line": "red line '{owner}' can never fire",
    "scope": "no system can ever be out of scope",
}
_ALWAYS = {
    "applies_when": "criterion '{owner}' is shown whatever the answers, so its applies_when has no effect",
    "red_line": "red line '{owner}' fires whatever the answers, so every system fails it",
    "scope": "every system is out of scope whatever the answers",
}


def never_holds(ctx: LintContext) -> Iterator[Diagnostic]:
    criteria = ctx.checklist.criteria
    for site in ctx.condition_sites:
        found = outcomes(site.condition, criteria)
        if found is None or Truth.TRUE in found:
            continue
        tested = ", ".join(sorted(site.condition.criteria()))
        dead = _dead_tests(site, criteria)
        yield NEVER_HOLDS.at(
            ctx.at(site.loc),
            _NEVER[site.kind].format(owner=site.owner)
            + f": its condition is false for every combination of answers to {tested}",
            hint=f"never true on its own: {'; '.join(dead)}" if dead else "check 'all' of exclusive values and 'not'",
        )


NEVER_HOLDS: Rule[LintContext] = Rule(
    "L007",
    "condition-never-holds",
    _E,
    "A red line that can never fire, a criterion never shown, a profile never selected, a scope never met.",
    "checklist",
    explanation="The condition is false for every combination of answers to the criteria it tests (found by "
    "trying them all when there are at most 4096): for example 'all' of two values of one single-choice "
    "criterion, 'in' with no valid value, 'risk_at_least: high' on a criterion with no high or critical "
    "option, or 'not' of something always true. A red line that never fires is a prohibition that "
    "does not exist.",
    bad="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
    "    basis: binding_law\n    references: [{source: AP I, section: art. 51(4)(b)}]\n"
    "    when:\n      all:\n        - {criterion: target.type, equals: persons}\n"
    "        - {criterion: target.type, equals: materiel}\n",
    good="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
    "    basis: binding_law\n    references: [{source: AP I, section: art. 51(4)(b)}]\n"
    "    when: {criterion: target.type, risk_at_least: critical}\n",
    check=never_holds,
)


def always_holds(ctx: LintContext) -> Iterator[Diagnostic]:
    criteria = ctx.checklist.criteria
    for site in ctx.condition_sites:
        if site.kind not in _ALWAYS:
            continue  # a catch-all profile is legitimate
        found = outcomes(site.condition, criteria)
        if found == {Truth.TRUE}:
            yield ALWAYS_HOLDS.at(
                ctx.at(site.loc),
                _ALWAYS[site.kind].format(owner=site.owner),
                hint="check 'not' and 'any' over all values of a criterion",
            )


ALWAYS_HOLDS: Rule[LintContext] = Rule(
    "L008",
    "condition-always-holds",
    _W,
    "A red line, applies_when or scope condition is true whatever the answers are.",
    "checklist",
    explanation="A red line that fires for every answer makes every system fail; a scope condition that "
    "always holds puts every system out of scope; an applies_when that always holds is dead weight. "
    "(Profiles are exempt: a catch-all profile is legitimate.)",
    bad="scope:\n  out_of_scope_when: {criterion: target.type, in: [materiel, persons]}\n",
    good="scope:\n  out_of_scope_when: {criterion: target.type, in: [materiel]}\n",
    check=always_holds,
)
