"""Rules of a document's format (S: keys and values the schema defines), mapping pydantic errors to the source."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from art36 import echo, wording, yamlsrc
from art36.checks.files import describe
from art36.models.diagnostic import Diagnostic, Location, Severity
from art36.models.rule import Rule

_E = Severity.ERROR


@dataclass(frozen=True)
class Invalid:
    """A document its model rejected: the node tree to locate errors in, and pydantic's errors."""

    display: str
    root: yaml.Node | None
    model: type[BaseModel]
    errors: tuple[ErrorDetails, ...]

    @cached_property
    def index(self) -> yamlsrc.Index:
        """Node lookup by path, each mapping indexed once (locating n errors stays linear)."""
        return yamlsrc.Index(self.root)

    def locate(self, loc: tuple[Any, ...], *, key: bool = False) -> Location:
        node, path = self.index.find(loc, key=key)
        mark = yamlsrc.position(node)
        return Location(file=self.display, line=mark.line, column=mark.column, yaml_path=path)

    def of_kind(self, wanted: typing.Callable[[str], bool]) -> Iterator[tuple[tuple[Any, ...], ErrorDetails]]:
        """(path, error) for the errors whose type ``wanted`` accepts, leaving out redundant ones."""
        for err in self.errors:
            loc = tuple(err["loc"])
            kind = err["type"]
            if not wanted(kind):
                continue
            if kind == "too_short" and any(
                tuple(e["loc"])[: len(loc)] == loc and tuple(e["loc"]) != loc for e in self.errors
            ):
                continue  # pydantic adds "too short" when an item failed; the item's own error says it all
            yield loc, err


def _once(found: Iterator[Diagnostic]) -> Iterator[Diagnostic]:
    """One diagnostic per position: a union's members each report the same node."""
    seen: set[tuple[int, int]] = set()
    for d in found:
        slot = (d.location.line, d.location.column)
        if slot not in seen:
            seen.add(slot)
            yield d


