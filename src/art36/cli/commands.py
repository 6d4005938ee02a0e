"""What each command does once its options are parsed: build the jobs, run the core, render, pick the exit code."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

from art36 import discover, pipeline
from art36.cli import output as out
from art36.cli.exits import Exit, for_batch
from art36.models.diagnostic import BatchReport, FileReport, FileReports

T = TypeVar("T")
R = TypeVar("R")

#: Show a progress bar when a batch has at least this many files (and stderr is a terminal).
PROGRESS_MIN_FILES = 50


def _err(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


class _Jobs(Sequence[pipeline.Job]):
    """One job per input, made when it is needed: a batch holds file names, not job objects (flat memory)."""

    def __init__(self, names: list[str], checklists: tuple[str, ...], stdin: str | None) -> None:
        self._names, self._checklists, self._stdin = names, checklists, stdin

    def __len__(self) -> int:
        return len(self._names) + (self._stdin is not None)

    @overload
    def __getitem__(self, index: int) -> pipeline.Job: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[pipeline.Job]: ...
    def __getitem__(self, index: int | slice) -> pipeline.Job | Sequence[pipeline.Job]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self))[index]
        if self._stdin is not None:
            if index == 0:
                return pipeline.Job(display="<stdin>", text=self._stdin, checklists=self._checklists)
            index -= 1
        name = self._names[index]
        return pipeline.Job(display=name, path=name, checklists=self._checklists)


def _inputs(
    paths: list[str], output: Path | None, checklists: tuple[str, ...] = (), kind: str = "system"
) -> tuple[_Jobs, FileReports]:
    """A job per file under ``paths`` ('-' is stdin, read first) and a report per path that does not exist.

    Raises OutputError, before any work is done, if ``--output`` names one of the inputs.
    """
    names, missing = discover.expand([p for p in paths if p != "-"])
    out.check_target(output, [*names, *checklists])
    stdin = sys.stdin.read() if "-" in paths else None
    reports = FileReports(FileReport(file=d.location.file, diagnostics=(d,), kind=kind) for d in missing)
    return _Jobs(names, checklists, stdin), reports


def _usage_errors(command: Callable[..., int]) -> Callable[..., int]:
    """Output that cannot be written (or would replace an input) is a usage/I-O error: exit 2, no traceback."""

    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> int:
        try:
            return command(*args, **kwargs)
        except out.OutputError as exc:
            return _usage_problem(str(exc))

    return run


def _refuse_output_read(batch: BatchReport, output: Path | None) -> None:
    """Nothing is written if the output target turned out to be an input (a checklist or evidence file)."""
    from art36.checks.files import is_load_failure
    from art36.fileio import IS_OUTPUT

    if output is None:
        return
    for d in batch.diagnostics():
        if is_load_failure(d.code) and d.message == IS_OUTPUT:
            raise out.OutputError(
                f"refusing to write {out.shown(output)}: it is also an input of this run "
                f"(used at {out.shown(str(d.location))}); nothing written"
            )


def _with_progress(items: Sequence[T], results: Iterator[R], enabled: bool, label: str) -> Iterator[R]:
    if not (enabled and len(items) >= PROGRESS_MIN_FILES and sys.stderr.isatty()):
        yield from results
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=len(items))
        for result in results:
            bar.advance(task)
            yield result


def _run(func: Callable[[T], R], items: Sequence[T], jobs: int, progress: bool, label: str) -> Iterator[R]:
    from art36.batch import run_all

    return _with_progress(items, run_all(func, items, jobs), progress, label)


def _score_job(job: pipeline.Job) -> pipeline.Outcome:
    return pipeline.run(job, score=True)


def _validate_job(job: pipeline.Job) -> FileReport:
    return pipeline.run(job, score=False).report


def _filtered(report: FileReport, select: tuple[str, ...], ignore: tuple[str, ...]) -> FileReport:
    if not (select or ignore):
        return report
    from art36.rules import selected

    kept = tuple(d for d in report.diagnostics if selected(d.code, select, ignore))
    return report.model_copy(update={"diagnostics": kept})


def _usage_problem(message: str) -> int:
    _err(f"art36: error: {message}")
    return Exit.USAGE


@_usage_errors
def score(
    paths: list[str],
    checklists: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    output: Path | None,
    jobs: int,
    progress: bool,
) -> int:
    from art36 import __version__
    from art36.models.common import Verdict
    from art36.models.score_report import ScoreReport, scored_file
    from art36.render import review as formats

    job_list, reports = _inputs(paths, output, checklists)
    records = []
    gate = Verdict(fail_on) if fail_on else None
    gate_hit = False
    for outcome in _run(_score_job, job_list, jobs, progress, "scoring"):
        reports.append(outcome.report)
        records.append(scored_file(outcome.report, outcome.result, outcome.system))
        if gate is not None and outcome.result is not None and outcome.result.verdict.severity >= gate.severity:
            gate_hit = True
    batch = BatchReport(command="score", files=reports)
    report = ScoreReport.build(records, __version__)
    text = formats.render(report, fmt, color=_color(output), width=_width(output))
    _print_diagnostics(batch)
    _refuse_output_read(batch, output)
    out.write(text, output)
    if gate_hit:
        _err(f"art36: at least one verdict is {fail_on} or worse (--fail-on)")
    return for_batch(batch, gate_hit=gate_hit)


def _color(output: Path | None) -> bool:
    from art36.render.diagnostics import color_enabled

    return output is None and color_enabled(os.environ, sys.stdout.isatty())


def _width(output: Path | None) -> int:
    """The terminal's width when writing to one, else the default (80 columns)."""
    import shutil

    from art36.render.review import DEFAULT_WIDTH

    if output is not None or not sys.stdout.isatty():
        return DEFAULT_WIDTH
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def _print_diagnostics(batch: BatchReport) -> None:
    """Problems go to stderr as file:line:col lines, so stdout stays the report."""
    from art36.render import diagnostics as formats

    problems = BatchReport(command=batch.command, files=list(batch.with_diagnostics()))
    if problems.files:
        _err(formats.render(problems, "text", color=formats.color_enabled(os.environ, sys.stderr.isatty())))


