"""Batches: stable order, the parallel path gives the same results as the serial one."""

from __future__ import annotations

from art36 import batch


def square(x: int) -> int:
    return x * x


def test_serial_and_parallel_agree_and_keep_order():
    items = list(range(batch.PARALLEL_THRESHOLD + 57))
    assert list(batch.run_all(square, items, jobs=1)) == list(batch.run_all(square, items, jobs=2))
    assert list(batch.run_all(square, items, jobs=2)) == [x * x for x in items]


def test_small_batches_stay_in_process():
    seen = []

    def record(x: int) -> int:  # a closure cannot be pickled: this only works in-process
        seen.append(x)
        return x

    assert list(batch.run_all(record, [1, 2, 3], jobs=2)) == [1, 2, 3]
    assert seen == [1, 2, 3]


def test_file_reports_store_clean_files_compactly_and_read_back_equal():
    from art36.checks import files
    from art36.models.diagnostic import BatchReport, FileReport, FileReports, Location

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
