"""Find checklists: built-in ones by id (shipped in the package), others by path; each parsed once per catalog.

A checklist file that changes on disk is read again (its size and modification time are part of the cache key),
so a long-lived catalog never serves a stale checklist.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from art36 import fileio, load
from art36.checks.checklists import UNKNOWN_CHECKLIST, Unresolved
from art36.models.checklist import Checklist
from art36.models.diagnostic import Diagnostic, Location


@dataclass(frozen=True)
class LoadedChecklist:
    checklist: Checklist
    source: str
    sha256: str


def builtin_names() -> list[str]:
    """Ids of the built-in checklists (their file names without ``.yaml``)."""
    folder = resources.files("art36") / "checklists"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def builtin_text(name: str) -> str | None:
    path = resources.files("art36") / "checklists" / f"{name}.yaml"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _is_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref


@dataclass
class Catalog:
    """Resolves ``ID_OR_PATH`` references to checklists, remembering each one it has loaded."""

    _cache: dict[tuple[str, int, int], LoadedChecklist | list[Diagnostic]] = field(default_factory=dict)

    def resolve(self, ref: str, relative_to: Path | None = None) -> LoadedChecklist | list[Diagnostic]:
        """A checklist, or the diagnostics explaining why it cannot be used; never raises.

        A path is taken relative to ``relative_to`` (the system file's folder) or else the current directory.
        """
        if _is_path(ref):
            path = Path(ref)
            name = os.path.abspath(path if path.is_absolute() else (relative_to or Path.cwd()) / path)
            try:
                info = os.stat(name)
                key = (name, info.st_size, info.st_mtime_ns)
            except OSError:
                key = (name, -1, -1)
        else:
            name = f"<builtin>/{ref}"
            key = (name, 0, 0)
        if key in self._cache:
            cached = self._cache[key]
            if isinstance(cached, LoadedChecklist) and _is_path(ref) and cached.source != ref:
                # One file named two ways ('../mini.yaml', '/abs/mini.yaml'): parsed once, shown as this file names it.
                return dataclasses.replace(cached, source=ref)
            return cached
        found = self._load(ref, name)
        if isinstance(found, LoadedChecklist) or not any(d.message == fileio.IS_OUTPUT for d in found):
            self._cache[key] = found  # the output target changes from run to run: that refusal is not kept
        return found

    def resolve_all(
        self, refs: Sequence[str], relative_to: Path | None, locate: Callable[[int], Location]
    ) -> tuple[list[LoadedChecklist], list[Diagnostic]]:
        """The checklists ``refs`` name (each id once), and one diagnostic per reference that cannot be used.

        ``locate(i)`` says where the i-th reference is written, for the diagnostic.
        """
        found: list[LoadedChecklist] = []
        unresolved: list[Unresolved] = []
        for i, ref in enumerate(refs):
            resolved = self.resolve(ref, relative_to)
            if isinstance(resolved, LoadedChecklist):
                if all(c.checklist.id != resolved.checklist.id for c in found):
                    found.append(resolved)
                continue
            unresolved.append(Unresolved(ref, locate(i), tuple(resolved)))
        return found, list(UNKNOWN_CHECKLIST.check(unresolved))

    def _load(self, ref: str, key: str) -> LoadedChecklist | list[Diagnostic]:
        if _is_path(ref):
            text, problem = load.read_text(Path(key), ref)
            if text is None:
                return [problem] if problem else []
            display = ref
        else:
            text = builtin_text(ref)
            if text is None:
                return []
            display = f"<builtin>/{ref}.yaml"
        loaded = load.load(text, display, Checklist)
        if loaded.model is None or loaded.diagnostics:
            return list(loaded.diagnostics)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return LoadedChecklist(loaded.model, display, digest)
