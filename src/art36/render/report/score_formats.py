"""`art36 score --format md|html`: the full review report of every scored file, through the score-format registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from art36 import reports
from art36.models.checklist import Checklist
from art36.models.review import ReviewResult
from art36.render.report import markdown, view
from art36.render.report.markdown import esc

if TYPE_CHECKING:
    from art36.models.score_report import ScoreReport
    from art36.render.review import RenderOptions


def _views(report: ScoreReport) -> list[view.ReportView]:
    now = reports.clock()
    built = []
    for review in report.reviews():
        built.append(view.build(review, _checklists(review), now=now))
    return built


def _checklists(review: ReviewResult) -> dict[str, Checklist]:
    found = {}
    for ref in review.checklists:
        loaded = reports.resolve_recorded(ref, review.file)
        if loaded is not None and loaded.sha256 == ref.sha256:
            found[ref.id] = loaded.checklist
    return found


def _unscored(report: ScoreReport) -> list[str]:
    """One line per file that got no review (invalid, or no usable checklist)."""
    return [
        f"{esc(f.file)}: no review ({sum(d.severity == 'error' for d in f.diagnostics)} error(s); see `art36 validate`)"
        for f in report.files
        if f.review is None
    ]


class MarkdownFormat:
    """Every scored file's review report (docs/reports.md), separated by rules; unscored files listed last."""

    def render(self, report: ScoreReport, options: RenderOptions) -> str:
        parts = [markdown.render(v) for v in _views(report)]
        missing = _unscored(report)
        if missing:
            parts.append("## Files without a review\n\n" + "\n".join(f"- {line}" for line in missing) + "\n")
        return "\n\n---\n\n".join(parts)


class HtmlFormat:
    """One HTML document with every scored file's report, each printing with its own marking and verdict."""

    def render(self, report: ScoreReport, options: RenderOptions) -> str:
        from art36.render.report import html

        views = _views(report)
        if not views:
            return (
                '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>art36</title></head>'
                "<body><p>No file could be scored.</p></body></html>\n"
            )
        return html.render_many(views)
