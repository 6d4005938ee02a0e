"""Check the declared scoring model: bands cover 0–100 once (L009, L010), can be reached (L011), order (L012, L013)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from art36.lint import rules
from art36.lint.context import LintContext
from art36.models.checklist import Band
from art36.models.common import RiskLevel, Verdict
from art36.models.diagnostic import Diagnostic

_BANDS = ("scoring", "bands")


def _fmt(x: float) -> str:
    return f"{x:g}"


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
            yield rules.BAND_OVERLAP.at(
                ctx.at((*_BANDS, index, "min")),
                f"band '{high.id}' starts at {_fmt(high.min)}, inside band '{low.id}' "
                f"({_fmt(low.min)}–{_fmt(low.max)}): scores {_fmt(high.min)}–{_fmt(min(low.max, high.max))} "
                "fall in both",
                hint=f"start '{high.id}' at {_fmt(low.max)} or end '{low.id}' at {_fmt(high.min)}",
            )


def band_gaps(ctx: LintContext) -> Iterator[Diagnostic]:
    ordered = _by_min(ctx)
    if not ordered:
        return
    first_index, first = ordered[0]
    if first.min > 0:
        yield rules.BAND_GAP.at(
            ctx.at((*_BANDS, first_index, "min")),
            f"no band covers scores 0–{_fmt(first.min)}: the lowest band '{first.id}' starts at {_fmt(first.min)}",
            hint=f"start '{first.id}' at 0",
        )
    covered, last_index, last = first.max, first_index, first
    for index, band in ordered[1:]:
        if band.min > covered:
            yield rules.BAND_GAP.at(
                ctx.at((*_BANDS, index, "min")),
                f"no band covers scores {_fmt(covered)}–{_fmt(band.min)}: band '{band.id}' starts at "
                f"{_fmt(band.min)}, but the band below ends at {_fmt(covered)}",
                hint=f"start '{band.id}' at {_fmt(covered)}",
            )
        if band.max >= covered:
            covered, last_index, last = band.max, index, band
    if covered < 100:
        yield rules.BAND_GAP.at(
            ctx.at((*_BANDS, last_index, "max")),
            f"no band covers scores {_fmt(covered)}–100: the highest band '{last.id}' ends at {_fmt(covered)}",
            hint=f"end '{last.id}' at 100",
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
                    points.add(model.risk_points[level] * (model.below_requirement_factor if below else 1))
    return (min(points), max(points)) if points else None


def unreachable_bands(ctx: LintContext) -> Iterator[Diagnostic]:
    reach = score_range(ctx)
    for index, band in enumerate(ctx.checklist.scoring.bands):
        span = f"{_fmt(band.min)}–{_fmt(band.max)}"
        if _empty(band):
            yield rules.BAND_UNREACHABLE.at(
                ctx.at((*_BANDS, index, "max")),
                f"band '{band.id}' ({span}) is empty: its max must be above its min",
            )
            continue
        if reach is None:
            continue
        lo, hi = reach
        if band.min <= hi and (band.max == 100 or lo < band.max):
            continue
        yield rules.BAND_UNREACHABLE.at(
            ctx.at((*_BANDS, index)),
            f"band '{band.id}' ({span}) cannot be reached: scores range from {_fmt(lo)} to {_fmt(hi)}",
            hint="scores come from risk_points of the criteria's options, below_requirement_factor and unknown_points",
        )


def band_verdict_order(ctx: LintContext) -> Iterator[Diagnostic]:
    best_below: tuple[Band, Verdict] | None = None
    for index, band in _by_min(ctx):
        verdict = Verdict(band.verdict)
        if best_below is not None and verdict.severity > best_below[1].severity:
            lower = best_below[0]
            yield rules.BAND_VERDICT_ORDER.at(
                ctx.at((*_BANDS, index, "verdict")),
                f"band '{band.id}' (from {_fmt(band.min)}) allows at best {verdict.value}, worse than the lower "
                f"band '{lower.id}' ({lower.verdict}): a riskier answer could improve the verdict",
            )
        if best_below is None or verdict.severity < best_below[1].severity:
            best_below = (band, verdict)


def risk_points_order(ctx: LintContext) -> Iterator[Diagnostic]:
    points = ctx.checklist.scoring.risk_points
    levels = list(RiskLevel)
    for safer, riskier in pairwise(levels):
        if points[riskier] > points[safer]:
            yield rules.RISK_POINTS_ORDER.at(
                ctx.at(("scoring", "risk_points", riskier.value)),
                f"risk level {riskier.value} earns {_fmt(points[riskier])} points, more than {safer.value} "
                f"({_fmt(points[safer])}): a riskier answer would improve the score",
                hint="points must not rise with risk: none >= low >= medium >= high >= critical",
            )
