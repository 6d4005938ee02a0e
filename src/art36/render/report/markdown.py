"""The review report as GitHub-flavoured Markdown; every user string is escaped so it stays literal text."""

from __future__ import annotations

import re

from art36.i18n import t
from art36.render.report.view import CriterionView, ReportView, UseView

#: Backslash-escaped everywhere: no emphasis, code, link, image, table cell break, HTML tag, entity, math,
#: strikethrough or GFM autolink (``https:``, ``www.``, ``a@b``) can form from user text.
_PUNCT = re.compile(r"([\\`*_\[\]<>|!~$&:@.])")
#: Escaped at the start only, where they would open a list, heading or setext underline.
_LEADING = re.compile(r"^([-+#=]|\d+(?=\)))")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _lead(match: re.Match[str]) -> str:
    found = match.group(1)
    return found + "\\" if found[0].isdigit() else "\\" + found  # "1)" -> "1\)", "-" -> "\-"


def esc(value: object) -> str:
    """``value`` as literal Markdown inline text on one line (newlines become ``<br>``)."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))
    text = _PUNCT.sub(r"\\\1", text)
    stripped = text.lstrip(" \t")
    lead = len(text) - len(stripped)
    text = "&#32;" * lead + _LEADING.sub(_lead, stripped)
    return "<br>".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _code(value: str, lang: str) -> str:
    """English reports follow a verdict's label with its code, `` (not_approvable)``; others show the label."""
    return f" ({esc(value)})" if lang == "en" else ""


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(*header), _row(*["---"] * len(header)), *(_row(*r) for r in rows), ""]


def _criterion(c: CriterionView, lang: str) -> list[str]:
    lines = [f"##### {esc(c.id)}", ""]
    if c.question:
        lines += [f"*{esc(c.question)}*", ""]
    allowed = f"{esc(c.max_level)} ({t('report.set_by', lang)} {esc(c.required_by)})"
    if c.limit_rationale:
        allowed += f": {esc(c.limit_rationale)}"
    evidence = (
        "; ".join(
            " — ".join(
                x
                for x in (
                    esc(e.document) if e.document else "",
                    esc(e.path) if e.path else "",
                    esc(e.description) if e.description else "",
                    f"sha256 {esc(e.sha256)}" if e.sha256 else "",
                )
                if x
            )
            for e in c.evidence
        )
        or "-"
    )
    rows = [
        [t("report.answer", lang), esc(c.answer)],
        [t("report.rationale", lang), esc(c.rationale) or "-"],
        [t("report.evidence", lang), evidence],
        [t("report.risk", lang), esc(c.risk_level)],
        [t("report.allowed", lang), allowed],
        [
            t("report.status", lang),
            f"**{esc(c.status_label)}** · {t('report.margin', lang)} {esc(c.margin)} · "
            f"{t('report.levels_above', lang)} {esc(c.levels_above)}",
        ],
        [t("report.required", lang), esc(c.required)],
        [t("report.weight", lang), esc(c.weight)],
        [t("report.points", lang), esc(c.points)],
        [t("report.derivation", lang), esc(c.derivation)],
        [t("report.sources", lang), "; ".join(esc(r) for r in c.references) or "-"],
    ]
    return lines + _table(["", esc(c.checklist)], rows)


