"""Shared fixtures for the review engine tests: a two-use system on the mini checklist."""

from __future__ import annotations

from pathlib import Path

import pytest

from art36 import load
from art36.catalog import Catalog, LoadedChecklist
from art36.models.system import SystemDescription
from art36.review import document

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini-checklist.yaml"


@pytest.fixture
def two_uses() -> SystemDescription:
    return document.new_system("Test system", "UNCLASSIFIED", [str(MINI)], [("sea", "At sea"), ("town", "In town")])


@pytest.fixture(scope="session")
def mini_loaded() -> LoadedChecklist:
    found = Catalog().resolve(str(MINI))
    assert isinstance(found, LoadedChecklist)
    return found


def load_system(path: Path) -> SystemDescription:
    loaded = load.load_file(path, str(path), SystemDescription)
    assert loaded.model is not None, loaded.diagnostics
    return loaded.model
