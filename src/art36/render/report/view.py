"""The report's content, in display order and as display strings, built once from a review; every format renders it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from art36.i18n import DEFAULT, Translator, t
from art36.models.checklist import Checklist, Criterion
from art36.models.common import Frozen, LocalizedText, RiskLevel, Verdict
from art36.models.review import (
    CriterionResult,
    Refusal,
    ReviewCondition,
    ReviewResult,
    SectionResult,
    Status,
    UseResult,
)
from art36.render.report.answer_log import LogSummary
from art36.render.report.explain import model_in_words


def num(value: float | None) -> str:
    """One decimal, the way every format shows a score ("-" when there is none)."""
    return "-" if value is None else f"{value:.1f}"


def answer_text(value: object, lang: str = "en") -> str:
    if value is None:
        return t("report.no_answer", lang)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(answer_text(v, lang) for v in value)
    if isinstance(value, float) and value == int(value):
        return f"{value:g}"
    return str(value)


class Labelled(Frozen):
    id: str
    title: str = ""


class ChecklistLine(Frozen):
    id: str
    version: str
    title: str
    sha256: str
    source: str


class UseLine(Frozen):
    id: str
    title: str
    verdict: Verdict
    verdict_label: str
    score: str
    basis: str


class Cover(Frozen):
    system: str
    system_version: str
    classification: str
    file: str
    reviewer: str
    date: str
    generated: str
    tool: str
    checklists: tuple[ChecklistLine, ...]
    verdict: Verdict
    verdict_label: str
    score: str
    deciding_use: str
    basis: str
    uses: tuple[UseLine, ...]


class RedLineView(Frozen):
    id: str
    checklist: str
    title: str
    basis: str
    verdict: str
    message: str
    references: tuple[str, ...]


class ConditionView(Frozen):
    """A criterion one level above its limit: what must change (an answer that meets it, or a declared measure)."""

    criterion: str
    checklist: str
    section: str
    question: str
    answer: str
    risk_level: str
    limit: str
    profile: str
    rationale: str
    #: Answers that would meet the limit: "label (value, risk)".
    options: tuple[str, ...]
    #: Measures the use declares for it: "kind: description".
    measures: tuple[str, ...]
    addressed: str
    reason: str


class RefusalView(Frozen):
    """Why the use is refused: a red line that holds (with the answers it tests) or a criterion too far above."""

    #: ``criterion`` or ``red_line``, and how the report names it.
    kind: str
    kind_label: str
    checklist: str
    verdict: str
    #: The red line or the criterion.
    subject: str
    basis: str
    answer: str
    risk_level: str
    limit: str
    profile: str
    levels_above: str
    rationale: str
    references: tuple[str, ...]
    reason: str


class EvidenceView(Frozen):
    document: str
    path: str
    description: str
    sha256: str


class CriterionView(Frozen):
    id: str
    checklist: str
    question: str
    answer: str
    rationale: str
    evidence: tuple[EvidenceView, ...]
    risk_level: str
    max_level: str
    required_by: str
    limit_rationale: str
    status: Status
    #: The status in the report's language (English: the status itself).
    status_label: str
    required: str
    weight: str
    points: str
    derivation: str
    references: tuple[str, ...]
    levels_above: str = "-"
    margin: str = "-"
    conditional: bool = False
    refused: bool = False


class SectionView(Frozen):
    id: str
    checklist: str
    title: str
    score: str
    required_score: str
    weight: str
    derivation: str
    margin: str
    conditional: int
    refused: int
    #: Numbers for the chart (0-100); None when the section has no score / no known requirement.
    score_value: float | None
    required_value: float | None
    criteria: tuple[CriterionView, ...]


class ChecklistScoreView(Frozen):
    id: str
    score: str
    band: str
    #: The checklist's worst margin to this context's requirements (the band only labels the index).
    margin: str
    derivation: str


class UseView(Frozen):
    id: str
    title: str
    verdict: Verdict
    verdict_label: str
    score: str
    basis: str
    margin: str
    #: The criteria and red lines that decide the verdict, in order.
    deciding: tuple[str, ...]
    profiles: tuple[str, ...]
    reasons: tuple[str, ...]
    red_lines: tuple[RedLineView, ...]
    refusals: tuple[RefusalView, ...]
    conditions: tuple[ConditionView, ...]
    incomplete: tuple[str, ...]
    checklists: tuple[ChecklistScoreView, ...]
    sections: tuple[SectionView, ...]


class EvidenceFile(Frozen):
    criterion: str
    path: str
    sha256: str


class Traceability(Frozen):
    file: str
    system_sha256: str
    schema_version: str
    tool: str
    checklists: tuple[ChecklistLine, ...]
    evidence: tuple[EvidenceFile, ...]
    answer_log: LogSummary | None
    notes: tuple[str, ...]


class ReportView(Frozen):
    lang: str
    title: str
    classification: str
    cover: Cover
    uses: tuple[UseView, ...]
    #: How the numbers were derived: one paragraph per checklist's declared model.
    derivation: tuple[str, ...]
    traceability: Traceability
    reviewer: str


def _verdict_label(verdict: Verdict, lang: str) -> str:
    return t(f"verdict.{verdict.value}", lang)


def _level(value: str | None, lang: str) -> str:
    """A risk level in ``lang`` (English: the level itself); "-" for none."""
    return t(f"risk.{value}", lang) if value else "-"


def _state(value: str | None, lang: str) -> str:
    """A status, margin, refusal kind or red-line basis in ``lang``; "-" for none.

    English reports show the record's own value (``one_level_short``, ``binding_law``), as they always have.
    """
    if not value:
        return "-"
    if lang == DEFAULT:
        return str(value)
    for prefix in ("state.", "kind.", "basis."):
        shown = t(prefix + value, lang)
        if shown != prefix + value:
            return shown
    return str(value)


def verdict_code(verdict: str, lang: str) -> str:
    """A verdict where English reports show its code (``not_approvable``): the code, or its label in ``lang``."""
    return str(verdict) if lang == DEFAULT else t(f"verdict.{verdict}", lang)


def _profile(profile: str, lang: str) -> str:
    """The context profile that set a limit; ``default`` (the criterion's own limit) in words outside English."""
    return t("limit_default", lang) if profile == "default" and lang != DEFAULT else profile


def _yes(flag: bool, lang: str) -> str:
    return t("report.yes" if flag else "report.no", lang)


def _text(value: LocalizedText | None, lang: str) -> str:
    """A checklist text in ``lang``; in English, marked ``[en]``, when the checklist has no translation."""
    return Translator(lang).text(value)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def use_basis(use: UseResult, lang: str = "en") -> str:
    """One sentence saying why the use got its verdict (the first reason is the scoring's own words)."""
    if use.verdict is Verdict.APPROVABLE and not use.reasons:
        return t("report.basis_clear", lang).format(score=num(use.score))
    if use.reasons:
        first = _sentence(use.reasons[0])
        more = len(use.reasons) - 1
        if more == 0:
            return first
        return t("report.basis_more_1" if more == 1 else "report.basis_more_n", lang).format(first=first[:-1], n=more)
    return t("report.basis_plain", lang).format(verdict=_verdict_label(use.verdict, lang), score=num(use.score))


def _limit_rationale(checklist: Checklist | None, result: CriterionResult, lang: str) -> str:
    if checklist is None or result.required_by == "default":
        return ""
    for profile in checklist.profiles:
        if profile.id == result.required_by:
            for limit in profile.limits:
                if limit.criterion == result.id:
                    return _text(limit.rationale, lang)
    return ""


def _required_points(checklist: Checklist | None, results: Sequence[CriterionResult]) -> float | None:
    """The section score if every scored criterion were exactly at the risk its context allows."""
    if checklist is None:
        return None
    model = checklist.scoring
    best = max(model.risk_points.values())
    items: list[tuple[float, float]] = []
    for r in results:
        if r.points is None:
            continue
        if r.status is Status.NOT_SHOWN or r.max_level is None:
            items.append((best, r.weight))
        else:
            items.append((model.risk_points[RiskLevel(r.max_level)], r.weight))
    total = sum(w for _, w in items)
    return sum(p * w for p, w in items) / total if total > 0 else None


def _criterion(
    checklist: Checklist | None,
    criterion: Criterion | None,
    r: CriterionResult,
    evidence_sha: Mapping[tuple[str, str], str],
    lang: str,
    conditional: set[str],
    refused: set[str],
) -> CriterionView:
    return CriterionView(
        id=r.id,
        checklist=r.checklist,
        question=_text(criterion.question, lang) if criterion else "",
        answer=answer_text(r.answer, lang),
        rationale=r.rationale,
        evidence=tuple(
            EvidenceView(
                document=e.document,
                path=e.path,
                description=e.description,
                sha256=evidence_sha.get((r.id, e.path), "") if e.path else "",
            )
            for e in r.evidence
        ),
        risk_level=_level(r.risk_level, lang),
        max_level=_level(r.max_level, lang),
        required_by=_profile(r.required_by, lang),
        limit_rationale=_limit_rationale(checklist, r, lang),
        status=r.status,
        status_label=_state(r.status, lang),
        required=_yes(r.required, lang),
        weight=f"{r.weight:g}",
        points=num(r.points),
        derivation=r.derivation,
        references=tuple(str(ref) for ref in criterion.references) if criterion else (),
        levels_above="-" if r.levels_above is None else str(r.levels_above),
        margin=_state(r.margin, lang),
        conditional=r.id in conditional,
        refused=r.id in refused,
    )


def _section(
    checklist: Checklist | None,
    s: SectionResult,
    results: Sequence[CriterionResult],
    evidence_sha: Mapping[tuple[str, str], str],
    lang: str,
    conditional: set[str],
    refused: set[str],
) -> SectionView:
    section = next((x for x in checklist.sections if x.id == s.id), None) if checklist else None
    required = _required_points(checklist, results)
    views = tuple(
        _criterion(
            checklist, checklist.criteria.get(r.id) if checklist else None, r, evidence_sha, lang, conditional, refused
        )
        for r in results
    )
    return SectionView(
        id=s.id,
        checklist=s.checklist,
        title=_text(section.title, lang) if section else s.id,
        score=num(s.score),
        required_score=num(required),
        weight=f"{s.weight:g}",
        derivation=s.derivation,
        margin=_state(s.margin, lang),
        conditional=sum(v.conditional for v in views),
        refused=sum(v.refused for v in views),
        score_value=s.score,
        required_value=required,
        criteria=views,
    )


def _refused_ids(use: UseResult) -> set[str]:
    """Criteria the review refuses outright (a criterion refusal: too many levels above its limit)."""
    return {r.criterion for r in use.refusals if r.criterion}


def _refusal(r: Refusal, lang: str) -> RefusalView:
    if r.kind == "criterion":
        answer = answer_text(r.answer, lang)
    else:
        answer = "; ".join(f"{k} = {answer_text(v, lang)}" for k, v in r.answers.items())
    return RefusalView(
        kind=r.kind,
        kind_label=_state(r.kind, lang),
        checklist=r.checklist,
        verdict=verdict_code(r.verdict, lang),
        subject=r.criterion or r.red_line or "",
        basis=_state(r.basis, lang) if r.basis else "",
        answer=answer or "-",
        risk_level=_level(r.risk_level, lang),
        limit=_level(r.limit, lang),
        profile=_profile(r.profile, lang) if r.profile else "-",
        levels_above="-" if r.levels_above is None else str(r.levels_above),
        rationale=r.rationale,
        references=r.references,
        reason=r.reason,
    )


def _condition(c: ReviewCondition, question: str, lang: str) -> ConditionView:
    return ConditionView(
        criterion=c.criterion,
        checklist=c.checklist,
        section=c.section,
        question=c.question or question,
        answer=answer_text(c.answer, lang),
        risk_level=_level(c.risk_level, lang),
        limit=_level(c.required_level, lang),
        profile=_profile(c.profile, lang),
        rationale=c.rationale,
        options=tuple(f"{o.label} ({answer_text(o.value, lang)}, {_level(o.risk_level, lang)})" for o in c.options),
        measures=tuple(f"{m.kind.value}: {m.description}" for m in c.measures),
        addressed=_yes(c.addressed, lang),
        reason=c.reason,
    )


def _use(
    use: UseResult, checklists: Mapping[str, Checklist], evidence_sha: Mapping[tuple[str, str], str], lang: str
) -> UseView:
    by_id = {c.id: c for c in use.criteria}
    conditional = {c.criterion for c in use.conditions}
    refused = _refused_ids(use)
    red_titles = {(c.id, r.id): _text(r.title, lang) for c in checklists.values() for r in c.red_lines}

    def question(cid: str) -> str:
        c = by_id.get(cid)
        checklist = checklists.get(c.checklist) if c else None
        criterion = checklist.criteria.get(cid) if checklist else None
        return _text(criterion.question, lang) if criterion else ""

    sections = []
    for s in use.sections:
        results = [c for c in use.criteria if c.section == s.id and c.checklist == s.checklist]
        sections.append(_section(checklists.get(s.checklist), s, results, evidence_sha, lang, conditional, refused))
    incomplete = tuple(
        f"{c.id}: {_state(c.status, lang)}"
        for c in use.criteria
        if c.required and c.status in (Status.MISSING, Status.UNKNOWN)
    )
    return UseView(
        id=use.id,
        title=use.title,
        verdict=use.verdict,
        verdict_label=_verdict_label(use.verdict, lang),
        score=num(use.score),
        basis=use_basis(use, lang),
        margin=_state(use.margin, lang),
        deciding=use.deciding,
        profiles=use.profiles,
        reasons=use.reasons,
        red_lines=tuple(
            RedLineView(
                id=r.id,
                checklist=r.checklist,
                title=red_titles.get((r.checklist, r.id), ""),
                basis=_state(r.basis, lang),
                verdict=verdict_code(r.verdict, lang),
                message=r.message,
                references=r.references,
            )
            for r in use.red_lines
        ),
        refusals=tuple(_refusal(r, lang) for r in use.refusals),
        conditions=tuple(_condition(c, question(c.criterion), lang) for c in use.conditions),
        incomplete=incomplete,
        checklists=tuple(
            ChecklistScoreView(
                id=c.id,
                score=num(c.score),
                band=c.band or "-",
                margin=_state(c.margin, lang),
                derivation=c.derivation,
            )
            for c in use.checklists
        ),
        sections=tuple(sections),
    )


def build(
    review: ReviewResult,
    checklists: Mapping[str, Checklist],
    *,
    lang: str = "en",
    now: datetime,
    answer_log: LogSummary | None = None,
    notes: Sequence[str] = (),
) -> ReportView:
    """The report for ``review``; ``checklists`` (by id) supply question texts and sources, ``now`` the report date."""
    not_recorded = t("report.not_recorded", lang)
    lines = tuple(
        ChecklistLine(
            id=c.id,
            version=c.version,
            title=_text(checklists[c.id].title, lang) if c.id in checklists else "",
            sha256=c.sha256,
            source=c.source,
        )
        for c in review.checklists
    )
    evidence_sha = {(e.criterion, e.path): e.sha256 or "" for e in review.evidence}
    uses = tuple(_use(u, checklists, evidence_sha, lang) for u in review.uses)
    tool = f"{review.tool.name} {review.tool.version}"
    deciding = next(u for u in uses if u.id == review.deciding_use)
    overall_basis = (
        t("report.basis_overall", lang).format(use=deciding.id, basis=deciding.basis)
        if len(uses) > 1
        else deciding.basis
    )
    cover = Cover(
        system=review.system,
        system_version=review.system_version,
        classification=review.classification,
        file=review.file,
        reviewer=review.reviewer or not_recorded,
        date=review.created_at.isoformat() if review.created_at else not_recorded,
        generated=now.isoformat(timespec="seconds"),
        tool=tool,
        checklists=lines,
        verdict=review.verdict,
        verdict_label=_verdict_label(review.verdict, lang),
        score=num(review.score),
        deciding_use=review.deciding_use,
        basis=overall_basis,
        uses=tuple(
            UseLine(
                id=u.id, title=u.title, verdict=u.verdict, verdict_label=u.verdict_label, score=u.score, basis=u.basis
            )
            for u in uses
        ),
    )
    derivation = tuple(model_in_words(checklists[c.id], lang) for c in review.checklists if c.id in checklists)
    return ReportView(
        lang=lang,
        title=t("report.title", lang),
        classification=review.classification,
        cover=cover,
        uses=uses,
        derivation=derivation,
        traceability=Traceability(
            file=review.file,
            system_sha256=review.system_sha256 or not_recorded,
            schema_version=str(review.schema_version),
            tool=tool,
            checklists=lines,
            evidence=tuple(
                EvidenceFile(criterion=e.criterion, path=e.path, sha256=e.sha256 or t("report.file_not_found", lang))
                for e in review.evidence
            ),
            answer_log=answer_log,
            notes=tuple(notes),
        ),
        reviewer=review.reviewer or "",
    )
