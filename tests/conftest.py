"""Shared test helpers: the project root and the mini checklist."""

from __future__ import annotations

from pathlib import Path

import pytest

from art36 import load
from art36.models.checklist import Checklist

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def mini() -> Checklist:
    loaded = load.load((FIXTURES / "mini-checklist.yaml").read_text(), "mini-checklist.yaml", Checklist)
    assert loaded.diagnostics == (), loaded.diagnostics
    assert loaded.model is not None
    return loaded.model
