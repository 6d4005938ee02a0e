"""Check that names resolve: criteria and red lines that exist (L002), option values (L003), statuses (L018)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from art36 import echo, wording
from art36.conditions import as_choices
from art36.lint.context import LintContext, leaves_at
from art36.models.checklist import AnswerType, Criterion
from art36.models.condition import ScalarValue
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.review import Status
from art36.models.rule import Rule
from art36.models.system import NOT_APPLICABLE, UNKNOWN, AnswerValue

_E, _W = Severity.ERROR, Severity.WARNING


def undefined_references(ctx: LintContext) -> Iterator[Diagnostic]:
    checklist = ctx.checklist
    known = checklist.criteria
    rule = UNDEFINED_REFERENCE

    def missing(name: str, loc: tuple[Any, ...], where: str, key: bool = False) -> Diagnostic:
        return rule.at(
            ctx.at(loc, key=key),
            f"{where} criterion '{name}', which this checklist does not define",
            hint=wording.did_you_mean(name, known),
        )

    for site in ctx.condition_sites:
        for leaf, loc in leaves_at(site.condition, site.loc):
            assert leaf.criterion is not None
            if leaf.criterion not in known:
                yield missing(leaf.criterion, (*loc, "criterion"), f"the {site.describe()} condition tests")
    for pi, profile in enumerate(checklist.profiles):
        for li, limit in enumerate(profile.limits):
            if limit.criterion not in known:
                yield missing(
                    limit.criterion,
                    ("profiles", pi, "limits", li, "criterion"),
                    f"profile '{profile.id}' sets a limit for",
                )
    red_lines = {r.id for r in checklist.red_lines}
    for ti, case in enumerate(checklist.tests):
        for cid in case.answers:
            if cid not in known:
                yield missing(cid, ("tests", ti, "answers", cid), f"test case '{case.id}' answers", key=True)
        for cid in case.expect.statuses:
            if cid not in known:
                yield missing(
                    cid,
                    ("tests", ti, "expect", "statuses", cid),
                    f"test case '{case.id}' expects a status for",
                    key=True,
                )
        for ri, rid in enumerate(case.expect.red_lines or ()):
            if rid not in red_lines:
                yield rule.at(
                    ctx.at(("tests", ti, "expect", "red_lines", ri)),
                    f"test case '{case.id}' expects red line '{rid}', which this checklist does not define",
                    hint=wording.did_you_mean(rid, red_lines),
                )


UNDEFINED_REFERENCE: Rule[LintContext] = Rule(
    "L002",
    "undefined-reference",
    _E,
    "A condition, profile limit or test case names a criterion (or red line) this checklist does not define.",
    "checklist",
    explanation="A condition on a criterion that does not exist is never true, so a misspelt id silently "
    "disables a red line, hides a criterion or never selects a profile. Checked: applies_when, profile "
    "'when' and 'limits', red line 'when', scope.out_of_scope_when, and test-case answers and expectations.",
    bad="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
    "    basis: national_policy\n    references: [{source: ICRC position 2021}]\n"
    "    when: {criterion: target.typ, equals: persons}\n",
    good="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
    "    basis: national_policy\n    references: [{source: ICRC position 2021}]\n"
    "    when: {criterion: target.type, equals: persons}\n",
    check=undefined_references,
)


def _fits(criterion: Criterion, value: ScalarValue) -> bool:
    return any(type(v) is type(value) and v == value for v in criterion.choice_values())


def _answer_problem(criterion: Criterion, value: AnswerValue) -> str:
    """Why a test-case answer cannot be an answer to ``criterion`` ('' if it can)."""
    if value == UNKNOWN:
        return ""
    if value == NOT_APPLICABLE:
        return "" if criterion.not_applicable_allowed else "the criterion does not allow 'not_applicable'"
    if criterion.answer_type is AnswerType.TEXT:
        return "" if isinstance(value, str) else "a text criterion needs a text answer"
    if isinstance(value, tuple) and criterion.answer_type is not AnswerType.MULTI_CHOICE:
        return "only a multi_choice criterion takes a list of values"
    if as_choices(criterion, value) is None:
        if criterion.answer_type is AnswerType.NUMBER:
            return f"a number within its ranges ({wording.values(criterion.choice_values())}) is expected"
        return f"expected one of: {wording.values(criterion.choice_values())}"
    return ""


def unknown_values(ctx: LintContext) -> Iterator[Diagnostic]:
    checklist = ctx.checklist
    rule = UNKNOWN_VALUE
    for site in ctx.condition_sites:
        for leaf, loc in leaves_at(site.condition, site.loc):
            criterion = checklist.criteria.get(leaf.criterion or "")
            if criterion is None:
                continue  # reported by L002
            if leaf.in_ is not None:
                tested = [(v, (*loc, "in", i)) for i, v in enumerate(leaf.in_)]
            elif leaf.equals is not None:
                tested = [(leaf.equals, (*loc, "equals"))]
            else:
                continue
            allowed = criterion.choice_values()
            for value, vloc in tested:
                if _fits(criterion, value):
                    continue
                if not allowed:
                    message = f"criterion '{criterion.id}' is a text answer: conditions cannot test its value"
                else:
                    kind = "range" if criterion.answer_type is AnswerType.NUMBER else "option"
                    message = (
                        f"{echo.value(value)} is not an {kind} value of criterion '{criterion.id}' "
                        f"(values: {echo.listing(allowed)}); the {site.describe()} test never matches it"
                    )
                # the closest option to a hidden value tells what it was: no suggestion under --no-values
                close = None if echo.hiding() else wording.close_match(str(value), [str(v) for v in allowed])
                hint = f"did you mean {echo.value(close)}?" if close else ""
                if not hint and any(str(v) == str(value) for v in allowed):
                    hint = "the value matches only with the same type: quote it or unquote it like the option"
                yield rule.at(ctx.at(vloc), message, hint=hint)
    for ti, case in enumerate(checklist.tests):
        for cid, answer in case.answers.items():
            answered = checklist.criteria.get(cid)
            if answered is None:
                continue
            problem = _answer_problem(answered, answer)
            if problem:
                yield rule.at(
                    ctx.at(("tests", ti, "answers", cid)),
                    f"test case '{case.id}' answers {cid} with {wording.answer(answer)}, "
                    f"which it cannot take: {problem}",
                )


UNKNOWN_VALUE: Rule[LintContext] = Rule(
    "L003",
    "unknown-option-value",
    _E,
    "A condition or test case uses a value that is not among the criterion's option (or range) values.",
    "checklist",
    explanation="Conditions compare answers with option values (for number criteria: range names), type "
    "included, so 'equals: person' or 'equals: \"true\"' on a boolean never matches. A test case answer "
    "that fits no option tests nothing.",
    bad="scope:\n  out_of_scope_when: {criterion: target.type, in: [none, nothing]}\n",
    good="scope:\n  out_of_scope_when: {criterion: target.type, in: [materiel]}\n",
    check=unknown_values,
)


def unknown_statuses(ctx: LintContext) -> Iterator[Diagnostic]:
    valid = [s.value for s in Status]
    for ti, case in enumerate(ctx.checklist.tests):
        for cid, status in case.expect.statuses.items():
            if status not in valid:
                yield UNKNOWN_STATUS.at(
                    ctx.at(("tests", ti, "expect", "statuses", cid)),
                    f"test case '{case.id}' expects status '{status}' for {cid}; statuses are: {', '.join(valid)}",
                    hint=wording.did_you_mean(status, valid),
                )


UNKNOWN_STATUS: Rule[LintContext] = Rule(
    "L018",
    "unknown-expected-status",
    _E,
    "A test case expects a criterion status that does not exist.",
    "checklist",
    explanation="Statuses are: meets, below, missing, unknown, not_applicable, not_shown, information.",
    bad="tests:\n  - id: materiel\n    answers: {target.type: materiel}\n    expect: {statuses: {target.type: met}}\n",
    good="tests:\n  - id: materiel\n    answers: {target.type: materiel}\n"
    "    expect: {statuses: {target.type: meets}}\n",
    check=unknown_statuses,
)
