"""Read YAML safely and keep the node tree, so any problem can be located as file:line:col and YAML path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's parser is several times faster; the constructor stays the safe one.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


@dataclass(frozen=True)
class Mark:
    """A 1-based position in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class Duplicate:
    key: str
    mark: Mark
    first: Mark


@dataclass(frozen=True)
class SyntaxProblem:
    message: str
    mark: Mark


@dataclass
class YamlDocument:
    """A parsed file: the plain data, the node tree with positions, and what went wrong while reading."""

    data: Any = None
    node: yaml.Node | None = None
    duplicates: list[Duplicate] = field(default_factory=list)
    syntax: SyntaxProblem | None = None


def _mark(m: yaml.Mark | None) -> Mark:
    return Mark(m.line + 1, m.column + 1) if m is not None else Mark(1, 1)


class _Loader(_BaseLoader):
    """Safe loader that records duplicate keys instead of silently keeping the last one."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[Duplicate] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            if key in seen and key_node.tag != "tag:yaml.org,2002:merge":
                self.duplicates.append(Duplicate(key, _mark(key_node.start_mark), _mark(seen[key].start_mark)))
            else:
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def parse(text: str) -> YamlDocument:
    """Parse one YAML document. Never raises on bad YAML: the problem is returned as data."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        parts = [p for p in (exc.context, exc.problem) if p]
        return YamlDocument(syntax=SyntaxProblem("; ".join(parts) or "invalid YAML", _mark(mark)))
    except yaml.YAMLError as exc:
        return YamlDocument(syntax=SyntaxProblem(str(exc).splitlines()[0], Mark(1, 1)))
    finally:
        loader.dispose()
    return YamlDocument(data=data, node=node, duplicates=loader.duplicates)


# --- walking the node tree -------------------------------------------------------------------------


def _children(node: yaml.Node) -> Iterator[tuple[Any, yaml.Node, yaml.Node]]:
    """(key, key node, value node) for a mapping; (index, item, item) for a sequence."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield key_node.value, key_node, value_node
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield index, item, item


def find(root: yaml.Node | None, loc: tuple[Any, ...], *, key: bool = False) -> tuple[yaml.Node | None, str]:
    """The deepest node along ``loc`` and its YAML path.

    Path parts that are not keys of the current node (e.g. pydantic's union member names) are skipped,
    so an error path from validation still lands on the closest real node. With ``key=True`` the last
    step points at the mapping key rather than its value (for unknown or duplicate keys).
    """
    node = root
    path = ""
    for i, part in enumerate(loc):
        if node is None:
            break
        last = i == len(loc) - 1
        for child_key, key_node, value_node in _children(node):
            if child_key == part or (isinstance(part, str) and str(child_key) == part):
                path = f"{path}[{part}]" if isinstance(part, int) else (f"{path}.{part}" if path else str(part))
                node = key_node if (key and last) else value_node
                break
    return node, path


def position(node: yaml.Node | None) -> Mark:
    return _mark(node.start_mark) if node is not None else Mark(1, 1)
