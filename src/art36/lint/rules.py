"""The registry of checklist checks (L rules): every rule a checklist is linted against, in code order."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from art36.lint import cases, ids, judgement, legal, references, risk, satisfiability, scoring_model, translations
from art36.lint.context import LintContext
from art36.models.diagnostic import Diagnostic
from art36.models.rule import Rule

#: Every L rule; a new one is defined next to its check (ids.py, references.py...) and listed here.
LINT_RULES: tuple[Rule[LintContext], ...] = (
    ids.DUPLICATE_ID,
    references.UNDEFINED_REFERENCE,
    references.UNKNOWN_VALUE,
    risk.NON_DISCRIMINATING,
    legal.NO_SOURCE,
    legal.RED_LINE_NOT_BINDING,
    satisfiability.NEVER_HOLDS,
    satisfiability.ALWAYS_HOLDS,
    scoring_model.BAND_OVERLAP,
    scoring_model.BAND_GAP,
    scoring_model.BAND_UNREACHABLE,
    scoring_model.BAND_VERDICT_ORDER,
    scoring_model.RISK_POINTS_ORDER,
    translations.MISSING_TRANSLATION,
    translations.UNDECLARED_LANGUAGE,
    risk.CRITICAL_ALLOWED,
    cases.TEST_CASE_FAILED,
    references.UNKNOWN_STATUS,
    judgement.LIMIT_UNMEETABLE,
    judgement.SCOPE_WITHOUT_TARGETING,
)

#: Rules that run the checklist's test cases (skipped with ``run_tests=False``).
TEST_RUNNERS = frozenset({cases.TEST_CASE_FAILED.code})


def run(ctx: LintContext, wanted: Callable[[str], bool], *, run_tests: bool = True) -> Iterator[Diagnostic]:
    """The diagnostics of every rule whose code ``wanted`` accepts."""
    for rule in LINT_RULES:
        if wanted(rule.code) and (run_tests or rule.code not in TEST_RUNNERS):
            yield from rule.check(ctx)
