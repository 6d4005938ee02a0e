"""Rule documentation for people and tools: the `art36 rules` list (text, json) and `art36 lint --explain`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

# json and art36.textsafe are imported where used: the CLI reads LIST_FORMATS for every --help and TAB completion.
if TYPE_CHECKING:
    from art36.models.rule import Rule


def _text(rules: Sequence[Rule[Any]]) -> str:
    from art36.textsafe import one_line

    width = max((len(r.name) for r in rules), default=0)
    return "".join(
        one_line(f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.applies_to:<9}  {r.summary}") + "\n"
        for r in rules
    )


def _json(rules: Sequence[Rule[Any]]) -> str:
    data = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.value,
            "applies_to": r.applies_to,
            "summary": r.summary,
        }
        for r in rules
    ]
    import json

    return json.dumps(data, indent=2, allow_nan=False) + "\n"


#: The formats of `art36 rules`; the CLI's ``--format`` choices are generated from these keys.
LIST_FORMATS: dict[str, Callable[[Sequence[Rule[Any]]], str]] = {"text": _text, "json": _json}


def listing(rules: Sequence[Rule[Any]], fmt: str) -> str:
    """Every rule in ``rules``, one per line (``text``) or as a JSON list (``json``)."""
    return LIST_FORMATS[fmt](rules)


def _indented(example: str) -> list[str]:
    return ["    " + line for line in example.rstrip("\n").splitlines()]


def explanation(rule: Rule[Any]) -> str:
    """What ``--explain`` shows: code, name, severity, what it checks and why, and a bad and a good example."""
    lines = [f"{rule.code} {rule.name} ({rule.severity.value}, {rule.applies_to} files)", "", rule.summary]
    if rule.explanation:
        lines += ["", rule.explanation]
    if rule.bad:
        lines += ["", "Bad:", *_indented(rule.bad)]
    if rule.good:
        lines += ["", "Good:", *_indented(rule.good)]
    return "\n".join(lines) + "\n"
