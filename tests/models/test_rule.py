"""A rule holds its code, name, severity, documentation and check together; run() applies a family of rules."""

from __future__ import annotations

from collections.abc import Iterator

from art36.models.diagnostic import Diagnostic, Location, Severity
from art36.models.rule import Rule, run


def _odd(ctx: list[int]) -> Iterator[Diagnostic]:
    for n in ctx:
        if n % 2:
            yield ODD.at(Location(file="f.yaml", line=n), f"{n} is odd", hint="use an even number")


ODD: Rule[list[int]] = Rule("T001", "odd-number", Severity.WARNING, "An odd number.", "any", check=_odd)


def test_at_makes_a_diagnostic_with_the_rule_s_code_name_and_severity() -> None:
    d = ODD.at(Location(file="f.yaml", line=3), "3 is odd")
    assert (d.code, d.name, d.severity, d.message, d.location.line) == (
        "T001",
        "odd-number",
        Severity.WARNING,
        "3 is odd",
        3,
    )
    assert ODD.at(Location(file="f.yaml"), "x", severity=Severity.ERROR).severity is Severity.ERROR


def test_run_applies_every_rule_in_order() -> None:
    found = run((ODD,), [1, 2, 3])
    assert [(d.code, d.location.line, d.hint) for d in found] == [
        ("T001", 1, "use an even number"),
        ("T001", 3, "use an even number"),
    ]
    assert run((), [1]) == []


def test_rules_are_frozen_and_compare_without_their_check() -> None:
    import dataclasses

    import pytest

    with pytest.raises(dataclasses.FrozenInstanceError):
        ODD.code = "T002"  # type: ignore[misc]
    assert dataclasses.replace(ODD, check=lambda ctx: ()) == ODD
