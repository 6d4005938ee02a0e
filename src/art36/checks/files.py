"""Rules for reading any document (F: the file, Y: its YAML), each with the check that finds it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from art36 import echo, yamlsrc
from art36.models.diagnostic import Diagnostic, Location, Severity
from art36.models.rule import Rule

_E = Severity.ERROR


@dataclass(frozen=True)
class RawFile:
    """What reading a file gave: its text, or why there is none (it could not be read, or is not UTF-8)."""

    display: str
    text: str | None = None
    #: Why the file could not be read at all ("cannot read the file: Permission denied").
    unreadable: str = ""
    #: The first byte that is not UTF-8: (offset, value, line, column).
    bad_byte: tuple[int, int, int, int] | None = None


@dataclass(frozen=True)
class Parsed:
    """A text parsed as YAML: the node tree with positions, and what went wrong while reading it."""

    display: str
    doc: yamlsrc.YamlDocument

    def root(self) -> Location:
        mark = yamlsrc.position(self.doc.node)
        return Location(file=self.display, line=mark.line, column=mark.column)


def is_load_failure(code: str) -> bool:
    """A file that could not be read at all: exit 2 in the CLI, a JUnit <error> (not a <failure>)."""
    return code == FILE_UNREADABLE.code


def never_filtered(code: str) -> bool:
    """Problems reading the file are reported whatever ``--select``/``--ignore`` say: nothing was checked."""
    return code in _READING


# --- F: reading the file ------------------------------------------------------------------------------
def _unreadable(raw: RawFile) -> Iterator[Diagnostic]:
    if raw.unreadable:
        yield FILE_UNREADABLE.at(Location(file=raw.display), raw.unreadable)


FILE_UNREADABLE: Rule[RawFile] = Rule(
    "F001",
    "file-unreadable",
    _E,
    "The file cannot be read (missing, a directory, no permission).",
    "any",
    check=_unreadable,
)


def _not_utf8(raw: RawFile) -> Iterator[Diagnostic]:
    if raw.bad_byte is not None:
        _, byte, line, column = raw.bad_byte
        yield FILE_ENCODING.at(
            Location(file=raw.display, line=line, column=column),
            f"found byte 0x{byte:02x}, which is not UTF-8",
            hint="save the file as UTF-8",
        )


FILE_ENCODING: Rule[RawFile] = Rule(
    "F002", "file-not-utf8", _E, "The file is not valid UTF-8 text.", "any", check=_not_utf8
)


# --- Y: reading the YAML ------------------------------------------------------------------------------
def _syntax(parsed: Parsed) -> Iterator[Diagnostic]:
    problem = parsed.doc.syntax
    if problem is not None:
        yield YAML_SYNTAX.at(
            Location(file=parsed.display, line=problem.mark.line, column=problem.mark.column),
            f"invalid YAML: {echo.message(problem.message)}",
            hint="check indentation, brackets and quotes around this position",
        )


YAML_SYNTAX: Rule[Parsed] = Rule(
    "Y001",
    "yaml-syntax",
    _E,
    "The file is not valid YAML.",
    "any",
    bad="name: [Goalkeeper\n",
    good="name: Goalkeeper\n",
    check=_syntax,
)


def _duplicates(parsed: Parsed) -> Iterator[Diagnostic]:
    for dup in parsed.doc.duplicates:
        yield YAML_DUPLICATE_KEY.at(
            Location(file=parsed.display, line=dup.mark.line, column=dup.mark.column, yaml_path=str(dup.key)),
            f"key {echo.key(dup.key)} appears again (first at line {dup.first.line}); expected each key once",
            hint="remove or merge one of the two; YAML would silently keep only the last",
        )


YAML_DUPLICATE_KEY: Rule[Parsed] = Rule(
    "Y002",
    "duplicate-key",
    _E,
    "A mapping repeats a key. YAML readers silently keep the last one; art36 refuses to guess.",
    "any",
    bad="name: Goalkeeper\nname: Goalkeeper CIWS\n",
    good="name: Goalkeeper CIWS\n",
    check=_duplicates,
)


def _kind(node: yaml.Node | None) -> str:
    """What a node holds, in words: ``mapping``, ``list``, ``text``, ``whole number``..."""
    if node is None:
        return "nothing"
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    tag = str(node.tag).rsplit(":", 1)[-1]
    return {"str": "text", "int": "whole number", "float": "number", "bool": "boolean", "null": "null"}.get(tag, tag)


def _not_mapping(parsed: Parsed) -> Iterator[Diagnostic]:
    doc = parsed.doc
    if doc.syntax is None and not isinstance(doc.data, dict):
        found = "an empty document" if doc.data is None else f"a {_kind(doc.node)}"
        yield YAML_NOT_MAPPING.at(parsed.root(), f"found {found}, expected a mapping of keys to values")


YAML_NOT_MAPPING: Rule[Parsed] = Rule(
    "Y003",
    "document-not-mapping",
    _E,
    "The document is empty or is not a mapping of keys to values.",
    "any",
    bad="- just\n- a list\n",
    good="name: Goalkeeper\n",
    check=_not_mapping,
)

#: The F rules, checked on every file read; then the Y rules, on every text parsed.
FILE_RULES: tuple[Rule[RawFile], ...] = (FILE_UNREADABLE, FILE_ENCODING)
YAML_RULES: tuple[Rule[Parsed], ...] = (YAML_SYNTAX, YAML_DUPLICATE_KEY, YAML_NOT_MAPPING)
_READING = frozenset(rule.code for rule in FILE_RULES)


def describe(node: yaml.Node | None) -> str:
    """What was found, for messages: ``text 'abc'``, ``whole number '5'``, ``a mapping``."""
    if isinstance(node, yaml.ScalarNode):
        return f"{_kind(node)} {echo.value(node.value)}" if node.value else _kind(node)
    return f"a {_kind(node)}"
