"""The system file being reviewed: read and change one answer, start a new one, write it back as YAML."""

from __future__ import annotations

import re
from typing import Any

import yaml

from art36.models.system import Answer, Evidence, IntendedUse, SystemDescription

__all__ = ["Evidence", "get_answer", "new_system", "set_answer", "slug", "to_yaml"]


def get_answer(system: SystemDescription, criterion: str, use: str = "") -> Answer | None:
    """The answer as the file holds it: a use's context answer, or the system-wide answer."""
    if use:
        for item in system.uses:
            if item.id == use:
                return item.context.get(criterion)
        return None
    return system.answers.get(criterion)


def set_answer(system: SystemDescription, criterion: str, use: str, answer: Answer) -> SystemDescription:
    """A copy of ``system`` with one answer replaced (for ``use``: in that use's context)."""
    if not use:
        return system.model_copy(update={"answers": {**system.answers, criterion: answer}})
    uses = tuple(
        u.model_copy(update={"context": {**u.context, criterion: answer}}) if u.id == use else u for u in system.uses
    )
    return system.model_copy(update={"uses": uses})


def slug(text: str) -> str:
    """An identifier made from free text ("Harbour defence" -> "harbour-defence")."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "use"


def new_system(
    name: str, classification: str, checklists: list[str], uses: list[tuple[str, str]], version: str = ""
) -> SystemDescription:
    """A system file with only its identity and intended uses ((id, title) pairs): the start of a review."""
    return SystemDescription(
        name=name,
        version=version,
        classification=classification,
        checklists=tuple(checklists),
        uses=tuple(IntendedUse(id=uid, title=title) for uid, title in uses),
    )


def _answer(answer: Answer) -> Any:
    value = list(answer.value) if isinstance(answer.value, tuple) else answer.value
    if not answer.rationale and not answer.evidence:
        return value
    data: dict[str, Any] = {"value": value}
    if answer.rationale:
        data["rationale"] = answer.rationale
    if answer.evidence:
        data["evidence"] = [e.model_dump(exclude_defaults=True) for e in answer.evidence]
    return data


def as_data(system: SystemDescription) -> dict[str, Any]:
    """The system as plain data in the order people read it (identity, checklists, answers, uses)."""
    data: dict[str, Any] = {"name": system.name}
    for key in ("version", "developer", "description"):
        value = getattr(system, key)
        if value:
            data[key] = value
    data["classification"] = system.classification
    data["checklists"] = list(system.checklists)
    data["answers"] = {cid: _answer(a) for cid, a in system.answers.items()}
    uses = []
    for use in system.uses:
        item: dict[str, Any] = {"id": use.id}
        if use.title:
            item["title"] = use.title
        if use.description:
            item["description"] = use.description
        if use.context:
            item["context"] = {cid: _answer(a) for cid, a in use.context.items()}
        if use.answers:
            item["answers"] = {cid: _answer(a) for cid, a in use.answers.items()}
        uses.append(item)
    data["uses"] = uses
    return data


_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def to_yaml(system: SystemDescription, header: str = "") -> str:
    """The system file as YAML text (safe dumper, keys in reading order, unicode kept)."""
    body = yaml.dump(as_data(system), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body
