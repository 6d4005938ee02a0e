"""No report format drops a field another shows: every value of the review JSON appears in Markdown, HTML and text."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from report_cases import fixed_view

from art36.render.report import render
from art36.render.report.markdown import esc

#: Keys whose values are shown as words rather than verbatim (booleans) or are the record's own version number.
_SKIP_KEYS = {"required", "schema_version"}


def _leaves(data: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from _leaves(v, key)
    else:
        yield key, data


def _expected(review_json: dict[str, Any]) -> set[str]:
    values = set()
    for key, value in _leaves(review_json):
        if key in _SKIP_KEYS or value is None or isinstance(value, bool):
            continue
        if isinstance(value, float | int):
            values.add(f"{value:.1f}" if key in ("score", "points") else f"{value:g}")
        elif key == "created_at":
            values.add(str(value).replace("Z", "+00:00"))
        else:
            values.add(str(value))
    return values


def _squash(text: str) -> str:
    """Whitespace and box-drawing characters removed, so wrapped terminal lines still contain each value."""
    return re.sub(r"[\s\u2500-\u257f]", "", text)


def _html_text(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def _md_text(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.replace("<br>", "\n").replace("&#32;", " "))


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_every_review_value_is_in_every_format(fmt: str) -> None:
    built, review = fixed_view()
    data = json.loads(review.model_dump_json())
    expected = _expected(data)
    assert len(expected) > 100  # the fixture really has the fields (rationale, evidence, derivations...)
    shown = render(built, review, fmt)
    plain = {"md": _md_text, "html": _html_text, "text": lambda s: s}[fmt](shown)
    haystack = _squash(plain)
    missing = sorted(v for v in expected if _squash(v) not in haystack)
    assert missing == [], f"{fmt} drops {missing[:10]}"


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_every_view_string_is_in_every_format(fmt: str) -> None:
    """The report's own content (question texts, limit rationales, the model in words) is in every format too."""
    built, review = fixed_view()
    shown = render(built, review, fmt)
    plain = {"md": _md_text, "html": _html_text, "text": lambda s: s}[fmt](shown)
    haystack = _squash(plain)
    data = built.model_dump(mode="json", exclude={"lang"})
    strings = {str(v) for k, v in _leaves(data) if isinstance(v, str) and v and k not in ("verdict",)}
    missing = sorted(v for v in strings if _squash(v) not in haystack)
    assert missing == [], f"{fmt} drops {missing[:10]}"


def test_markdown_escape_is_reversible() -> None:
    for sample in ("a|b [x](y) *z* <i> `c` \\ www.example.org", "- item", "12) x", "  # h", "=== x"):
        assert _md_text(esc(sample)) == sample
    assert esc("12) x") == "12\\) x" and esc("  - a") == "&#32;&#32;\\- a"
