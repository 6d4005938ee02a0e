"""The explicit registry of checklist checks: one small function per lint rule, keyed by the rule's code."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from art36.lint import cases, ids, legal, references, risk, satisfiability, scoring_model, translations
from art36.lint import rules as r
from art36.lint.context import LintContext
from art36.models.diagnostic import Diagnostic

Check = Callable[[LintContext], Iterable[Diagnostic]]

CHECKS: dict[str, Check] = {
    r.DUPLICATE_ID.code: ids.duplicate_ids,
    r.UNDEFINED_REFERENCE.code: references.undefined_references,
    r.UNKNOWN_VALUE.code: references.unknown_values,
    r.NON_DISCRIMINATING.code: risk.non_discriminating_options,
    r.NO_SOURCE.code: legal.criteria_without_source,
    r.RED_LINE_NOT_BINDING.code: legal.red_lines_not_binding,
    r.NEVER_HOLDS.code: satisfiability.never_holds,
    r.ALWAYS_HOLDS.code: satisfiability.always_holds,
    r.BAND_OVERLAP.code: scoring_model.band_overlaps,
    r.BAND_GAP.code: scoring_model.band_gaps,
    r.BAND_UNREACHABLE.code: scoring_model.unreachable_bands,
    r.BAND_VERDICT_ORDER.code: scoring_model.band_verdict_order,
    r.RISK_POINTS_ORDER.code: scoring_model.risk_points_order,
    r.MISSING_TRANSLATION.code: translations.missing_translations,
    r.UNDECLARED_LANGUAGE.code: translations.undeclared_languages,
    r.CRITICAL_ALLOWED.code: risk.critical_allowed,
    r.TEST_CASE_FAILED.code: cases.failed_test_cases,
    r.UNKNOWN_STATUS.code: references.unknown_statuses,
}

#: Checks that run the checklist's test cases (skipped with ``run_tests=False``).
TEST_RUNNERS = frozenset({r.TEST_CASE_FAILED.code})


def run(ctx: LintContext, wanted: Callable[[str], bool], *, run_tests: bool = True) -> Iterator[Diagnostic]:
    """The diagnostics of every check whose code ``wanted`` accepts."""
    for code, check in CHECKS.items():
        if wanted(code) and (run_tests or code not in TEST_RUNNERS):
            yield from check(ctx)
