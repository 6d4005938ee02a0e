"""Re-check a saved review: are its recorded inputs unchanged on disk, and does recomputing it give the same result?"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass, field
from typing import Literal

from art36 import __version__, fileio, pipeline, reports
from art36.diff import ReviewDiff, compare
from art36.diff import without_values as without_changes
from art36.evidence import EvidenceFiles
from art36.models.common import Frozen
from art36.models.diagnostic import FileReport
from art36.models.review import ReviewResult

State = Literal["unchanged", "changed", "missing", "not recorded"]


class InputCheck(Frozen):
    kind: Literal["system file", "checklist", "evidence"]
    name: str
    recorded: str | None
    current: str | None
    state: State


@dataclass
class Verification:
    file: str
    review: ReviewResult | None = None
    report: FileReport | None = None
    inputs: list[InputCheck] = field(default_factory=list)
    #: What recomputing changed in the outcome (None when it could not be recomputed).
    changes: ReviewDiff | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def changed_inputs(self) -> list[InputCheck]:
        return [i for i in self.inputs if i.state in ("changed", "missing")]

    @property
    def matches(self) -> bool:
        return self.review is not None and not self.changed_inputs and self.changes is not None and self.changes.empty


def _state(recorded: str | None, current: str | None) -> State:
    if recorded is None:
        return "not recorded"
    if current is None:
        return "missing"
    return "unchanged" if recorded == current else "changed"


def _system_path(review: ReviewResult, review_file: str) -> str | None:
    """The recorded system file: as recorded (relative to the current directory), else next to the review."""
    candidates = [review.file, os.path.join(os.path.dirname(review_file), os.path.basename(review.file))]
    return next((c for c in candidates if os.path.isfile(c)), None)


def _text_sha(path: str) -> str | None:
    """sha256 of a file's text as pipeline records it (UTF-8, without a byte-order mark); read as pipeline reads."""
    try:
        raw = fileio.read_bytes(path)  # a regular file within the document size limit, never a FIFO or device
    except OSError:
        return None
    try:
        return hashlib.sha256(raw.decode("utf-8-sig").encode("utf-8")).hexdigest()
    except UnicodeDecodeError:
        return hashlib.sha256(raw).hexdigest()


def verify(review_file: str) -> Verification:
    """Compare every recorded input's sha256 with the file on disk, then recompute the review and compare outcomes."""
    result = Verification(file=review_file)
    review, result.report = reports.load_review(review_file, review_file)
    if review is None:
        return result
    result.review = review
    system = _system_path(review, review_file)
    result.inputs.append(
        InputCheck(
            kind="system file",
            name=review.file,
            recorded=review.system_sha256,
            current=_text_sha(system) if system else None,
            state=_state(review.system_sha256, _text_sha(system) if system else None),
        )
    )
    for ref in review.checklists:
        found = reports.resolve_recorded(ref, system or review.file)
        current = found.sha256 if found else None
        result.inputs.append(
            InputCheck(
                kind="checklist",
                name=f"{ref.id} ({ref.source or ref.id})",
                recorded=ref.sha256,
                current=current,
                state=_state(ref.sha256, current),
            )
        )
    # Evidence as score reads it: inside the system file's folder, regular files, streamed, within the size limit
    # (a saved review may name any path: ../../etc/shadow is never read, a 3 GB file never held in memory).
    files = EvidenceFiles(base=os.path.dirname(system or review.file))
    seen: set[str] = set()
    for record in review.evidence:
        if record.path in seen:
            continue
        seen.add(record.path)
        current = files.digest(record.path)
        result.inputs.append(
            InputCheck(
                kind="evidence",
                name=record.path,
                recorded=record.sha256,
                current=current,
                state=_state(record.sha256, current),
            )
        )
    if review.tool.version != __version__:
        result.notes.append(f"recorded with art36 {review.tool.version}, recomputed with {__version__}")
    if system is not None:
        outcome = pipeline.run(pipeline.Job(display=review.file, path=system))
        if outcome.result is None:
            result.notes.append("the system file no longer gives a review (run `art36 validate` on it)")
        else:
            result.changes = compare(review, outcome.result)
    return result


def without_values(result: Verification, placeholder: str) -> Verification:
    """``result`` as ``--no-values`` shows it: checklists by id (not their recorded path), evidence files by number
    (not their path), recomputed answer changes without the answers; states and hashes still show."""
    inputs = []
    evidence = 0
    for item in result.inputs:
        if item.kind == "checklist":
            item = item.model_copy(update={"name": item.name.split(" (", 1)[0]})
        elif item.kind == "evidence":
            evidence += 1
            item = item.model_copy(update={"name": f"#{evidence} {placeholder}"})
        inputs.append(item)
    changes = without_changes(result.changes, placeholder) if result.changes is not None else None
    return dataclasses.replace(result, inputs=inputs, changes=changes)
