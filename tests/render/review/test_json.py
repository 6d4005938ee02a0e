"""`score -f json`'s fast record writer gives, byte for byte, what the reference path (``json.dumps``) gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from art36.models.score_report import ScoredFile, scored_file
from art36.pipeline import Job, run
from art36.render.review.json import _dumps, _needs_escapes, record_json
from art36.textsafe import json_text

ROOT = Path(__file__).resolve().parents[3]
SYSTEMS = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "examples" / "calibration").glob("*.yaml"))


def _record(path: Path) -> ScoredFile:
    outcome = run(Job(display=str(path.relative_to(ROOT)), path=str(path)))
    assert outcome.result is not None, path
    return scored_file(outcome.report, outcome.result, outcome.system)


def _reference(record: ScoredFile) -> str:
    return _dumps(record.model_dump(mode="json"), 4)


@pytest.mark.parametrize("path", SYSTEMS, ids=lambda p: p.name)
def test_each_example_record_is_the_reference_json(path: Path) -> None:
    record = _record(path)
    assert record_json(record) == _reference(record)


@pytest.mark.parametrize(
    "name",
    [
        "plain ascii",
        "DEL \x7f in a name",
        "C1 control \x85 and \x9b",
        "bidi \u202e override and \u2066 isolate and \u061c mark",
        "separators \u2028 \u2029 and marks \u200e \u200f",
        "harmless \u00a7 section, \u2013 dash, \u201cquotes\u201d, \u2026, \u00dc",
    ],
)
def test_records_with_characters_to_escape_match_the_reference(name: str) -> None:
    record = _record(ROOT / "examples" / "patriot.yaml")
    assert record.review is not None
    odd = record.model_copy(
        update={"system": name, "review": record.review.model_copy(update={"system": name, "classification": name})}
    )
    fast = record_json(odd)
    assert fast == _reference(odd)
    assert "\u202e" not in fast and "\x85" not in fast and "\x7f" not in fast


def test_the_byte_search_finds_exactly_what_json_text_escapes() -> None:
    """Every character outside the surrogates (which pydantic refuses; the reference path writes them)."""
    for code in [*range(0x20, 0xD800), *range(0xE000, 0x10000), 0x1F600, 0xE0001]:
        dumped = json.dumps(chr(code), ensure_ascii=False)
        assert _needs_escapes(dumped.encode("utf-8")) == (json_text(dumped) != dumped), hex(code)


@pytest.mark.parametrize("number", [1e-5, 5e-5, 1e-6, 2.5e-7, 1.23e-6, 1.5e-9, 1e-10, 3e-15, 0.0001, 1e16, 12.5])
def test_records_with_very_small_or_large_numbers_match_the_reference(number: float) -> None:
    """pydantic writes floats below 1e-4 as ``0.00001`` or ``2.5e-7``; json.dumps as ``1e-05``, ``2.5e-07``."""
    record = _record(ROOT / "examples" / "patriot.yaml")
    assert record.review is not None
    use = record.review.uses[0]
    criteria = (use.criteria[0].model_copy(update={"answer": number, "points": number}), *use.criteria[1:])
    review = record.review.model_copy(update={"uses": (use.model_copy(update={"criteria": criteria}),)})
    odd = record.model_copy(update={"review": review})
    assert record_json(odd) == _reference(odd)
