"""JSON Schemas of the input formats and of the review output, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel

from art36.models.checklist import Checklist
from art36.models.review import ReviewResult
from art36.models.score_report import ScoreReport
from art36.models.system import SystemDescription

_MODELS: dict[str, type[BaseModel]] = {
    "system": SystemDescription,
    "checklist": Checklist,
    "review": ReviewResult,
    "score": ScoreReport,
}
_TITLES = {
    "system": "art36 system description",
    "checklist": "art36 checklist",
    "review": "art36 review (one system file, every intended use scored)",
    "score": "art36 score report (`art36 score --format json`)",
}
#: The names `art36 schema` accepts, in the order its help lists them.
NAMES: tuple[str, ...] = tuple(_MODELS)


def schema(which: str) -> dict[str, object]:
    # Output models are described as they are written ("serialization"); inputs as they are read.
    mode: Literal["validation", "serialization"] = "serialization" if which in ("review", "score") else "validation"
    generated = _MODELS[which].model_json_schema(by_alias=True, mode=mode)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://art36.invalid/schemas/{which}.schema.json",
        "title": _TITLES[which],
        **{k: v for k, v in generated.items() if k != "title"},
    }


def schema_text(which: str) -> str:
    return json.dumps(schema(which), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
