"""The review result: one model that every renderer (table, JSON, reports) reads."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from art36.models.common import Frozen, RiskLevel, Verdict
from art36.models.system import AnswerValue, Measure


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


class Margin(StrEnum):
    """How far an answer (or the worst answer of a section or checklist) is from what the context requires."""

    MEETS = "meets"
    ONE_LEVEL_SHORT = "one_level_short"  # a condition (rule 5)
    REFUSED = "refused"  # two or more levels above, or above at the checklist's refuse_at level (rule 3)


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
    #: Index points earned (0-100, by risk level, whatever the context) and how they were derived; None when
    #: excluded from the index.
    points: float | None = None
    derivation: str = ""
    #: The reviewer's rationale and cited evidence for the answer, as recorded in the system file.
    rationale: str = ""
    evidence: tuple[CitedEvidence, ...] = ()
    #: Levels above ``max_level`` (0 when it meets), and what that means; None when not assessed.
    levels_above: int | None = None
    margin: Margin | None = None


class SectionResult(Frozen):
    id: str
    checklist: str
    #: The section's human-control index: weight-averaged points of its criteria (informs, never decides).
    score: float | None
    weight: float
    derivation: str = ""
    #: The worst margin among the section's criteria; None when none is assessed.
    margin: Margin | None = None


class FiredRedLine(Frozen):
    id: str
    checklist: str
    basis: str
    verdict: Verdict
    message: str
    references: tuple[str, ...] = ()


class MeetingOption(Frozen):
    """An answer that would meet a condition's required level."""

    value: str | bool
    label: str
    risk_level: RiskLevel


class ReviewCondition(Frozen):
    """A criterion one level above what this use's context allows: what must change before approval, and why."""

    criterion: str
    checklist: str = ""
    section: str = ""
    question: str = ""
    answer: AnswerValue | None = None
    risk_level: RiskLevel | None = None
    #: The level the context requires, and the profile that sets it ("default": the criterion's own limit).
    required_level: RiskLevel | None = None
    profile: str = "default"
    #: The answers that would meet the required level.
    options: tuple[MeetingOption, ...] = ()
    #: Why the profile sets that limit.
    rationale: str = ""
    #: Measures the use declares for this condition; the condition is addressed when there is one.
    measures: tuple[Measure, ...] = ()
    addressed: bool = False
    #: The whole condition in one sentence.
    reason: str


class Refusal(Frozen):
    """Why a use is refused: a red line that holds, or a criterion too far above its limit (rule 1 or 3)."""

    kind: str  # "red_line" or "criterion"
    checklist: str
    verdict: Verdict
    #: The red line's id (kind red_line), with the answers its condition tests.
    red_line: str | None = None
    basis: str = ""
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    #: The criterion (kind criterion): its answer and risk, the limit, and the profile that set the limit.
    criterion: str | None = None
    answer: AnswerValue | None = None
    risk_level: RiskLevel | None = None
    limit: RiskLevel | None = None
    profile: str = ""
    levels_above: int | None = None
    rationale: str = ""
    references: tuple[str, ...] = ()
    reason: str


class ChecklistScore(Frozen):
    id: str
    #: The checklist's human-control index (0-100); never averaged with another checklist's.
    score: float | None
    #: The label of the band the index falls in (bands label, they do not decide).
    band: str | None
    derivation: str
    #: The worst margin among the checklist's criteria.
    margin: Margin | None = None


class UseResult(Frozen):
    """One intended use's review. Fields are in reading order: the verdict and what decides it come first."""

    id: str
    title: str = ""
    verdict: Verdict
    #: The criteria and red lines that decide the verdict, in order: refusals, then conditions.
    deciding: tuple[str, ...] = ()
    #: Why the verdict is what it is, in order of weight (refusals, scope, gaps, conditions).
    reasons: tuple[str, ...] = ()
    #: Every refusal that holds whatever the unknown answers turn out to be (red lines first).
    refusals: tuple[Refusal, ...] = ()
    #: Every criterion one level above its limit, with what would meet it.
    conditions: tuple[ReviewCondition, ...] = ()
    #: Required answers missing or unknown (listed with a refusal too: answering them cannot undo it).
    gaps: tuple[str, ...] = ()
    #: The lowest checklist index of this use (never an average across checklists); informs, never decides.
    score: float | None
    #: The worst margin of the use over all its checklists.
    margin: Margin | None = None
    profiles: tuple[str, ...] = ()
    red_lines: tuple[FiredRedLine, ...] = ()
    checklists: tuple[ChecklistScore, ...] = ()
    sections: tuple[SectionResult, ...] = ()
    criteria: tuple[CriterionResult, ...] = ()


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
