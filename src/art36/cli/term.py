"""A plain line-based terminal: wrapped output at the terminal's width, optional colour, prompts, stop signals."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

_STYLES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36", "alert": "1;37;41"}


class Stopped(Exception):
    """The reviewer (or the system) stopped the review: Ctrl-C, a closed terminal, a kill request, end of input."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Term:
    """Writes wrapped lines (never interprets the text: no markup) and reads answers a line at a time."""

    def __init__(self, out: TextIO | None = None, color: bool | None = None, width: int | None = None) -> None:
        self.out = out or sys.stdout
        if color is None:
            from art36.render.diagnostics import color_enabled

            color = color_enabled(os.environ, self.out.isatty())
        self.color = color
        self.width = width or max(40, min(100, shutil.get_terminal_size((80, 24)).columns))
        #: Why writing failed ("" while it works); later writes are dropped.
        self.failed = ""

    def style(self, text: str, style: str | None) -> str:
        if not style or not self.color:
            return text
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"

    def say(self, text: str = "", style: str | None = None, indent: int = 0, hang: int = 0) -> None:
        """Print ``text`` wrapped to the width; ``hang`` indents continuation lines further."""
        lines = []
        for paragraph in text.split("\n") or [""]:
            wrapped = textwrap.wrap(
                paragraph,
                width=self.width,
                initial_indent=" " * indent,
                subsequent_indent=" " * (indent + hang),
                break_on_hyphens=False,
            )
            lines += wrapped or [""]
        self.write("\n".join(self.style(line, style) for line in lines) + "\n")

    def write(self, text: str) -> None:
        if self.failed:
            return
        try:
            self.out.write(text)
            self.out.flush()
        except (OSError, ValueError) as exc:  # a full or closed stdout, or the terminal is gone (SIGHUP)
            # Answers are on disk already; a review nobody can see must not go on answering: stop it (once).
            self.failed = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise Stopped("output") from None

    def ask(self, prompt: str) -> str:
        """One line of input; end of input raises Stopped."""
        self.write(self.style(prompt, "bold") + " ")
        line = sys.stdin.readline()
        if line == "":
            self.write("\n")
            raise Stopped("eof")
        if not sys.stdin.isatty() and self.out.isatty():
            self.write(line)
        return line.rstrip("\r\n")


class Signals:
    """Turn SIGINT, SIGHUP and SIGTERM into Stopped, but never in the middle of saving an answer."""

    def __init__(self) -> None:
        self._saving = False
        self._pending: str | None = None
        self._old: dict[int, object] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if self._saving:
            self._pending = name
            return
        raise Stopped(name)

    def install(self) -> None:
        for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
            # Outside the main thread (some test runners) signals cannot be caught: keep the defaults.
            with contextlib.suppress(ValueError, OSError):
                self._old[sig] = signal.signal(sig, self._handle)

    def restore(self) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)  # type: ignore[arg-type]
        self._old.clear()

    @contextmanager
    def saving(self) -> Iterator[None]:
        """Signals that arrive while an answer is being saved take effect right after it is on disk."""
        self._saving = True
        try:
            yield
        finally:
            self._saving = False
        if self._pending is not None:
            pending, self._pending = self._pending, None
            raise Stopped(pending)
