"""Command-line paths to a batch: files found in order, stdin first, missing paths reported, empty batches caught."""

from __future__ import annotations

import pytest

from art36.fileio import OutputError
from art36.inputs import collect
from art36.settings import Inputs


def test_files_are_found_sorted_with_stdin_first_and_missing_paths_reported(tmp_path):
    (tmp_path / "b.yaml").write_text("x: 1\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yml").write_text("x: 1\n")
    (tmp_path / "notes.txt").write_text("not yaml\n")
    batch = collect(Inputs((str(tmp_path), "-", str(tmp_path / "gone.yaml")), ("mhc",)), stdin="name: s\n")
    jobs = list(batch.jobs)
    assert [j.display for j in jobs] == ["<stdin>", f"{tmp_path}/b.yaml", f"{tmp_path}/sub/a.yml"]
    assert jobs[0].text == "name: s\n" and all(j.checklists == ("mhc",) for j in jobs)
    assert [r.file for r in batch.missing] == [str(tmp_path / "gone.yaml")]
    assert [r.file for r in batch.reports()] == [str(tmp_path / "gone.yaml")]
    assert batch.empty_problem(allow_empty=False) is None


def test_an_empty_batch_is_a_problem_unless_allowed(tmp_path):
    batch = collect(Inputs((str(tmp_path),)))
    assert len(batch.jobs) == 0
    problem = batch.empty_problem(allow_empty=False)
    assert problem is not None and problem.startswith(f"no input files: no *.yaml or *.yml file in {tmp_path}")
    assert batch.empty_problem(allow_empty=True) is None


def test_an_output_that_is_an_input_is_refused_before_any_work(tmp_path):
    (tmp_path / "s.yaml").write_text("x: 1\n")
    with pytest.raises(OutputError, match="refusing to overwrite input"):
        collect(Inputs((str(tmp_path),)), output=tmp_path / "s.yaml")
