"""Run the checklist's own test cases through the scoring engine and report every unmet expectation (L017)."""

from __future__ import annotations

from collections.abc import Iterator

from art36.lint.context import LintContext, Loc
from art36.models.checklist import ChecklistTest
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.review import Status, UseResult
from art36.models.rule import Rule
from art36.wording import number

_STATUSES = {s.value for s in Status}


_E, _W = Severity.ERROR, Severity.WARNING


def _mismatches(case: ChecklistTest, result: UseResult) -> Iterator[tuple[Loc, str]]:
    """(path under the case's ``expect``, what differs) for each unmet expectation."""
    expect = case.expect
    if expect.verdict is not None and result.verdict != expect.verdict:
        why = f" ({'; '.join(result.reasons)})" if result.reasons else ""
        yield ("verdict",), f"verdict is {result.verdict.value}, expected {expect.verdict.value}{why}"
    score = result.score
    if expect.score_min is not None and (score is None or score < expect.score_min):
        yield ("score_min",), f"score is {number(score)}, expected at least {number(expect.score_min)}"
    if expect.score_max is not None and (score is None or score > expect.score_max):
        yield ("score_max",), f"score is {number(score)}, expected at most {number(expect.score_max)}"
    statuses = {c.id: c.status.value for c in result.criteria}
    for cid, wanted in expect.statuses.items():
        got = statuses.get(cid)
        # An undefined criterion (L002) or status (L018) is reported by its own rule.
        if got is not None and wanted in _STATUSES and got != wanted:
            yield ("statuses", cid), f"{cid} is {got}, expected {wanted}"
    if expect.red_lines is not None:
        fired = sorted({r.id for r in result.red_lines})
        wanted_lines = sorted(set(expect.red_lines))
        if fired != wanted_lines:
            yield ("red_lines",), f"red lines fired: [{', '.join(fired)}], expected [{', '.join(wanted_lines)}]"
    if expect.refusals is not None:
        refused = sorted({r.criterion for r in result.refusals if r.criterion})
        if refused != sorted(set(expect.refusals)):
            wanted_refusals = ", ".join(sorted(expect.refusals))
            yield ("refusals",), f"criteria refused: [{', '.join(refused)}], expected [{wanted_refusals}]"
    if expect.conditions is not None:
        conditions = sorted({c.criterion for c in result.conditions})
        if conditions != sorted(set(expect.conditions)):
            wanted_conditions = ", ".join(sorted(expect.conditions))
            yield ("conditions",), f"conditions: [{', '.join(conditions)}], expected [{wanted_conditions}]"


def failed_test_cases(ctx: LintContext) -> Iterator[Diagnostic]:
    if not ctx.checklist.tests:
        return
    from art36.scoring import evaluate_use  # imported here: only linting with tests needs the engine

    for ti, case in enumerate(ctx.checklist.tests):
        try:
            result = evaluate_use([ctx.checklist], dict(case.answers), case.id)
        except Exception as exc:  # the engine must not take the whole lint run down with it
            yield TEST_CASE_FAILED.at(
                ctx.at(("tests", ti)), f"test case '{case.id}' could not be scored: {type(exc).__name__}: {exc}"
            )
            continue
        for loc, problem in _mismatches(case, result):
            yield TEST_CASE_FAILED.at(ctx.at(("tests", ti, "expect", *loc)), f"test case '{case.id}' fails: {problem}")


TEST_CASE_FAILED: Rule[LintContext] = Rule(
    "L017",
    "test-case-failed",
    _E,
    "A checklist test case gives a different verdict, score, status or red lines than it expects.",
    "checklist",
    explanation="Each entry in 'tests' is run through the scoring engine; every expectation that differs "
    "(verdict, score_min/score_max, a criterion's status, the exact set of fired red lines) is reported at "
    "the expectation. A changed checklist that changes outcomes must change its tests in the same commit.",
    bad="tests:\n  - id: materiel\n    answers: {target.type: materiel}\n    expect: {verdict: prohibited}\n",
    good="tests:\n  - id: materiel\n    answers: {target.type: materiel}\n    expect: {verdict: approvable}\n",
    check=failed_test_cases,
)
