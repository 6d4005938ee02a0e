"""Load a YAML document into a typed model; every problem comes back as a located Diagnostic, never raised."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from art36 import fileio, limits, yamlsrc
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
    #: Problems found but not listed (past the per-file cap); the closing note counts them.
    omitted: int = 0

    @cached_property
    def index(self) -> yamlsrc.Index:
        """Node lookup by path, built as needed once per document (locating n problems stays linear)."""
        return yamlsrc.Index(self.doc.node if self.doc else None)

    def locate(self, loc: tuple[Any, ...], *, key: bool = False) -> Location:
        node, path = self.index.find(loc, key=key)
        mark = yamlsrc.position(node)
        return Location(file=self.path, line=mark.line, column=mark.column, yaml_path=path)


def load(text: str, display: str, model: type[M]) -> Loaded[M]:
    """Parse ``text`` and validate it as ``model``; problems are located in the source."""
    doc = yamlsrc.parse(text)
    problems = run(files.YAML_RULES, files.Parsed(display, doc))
    if doc.syntax is not None or not isinstance(doc.data, dict):
        return _capped(display, None, doc, problems)
    try:
        value = model.model_validate(doc.data)
    except ValidationError as exc:
        # Thousands of errors (200,000 unknown keys) are read in part: the rest are only counted.
        errors = exc.errors(include_url=False, include_input=False)
        keep = 10 * limits.MAX_DIAGNOSTICS_PER_FILE
        invalid = schema.Invalid(display, doc.node, model, tuple(errors[:keep]))
        problems += run(schema.SCHEMA_RULES, invalid)
        return _capped(display, None, doc, problems, max(0, len(errors) - keep))
    if len(problems) > limits.MAX_DIAGNOSTICS_PER_FILE:
        return _capped(display, None, doc, problems)
    if doc.duplicates:
        return Loaded(
            display, None, doc, tuple(problems)
        )  # a document with duplicate keys is ambiguous: never score it
    return Loaded(display, value, doc, tuple(problems))


def _capped(
    display: str, model: M | None, doc: yamlsrc.YamlDocument, problems: list[Diagnostic], omitted: int = 0
) -> Loaded[M]:
    """A Loaded with at most ``MAX_DIAGNOSTICS_PER_FILE`` problems and a note counting the rest."""
    kept = cap(problems, display, omitted)
    overflow = max(0, len(problems) - limits.MAX_DIAGNOSTICS_PER_FILE)
    return Loaded(display, model, doc, tuple(kept), omitted + overflow)


def cap(diagnostics: list[Diagnostic], display: str, omitted: int = 0) -> list[Diagnostic]:
    """The first ``MAX_DIAGNOSTICS_PER_FILE`` problems by position, then one note counting the rest.

    ``omitted`` counts problems left out before this call; an earlier note is replaced by the new one.
    """
    limit = limits.MAX_DIAGNOSTICS_PER_FILE
    kept = sorted((d for d in diagnostics if d.code != files.TOO_MANY_PROBLEMS.code), key=Diagnostic.sort_key)
    rest = max(0, len(kept) - limit) + omitted
    if not rest:
        return kept
    return [*kept[:limit], *run(files.NOTE_RULES, files.Overflow(display, rest))]


def load_file(path: str | Path, display: str, model: type[M]) -> Loaded[M]:
    """Read and load one file; an unreadable file gives a Loaded with only that problem."""
    raw = fileio.read(path, display)
    if raw.text is None:
        return Loaded(display, None, None, tuple(run(files.FILE_RULES, raw)))
    return load(raw.text, display, model)