# --- S001 ---------------------------------------------------------------------------------------------
def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold (Optional, unions and Annotated removed)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the format allows in the mapping at ``loc`` (for 'did you mean')."""
    candidates: list[Any] = [model]
    for part in loc:
        nxt: list[Any] = []
        for cand in candidates:
            for t in _unwrap(cand):
                origin = typing.get_origin(t)
                if isinstance(t, type) and issubclass(t, BaseModel):
                    for name, info in t.model_fields.items():
                        if part in (name, info.alias):
                            nxt.append(info.annotation)
                elif origin is dict and not isinstance(part, int):
                    nxt.append(typing.get_args(t)[1])
                elif origin in (list, tuple) and isinstance(part, int):
                    nxt.append(typing.get_args(t)[0])
        candidates = nxt or candidates
    names: list[str] = []
    for cand in candidates:
        for t in _unwrap(cand):
            if isinstance(t, type) and issubclass(t, BaseModel):
                names.extend(info.alias or name for name, info in t.model_fields.items())
    return names


def _unknown_keys(doc: Invalid) -> Iterator[Diagnostic]:
    def found() -> Iterator[Diagnostic]:
        for loc, _ in doc.of_kind(lambda kind: kind == "extra_forbidden"):
            key = str(loc[-1])
            allowed = _fields_at(doc.model, loc[:-1])
            hint = wording.did_you_mean(key, allowed) or (
                f"allowed keys here: {', '.join(sorted(allowed))}" if allowed else ""
            )
            yield SCHEMA_UNKNOWN_KEY.at(doc.locate(loc, key=True), f"unknown key {echo.key(key)}", hint)

    yield from _once(found())


SCHEMA_UNKNOWN_KEY: Rule[Invalid] = Rule(
    "S001",
    "unknown-key",
    _E,
    "A key that the format does not define (often a typo).",
    "any",
    bad="nmae: Goalkeeper\n",
    good="name: Goalkeeper\n",
    check=_unknown_keys,
)


# --- S002 ---------------------------------------------------------------------------------------------
def _missing_keys(doc: Invalid) -> Iterator[Diagnostic]:
    def found() -> Iterator[Diagnostic]:
        for loc, _ in doc.of_kind(lambda kind: kind == "missing"):
            location = doc.locate(loc[:-1])
            where = f" in '{location.yaml_path}'" if location.yaml_path else ""
            yield SCHEMA_MISSING_KEY.at(location, f"missing required key '{loc[-1]}'{where}")

    yield from _once(found())


SCHEMA_MISSING_KEY: Rule[Invalid] = Rule(
    "S002",
    "missing-key",
    _E,
    "A key the format requires is absent.",
    "any",
    bad="name: Goalkeeper\n",
    good="name: Goalkeeper\nclassification: UNCLASSIFIED\n",
    check=_missing_keys,
)


# --- S003 ---------------------------------------------------------------------------------------------
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "list_type": "a list",
    "tuple_type": "a list",
}


def _wrong_types(doc: Invalid) -> Iterator[Diagnostic]:
    merged: dict[tuple[int, int], Diagnostic] = {}
    for loc, err in doc.of_kind(lambda kind: kind in _EXPECTED):
        kind = err["type"]
        node, _ = doc.index.find(loc)
        expected = _EXPECTED[kind]
        if kind == "dict_type" and str(loc[-1]).startswith("dict["):
            expected = "a map of language code to text"
        hint = ""
        if (
            kind == "string_type"
            and isinstance(node, yaml.ScalarNode)
            and str(node.tag).endswith((":float", ":int", ":bool", ":null"))
        ):
            short = not echo.hiding() and len(node.value) <= echo.EXCERPT_CHARS
            hint = f'quote it to keep it as text: "{node.value}"' if short else "quote it to keep it as text"
        diag = SCHEMA_WRONG_TYPE.at(doc.locate(loc), f"found {describe(node)}, expected {expected}", hint)
        slot = (diag.location.line, diag.location.column)
        previous = merged.get(slot)
        if previous is not None:
            # A union (e.g. text or a language map) reports one error per member: merge the expectations.
            if expected in previous.message:
                continue
            diag = previous.model_copy(update={"message": f"{previous.message} or {expected}"})
        merged[slot] = diag
    yield from merged.values()


SCHEMA_WRONG_TYPE: Rule[Invalid] = Rule(
    "S003",
    "wrong-type",
    _E,
    "A value has the wrong type (for example a version written 1.10, which YAML reads as the number 1.1).",
    "any",
    bad="version: 1.10\n",
    good='version: "1.10"\n',
    check=_wrong_types,
)


# --- S004 ---------------------------------------------------------------------------------------------
def _bad_key(key: str, err: ErrorDetails) -> str:
    """A mapping key that breaks a rule of the format: what was found (a key of N characters) and what was expected."""
    ctx = err.get("ctx") or {}
    if err["type"] == "string_too_long" and "max_length" in ctx:
        return f"found a key of {len(key):,} characters, expected a key of at most {ctx['max_length']} characters"
    return f"found a key that breaks a rule of the format, expected: {str(err['msg']).removeprefix('Value error, ')}"


def _invalid_values(doc: Invalid) -> Iterator[Diagnostic]:
    def found() -> Iterator[Diagnostic]:
        for loc, err in doc.of_kind(lambda kind: kind not in _EXPECTED and kind not in ("extra_forbidden", "missing")):
            if len(loc) >= 2 and loc[-1] == "[key]" and isinstance(loc[-2], str):
                yield SCHEMA_INVALID_VALUE.at(doc.locate(loc[:-1], key=True), _bad_key(loc[-2], err))
                continue  # the key broke the rule, not its value: say so, located at the key
            node, _ = doc.index.find(loc)
            message = str(err["msg"]).removeprefix("Value error, ")
            yield SCHEMA_INVALID_VALUE.at(doc.locate(loc), f"found {describe(node)}: {message}")

    yield from _once(found())


SCHEMA_INVALID_VALUE: Rule[Invalid] = Rule(
    "S004",
    "invalid-value",
    _E,
    "A value breaks a rule of the format (pattern, range, allowed values).",
    "any",
    bad="risk_level: severe\n",
    good="risk_level: high\n",
    check=_invalid_values,
)

#: The S rules, checked on every document its model rejects.
SCHEMA_RULES: tuple[Rule[Invalid], ...] = (
    SCHEMA_UNKNOWN_KEY,
    SCHEMA_MISSING_KEY,
    SCHEMA_WRONG_TYPE,
    SCHEMA_INVALID_VALUE,
)
