"""The one place that maps outcomes to exit codes (documented in the README's table)."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models pull in pydantic; keep `art36 --help` light
    from art36.models.batch_report import BatchReport


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1  # invalid input, errors found, or a --fail-on verdict hit
    USAGE = 2  # usage error, or a path/file that cannot be read
    INTERNAL = 3  # a bug in art36 (reported without document content)
    STOPPED = 4  # `art36 review` stopped before the end (end of input, Ctrl-C, hang-up); every answer is saved


def for_batch(batch: BatchReport, *, strict: bool = False, gate_hit: bool = False) -> Exit:
    from art36.checks.files import is_load_failure
    from art36.models.diagnostic import Severity

    diagnostics = batch.diagnostics()
    if any(is_load_failure(d.code) for d in diagnostics):
        return Exit.USAGE
    if gate_hit or any(d.severity is Severity.ERROR for d in diagnostics):
        return Exit.FINDINGS
    if strict and any(d.severity is Severity.WARNING for d in diagnostics):
        return Exit.FINDINGS
    return Exit.OK
