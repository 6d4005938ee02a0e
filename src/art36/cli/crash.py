"""Report an internal error without showing any document content (no messages, no locals)."""

from __future__ import annotations

import sys
import traceback


def report(exc: BaseException) -> None:
    # Only the exception type and code locations: an exception's message may quote a classified document.
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(frames[-5:]))
    sys.stderr.write(
        f"art36: internal error ({type(exc).__name__} at {where}).\n"
        "No document content is shown. Please report this with the command you ran.\n"
    )
