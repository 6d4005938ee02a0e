"""The answer log an interactive review writes next to the review (JSON lines), summarised for the report."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from art36.models.common import Frozen


class LogSummary(Frozen):
    path: str
    sha256: str
    entries: int
    reviewers: tuple[str, ...]
    first: str
    last: str
    criteria: int
    revised: int
    #: How many entries of each kind the log records ("answered: 12", "confirmed: 40"), when it says.
    actions: tuple[str, ...] = ()
    unreadable_lines: int


def log_path_for(review_path: Path) -> Path | None:
    """``NAME.answers.jsonl`` next to ``NAME.review.json`` (or next to ``NAME.json``), if it exists."""
    name = review_path.name
    for suffix in (".review.json", ".json"):
        if name.endswith(suffix):
            candidate = review_path.with_name(name.removesuffix(suffix) + ".answers.jsonl")
            if candidate.is_file():
                return candidate
    return None


def summarise(path: Path, display: str) -> LogSummary | None:
    """Entries, reviewers, time span, criteria answered and answers revised; None if the file cannot be read."""
    from art36 import fileio

    try:
        raw = fileio.read_bytes(path)  # a regular file of at most 16 MiB: never a FIFO, a device or 3 GB
    except OSError:
        return None
    entries, bad = 0, 0
    reviewers: list[str] = []
    times: list[str] = []
    criteria: set[tuple[str, str]] = set()
    revised = 0
    actions: dict[str, int] = {}
    for line in raw.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            bad += 1
            continue
        if not isinstance(item, dict):
            bad += 1
            continue
        entries += 1
        who = str(item.get("reviewer") or "")
        if who and who not in reviewers:
            reviewers.append(who)
        if item.get("time"):
            times.append(str(item["time"]))
        key = (str(item.get("use") or ""), str(item.get("criterion") or ""))
        criteria.add(key)
        if item.get("action"):
            action = str(item["action"])
            actions[action] = actions.get(action, 0) + 1
        if item.get("old") is not None and item.get("old") != item.get("new"):
            revised += 1
    return LogSummary(
        path=display,
        sha256=hashlib.sha256(raw).hexdigest(),
        entries=entries,
        reviewers=tuple(reviewers),
        first=min(times) if times else "",
        last=max(times) if times else "",
        criteria=len(criteria),
        revised=revised,
        actions=tuple(f"{k}: {v}" for k, v in sorted(actions.items())),
        unreadable_lines=bad,
    )
