"""The `report`, `verify` and `diff` commands: gather inputs, call the core, render, write, pick the exit code."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from art36 import discover, echo, fileio, reports
from art36.cli import output as out
from art36.cli.exits import Exit, for_batch
from art36.models.batch_report import BatchReport, FileReports
from art36.models.diagnostic import FileReport

if TYPE_CHECKING:
    from art36.settings import EvidencePolicy

#: ``-`` among the paths: one system file or saved review read from standard input.
STDIN = "-"


def _err(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def _stem(name: str) -> str:
    if name == reports.STDIN_NAME:
        return "stdin"
    base = os.path.basename(name)
    for suffix in (".review.json", ".json", ".yaml", ".yml"):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)]
    return base


def planned_outputs(names: list[str], folder: Path, fmt: str) -> list[Path]:
    """One report file per input in ``folder``: ``STEM.md`` / ``.html`` / ``.txt`` / ``.review.json``, made unique."""
    from art36.render.report import EXTENSIONS

    ext = ".review.json" if fmt == "json" else EXTENSIONS[fmt]
    taken: set[str] = set()
    planned = []
    for name in names:
        stem = _stem(name) or "report"
        candidate, n = stem + ext, 1
        while candidate in taken:
            n += 1
            candidate = f"{stem}-{n}{ext}"
        taken.add(candidate)
        planned.append(folder / candidate)
    return planned


@dataclass(frozen=True)
class _Done:
    report: FileReport | None
    text: str | None
    ok: bool


#: One report to make: the input's name, where to write it (None: stdout), and its text when read from stdin.
_Item = tuple[str, Path | None, str | None]


def _one(
    item: _Item, fmt: str, lang: str, checklists: tuple[str, ...], color: bool, evidence: EvidencePolicy | None
) -> _Done:
    """Gather, render and (when a target is given) write one report; runs in a worker for big batches."""
    from art36 import evidence as policies
    from art36.render.report import render, view

    name, target, text = item
    gathered = reports.gather(name, checklists, evidence or policies.DEFAULT_POLICY, text, lang)
    if gathered.review is None:
        return _Done(gathered.report, None, False)
    built = view.build(
        gathered.review,
        gathered.checklists,
        lang=lang,
        now=reports.clock(),
        answer_log=gathered.answer_log,
        notes=gathered.notes,
    )
    text = render(built, gathered.review, fmt, color=color)
    if target is None:
        return _Done(gathered.report, text, True)
    try:
        out.write(text, target)
    except out.OutputError as exc:
        _err(f"art36: error: {exc}")
        return _Done(gathered.report, None, False)
    return _Done(gathered.report, None, True)


def report(
    paths: list[str],
    fmt: str,
    output: Path | None,
    lang: str,
    checklists: tuple[str, ...],
    evidence: EvidencePolicy | None = None,
) -> int:
    """Report on every input (``-``: one document read from stdin, located as ``<stdin>``); the exit code."""
    from art36.batch import run_all

    names, missing = discover.expand([p for p in paths if p != STDIN])
    stdin: str | None = None
    if STDIN in paths:
        from art36.cli.commands import read_stdin

        stdin, problem = read_stdin()
        if problem is not None:
            missing.insert(0, problem)
        elif stdin is not None:
            names.insert(0, reports.STDIN_NAME)  # first, as `score -` does
    if not names and not missing:
        _err("art36: error: no system files or reviews found")
        return Exit.USAGE
    folder_mode = output is not None and (len(names) > 1 or output.is_dir())
    if output is None and fmt == "html" and len(names) > 1:
        _err("art36: error: several HTML reports need a directory: use -o DIR")
        return Exit.USAGE
    if folder_mode:
        assert output is not None
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _err(f"art36: error: cannot create {output}: {exc.strerror or exc}")
            return Exit.USAGE
        targets: list[Path | None] = list(planned_outputs(names, output, fmt))
    else:
        targets = [None] * len(names)
    on_disk = names[1:] if stdin is not None else names
    try:  # no input of any kind (system file, review, checklist, evidence; links too) may be an output
        out.check_targets([t for t in (targets if folder_mode else [output]) if t is not None], [*on_disk, *checklists])
    except out.OutputError as exc:
        _err(f"art36: error: {exc}")
        return Exit.USAGE
    color = output is None and _color()
    work = functools.partial(_one, fmt=fmt, lang=lang, checklists=checklists, color=color, evidence=evidence)
    files = FileReports(FileReport(file=d.location.file, diagnostics=(d,)) for d in missing)
    texts: list[str] = []
    failed = False
    items: list[_Item] = [
        (name, target, stdin if i == 0 else None) for i, (name, target) in enumerate(zip(names, targets, strict=True))
    ]
    results = run_all(work, items)
    try:
        for done in results:
            if done.report is not None:
                files.append(done.report)
            failed |= not done.ok
            if done.text is not None:
                texts.append(done.text)
    finally:
        results.close()  # a batch stopped early (Ctrl-C, SIGTERM): its workers are killed and reaped here
        if folder_mode and output is not None:
            fileio.remove_stale_temps(output)  # what workers killed mid-write left, not left for the next run
    batch = BatchReport(command="report", files=files)
    _print_diagnostics(batch)
    if _read_the_output(batch, output):
        return Exit.USAGE
    if texts:
        try:
            out.write(_joined(texts, fmt), None if folder_mode else output)
        except out.OutputError as exc:
            _err(f"art36: error: {exc}")
            return Exit.USAGE
    code = for_batch(batch)
    return max(int(code), int(Exit.FINDINGS) if failed else 0)


def _joined(texts: list[str], fmt: str) -> str:
    """Several reports on stdout: Markdown and text separated by a rule, JSON as one array."""
    if len(texts) == 1:
        return texts[0]
    if fmt == "json":
        return "[\n" + ",\n".join(t.rstrip("\n") for t in texts) + "\n]\n"
    separator = "\n\n---\n\n" if fmt == "md" else "\n" + "=" * 80 + "\n\n"
    return separator.join(texts)


def _color() -> bool:
    from art36.render.diagnostics import color_enabled

    return color_enabled(os.environ, sys.stdout.isatty())


def _print_diagnostics(batch: BatchReport) -> None:
    from art36.render import diagnostics as formats

    problems = BatchReport(command=batch.command, files=list(batch.with_diagnostics()))
    if problems.files:
        _err(formats.render(problems, "text", color=formats.color_enabled(os.environ, sys.stderr.isatty())))


def _read_the_output(batch: BatchReport, output: Path | None) -> bool:
    """True (and said on stderr) when a checklist or evidence file of this run is the output: exit 2, not 1."""
    from art36.fileio import IS_OUTPUT

    used = next((d for d in batch.diagnostics() if d.message == IS_OUTPUT), None)
    if output is None or used is None:
        return False
    _err(f"art36: error: refusing to write {out.shown(output)}: it is also an input of this run; nothing written")
    return True


def _missing(path: str) -> bool:
    """True (and said on stderr) when ``path`` is not a file."""
    if os.path.isfile(path):
        return False
    _err(f"art36: error: {path}: no such file")
    return True


def verify(path: str) -> int:
    from art36 import verify as core

    if _missing(path):
        return Exit.USAGE
    result = core.verify(path)
    if result.report is not None:
        _print_diagnostics(BatchReport(command="verify", files=[result.report]))
    if result.review is None:
        return Exit.FINDINGS
    from art36.render.report.changes import verification

    if echo.hiding():
        result = core.without_values(result, echo.WITHHELD)
    out.write(verification(result, path), None)
    return Exit.OK if result.matches else Exit.FINDINGS


def diff(old: str, new: str, fmt: str, output: Path | None) -> int:
    from art36.diff import compare, without_values
    from art36.render.report import changes

    out.check_target(output, [old, new])
    reviews = []
    for name in (old, new):
        if _missing(name):
            return Exit.USAGE
        gathered = reports.gather(name)
        if gathered.report is not None:
            _print_diagnostics(BatchReport(command="diff", files=[gathered.report]))
            if _read_the_output(BatchReport(command="diff", files=[gathered.report]), output):
                return Exit.USAGE
        if gathered.review is None:
            return Exit.FINDINGS
        reviews.append(gathered.review)
    found = compare(reviews[0], reviews[1])
    try:
        out.write(changes.render(without_values(found, echo.WITHHELD) if echo.hiding() else found, fmt), output)
    except out.OutputError as exc:
        _err(f"art36: error: {exc}")
        return Exit.USAGE
    return Exit.OK
