"""Run a function over many inputs, in order, on all cores when the batch is large enough to pay for it."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many inputs, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def run_all(func: Callable[[T], R], items: Sequence[T], jobs: int | None = None) -> Iterator[R]:
    """``func`` over ``items``, yielding results in input order; memory stays flat as results stream out."""
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    if jobs == 1 or len(items) < PARALLEL_THRESHOLD:
        for item in items:
            yield func(item)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunksize = max(1, min(64, len(items) // (jobs * 8)))
    # Workers are started with Ctrl-C and SIGTERM blocked, so none can die mid-start with a traceback; each then
    # ignores Ctrl-C (the main process handles it and stops them) and dies quietly on SIGTERM.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP) if hasattr(signal, "pthread_sigmask") else None
    try:
        pool = context.Pool(processes=jobs, initializer=_quiet_worker)
    finally:
        if blocked is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    with pool:  # leaving early (an error, Ctrl-C) terminates the workers
        yield from pool.imap(func, items, chunksize=chunksize)


_STOP = {signal.SIGINT, signal.SIGTERM}


def _quiet_worker() -> None:
    """Worker start-up: Ctrl-C is the main process's to handle; SIGTERM ends the worker at once, silently."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP)
