"""Safe YAML parsing that keeps the node tree: problems as data, duplicate keys recorded, paths located."""

from __future__ import annotations

import yaml

from art36 import yamlsrc


def test_a_document_keeps_its_data_and_node_tree() -> None:
    doc = yamlsrc.parse("name: X\nuses:\n  - id: a\n")
    assert doc.data == {"name": "X", "uses": [{"id": "a"}]}
    assert isinstance(doc.node, yaml.MappingNode)
    assert doc.syntax is None and doc.duplicates == []


def test_bad_yaml_is_returned_as_a_positioned_problem_not_raised() -> None:
    doc = yamlsrc.parse("name: [X\nother: 1\n")
    assert doc.syntax is not None and doc.data is None and doc.node is None
    assert (doc.syntax.mark.line, doc.syntax.mark.column) >= (2, 1)
    assert "flow sequence" in doc.syntax.message


def test_duplicate_keys_are_recorded_at_any_depth_with_both_positions() -> None:
    doc = yamlsrc.parse("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    found = sorted((d.key, d.mark.line, d.mark.column, d.first.line) for d in doc.duplicates)
    assert found == [("a", 5, 1, 1), ("c", 4, 3, 3)]


def test_merge_keys_are_not_duplicates() -> None:
    doc = yamlsrc.parse("base: &b {x: 1}\none:\n  <<: *b\n  <<: *b\n  y: 2\n")
    assert doc.duplicates == []


def test_unsafe_tags_are_refused() -> None:
    doc = yamlsrc.parse("x: !!python/object/apply:os.system ['true']\n")
    assert doc.syntax is not None and doc.data is None


def test_find_walks_keys_and_indexes_and_names_the_path() -> None:
    root = yamlsrc.parse("uses:\n  - id: a\n    context: {env: sea}\n").node
    node, path = yamlsrc.find(root, ("uses", 0, "context", "env"))
    assert path == "uses[0].context.env"
    assert yamlsrc.position(node) == yamlsrc.Mark(3, 20)
    key, _ = yamlsrc.find(root, ("uses", 0, "context"), key=True)
    assert yamlsrc.position(key) == yamlsrc.Mark(3, 5)  # the key, not its value


def test_find_skips_parts_that_are_not_keys_and_stops_at_the_closest_node() -> None:
    root = yamlsrc.parse("a:\n  b: 1\n").node
    node, path = yamlsrc.find(root, ("a", "str", "b"))  # pydantic's union member names are not keys
    assert (path, yamlsrc.position(node)) == ("a.b", yamlsrc.Mark(2, 6))
    node, path = yamlsrc.find(root, ("a", "missing"))
    assert (path, yamlsrc.position(node)) == ("a", yamlsrc.Mark(2, 3))


def test_no_node_is_position_one_one() -> None:
    assert yamlsrc.position(None) == yamlsrc.Mark(1, 1)
    assert yamlsrc.find(None, ("a",)) == (None, "")
