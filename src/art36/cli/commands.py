"""What each batch command does with its settings: run the core, render through a registry, write, exit code."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from art36.cli import output as out
from art36.cli.exits import Exit, for_batch

if TYPE_CHECKING:  # the settings and models pull in pydantic; a command imports them when it runs
    from art36.inputs import Batch
    from art36.models.batch_report import BatchReport
    from art36.models.diagnostic import Diagnostic
    from art36.runner import ScoreStream
    from art36.settings import Inputs, LintSettings, ScoreSettings, ValidateSettings

T = TypeVar("T")
R = TypeVar("R")

#: Show a progress bar when a batch has at least this many files (and stderr is a terminal).
PROGRESS_MIN_FILES = 50


def _err(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def _collect(inputs: Inputs, output: Path | None, kind: str = "system") -> Batch:
    """The batch to run: stdin is read here (the core never touches the terminal) if ``-`` is among the paths.

    Raises OutputError, before any work is done, if ``--output`` cannot be written or names one of the inputs.
    """
    from art36.inputs import collect
    from art36.settings import STDIN

    stdin, problem = read_stdin() if STDIN in inputs.paths else (None, None)
    return collect(inputs, stdin=stdin, output=output, kind=kind, stdin_problem=problem)


def read_stdin() -> tuple[str | None, Diagnostic | None]:
    """Standard input as text, or a located diagnostic (not UTF-8, too large); never raises on its bytes."""
    from art36 import fileio, limits
    from art36.checks.files import YAML_LIMIT
    from art36.models.diagnostic import Location

    stream = getattr(sys.stdin, "buffer", None)  # a text stream with no bytes under it (tests): read its text
    raw = stream.read(limits.MAX_DOCUMENT_BYTES + 1) if stream is not None else sys.stdin.read().encode()
    if len(raw) > limits.MAX_DOCUMENT_BYTES:
        message = f"standard input has more than {limits.MAX_DOCUMENT_BYTES:,} bytes, the most art36 reads"
        return None, YAML_LIMIT.at(Location(file="<stdin>"), message)
    return fileio.decode(raw, "<stdin>")


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


def _progress(enabled: bool, label: str) -> Callable[[Sequence[Any], Iterator[Any]], Iterator[Any]]:
    return lambda items, results: _with_progress(items, results, enabled, label)


def _usage_problem(message: str) -> int:
    _err(f"art36: error: {message}")
    return Exit.USAGE


def _empty(batch: Batch, inputs: Inputs) -> int | None:
    problem = batch.empty_problem(inputs.allow_empty)
    return _usage_problem(problem) if problem else None


@_usage_errors
def score(settings: ScoreSettings) -> int:
    from art36 import runner
    from art36.render import review as formats

    target = settings.output.file
    batch = _collect(settings.inputs, target)
    empty = _empty(batch, settings.inputs)
    if empty is not None:
        return empty
    # Each file's record is written as it is scored (memory stays flat); the diagnostics follow on stderr.
    stream = runner.ScoreStream(settings, batch, _progress(settings.output.progress, "scoring"))
    pieces: Iterator[str]
    if settings.output.format == "json":  # each record is written out where it is scored (in the workers)
        from art36.render.review.json import JsonFormat, record_json

        pieces = JsonFormat().rendered_chunks(stream.rendered(record_json))
    else:
        pieces = formats.render_chunks(
            stream.records(), stream.count, settings.output.format, color=_color(target), width=_width(target)
        )
    out.write(_checked_before_end(pieces, stream, target), target)
    _print_diagnostics(stream.batch)
    if stream.gate_hit and settings.fail_on is not None:
        also = "" if settings.allow_incomplete else " or incomplete (see --allow-incomplete)"
        _err(f"art36: at least one verdict is {settings.fail_on.value} or worse{also} (--fail-on)")
    return for_batch(stream.batch, gate_hit=stream.gate_hit)


def _checked_before_end(pieces: Iterator[str], stream: ScoreStream, target: Path | None) -> Iterator[str]:
    """``pieces``, then the check that no input was the output, before the last piece lets the file replace it."""
    previous = None
    for piece in pieces:
        if previous is not None:
            yield previous
        previous = piece
    _refuse_output_read(stream.batch, target)
    if previous is not None:
        yield previous


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
    import dataclasses

    from art36.render import diagnostics as formats

    problems = dataclasses.replace(batch, files=list(batch.with_diagnostics()))
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
def validate(settings: ValidateSettings) -> int:
    from art36 import runner

    batch = _collect(settings.inputs, settings.output.file)
    empty = _empty(batch, settings.inputs)
    if empty is not None:
        return empty
    report = runner.validate(settings, batch, _progress(settings.output.progress, "validating"))
    return _finish_check(report, settings.output.format, settings.output.file, settings.filter.strict)


@_usage_errors
def lint(settings: LintSettings) -> int:
    from art36 import runner

    if not settings.inputs.paths and not settings.builtin:
        return _usage_problem("give checklist files or directories to lint (or --builtin)")
    batch = _collect(settings.inputs, settings.output.file, kind="checklist")
    empty = _empty(batch, settings.inputs)
    if empty is not None:
        return empty
    report = runner.lint(settings, batch)
    return _finish_check(report, settings.output.format, settings.output.file, settings.filter.strict)


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
