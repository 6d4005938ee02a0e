"""A new system file with every criterion of the chosen checklists, its question and options as comments (`init`)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from art36.models.checklist import AnswerType, Checklist, Criterion
from art36.models.common import text_in
from art36.render.checklist.describe import condition
from art36.textsafe import folded

PLACEHOLDER_MARKING = "TO BE MARKED"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _value(v: object) -> str:
    return str(v).lower() if isinstance(v, bool) else str(v)


def _comments(criterion: Criterion, indent: str) -> list[str]:
    """The question, options with risk levels and when it is asked, each as one comment line (never YAML)."""
    lines = [f"{indent}# {folded(text_in(criterion.question))}"]
    if criterion.answer_type is AnswerType.NUMBER:
        unit = f" in {folded(criterion.unit)}" if criterion.unit else ""
        lines.append(f"{indent}#   a number{unit}:")
        for band in criterion.ranges:
            upto = f"up to {band.max:g}" if band.max is not None else "above"
            label = folded(text_in(band.label))
            lines.append(f"{indent}#     {upto}: {label} (risk {band.risk_level.value})")
    elif criterion.answer_type is AnswerType.TEXT:
        lines.append(f"{indent}#   free text")
    else:
        many = " (one or more, as a list)" if criterion.answer_type is AnswerType.MULTI_CHOICE else ""
        lines.append(f"{indent}#   options{many}:")
        for option in criterion.options:
            label = folded(text_in(option.label))
            lines.append(f"{indent}#     {folded(_value(option.value))}: {label} (risk {option.risk_level.value})")
    extra = ["unknown"] + (["not_applicable"] if criterion.not_applicable_allowed else [])
    lines.append(f"{indent}#   or: {', '.join(extra)}")
    needs = [
        w for w, on in (("a rationale", criterion.rationale_required), ("evidence", criterion.evidence_required)) if on
    ]
    if needs:
        lines.append(f"{indent}#   expects {' and '.join(needs)}: {{value: ..., rationale: ..., evidence: [...]}}")
    if criterion.applies_when is not None:
        lines.append(f"{indent}#   asked only when: {folded(condition(criterion.applies_when))}")
    return lines


def render(checklists: Sequence[Checklist], refs: Sequence[str]) -> str:
    """The template text; it validates as written (every answer is ``unknown``)."""
    out = [
        "# A new system description, written by `art36 init`.",
        "# Every criterion is listed with the value `unknown`; replace it with one of the options in the comment",
        "# above it. `art36 show CHECKLIST ID` explains a criterion; `art36 review FILE` asks them one by one.",
        f"name: {_q('New system')}",
        f"version: {_q('')}",
        f"developer: {_q('')}",
        f"description: {_q('')}",
        "# The document's classification marking: it is repeated on every report made from this file.",
        f"classification: {_q(PLACEHOLDER_MARKING)}",
        "checklists: [" + ", ".join(_q(r) for r in refs) + "]",
        "",
        "answers:",
    ]
    context: list[Criterion] = []
    seen: set[str] = set()
    for checklist in checklists:
        for section in checklist.sections:
            plain = [c for c in section.criteria if not c.context and c.id not in seen]
            context += [c for c in section.criteria if c.context and c.id not in seen]
            seen.update(c.id for c in section.criteria)
            if not plain:
                continue
            out.append(f"  # --- {folded(checklist.id)}: {folded(text_in(section.title))} ---")
            for criterion in plain:
                out += _comments(criterion, "  ")
                out.append(f"  {criterion.id}: unknown")
    out += [
        "",
        "# One entry per intended use: context differs per use, and so can the verdict.",
        "uses:",
        "  - id: intended-use-1",
        f"    title: {_q('Describe the first intended use')}",
        "    context:",
    ]
    for criterion in context:
        out += _comments(criterion, "      ")
        out.append(f"      {criterion.id}: unknown")
    if not context:
        out[-1] = "    context: {}"
    return "\n".join(out) + "\n"
