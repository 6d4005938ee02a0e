"""What every lint check reads: the checklist, how to locate a path in its source, and where its conditions sit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from art36.load import Loaded
from art36.models.checklist import Checklist, Criterion
from art36.models.condition import Condition
from art36.models.diagnostic import Location

Loc = tuple[Any, ...]


@dataclass(frozen=True)
class ConditionSite:
    """One condition in the checklist: what it controls (``kind``/``owner``) and its path in the document."""

    kind: str  # "applies_when", "profile", "red_line" or "scope"
    owner: str  # the id of the criterion, profile or red line ("scope" for the scope)
    condition: Condition
    loc: Loc

    def describe(self) -> str:
        return {
            "applies_when": f"criterion '{self.owner}' applies_when",
            "profile": f"profile '{self.owner}' when",
            "red_line": f"red line '{self.owner}' when",
            "scope": "scope out_of_scope_when",
        }[self.kind]


@dataclass
class LintContext:
    """A successfully loaded checklist and its source, shared by all checks."""

    checklist: Checklist
    loaded: Loaded[Checklist]

    def at(self, loc: Loc, *, key: bool = False) -> Location:
        return self.loaded.locate(loc, key=key)

    @cached_property
    def criterion_locs(self) -> dict[str, Loc]:
        """The path of each criterion (the first one, if an id repeats)."""
        found: dict[str, Loc] = {}
        for si, section in enumerate(self.checklist.sections):
            for ci, criterion in enumerate(section.criteria):
                found.setdefault(criterion.id, ("sections", si, "criteria", ci))
        return found

    def criteria_with_locs(self) -> Iterator[tuple[Criterion, Loc]]:
        """Every criterion (repeats included) with its path."""
        for si, section in enumerate(self.checklist.sections):
            for ci, criterion in enumerate(section.criteria):
                yield criterion, ("sections", si, "criteria", ci)

    @cached_property
    def condition_sites(self) -> list[ConditionSite]:
        checklist = self.checklist
        sites: list[ConditionSite] = []
        for criterion, loc in self.criteria_with_locs():
            if criterion.applies_when is not None:
                sites.append(
                    ConditionSite("applies_when", criterion.id, criterion.applies_when, (*loc, "applies_when"))
                )
        for pi, profile in enumerate(checklist.profiles):
            sites.append(ConditionSite("profile", profile.id, profile.when, ("profiles", pi, "when")))
        for ri, red_line in enumerate(checklist.red_lines):
            sites.append(ConditionSite("red_line", red_line.id, red_line.when, ("red_lines", ri, "when")))
        if checklist.scope is not None:
            sites.append(
                ConditionSite("scope", "scope", checklist.scope.out_of_scope_when, ("scope", "out_of_scope_when"))
            )
        return sites


def leaves_at(condition: Condition, loc: Loc) -> Iterator[tuple[Condition, Loc]]:
    """Every criterion test in ``condition`` with its path (``all``/``any``/``not`` as written in YAML)."""
    if condition.criterion is not None:
        yield condition, loc
    for key, children in (("all", condition.all_), ("any", condition.any_)):
        for index, child in enumerate(children or ()):
            yield from leaves_at(child, (*loc, key, index))
    if condition.not_ is not None:
        yield from leaves_at(condition.not_, (*loc, "not"))
