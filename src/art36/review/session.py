"""Where a review keeps its files, and the autosave: every answer on disk, atomically, the moment it is given."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from art36 import fileio
from art36.models.system import Answer, SystemDescription
from art36.review import document
from art36.review.engine import Change, StepKey

SESSION_VERSION = 1


@dataclass(frozen=True)
class Paths:
    """The files of one review, all next to the reviewed system file."""

    system: Path
    review: Path
    log: Path
    session: Path

    @classmethod
    def for_output(cls, output: Path) -> Paths:
        stem = output.name.removesuffix(output.suffix) if output.suffix in (".yaml", ".yml") else output.name
        stem = stem.removesuffix(".reviewed")  # goalkeeper.reviewed.yaml -> goalkeeper.review.json
        folder = output.parent
        return cls(
            system=output,
            review=folder / f"{stem}.review.json",
            log=folder / f"{stem}.answers.jsonl",
            session=folder / f".{stem}.review-session.json",
        )

    def outputs(self) -> tuple[Path, ...]:
        return (self.system, self.review)


class SessionFile(BaseModel):
    """What a resumed review needs besides the system file: who, since when, which questions are done."""

    model_config = ConfigDict(extra="forbid")

    session_version: int = SESSION_VERSION
    input: str = ""
    reviewer: str = ""
    lang: str = "en"
    checklists: list[str] = []
    started: str
    updated: str
    done: list[tuple[str, str]] = []

    def done_keys(self) -> frozenset[StepKey]:
        return frozenset(StepKey(c, u) for c, u in self.done)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def read_session(path: Path) -> SessionFile | None:
    """The saved session, or None if there is none or it cannot be read (then the review starts afresh)."""
    try:
        return SessionFile.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return None


class Autosave:
    """Writes the system file, the session file and the answer log; each write is atomic or an fsynced append."""

    def __init__(self, paths: Paths, session: SessionFile, header: str = "") -> None:
        self.paths = paths
        self.session = session
        self.header = header

    def save(self, system: SystemDescription, done: frozenset[StepKey], change: Change | None = None) -> None:
        """Persist the review as it stands; ``change`` (if any) is appended to the answer log first."""
        if change is not None:
            fileio.append_durable(
                self.paths.log, json.dumps(log_entry(self.session.reviewer, change), ensure_ascii=False)
            )
        fileio.write_atomic([document.to_yaml(system, self.header)], self.paths.system)
        self.session.updated = now()
        self.session.done = sorted((k.criterion, k.use) for k in done)
        fileio.write_atomic([self.session.model_dump_json(indent=1)], self.paths.session)
        fileio.protect(None)  # the saved file is read again (resume, final score): not an output to guard

    def finish(self) -> None:
        """The review is complete: the session file is no longer needed (the log stays)."""
        self.paths.session.unlink(missing_ok=True)


def recover_done(paths: Paths, session: SessionFile, system: SystemDescription) -> frozenset[StepKey]:
    """The questions done: the session's list, plus any whose logged answer reached the system file.

    The log line is written first, the system file next, the session file last; a kill between the last two
    leaves an answer on disk that the session does not list yet. It counts as done: nothing is asked twice.
    """
    done = set(session.done_keys())
    try:
        lines = paths.log.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset(done)
    for line in lines:
        try:
            entry = json.loads(line)
            key = StepKey(str(entry["criterion"]), str(entry.get("use") or ""))
            new = entry["new"]
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by a crash: ignore it
        answer = document.get_answer(system, key.criterion, key.use)
        value = tuple(new) if isinstance(new, list) else new
        if answer is not None and answer.value == value and type(answer.value) is type(value):
            done.add(key)
    return frozenset(done)


def _plain(answer: Answer | None) -> object:
    if answer is None:
        return None
    value = answer.value
    return list(value) if isinstance(value, tuple) else value


def log_entry(reviewer: str, change: Change) -> dict[str, object]:
    """One line of the answer log: who, when, which use and criterion, the old and new value."""
    old, new = change.old, change.new
    return {
        "time": now(),
        "action": "confirmed" if old == new else "answered",
        "reviewer": reviewer,
        "use": change.key.use or None,
        "criterion": change.key.criterion,
        "old": _plain(old),
        "new": _plain(new),
        "rationale_changed": (old.rationale if old else "") != new.rationale,
        "rationale": new.rationale,
        "evidence_changed": (old.evidence if old else ()) != new.evidence,
    }
