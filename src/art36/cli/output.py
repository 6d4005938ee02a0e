"""Write results: stdout, or a file written atomically that is never one of the inputs."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """The output cannot be written where asked (maps to exit code 2)."""


def check_target(output: Path | None, inputs: Iterable[str]) -> None:
    """Refuse, before any work is done, to write over an input file."""
    if output is None:
        return
    target = output.resolve()
    for item in inputs:
        # Only an input with the output's name (or a link) can resolve to it; skip the realpath for the rest.
        if (os.path.basename(item) == target.name or os.path.islink(item)) and Path(item).resolve() == target:
            raise OutputError(f"refusing to overwrite input file {output}")
    if target.is_dir():
        raise OutputError(f"{output} is a directory")


def write(text: str | Iterable[str], output: Path | None) -> None:
    """Write ``text`` (or its pieces, in order) to stdout or atomically to ``output``."""
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    folder = output.parent if str(output.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
        tmp = None
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
