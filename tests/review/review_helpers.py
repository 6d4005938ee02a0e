"""Helpers shared by the review tests: the mini checklist's path and a strict system-file loader."""

from __future__ import annotations

from pathlib import Path

from art36 import load
from art36.models.system import SystemDescription

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini-checklist.yaml"


def load_system(path: Path) -> SystemDescription:
    loaded = load.load_file(path, str(path), SystemDescription)
    assert loaded.model is not None, loaded.diagnostics
    return loaded.model
