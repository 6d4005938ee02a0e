"""Evaluate declarative conditions over answers, with three-valued logic for unknown answers."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from enum import Enum

from art36.models.checklist import Criterion
from art36.models.common import RiskLevel
from art36.models.condition import Condition, ScalarValue
from art36.models.system import NOT_APPLICABLE, UNKNOWN, AnswerValue


class Truth(Enum):
    """Kleene logic: a test on an unanswered or unknown criterion is UNKNOWN, not false."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    def __bool__(self) -> bool:  # pragma: no cover - guard against accidental truthiness
        raise TypeError("use 'is Truth.TRUE' rather than truthiness")


def _all(conditions: tuple[Condition, ...], lookup: Lookup) -> Truth:
    """FALSE as soon as one is false (the rest cannot change that); else UNKNOWN if one is unknown; else TRUE."""
    found = Truth.TRUE
    for condition in conditions:
        truth = evaluate(condition, lookup)
        if truth is Truth.FALSE:
            return truth
        if truth is Truth.UNKNOWN:
            found = truth
    return found


def _any(conditions: tuple[Condition, ...], lookup: Lookup) -> Truth:
    """TRUE as soon as one is true; else UNKNOWN if one is unknown; else FALSE."""
    found = Truth.FALSE
    for condition in conditions:
        truth = evaluate(condition, lookup)
        if truth is Truth.TRUE:
            return truth
        if truth is Truth.UNKNOWN:
            found = truth
    return found


def _not(value: Truth) -> Truth:
    return {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE, Truth.UNKNOWN: Truth.UNKNOWN}[value]


def as_choices(criterion: Criterion, value: AnswerValue) -> list[ScalarValue] | None:
    """The option (or range) values an answer selects; None if the value fits no option."""
    values = list(value) if isinstance(value, tuple) else [value]
    if criterion.ranges:
        if len(values) != 1 or isinstance(values[0], bool) or not isinstance(values[0], (int, float)):
            return None
        try:
            number = float(values[0])
        except OverflowError:  # an integer beyond any float (a 400-digit answer)
            return None
        if not math.isfinite(number) or number < 0:  # quantities: durations, distances, counts
            return None
        for band in criterion.ranges:
            if band.max is None or number <= band.max:
                return [band.value]
        return None
    # Compare value and type: YAML's true must not match an option written 1, nor "true" match true.
    allowed = criterion.option_keys
    if any((type(v), v) not in allowed for v in values):
        return None
    return values


def risk_of(criterion: Criterion, value: AnswerValue) -> RiskLevel | None:
    """The answer's risk level (for several choices: the highest); None if it fits no option."""
    picked = as_choices(criterion, value)
    if not picked:
        return None
    by_value = criterion.risk_by_value
    return max((by_value[p] for p in picked), key=lambda level: level.rank)


Lookup = Callable[[str], tuple[Criterion | None, AnswerValue | None]]


def evaluate(condition: Condition, lookup: Lookup) -> Truth:
    """Evaluate ``condition``; ``lookup(id)`` gives the criterion and its answer value (None if unanswered)."""
    if condition.all_ is not None:
        return _all(condition.all_, lookup)
    if condition.any_ is not None:
        return _any(condition.any_, lookup)
    if condition.not_ is not None:
        return _not(evaluate(condition.not_, lookup))
    assert condition.criterion is not None
    criterion, value = lookup(condition.criterion)
    if criterion is None or value is None or value == UNKNOWN:
        return Truth.UNKNOWN
    if value == NOT_APPLICABLE:
        return Truth.FALSE
    if condition.risk_at_least is not None:
        level = risk_of(criterion, value)
        if level is None:
            return Truth.UNKNOWN
        return Truth.TRUE if level.rank >= condition.risk_at_least.rank else Truth.FALSE
    picked = as_choices(criterion, value)
    if picked is None:
        return Truth.UNKNOWN
    wanted = condition.values()
    hit = any(p == w and type(p) is type(w) for p in picked for w in wanted)
    return Truth.TRUE if hit else Truth.FALSE


def lookup_in(criteria: Mapping[str, Criterion], answers: Mapping[str, AnswerValue]) -> Lookup:
    return lambda cid: (criteria.get(cid), answers.get(cid))
