"""A registered output format: its name, description and where its class is; the module is imported when chosen."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Generic, NamedTuple, TypeVar

#: What a registry's formats are (a Protocol with ``render``): diagnostics' or score reports'.
F = TypeVar("F")


# A named tuple, not a dataclass: the registries are imported for every --help and TAB completion.
class FormatSpec(NamedTuple, Generic[F]):
    """One format of a registry; ``load`` imports ``module`` and makes an ``attr`` only when the format is used."""

    name: str
    description: str
    module: str
    attr: str

    def load(self) -> F:
        made: F = getattr(importlib.import_module(self.module), self.attr)()
        return made


def chosen(formats: Mapping[str, FormatSpec[F]], fmt: str, kind: str) -> F:
    """The format named ``fmt``, made; an unknown name is a ValueError naming ``kind`` and the choices."""
    try:
        spec = formats[fmt]
    except KeyError:
        raise ValueError(f"unknown {kind} {fmt!r}; choose one of {', '.join(formats)}") from None
    return spec.load()
