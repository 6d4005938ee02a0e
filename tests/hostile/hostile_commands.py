"""Every art36 command that reads files, and how each takes a hostile file in each role: the one list to extend.

A role is how a hostile file reaches a command:

- ``system``: given as the system file (or batch path) to check, score, review or report;
- ``checklist``: given as a checklist file (``lint FILE``, ``show FILE``, ``--checklist FILE``, ``init -c FILE``);
- ``named``: named in ``checklists:`` of a valid system file (``host.yaml``);
- ``evidence``: cited as an evidence ``path`` in a valid system file (``host.yaml``);
- ``review``: given where a saved review is read (``verify``, ``diff``).

A new command that reads files gets one entry in :data:`COMMANDS`; the hostile corpus then runs over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

#: role -> (hostile path as given on the command line) -> arguments after ``art36``.
Builder = Callable[[str], list[str]]

#: The valid system file every workspace has (see test_hostile.workspace), and the one naming the hostile file.
GOOD = "good.yaml"
HOST = "host.yaml"
#: A path no command may create: ``init`` is pointed at it.
NEW = "new-system.yaml"


@dataclass(frozen=True)
class Command:
    name: str
    roles: dict[str, Builder] = field(default_factory=dict)


COMMANDS: list[Command] = [
    Command(
        "score",
        {
            "system": lambda h: ["score", h],
            "checklist": lambda h: ["score", GOOD, "--checklist", h],
            "named": lambda h: ["score", HOST],
            "evidence": lambda h: ["score", HOST],
        },
    ),
    # validate, score and report share the pipeline that reads named checklists and evidence: score covers those
    # roles for all three (the corpus is hundreds of processes; CI has ten minutes for everything).
    Command("validate", {"system": lambda h: ["validate", h], "checklist": lambda h: ["validate", GOOD, "-c", h]}),
    Command("lint", {"checklist": lambda h: ["lint", h]}),
    Command(
        "report",
        {
            "system": lambda h: ["report", h, "--format", "text"],
            "review": lambda h: ["report", h, "--format", "json"],
        },
    ),
    Command("review", {"system": lambda h: ["review", h]}),
    Command("verify", {"review": lambda h: ["verify", h]}),
    Command("diff", {"review": lambda h: ["diff", h, GOOD], "system": lambda h: ["diff", GOOD, h]}),
    Command("show", {"checklist": lambda h: ["show", h]}),
    Command("init", {"checklist": lambda h: ["init", "--checklist", h, "--output", NEW]}),
]

#: Commands that read no files; the network test runs them too.
NO_INPUT_COMMANDS: list[list[str]] = [["rules"], ["rules", "--format", "json"], ["schema", "system"], ["--version"]]
