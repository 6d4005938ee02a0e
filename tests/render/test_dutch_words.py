"""`--lang nl`: no English word of our own catalogue (art36.i18n) is left in `show` or in any report format.

The list of English words is derived from the catalogue, not written here: every English text whose Dutch differs,
cut at its ``{fields}``; a piece that is also a word of our Dutch texts (``criteria``, ``Checklist``) does not count.
What the words are checked in is the output minus what is not ours to translate: the review record's own strings
(user text, ids, answers, and the reasons and derivations the scoring writes in English), identifiers, the values a
system file uses for options, and source citations.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from art36 import reports
from art36.i18n import MESSAGES, Translator
from art36.render.checklist import show
from art36.render.report import render, text, view
from art36.render.report.answer_log import LogSummary
from tests_paths import ROOT

#: Record fields whose values the report translates (risk levels, statuses, margins, verdicts, kinds, bases):
#: these stay in the output and are checked.
_TRANSLATED = {"verdict", "risk_level", "max_level", "required_level", "limit", "status", "margin", "kind", "basis"}
_EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _dutch_words() -> set[str]:
    return {w for entry in MESSAGES.values() for w in re.findall(r"\w+", entry.get("nl", ""))}


def english_fixed_words() -> list[str]:
    """Every English piece of the catalogue that --lang nl must not show (derived from art36.i18n)."""
    dutch = _dutch_words()
    found: set[str] = set()
    for entry in MESSAGES.values():
        en, nl = entry.get("en", ""), entry.get("nl", "")
        if not en or en == nl:
            continue
        for piece in re.split(r"\{[^}]*\}", en):
            piece = piece.strip(" .,:;!?()[]'`\"-—·/|<>=…\n")
            if len(piece) < 3 or not re.search(r"[A-Za-z]{3}", piece):
                continue
            if all(w in dutch for w in re.findall(r"\w+", piece)):
                continue
            found.add(piece)
    return sorted(found)


def test_the_derived_list_holds_our_fixed_words() -> None:
    words = english_fixed_words()
    for expected in ("Rationale", "levels above", "margin", "Reasons for the verdict", "asked when", "default limit"):
        assert expected in words
    assert "criteria" not in words and "Status" not in words


def _leftovers(shown: str, strip: set[str]) -> list[str]:
    for s in sorted(strip, key=len, reverse=True):
        if s:
            shown = shown.replace(s, " ")
    shown = re.sub(r"\b[\w-]+(?:[._:][\w-]+)+\b", " ", shown)  # identifiers: mhc.target.type, open_sea, mhc:sea
    return [w for w in english_fixed_words() if re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", shown)]


def _record_strings(data: Any, key: str = "") -> Iterator[str]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _record_strings(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from _record_strings(v, key)
    elif isinstance(data, str) and key not in _TRANSLATED:
        yield data


def _plain(fmt: str, shown: str) -> str:
    if fmt == "md":
        return re.sub(r"\\(.)", r"\1", shown.replace("<br>", "\n").replace("&#32;", " "))
    if fmt == "html":
        shown = re.sub(r"<style>.*?</style>", " ", shown, flags=re.S)
        return html.unescape(re.sub(r"<[^>]+>", " ", shown))
    return shown


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
@pytest.mark.parametrize("example", _EXAMPLES, ids=lambda p: p.stem)
def test_dutch_report_has_no_english_fixed_word(example: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "WIDTH", 4000)  # no wrapping, so the record's strings can be taken out whole
    gathered = reports.gather(str(example))
    assert gathered.review is not None
    log = LogSummary(
        path="x.answers.jsonl",
        sha256="0" * 64,
        entries=3,
        reviewers=("A",),
        first="t1",
        last="t2",
        criteria=2,
        revised=1,
        actions=("answered 2",),
        unreadable_lines=0,
    )
    built = view.build(gathered.review, gathered.checklists, lang="nl", now=reports.clock(), answer_log=log)
    shown = _plain(fmt, render(built, gathered.review, fmt))
    record = set(_record_strings(json.loads(gathered.review.model_dump_json())))
    record |= {f(r) for r in record for f in (view._sentence, lambda r: view._sentence(r)[:-1])}  # the basis line
    citations = {r for u in built.uses for s in u.sections for c in s.criteria for r in c.references}
    citations |= {r for u in built.uses for x in (*u.red_lines, *u.refusals) for r in x.references}
    codes = {str(o.value) for c in gathered.checklists.values() for k in c.criteria.values() for o in k.choices()}
    codes |= {f"'{b.id}'" for c in gathered.checklists.values() for b in c.scoring.bands}
    assert _leftovers(shown, record | citations | codes | set(log.actions)) == []


def _dutch_texts(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        if isinstance(data.get("nl"), str):
            yield data["nl"]
        for v in data.values():
            yield from _dutch_texts(v)
    elif isinstance(data, list | tuple):
        for v in data:
            yield from _dutch_texts(v)


#: `show --format json` keys whose values are codes (ids, enum values), not text to translate.
_SHOW_CODES = {
    "id",
    "value",
    "answer_type",
    "legal_status",
    "max_risk",
    "risk_level",
    "basis",
    "verdict",
    "profile",
    "criterion",
    "unit",
    "references",
    "version",
    "languages",
}


def _show_texts(data: Any, key: str = "") -> Iterator[str]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _show_texts(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from _show_texts(v, key)
    elif isinstance(data, str) and key not in _SHOW_CODES:
        yield data


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
@pytest.mark.parametrize("checklist", ["mhc", "art36-core"])
def test_dutch_show_has_no_english_fixed_word(checklist: str, fmt: str) -> None:
    from art36.catalog import Catalog

    loaded = Catalog().resolve(checklist, None)
    data = loaded.checklist  # type: ignore[union-attr]
    tr = Translator("nl")
    if fmt == "text":
        shown = show.render_text(data, None, tr, width=4000)
    elif fmt == "md":
        shown = re.sub(r"\\(.)", r"\1", show.render_md(data, None, tr))
    else:  # JSON: the texts only; keys and values such as "max_risk": "high" are the data's codes
        shown = "\n".join(_show_texts(json.loads(show.render_json(data, None, tr))))
    citations = {str(r) for c in data.criteria.values() for r in c.references}
    citations |= {str(r) for x in data.red_lines for r in x.references}
    codes = {str(o.value) for c in data.criteria.values() for o in c.choices()} | {"unknown", "not_applicable"}
    codes |= {x.id for x in (*data.sections, *data.profiles, *data.red_lines)}
    texts = set(_dutch_texts(data.model_dump()))  # the checklist's own Dutch (which may quote 'fire and forget')
    codes |= {c.unit for c in data.criteria.values() if c.unit}  # no nl field for units: shown "[en] minutes"
    assert tr.fallbacks <= codes  # only the units fell back to English
    assert _leftovers(shown, citations | codes | texts) == []
