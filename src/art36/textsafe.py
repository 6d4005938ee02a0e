"""Text hygiene for every output: file-supplied text can never drive the terminal, reorder a line or inject markup.

Every renderer of a text format (score table, diagnostics, github, rules listing, review and report text) must
pass each field that comes from a file (names, classification, messages, paths, answers, titles) through one of:

- :func:`one_line` for text inside a single line: C0/C1 controls (ESC, so no CSI/OSC sequences: no cursor moves,
  screen clears, window titles or OSC 52 clipboard writes), DEL, bidi overrides/isolates/marks ("Trojan Source"),
  line/paragraph separators and lone surrogates (undecodable file-name bytes) become visible ``\\xNN``/``\\uNNNN``;
- :func:`multi_line` for a block where newlines are kept (everything else as :func:`one_line`);
- :func:`for_markup` for text that goes into a rich markup string (``[bold]`` stays literal), after :func:`one_line`;
- :func:`encodable` for structured formats (JSON, XML) whose own escaping handles controls: only lone surrogates.

The functions are pure and cheap; call them at the last moment, in the renderer, on the final string.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line/paragraph separators, surrogates.
_MARKS = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNPRINTABLE = re.compile(f"[\x00-\x1f{_MARKS}]")
_UNPRINTABLE_BLOCK = re.compile(f"[\x00-\x09\x0b-\x1f{_MARKS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def encodable(text: str) -> str:
    """``text`` made writable as UTF-8: lone surrogates (undecodable file-name bytes) become ``\\xNN``."""
    return _SURROGATE.sub(_escape_char, text)


def one_line(text: str) -> str:
    """``text`` safe to print as part of one terminal line: controls, bidi marks and surrogates made visible."""
    return _UNPRINTABLE.sub(_escape_char, text)


def multi_line(text: str) -> str:
    """Like :func:`one_line` but newlines are kept (CR, tabs and every other control are made visible)."""
    return _UNPRINTABLE_BLOCK.sub(_escape_char, text)


def for_markup(text: str) -> str:
    """:func:`one_line` text escaped for a rich markup string, so ``[red]`` in a file stays literal text."""
    from rich.markup import escape

    return escape(one_line(text))


def folded(text: object) -> str:
    """:func:`one_line` for prose: line breaks (and the spaces around them) become one space first."""
    return one_line(_BREAK.sub(" ", str(text)).strip())


_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


_JSON_UNSAFE = re.compile(f"[{_MARKS}]")


def json_text(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with C1 controls, DEL, bidi marks, separators and
    lone surrogates written as ``\\u`` escapes (four hex digits): the same JSON value, but safe to show on a terminal.

    (C0 controls are already escaped by ``json.dumps``; these characters can only occur inside JSON strings.)
    """
    if text.isascii() and "\x7f" not in text:  # the only ASCII character to escape is DEL: nothing to do
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
