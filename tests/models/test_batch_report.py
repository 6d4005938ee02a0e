"""A batch's FileReports: clean files stored compactly, read back equal; BatchReport's counts over them."""

from __future__ import annotations

from art36.checks import files
from art36.models.batch_report import BatchReport, FileReports
from art36.models.diagnostic import FileReport, Location


def test_file_reports_store_clean_files_compactly_and_read_back_equal():
    problem = files.YAML_SYNTAX.at(Location(file="b.yaml", line=2, column=3), "invalid YAML")
    originals = [
        FileReport(file="a.yaml", classification="RESTRICTED"),
        FileReport(file="b.yaml", diagnostics=(problem,), classification="RESTRICTED"),
        FileReport(file="c.yaml", kind="checklist"),
    ]
    store = FileReports(originals)
    assert list(store) == originals and len(store) == 3
    assert store[-1] == originals[-1] and list(store[0:2]) == originals[:2]
    assert store.with_diagnostics() == [originals[1]]
    batch = BatchReport(files=store)
    assert (batch.errors, batch.warnings, batch.diagnostics()) == (1, 0, [problem])
