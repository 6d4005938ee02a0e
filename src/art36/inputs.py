"""Command-line paths to jobs: one job per YAML file found (stdin first), a report per path that does not exist."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from art36 import discover, fileio
from art36.lazyseq import LazySequence
from art36.models.batch_report import FileReports
from art36.models.diagnostic import Diagnostic, FileReport
from art36.pipeline import Job
from art36.settings import STDIN, EvidencePolicy, Inputs


class Jobs(LazySequence[Job]):
    """One job per input, made when it is needed: a batch holds file names, not job objects (flat memory)."""

    def __init__(
        self,
        names: list[str],
        checklists: tuple[str, ...],
        stdin: str | None,
        evidence: EvidencePolicy = EvidencePolicy(),
    ) -> None:
        self._names, self._checklists, self._stdin, self._evidence = names, checklists, stdin, evidence

    def __len__(self) -> int:
        return len(self._names) + (self._stdin is not None)

    def _item(self, index: int) -> Job:
        if self._stdin is not None:
            if index == 0:
                return Job(display="<stdin>", text=self._stdin, checklists=self._checklists, evidence=self._evidence)
            index -= 1
        name = self._names[index]
        return Job(display=name, path=name, checklists=self._checklists, evidence=self._evidence)


@dataclass(frozen=True)
class Batch:
    """What a command will read: the jobs, and a report for every path that does not exist."""

    jobs: Jobs
    missing: tuple[FileReport, ...]
    #: The paths that were searched (for the "no input files" message).
    paths: tuple[str, ...]

    def reports(self) -> FileReports:
        """A fresh list of file reports, starting with the missing paths; the command appends the rest."""
        return FileReports(self.missing)

    def empty_problem(self, allow_empty: bool) -> str | None:
        """Why an empty batch is a usage error, or None (there are inputs, or ``--allow-empty`` was given)."""
        if allow_empty or len(self.jobs) or self.missing or not self.paths:
            return None
        where = ", ".join(self.paths)
        return (
            f"no input files: no *.yaml or *.yml file in {fileio.shown(where)} "
            "(use --allow-empty to accept an empty batch)"
        )


def collect(
    inputs: Inputs,
    *,
    stdin: str | None = None,
    output: Path | None = None,
    kind: str = "system",
    stdin_problem: Diagnostic | None = None,
) -> Batch:
    """The batch ``inputs`` describe. ``stdin`` is the text read for ``-`` (the caller reads it), or
    ``stdin_problem`` says why it could not be used (not UTF-8, too large): that is reported like a missing path.

    Raises :class:`fileio.OutputError`, before any work is done, if ``output`` cannot be written or is an input.
    """
    names, missing = discover.expand([p for p in inputs.paths if p != STDIN])
    fileio.check_target(output, [*names, *inputs.checklists])
    if stdin_problem is not None:
        missing.insert(0, stdin_problem)
    reports = tuple(FileReport(file=d.location.file, diagnostics=(d,), kind=kind) for d in missing)
    text = stdin if STDIN in inputs.paths else None
    if STDIN in inputs.paths and text is None and stdin_problem is None:
        text = ""
    return Batch(Jobs(names, inputs.checklists, text, inputs.evidence), reports, inputs.paths)
