"""The review report for the terminal (rich, 80 columns): verdict panels, section bars, then every finding.

User text is never parsed as rich markup (it goes in as ``Text``), and control characters (terminal escapes) are
shown as ``\\xNN`` so that a file cannot move the cursor, recolour or retitle the terminal.
"""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from art36.i18n import t
from art36.models.common import Verdict
from art36.render.report.view import CriterionView, ReportView, SectionView, UseView
from art36.textsafe import multi_line

WIDTH = 80
BAR = 24

STYLE = {
    Verdict.PROHIBITED: "bold white on red",
    Verdict.NOT_APPROVABLE: "bold red",
    Verdict.INCOMPLETE: "bold yellow",
    Verdict.APPROVABLE_WITH_CONDITIONS: "bold cyan",
    Verdict.APPROVABLE: "bold green",
    Verdict.OUT_OF_SCOPE: "dim",
}


def literal(value: object) -> str:
    """``value`` with control characters (ESC, BEL, CR...) and bidi marks shown as ``\\xNN``; newlines kept."""
    return multi_line(str(value))


def _t(*parts: str | tuple[str, str]) -> Text:
    """A Text from plain pieces: ``str`` is user text (made literal), ``(text, style)`` is styled user text."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append(literal(part[0]), style=part[1])
        else:
            out.append(literal(part))
    return out


def _code(verdict: Verdict, lang: str) -> str:
    """English reports follow the verdict's label with its code, ``  (not_approvable)``; others show the label."""
    return f"  ({verdict.value})" if lang == "en" else ""


def _field(label: str, value: str) -> Text:
    return _t((f"{label}: ", "bold"), value)


def _bar(s: SectionView) -> Text:
    """``title  ██████····|·····  54.3 / 60.0 ▲2 ✖1`` — the bar is the score, ``|`` what the context requires."""
    cells = ["·"] * BAR
    if s.score_value is not None:
        filled = round(BAR * s.score_value / 100)
        for i in range(filled):
            cells[i] = "█"
    if s.required_value is not None:
        cells[min(BAR - 1, round(BAR * s.required_value / 100))] = "|"
    below = s.score_value is not None and s.required_value is not None and s.score_value < s.required_value
    title = s.title if len(s.title) <= 22 else s.title[:21] + "…"
    out = _t(f"{title:<22} ", ("".join(cells), "red" if below else "blue"), f" {s.score:>5} / {s.required_score:>5}")
    if s.conditional:
        out.append(f" ▲{s.conditional}", style="cyan")
    if s.refused:
        out.append(f" ✖{s.refused}", style="red")
    return out


def _criterion(c: CriterionView, lang: str) -> RenderableType:
    status_style = {"below": "red", "missing": "yellow", "unknown": "yellow", "meets": "green"}.get(c.status.value, "")
    head = _t(
        (c.id, "bold"),
        f" ({c.checklist}) ",
        (c.status_label, status_style),
        f" · {t('report.margin', lang)} {c.margin} · {t('report.levels_above', lang)} {c.levels_above}",
    )
    if c.conditional:
        head.append(" ▲", style="cyan")
    if c.refused:
        head.append(" ✖", style="red")
    rows: list[RenderableType] = [head]
    if c.question:
        rows.append(_t((c.question, "italic")))
    rows.append(_field(t("report.answer", lang), c.answer))
    if c.rationale:
        rows.append(_field(t("report.rationale", lang), c.rationale))
    for e in c.evidence:
        parts = [x for x in (e.document, e.path, e.description) if x]
        rows.append(_field(t("report.evidence", lang), " — ".join(parts) + (f" sha256 {e.sha256}" if e.sha256 else "")))
    allowed = f"{c.max_level} ({t('report.set_by', lang)} {c.required_by})"
    if c.limit_rationale:
        allowed += f": {c.limit_rationale}"
    rows.append(_field(t("report.risk", lang), c.risk_level))
    rows.append(_field(t("report.allowed", lang), allowed))
    rows.append(
        _t(
            (f"{t('report.required', lang)}: ", "bold"),
            c.required,
            (f"  {t('report.weight', lang)}: ", "bold"),
            c.weight,
            (f"  {t('report.points', lang)}: ", "bold"),
            c.points,
        )
    )
    rows.append(_field(t("report.derivation", lang), c.derivation))
    if c.references:
        rows.append(_field(t("report.sources", lang), "; ".join(c.references)))
    # Plain lines, not a Panel: a batch renders thousands of criteria, and a panel each costs ten times more.
    return Group(Text(), *rows)


