"""Shared fixtures for the review engine tests: a two-use system on the mini checklist."""

from __future__ import annotations

import pytest
from review_helpers import MINI

from art36.catalog import Catalog, LoadedChecklist
from art36.models.system import SystemDescription
from art36.review import document


@pytest.fixture
def two_uses() -> SystemDescription:
    return document.new_system("Test system", "UNCLASSIFIED", [str(MINI)], [("sea", "At sea"), ("town", "In town")])


@pytest.fixture(scope="session")
def mini_loaded() -> LoadedChecklist:
    found = Catalog().resolve(str(MINI))
    assert isinstance(found, LoadedChecklist)
    return found
