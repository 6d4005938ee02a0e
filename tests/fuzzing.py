"""How many examples the fuzz and property tests draw: the number in the test, times ``ART36_FUZZ_SCALE`` (default 1).

A longer fuzz run is ``ART36_FUZZ_SCALE=20 pytest tests/test_robustness.py tests/test_textsafe.py ...``
(docs/security.md, "Fuzzing", records the runs).
"""

from __future__ import annotations

import os


def examples(n: int) -> int:
    """``n`` examples, scaled by ``ART36_FUZZ_SCALE`` (a whole number >= 1; anything else counts as 1)."""
    raw = os.environ.get("ART36_FUZZ_SCALE", "").strip()
    scale = int(raw) if raw.isdigit() and int(raw) > 0 else 1
    return n * scale
