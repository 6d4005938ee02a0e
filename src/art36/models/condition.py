"""Declarative conditions (all / any / not over criterion values): data, never code."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ConfigDict, Field, model_validator

from art36.models.common import Frozen, Identifier, RiskLevel

ScalarValue = str | int | float | bool


class Condition(Frozen):
    """Exactly one form per node.

    - ``{all: [...]}`` / ``{any: [...]}`` / ``{not: {...}}`` combine other conditions;
    - ``{criterion: ID, in: [v, ...]}`` holds when the answer is one of the values
      (for a multi-choice answer: when any chosen value is listed);
    - ``{criterion: ID, equals: v}`` is ``in`` with one value;
    - ``{criterion: ID, risk_at_least: level}`` holds when the answer's risk level is that high or higher.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    all_: tuple[Condition, ...] | None = Field(default=None, alias="all")
    any_: tuple[Condition, ...] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")
    criterion: Identifier | None = None
    in_: tuple[ScalarValue, ...] | None = Field(default=None, alias="in")
    equals: ScalarValue | None = None
    risk_at_least: RiskLevel | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        combinators = [x is not None for x in (self.all_, self.any_, self.not_)]
        tests = [x is not None for x in (self.in_, self.equals, self.risk_at_least)]
        if sum(combinators) + (self.criterion is not None) != 1:
            raise ValueError("a condition needs exactly one of 'all', 'any', 'not' or 'criterion'")
        if self.criterion is not None and sum(tests) != 1:
            raise ValueError("a 'criterion' test needs exactly one of 'in', 'equals' or 'risk_at_least'")
        if self.criterion is None and any(tests):
            raise ValueError("'in', 'equals' and 'risk_at_least' belong beside 'criterion'")
        return self

    def values(self) -> tuple[ScalarValue, ...]:
        """The values an ``in``/``equals`` test accepts."""
        if self.in_ is not None:
            return self.in_
        return (self.equals,) if self.equals is not None else ()

    def children(self) -> tuple[Condition, ...]:
        if self.all_ is not None:
            return self.all_
        if self.any_ is not None:
            return self.any_
        return (self.not_,) if self.not_ is not None else ()

    def leaves(self) -> Iterator[Condition]:
        """Every criterion test in this condition, depth first."""
        if self.criterion is not None:
            yield self
        for child in self.children():
            yield from child.leaves()

    def criteria(self) -> set[str]:
        return {leaf.criterion for leaf in self.leaves() if leaf.criterion}
