"""JSON Schemas of the two formats, generated from the pydantic models (for editors and other validators)."""

from __future__ import annotations

import json

from pydantic import BaseModel

from art36.models.checklist import Checklist
from art36.models.system import SystemDescription

_MODELS: dict[str, type[BaseModel]] = {"system": SystemDescription, "checklist": Checklist}
_TITLES = {"system": "art36 system description", "checklist": "art36 checklist"}


def schema(which: str) -> dict[str, object]:
    generated = _MODELS[which].model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://art36.invalid/schemas/{which}.schema.json",
        "title": _TITLES[which],
        **{k: v for k, v in generated.items() if k != "title"},
    }


def schema_text(which: str) -> str:
    return json.dumps(schema(which), indent=2, ensure_ascii=False) + "\n"
