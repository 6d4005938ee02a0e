"""What a diagnostic rule is: stable code, readable name, severity, its documentation and the check that finds it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from art36.models.diagnostic import Diagnostic, Location, Severity

CODE_PATTERN = re.compile(r"^[A-Z]{1,3}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

#: What a family's checks read (a raw file, a parsed document, a loaded system or checklist).
C = TypeVar("C")


@dataclass(frozen=True)
class Rule(Generic[C]):
    """One kind of problem and the check that finds it.

    ``bad`` and ``good`` are short YAML examples for ``art36 lint --explain``; ``check`` reads its family's
    context and yields this rule's diagnostics (made with :meth:`at`). Families list their rules explicitly
    (``art36.rules`` gathers them); nothing registers itself on import.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    applies_to: str  # "system", "checklist" or "any"
    bad: str = ""
    good: str = ""
    explanation: str = ""
    check: Callable[[C], Iterable[Diagnostic]] = field(kw_only=True, repr=False, compare=False)

    def at(self, location: Location, message: str, hint: str = "", severity: Severity | None = None) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            hint=hint,
            location=location,
        )


def run(rules: Iterable[Rule[C]], context: C) -> list[Diagnostic]:
    """Every diagnostic the checks of ``rules`` find in ``context``, in rule order."""
    return [d for rule in rules for d in rule.check(context)]
