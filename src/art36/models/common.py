"""Shared vocabulary: localised text, risk levels, legal status, verdicts, references."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Verdict lives in a pydantic-free module (the CLI offers its values as choices); re-exported here.
from art36.models.verdict import Verdict as Verdict

#: Any human-readable string: plain text, or a map of language code to text ({en: ..., nl: ...}).
LocalizedText = str | dict[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")], str]

#: Stable identifiers: lower-case words joined by '.', '_' or '-'.
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=120)]

DEFAULT_LANGUAGE = "en"


def text_in(value: LocalizedText | None, language: str = DEFAULT_LANGUAGE) -> str:
    """The text of ``value`` in ``language``, falling back to English, then to any language."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    for lang in (language, DEFAULT_LANGUAGE):
        if lang in value:
            return value[lang]
    return next(iter(value.values()), "")


class Frozen(BaseModel):
    """Base for every document model: immutable, unknown keys rejected, numbers finite (no .nan, .inf)."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class RiskLevel(StrEnum):
    """Ordered risk levels; comparisons use ``rank``."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RISK_RANK[self]


_RISK_ORDER = [RiskLevel.NONE, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.CRITICAL]
#: Each level's place in ``_RISK_ORDER`` (asked for every criterion of every use: a lookup, not a search).
_RISK_RANK = {level: i for i, level in enumerate(_RISK_ORDER)}


class LegalStatus(StrEnum):
    BINDING_TREATY = "binding_treaty"
    CUSTOMARY = "customary"
    NATIONAL_POLICY = "national_policy"
    RECOMMENDATION = "recommendation"

    @property
    def is_binding(self) -> bool:
        return self in (LegalStatus.BINDING_TREATY, LegalStatus.CUSTOMARY)


class Reference(Frozen):
    """A source: a document and, where it matters, the section (e.g. AP I, art. 51(4)(b))."""

    source: str = Field(min_length=1)
    section: str = ""
    url: str = ""

    def __str__(self) -> str:
        return f"{self.source}, {self.section}" if self.section else self.source
