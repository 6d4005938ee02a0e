"""Golden files for the Markdown and HTML reports of a fixed review (fixed clock); JSON checked against its schema.

Regenerate after an intended change with ``ART36_UPDATE_GOLDEN=1 pytest tests/render/test_report_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from report_cases import rendered

from art36.schemas import schema

GOLDEN = Path(__file__).resolve().parent / "golden" / "report"


@pytest.mark.parametrize(
    ("fmt", "lang", "name"), [("md", "en", "mini.md"), ("html", "en", "mini.html"), ("md", "nl", "mini.nl.md")]
)
def test_report_matches_golden_file(fmt: str, lang: str, name: str) -> None:
    text = rendered(fmt, lang)
    path = GOLDEN / name
    if os.environ.get("ART36_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; if intended, regenerate (see module docstring)"


def test_json_report_is_the_review_and_valid_under_the_review_schema() -> None:
    data = json.loads(rendered("json"))
    Draft202012Validator(schema("review")).validate(data)
    assert data["system"] == "Mini interceptor"
    assert [u["verdict"] for u in data["uses"]] == ["approvable", "not_approvable", "incomplete"]


def test_published_review_schema_is_current() -> None:
    published = json.loads((Path(__file__).resolve().parents[2] / "schemas" / "review.schema.json").read_text())
    assert published == schema("review"), "run `make schemas`"


def test_dutch_report_translates_headings_not_data() -> None:
    text = rendered("md", "nl")
    assert "Samenvatting" in text and "Handtekeningen" in text and "Herleidbaarheid" in text
    assert "niet toelaatbaar" in text
    assert "Mini interceptor" in text


def test_answer_log_next_to_a_saved_review_is_summarised(tmp_path: Path) -> None:
    from report_cases import fixed_input

    from art36 import reports
    from art36.render.report import render, view

    review = fixed_input().review
    assert review is not None
    saved = tmp_path / "mini.review.json"
    saved.write_text(review.model_dump_json(), encoding="utf-8")
    lines = [
        {
            "time": "2026-01-01T10:00:00Z",
            "reviewer": "A. Reviewer",
            "use": None,
            "criterion": "t.aim",
            "action": "answered",
            "old": None,
            "new": True,
        },
        {
            "time": "2026-01-01T10:05:00Z",
            "reviewer": "A. Reviewer",
            "use": None,
            "criterion": "t.target",
            "old": None,
            "new": "persons",
        },
        {
            "time": "2026-01-01T11:00:00Z",
            "reviewer": "B. Second",
            "use": None,
            "criterion": "t.target",
            "old": "persons",
            "new": "vehicles",
        },
    ]
    (tmp_path / "mini.answers.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8"
    )
    gathered = reports.gather(str(saved))
    log = gathered.answer_log
    assert log is not None
    assert (log.entries, log.reviewers, log.criteria, log.revised, log.unreadable_lines) == (
        3,
        ("A. Reviewer", "B. Second"),
        2,
        1,
        1,
    )
    assert log.actions == ("answered: 1",)
    assert (log.first, log.last) == ("2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z")
    assert gathered.review is not None
    built = view.build(gathered.review, gathered.checklists, now=reports.clock(), answer_log=log)
    for fmt in ("md", "html", "text"):
        out = render(built, gathered.review, fmt)
        assert "B. Second" in out.replace("\\", "") and log.sha256 in out


def test_html_is_self_contained() -> None:
    """Inline CSS and SVG only: no script, no external URL, font, image or stylesheet."""
    html = rendered("html")
    lowered = html.lower()
    for banned in ("<script", "http://", "https://", "url(", "@import", "@font-face", " src=", "<link", "<img"):
        assert banned not in lowered, banned
    assert lowered.count("<svg") == 3 and "<style>" in lowered and "@page" in lowered
