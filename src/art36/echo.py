"""The value-echo policy: how much of a document's *values* a message may quote; keys and positions always show.

A review office's files may be classified. A diagnostic must say where the problem is and what was expected without
copying the document into a CI log. The policy, applied by every message that mentions a value from a file
(wrong types, invalid answers, unknown tags, evidence paths, checklist references):

- default: a value is quoted up to :data:`EXCERPT_CHARS` characters; a longer one is cut and says how long it was:
  ``'Lorem ipsum dolor sit am...' (5,000 characters)``; a path keeps its end (the file name). Control
  characters are made visible.
- ``--no-values`` (or ``ART36_NO_VALUES=1``): no value is quoted at all, only its kind: ``(value not shown)``.
- Keys, YAML paths, file names given on the command line, line and column numbers are always shown (bounded to
  :data:`KEY_CHARS`), and so is the classification marking, which every report must carry.
- Problems in *another* file (a checklist named in ``checklists:``) are summarised by code and position, never
  by copying that file's messages.

The policy is process-wide, set once by the CLI before any work starts (forked workers inherit it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from art36.textsafe import one_line

if TYPE_CHECKING:
    from art36.models.diagnostic import Diagnostic

#: The longest value excerpt a message may quote.
EXCERPT_CHARS = 24
#: The longest key or identifier a message shows (keys are always shown, but bounded).
KEY_CHARS = 80
#: The placeholder for a value under ``--no-values``.
WITHHELD = "(value not shown)"
#: The environment variable that turns ``--no-values`` on.
ENV = "ART36_NO_VALUES"

_hide = False


def configure(*, no_values: bool) -> None:
    """Set the policy for this process (and the workers it forks): hide values or quote bounded excerpts."""
    global _hide
    _hide = no_values or os.environ.get(ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def hiding() -> bool:
    return _hide


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return "'" + one_line(text) + "'"
    return "'" + one_line(text[:limit]) + f"...' ({len(text):,} characters)"


def value(item: object) -> str:
    """A value from a document as a message may show it: a bounded quoted excerpt, or :data:`WITHHELD`."""
    if _hide:
        return WITHHELD
    if isinstance(item, tuple | list):
        return "[" + ", ".join(value(v) for v in item[:5]) + (", ...]" if len(item) > 5 else "]")
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float) and not isinstance(item, bool):
        text = repr(item)
        return text if len(text) <= EXCERPT_CHARS else _cut(text, EXCERPT_CHARS)
    return _cut(str(item), EXCERPT_CHARS)


def path(item: str) -> str:
    """A path from a document (evidence, a checklist reference): its last characters, where the name is."""
    if _hide:
        return WITHHELD
    if len(item) <= EXCERPT_CHARS:
        return "'" + one_line(item) + "'"
    return "'..." + one_line(item[-EXCERPT_CHARS:]) + f"' ({len(item):,} characters)"


def key(item: object) -> str:
    """A key or identifier, always shown (quoted), but bounded and with control characters made visible."""
    return _cut(str(item), KEY_CHARS)


_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")


def message(text: str) -> str:
    """A parser's message with every quoted value in it (a tag name, a character) passed through :func:`value`.

    Quoted tokens in angle brackets (``'<block mapping start>'``) are the parser's own words and stay.
    """

    def one(m: re.Match[str]) -> str:
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        if inner.startswith("<") and inner.endswith(">"):
            return m.group()
        return value(inner)

    return one_line(_QUOTED.sub(one, text))


def elsewhere(problems: Sequence[Diagnostic], limit: int = 3) -> str:
    """Another file's problems as this file's message may show them: code, name and position only.

    Their messages may quote that file's values, so they are not copied; art36's own words about a file that
    cannot be read at all (F codes: "a FIFO, not read") carry none and are kept.
    """
    shown = ", ".join(
        f"{d.code} {d.name} at {d.location.line}:{d.location.column}"
        + (f" ({one_line(d.message)})" if d.code.startswith("F") else "")
        for d in problems[:limit]
    )
    if len(problems) > limit:
        shown += f" and {len(problems) - limit} more"
    return shown
