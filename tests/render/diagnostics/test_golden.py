"""Golden files: the exact output of each format for the sample batch, reviewed in the diff when it changes.

Regenerate with ``ART36_UPDATE_GOLDEN=1 pytest tests/render/diagnostics/test_golden.py``. SARIF has no golden file:
its rule list grows with every new rule, so its tests check the structure instead.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from art36 import __version__
from art36.models.batch_report import BatchReport
from art36.render.diagnostics import RenderOptions, render
from art36.render.diagnostics.junit import JUnitFormat

GOLDEN = Path(__file__).parent / "golden"


def _junit(batch: BatchReport) -> str:
    fmt = JUnitFormat(timestamp=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), hostname="localhost")
    return fmt.render(batch, RenderOptions())


OUTPUTS = {
    "sample.txt": lambda b: render(b, "text"),
    "sample.color.txt": lambda b: render(b, "text", color=True),
    "sample.json": lambda b: render(b, "json"),
    "sample.github.txt": lambda b: render(b, "github"),
    "sample.junit.xml": _junit,
}


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_golden(name: str, sample_batch: BatchReport, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The version is a placeholder, so that a release does not rewrite the golden files.
    actual = OUTPUTS[name](sample_batch).replace(f'"{__version__}"', '"{version}"')
    path = GOLDEN / name
    if os.environ.get("ART36_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert actual == path.read_bytes().decode("utf-8")
