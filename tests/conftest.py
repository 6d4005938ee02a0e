"""Shared test helpers: the project root and the mini checklist."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from art36 import load
from art36.models.checklist import Checklist

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Tests mirror src/ (tests/checks/test_system.py, tests/models/test_system.py...), so pytest imports them by path
# (--import-mode=importlib) and puts nothing on sys.path: the folders holding shared helper modules
# (rule_cases.py, diag_cases.py...) are added here.
for _folder in sorted({p.parent for p in Path(__file__).resolve().parent.rglob("*.py")}):
    if any(not p.name.startswith(("test_", "conftest")) for p in _folder.glob("*.py")):
        sys.path.insert(0, str(_folder))


def pytest_configure(config: pytest.Config) -> None:
    """``ART36_MUTATE_RULE=A007 pytest``: the whole run with that rule's check switched off (tests/mutation.py)."""
    import rule_cases

    code = os.environ.get(rule_cases.MUTATE_ENV)
    if code:
        rule_cases.switch_off(code)  # for the whole session: the process ends with it


@pytest.fixture(scope="session")
def mini() -> Checklist:
    loaded = load.load((FIXTURES / "mini-checklist.yaml").read_text(), "mini-checklist.yaml", Checklist)
    assert loaded.diagnostics == (), loaded.diagnostics
    assert loaded.model is not None
    return loaded.model