def _use(u: UseView, lang: str) -> list[RenderableType]:
    none = t("report.none", lang)
    style = STYLE[u.verdict]
    heading = _t((f"{t('report.use', lang)}: ", "bold"), (u.id, "bold"))
    panel = Panel(
        Group(
            _t((u.verdict_label, style), f"{_code(u.verdict, lang)}  {t('report.score', lang)} {u.score}"),
            _field(t("report.basis", lang), u.basis),
            _field(
                t("report.deciding", lang), (", ".join(u.deciding) or "-") + f" · {t('report.margin', lang)} {u.margin}"
            ),
            _field(t("report.profiles", lang), ", ".join(u.profiles) or "-"),
        ),
        title=heading,
        subtitle=_t(u.title) if u.title else None,
        border_style=style.replace("bold ", "").replace("white on ", ""),
    )
    out: list[RenderableType] = [panel, _t((t("report.chart", lang), "bold"))]
    out += [_bar(s) for s in u.sections]
    out.append(
        _t(
            ("█", "blue"),
            f" {t('report.score', lang)}  | {t('report.legend_required', lang)}  ",
            ("▲", "cyan"),
            f" {t('report.legend_conditional', lang)}  ",
            ("✖", "red"),
            f" {t('report.legend_refused', lang)}",
        )
    )
    out.append(Text())
    out.append(_t((t("report.reasons", lang), "bold")))
    out += [_t("- ", r) for r in u.reasons] or [Text(none)]
    out.append(_t((t("report.red_lines", lang), "bold red")))
    for r in u.red_lines:
        out.append(
            _t(
                "- ",
                (r.id, "bold"),
                f" {r.title}" if r.title else "",
                f" ({r.checklist}; {r.basis} → {r.verdict}): {r.message} ",
                (f"{t('report.legal_source', lang)}: ", "bold"),
                "; ".join(r.references),
            )
        )
    if not u.red_lines:
        out.append(Text(none))
    out.append(_t((t("report.refusals", lang), "bold")))
    for f in u.refusals:
        out.append(_t("- ", (f.subject, "bold red"), f" ({f.kind_label}, {f.checklist} → {f.verdict}): ", f.reason))
        out.append(
            _t(
                f"  {t('report.answer', lang)}: ",
                f.answer,
                (
                    f" · {t('report.risk_short', lang)} {f.risk_level} · {t('report.limit', lang)} {f.limit} "
                    f"({t('report.set_by', lang)} {f.profile}) · {t('report.levels_above', lang)} {f.levels_above}"
                    if f.kind == "criterion"
                    else ""
                )
                + (f" · {f.basis}" if f.basis else ""),
            )
        )
        if f.rationale:
            out.append(_t("  ", f.rationale))
        if f.references:
            out.append(_t(f"  {t('report.legal_source', lang)}: ", "; ".join(f.references)))
    if not u.refusals:
        out.append(Text(none))
    out.append(_t((t("report.conditions", lang), "bold cyan")))
    for x in u.conditions:
        out.append(
            _t(
                "- ",
                (x.criterion, "bold cyan"),
                f" ({x.checklist} · {x.section})",
                f" — {x.question}" if x.question else "",
            )
        )
        out.append(
            _t(
                f"  {t('report.answer', lang)}: {x.answer} · {t('report.risk_short', lang)} {x.risk_level} · "
                f"{t('report.limit', lang)} {x.limit} "
                f"({t('report.set_by', lang)} {x.profile})" + (f": {x.rationale}" if x.rationale else "")
            )
        )
        if x.options:
            out.append(_t(f"  {t('report.meets_with', lang)}: ", "; ".join(x.options)))
        out.append(
            _t(
                f"  {t('report.measures', lang)}: ",
                "; ".join(x.measures) or "-",
                f" · {t('report.addressed', lang)}: {x.addressed}",
            )
        )
        out.append(_t("  ", x.reason))
    if not u.conditions:
        out.append(Text(none))
    out.append(_t((t("report.incomplete", lang), "bold yellow")))
    out += [_t("- ", x) for x in u.incomplete] or [Text(none)]
    out.append(_t((t("report.sections", lang), "bold")))
    for s in u.sections:
        out.append(
            _t(
                "- ",
                (f"{s.checklist} · {s.title} ({s.id})", "bold"),
                f" {t('report.score', lang)} {s.score}, {t('report.legend_required', lang)} {s.required_score}, "
                f"▲{s.conditional} ✖{s.refused}, {t('report.margin', lang)} {s.margin}, "
                f"{t('report.weight', lang)} {s.weight}: ",
                s.derivation,
            )
        )
    for c in u.checklists:
        out.append(
            _t(
                "- ",
                (c.id, "bold"),
                f" {t('report.score', lang)} {c.score}, {t('report.band', lang)} {c.band}, "
                f"{t('report.margin', lang)} {c.margin}: ",
                c.derivation,
            )
        )
    out.append(Rule(t("report.criteria", lang)))
    for s in u.sections:
        out.append(_t((f"{s.title} ({s.checklist} · {s.id})", "bold underline")))
        out += [_criterion(c, lang) for c in s.criteria]
    return out


