"""The rule registry: stable codes, readable names, and documentation `--explain` can show."""

from __future__ import annotations

import yaml

from art36 import rules
from art36.checks import files


def test_codes_and_names_are_well_formed_and_unique():
    every = rules.all_rules()
    assert len({r.code for r in every}) == len(every)
    assert len({r.name for r in every}) == len(every)
    for rule in every:
        assert rules.CODE_PATTERN.match(rule.code), rule.code
        assert rules.NAME_PATTERN.match(rule.name), rule.name
        assert rule.summary.endswith("."), rule.code
        assert rule.applies_to in ("system", "checklist", "any"), rule.code


def test_every_rule_but_unreadable_files_has_yaml_examples():
    for rule in rules.all_rules():
        if rule.code in ("F001", "F002"):
            continue  # a file that cannot be read has no YAML to show
        assert rule.bad and rule.good, rule.code
        yaml.safe_load(rule.good)
        if rule.code != "Y001":
            yaml.safe_load(rule.bad)


def test_lookup_by_code_or_name_and_prefix_selection():
    assert rules.get("y002") is rules.get("duplicate-key") is files.YAML_DUPLICATE_KEY
    assert rules.get("nope") is None
    assert rules.selected("A005", (), ())
    assert not rules.selected("A005", ("S",), ())
    assert rules.selected("A005", ("S", "a0"), ())
    assert not rules.selected("A005", ("A",), ("A005",))
    assert rules.selected("F001", ("S",), ("F",))  # an unreadable file is never filtered away
