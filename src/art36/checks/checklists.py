"""The rule for the checklists a system file names (A001), with its check."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from art36 import echo, wording
from art36.checks.files import FILE_UNREADABLE
from art36.fileio import IS_OUTPUT
from art36.models.diagnostic import Diagnostic, Location, Severity
from art36.models.rule import Rule


@dataclass(frozen=True)
class Unresolved:
    """A checklist reference that cannot be used: where it is written, and why (the problems loading it)."""

    ref: str
    location: Location
    problems: tuple[Diagnostic, ...] = ()


def _unusable(items: Sequence[Unresolved]) -> Iterator[Diagnostic]:
    """One diagnostic per reference that cannot be used, saying why."""
    from art36.catalog import builtin_names

    for item in items:
        if any(d.message == IS_OUTPUT for d in item.problems):
            yield FILE_UNREADABLE.at(item.location, IS_OUTPUT)  # the output file is never read as an input
            continue
        shown = echo.path(item.ref)
        lint_ref = item.ref if shown == f"'{item.ref}'" else "<that file>"  # the path only where the policy shows it
        if item.problems:
            detail = echo.elsewhere(item.problems)  # by code and position, never copied (see art36.echo)
            yield UNKNOWN_CHECKLIST.at(
                item.location,
                f"checklist {shown} cannot be used: {detail}",
                hint=f"check it with `art36 lint {lint_ref}`",
            )
            continue
        names = builtin_names()
        close = wording.did_you_mean(item.ref, names)
        yield UNKNOWN_CHECKLIST.at(
            item.location,
            f"checklist {shown} cannot be used: not built in and not a file",
            hint=(close + " " if close else "") + "built-in checklists: " + ", ".join(names),
        )


UNKNOWN_CHECKLIST: Rule[Sequence[Unresolved]] = Rule(
    "A001",
    "unknown-checklist",
    Severity.ERROR,
    "The system file names a checklist that is neither built in nor a file.",
    "system",
    bad="checklists: [mhcc]\n",
    good="checklists: [mhc]\n",
    check=_unusable,
)