def _use(u: UseView, lang: str) -> list[str]:
    none = t("report.none", lang)
    lines = [
        f"## {t('report.use', lang)}: {esc(u.id)}" + (f" — {esc(u.title)}" if u.title else ""),
        "",
        f"**{t('report.verdict', lang)}: {esc(u.verdict_label)}**{_code(u.verdict.value, lang)} · "
        f"{t('report.score', lang)} {esc(u.score)}",
        "",
        f"{t('report.basis', lang)}: {esc(u.basis)}",
        "",
        f"{t('report.deciding', lang)}: "
        + (", ".join(esc(d) for d in u.deciding) or "-")
        + f" · {t('report.margin', lang)} {esc(u.margin)}",
        "",
        f"{t('report.profiles', lang)}: " + (", ".join(esc(p) for p in u.profiles) or "-"),
        "",
        f"### {t('report.reasons', lang)}",
        "",
        *([f"- {esc(r)}" for r in u.reasons] or [none]),
        "",
        f"### {t('report.red_lines', lang)}",
        "",
    ]
    for r in u.red_lines:
        lines.append(
            f"- **{esc(r.id)}**" + (f" {esc(r.title)}" if r.title else "") + f" ({esc(r.checklist)}; "
            f"{esc(r.basis)} → {esc(r.verdict)}): {esc(r.message)} "
            f"{t('report.legal_source', lang)}: " + "; ".join(esc(x) for x in r.references)
        )
    lines += [] if u.red_lines else [none]
    lines += ["", f"### {t('report.refusals', lang)}", ""]
    for f in u.refusals:
        lines.append(
            f"- **{esc(f.subject)}** ({esc(f.kind_label)}, {esc(f.checklist)} → {esc(f.verdict)}): {esc(f.reason)}<br>"
            f"{t('report.answer', lang)}: {esc(f.answer)}"
            + (
                f" · {t('report.risk_short', lang)} {esc(f.risk_level)} · {t('report.limit', lang)} {esc(f.limit)} "
                f"({t('report.set_by', lang)} {esc(f.profile)}) · {t('report.levels_above', lang)} "
                f"{esc(f.levels_above)}"
                if f.kind == "criterion"
                else ""
            )
            + (f" · {esc(f.basis)}" if f.basis else "")
            + (f"<br>{esc(f.rationale)}" if f.rationale else "")
            + (
                f"<br>{t('report.legal_source', lang)}: " + "; ".join(esc(x) for x in f.references)
                if f.references
                else ""
            )
        )
    lines += [none, ""] if not u.refusals else [""]
    lines += [f"### {t('report.conditions', lang)}", ""]
    for c in u.conditions:
        lines.append(
            f"- **{esc(c.criterion)}** ({esc(c.checklist)} · {esc(c.section)})"
            + (f" — *{esc(c.question)}*" if c.question else "")
            + f"<br>{t('report.answer', lang)}: {esc(c.answer)} · {t('report.risk_short', lang)} "
            f"{esc(c.risk_level)} · {t('report.limit', lang)} {esc(c.limit)} "
            f"({t('report.set_by', lang)} {esc(c.profile)})"
            + (f": {esc(c.rationale)}" if c.rationale else "")
            + (f"<br>{t('report.meets_with', lang)}: " + "; ".join(esc(o) for o in c.options) if c.options else "")
            + f"<br>{t('report.measures', lang)}: "
            + ("; ".join(esc(m) for m in c.measures) or "-")
            + f" · {t('report.addressed', lang)}: {esc(c.addressed)}<br>{esc(c.reason)}"
        )
    lines += [none, ""] if not u.conditions else [""]
    lines += [f"### {t('report.incomplete', lang)}", "", *([f"- {esc(x)}" for x in u.incomplete] or [none]), ""]
    lines += [f"### {t('report.chart', lang)}", ""]
    lines += _table(
        [
            t("report.checklist", lang),
            t("report.sections", lang),
            t("report.score", lang),
            t("report.legend_required", lang),
            t("report.legend_conditional", lang),
            t("report.legend_refused", lang),
            t("report.margin", lang),
            t("report.weight", lang),
            t("report.derivation", lang),
        ],
        [
            [
                esc(s.checklist),
                f"{esc(s.title)} ({esc(s.id)})",
                esc(s.score),
                esc(s.required_score),
                str(s.conditional),
                str(s.refused),
                esc(s.margin),
                esc(s.weight),
                esc(s.derivation),
            ]
            for s in u.sections
        ],
    )
    lines += _table(
        [
            t("report.checklists", lang),
            t("report.score", lang),
            t("report.band", lang),
            t("report.margin", lang),
            t("report.derivation", lang),
        ],
        [[esc(c.id), esc(c.score), esc(c.band), esc(c.margin), esc(c.derivation)] for c in u.checklists],
    )
    lines += [f"### {t('report.criteria', lang)}", ""]
    for s in u.sections:
        lines += [f"#### {esc(s.title)} ({esc(s.checklist)} · {esc(s.id)})", ""]
        for criterion in s.criteria:
            lines += _criterion(criterion, lang)
    return lines


