"""Turn what a reviewer types into an answer value: numbered options, unknown, not applicable, numbers, text."""

from __future__ import annotations

from dataclasses import dataclass

from art36.models.checklist import AnswerType, Criterion
from art36.models.common import LocalizedText, RiskLevel
from art36.models.system import NOT_APPLICABLE, UNKNOWN, AnswerValue
from art36.review.engine import Refused


@dataclass(frozen=True)
class Choice:
    """One numbered line of the menu."""

    number: int
    value: str | bool
    label: LocalizedText
    meaning: LocalizedText = ""
    risk: RiskLevel | None = None
    #: "option", "unknown" or "not_applicable".
    kind: str = "option"


def menu(criterion: Criterion) -> list[Choice]:
    """The numbered choices: the options in order, then unknown (always), then not applicable (where allowed).

    Number criteria are answered with a number, text criteria with text; their menu holds only unknown and
    not applicable.
    """
    items: list[Choice] = []
    if criterion.answer_type not in (AnswerType.NUMBER, AnswerType.TEXT):
        for option in criterion.options:
            items.append(Choice(len(items) + 1, option.value, option.label, option.meaning, option.risk_level))
    items.append(Choice(len(items) + 1, UNKNOWN, "", kind="unknown"))
    if criterion.not_applicable_allowed:
        items.append(Choice(len(items) + 1, NOT_APPLICABLE, "", kind="not_applicable"))
    return items


def _by_token(criterion: Criterion, token: str) -> str | bool | None:
    items = menu(criterion)
    if token.isdigit():
        number = int(token)
        return next((c.value for c in items if c.number == number), None)
    lowered = token.lower()
    if lowered in ("u", UNKNOWN):
        return UNKNOWN
    if lowered in ("na", "n/a", NOT_APPLICABLE) and criterion.not_applicable_allowed:
        return NOT_APPLICABLE
    for item in items:
        if isinstance(item.value, str) and item.value == token:
            return item.value
    return None


def parse(criterion: Criterion, text: str) -> AnswerValue | Refused:
    """The value ``text`` stands for, or why it stands for none (the engine checks the value again)."""
    text = text.strip()
    kind = criterion.answer_type
    if kind is AnswerType.TEXT:
        if text.lower() in ("u", UNKNOWN):
            return UNKNOWN
        if text.lower() in ("na", "n/a") and criterion.not_applicable_allowed:
            return NOT_APPLICABLE
        return text if text else Refused("text_empty")
    if kind is AnswerType.NUMBER:
        special = _by_token(criterion, text) if not _is_number(text) else None
        if special is not None and not isinstance(special, bool):
            return special
        if not _is_number(text):
            return Refused("not_a_number", text)
        number = float(text)
        return int(number) if number.is_integer() and "." not in text else number
    if kind is AnswerType.MULTI_CHOICE and ("," in text or " " in text):
        picked: list[str | bool] = []
        for token in text.replace(",", " ").split():
            value = _by_token(criterion, token)
            if value is None or value in (UNKNOWN, NOT_APPLICABLE):
                return Refused("not_an_option", token)
            picked.append(value)
        return tuple(picked)
    value = _by_token(criterion, text)
    if value is None:
        return Refused("not_an_option", text)
    if kind is AnswerType.MULTI_CHOICE and value not in (UNKNOWN, NOT_APPLICABLE):
        return (value,)
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.lower() not in ("nan", "inf", "-inf", "+inf", "infinity", "-infinity")
