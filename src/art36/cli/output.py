"""Write results: to stdout, or atomically to a file that is a regular file or new path and never one of the inputs."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, TextIO

from art36.fileio import OutputError, check_target, check_targets, write_atomic
from art36.fileio import shown as shown

__all__ = ["OutputError", "check_target", "check_targets", "shown", "write", "write_stdout"]


def write_stdout(pieces: Iterable[str]) -> None:
    """Write to stdout; a failure (``> /dev/full``, a closed stdout) is an :class:`OutputError` (exit 2).

    A lone surrogate (an undecodable file-name byte) is written as ``\\udcNN`` rather than raising.
    """
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write to stdout: it is closed")
    binary = getattr(stream, "buffer", None)
    for piece in pieces:  # the pieces may be computed as they come: only the writes are I/O
        _put(stream, binary, piece)
    _put(stream, binary, None)


def _put(stream: TextIO, binary: BinaryIO | None, piece: str | None) -> None:
    """Write one piece (None: flush) to stdout; a failure is an :class:`OutputError`."""
    try:
        if piece is None:
            stream.flush()
        elif binary is not None:
            stream.flush()
            binary.write(piece.encode("utf-8", "backslashreplace"))
        else:
            stream.write(piece.encode("utf-8", "backslashreplace").decode("utf-8"))
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: write to a closed file
        discard_stdout(stream)
        raise OutputError(f"cannot write to stdout: {getattr(exc, 'strerror', None) or exc}") from None


def discard_stdout(stream: object) -> None:
    """After a failed write, point fd 1 at /dev/null so the interpreter's final flush cannot fail again (exit 120)."""
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


class ClosedStream(io.TextIOBase):
    """Stands in for a stream that was closed when art36 started (``>&-``): never a tty, every write fails."""

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it was closed when art36 started")

    def flush(self) -> None:
        return None


class Discard(io.TextIOBase):
    """Stands in for a closed stderr: messages are dropped rather than crashing the run."""

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        return len(text)


def guard_standard_streams() -> None:
    """Give a closed stdout/stderr a stand-in, so the run fails cleanly (stdout: exit 2) instead of crashing."""
    if sys.stdout is None:
        sys.stdout = ClosedStream()
    if sys.stderr is None:
        sys.stderr = Discard()


def write(text: str | Iterable[str], output: Path | None) -> None:
    """Write ``text`` (or its pieces, in order) to stdout or atomically to ``output``."""
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        write_stdout(pieces)
    else:
        write_atomic(pieces, output)
