"""A batch's result: one FileReport per input file, in order, kept so that memory stays flat in the batch size."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from art36.lazyseq import LazySequence
from art36.models.diagnostic import Diagnostic, FileReport


class FileReports(LazySequence[FileReport]):
    """A batch's FileReports in order, stored so that memory stays flat in the number of files.

    A file with diagnostics keeps its FileReport; a clean file keeps only its name and one shared
    (kind, classification) pair. Reading an item gives an equal FileReport either way.
    """

    def __init__(self, reports: Iterable[FileReport] = ()) -> None:
        self._names: list[str] = []
        self._meta: list[tuple[str, str]] = []
        self._shared: dict[tuple[str, str], tuple[str, str]] = {}
        self._full: dict[int, FileReport] = {}
        for report in reports:
            self.append(report)

    def append(self, report: FileReport, name: str | None = None) -> None:
        """Add ``report``; ``name`` may pass an equal string the caller already holds, so it is kept once."""
        if report.diagnostics:
            self._full[len(self._names)] = report
        meta = (report.kind, report.classification)
        self._names.append(name if name == report.file else report.file)
        self._meta.append(self._shared.setdefault(meta, meta))

    def with_diagnostics(self) -> list[FileReport]:
        return [self._full[i] for i in sorted(self._full)]

    def __len__(self) -> int:
        return len(self._names)

    def _item(self, index: int) -> FileReport:
        if index in self._full:
            return self._full[index]
        kind, classification = self._meta[index]
        return FileReport(file=self._names[index], kind=kind, classification=classification)


@dataclass(frozen=True)
class BatchReport:
    """The result of checking a batch of files: one FileReport per file, in a stable order."""

    tool: str = "art36"
    command: str = "validate"
    files: Sequence[FileReport] = ()

    def with_diagnostics(self) -> Iterable[FileReport]:
        """The files that have diagnostics, in order (without materialising the clean ones)."""
        if isinstance(self.files, FileReports):
            return self.files.with_diagnostics()
        return (f for f in self.files if f.diagnostics)

    @property
    def errors(self) -> int:
        return sum(f.errors for f in self.with_diagnostics())

    @property
    def warnings(self) -> int:
        return sum(f.warnings for f in self.with_diagnostics())

    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.with_diagnostics() for d in f.diagnostics]
