"""The one diagnostic record every check produces: code, severity, message, hint and a file:line:col location."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Location(BaseModel):
    """Where a problem is: 1-based line and column, plus the YAML path (``uses[0].context``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    line: int = 1
    column: int = 1
    yaml_path: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Diagnostic(BaseModel):
    """One problem found in one file. Immutable; every output format is derived from it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str
    severity: Severity
    message: str
    hint: str = ""
    location: Location

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.file, self.location.line, self.location.column, self.code)


class FileReport(BaseModel):
    """All diagnostics for one input file, plus whether the file could be read at all."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    diagnostics: tuple[Diagnostic, ...] = ()
    #: What kind of document was checked ("system" or "checklist"), for reports.
    kind: str = "system"
    #: The document's classification marking, when it could be read; repeated in every report format.
    classification: str = ""

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)
