"""What every system check (A rules) reads: the system, its checklists and their criteria, and how to locate a path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from art36.evidence import EvidenceFiles
from art36.models.checklist import Checklist, Criterion
from art36.models.diagnostic import Location
from art36.models.system import Answer, SystemDescription

Loc = tuple[Any, ...]


class Locator(Protocol):
    """The source position of a path in the system file (``key=True``: of the mapping key, not its value)."""

    def __call__(self, loc: Loc, *, key: bool = False) -> Location: ...


@dataclass(frozen=True)
class AnswerSite:
    """One answer where it sits: its path, the criterion it answers (None if no checklist defines it)."""

    loc: Loc
    criterion_id: str
    answer: Answer
    criterion: Criterion | None
    #: True under a use's ``context``; ``where`` names the block for messages.
    in_context: bool
    where: str


@dataclass(frozen=True)
class SystemContext:
    """A loaded system description and the checklists it resolved to, shared by all system checks."""

    system: SystemDescription
    checklists: tuple[Checklist, ...]
    locate: Locator
    #: The system file's folder: evidence paths are relative to it (None for stdin).
    base_dir: Path | None = None
    #: False when a checklist the file names cannot be used (A001): its criteria's answers cannot be checked.
    all_checklists: bool = True
    #: The cited evidence files, each checked once (built from ``base_dir`` with the default policy if not given).
    evidence: EvidenceFiles | None = None

    @cached_property
    def evidence_files(self) -> EvidenceFiles:
        if self.evidence is not None:
            return self.evidence
        return EvidenceFiles(str(self.base_dir) if self.base_dir is not None else None)

    @cached_property
    def criteria(self) -> dict[str, Criterion]:
        """Every criterion of the checklists by id (the first checklist's, if two define one id)."""
        found: dict[str, Criterion] = {}
        for checklist in self.checklists:
            for cid, criterion in checklist.criteria.items():
                found.setdefault(cid, criterion)
        return found

    def answers(self) -> Iterator[AnswerSite]:
        """The system-wide answers, then each use's answers and context, in file order."""
        system = self.system
        blocks: list[tuple[Loc, dict[str, Answer], str]] = [(("answers",), system.answers, "answers")]
        for i, use in enumerate(system.uses):
            blocks.append((("uses", i, "answers"), use.answers, f"use '{use.id}' answers"))
            blocks.append((("uses", i, "context"), use.context, f"use '{use.id}' context"))
        for loc, answers, where in blocks:
            for cid, answer in answers.items():
                yield AnswerSite((*loc, cid), cid, answer, self.criteria.get(cid), loc[-1] == "context", where)
