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
    """What a resumed review needs besides the system file and the answer log: who, in which language, since when.

    Written once when the review starts; which questions are done is read back from the answer log.
    """

    model_config = ConfigDict(extra="forbid")

    session_version: int = SESSION_VERSION
    input: str = ""
    reviewer: str = ""
    lang: str = "en"
    checklists: list[str] = []
    started: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def read_session(path: Path) -> SessionFile | None:
    """The saved session, or None if there is none or it cannot be read (then the review starts afresh)."""
    try:
        return SessionFile.model_validate_json(fileio.read_bytes(path))  # never a FIFO or /dev/zero
    except (OSError, ValidationError, ValueError):
        return None


class Autosave:
    """Writes the answer log and the system file: an fsynced append, then an atomic replace, per answer.

    The session file is written once, at the start. Two writes per answer (not three) keep the acknowledgement
    fast; the log is enough to know which questions are done (see :func:`recover_done`).
    """

    def __init__(self, paths: Paths, session: SessionFile, header: str = "") -> None:
        self.paths = paths
        self.session = session
        self.header = header

    def start(self, system: SystemDescription) -> None:
        """Write the session file and the system file as the review begins (or resumes)."""
        fileio.write_atomic([self.session.model_dump_json(indent=1)], self.paths.session)
        self._write_system(system)

    def save(self, system: SystemDescription, change: Change) -> None:
        """Persist one answer: its log line first, then the system file (unless the answer was only confirmed)."""
        fileio.append_durable(self.paths.log, json.dumps(log_entry(self.session.reviewer, change), ensure_ascii=False))
        if change.changed:
            self._write_system(system)

    def _write_system(self, system: SystemDescription) -> None:
        fileio.write_atomic([document.to_yaml(system, self.header)], self.paths.system)
        fileio.protect(None)  # the saved file is read again (resume, final score): not an output to guard

    def finish(self) -> None:
        """The review is complete: the session file is no longer needed (the log stays)."""
        self.paths.session.unlink(missing_ok=True)


def recover_done(paths: Paths, system: SystemDescription) -> frozenset[StepKey]:
    """The questions done: those whose last acknowledged answer in the log is the one the system file holds.

    The log line is written before the system file; a line whose answer never reached the file (a kill between
    the two) was never acknowledged, and its question stays open. A line cut short by a crash is skipped.
    """
    done: set[StepKey] = set()
    try:
        lines = fileio.read_bytes(paths.log).decode("utf-8", "replace").splitlines()
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
