"""The review result: one model that every renderer (table, JSON, reports) reads."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from art36.models.common import Frozen, RiskLevel, Verdict
from art36.models.system import AnswerValue


class Status(StrEnum):
    """How one criterion stands for one intended use."""

    MEETS = "meets"
    BELOW = "below"  # answered, but riskier than this context allows
    MISSING = "missing"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"
    NOT_SHOWN = "not_shown"  # its applies_when condition does not hold
    INFORMATION = "information"  # a text answer: recorded, not scored


class CitedEvidence(Frozen):
    """Evidence as the system file cites it for one answer (its sha256 is in ``ReviewResult.evidence``)."""

    document: str = ""
    path: str = ""
    description: str = ""


class CriterionResult(Frozen):
    id: str
    checklist: str
    section: str
    status: Status
    answer: AnswerValue | None = None
    risk_level: RiskLevel | None = None
    max_level: RiskLevel | None = None
    #: Which profile set ``max_level`` ("default" when the criterion's own default applies).
    required_by: str = "default"
    required: bool = True
    weight: float = 0.0
    #: Points earned (0-100) and how they were derived; None when excluded from the score.
    points: float | None = None
    derivation: str = ""
    #: The reviewer's rationale and cited evidence for the answer, as recorded in the system file.
    rationale: str = ""
    evidence: tuple[CitedEvidence, ...] = ()


class SectionResult(Frozen):
    id: str
    checklist: str
    score: float | None
    weight: float
    derivation: str = ""


class FiredRedLine(Frozen):
    id: str
    checklist: str
    basis: str
    verdict: Verdict
    message: str
    references: tuple[str, ...] = ()


class ReviewCondition(Frozen):
    """Something that must be mitigated or restricted before approval, and why."""

    criterion: str
    reason: str


class ChecklistScore(Frozen):
    id: str
    score: float | None
    band: str | None
    band_verdict: Verdict | None
    derivation: str


class UseResult(Frozen):
    id: str
    title: str = ""
    verdict: Verdict
    score: float | None
    profiles: tuple[str, ...] = ()
    checklists: tuple[ChecklistScore, ...] = ()
    sections: tuple[SectionResult, ...] = ()
    criteria: tuple[CriterionResult, ...] = ()
    red_lines: tuple[FiredRedLine, ...] = ()
    conditions: tuple[ReviewCondition, ...] = ()
    #: Why the verdict is what it is, in order of weight (red lines, gaps, band).
    reasons: tuple[str, ...] = ()


class ChecklistRef(Frozen):
    id: str
    version: str
    sha256: str
    #: Where it was read: ``<builtin>/ID.yaml`` or the path as the system file (or --checklist) named it.
    source: str = ""


class EvidenceRecord(Frozen):
    criterion: str
    path: str
    sha256: str | None = None


#: The version of the review record below. Bumped only when a key is removed or changes meaning (adding a key
#: keeps it); a reader refuses a version it does not know rather than guessing.
SCHEMA_VERSION: Literal[1] = 1


class ToolInfo(Frozen):
    """The program that produced a review, so a result can be traced to the code that computed it."""

    name: str = "art36"
    version: str


class ReviewResult(Frozen):
    """The review of one system file: every intended use scored, with what it was computed from.

    Traceability: the tool and its version, each checklist's id, version and sha256, the system file's sha256 and
    each evidence file's sha256. ``reviewer`` and ``created_at`` are filled by the interactive review; ``score``
    leaves them empty so that its output depends on its inputs only.
    """

    schema_version: Literal[1] = SCHEMA_VERSION
    tool: ToolInfo
    file: str
    #: sha256 of the system file's text as UTF-8 (a byte-order mark, if any, not included), stdin's too.
    system_sha256: str | None = None
    system: str
    system_version: str = ""
    classification: str
    checklists: tuple[ChecklistRef, ...]
    verdict: Verdict
    score: float | None
    #: The intended use that decides the overall verdict (the worst one).
    deciding_use: str
    uses: tuple[UseResult, ...] = Field(min_length=1)
    evidence: tuple[EvidenceRecord, ...] = ()
    #: Who answered or approved the review (the interactive review asks); None when not recorded.
    reviewer: str | None = None
    #: When the review was recorded, with its time zone; None when not recorded.
    created_at: datetime | None = None

    def use(self, use_id: str) -> UseResult:
        """The intended use with id ``use_id`` (KeyError if there is none)."""
        for use in self.uses:
            if use.id == use_id:
                return use
        raise KeyError(use_id)
