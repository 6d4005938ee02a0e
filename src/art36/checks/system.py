"""The registry of system checks (A rules): every rule a system description is checked against, in code order."""

from __future__ import annotations

from art36 import limits
from art36.checks import answers, uses
from art36.checks.context import SystemContext
from art36.models.diagnostic import Diagnostic
from art36.models.rule import Rule

#: Every A rule checked on a loaded system (A001 is checked as its checklists are resolved: checks/checklists.py);
#: a new one is defined next to its check (answers.py, uses.py) and listed here.
SYSTEM_RULES: tuple[Rule[SystemContext], ...] = (
    answers.UNKNOWN_CRITERION,
    answers.INVALID_ANSWER,
    uses.REQUIRED_ANSWER_MISSING,
    answers.RATIONALE_MISSING,
    answers.EVIDENCE_MISSING,
    answers.EVIDENCE_FILE_NOT_FOUND,
    uses.USE_WITHOUT_CONTEXT,
    answers.NOT_APPLICABLE_NOT_ALLOWED,
    answers.CONTEXT_OUTSIDE_USE,
    answers.NON_CONTEXT_IN_CONTEXT,
    uses.DUPLICATE_USE,
    answers.EVIDENCE_OUTSIDE,
    answers.EVIDENCE_UNUSABLE,
    uses.MEASURE_UNKNOWN_CRITERION,
)


def check_system(ctx: SystemContext) -> list[Diagnostic]:
    """Everything a schema cannot see: checklists that cannot be used, answers that fit no criterion or option,
    gaps, missing evidence, uses without context.

    Stops looking once a file has more problems than are listed per file (200,000 unknown answers would
    otherwise each get a did-you-mean search); the caller's note then says how many were found.
    """
    found: list[Diagnostic] = []
    for rule in SYSTEM_RULES:
        for diagnostic in rule.check(ctx):
            found.append(diagnostic)
            if len(found) > 10 * limits.MAX_DIAGNOSTICS_PER_FILE:
                return found
    return found
