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
- Values typed on the command line (``--format``, ``--lang``, ``--fail-on``, an unknown option or an extra argument)
  that a usage error repeats get the same treatment (:func:`command_line`); file names given there always show.

The policy governs *messages* (diagnostics, errors, refusals, usage errors). What a command exists to show (a
report, a checklist in ``show``, the reviewer's own answers in ``review``) is requested content and not redacted;
``diff`` and ``verify`` leave answers and evidence paths out under ``--no-values`` (docs/security.md has the table).

The policy is process-wide, set once by the CLI before any work starts (forked workers inherit it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from art36.textsafe import multi_line, one_line

if TYPE_CHECKING:
    from art36.models.diagnostic import Diagnostic

#: The longest value excerpt a message may quote.
EXCERPT_CHARS = 24
#: The longest key or identifier a message or a YAML path shows (keys are always shown, but bounded): the longest
#: identifier the schemas allow (models.common.Identifier; a test keeps the two equal), so a valid id is never cut.
KEY_CHARS = 120
#: The placeholder for a value under ``--no-values``.
WITHHELD = "(value not shown)"
#: The environment variable that turns ``--no-values`` on.
ENV = "ART36_NO_VALUES"
#: What turns it on (the words click reads as true for `--no-values`, so usage errors agree with the option).
_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})

_hide = False


def configure(*, no_values: bool) -> None:
    """Set the policy for this process (and the workers it forks): hide values or quote bounded excerpts."""
    global _hide
    _hide = no_values or os.environ.get(ENV, "").strip().lower() in _TRUE


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


def listing(items: Sequence[object]) -> str:
    """Values from a document listed in a message (``materiel, vehicles``): each short one as written, a long one
    as a bounded excerpt; under ``--no-values`` only how many there are."""
    if _hide:
        return f"{len(items)} value(s), not shown"
    words = [str(v).lower() if isinstance(v, bool) else str(v) for v in items]
    return ", ".join(one_line(w) if len(w) <= EXCERPT_CHARS else _cut(w, EXCERPT_CHARS) for w in words) or "none"


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


def path_part(item: object) -> str:
    """One key of a YAML path (``answers.KEY.value``): cut at :data:`KEY_CHARS`, unquoted, control characters
    visible. A key can be a paragraph; the path that locates a problem must not copy it."""
    text = str(item)
    return one_line(text) if len(text) <= KEY_CHARS else one_line(text[:KEY_CHARS]) + "..."


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


#: A usage error's trailing list of extra arguments, and the unknown option it names.
_EXTRA = re.compile(r"\(([^()]*)\)\s*$")
_OPTION = re.compile(r"(?<=option: )(\S+)")


def asked_to_hide(args: Sequence[str]) -> bool:
    """Whether a command line asks for ``--no-values`` (read before parsing, for its own usage errors)."""
    words = list(args)
    return "--no-values" in (words[: words.index("--")] if "--" in words else words)


def _arg_values(args: Sequence[str]) -> set[str]:
    """Everything on a command line that may be a value: words, ``--opt=VALUE`` and ``-fVALUE`` tails."""
    found: set[str] = set()
    for arg in args:
        if arg.startswith("--") and "=" in arg:
            found.add(arg.partition("=")[2])
        elif arg.startswith("-") and not arg.startswith("--") and len(arg) > 2:
            found.add(arg[2:])
        if not arg.startswith("-") or arg == "-":
            found.add(arg)
    return {v for v in found if v}


def command_line(text: str, args: Sequence[str]) -> str:
    """A usage error's message (click's or ours) with every command-line value in it quoted as :func:`value` does.

    Click repeats the offending value whole (``'xxx...' is not one of 'en', 'nl'``, ``No such option: --xxx``,
    ``unexpected extra argument (xxx)``); a value pasted into the wrong option can be a document's text.
    Option names are shown as keys (bounded); the message is made terminal-safe.
    """
    values = _arg_values(args)

    def bounded(word: str) -> bool:
        return word in values and (_hide or len(word) > EXCERPT_CHARS)

    def quoted(m: re.Match[str]) -> str:
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        return value(inner) if bounded(inner) else m.group()

    def extra(m: re.Match[str]) -> str:
        words = m.group(1).split(" ")
        shown = [value(w) if _hide or len(w) > EXCERPT_CHARS else w for w in words]
        return "(" + " ".join(shown) + ")"

    def option(m: re.Match[str]) -> str:
        name, eq, rest = m.group().partition("=")
        return (key(name) if len(name) > KEY_CHARS else name) + (eq + value(rest) if eq else "")

    text = _QUOTED.sub(quoted, text)
    text = _EXTRA.sub(extra, text) if "argument" in text else text
    text = _OPTION.sub(option, text)
    for word in sorted(values, key=len, reverse=True):  # anything else click quoted its own way
        if len(word) > EXCERPT_CHARS and word in text:
            text = text.replace(word, value(word))
    return multi_line(text)
