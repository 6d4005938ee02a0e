"""Evidence files a system file cites: kept inside its folder, checked once and hashed once per file, streamed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from art36 import echo, fileio
from art36.models.review import EvidenceRecord
from art36.models.system import Answer, SystemDescription
from art36.settings import EvidencePolicy

#: Bytes read at a time while hashing: memory stays flat whatever the file's size.
CHUNK = 1024 * 1024


#: What evidence may be read: the settings' policy (``--evidence-root`` and friends).
Policy = EvidencePolicy
DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class Problem:
    """Why a cited path cannot be used, and what to say about it."""

    #: missing: no such file; outside: leaves the allowed folder; unusable: a FIFO, a device, too large,
    #: unreadable; output: it is this run's output file.
    kind: Literal["missing", "outside", "unusable", "output"]
    message: str
    hint: str = ""


@dataclass
class EvidenceFiles:
    """The evidence of one system file; each distinct path is checked at most once and hashed at most once."""

    #: The system file's folder (relative paths start there); None for stdin, where nothing is read.
    base: str | None
    policy: Policy = field(default_factory=Policy)
    _checked: dict[str, str | Problem] = field(default_factory=dict)
    _digests: dict[str, str | None] = field(default_factory=dict)

    def check(self, cited: str) -> str | Problem | None:
        """The real path to read, a Problem, or None when nothing can be checked (stdin)."""
        if self.base is None or not cited:
            return None
        if cited not in self._checked:
            self._checked[cited] = self._check(cited, self.base)
        return self._checked[cited]

    def _check(self, cited: str, base: str) -> str | Problem:
        shown = echo.path(cited)
        real = os.path.realpath(os.path.join(base, cited))
        root = os.path.realpath(self.policy.root or base)
        if not self.policy.allow_outside and os.path.commonpath([root, real]) != root:
            where = "--evidence-root" if self.policy.root else "the system file's folder"
            return Problem(
                "outside",
                f"evidence file {shown} is outside {where}; it is not read",
                "keep evidence beside the system file, or pass --evidence-root DIR or --allow-evidence-outside",
            )
        try:
            info = os.stat(real)
        except FileNotFoundError:
            return Problem("missing", f"evidence file {shown} not found", f"paths are relative to {base or '.'}")
        except OSError as exc:
            return Problem("unusable", f"evidence file {shown} cannot be read: {exc.strerror or type(exc).__name__}")
        kind = fileio.not_regular(info.st_mode)
        if kind:
            return Problem("unusable", f"evidence file {shown} is not a regular file ({kind}); it is not read")
        if fileio.is_output(real):
            return Problem("output", fileio.IS_OUTPUT)
        if info.st_size > self.policy.max_bytes:
            return Problem(
                "unusable",
                f"evidence file {shown} has {info.st_size:,} bytes, more than the {self.policy.max_bytes:,} "
                "bytes art36 hashes",
                "raise the limit with --max-evidence-bytes, or cite it as a document reference",
            )
        try:  # opened, not read: a file that cannot be read must be reported, not silently left unhashed
            with fileio.open_input(real):
                pass
        except OSError as exc:
            return Problem("unusable", f"evidence file {shown} cannot be read: {exc.strerror or type(exc).__name__}")
        return real

    def digest(self, cited: str) -> str | None:
        """sha256 of the file, streamed; None if it cannot be used (or turned into something unusable)."""
        real = self.check(cited)
        if not isinstance(real, str):
            return None
        if real not in self._digests:
            self._digests[real] = _sha256(real, self.policy.max_bytes)
        return self._digests[real]

    def records(self, system: SystemDescription) -> tuple[EvidenceRecord, ...]:
        """One record per (criterion, cited path), sorted; each file is read once however often it is cited."""
        found: dict[tuple[str, str], EvidenceRecord] = {}
        for cid, answer in _answers(system):
            for item in answer.evidence:
                if item.path and (cid, item.path) not in found:
                    digest = self.digest(item.path)
                    found[(cid, item.path)] = EvidenceRecord(criterion=cid, path=item.path, sha256=digest)
        return tuple(found[k] for k in sorted(found))


def _answers(system: SystemDescription) -> Iterator[tuple[str, Answer]]:
    for block in (system.answers, *(u.answers for u in system.uses), *(u.context for u in system.uses)):
        yield from block.items()


def _sha256(path: str, max_bytes: int) -> str | None:
    """Stream the file through sha256; None if it is not a regular file, cannot be read or grew past the limit."""
    try:
        with fileio.open_input(path) as handle:
            digest = hashlib.sha256()
            total = 0
            while chunk := handle.read(CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    return None
                digest.update(chunk)
            return digest.hexdigest()
    except OSError:
        return None
