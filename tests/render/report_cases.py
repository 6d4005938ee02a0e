"""The fixed review the report tests render: the mini system file, a fixed reviewer, review date and clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from art36 import reports
from art36.models.review import ReviewResult
from art36.render.report import render, view

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "report" / "mini-system.yaml"
CLOCK = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def fixed_input(path: Path = FIXTURE) -> reports.Input:
    """The mini system scored now, recorded as if reviewed by a named reviewer on a fixed date."""
    gathered = reports.score_system(str(path))
    assert gathered.review is not None, gathered.report
    review = gathered.review.model_copy(
        update={
            "file": path.name,
            "reviewer": "A. Reviewer",
            "created_at": datetime(2026, 1, 1, 12, 0, tzinfo=UTC),
        }
    )
    gathered.review = review
    return gathered


def fixed_view(lang: str = "en", path: Path = FIXTURE) -> tuple[view.ReportView, ReviewResult]:
    gathered = fixed_input(path)
    assert gathered.review is not None
    return view.build(gathered.review, gathered.checklists, lang=lang, now=CLOCK), gathered.review


def rendered(fmt: str, lang: str = "en", path: Path = FIXTURE) -> str:
    built, review = fixed_view(lang, path)
    return render(built, review, fmt)