def render(view: ReportView, *, color: bool = False) -> str:
    lang = view.lang
    c = view.cover
    marking = _t((f"{t('report.classification', lang)}: {view.classification}", "bold red"))
    parts: list[RenderableType] = [marking, _t((f"{view.title}: {c.system}", "bold"))]
    cover = [
        _field(t("report.system", lang), c.system),
        _field(t("report.system_version", lang), c.system_version or "-"),
        _field(t("report.classification", lang), c.classification),
        _field(t("report.file", lang), c.file),
        _field(t("report.reviewer", lang), c.reviewer),
        _field(t("report.date", lang), c.date),
        _field(t("report.generated", lang), c.generated),
        _field(t("report.tool", lang), c.tool),
        *(
            _field(t("report.checklists", lang), f"{x.id} {x.version}" + (f" — {x.title}" if x.title else ""))
            for x in c.checklists
        ),
        Text(),
        _t(
            (f"{t('report.overall', lang)}: ", "bold"),
            (c.verdict_label, STYLE[c.verdict]),
            f"{_code(c.verdict, lang)}  {t('report.score', lang)} {c.score}  {t('report.deciding_use', lang)}: ",
            c.deciding_use,
        ),
        _field(t("report.basis", lang), c.basis),
    ]
    for line in c.uses:
        cover.append(
            _t(
                "- ",
                (line.id, "bold"),
                f" — {line.title}: " if line.title else ": ",
                (line.verdict_label, STYLE[line.verdict]),
                f" ({t('report.score', lang)} {line.score}) ",
                line.basis,
            )
        )
    parts.append(Panel(Group(*cover), title=_t(t("report.cover", lang))))
    for u in view.uses:
        parts += _use(u, lang)
    parts.append(Rule(t("report.derivation", lang)))
    parts += [_t(d) for d in view.derivation]
    tr = view.traceability
    parts.append(Rule(t("report.traceability", lang)))
    parts.append(_field(t("report.file", lang), f"{tr.file} sha256 {tr.system_sha256}"))
    parts.append(_field(t("report.tool", lang), f"{tr.tool} ({t('report.schema', lang)} {tr.schema_version})"))
    for x in tr.checklists:
        parts.append(_field(t("report.checklists", lang), f"{x.id} {x.version} ({x.source}) sha256 {x.sha256}"))
    for e in tr.evidence:
        parts.append(_field(t("report.evidence", lang), f"{e.path} ({e.criterion}) sha256 {e.sha256}"))
    log = tr.answer_log
    if log is not None:
        parts.append(
            _field(
                t("report.answer_log", lang),
                t("report.log_summary", lang).format(
                    path=log.path,
                    sha256=log.sha256,
                    entries=log.entries,
                    reviewers=", ".join(log.reviewers) or "-",
                    first=log.first or "-",
                    last=log.last or "-",
                    criteria=log.criteria,
                    revised=log.revised,
                    unreadable=log.unreadable_lines,
                )
                + (f" ({'; '.join(log.actions)})" if log.actions else ""),
            )
        )
    for n in tr.notes:
        parts.append(_field(t("report.notes", lang), n))
    parts.append(Rule(t("report.signatures", lang)))
    parts.append(_field(t("report.sign_reviewer", lang), (view.reviewer or "") + " " + "_" * 30))
    parts.append(_field(t("report.sign_authority", lang), "_" * 40))
    parts.append(marking)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=WIDTH,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        color_system="standard" if color else None,
        legacy_windows=False,
    )
    width = console.width
    for part in parts:
        if color:
            console.print(part)
        else:
            _print_plain(console, buffer, part, width)
    return buffer.getvalue()


def _print_plain(console: Console, out: io.StringIO, part: RenderableType, width: int) -> None:
    """What ``console.print(part)`` writes without colour, at a fraction of its cost for the common parts.

    A report prints thousands of lines; rich's full print pipeline (measuring, segmenting, styling, cropping) costs
    ten times the wrapping itself. Without colour a Text comes out as its wrapped lines' plain text, so a Text is
    wrapped here by rich's own ``Text.wrap`` (the same call ``Console.print`` makes: the console width, default
    justification, ``fold`` overflow) and a line that already fits is written as it is; a Group is its parts in
    turn. Panels and rules still go through rich. The output is byte for byte the same (benchmarks/ checks it).
    """
    if isinstance(part, Group):
        for inner in part.renderables:
            _print_plain(console, out, inner, width)
        return
    if not isinstance(part, Text) or part.end != "\n" or part.justify or part.overflow or part.no_wrap:
        console.print(part)
        return
    plain = part.plain
    if "\n" not in plain and "\t" not in plain and cell_len(plain) <= width:
        out.write(plain + "\n")
        return
    out.write("\n".join(line.plain for line in part.wrap(console, width)) + "\n")
