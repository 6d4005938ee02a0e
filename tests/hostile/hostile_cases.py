"""The hostile corpus: files made at test time (FIFOs, devices, links, odd bytes...), each with the roles it plays.

Add a case with :func:`case`: a function that creates the file inside the workspace folder and returns the path
to give art36 (relative to the workspace, or absolute), the roles it is tried in (see hostile_commands), and what
to expect. Every case is run by every command that takes one of its roles (tests/hostile/test_hostile.py).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ALL_ROLES = frozenset({"system", "checklist", "named", "evidence", "review"})
FILE_ROLES = frozenset({"system", "checklist", "review"})


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], str]
    roles: frozenset[str] = ALL_ROLES
    #: Accepted exit codes (never 0: each case is a problem to report; never 3: that is a crash).
    exits: frozenset[int] = frozenset({1, 2})
    #: The file name as art36 shows it, if it differs from the path given (escaped bytes).
    shown: str | None = None
    #: Run the command as an unprivileged user (files unreadable to it are the point of the case).
    as_nobody: bool = False
    #: "command-role" pairs where the case is no problem at all, with the reason (e.g. a folder given to report).
    not_a_problem: dict[str, str] = field(default_factory=dict)


CASES: list[Case] = []


def case(name: str, roles: frozenset[str] = ALL_ROLES, **kwargs: object) -> Callable[[Callable[[Path], str]], None]:
    def register(make: Callable[[Path], str]) -> None:
        CASES.append(Case(name, make, roles, **kwargs))  # type: ignore[arg-type]

    return register


@case("fifo")
def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.yaml")
    return "pipe.yaml"


@case("device")
def _device(folder: Path) -> str:
    return "/dev/zero"


@case("link-to-device")
def _link_to_device(folder: Path) -> str:
    (folder / "zero.yaml").symlink_to("/dev/zero")
    return "zero.yaml"


@case("link-to-fifo")
def _link_to_fifo(folder: Path) -> str:
    os.mkfifo(folder / "real-pipe")
    (folder / "pipe-link.yaml").symlink_to("real-pipe")
    return "pipe-link.yaml"


@case("symlink-loop")
def _loop(folder: Path) -> str:
    (folder / "loop.yaml").symlink_to("loop.yaml")
    return "loop.yaml"


@case("dangling-link")
def _dangling(folder: Path) -> str:
    (folder / "gone.yaml").symlink_to("no-such-target.yaml")
    return "gone.yaml"


@case(
    "directory",
    roles=frozenset({"checklist", "named", "evidence", "review"}),
    not_a_problem={"report-review": "report reads a folder as a batch of system files and reviews"},
)
def _directory(folder: Path) -> str:
    (folder / "folder.yaml").mkdir()
    return "folder.yaml"


@case("not-utf8", roles=ALL_ROLES - {"evidence"})  # any file may be evidence (a PDF)
def _not_utf8(folder: Path) -> str:
    (folder / "latin1.yaml").write_bytes("name: Sch\xe4fer\nclassification: X\n".encode("latin-1"))
    return "latin1.yaml"


@case("binary", roles=ALL_ROLES - {"evidence"})  # any file may be evidence (a PDF)
def _binary(folder: Path) -> str:
    rng = random.Random(36)
    (folder / "binary.yaml").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    return "binary.yaml"


@case("nul-bytes", roles=ALL_ROLES - {"evidence"})  # any file may be evidence (a PDF)
def _nul(folder: Path) -> str:
    (folder / "nul.yaml").write_bytes(b"name: a\x00b\nclassification: X\x00\n")
    return "nul.yaml"


@case("empty", roles=FILE_ROLES | {"named"})
def _empty(folder: Path) -> str:
    (folder / "empty.yaml").write_bytes(b"")
    return "empty.yaml"


@case("not-a-mapping", roles=FILE_ROLES | {"named"})
def _list(folder: Path) -> str:
    (folder / "list.yaml").write_text("- one\n- two\n")
    return "list.yaml"


@case("escape-sequences", roles=FILE_ROLES | {"named"})
def _escapes(folder: Path) -> str:
    (folder / "ansi.yaml").write_text(
        'name: "\\e]0;pwned\\a\\e[2J"\nclassification: "TOP SECRET\\e[2K\\e[1GUNCLASSIFIED"\n'
        'checklists: ["\\e]52;c;cHduZWQ=\\a"]\nuses: "\\u202eevil"\nbogus\\e[31m: 1\n'
    )
    return "ansi.yaml"


@case("long-line", roles=FILE_ROLES | {"named"})
def _long_line(folder: Path) -> str:
    (folder / "long.yaml").write_text("name: " + "a" * 2_000_000 + "\nclassification: X\nuses: 3\n")
    return "long.yaml"


@case("yaml-syntax", roles=FILE_ROLES | {"named"})
def _syntax(folder: Path) -> str:
    (folder / "broken.yaml").write_text("name: [unclosed\nclassification: X\n")
    return "broken.yaml"


@case("unknown-tag", roles=FILE_ROLES | {"named"})
def _tag(folder: Path) -> str:
    (folder / "tag.yaml").write_text("name: !!python/object:os.system echo pwned\nclassification: X\n")
    return "tag.yaml"


@case("name-not-utf8", roles=FILE_ROLES, shown="bad\\xffname.yaml")
def _bad_name(folder: Path) -> str:
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.yaml"), "wb") as handle:
        handle.write(b"name: [x\n")
    return os.fsdecode(b"bad\xffname.yaml")


@case("unreadable", as_nobody=True)
def _unreadable(folder: Path) -> str:
    (folder / "secret.yaml").write_text("name: x\nclassification: SECRET\n")
    (folder / "secret.yaml").chmod(0o000)
    return "secret.yaml"


@case("unreadable-folder", roles=frozenset({"system"}), as_nobody=True)
def _unreadable_folder(folder: Path) -> str:
    (folder / "locked").mkdir()
    (folder / "locked" / "inside.yaml").write_text("name: x\n")
    (folder / "locked").chmod(0o000)
    return "locked"


@case("json-too-deep", roles=frozenset({"review"}))
def _json_deep(folder: Path) -> str:
    # json.loads raised RecursionError (exit 3) before the YAML reader's depth limit was reached.
    (folder / "deep.review.json").write_text("[" * 100_000 + "]" * 100_000)
    return "deep.review.json"


@case("json-huge-integer", roles=frozenset({"review"}))
def _json_bigint(folder: Path) -> str:
    # Past Python's 4,300-digit limit json.loads raised ValueError (exit 3).
    (folder / "bigint.review.json").write_text('{"schema_version": ' + "9" * 5000 + "}")
    return "bigint.review.json"


@case("too-many-nodes", roles=FILE_ROLES | {"named"})
def _many_nodes(folder: Path) -> str:
    # 200,000 unknown keys (2.6 MB): refused at limits.MAX_NODES before the tree is built.
    (folder / "keys.yaml").write_text("name: x\nclassification: X\n" + "".join(f"k{i}: 1\n" for i in range(200_000)))
    return "keys.yaml"
