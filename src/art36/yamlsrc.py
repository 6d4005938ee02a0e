"""Read YAML safely and within bounds, keeping the node tree so any problem is located as file:line:col."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError

try:  # libyaml's parser is several times faster; the constructor stays the safe one.
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = None  # type: ignore[assignment,misc]

from art36 import echo
from art36.limits import MAX_ALIAS_NODES, MAX_DEPTH, MAX_NODES

_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_KINDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "timestamp": "a date",
    "binary": "base64 data",
    "null": "null",
}


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
    hint: str = ""
    #: "syntax" (not YAML), "value" (a scalar no safe constructor can build) or "limit" (too costly to read).
    kind: str = "syntax"


@dataclass
class YamlDocument:
    """A parsed file: the plain data, the node tree with positions, and what went wrong while reading."""

    data: Any = None
    node: yaml.Node | None = None
    duplicates: list[Duplicate] = field(default_factory=list)
    syntax: SyntaxProblem | None = None


def _mark(m: Any) -> Mark:
    """A 1-based Mark from PyYAML's 0-based one (pure-Python or libyaml's)."""
    return Mark(m.line + 1, m.column + 1) if m is not None else Mark(1, 1)


def _text_mark(text: str, index: int) -> Mark:
    line_start = text.rfind("\n", 0, index) + 1
    return Mark(text.count("\n", 0, index) + 1, index - line_start + 1)


class _Unbuildable(ConstructorError):
    """A scalar whose tag (explicit or implied) names a type its text is not, e.g. ``!!int abc``, ``2024-02-30``."""

    hint = ""


class _Checked:
    """Safe-loader behaviour shared by the libyaml and pure-Python loaders: duplicate keys, unbuildable values."""

    duplicates: list[Duplicate]

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)  # type: ignore[misc]
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            kind = _KINDS.get(node.tag.rsplit(":", 1)[-1], node.tag)
            too_long = "digits" in str(exc)  # int('...') past Python's 4,300-digit limit
            problem = f"found a value that cannot be read as {kind}" + (" (more than 4,300 digits)" if too_long else "")
            error = _Unbuildable(None, None, problem, node.start_mark)
            implied = isinstance(node, yaml.ScalarNode) and node.tag == self.resolve(  # type: ignore[attr-defined]
                yaml.ScalarNode, node.value, (True, False)
            )
            error.hint = "quote it to keep it as text" if implied else "remove the tag or correct the value"
            raise error from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # Compare the keys as built (true, True and TRUE are one key; so are 1 and 0x1): the
        # keys that would overwrite each other in the data are the duplicates.
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                continue
            key = key_node.value if key_node.tag == _STR_TAG else self.construct_object(key_node)
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: the constructor reports it
                continue
            if first is not None:
                self.duplicates.append(Duplicate(key_node.value, _mark(key_node.start_mark), _mark(first.start_mark)))
            else:
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc,no-any-return]


class _TooManyNodes(yaml.MarkedYAMLError):
    """The document holds more than ``MAX_NODES`` nodes (raised by the pure-Python composer as it counts)."""


class _PyLoader(_Checked, yaml.SafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates = []
        self.nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # Counted as composed (every node and alias passes here): no second pass over a slow parser.
        self.nodes += 1
        if self.nodes > MAX_NODES:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _TooManyNodes(problem=_nodes_message(), problem_mark=event.start_mark)
        return super().compose_node(parent, index)


if _FastLoader is not None:

    class _CLoader(_Checked, _FastLoader):
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.duplicates = []

    _DEFAULT: type[Any] = _CLoader
else:  # pragma: no cover - exercised by forcing the fallback in tests
    _DEFAULT = _PyLoader

#: Which parser reads files: "libyaml" (C) or "python" (PyYAML's pure-Python fallback, same limits).
BACKEND = "libyaml" if _FastLoader is not None else "python"


def parse(text: str, *, pure: bool = False) -> YamlDocument:
    """Parse one YAML document. Never raises on bad or hostile YAML: the problem is returned as data.

    ``pure`` forces PyYAML's pure-Python parser (as on a machine without libyaml).
    """
    loader_class = _PyLoader if pure else _DEFAULT
    control = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if control is not None:
        char = ord(control.group())
        return YamlDocument(
            syntax=SyntaxProblem(
                f"found control character U+{char:04X}, which YAML does not allow in a file",
                _text_mark(text, control.start()),
                hint='remove it; inside double quotes it can be written as an escape ("\\x07")',
            )
        )
    if loader_class is not _PyLoader and len(text) > MAX_NODES // 4:  # shorter text cannot hold that many nodes
        crowded = _count_nodes(text)
        if crowded is not None:
            return YamlDocument(syntax=crowded)
    loader = loader_class(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:  # only the pure-Python composer recurses; libyaml stops at its own depth limit
            return YamlDocument(syntax=_too_deep(text))
        if node is not None:
            # Without a '*' there is no alias, so the tree is as large as the text: only its depth is checked.
            limit = _check_limits(node, len(text) + MAX_ALIAS_NODES) if "*" in text else _check_depth(node)
            if limit is not None:
                return YamlDocument(syntax=limit)
        data = loader.construct_document(node) if node is not None else None
    except _TooManyNodes as exc:
        return YamlDocument(syntax=_limit_problem(_nodes_message(), _mark(exc.problem_mark)))
    except _Unbuildable as exc:
        return YamlDocument(syntax=SyntaxProblem(exc.problem or "", _mark(exc.problem_mark), exc.hint, "value"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        parts = [p for p in (exc.context, exc.problem) if p]
        message = "; ".join(parts) or "invalid YAML"
        if "maximum nesting depth" in message:  # libyaml's own limit (1,000 levels): locate ours instead
            return YamlDocument(syntax=_too_deep(text))
        return YamlDocument(syntax=SyntaxProblem(message, _mark(mark)))
    except yaml.YAMLError as exc:
        return YamlDocument(syntax=SyntaxProblem(str(exc).splitlines()[0], Mark(1, 1)))
    finally:
        loader.dispose()
    return YamlDocument(data=data, node=node, duplicates=loader.duplicates)


def _depth_message() -> str:
    return f"nesting is deeper than {MAX_DEPTH} levels"


def _limit_problem(message: str, mark: Mark) -> SyntaxProblem:
    return SyntaxProblem(message, mark, "art36 refuses documents this costly to read (see docs/security.md)", "limit")


def _nodes_message() -> str:
    return f"the document has more than {MAX_NODES:,} nodes (keys, values and list items)"


_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)


def _count_nodes(text: str) -> SyntaxProblem | None:
    """The first node past ``MAX_NODES``, found from libyaml's events before any node is built; else None."""
    loader = _FastLoader(text)
    count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _NODE_EVENTS):
                count += 1
                if count > MAX_NODES:
                    return _limit_problem(_nodes_message(), _mark(event.start_mark))
    except yaml.YAMLError:
        return None  # the real parse reports it, located
    finally:
        loader.dispose()
    return None


