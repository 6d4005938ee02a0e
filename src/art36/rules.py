"""The registry of every diagnostic rule, family by family: what `art36 rules`, `--explain` and SARIF list.

Each family keeps its rules next to their checks and lists them in an explicit tuple; this module only gathers
those tuples. Nothing registers itself on import, and no family imports this module back.
"""

from __future__ import annotations

from typing import Any

from art36.checks.checklists import UNKNOWN_CHECKLIST
from art36.checks.files import FILE_RULES, NOTE_RULES, YAML_RULES, never_filtered
from art36.checks.schema import SCHEMA_RULES
from art36.checks.system import SYSTEM_RULES
from art36.doctype import DOCUMENT_RULES
from art36.lint.rules import LINT_RULES
from art36.models.rule import CODE_PATTERN, NAME_PATTERN, Rule

__all__ = ["CODE_PATTERN", "FAMILIES", "NAME_PATTERN", "Rule", "all_rules", "get", "selected"]

#: Every family of rules: its code letter, what it covers, and its rules in code order.
FAMILIES: tuple[tuple[str, str, tuple[Rule[Any], ...]], ...] = (
    ("F", "reading the file", (*FILE_RULES, *NOTE_RULES)),
    ("Y", "reading the YAML", (*YAML_RULES, *DOCUMENT_RULES)),
    ("S", "the format's schema", SCHEMA_RULES),
    ("A", "system descriptions against their checklists", (UNKNOWN_CHECKLIST, *SYSTEM_RULES)),
    ("L", "checklists", LINT_RULES),
)


def all_rules() -> list[Rule[Any]]:
    """Every rule, sorted by code."""
    return sorted((rule for _, _, family in FAMILIES for rule in family), key=lambda r: r.code)


def get(code_or_name: str) -> Rule[Any] | None:
    """The rule with this code (any case) or name, if there is one."""
    for rule in all_rules():
        if code_or_name.upper() == rule.code or code_or_name == rule.name:
            return rule
    return None


def selected(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """``--select`` / ``--ignore`` by code prefix (``A0`` matches ``A001``...); ignore wins.

    A file that cannot be read is always reported: nothing was checked, so nothing can pass.
    """
    if never_filtered(code):
        return True
    if select and not any(code.startswith(p.upper()) for p in select):
        return False
    return not any(code.startswith(p.upper()) for p in ignore)
