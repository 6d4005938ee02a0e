"""The report of `art36 score`: a versioned envelope with one record per input file (its review, or why not)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from art36.models.common import Frozen, Verdict
from art36.models.diagnostic import Diagnostic, FileReport, Severity
from art36.models.review import ReviewResult

#: The envelope's version, as in `validate --format json`. Bumped only when a key is removed or changes meaning.
REPORT_VERSION: Literal[1] = 1


class DiagnosticRecord(Frozen):
    """A diagnostic as it appears in JSON: flat, with the location's fields at the top (as `validate` writes it)."""

    code: str
    name: str
    severity: Severity
    message: str
    hint: str = ""
    file: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    yaml_path: str = ""

    @classmethod
    def of(cls, d: Diagnostic) -> DiagnosticRecord:
        loc = d.location
        return cls(
            code=d.code,
            name=d.name,
            severity=d.severity,
            message=d.message,
            hint=d.hint,
            file=loc.file,
            line=loc.line,
            column=loc.column,
            yaml_path=loc.yaml_path,
        )


class ScoredFile(Frozen):
    """One input file: its diagnostics and, when it was valid and could be scored, its review."""

    file: str
    kind: Literal["system"] = "system"
    #: No error diagnostics (a valid file is scored; ``review`` is None only when it names no usable checklist).
    valid: bool
    #: The system's name and classification marking, when the file could be read that far.
    system: str | None = None
    classification: str | None = None
    diagnostics: tuple[DiagnosticRecord, ...] = ()
    review: ReviewResult | None = None


class ScoreSummary(Frozen):
    files: int
    errors: int
    warnings: int
    #: How many files got each overall verdict (every verdict listed, most severe first).
    verdicts: dict[Verdict, int]


class ScoreReport(Frozen):
    """Everything `art36 score --format json` writes; the JSON Schema is `art36 schema score`."""

    version: Literal[1] = REPORT_VERSION
    tool: Literal["art36"] = "art36"
    tool_version: str
    command: Literal["score"] = "score"
    summary: ScoreSummary
    files: tuple[ScoredFile, ...] = ()

    @classmethod
    def build(cls, files: Iterable[ScoredFile], tool_version: str) -> ScoreReport:
        records = tuple(files)
        counts = dict.fromkeys(sorted(Verdict, key=lambda v: -v.severity), 0)
        for record in records:
            if record.review is not None:
                counts[record.review.verdict] += 1
        summary = ScoreSummary(
            files=len(records),
            errors=sum(1 for r in records for d in r.diagnostics if d.severity is Severity.ERROR),
            warnings=sum(1 for r in records for d in r.diagnostics if d.severity is Severity.WARNING),
            verdicts=counts,
        )
        return cls(tool_version=tool_version, summary=summary, files=records)

    def reviews(self) -> list[ReviewResult]:
        return [f.review for f in self.files if f.review is not None]


def scored_file(report: FileReport, review: ReviewResult | None, system: str = "") -> ScoredFile:
    """The record of one input, from the batch's FileReport and the review (if the file was scored)."""
    return ScoredFile(
        file=report.file,
        valid=report.errors == 0,
        system=system or None,
        classification=report.classification or None,
        diagnostics=tuple(DiagnosticRecord.of(d) for d in sorted(report.diagnostics, key=Diagnostic.sort_key)),
        review=review,
    )


@dataclass(frozen=True)
class Rendered:
    """One file's record already written out by whoever scored it (a worker): the text, and what the main
    process still needs from it (the batch's diagnostics, the summary counts, the gate). A worker sends this
    instead of the whole review, so the main process neither unpickles nor re-serialises reviews."""

    report: FileReport
    text: str
    errors: int
    warnings: int
    verdict: Verdict | None
    gate_hit: bool


def rendered(report: FileReport, record: ScoredFile, text: str, gate_hit: bool = False) -> Rendered:
    """``record`` (of ``report``'s file) written out as ``text``, with its counts and verdict for the summary."""
    return Rendered(
        report=report,
        text=text,
        errors=sum(1 for d in record.diagnostics if d.severity.value == "error"),
        warnings=sum(1 for d in record.diagnostics if d.severity.value == "warning"),
        verdict=record.review.verdict if record.review is not None else None,
        gate_hit=gate_hit,
    )
