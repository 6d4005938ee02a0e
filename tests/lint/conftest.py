"""Fixtures for the lint tests: checklist text built from tests/fixtures/lint/minimal.yaml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

LINT_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lint"


def _patched(patch: str) -> str:
    """minimal.yaml with the top-level keys of ``patch`` replaced (or added)."""
    document = yaml.safe_load((LINT_FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    document.update(yaml.safe_load(patch) or {})
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


@pytest.fixture
def patched() -> Callable[[str], str]:
    return _patched
