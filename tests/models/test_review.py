"""The review model: versioned, frozen, traceable, and described by the published JSON Schemas."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from art36 import __version__
from art36.models.review import SCHEMA_VERSION, ReviewResult
from art36.models.score_report import ScoreReport, scored_file
from art36.pipeline import Job, run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def review(name: str) -> ReviewResult:
    outcome = run(Job(display=f"examples/{name}", path=str(EXAMPLES / name)))
    assert outcome.result is not None
    return outcome.result


def schema(which: str) -> Draft202012Validator:
    data = json.loads((ROOT / "schemas" / f"{which}.schema.json").read_text())
    Draft202012Validator.check_schema(data)
    return Draft202012Validator(data)


def test_a_review_carries_its_version_and_what_it_was_computed_from():
    result = review("patriot.yaml")
    assert result.schema_version == SCHEMA_VERSION == 1
    assert (result.tool.name, result.tool.version) == ("art36", __version__)
    assert result.system_sha256 == hashlib.sha256((EXAMPLES / "patriot.yaml").read_bytes()).hexdigest()
    assert {c.id for c in result.checklists} == {"mhc", "art36-core"}
    builtin = ROOT / "src" / "art36" / "checklists"
    for ref in result.checklists:
        assert ref.sha256 == hashlib.sha256((builtin / f"{ref.id}.yaml").read_bytes()).hexdigest()
        assert ref.version
    assert result.evidence and all(e.sha256 and len(e.sha256) == 64 for e in result.evidence)
    assert result.reviewer is None and result.created_at is None  # score leaves them to the interactive review


def test_a_review_is_frozen_and_rejects_unknown_keys_and_versions():
    result = review("goalkeeper.yaml")
    with pytest.raises(ValidationError):
        result.verdict = result.verdict  # type: ignore[misc]
    data = result.model_dump(mode="json")
    with pytest.raises(ValidationError):
        ReviewResult.model_validate({**data, "colour": "red"})
    with pytest.raises(ValidationError):
        ReviewResult.model_validate({**data, "schema_version": 2})


def test_reviewer_and_timestamp_round_trip():
    stamped = review("goalkeeper.yaml").model_copy(
        update={"reviewer": "J. Jansen", "created_at": datetime(2026, 11, 30, 4, 0, tzinfo=UTC)}
    )
    again = ReviewResult.model_validate_json(stamped.model_dump_json())
    assert again == stamped and again.created_at is not None and again.created_at.tzinfo is not None


def test_use_lookup_finds_the_deciding_use():
    result = review("loitering-munition.yaml")
    assert result.use(result.deciding_use).verdict is result.verdict
    with pytest.raises(KeyError):
        result.use("no-such-use")


@pytest.mark.parametrize("name", ["goalkeeper.yaml", "loitering-munition.yaml", "counter-drone-turret.yaml"])
def test_every_review_is_valid_under_the_published_review_schema(name):
    data = review(name).model_dump(mode="json")
    assert [e.message for e in schema("review").iter_errors(data)] == []
    assert list(schema("review").iter_errors({**data, "verdict": "fine"})) != []


def test_the_score_report_is_valid_under_the_published_score_schema():
    outcome = run(Job(display="examples/patriot.yaml", path=str(EXAMPLES / "patriot.yaml")))
    broken = run(Job(display="x.yaml", text="name: [x\n"))
    report = ScoreReport.build(
        [scored_file(outcome.report, outcome.result, outcome.system), scored_file(broken.report, None)], "9.9"
    )
    data = report.model_dump(mode="json")
    assert [e.message for e in schema("score").iter_errors(data)] == []
    assert data["summary"] == {
        "files": 2,
        "errors": 1,
        "warnings": 0,
        "verdicts": {
            "prohibited": 0,
            "not_approvable": 0,
            "incomplete": 0,
            "approvable_with_conditions": 1,
            "approvable": 0,
            "out_of_scope": 0,
        },
    }
    assert data["files"][1]["review"] is None and data["files"][1]["valid"] is False
    assert report.reviews() == [outcome.result]
