"""Plain-language descriptions of checklist parts shared by `art36 show` and `art36 init`."""

from __future__ import annotations

from art36.i18n import t
from art36.models.checklist import Checklist, Criterion
from art36.models.common import LocalizedText
from art36.models.condition import Condition


def _value(v: object) -> str:
    return str(v).lower() if isinstance(v, bool) else str(v)


def condition(cond: Condition, lang: str = "en") -> str:
    """A condition as one readable line: ``mhc.target.type is persons``, ``all of (...)`` (in ``lang``)."""
    if cond.all_ is not None:
        return t("cond.all", lang).format(items="; ".join(condition(c, lang) for c in cond.all_))
    if cond.any_ is not None:
        return t("cond.any", lang).format(items="; ".join(condition(c, lang) for c in cond.any_))
    if cond.not_ is not None:
        return t("cond.not", lang).format(item=condition(cond.not_, lang))
    if cond.risk_at_least is not None:
        level = t("risk." + cond.risk_at_least.value, lang)
        return t("cond.risk_at_least", lang).format(criterion=cond.criterion, level=level)
    values = cond.values()
    if len(values) == 1:
        return t("cond.is", lang).format(criterion=cond.criterion, value=_value(values[0]))
    return t("cond.one_of", lang).format(criterion=cond.criterion, values=", ".join(_value(v) for v in values))


def limits_for(checklist: Checklist, criterion: Criterion) -> list[tuple[str, str, LocalizedText]]:
    """(profile id, max risk, rationale in every language) for every context profile that limits ``criterion``."""
    found = []
    for profile in checklist.profiles:
        for limit in profile.limits:
            if limit.criterion == criterion.id:
                found.append((profile.id, limit.max_risk.value, limit.rationale))
    return found
