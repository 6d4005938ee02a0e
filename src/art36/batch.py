"""Run a function over many inputs, in order, on all cores when the batch is large enough to pay for it.

The worker processes are art36's own small pool (not multiprocessing.Pool): each worker has its own pipe, so no
lock is shared between processes, and a worker killed by a signal can never leave the others or the main process
waiting on a lock it held. Ctrl-C and SIGTERM are the main process's to handle: workers start with both blocked,
then ignore Ctrl-C (a terminal sends it to the whole process group) and die silently on SIGTERM; when the main
process stops early for any reason, it kills its workers and waits for them, so none outlives it.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Generator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many inputs, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200
#: Finished chunks held for in-order output before workers are given more (keeps memory flat).
WINDOW_PER_WORKER = 4

_STOP = {signal.SIGINT, signal.SIGTERM}


class WorkerFailed(RuntimeError):
    """A worker process raised or died; the message names only the exception type (no document content)."""


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def run_all(func: Callable[[T], R], items: Sequence[T], jobs: int | None = None) -> Generator[R, None, None]:
    """``func`` over ``items``, yielding results in input order; memory stays flat as results stream out.

    Closing the generator early (``close()``, or an exception where it is consumed) stops the workers and waits for
    every one of them before it returns.
    """
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    if jobs == 1 or len(items) < PARALLEL_THRESHOLD or not hasattr(os, "fork"):
        for item in items:
            yield func(item)
        return
    chunksize = max(1, min(64, len(items) // (jobs * 8)))
    yield from _parallel(func, items, jobs, chunksize)


def _work(func: Callable[[Any], Any], conn: Any) -> None:
    """A worker: chunks in, results out, over its own pipe, until told to stop or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, chunk = message
        try:
            results = [func(item) for item in chunk]
        except Exception as exc:  # only the type travels: a message may quote a document
            conn.send((index, False, type(exc).__name__))
        else:
            conn.send((index, True, results))


def _parallel(func: Callable[[T], R], items: Sequence[T], jobs: int, chunksize: int) -> Generator[R, None, None]:
    import multiprocessing
    from multiprocessing.connection import Connection, wait

    context = multiprocessing.get_context("fork")
    total = (len(items) + chunksize - 1) // chunksize
    workers: list[tuple[Any, Connection]] = []
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP)  # no signal may hit a worker before _work
    try:
        for _ in range(min(jobs, total)):
            ours, theirs = context.Pipe(duplex=True)
            process = context.Process(target=_work, args=(func, theirs), daemon=True)
            process.start()
            theirs.close()
            workers.append((process, ours))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    next_chunk = 0
    busy: dict[Connection, int] = {}
    idle: list[Connection] = []
    done: dict[int, list[R]] = {}

    def give(conn: Connection) -> None:
        nonlocal next_chunk
        if next_chunk >= total or len(done) >= jobs * WINDOW_PER_WORKER:
            idle.append(conn)
            return
        start = next_chunk * chunksize
        conn.send((next_chunk, list(items[start : start + chunksize])))
        busy[conn] = next_chunk
        next_chunk += 1

    finished = False
    try:
        for _, conn in workers:
            give(conn)
        for wanted in range(total):
            while wanted not in done:
                for ready in wait(list(busy)):
                    assert isinstance(ready, Connection)
                    try:
                        index, ok, payload = ready.recv()
                    except (EOFError, OSError):
                        raise WorkerFailed("a worker process ended unexpectedly") from None
                    del busy[ready]
                    if not ok:
                        raise WorkerFailed(f"a worker raised {payload}")
                    done[index] = payload
                    give(ready)
            yield from done.pop(wanted)
            while idle and next_chunk < total and len(done) < jobs * WINDOW_PER_WORKER:
                give(idle.pop())
        finished = True
    finally:
        _stop(workers, gracefully=finished)


def _stop(workers: list[tuple[Any, Any]], *, gracefully: bool) -> None:
    """Tell the workers to stop (or kill them, when the batch ended early) and wait for every one of them."""
    for process, conn in workers:
        if gracefully:
            try:
                conn.send(None)
            except OSError:
                process.kill()
        else:
            process.kill()
    for process, conn in workers:
        process.join(timeout=10 if gracefully else None)
        if process.is_alive():
            process.kill()
            process.join()
        conn.close()
