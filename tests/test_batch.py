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
