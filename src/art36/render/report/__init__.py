"""Review reports (Markdown, HTML, terminal text, JSON), all rendered from one ReportView built from the review."""

from __future__ import annotations

from art36.models.review import ReviewResult
from art36.render.report.view import ReportView

FORMATS = ("md", "html", "json", "text")
EXTENSIONS = {"md": ".md", "html": ".html", "json": ".json", "text": ".txt"}


def review_json(review: ReviewResult) -> str:
    """The JSON report is the review model itself (``art36 schema review``)."""
    return review.model_dump_json(indent=2) + "\n"


def render(view: ReportView, review: ReviewResult, fmt: str, *, color: bool = False) -> str:
    """``view`` (or, for JSON, ``review`` itself) in format ``fmt``."""
    if fmt == "json":
        return review_json(review)
    if fmt == "md":
        from art36.render.report import markdown

        return markdown.render(view)
    if fmt == "html":
        from art36.render.report import html

        return html.render(view)
    if fmt == "text":
        from art36.render.report import text

        return text.render(view, color=color)
    raise ValueError(f"unknown report format {fmt!r}")
