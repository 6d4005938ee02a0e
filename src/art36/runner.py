"""The work of the batch commands (score, validate, lint) from their settings: jobs in, typed results out.

Filtering (``--select``/``--ignore``) and the ``--fail-on`` gate are decided here; printing, writing and exit codes
are the CLI's. ``progress`` lets the caller watch results go by (a progress bar) without the core drawing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from art36 import __version__, pipeline
from art36.inputs import Batch
from art36.models.batch_report import BatchReport
from art36.models.common import Verdict
from art36.models.diagnostic import FileReport
from art36.models.review import ReviewResult
from art36.models.score_report import Rendered, ScoredFile, ScoreReport, rendered, scored_file
from art36.settings import Filter, LintSettings, ScoreSettings, ValidateSettings

#: Given the items and an iterator over their results, yields the same results (e.g. advancing a progress bar).
Progress = Callable[[Sequence[Any], Iterator[Any]], Iterator[Any]]


def unobserved(items: Sequence[Any], results: Iterator[Any]) -> Iterator[Any]:
    return results


@dataclass(frozen=True)
class ScoreRun:
    """What `score` produced: the report every score format renders, the diagnostics batch, and the gate."""

    report: ScoreReport
    batch: BatchReport
    #: Some file's verdict is the ``--fail-on`` verdict or worse.
    gate_hit: bool


def fails_gate(review: ReviewResult, fail_on: Verdict | None, *, allow_incomplete: bool = False) -> bool:
    """Whether ``review`` trips ``--fail-on``: its overall verdict is ``fail_on`` or more severe.

    An ``incomplete`` review trips every gate (``--fail-on prohibited`` included) unless ``allow_incomplete``:
    an unfinished review must not pass a gate silently. With ``allow_incomplete`` it never trips one.
    """
    if fail_on is None:
        return False
    if review.verdict is Verdict.INCOMPLETE:
        return not allow_incomplete
    return review.verdict.severity >= fail_on.severity


def filtered(report: FileReport, rules: Filter) -> FileReport:
    """``report`` with only the diagnostics ``--select``/``--ignore`` keep (unreadable files always stay)."""
    if not (rules.select or rules.ignore):
        return report
    from art36.rules import selected

    kept = tuple(d for d in report.diagnostics if selected(d.code, rules.select, rules.ignore))
    return report.model_copy(update={"diagnostics": kept})


def _score_job(job: pipeline.Job) -> pipeline.Outcome:
    return pipeline.run(job, score=True)


def _score_job_strict_conditions(job: pipeline.Job) -> pipeline.Outcome:
    return pipeline.run(replace(job, strict_conditions=True), score=True)


def _validate_job(job: pipeline.Job) -> FileReport:
    return pipeline.run(job, score=False).report


def score(settings: ScoreSettings, batch: Batch, progress: Progress = unobserved) -> ScoreRun:
    """Validate and review every file; a file with errors gets its diagnostics and no review."""
    from art36.batch import run_all

    reports = batch.reports()
    records = [scored_file(r, None) for r in batch.missing]
    gate_hit = False
    work = _score_job_strict_conditions if settings.strict_conditions else _score_job
    for outcome in progress(batch.jobs, run_all(work, batch.jobs, settings.inputs.jobs)):
        reports.append(outcome.report)
        records.append(scored_file(outcome.report, outcome.result, outcome.system))
        if outcome.result is not None and fails_gate(
            outcome.result, settings.fail_on, allow_incomplete=settings.allow_incomplete
        ):
            gate_hit = True
    return ScoreRun(ScoreReport.build(records, __version__), BatchReport(command="score", files=reports), gate_hit)


class ScoreStream:
    """`score` one file at a time: iterate :meth:`records` (each file's record as it is scored, in input order),
    then read the batch and the gate. Nothing of a file is kept once its record is passed on, except its
    diagnostics in the (flat-memory) batch, so a batch of 10,000 files needs no more memory than one of 1,000."""

    def __init__(self, settings: ScoreSettings, batch: Batch, progress: Progress = unobserved) -> None:
        self._settings, self._batch, self._progress = settings, batch, progress
        self._reports = batch.reports()
        self.gate_hit = False
        #: How many records :meth:`records` will give.
        self.count = len(batch.missing) + len(batch.jobs)

    def records(self) -> Iterator[ScoredFile]:
        from art36.batch import run_all

        yield from (scored_file(r, None) for r in self._batch.missing)
        jobs = self._batch.jobs
        work = _score_job_strict_conditions if self._settings.strict_conditions else _score_job
        for outcome in self._progress(jobs, run_all(work, jobs, self._settings.inputs.jobs)):
            self._reports.append(outcome.report)
            if outcome.result is not None and fails_gate(
                outcome.result, self._settings.fail_on, allow_incomplete=self._settings.allow_incomplete
            ):
                self.gate_hit = True
            yield scored_file(outcome.report, outcome.result, outcome.system)

    def rendered(self, render: Callable[[ScoredFile], str]) -> Iterator[Rendered]:
        """Like :meth:`records`, but each record is written out by ``render`` where it is scored (in the
        worker process when the batch runs in parallel): only the text and a few counts come back."""
        from art36.batch import run_all

        for missing in self._batch.missing:
            record = scored_file(missing, None)
            yield rendered(missing, record, render(record))
        settings = self._settings
        strict = settings.strict_conditions

        def work(job: pipeline.Job) -> Rendered:
            outcome = pipeline.run(replace(job, strict_conditions=True) if strict else job, score=True)
            review = outcome.result
            record = scored_file(outcome.report, review, outcome.system)
            hit = review is not None and fails_gate(
                review, settings.fail_on, allow_incomplete=settings.allow_incomplete
            )
            return rendered(outcome.report, record, render(record), hit)

        jobs = self._batch.jobs
        for item in self._progress(jobs, run_all(work, jobs, settings.inputs.jobs)):
            self._reports.append(item.report)
            if item.gate_hit:
                self.gate_hit = True
            yield item

    @property
    def batch(self) -> BatchReport:
        """Every file's diagnostics (complete once :meth:`records` is exhausted)."""
        return BatchReport(command="score", files=self._reports)


def validate(settings: ValidateSettings, batch: Batch, progress: Progress = unobserved) -> BatchReport:
    """Every file's diagnostics, filtered by ``--select``/``--ignore``."""
    from art36.batch import run_all

    reports = batch.reports()
    results = progress(batch.jobs, run_all(_validate_job, batch.jobs, settings.inputs.jobs))
    for job, report in zip(batch.jobs, results, strict=True):
        reports.append(filtered(report, settings.filter), job.display)
    return BatchReport(command="validate", files=reports)


def lint(settings: LintSettings, batch: Batch) -> BatchReport:
    """Every checklist's diagnostics (the built-in ones first with ``--builtin``), filtered in the linter."""
    from art36 import catalog
    from art36.lint import lint_file, lint_text

    rules = settings.filter
    options: dict[str, Any] = {"select": rules.select, "ignore": rules.ignore, "run_tests": settings.run_tests}
    reports = batch.reports()
    if settings.builtin:
        for name in catalog.builtin_names():
            reports.append(lint_text(catalog.builtin_text(name) or "", f"<builtin>/{name}.yaml", **options))
    for job in batch.jobs:
        if job.text is not None:
            reports.append(lint_text(job.text, job.display, **options))
        else:
            assert job.path is not None
            reports.append(lint_file(Path(job.path), job.display, **options))
    return BatchReport(command="lint", files=reports)
