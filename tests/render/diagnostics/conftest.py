"""Fixtures for the output-format tests: the batches of ``diag_cases`` and the shared schemas folder."""

from __future__ import annotations

from pathlib import Path

import diag_cases
import pytest

from art36.models.batch_report import BatchReport


@pytest.fixture
def sample_batch() -> BatchReport:
    return diag_cases.sample_batch()


@pytest.fixture
def empty_batch() -> BatchReport:
    return diag_cases.empty_batch()


@pytest.fixture
def clean_batch() -> BatchReport:
    return diag_cases.clean_batch()


@pytest.fixture
def hostile_batch() -> BatchReport:
    return diag_cases.hostile_batch()


@pytest.fixture(scope="session")
def schemas() -> Path:
    if not diag_cases.SCHEMAS.is_dir():
        pytest.skip(
            f"the shared schemas folder {diag_cases.SCHEMAS} is absent (it lives next to the project, not in it)"
        )
    return diag_cases.SCHEMAS
