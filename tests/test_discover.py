"""Command-line paths become one sorted, de-duplicated list of YAML files."""

from __future__ import annotations

from pathlib import Path

import pytest

from art36 import discover


def test_directories_recurse_skip_hidden_and_deduplicate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("b.yaml", "a.yml", "notes.txt", "sub/c.yaml", ".git/x.yaml", "sub/.hidden/y.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    monkeypatch.chdir(tmp_path)
    names, missing = discover.expand([".", "./b.yaml", "sub", "nope.yaml"])
    assert names == ["a.yml", "b.yaml", "sub/c.yaml"]
    assert [d.location.file for d in missing] == ["nope.yaml"]
    assert discover.expand(["sub/../b.yaml"])[0] == ["b.yaml"]