def _finish_check(batch: BatchReport, fmt: str, output: Path | None, strict: bool) -> int:
    from art36.render import diagnostics as formats

    fmt, color = formats.resolve(fmt, os.environ, output is None and sys.stdout.isatty())
    _refuse_output_read(batch, output)
    out.write(formats.render_chunks(batch, fmt, color=color, strict=strict), output)
    _err(formats.summary(batch))
    return for_batch(batch, strict=strict)


@_usage_errors
def validate(
    paths: list[str],
    checklists: tuple[str, ...],
    fmt: str,
    output: Path | None,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int,
    progress: bool,
) -> int:
    job_list, reports = _inputs(paths, output, checklists)
    for job, report in zip(job_list, _run(_validate_job, job_list, jobs, progress, "validating"), strict=True):
        reports.append(_filtered(report, select, ignore), job.display)
    return _finish_check(BatchReport(command="validate", files=reports), fmt, output, strict)


@_usage_errors
def lint(
    paths: list[str],
    fmt: str,
    output: Path | None,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    run_tests: bool,
    builtin: bool,
) -> int:
    from art36 import catalog
    from art36.lint import lint_file, lint_text

    if not paths and not builtin:
        return _usage_problem("give checklist files or directories to lint (or --builtin)")
    job_list, reports = _inputs(paths, output, kind="checklist")
    options: dict[str, Any] = {"select": select, "ignore": ignore, "run_tests": run_tests}
    if builtin:
        for name in catalog.builtin_names():
            text = catalog.builtin_text(name) or ""
            reports.append(lint_text(text, f"<builtin>/{name}.yaml", **options))
    for job in job_list:
        if job.text is not None:
            reports.append(lint_text(job.text, job.display, **options))
        else:
            assert job.path is not None
            reports.append(lint_file(Path(job.path), job.display, **options))
    return _finish_check(BatchReport(command="lint", files=reports), fmt, output, strict)


def explain(code: str) -> int:
    from art36 import echo, rules
    from art36.render.rules import explanation

    rule = rules.get(code)
    if rule is None:
        return _usage_problem(f"no rule {echo.key(code)}; `art36 rules` lists them")
    out.write(explanation(rule), None)
    return Exit.OK


def list_rules(fmt: str) -> int:
    from art36 import rules
    from art36.render.rules import listing

    out.write(listing(rules.all_rules(), fmt), None)
    return Exit.OK


def schema(which: str) -> int:
    from art36.schemas import schema_text

    out.write(schema_text(which), None)
    return Exit.OK