def _too_deep(text: str) -> SyntaxProblem:
    """Where nesting first passes the limit, found by a flat scan of the pure-Python parser's events.

    Not libyaml's: its scanner reads a whole flow collection ahead and stops at its own 1,000 levels first.
    """
    depth = 0
    loader = _PyLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()  # type: ignore[no-untyped-call]
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _limit_problem(_depth_message(), _mark(event.start_mark))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return _limit_problem(_depth_message(), Mark(1, 1))


def _check_depth(root: yaml.Node) -> SyntaxProblem | None:
    """Nesting depth of a tree without aliases (each node visited once)."""
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    scalar = yaml.ScalarNode
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return _limit_problem(_depth_message(), _mark(node.start_mark))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(value, scalar):
                    stack.append((value, depth + 1))
                if not isinstance(key, scalar):
                    stack.append((key, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value if not isinstance(item, scalar))
    return None


def _nodes(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_limits(root: yaml.Node, budget: int) -> SyntaxProblem | None:
    """Depth and size of the tree as aliases expand it, computed once per distinct node (no expansion)."""
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_.discard(key)
            kids = _nodes(node)
            total = 1 + sum(size[id(k)] for k in kids)
            levels = 0 if isinstance(node, yaml.ScalarNode) else 1 + max((height[id(k)] for k in kids), default=0)
            if levels > MAX_DEPTH:
                return _limit_problem(_depth_message(), _mark(node.start_mark))
            if total > budget:
                return _limit_problem(
                    f"aliases here expand to more than {MAX_ALIAS_NODES:,} extra nodes", _mark(node.start_mark)
                )
            size[key], height[key] = total, levels
            continue
        if key in size:
            continue
        if key in open_:
            return _limit_problem("an alias refers to a node that contains it (a loop)", _mark(node.start_mark))
        open_.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in _nodes(node) if id(k) not in size)
    return None


# --- walking the node tree -------------------------------------------------------------------------


class Index:
    """Finds nodes by path in one document; each mapping is indexed once, so locating n problems costs O(n)."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root
        self._maps: dict[int, dict[Any, tuple[yaml.Node, yaml.Node]]] = {}

    def _child(self, node: yaml.Node, part: Any) -> tuple[yaml.Node, yaml.Node] | None:
        if isinstance(node, yaml.SequenceNode):
            if isinstance(part, int) and not isinstance(part, bool) and 0 <= part < len(node.value):
                item = node.value[part]
                return item, item
            return None
        if not isinstance(node, yaml.MappingNode):
            return None
        table = self._maps.get(id(node))
        if table is None:
            table = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    table.setdefault(key_node.value, (key_node, value_node))
            self._maps[id(node)] = table
        return table.get(part if isinstance(part, str) else str(part))

    def find(self, loc: tuple[Any, ...], *, key: bool = False) -> tuple[yaml.Node | None, str]:
        """The deepest node along ``loc`` and its YAML path.

        Path parts that are not keys of the current node (e.g. pydantic's union member names) are skipped,
        so an error path from validation still lands on the closest real node. With ``key=True`` the last
        step points at the mapping key rather than its value (for unknown or duplicate keys).
        """
        node = self.root
        path = ""
        for i, part in enumerate(loc):
            if node is None:
                break
            found = self._child(node, part)
            if found is None:
                continue
            if isinstance(part, int):
                path = f"{path}[{part}]"
            else:  # a key can be a paragraph: the path shows it bounded
                path = f"{path}.{echo.path_part(part)}" if path else echo.path_part(part)
            node = found[0] if (key and i == len(loc) - 1) else found[1]
        return node, path


def find(root: yaml.Node | None, loc: tuple[Any, ...], *, key: bool = False) -> tuple[yaml.Node | None, str]:
    """One-off lookup (see ``Index.find``; use an Index to locate many problems in one document)."""
    return Index(root).find(loc, key=key)


def position(node: yaml.Node | None) -> Mark:
    return _mark(node.start_mark) if node is not None else Mark(1, 1)
