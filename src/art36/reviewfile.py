"""Read a saved review back into the typed model: a score report (`score --format json`) or one review object.

Every problem comes back as a located diagnostic (file:line:col and JSON path), never as an exception, so that
reports, `verify` and `diff` can say exactly what is wrong with a file they were given.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from art36 import load
from art36.checks.files import YAML_NOT_MAPPING, YAML_SYNTAX
from art36.checks.schema import SCHEMA_INVALID_VALUE
from art36.models.diagnostic import Diagnostic, Location
from art36.models.review import SCHEMA_VERSION, ReviewResult
from art36.models.score_report import REPORT_VERSION, ScoreReport


@dataclass(frozen=True)
class LoadedReviews:
    """The reviews a file holds (empty when it could not be read) and the problems found in it."""

    path: str
    reviews: tuple[ReviewResult, ...] = ()
    report: ScoreReport | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: The classification marking(s), recovered whenever readable, valid file or not (art36.marking).
    classification: str = ""

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def _version_problems(display: str, text: str, data: dict[str, Any]) -> list[Diagnostic]:
    """One diagnostic per version key this art36 cannot read (rather than one per field that changed)."""
    found: list[tuple[tuple[Any, ...], Any, int]] = []
    if "files" in data:
        if data.get("version") != REPORT_VERSION:
            found.append((("version",), data.get("version"), REPORT_VERSION))
        files = data["files"] if isinstance(data["files"], list) else []
        for i, record in enumerate(files):
            inner = record.get("review") if isinstance(record, dict) else None
            if isinstance(inner, dict) and inner.get("schema_version") != SCHEMA_VERSION:
                found.append((("files", i, "review", "schema_version"), inner.get("schema_version"), SCHEMA_VERSION))
    elif data.get("schema_version") != SCHEMA_VERSION:
        found.append((("schema_version",), data.get("schema_version"), SCHEMA_VERSION))
    if not found:
        return []
    located = load.load(text, display, ScoreReport)  # only for the node tree: where each version key sits
    problems = []
    for loc, value, supported in found:
        location = located.locate(loc) if located.doc is not None else Location(file=display)
        problems.append(
            SCHEMA_INVALID_VALUE.at(
                location,
                f"found {loc[-1]} {value!r}, expected {supported}",
                hint=f"this art36 reads {loc[-1]} {supported}; use the art36 version that wrote the file",
            )
        )
    return problems


def load_reviews(text: str, display: str) -> LoadedReviews:
    """Parse ``text`` (JSON) as a score report or a single review; never raises."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = Location(file=display, line=exc.lineno, column=exc.colno)
        problem = YAML_SYNTAX.at(where, f"invalid JSON: {exc.msg}", hint="is this the file art36 wrote?")
        return LoadedReviews(display, diagnostics=[problem])
    except (RecursionError, ValueError):
        # Nesting too deep for the JSON reader, or an integer past Python's 4,300 digits: the YAML reader
        # (JSON is YAML) finds the same thing within its limits and says where.
        return LoadedReviews(display, diagnostics=_too_costly(text, display))
    if not (isinstance(data, dict) and ("files" in data or "schema_version" in data)):
        problem = YAML_NOT_MAPPING.at(
            Location(file=display),
            "found no art36 review here, expected a score report (`art36 score --format json`) or one review",
            hint="a review has a 'schema_version' key; a score report has 'version' and 'files'",
        )
        return LoadedReviews(display, diagnostics=[problem])
    marking = _marking(data)
    versions = _version_problems(display, text, data)
    if versions:
        return LoadedReviews(display, diagnostics=versions, classification=marking)
    if "files" in data:
        report = load.load(text, display, ScoreReport)
        if report.model is None:
            return LoadedReviews(display, diagnostics=list(report.diagnostics), classification=marking)
        return LoadedReviews(
            display, reviews=tuple(report.model.reviews()), report=report.model, classification=marking
        )
    single = load.load(text, display, ReviewResult)
    if single.model is None:
        return LoadedReviews(display, diagnostics=list(single.diagnostics), classification=marking)
    return LoadedReviews(display, reviews=(single.model,), classification=marking)


def _marking(data: dict[str, Any]) -> str:
    """The marking of one review, or the distinct markings of a score report's reviews joined by '; '."""
    from art36.marking import recover

    if "files" not in data:
        return recover(data)
    files = data["files"] if isinstance(data["files"], list) else []
    found = [recover(r.get("review")) for r in files if isinstance(r, dict)]
    return "; ".join(dict.fromkeys(m for m in found if m))


def _too_costly(text: str, display: str) -> list[Diagnostic]:
    located = load.load(text, display, ReviewResult)
    if located.diagnostics:
        return list(located.diagnostics)
    problem = YAML_SYNTAX.at(  # not reached with the JSON a reader can build; kept so no path raises
        Location(file=display), "this JSON cannot be read within art36's limits", hint="is this the file art36 wrote?"
    )
    return [problem]


def load_review_file(path: str | Path, display: str | None = None) -> LoadedReviews:
    """Read and parse the file at ``path`` (shown as ``display``); unreadable files give an F diagnostic."""
    shown = display if display is not None else str(path)
    text, problem = load.read_text(path, shown)
    if text is None:
        return LoadedReviews(shown, diagnostics=[problem] if problem else [])
    return load_reviews(text, shown)
