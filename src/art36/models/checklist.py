"""The checklist format: criteria, context profiles, red lines, the declared scoring model and test cases."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from art36.models.common import (
    Frozen,
    Identifier,
    LegalStatus,
    LocalizedText,
    Reference,
    RiskLevel,
    Verdict,
)
from art36.models.condition import Condition, ScalarValue

SemVer = Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")]


class AnswerType(StrEnum):
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    BOOLEAN = "boolean"
    NUMBER = "number"
    TEXT = "text"


class Option(Frozen):
    """One possible answer, with what it means and the risk it carries."""

    value: str | bool = Field(description="What a system file writes as the answer.")
    label: LocalizedText
    meaning: LocalizedText = ""
    risk_level: RiskLevel


class Range(Frozen):
    """One band of a numeric answer: values up to and including ``max`` (no max: everything above)."""

    value: Identifier = Field(description="Name of the band, used in conditions and reports.")
    max: float | None = None
    label: LocalizedText
    meaning: LocalizedText = ""
    risk_level: RiskLevel


class Criterion(Frozen):
    id: Identifier
    question: LocalizedText
    guidance: LocalizedText = ""
    references: tuple[Reference, ...] = ()
    legal_status: LegalStatus
    answer_type: AnswerType = AnswerType.CHOICE
    options: tuple[Option, ...] = ()
    ranges: tuple[Range, ...] = ()
    unit: str = ""
    weight: float = Field(default=1.0, ge=0)
    required: bool = True
    rationale_required: bool = False
    evidence_required: bool = False
    not_applicable_allowed: bool = False
    #: Context criteria are answered per intended use (in ``uses[].context``).
    context: bool = False
    #: Highest acceptable risk level when no selected context profile says otherwise.
    max_risk: RiskLevel = RiskLevel.MEDIUM
    #: Show (and score) the criterion only when this holds.
    applies_when: Condition | None = None
    #: Format 2: the answer describes how the system selects or engages targets. A use whose file says it is
    #: out of scope but answers a targeting criterion is incomplete, not out of scope (verdict rule 2).
    targeting: bool = False

    @model_validator(mode="after")
    def _answers_match_type(self) -> Criterion:
        kind = self.answer_type
        if kind in (AnswerType.CHOICE, AnswerType.MULTI_CHOICE, AnswerType.BOOLEAN) and not self.options:
            raise ValueError(f"a '{kind.value}' criterion needs 'options'")
        if kind is AnswerType.NUMBER and not self.ranges:
            raise ValueError("a 'number' criterion needs 'ranges'")
        if kind is AnswerType.TEXT and (self.options or self.ranges):
            raise ValueError("a 'text' criterion takes no 'options' or 'ranges'")
        if kind is AnswerType.BOOLEAN and {o.value for o in self.options} != {True, False}:
            raise ValueError("a 'boolean' criterion needs exactly the options true and false")
        return self

    @property
    def scored(self) -> bool:
        return self.answer_type is not AnswerType.TEXT

    def choices(self) -> tuple[Option | Range, ...]:
        return self.ranges if self.answer_type is AnswerType.NUMBER else self.options

    def choice_values(self) -> list[ScalarValue]:
        return [c.value for c in self.choices()]

    @cached_property
    def option_keys(self) -> frozenset[tuple[type, ScalarValue]]:
        """Each option's (type, value): an answer matches an option only in value and type (computed once)."""
        return frozenset((type(o.value), o.value) for o in self.options)

    @cached_property
    def risk_by_value(self) -> Mapping[ScalarValue, RiskLevel]:
        """Each choice's risk level by its value (computed once: scoring asks for every criterion of every use)."""
        return MappingProxyType({c.value: c.risk_level for c in self.choices()})


class Section(Frozen):
    id: Identifier
    title: LocalizedText
    description: LocalizedText = ""
    weight: float = Field(default=1.0, ge=0)
    criteria: tuple[Criterion, ...] = Field(min_length=1)


class Limit(Frozen):
    """A context profile's highest acceptable risk level for one criterion, and why."""

    criterion: Identifier
    max_risk: RiskLevel
    rationale: LocalizedText


class ContextProfile(Frozen):
    id: Identifier
    title: LocalizedText
    rationale: LocalizedText = ""
    when: Condition
    limits: tuple[Limit, ...] = Field(min_length=1)


class RedLineBasis(StrEnum):
    BINDING_LAW = "binding_law"
    NATIONAL_POLICY = "national_policy"

    @property
    def verdict(self) -> Verdict:
        return Verdict.PROHIBITED if self is RedLineBasis.BINDING_LAW else Verdict.NOT_APPROVABLE


class RedLine(Frozen):
    """A condition that forces a verdict whatever the score."""

    id: Identifier
    title: LocalizedText
    message: LocalizedText
    basis: RedLineBasis
    references: tuple[Reference, ...] = Field(min_length=1)
    when: Condition


