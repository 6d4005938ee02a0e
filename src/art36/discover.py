"""Turn command-line paths into a stable, de-duplicated list of YAML files (directories searched recursively)."""

from __future__ import annotations

import os
import stat

from art36.checks.files import FILE_UNREADABLE
from art36.fileio import not_regular
from art36.models.diagnostic import Diagnostic, Location

SUFFIXES = (".yaml", ".yml")

#: How folders are listed (a seam: tests make it fail, which works even as root).
_scandir = os.scandir


def expand(paths: list[str]) -> tuple[list[str], list[Diagnostic]]:
    """Every YAML file under ``paths`` (as POSIX paths), sorted; plus a diagnostic per path that cannot be used.

    ``-`` (stdin) is handled by the caller. Hidden directories (``.git``, ``.venv``) are skipped, links to
    folders are not followed, and FIFOs, devices and sockets are reported (never opened), as are symbolic-link
    loops and folders that cannot be listed.
    """
    found: set[str] = set()
    problems: list[Diagnostic] = []
    for raw in paths:
        try:
            mode = os.stat(raw).st_mode
        except OSError as exc:
            problems.append(_unreadable(raw, exc))
            continue
        if stat.S_ISDIR(mode):
            _walk(raw, found, problems)
        elif stat.S_ISREG(mode):
            found.add(_posix(os.path.normpath(raw)))
        else:
            problems.append(_not_regular(raw, mode))
    return sorted(found), problems


def _walk(top: str, found: set[str], problems: list[Diagnostic]) -> None:
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with _scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            problems.append(
                FILE_UNREADABLE.at(
                    Location(file=_posix(os.path.normpath(folder))),
                    f"cannot list the folder: {exc.strerror or type(exc).__name__}; its files were not checked",
                    hint="give read access to the folder, or leave it out",
                )
            )
            continue
        for entry in listed:
            path = os.path.join(folder, entry.name)
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        folders.append(path)
                    continue
                if not entry.name.endswith(SUFFIXES):
                    continue
                mode = entry.stat().st_mode  # follows a symbolic link to what it names
            except OSError as exc:
                problems.append(_unreadable(_posix(os.path.normpath(path)), exc))
                continue
            name = _posix(os.path.normpath(path))
            if stat.S_ISREG(mode):
                found.add(name)
            elif not stat.S_ISDIR(mode):
                problems.append(_not_regular(name, mode))


def _not_regular(path: str, mode: int) -> Diagnostic:
    return FILE_UNREADABLE.at(
        Location(file=path),
        f"not a regular file ({not_regular(mode)}); art36 never reads FIFOs, devices or sockets",
        hint="give the path of a regular file",
    )


def _unreadable(path: str, exc: OSError) -> Diagnostic:
    if isinstance(exc, FileNotFoundError):
        broken = os.path.islink(path)
        message = "a symbolic link to a path that does not exist" if broken else "no such file or directory"
        return FILE_UNREADABLE.at(Location(file=path), message, hint="check the path")
    return FILE_UNREADABLE.at(Location(file=path), f"cannot read: {exc.strerror or type(exc).__name__}")


def _posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path
