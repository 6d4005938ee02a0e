"""Tell a system description from a checklist by its top-level keys, so a file given to the wrong command gets one
clear diagnostic ("this looks like a checklist; use `art36 lint`") instead of one "unknown key" per key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from art36.models.diagnostic import Diagnostic, Location, Severity
from art36.models.rule import Rule

#: What each kind is called in the message, and the command that reads it.
_KINDS = {"system": ("a system description", "art36 validate"), "checklist": ("a checklist", "art36 lint")}


def _keys(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def looks_like(data: Any, expected: str) -> str | None:
    """The other kind (``"system"`` or ``"checklist"``) if ``data`` is one rather than ``expected``; else None.

    It is the other kind when at least two of its top-level keys are unknown to ``expected`` and every one of
    those is a key of the other kind (one misspelt key is a typo, not the wrong file).
    """
    if not isinstance(data, dict):
        return None
    from art36.models.checklist import Checklist
    from art36.models.system import SystemDescription

    models: dict[str, type[BaseModel]] = {"system": SystemDescription, "checklist": Checklist}
    other = "checklist" if expected == "system" else "system"
    keys = {k for k in data if isinstance(k, str)}
    unknown = keys - _keys(models[expected])
    if len(unknown) >= 2 and unknown <= _keys(models[other]):
        return other
    return None


@dataclass(frozen=True)
class Expected:
    """A document that failed to load as ``kind`` (``"system"`` or ``"checklist"``): its display name and data."""

    display: str
    data: Any
    kind: str


def _wrong_document(doc: Expected) -> Iterator[Diagnostic]:
    found = looks_like(doc.data, doc.kind)
    if found is None:
        return
    found_name, command = _KINDS[found]
    expected_name, _ = _KINDS[doc.kind]
    yield WRONG_DOCUMENT.at(
        Location(file=doc.display),
        f"this looks like {found_name}, not {expected_name}",
        hint=f"check it with `{command} {doc.display}`"
        + (" or review it with `art36 score`" if found == "system" else ""),
    )


WRONG_DOCUMENT: Rule[Expected] = Rule(
    "Y004",
    "wrong-document",
    Severity.ERROR,
    "The file is the other kind of art36 document: a checklist given to `validate`/`score`, or a system "
    "file given to `lint`.",
    "any",
    bad="# given to `art36 validate`\nid: my-checklist\nversion: 1.0.0\nsections: []\n",
    good="# given to `art36 lint`\nid: my-checklist\nversion: 1.0.0\nsections: []\n",
    check=_wrong_document,
)

#: Checked on a document that failed to load; when it fires, it replaces that document's other diagnostics.
DOCUMENT_RULES: tuple[Rule[Expected], ...] = (WRONG_DOCUMENT,)
