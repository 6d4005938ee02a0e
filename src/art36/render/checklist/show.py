"""Render a checklist (or one section or criterion of it) as text, Markdown or JSON for `art36 show`."""

from __future__ import annotations

import json
from typing import Any

from art36.i18n import Translator
from art36.models.checklist import AnswerType, Checklist, Criterion, Section
from art36.render.checklist.describe import condition, limits_for
from art36.textsafe import folded


def select(checklist: Checklist, item: str | None) -> tuple[list[Section], list[Criterion]] | None:
    """The sections and criteria to show; None if ``item`` names neither a section nor a criterion."""
    if item is None:
        return list(checklist.sections), [c for s in checklist.sections for c in s.criteria]
    for section in checklist.sections:
        if section.id == item:
            return [section], list(section.criteria)
    for section in checklist.sections:
        for criterion in section.criteria:
            if criterion.id == item:
                return [section], [criterion]
    return None


def as_data(checklist: Checklist, item: str | None, tr: Translator) -> dict[str, Any]:
    picked = select(checklist, item)
    assert picked is not None
    sections, criteria = picked
    wanted = {c.id for c in criteria}
    data: dict[str, Any] = {
        "id": checklist.id,
        "version": checklist.version,
        "title": tr.text(checklist.title),
        "languages": list(checklist.languages),
        "sections": [],
    }
    for section in sections:
        entries = []
        for c in section.criteria:
            if c.id not in wanted:
                continue
            entries.append(
                {
                    "id": c.id,
                    "question": tr.text(c.question),
                    "guidance": tr.text(c.guidance),
                    "answer_type": c.answer_type.value,
                    "unit": c.unit,
                    "context": c.context,
                    "required": c.required,
                    "legal_status": c.legal_status.value,
                    "references": [str(r) for r in c.references],
                    "options": [
                        {
                            "value": o.value,
                            "label": tr.text(o.label),
                            "meaning": tr.text(o.meaning),
                            "risk_level": o.risk_level.value,
                        }
                        for o in c.options
                    ],
                    "ranges": [
                        {"value": r.value, "max": r.max, "label": tr.text(r.label), "risk_level": r.risk_level.value}
                        for r in c.ranges
                    ],
                    "not_applicable_allowed": c.not_applicable_allowed,
                    "rationale_required": c.rationale_required,
                    "evidence_required": c.evidence_required,
                    "max_risk": c.max_risk.value,
                    "applies_when": condition(c.applies_when, tr.lang) if c.applies_when else None,
                    "limits": [
                        {"profile": p, "max_risk": m, "rationale": tr.text(r)} for p, m, r in limits_for(checklist, c)
                    ],
                }
            )
        data["sections"].append({"id": section.id, "title": tr.text(section.title), "criteria": entries})
    if item is None:
        data["profiles"] = [
            {
                "id": p.id,
                "title": tr.text(p.title),
                "when": condition(p.when, tr.lang),
                "limits": [{"criterion": lim.criterion, "max_risk": lim.max_risk.value} for lim in p.limits],
            }
            for p in checklist.profiles
        ]
        data["red_lines"] = [
            {
                "id": r.id,
                "title": tr.text(r.title),
                "basis": r.basis.value,
                "verdict": r.basis.verdict.value,
                "when": condition(r.when, tr.lang),
                "message": tr.text(r.message),
                "references": [str(x) for x in r.references],
            }
            for r in checklist.red_lines
        ]
    return data


