"""Turn command-line paths into a stable, de-duplicated list of YAML files (directories searched recursively)."""

from __future__ import annotations

from pathlib import Path

from art36 import rules
from art36.models.diagnostic import Diagnostic, Location

SUFFIXES = (".yaml", ".yml")


def expand(paths: list[str]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """(path, display name) for every YAML file under ``paths``, sorted; plus a diagnostic per missing path.

    ``-`` (stdin) is handled by the caller. Hidden directories (``.git``, ``.venv``) are skipped.
    """
    found: dict[str, Path] = {}
    missing: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in path.rglob("*"):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts[:-1]):
                    continue
                if child.suffix in SUFFIXES and child.is_file():
                    found.setdefault(child.as_posix(), child)
        elif path.is_file():
            found.setdefault(path.as_posix(), path)
        else:
            missing.append(
                rules.FILE_UNREADABLE.at(Location(file=raw), "no such file or directory", hint="check the path")
            )
    return [(found[k], k) for k in sorted(found)], missing
