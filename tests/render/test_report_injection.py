"""Hostile text in every user-supplied field comes out literal in every report format (and in diff)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from report_cases import FIXTURE, rendered

PAYLOAD = (
    "<script>alert(1)</script><img src=x onerror=alert(2)> | [link](https://evil.example/a) "
    "![img](https://evil.example/i.png) **bold** <https://evil.example/b> www.evil.example me@evil.example "
    "[red]markup[/red] [link=https://evil.example]x[/link] \x1b[31mRED\x1b]0;title\x07 $x$ &amp; `code`"
)
#: The payload as it must read once rendered (control characters shown as \xNN).
LITERAL = PAYLOAD.replace("\x1b", "\\x1b").replace("\x07", "\\x07")


def _hostile_system(tmp_path: Path) -> Path:
    """The mini system with the payload in every free-text field a system file has (and the marking)."""
    text = FIXTURE.read_text(encoding="utf-8")
    quoted = json.dumps(PAYLOAD)
    text = text.replace("name: Mini interceptor", f"name: {quoted}")
    text = text.replace('version: "1.2"', f"version: {quoted}")
    text = text.replace("classification: RESTRICTED // test marking", f"classification: {quoted}")
    text = text.replace("rationale: Guided to a designated track.", f"rationale: {quoted}")
    text = text.replace("{document: Logging design note}", f"{{document: {quoted}, description: {quoted}}}")
    text = text.replace("t.notes: Built for tests.", f"t.notes: {quoted}")
    text = text.replace("title: Point defence at sea", f"title: {quoted}")
    folder = tmp_path / "sys"
    folder.mkdir()
    (tmp_path / "mini-checklist.yaml").write_text(
        (FIXTURE.parent.parent / "mini-checklist.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "evidence").mkdir()
    (folder / "evidence" / "trial-7.txt").write_text("trial\n", encoding="utf-8")
    path = folder / "mini-system.yaml"
    path.write_text(text, encoding="utf-8")
    return path


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_shows_the_payload_as_text(tmp_path: Path) -> None:
    out = rendered("html", path=_hostile_system(tmp_path))
    parser = _Tags()
    parser.feed(out)
    assert not any(tag in ("script", "img", "a", "iframe", "link", "object") for tag, _ in parser.tags)
    assert not any(name.startswith("on") for _, attrs in parser.tags for name, _ in attrs)
    assert "evil.example" not in " ".join(str(v) for _, attrs in parser.tags for _, v in attrs)
    assert "\x1b" not in out and "\x07" not in out
    assert "".join(parser.text).count(LITERAL) >= 6  # name, version, marking, rationale, evidence, answer, title
    style = out[out.index("<style>") : out.index("</style>")]
    # the marking in the @page header and footer is CSS-escaped: it cannot close the string, the rule or the tag
    assert "<" not in style[len("<style>") :] and "url(" not in style and "\\00003cscript" in style


def test_markdown_shows_the_payload_as_text(tmp_path: Path) -> None:
    out = rendered("md", path=_hostile_system(tmp_path))
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(out)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>bold</strong>" not in html and "<code>code</code>" not in html
    assert "\x1b" not in out and "\x07" not in out
    parser = _Tags()
    parser.feed(html)
    assert "".join(parser.text).count(LITERAL) >= 6
    # GFM would autolink bare URLs and e-mail addresses: none survive as a pattern a linkifier can find
    assert not re.search(r"https?://|www\.evil|me@evil", out)


@pytest.mark.parametrize("color", [False, True])
def test_terminal_text_shows_the_payload_literally(tmp_path: Path, color: bool) -> None:
    from report_cases import fixed_view

    from art36.render.report.text import render

    built, _ = fixed_view(path=_hostile_system(tmp_path))
    out = render(built, color=color)
    assert "\x07" not in out and "\x1b]" not in out
    escapes = set(re.findall(r"\x1b\[[0-9;]*m", out))
    assert "\x1b[31m" not in escapes or color  # only rich's own SGR codes, never the payload's
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "[red]markup[/red]" in plain and "[link=https://evil.example]x[/link]" in plain
    assert "\\x1b[31mRED\\x1b]0;title\\x07" in plain


def test_json_keeps_the_payload_exactly(tmp_path: Path) -> None:
    data = json.loads(rendered("json", path=_hostile_system(tmp_path)))
    assert data["system"] == PAYLOAD and data["classification"] == PAYLOAD
