"""Review outcomes (verdicts), kept free of pydantic so the CLI can offer them as choices at no start-up cost."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """Review outcomes, ordered from least to most severe by ``severity``."""

    OUT_OF_SCOPE = "out_of_scope"
    APPROVABLE = "approvable"
    APPROVABLE_WITH_CONDITIONS = "approvable_with_conditions"
    INCOMPLETE = "incomplete"
    NOT_APPROVABLE = "not_approvable"
    PROHIBITED = "prohibited"

    @property
    def severity(self) -> int:
        return list(Verdict).index(self)

    @classmethod
    def worst(cls, verdicts: list[Verdict]) -> Verdict:
        return max(verdicts, key=lambda v: v.severity) if verdicts else cls.INCOMPLETE
