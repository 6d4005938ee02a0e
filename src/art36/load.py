"""Load a YAML document into a typed model; every problem comes back as a located Diagnostic, never raised."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from art36 import fileio, yamlsrc
from art36.checks import files, schema
from art36.fileio import read_text
from art36.models.diagnostic import Diagnostic, Location
from art36.models.rule import run

M = TypeVar("M", bound=BaseModel)

__all__ = ["Loaded", "load", "load_file", "read_text"]


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A document as far as it could be read: the model (None if invalid), its node tree, its problems."""

    path: str
    model: M | None
    doc: yamlsrc.YamlDocument | None
    diagnostics: tuple[Diagnostic, ...]

    def locate(self, loc: tuple[Any, ...], *, key: bool = False) -> Location:
        node, path = yamlsrc.find(self.doc.node if self.doc else None, loc, key=key)
        mark = yamlsrc.position(node)
        return Location(file=self.path, line=mark.line, column=mark.column, yaml_path=path)


def load(text: str, display: str, model: type[M]) -> Loaded[M]:
    """Parse ``text`` and validate it as ``model``; problems are located in the source."""
    doc = yamlsrc.parse(text)
    problems = run(files.YAML_RULES, files.Parsed(display, doc))
    if doc.syntax is not None or not isinstance(doc.data, dict):
        return Loaded(display, None, doc, tuple(problems))
    try:
        value = model.model_validate(doc.data)
    except ValidationError as exc:
        invalid = schema.Invalid(display, doc.node, model, tuple(exc.errors(include_url=False)))
        problems += run(schema.SCHEMA_RULES, invalid)
        return Loaded(display, None, doc, tuple(sorted(problems, key=Diagnostic.sort_key)))
    if doc.duplicates:
        return Loaded(
            display, None, doc, tuple(problems)
        )  # a document with duplicate keys is ambiguous: never score it
    return Loaded(display, value, doc, tuple(problems))


def load_file(path: str | Path, display: str, model: type[M]) -> Loaded[M]:
    """Read and load one file; an unreadable file gives a Loaded with only that problem."""
    raw = fileio.read(path, display)
    if raw.text is None:
        return Loaded(display, None, None, tuple(run(files.FILE_RULES, raw)))
    return load(raw.text, display, model)
