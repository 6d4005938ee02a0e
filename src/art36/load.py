"""Load a YAML document into a typed model; every problem comes back as a located Diagnostic, never raised."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from art36 import echo, rules, yamlsrc
from art36.fileio import read_text
from art36.models.diagnostic import Diagnostic, Location

M = TypeVar("M", bound=BaseModel)

__all__ = ["Loaded", "load", "load_file", "read_text", "schema_diagnostics"]


@dataclass
class Loaded(Generic[M]):
    """A document as far as it could be read: the model (None if invalid), its node tree, its problems."""

    path: str
    model: M | None = None
    doc: yamlsrc.YamlDocument | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""

    def locate(self, loc: tuple[Any, ...], *, key: bool = False) -> Location:
        node, path = yamlsrc.find(self.doc.node if self.doc else None, loc, key=key)
        mark = yamlsrc.position(node)
        return Location(file=self.path, line=mark.line, column=mark.column, yaml_path=path)


def load(text: str, display: str, model: type[M]) -> Loaded[M]:
    """Parse ``text`` and validate it as ``model``; problems are located in the source."""
    result: Loaded[M] = Loaded(path=display, text=text)
    doc = yamlsrc.parse(text)
    result.doc = doc
    if doc.syntax is not None:
        mark = doc.syntax.mark
        result.diagnostics.append(
            rules.YAML_SYNTAX.at(
                Location(file=display, line=mark.line, column=mark.column),
                f"invalid YAML: {echo.message(doc.syntax.message)}",
                hint="check indentation, brackets and quotes around this position",
            )
        )
        return result
    for dup in doc.duplicates:
        result.diagnostics.append(
            rules.YAML_DUPLICATE_KEY.at(
                Location(file=display, line=dup.mark.line, column=dup.mark.column, yaml_path=str(dup.key)),
                f"key {echo.key(dup.key)} appears again (first at line {dup.first.line}); expected each key once",
                hint="remove or merge one of the two; YAML would silently keep only the last",
            )
        )
    if not isinstance(doc.data, dict):
        found = "an empty document" if doc.data is None else f"a {_yaml_kind(doc.node)}"
        result.diagnostics.append(
            rules.YAML_NOT_MAPPING.at(result.locate(()), f"found {found}, expected a mapping of keys to values")
        )
        return result
    try:
        result.model = model.model_validate(doc.data)
    except ValidationError as exc:
        result.diagnostics.extend(schema_diagnostics(result, model, exc))
    if result.diagnostics and any(d.code == rules.YAML_DUPLICATE_KEY.code for d in result.diagnostics):
        result.model = None  # a document with duplicate keys is ambiguous: never score it
    return result


def load_file(path: str | Path, display: str, model: type[M]) -> Loaded[M]:
    text, problem = read_text(path, display)
    if text is None:
        assert problem is not None
        return Loaded(path=display, diagnostics=[problem])
    return load(text, display, model)


# --- mapping pydantic errors to the source -----------------------------------------------------------

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


def _yaml_kind(node: yaml.Node | None) -> str:
    if node is None:
        return "nothing"
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    tag = node.tag.rsplit(":", 1)[-1]
    return {"str": "text", "int": "whole number", "float": "number", "bool": "boolean", "null": "null"}.get(tag, tag)


def _found(node: yaml.Node | None) -> str:
    if isinstance(node, yaml.ScalarNode):
        return f"{_yaml_kind(node)} {echo.value(node.value)}" if node.value else _yaml_kind(node)
    return f"a {_yaml_kind(node)}"


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


def schema_diagnostics(loaded: Loaded[Any], model: type[BaseModel], exc: ValidationError) -> list[Diagnostic]:
    out: dict[tuple[int, int, str], Diagnostic] = {}
    root = loaded.doc.node if loaded.doc else None
    errors = exc.errors(include_url=False)
    for err in errors:
        loc = tuple(err["loc"])
        kind = err["type"]
        if kind == "too_short" and any(tuple(e["loc"])[: len(loc)] == loc and tuple(e["loc"]) != loc for e in errors):
            continue  # pydantic adds "too short" when an item failed; the item's own error says it all
        if kind == "extra_forbidden":
            key = loc[-1]
            location = loaded.locate(loc, key=True)
            allowed = _fields_at(model, loc[:-1])
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else (f"allowed keys here: {', '.join(sorted(allowed))}" if allowed else "")
            )
            diag = rules.SCHEMA_UNKNOWN_KEY.at(location, f"unknown key {echo.key(key)}", hint)
        elif kind == "missing":
            location = loaded.locate(loc[:-1])
            where = f" in '{location.yaml_path}'" if location.yaml_path else ""
            diag = rules.SCHEMA_MISSING_KEY.at(location, f"missing required key '{loc[-1]}'{where}")
        else:
            node, _ = yamlsrc.find(root, loc)
            location = loaded.locate(loc)
            expected = _EXPECTED.get(kind)
            if kind == "dict_type" and str(loc[-1]).startswith("dict["):
                expected = "a map of language code to text"
            if expected:
                hint = ""
                if (
                    kind == "string_type"
                    and isinstance(node, yaml.ScalarNode)
                    and node.tag.endswith((":float", ":int", ":bool", ":null"))
                ):
                    short = not echo.hiding() and len(node.value) <= echo.EXCERPT_CHARS
                    hint = f'quote it to keep it as text: "{node.value}"' if short else "quote it to keep it as text"
                diag = rules.SCHEMA_WRONG_TYPE.at(location, f"found {_found(node)}, expected {expected}", hint)
            else:
                message = str(err["msg"]).removeprefix("Value error, ")
                diag = rules.SCHEMA_INVALID_VALUE.at(location, f"found {_found(node)}: {message}")
        slot = (diag.location.line, diag.location.column, diag.code)
        previous = out.get(slot)
        if previous is not None and diag.code == rules.SCHEMA_WRONG_TYPE.code:
            # A union (e.g. text or a language map) reports one error per member: merge the expectations.
            extra = diag.message.split(", expected ", 1)[-1]
            if extra not in previous.message:
                diag = previous.model_copy(update={"message": f"{previous.message} or {extra}"})
            else:
                diag = previous
        elif previous is not None:
            continue
        out[slot] = diag
    return sorted(out.values(), key=Diagnostic.sort_key)
