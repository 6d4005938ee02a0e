"""One wording for numbers, answers and suggestions in every message."""

from __future__ import annotations

from art36 import wording


def test_numbers() -> None:
    assert [wording.number(x) for x in (70, 70.0, 12.5, 66.666, 0.1, None)] == [
        "70",
        "70",
        "12.5",
        "66.67",
        "0.1",
        "none",
    ]


def test_values_and_answers_are_written_as_yaml_writes_them() -> None:
    assert wording.values([True, "materiel", 10]) == "true, materiel, 10"
    assert wording.values([]) == "none"
    assert wording.answer("sometimes") == "'sometimes'"
    assert wording.answer(False) == "false"
    assert wording.answer(("a", 5)) == "['a', 5]"


def test_did_you_mean_only_when_close() -> None:
    assert wording.did_you_mean("mhcc", ["mhc", "art36-core"]) == "did you mean 'mhc'?"
    assert wording.did_you_mean("zzz", ["mhc"]) == ""
    assert wording.close_match("c.targte", ["c.target", "c.abort"], cutoff=0.7) == "c.target"


def test_counts_agree_with_their_noun() -> None:
    assert wording.count(1, "criterion", "criteria") == "1 criterion"
    assert wording.count(0, "criterion", "criteria") == "0 criteria"
    assert wording.count(3, "criterion", "criteria") == "3 criteria"
