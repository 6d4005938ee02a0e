"""What each batch command was asked to do: one frozen settings object per command, built by the CLI from its options.

The core reads these and nothing else of the command line, so a test (or another front end) can build one and run
the command without parsing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from art36 import limits
from art36.models.common import Verdict

#: ``-`` among the paths: read one document from standard input.
STDIN = "-"


@dataclass(frozen=True)
class EvidencePolicy:
    """Where cited evidence files may live and how large they may be."""

    #: Evidence must resolve (links followed) inside this folder; None: each system file's own folder
    #: (``--evidence-root``).
    root: str | None = None
    #: Read evidence wherever it is (``--allow-evidence-outside``).
    allow_outside: bool = False
    #: Largest evidence file hashed, in bytes (``--max-evidence-bytes``).
    max_bytes: int = limits.MAX_EVIDENCE_BYTES


@dataclass(frozen=True)
class Inputs:
    """Which files to read: paths (files, directories searched for ``*.yaml``/``*.yml``, ``-`` for stdin)."""

    paths: tuple[str, ...] = ()
    #: Checklist ids or files used instead of the ones each system file names (``--checklist``).
    checklists: tuple[str, ...] = ()
    #: An empty batch (a directory without YAML files) is a usage error unless this is set (``--allow-empty``).
    allow_empty: bool = False
    #: Worker processes; 0 means one per core (``--jobs``).
    jobs: int = 0
    #: Where evidence files may be read from, and up to what size.
    evidence: EvidencePolicy = EvidencePolicy()


@dataclass(frozen=True)
class Output:
    """Where and how the result goes: a format name of the command's registry, stdout or a file."""

    format: str
    file: Path | None = None
    #: A progress bar on stderr for big batches, when stderr is a terminal (``--progress``).
    progress: bool = True


@dataclass(frozen=True)
class ScoreSettings:
    inputs: Inputs
    output: Output
    #: Exit 1 if any file's verdict is this severe or worse (``--fail-on``). An ``incomplete`` review fails
    #: any gate unless ``allow_incomplete`` is set: an unfinished review must not pass a gate silently.
    fail_on: Verdict | None = None
    #: Let ``incomplete`` reviews pass the ``--fail-on`` gate (``--allow-incomplete``).
    allow_incomplete: bool = False
    #: A condition that no measure the use declares addresses makes the use incomplete (``--strict-conditions``).
    strict_conditions: bool = False


@dataclass(frozen=True)
class Filter:
    """Rule-code prefixes to keep (``--select``) and to drop (``--ignore``; it wins), and ``--strict``."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False


@dataclass(frozen=True)
class ValidateSettings:
    inputs: Inputs
    output: Output
    filter: Filter = Filter()


@dataclass(frozen=True)
class LintSettings:
    inputs: Inputs
    output: Output
    filter: Filter = Filter()
    #: Run each checklist's own test cases (``--tests/--no-tests``).
    run_tests: bool = True
    #: Also lint the checklists shipped with art36 (``--builtin``).
    builtin: bool = False
