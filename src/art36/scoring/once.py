"""Per-checklist tables the engine derives from a checklist, built once per checklist object, never shared."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from art36.models.checklist import Checklist

T = TypeVar("T")

#: Checklists remembered per table; past this the table starts afresh (a batch uses a handful).
MAX_CHECKLISTS = 64


def per_checklist(build: Callable[[Checklist], T]) -> Callable[[Checklist], T]:
    """``build(checklist)``, computed once per checklist object and reused for every use and file scored with it.

    Keyed by the object itself (its ``id``, with the object kept alive beside its table so the ``id`` cannot be
    reused by another checklist): a different checklist, even one with the same id and version, gets its own
    table. Checklists are frozen models, so a table can never go stale.
    """
    tables: dict[int, tuple[Checklist, T]] = {}

    @functools.wraps(build)
    def table(checklist: Checklist) -> T:
        found = tables.get(id(checklist))
        if found is not None and found[0] is checklist:
            return found[1]
        if len(tables) >= MAX_CHECKLISTS:
            tables.clear()
        value = build(checklist)
        tables[id(checklist)] = (checklist, value)
        return value

    return table
