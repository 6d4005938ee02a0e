"""Plain-language descriptions of checklist parts shared by `art36 show` and `art36 init`."""

from __future__ import annotations

from art36.models.checklist import Checklist, Criterion
from art36.models.condition import Condition


def _value(v: object) -> str:
    return str(v).lower() if isinstance(v, bool) else str(v)


def condition(cond: Condition) -> str:
    """A condition as one readable line: ``mhc.target.type is persons``, ``all of (...)``."""
    if cond.all_ is not None:
        return "all of (" + "; ".join(condition(c) for c in cond.all_) + ")"
    if cond.any_ is not None:
        return "any of (" + "; ".join(condition(c) for c in cond.any_) + ")"
    if cond.not_ is not None:
        return "not (" + condition(cond.not_) + ")"
    if cond.risk_at_least is not None:
        return f"{cond.criterion} has risk {cond.risk_at_least.value} or higher"
    values = cond.values()
    if len(values) == 1:
        return f"{cond.criterion} is {_value(values[0])}"
    return f"{cond.criterion} is one of {', '.join(_value(v) for v in values)}"


def limits_for(checklist: Checklist, criterion: Criterion) -> list[tuple[str, str, str]]:
    """(profile id, max risk, rationale) for every context profile that sets a limit on ``criterion``."""
    from art36.models.common import text_in

    found = []
    for profile in checklist.profiles:
        for limit in profile.limits:
            if limit.criterion == criterion.id:
                found.append((profile.id, limit.max_risk.value, text_in(limit.rationale)))
    return found