class Band(Frozen):
    """A score band: scores from ``min`` (inclusive) to ``max`` (exclusive, inclusive at 100)."""

    id: Identifier
    min: float = Field(ge=0, le=100)
    max: float = Field(ge=0, le=100)
    label: LocalizedText
    #: Format 1 only, and no longer applied: a score never decides a verdict (verdict rule 6).
    verdict: Literal["approvable", "approvable_with_conditions", "not_approvable"] | None = None


class ScoringModel(Frozen):
    """The declared index model; every constant lives here, not in code. The index informs, it never decides.

    ``weighted_mean``: a criterion earns ``risk_points[level]`` of its answer (``unknown_points`` when missing
    or unknown), whatever the context; a section index is the weight-averaged points of its shown, applicable
    criteria; the checklist index is the weight-averaged section indices (section ``weight``). Bands only label
    the index.
    """

    model: Literal["weighted_mean"] = "weighted_mean"
    risk_points: dict[RiskLevel, float]
    #: Format 1 only, and no longer applied: the index does not depend on the context.
    below_requirement_factor: float | None = Field(default=None, ge=0, le=1)
    unknown_points: float = Field(default=0, ge=0, le=100)
    bands: tuple[Band, ...] = Field(min_length=1)

    @field_validator("risk_points")
    @classmethod
    def _all_levels(cls, value: dict[RiskLevel, float]) -> dict[RiskLevel, float]:
        missing = [level.value for level in RiskLevel if level not in value]
        if missing:
            raise ValueError(f"risk_points needs a value for every level; missing: {', '.join(missing)}")
        if any(not 0 <= v <= 100 for v in value.values()):
            raise ValueError("risk_points must lie between 0 and 100")
        return value


class Judgement(Frozen):
    """What the verdict rules need from a checklist (format 2): when a criterion above its limit is a refusal.

    A criterion ``refuse_levels_above`` or more levels above the limit its context allows, or above its limit
    at ``refuse_at`` or worse, refuses the use (rule 3); one level above is a condition (rule 5).
    """

    refuse_levels_above: int = Field(default=2, ge=2, le=4)
    refuse_at: RiskLevel = RiskLevel.CRITICAL


class Scope(Frozen):
    """When the review does not apply (not a weapon, means or method of warfare)."""

    out_of_scope_when: Condition
    rationale: LocalizedText = ""


class CaseExpectation(Frozen):
    verdict: Verdict | None = None
    score_min: float | None = None
    score_max: float | None = None
    statuses: dict[Identifier, str] = Field(default_factory=dict)
    red_lines: tuple[Identifier, ...] | None = None
    #: Format 2: the exact criteria refused (rule 3) and the exact criteria set as conditions (rule 5).
    refusals: tuple[Identifier, ...] | None = None
    conditions: tuple[Identifier, ...] | None = None


class ChecklistTest(Frozen):
    """A regression case: these answers (context included) must give this result."""

    id: Identifier
    description: LocalizedText = ""
    answers: dict[Identifier, ScalarValue | tuple[ScalarValue, ...]]
    expect: CaseExpectation


#: The checklist format this version of art36 writes; format 1 (no ``format`` key) still loads.
CURRENT_FORMAT = 2


class Checklist(Frozen):
    #: The checklist format version. Format 2 declares ``judgement``, ``targeting`` criteria and bands without
    #: verdicts; format 1 files load with the default judgement and their band verdicts ignored.
    format: Literal[1, 2] = 1
    id: Identifier
    version: SemVer
    title: LocalizedText
    description: LocalizedText = ""
    languages: tuple[str, ...] = ("en",)
    scoring: ScoringModel
    judgement: Judgement = Judgement()
    scope: Scope | None = None
    sections: tuple[Section, ...] = Field(min_length=1)
    profiles: tuple[ContextProfile, ...] = ()
    red_lines: tuple[RedLine, ...] = ()
    tests: tuple[ChecklistTest, ...] = ()

    @model_validator(mode="after")
    def _format_2(self) -> Checklist:
        if self.format < 2:
            return self
        if "judgement" not in self.model_fields_set:
            raise ValueError("format 2 needs a 'judgement' block (refuse_levels_above, refuse_at)")
        if any(b.verdict is not None for b in self.scoring.bands):
            raise ValueError("format 2: score bands only label the index; remove their 'verdict'")
        if self.scoring.below_requirement_factor is not None:
            raise ValueError("format 2: remove 'below_requirement_factor'; the index does not depend on context")
        return self

    @cached_property
    def criteria(self) -> dict[str, Criterion]:
        """Every criterion by id, in document order (first one wins if an id repeats; lint reports it)."""
        found: dict[str, Criterion] = {}
        for section in self.sections:
            for criterion in section.criteria:
                found.setdefault(criterion.id, criterion)
        return found
