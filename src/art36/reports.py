"""What a report, `verify` or `diff` needs for one input: a system file scored now, or a saved review read back."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from art36 import evidence, pipeline, reviewfile
from art36.catalog import Catalog, LoadedChecklist
from art36.checks.schema import SCHEMA_INVALID_VALUE
from art36.i18n import t
from art36.models.checklist import Checklist
from art36.models.diagnostic import FileReport, Location
from art36.models.review import ChecklistRef, ReviewResult
from art36.render.report.answer_log import LogSummary, log_path_for, summarise

_CATALOG = Catalog()


#: The name a document read from standard input is shown (and located) by.
STDIN_NAME = "<stdin>"


def is_review_file(name: str) -> bool:
    """A saved review is JSON; anything else is taken as a system file."""
    return name.lower().endswith(".json")


def is_review_text(text: str) -> bool:
    """Text read from stdin is a saved review when it is a JSON object or array (a system file is YAML mapping)."""
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


@dataclass
class Input:
    """One input to report on: the review (None if it could not be made) and what the report shows besides."""

    display: str
    review: ReviewResult | None = None
    checklists: dict[str, Checklist] = field(default_factory=dict)
    answer_log: LogSummary | None = None
    notes: list[str] = field(default_factory=list)
    report: FileReport | None = None
    #: True when the review was read from a saved file (rendered as recorded), False when scored now.
    saved: bool = False


def clock() -> datetime:
    """The report date: now, or ``SOURCE_DATE_EPOCH`` (seconds) when set, for reproducible reports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def checklist_ref(ref: ChecklistRef) -> str:
    """The reference to resolve a recorded checklist by: the built-in id, or the path as recorded."""
    if ref.source.startswith("<builtin>/") or not ref.source:
        return ref.id
    return ref.source


def resolve_recorded(ref: ChecklistRef, system_file: str) -> LoadedChecklist | None:
    """The recorded checklist as it is on disk now: a path tries the system file's folder, then the current one."""
    name = checklist_ref(ref)
    folder = Path(os.path.dirname(system_file) or ".")
    found = _CATALOG.resolve(name, folder)
    if not isinstance(found, LoadedChecklist) and name != ref.id:
        found = _CATALOG.resolve(name, Path.cwd())
    return found if isinstance(found, LoadedChecklist) else None


def load_review(path: str, display: str, text: str | None = None) -> tuple[ReviewResult | None, FileReport]:
    """A saved review JSON (one review, or a score report holding exactly one) read back; its problems located,
    with its classification marking whenever it is readable.

    ``text``, when given, is the document already read (stdin); ``path`` is then not opened.
    """
    loaded = reviewfile.load_reviews(text, display) if text is not None else reviewfile.load_review_file(path, display)
    problems = list(loaded.diagnostics)
    if len(loaded.reviews) > 1 and not problems:
        problems.append(
            SCHEMA_INVALID_VALUE.at(
                Location(file=display),
                f"found a score report with {len(loaded.reviews)} reviews, expected one review",
                hint="report on the system files, or save one review per file with `art36 report -f json -o DIR`",
            )
        )
    report = FileReport(file=display, diagnostics=tuple(problems), kind="review", classification=loaded.classification)
    return (loaded.reviews[0] if loaded.reviews and not problems else None), report


def read_saved(path: str, text: str | None = None, lang: str = "en") -> Input:
    """A saved review, with its checklists (when the recorded ones are still on disk, unchanged) and answer log.

    ``text`` is the review already read from standard input (``path`` is then only its display name).
    """
    item = Input(display=path, saved=True)
    review, item.report = load_review(path, path, text)
    if review is None:
        return item
    item.review = review
    for ref in review.checklists:
        found = resolve_recorded(ref, review.file)
        if found is None:
            item.notes.append(t("report.note_missing", lang).format(id=ref.id, version=ref.version))
        elif found.sha256 != ref.sha256:
            item.notes.append(t("report.note_changed", lang).format(id=ref.id, sha256=found.sha256))
        else:
            item.checklists[ref.id] = found.checklist
    log = log_path_for(Path(path)) if text is None else None
    if log is not None:
        item.answer_log = summarise(log, str(log))
    return item


def score_system(
    path: str,
    checklists: tuple[str, ...] = (),
    policy: evidence.Policy = evidence.DEFAULT_POLICY,
    text: str | None = None,
) -> Input:
    """Score a system file now; its checklists come along for question texts and sources.

    ``text`` is the system file already read from standard input (``path`` is then only its display name).
    """
    job = (
        pipeline.Job(display=path, text=text, checklists=checklists, evidence=policy)
        if text is not None
        else pipeline.Job(display=path, path=path, checklists=checklists, evidence=policy)
    )
    outcome = pipeline.run(job)
    item = Input(display=path, review=outcome.result, report=outcome.report)
    if outcome.result is not None:
        for ref in outcome.result.checklists:
            found = resolve_recorded(ref, path) if not checklists else _resolve_cli(ref)
            if found is not None:
                item.checklists[ref.id] = found.checklist
    return item


def _resolve_cli(ref: ChecklistRef) -> LoadedChecklist | None:
    found = _CATALOG.resolve(checklist_ref(ref), None)
    return found if isinstance(found, LoadedChecklist) else None


def gather(
    path: str,
    checklists: tuple[str, ...] = (),
    policy: evidence.Policy = evidence.DEFAULT_POLICY,
    text: str | None = None,
    lang: str = "en",
) -> Input:
    """A saved review (``*.json``) as recorded, or a system file scored now. Never raises.

    ``text`` is a document already read from standard input (shown as ``path``, normally ``<stdin>``): a JSON
    object or array is a saved review, anything else a system file.
    """
    if text is not None:
        return read_saved(path, text, lang) if is_review_text(text) else score_system(path, checklists, policy, text)
    return read_saved(path, lang=lang) if is_review_file(path) else score_system(path, checklists, policy)
