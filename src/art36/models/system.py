"""The system-description format: identity, intended uses with their context, answers with evidence."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from art36.models.common import Frozen, Identifier, LocalizedText
from art36.models.condition import ScalarValue

AnswerValue = ScalarValue | tuple[ScalarValue, ...]

#: The value that means "cannot assess"; accepted for every criterion, never meets a requirement.
UNKNOWN = "unknown"
#: The value that means "does not apply"; accepted only where the criterion allows it.
NOT_APPLICABLE = "not_applicable"


class Evidence(Frozen):
    """A document reference, a file (path relative to the system file), or both."""

    document: str = ""
    path: str = ""
    description: str = ""

    @model_validator(mode="after")
    def _something(self) -> Evidence:
        if not (self.document or self.path):
            raise ValueError("evidence needs a 'document' reference or a 'path'")
        return self


class Answer(Frozen):
    """An answer to one criterion. A bare value (``target.type: missiles``) is shorthand for ``{value: ...}``."""

    value: AnswerValue
    rationale: str = ""
    evidence: tuple[Evidence, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, (str, int, float, bool, list, tuple)):
            return {"value": data}
        return data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """Editors must accept the shorthand too: a bare value, a list of values, or the full mapping."""
        full = handler.resolve_ref_schema(handler(core_schema))
        scalar = {"type": ["string", "number", "boolean"]}
        return {"anyOf": [scalar, {"type": "array", "items": scalar}, full], "description": full.get("description")}


class MeasureKind(StrEnum):
    """How a use meets a condition: the kinds of restriction an Article 36 approval attaches."""

    RESTRICTION = "restriction"  # a limit on the use: environment, target set, time, area
    ROE = "roe"  # rules of engagement
    TRAINING = "training"
    PROCEDURE = "procedure"


class Measure(Frozen):
    """A measure a use declares for a condition on one criterion, so the report can show it as addressed."""

    criterion: Identifier
    kind: MeasureKind
    description: str = Field(min_length=1)


class IntendedUse(Frozen):
    id: Identifier
    title: LocalizedText = ""
    description: LocalizedText = ""
    #: Answers to the checklists' context criteria for this use.
    context: dict[Identifier, Answer] = Field(default_factory=dict)
    #: Answers that differ for this use (override the system-wide answers).
    answers: dict[Identifier, Answer] = Field(default_factory=dict)
    #: Optional: what this use does about the conditions its review sets (restriction, ROE, training, procedure).
    measures: tuple[Measure, ...] = ()


class SystemDescription(Frozen):
    name: str = Field(min_length=1)
    version: str = ""
    developer: str = ""
    description: LocalizedText = ""
    #: The document's classification marking, repeated on every report.
    classification: str = Field(min_length=1)
    checklists: tuple[str, ...] = Field(min_length=1)
    answers: dict[Identifier, Answer] = Field(default_factory=dict)
    uses: tuple[IntendedUse, ...] = Field(min_length=1)

    def answers_for(self, use: IntendedUse) -> dict[str, Answer]:
        """The answers that hold for one intended use: system-wide, then the use's own, then its context."""
        merged = dict(self.answers)
        merged.update(use.answers)
        merged.update(use.context)
        return merged