def render(view: ReportView) -> str:
    lang = view.lang
    cover = view.cover
    marking = f"**{t('report.classification', lang)}: {esc(view.classification)}**"
    lines = [
        marking,
        "",
        f"# {esc(view.title)}: {esc(cover.system)}",
        "",
        f"## {t('report.cover', lang)}",
        "",
    ]
    lines += _table(
        ["", ""],
        [
            [t("report.system", lang), esc(cover.system)],
            [t("report.system_version", lang), esc(cover.system_version) or "-"],
            [t("report.classification", lang), esc(cover.classification)],
            [t("report.file", lang), esc(cover.file)],
            [t("report.reviewer", lang), esc(cover.reviewer)],
            [t("report.date", lang), esc(cover.date)],
            [t("report.generated", lang), esc(cover.generated)],
            [t("report.tool", lang), esc(cover.tool)],
            *[
                [
                    t("report.checklists", lang),
                    f"{esc(c.id)} {esc(c.version)}" + (f" — {esc(c.title)}" if c.title else ""),
                ]
                for c in cover.checklists
            ],
        ],
    )
    lines += [
        f"**{t('report.overall', lang)}: {esc(cover.verdict_label)}**{_code(cover.verdict.value, lang)} · "
        f"{t('report.score', lang)} {esc(cover.score)} · {t('report.deciding_use', lang)}: {esc(cover.deciding_use)}",
        "",
        f"{t('report.basis', lang)}: {esc(cover.basis)}",
        "",
        f"### {t('report.verdicts', lang)}",
        "",
    ]
    lines += _table(
        [t("report.use", lang), t("report.verdict", lang), t("report.score", lang), t("report.basis", lang)],
        [
            [
                esc(u.id) + (f"<br>{esc(u.title)}" if u.title else ""),
                f"**{esc(u.verdict_label)}**",
                esc(u.score),
                esc(u.basis),
            ]
            for u in cover.uses
        ],
    )
    for u in view.uses:
        lines += _use(u, lang)
    lines += [f"## {t('report.derivation', lang)}", "", *(p for d in view.derivation for p in (esc(d), ""))]
    tr = view.traceability
    lines += [f"## {t('report.traceability', lang)}", ""]
    rows = [
        [t("report.file", lang), esc(tr.file), esc(tr.system_sha256)],
        [t("report.tool", lang), esc(tr.tool), f"{t('report.schema', lang)} {esc(tr.schema_version)}"],
        *[
            [t("report.checklists", lang), f"{esc(c.id)} {esc(c.version)} ({esc(c.source)})", esc(c.sha256)]
            for c in tr.checklists
        ],
        *[[t("report.evidence", lang), f"{esc(e.path)} ({esc(e.criterion)})", esc(e.sha256)] for e in tr.evidence],
    ]
    lines += _table(["", "", "sha256"], rows)
    log = tr.answer_log
    if log is not None:
        lines += [
            f"### {t('report.answer_log', lang)}",
            "",
            *_table(
                ["", ""],
                [
                    [t("report.log_file", lang), f"{esc(log.path)} (sha256 {esc(log.sha256)})"],
                    [t("report.log_entries", lang), str(log.entries)],
                    [t("report.reviewer", lang), ", ".join(esc(r) for r in log.reviewers) or "-"],
                    [t("report.log_from", lang), esc(log.first) or "-"],
                    [t("report.log_to", lang), esc(log.last) or "-"],
                    [t("report.criteria", lang), str(log.criteria)],
                    [t("report.log_revised", lang), str(log.revised)],
                    [t("report.log_actions", lang), "; ".join(esc(a) for a in log.actions) or "-"],
                    [t("report.log_unreadable", lang), str(log.unreadable_lines)],
                ],
            ),
        ]
    if tr.notes:
        lines += [f"### {t('report.notes', lang)}", "", *(f"- {esc(n)}" for n in tr.notes), ""]
    lines += [f"## {t('report.signatures', lang)}", ""]
    lines += _table(
        ["", t("report.name", lang), t("report.date", lang), t("report.signature", lang)],
        [
            [t("report.sign_reviewer", lang), esc(view.reviewer) or " ", " ", " "],
            [t("report.sign_authority", lang), " ", " ", " "],
        ],
    )
    lines += [marking, ""]
    return "\n".join(lines)
