"""Rules for reading any document (F: the file, Y: its YAML), each with the check that finds it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from art36 import echo, limits, yamlsrc
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
    if problem is not None and problem.kind == "syntax":
        yield YAML_SYNTAX.at(
            Location(file=parsed.display, line=problem.mark.line, column=problem.mark.column),
            f"invalid YAML: {echo.message(problem.message)}",
            hint=problem.hint or "check indentation, brackets and quotes around this position",
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
            Location(
                file=parsed.display, line=dup.mark.line, column=dup.mark.column, yaml_path=echo.path_part(dup.key)
            ),
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


def _problem_of_kind(parsed: Parsed, kind: str) -> tuple[Location, yamlsrc.SyntaxProblem] | None:
    problem = parsed.doc.syntax
    if problem is None or problem.kind != kind:
        return None
    return Location(file=parsed.display, line=problem.mark.line, column=problem.mark.column), problem


def _too_costly(parsed: Parsed) -> Iterator[Diagnostic]:
    found = _problem_of_kind(parsed, "limit")
    if found is not None:
        where, problem = found
        yield YAML_LIMIT.at(where, problem.message, problem.hint)


YAML_LIMIT: Rule[Parsed] = Rule(
    "Y005",
    "yaml-too-costly",
    _E,
    "The document nests too deeply, or its aliases expand to too many nodes (an alias bomb, a loop).",
    "any",
    bad="a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]   # ... doubling on to 2^30 nodes\n",
    good="a: [x, x]\n",
    explanation=(
        f"Limits: nesting up to {limits.MAX_DEPTH} levels; aliases may add up to {limits.MAX_ALIAS_NODES:,} "
        "nodes once expanded; an alias may not refer to a node that contains it. See docs/security.md."
    ),
    check=_too_costly,
)


def _bad_value(parsed: Parsed) -> Iterator[Diagnostic]:
    found = _problem_of_kind(parsed, "value")
    if found is not None:
        where, problem = found
        yield YAML_BAD_VALUE.at(where, problem.message, problem.hint)


YAML_BAD_VALUE: Rule[Parsed] = Rule(
    "Y006",
    "yaml-bad-value",
    _E,
    "A value whose type (written as a tag or implied by its form) does not fit its text: !!int abc, 2024-02-30.",
    "any",
    bad="issued: 2024-02-30\n",
    good="issued: 2024-02-29\n",
    check=_bad_value,
)


@dataclass(frozen=True)
class Overflow:
    """A file whose list of problems was cut: how many were left out."""

    display: str
    omitted: int


def _overflow(over: Overflow) -> Iterator[Diagnostic]:
    if over.omitted:
        limit = limits.MAX_DIAGNOSTICS_PER_FILE
        yield TOO_MANY_PROBLEMS.at(
            Location(file=over.display),
            f"at least {over.omitted:,} more problems in this file are not shown (art36 lists at most {limit} "
            "per file)",
            hint="fix the ones shown (often one mistake repeated) and run again",
        )


TOO_MANY_PROBLEMS: Rule[Overflow] = Rule(
    "F003",
    "too-many-problems",
    Severity.INFO,
    "The file has more problems than art36 lists per file; the rest are counted in this note.",
    "any",
    explanation=(
        f"At most {limits.MAX_DIAGNOSTICS_PER_FILE} problems are listed per file, so that a file with 200,000 "
        "unknown keys is reported in seconds. The note is never filtered out by --select or --ignore."
    ),
    check=_overflow,  # run by load.cap when it cuts the list
)

#: The F rules, checked on every file read; then the Y rules, on every text parsed.
FILE_RULES: tuple[Rule[RawFile], ...] = (FILE_UNREADABLE, FILE_ENCODING)
YAML_RULES: tuple[Rule[Parsed], ...] = (YAML_SYNTAX, YAML_DUPLICATE_KEY, YAML_NOT_MAPPING, YAML_LIMIT, YAML_BAD_VALUE)
#: Notes about a file as a whole (listed with the F rules).
NOTE_RULES: tuple[Rule[Overflow], ...] = (TOO_MANY_PROBLEMS,)
_READING = frozenset([*(rule.code for rule in FILE_RULES), *(rule.code for rule in NOTE_RULES)])


def describe(node: yaml.Node | None) -> str:
    """What was found, for messages: ``text 'abc'``, ``whole number '5'``, ``a mapping``."""
    if isinstance(node, yaml.ScalarNode):
        return f"{_kind(node)} {echo.value(node.value)}" if node.value else _kind(node)
    return f"a {_kind(node)}"
