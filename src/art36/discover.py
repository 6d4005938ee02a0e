"""Turn command-line paths into a stable, de-duplicated list of YAML files (directories searched recursively)."""

from __future__ import annotations

import os

from art36.checks.files import FILE_UNREADABLE
from art36.models.diagnostic import Diagnostic, Location

SUFFIXES = (".yaml", ".yml")


def expand(paths: list[str]) -> tuple[list[str], list[Diagnostic]]:
    """Every YAML file under ``paths`` (as POSIX paths), sorted; plus a diagnostic per missing path.

    ``-`` (stdin) is handled by the caller. Hidden directories (``.git``, ``.venv``) are skipped.
    """
    found: set[str] = set()
    missing: list[Diagnostic] = []
    for raw in paths:
        if os.path.isdir(raw):
            for folder, dirs, files in os.walk(raw):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if name.endswith(SUFFIXES):
                        found.add(_posix(os.path.normpath(os.path.join(folder, name))))
        elif os.path.isfile(raw):
            found.add(_posix(os.path.normpath(raw)))
        else:
            missing.append(FILE_UNREADABLE.at(Location(file=raw), "no such file or directory", hint="check the path"))
    return sorted(found), missing


def _posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path
