"""Checklist resolution: built-in ids and paths, each id once, one diagnostic per unusable reference, no stale cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from art36.catalog import Catalog, LoadedChecklist, builtin_names
from art36.models.diagnostic import Location

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini-checklist.yaml"


def where(i: int) -> Location:
    return Location(file="s.yaml", line=10 + i, column=3)


def test_builtin_ids_and_paths_resolve_each_id_once(tmp_path):
    shutil.copy(FIXTURE, tmp_path / "mini.yaml")
    found, problems = Catalog().resolve_all(["mhc", "mini.yaml", "mhc"], tmp_path, where)
    assert [c.checklist.id for c in found] == ["mhc", "mini"]
    assert problems == []
    assert builtin_names() == ["art36-core", "mhc"]


def test_an_unknown_id_is_one_diagnostic_with_a_suggestion():
    found, [problem] = Catalog().resolve_all(["mhc", "art36-cor"], None, where)
    assert [c.checklist.id for c in found] == ["mhc"]
    assert (problem.code, problem.location.line) == ("A001", 11)
    assert problem.message == "checklist 'art36-cor' cannot be used: not built in and not a file"
    assert problem.hint.startswith("did you mean 'art36-core'?")


def test_a_broken_checklist_file_says_why_and_how_to_check_it(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: [x\n")
    _, [problem] = Catalog().resolve_all(["bad.yaml"], tmp_path, where)
    # Another file's problems are named by code and position, never copied (the value-echo policy, art36.echo).
    assert "Y001 yaml-syntax at 1:" in problem.message or "Y001 yaml-syntax at 2:" in problem.message
    assert problem.hint == "check it with `art36 lint bad.yaml`"


def test_a_changed_checklist_file_is_read_again(tmp_path):
    path = tmp_path / "mini.yaml"
    shutil.copy(FIXTURE, path)
    catalog = Catalog()
    first = catalog.resolve("mini.yaml", tmp_path)
    assert isinstance(first, LoadedChecklist) and catalog.resolve("mini.yaml", tmp_path) is first
    path.write_text(path.read_text().replace("version: 1.0.0", "version: 1.0.1", 1))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = catalog.resolve("mini.yaml", tmp_path)
    assert isinstance(second, LoadedChecklist) and second.checklist.version == "1.0.1"
    assert second.sha256 != first.sha256


def test_builtin_checklists_are_named_by_file_and_read_from_the_package() -> None:
    names = builtin_names()
    assert {"mhc", "art36-core"} <= set(names) and names == sorted(names)
    from art36.catalog import builtin_text

    assert builtin_text("mhc") is not None and builtin_text("no-such-list") is None


def test_a_resolved_checklist_is_parsed_once_and_carries_its_hash(tmp_path: Path) -> None:
    catalog = Catalog()
    first = catalog.resolve("mhc")
    assert isinstance(first, LoadedChecklist) and catalog.resolve("mhc") is first
    assert first.source == "<builtin>/mhc.yaml" and len(first.sha256) == 64
    shutil.copy(FIXTURE, tmp_path / "mini.yaml")
    relative = catalog.resolve("mini.yaml", tmp_path)
    assert isinstance(relative, LoadedChecklist) and relative.checklist.id == "mini"
    assert catalog.resolve("missing.yaml", tmp_path) != []  # F001 for the file, as data


def test_one_file_named_two_ways_is_parsed_once_and_shown_as_each_names_it(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "mini.yaml")
    catalog = Catalog()
    by_name = catalog.resolve("mini.yaml", tmp_path)
    by_path = catalog.resolve(str(tmp_path / "mini.yaml"))
    assert isinstance(by_name, LoadedChecklist) and isinstance(by_path, LoadedChecklist)
    assert (by_name.source, by_path.source) == ("mini.yaml", str(tmp_path / "mini.yaml"))
    assert by_path.checklist is by_name.checklist
