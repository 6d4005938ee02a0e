"""`art36 rules` and `--explain` read the rule registry: one line (or JSON object) per rule, the docs as written."""

from __future__ import annotations

import json

from art36 import rules
from art36.checks import answers
from art36.render.rules import explanation, listing


def test_the_text_listing_has_one_aligned_line_per_rule() -> None:
    every = rules.all_rules()
    lines = listing(every, "text").splitlines()
    assert [line.split()[0] for line in lines] == [r.code for r in every]
    assert len({line.index(r.severity.value) for line, r in zip(lines, every, strict=True)}) == 1  # one column


def test_the_json_listing_round_trips() -> None:
    data = json.loads(listing(rules.all_rules(), "json"))
    assert data[0] == {
        "code": "A001",
        "name": "unknown-checklist",
        "severity": "error",
        "applies_to": "system",
        "summary": rules.get("A001").summary,  # type: ignore[union-attr]
    }
    assert len(data) == len(rules.all_rules())


def test_explain_shows_summary_and_indented_bad_and_good_examples() -> None:
    text = explanation(answers.INVALID_ANSWER)
    assert text.startswith("A003 invalid-answer (error, system files)\n\n")
    assert "Bad:\n    answers:\n      mhc.hmi.deactivation: sometimes\n" in text
    assert text.endswith("Good:\n    answers:\n      mhc.hmi.deactivation: limited\n")
