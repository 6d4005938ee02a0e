"""Recover a document's classification marking whenever the ``classification:`` key is readable, valid file or not."""

from __future__ import annotations

import re
from typing import Any

import yaml

#: A marking longer than this is cut (and says so): it is a label, not a paragraph.
MAX_MARKING = 200

_TOP_LEVEL = re.compile(r"^classification[ \t]*:[ \t]*(\S.*)$", re.MULTILINE)


def _clean(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return ""
    text = str(value).strip()
    if len(text) > MAX_MARKING:
        text = text[:MAX_MARKING] + f"... (marking cut at {MAX_MARKING} characters)"
    return text


def recover(data: Any, text: str = "") -> str:
    """The marking from the parsed ``data`` if it is a mapping; else from a top-level line of ``text``.

    Used for files that fail validation (the model is not built) or are not even valid YAML elsewhere, so every
    report of them still carries the marking. Returns "" when no marking can be read.
    """
    if isinstance(data, dict):
        return _clean(data.get("classification"))
    if not text:
        return ""
    m = _TOP_LEVEL.search(text)
    if m is None:
        return ""
    try:
        value = yaml.safe_load("classification: " + m.group(1))
    except yaml.YAMLError:
        return ""
    return _clean(value.get("classification") if isinstance(value, dict) else None)
