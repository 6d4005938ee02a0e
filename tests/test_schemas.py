"""The published JSON Schemas accept what art36 accepts (shorthand answers included) and reject schema errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[1]


def validator(which: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / f"{which}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_examples_are_valid_under_the_system_schema(path: Path) -> None:
    errors = [f"{list(e.path)}: {e.message}" for e in validator("system").iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


@pytest.mark.parametrize("path", sorted((ROOT / "checklists").glob("*.yaml")), ids=lambda p: p.name)
def test_builtin_checklists_are_valid_under_the_checklist_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text())
    assert [e.message for e in validator("checklist").iter_errors(data)] == []


@pytest.mark.parametrize("name", ["unknown-key.yaml", "version-as-float.yaml"])
def test_schema_level_defects_are_rejected_by_the_schema_too(name: str) -> None:
    data = yaml.safe_load((ROOT / "examples" / "invalid" / name).read_text())
    assert list(validator("system").iter_errors(data)) != []
