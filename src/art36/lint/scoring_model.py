"""Check the declared scoring model: bands cover 0–100 once (L009, L010), can be reached (L011), order (L012, L013)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from art36.lint.context import LintContext
from art36.models.checklist import Band
from art36.models.common import RiskLevel, Verdict
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.rule import Rule
from art36.wording import number

_BANDS = ("scoring", "bands")


_E, _W = Severity.ERROR, Severity.WARNING
_SCORING = "scoring:\n  risk_points: {none: 100, low: 80, medium: 50, high: 20, critical: 0}\n"
_FACTOR = "  below_requirement_factor: 0.5\n"


def _empty(band: Band) -> bool:
    return band.min >= band.max and not band.min == band.max == 100


def _by_min(ctx: LintContext) -> list[tuple[int, Band]]:
    """Non-empty bands from the lowest scores up."""
    bands = enumerate(ctx.checklist.scoring.bands)
    return sorted(((i, b) for i, b in bands if not _empty(b)), key=lambda ib: (ib[1].min, ib[1].max))


def band_overlaps(ctx: LintContext) -> Iterator[Diagnostic]:
    ordered = _by_min(ctx)
    for (_, low), (index, high) in pairwise(ordered):
        if high.min < low.max or high.min == low.max == 100:  # a band ending at 100 includes 100
            yield BAND_OVERLAP.at(
                ctx.at((*_BANDS, index, "min")),
                f"band '{high.id}' starts at {number(high.min)}, inside band '{low.id}' "
                f"({number(low.min)}–{number(low.max)}): scores {number(high.min)}–{number(min(low.max, high.max))} "
                "fall in both",
                hint=f"start '{high.id}' at {number(low.max)} or end '{low.id}' at {number(high.min)}",
            )


BAND_OVERLAP: Rule[LintContext] = Rule(
    "L009",
    "score-band-overlap",
    _E,
    "Two score bands overlap, so a score has two verdicts.",
    "checklist",
    explanation="Bands run from 'min' (inclusive) to 'max' (exclusive; 100 is included in the top band). "
    "Each score must fall in exactly one band.",
    bad=_SCORING + _FACTOR + "  bands:\n"
    "    - {id: approvable, min: 60, max: 100, label: Approvable, verdict: approvable}\n"
    "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    good=_SCORING + _FACTOR + "  bands:\n"
    "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
    "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    check=band_overlaps,
)


def band_gaps(ctx: LintContext) -> Iterator[Diagnostic]:
    ordered = _by_min(ctx)
    if not ordered:
        return
    first_index, first = ordered[0]
    if first.min > 0:
        yield BAND_GAP.at(
            ctx.at((*_BANDS, first_index, "min")),
            f"no band covers scores 0–{number(first.min)}: the lowest band '{first.id}' starts at {number(first.min)}",
            hint=f"start '{first.id}' at 0",
        )
    covered, last_index, last = first.max, first_index, first
    for index, band in ordered[1:]:
        if band.min > covered:
            yield BAND_GAP.at(
                ctx.at((*_BANDS, index, "min")),
                f"no band covers scores {number(covered)}–{number(band.min)}: band '{band.id}' starts at "
                f"{number(band.min)}, but the band below ends at {number(covered)}",
                hint=f"start '{band.id}' at {number(covered)}",
            )
        if band.max >= covered:
            covered, last_index, last = band.max, index, band
    if covered < 100:
        yield BAND_GAP.at(
            ctx.at((*_BANDS, last_index, "max")),
            f"no band covers scores {number(covered)}–100: the highest band '{last.id}' ends at {number(covered)}",
            hint=f"end '{last.id}' at 100",
        )


BAND_GAP: Rule[LintContext] = Rule(
    "L010",
    "score-band-gap",
    _E,
    "The score bands leave part of 0–100 uncovered, so some scores have no verdict.",
    "checklist",
    explanation="Together the bands must cover every score from 0 to 100: the lowest starts at 0, each "
    "starts where the previous one ends, and the highest ends at 100.",
    bad=_SCORING + _FACTOR + "  bands:\n"
    "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
    "    - {id: not-approvable, min: 0, max: 60, label: Not approvable, verdict: not_approvable}\n",
    good=_SCORING + _FACTOR + "  bands:\n"
    "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
    "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    check=band_gaps,
)


def score_range(ctx: LintContext) -> tuple[float, float] | None:
    """The lowest and highest score any answers can give (None when nothing is scored).

    A score is a weighted mean of criterion points, so it lies between the fewest and the most points any
    counted criterion can earn.
    """
    checklist = ctx.checklist
    model = checklist.scoring
    limits: dict[str, set[RiskLevel]] = {}
    for profile in checklist.profiles:
        for limit in profile.limits:
            limits.setdefault(limit.criterion, set()).add(limit.max_risk)
    points: set[float] = set()
    for section in checklist.sections:
        if section.weight <= 0:
            continue
        for criterion in section.criteria:
            if not criterion.scored or criterion.context or criterion.weight <= 0:
                continue  # text and context answers earn no points
            points.add(model.unknown_points)  # a missing or unknown answer
            allowed = {criterion.max_risk} | limits.get(criterion.id, set())
            for choice in criterion.choices():
                level = choice.risk_level
                for ceiling in allowed:
                    below = level.rank > ceiling.rank
                    factor = model.below_requirement_factor  # format 1 only
                    points.add(model.risk_points[level] * (factor if below and factor is not None else 1))
    return (min(points), max(points)) if points else None


def unreachable_bands(ctx: LintContext) -> Iterator[Diagnostic]:
    reach = score_range(ctx)
    for index, band in enumerate(ctx.checklist.scoring.bands):
        span = f"{number(band.min)}–{number(band.max)}"
        if _empty(band):
            yield BAND_UNREACHABLE.at(
                ctx.at((*_BANDS, index, "max")),
                f"band '{band.id}' ({span}) is empty: its max must be above its min",
            )
            continue
        if reach is None:
            continue
        lo, hi = reach
        if band.min <= hi and (band.max == 100 or lo < band.max):
            continue
        yield BAND_UNREACHABLE.at(
            ctx.at((*_BANDS, index)),
            f"band '{band.id}' ({span}) cannot be reached: scores range from {number(lo)} to {number(hi)}",
            hint="scores come from risk_points of the criteria's options, below_requirement_factor and unknown_points",
        )


BAND_UNREACHABLE: Rule[LintContext] = Rule(
    "L011",
    "score-band-unreachable",
    _E,
    "A score band no possible score falls in (or an empty band).",
    "checklist",
    explanation="A score is a weighted mean of criterion points, so it lies between the fewest and the most "
    "points any scored criterion can earn (context and text criteria earn none): risk_points of its options' "
    "levels, times "
    "below_requirement_factor when a level exceeds what the criterion or a profile allows, or unknown_points. "
    "A band outside that range (or with min >= max) can never be the outcome.",
    bad=_SCORING + _FACTOR + "  bands:\n"
    "    - {id: excellent, min: 95, max: 100, label: Excellent, verdict: approvable}\n"
    "    - {id: approvable, min: 70, max: 95, label: Approvable, verdict: approvable}\n"
    "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    good=_SCORING + _FACTOR + "  bands:\n"
    "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
    "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    check=unreachable_bands,
)


def band_verdict_order(ctx: LintContext) -> Iterator[Diagnostic]:
    best_below: tuple[Band, Verdict] | None = None
    for index, band in _by_min(ctx):
        if band.verdict is None:
            continue  # format 2: bands label the index, they carry no verdict
        verdict = Verdict(band.verdict)
        if best_below is not None and verdict.severity > best_below[1].severity:
            lower = best_below[0]
            yield BAND_VERDICT_ORDER.at(
                ctx.at((*_BANDS, index, "verdict")),
                f"band '{band.id}' (from {number(band.min)}) allows at best {verdict.value}, worse than the lower "
                f"band '{lower.id}' ({lower.verdict}): a riskier answer could improve the verdict",
            )
        if best_below is None or verdict.severity < best_below[1].severity:
            best_below = (band, verdict)


BAND_VERDICT_ORDER: Rule[LintContext] = Rule(
    "L012",
    "score-band-verdict-order",
    _E,
    "A higher score band allows a worse verdict than a lower one.",
    "checklist",
    explanation="A riskier answer must never improve the outcome: as scores rise, band verdicts must stay "
    "the same or get better (not_approvable, then approvable_with_conditions, then approvable).",
    bad=_SCORING + _FACTOR + "  bands:\n"
    "    - {id: high, min: 70, max: 100, label: High, verdict: not_approvable}\n"
    "    - {id: low, min: 0, max: 70, label: Low, verdict: approvable}\n",
    good=_SCORING + _FACTOR + "  bands:\n"
    "    - {id: high, min: 70, max: 100, label: High, verdict: approvable}\n"
    "    - {id: low, min: 0, max: 70, label: Low, verdict: not_approvable}\n",
    check=band_verdict_order,
)


def risk_points_order(ctx: LintContext) -> Iterator[Diagnostic]:
    points = ctx.checklist.scoring.risk_points
    levels = list(RiskLevel)
    for safer, riskier in pairwise(levels):
        if points[riskier] > points[safer]:
            yield RISK_POINTS_ORDER.at(
                ctx.at(("scoring", "risk_points", riskier.value)),
                f"risk level {riskier.value} earns {number(points[riskier])} points, more than {safer.value} "
                f"({number(points[safer])}): a riskier answer would improve the score",
                hint="points must not rise with risk: none >= low >= medium >= high >= critical",
            )


RISK_POINTS_ORDER: Rule[LintContext] = Rule(
    "L013",
    "risk-points-not-monotone",
    _E,
    "A riskier level earns more points than a less risky one.",
    "checklist",
    explanation="Points must not rise with risk (none >= low >= medium >= high >= critical); otherwise a "
    "riskier answer improves the score.",
    bad="scoring:\n  risk_points: {none: 100, low: 80, medium: 50, high: 60, critical: 0}\n" + _FACTOR + "  bands:\n"
    "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
    "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    good="scoring:\n  risk_points: {none: 100, low: 80, medium: 50, high: 20, critical: 0}\n" + _FACTOR + "  bands:\n"
    "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
    "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    check=risk_points_order,
)
