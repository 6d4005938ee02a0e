"""How numbers, answers and suggestions are written in messages: one wording for every check and result."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def number(x: float | None) -> str:
    """``70``, ``12.5``, ``66.67`` (at most two decimals); ``none`` for no number."""
    if x is None:
        return "none"
    return f"{x:g}" if x == int(x) else f"{x:.2f}".rstrip("0")


def count(n: int, singular: str, plural: str) -> str:
    """``1 criterion``, ``3 criteria``: a number with the noun that agrees with it."""
    return f"{n} {singular if n == 1 else plural}"


def value(v: object) -> str:
    """An option value as YAML writes it: ``true``, ``materiel``, ``10``."""
    return str(v).lower() if isinstance(v, bool) else str(v)


def values(vs: Iterable[object]) -> str:
    """``a, b, c``, or ``none`` for no values."""
    return ", ".join(value(v) for v in vs) or "none"


def answer(v: object) -> str:
    """An answer found in a file, quoted so that its type shows: ``'sometimes'``, ``5``, ``true``, ``['a', 'b']``."""
    if isinstance(v, tuple | list):
        return "[" + ", ".join(answer(item) for item in v) + "]"
    return value(v) if isinstance(v, bool) else repr(v)


def close_match(name: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name ``name`` is most likely a typo of, if any is close enough."""
    found = difflib.get_close_matches(name, list(known), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(name: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """``did you mean 'x'?`` for the closest known name, or ``""``."""
    close = close_match(name, known, cutoff)
    return f"did you mean '{close}'?" if close else ""