def render_json(checklist: Checklist, item: str | None, tr: Translator) -> str:
    return json.dumps(as_data(checklist, item, tr), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _md(text: object) -> str:
    """Markdown-escaped single line: characters that Markdown or HTML would interpret are backslash-escaped."""
    out = folded(text)
    for ch in "\\`*_{}[]<>()#+!|~":
        out = out.replace(ch, "\\" + ch)
    return out


def render_md(checklist: Checklist, item: str | None, tr: Translator) -> str:
    data = as_data(checklist, item, tr)
    lines = [f"# {_md(data['title'])} ({_md(data['id'])} {_md(data['version'])})", ""]
    for section in data["sections"]:
        lines += [f"## {_md(section['title'])} (`{folded(section['id'])}`)", ""]
        for c in section["criteria"]:
            lines += [f"### `{folded(c['id'])}`", "", _md(c["question"]), ""]
            facts = [f"{tr('legal_status')}: {tr('status.' + c['legal_status'])}"]
            if c["context"]:
                facts.append(tr("show.per_use_md"))
            if c["applies_when"]:
                facts.append(tr("show.asked_when", condition=_md(c["applies_when"])))
            lines += ["- " + f for f in facts]
            lines.append("")
            if c["options"] or c["ranges"]:
                lines += [f"| {tr('show.value')} | {tr('show.label')} | {tr('risk')} |", "|---|---|---|"]
                for o in c["options"] or c["ranges"]:
                    value = o["value"] if not isinstance(o["value"], bool) else str(o["value"]).lower()
                    lines.append(f"| `{folded(value)}` | {_md(o['label'])} | {tr('risk.' + o['risk_level'])} |")
                lines.append("")
            for lim in c["limits"]:
                head = tr("show.limit_in", profile=f"`{folded(lim['profile'])}`", level=tr("risk." + lim["max_risk"]))
                lines.append(f"- {head} — {_md(lim['rationale'])}")
            if c["references"]:
                lines.append(f"- {tr('references')}: " + "; ".join(_md(r) for r in c["references"]))
            lines.append("")
    for red in data.get("red_lines", []):
        verdict = tr("verdict." + red["verdict"])
        lines += [f"## {tr('red_lines')}: `{folded(red['id'])}` → {verdict}", "", _md(red["message"]), ""]
        lines += [f"- {tr('show.when', condition=_md(red['when']))}", ""]
    return "\n".join(lines)


def render_text(checklist: Checklist, item: str | None, tr: Translator, width: int = 80) -> str:
    """Readable in an 80-column terminal; every checklist text shown literally."""
    import textwrap

    data = as_data(checklist, item, tr)
    out: list[str] = []

    def say(text: str, indent: int = 0, hang: int = 2) -> None:
        out.extend(
            textwrap.wrap(text, width, initial_indent=" " * indent, subsequent_indent=" " * (indent + hang)) or [""]
        )

    say(f"{folded(data['title'])} ({folded(data['id'])} {folded(data['version'])})")
    for section in data["sections"]:
        out.append("")
        say(f"== {folded(section['title'])} [{folded(section['id'])}]")
        for c in section["criteria"]:
            out.append("")
            say(f"{folded(c['id'])}" + (f"  {tr('show.per_use')}" if c["context"] else ""))
            say(folded(c["question"]), indent=2)
            if c["applies_when"]:
                say(tr("show.asked_when", condition=folded(c["applies_when"])), indent=2)
            kind = c["answer_type"]
            if kind == AnswerType.NUMBER.value:
                unit = folded(tr.text(c["unit"]))
                say(tr("show.number_in", unit=unit) if unit else tr("show.number"), indent=2)
            for o in c["options"] or c["ranges"]:
                value = o["value"] if not isinstance(o["value"], bool) else str(o["value"]).lower()
                upto = " " + tr("show.up_to", max=f"{o['max']:g}") if o.get("max") is not None else ""
                risk = f"{tr('risk')} {tr('risk.' + o['risk_level'])}"
                say(f"- {folded(value)}{upto}: {folded(o['label'])} [{risk}]", indent=4)
            extra = "unknown" + (", not_applicable" if c["not_applicable_allowed"] else "")
            say(tr("show.also", values=extra) + (tr("show.text_answer") if kind == "text" else ""), indent=4)
            say(tr("show.default_limit", level=tr("risk." + c["max_risk"])), indent=2)
            for lim in c["limits"]:
                head = tr("show.limit_in", profile=folded(lim["profile"]), level=tr("risk." + lim["max_risk"]))
                say(f"{head} - {folded(lim['rationale'])}", indent=2)
            if c["references"]:
                status = tr("status." + c["legal_status"])
                say(f"{tr('references')} ({status}): " + "; ".join(folded(r) for r in c["references"]), indent=2)
    if data.get("profiles"):
        out.append("")
        say(f"== {tr('profiles')}")
        for p in data["profiles"]:
            say(f"- {folded(p['id'])}: {folded(p['title'])}", indent=2)
            say(tr("show.when", condition=folded(p["when"])), indent=4)
            limits = ", ".join(f"{folded(x['criterion'])} <= {tr('risk.' + x['max_risk'])}" for x in p["limits"])
            say(tr("show.limits", limits=limits), indent=4)
    if data.get("red_lines"):
        out.append("")
        say(f"== {tr('red_lines')}")
        for r in data["red_lines"]:
            basis, verdict = tr("basis." + r["basis"]), tr("verdict." + r["verdict"])
            say(f"- {folded(r['id'])} ({basis} -> {verdict}): {folded(r['title'])}", indent=2)
            say(tr("show.when", condition=folded(r["when"])), indent=4)
    return "\n".join(folded(line) for line in out) + "\n"
