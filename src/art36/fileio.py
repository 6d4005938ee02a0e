"""Every file art36 reads or writes goes through here: inputs read safely, outputs written atomically.

Reading (:func:`read_text`, :func:`open_input`)
    Opens without blocking, then refuses anything that is not a regular file (a FIFO, a device, a socket, a
    directory) before a byte is read, so ``/dev/zero`` or a FIFO can never hang or exhaust memory. A file that is
    also this run's output target (see :func:`protect`) is refused too. Never raises from :func:`read_text`:
    the problem comes back as a located diagnostic naming the file.

Writing (:func:`check_target`, :func:`write_atomic`)
    The target must be a regular file or a new path (``-o /dev/null``, ``/dev/stdout``, a FIFO or a directory is
    refused with :class:`OutputError`, which the CLI maps to exit 2). Content goes to a temp file in the same
    folder named ``.NAME.art36-<pid>-<random>.tmp``, is fsynced, then renamed over the target. A new file's mode
    follows the umask (0666 & ~umask); a replaced file keeps its mode. The temp file is removed on any failure,
    and temp files left by art36 processes that no longer exist (``kill -9``) are removed by later writes to
    the same folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from art36.limits import MAX_DOCUMENT_BYTES
from art36.textsafe import one_line

if TYPE_CHECKING:  # imported where used: the CLI imports this module on every run, --help included (no pydantic)
    from art36.checks.files import RawFile
    from art36.models.diagnostic import Diagnostic

#: The message of the F001 diagnostic given for an input that is also the output target; the CLI looks for it.
IS_OUTPUT = "refused: this file is also the output (--output); an input is never overwritten"

_TEMP = re.compile(r"^\..+\.art36-(\d+)-[0-9a-f]+\.tmp$")

#: (st_dev, st_ino) of this run's output target, if it already exists. Inherited by forked workers.
_protected: frozenset[tuple[int, int]] = frozenset()


class OutputError(Exception):
    """The output cannot be written where asked (the CLI maps this to exit code 2)."""


class InputRefused(OSError):
    """An input that is not a regular file, or that is also the output target."""


# --- reading ---------------------------------------------------------------------------------------


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_regular(mode: int) -> str:
    """What a file that is not a regular file is ("a FIFO (named pipe)", "a character device"...); "" if regular."""
    return "" if stat.S_ISREG(mode) else _kind(mode)


@contextlib.contextmanager
def open_input(path: str | Path) -> Iterator[io.BufferedReader]:
    """Open ``path`` for reading as a binary stream, refusing non-regular files and the output target.

    Raises :class:`InputRefused` (an ``OSError``) or the ``OSError`` of the failed open.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)  # non-blocking: opening a FIFO with no writer must not hang
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused(0, f"{_kind(info.st_mode)}, not read")
        if (info.st_dev, info.st_ino) in _protected:
            raise InputRefused(0, IS_OUTPUT)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def read_bytes(path: str | Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """At most ``limit`` bytes of a regular file (a side file: an answer log, a session); never blocks.

    Raises :class:`InputRefused` for a FIFO, a device or a file past ``limit``, or the ``OSError`` of the open.
    """
    with open_input(path) as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise InputRefused(0, f"the file has more than {limit:,} bytes, the most art36 reads")
    return raw


def read(path: str | Path, display: str) -> RawFile:
    """The file's text (UTF-8, a BOM allowed), or what stopped it being read (the F rules report it). Never raises."""
    from art36.checks.files import RawFile

    try:
        with open_input(path) as handle:  # a str path: pathlib would intern every file name for good
            raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return RawFile(display, unreadable=reason if reason == IS_OUTPUT else f"cannot read the file: {reason}")
    if len(raw) > MAX_DOCUMENT_BYTES:
        return RawFile(display, unreadable=f"the file has more than {MAX_DOCUMENT_BYTES:,} bytes, the most art36 reads")
    return _decoded(raw, display)


def _decoded(raw: bytes, display: str) -> RawFile:
    from art36.checks.files import RawFile

    try:
        return RawFile(display, text=raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return RawFile(display, bad_byte=(exc.start, raw[exc.start], line, column))


def decode(raw: bytes, display: str) -> tuple[str | None, Diagnostic | None]:
    """Bytes read elsewhere (stdin) as text, or the diagnostic at the first byte that is not UTF-8."""
    from art36.checks.files import FILE_RULES
    from art36.models.rule import run

    decoded = _decoded(raw, display)
    problems = run(FILE_RULES, decoded)
    return decoded.text, (problems[0] if problems else None)


def read_text(path: str | Path, display: str) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or a diagnostic saying why it cannot be read. Never raises."""
    from art36.checks.files import FILE_RULES
    from art36.models.rule import run

    raw = read(path, display)
    problems = run(FILE_RULES, raw)
    return raw.text, (problems[0] if problems else None)


def is_output(path: str | Path) -> bool:
    """Whether ``path`` is this run's output target (same file, whatever the name or link)."""
    if not _protected:
        return False
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    return (info.st_dev, info.st_ino) in _protected


# --- writing ---------------------------------------------------------------------------------------


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def check_target(output: Path | None, inputs: Iterable[str] = ()) -> None:
    """Refuse, before any work is done, an output that is not a regular file or new path, or that is an input.

    Also remembers the target (see :func:`protect`) so that checklists and evidence files found while the
    batch runs are refused if they are the target. Raises :class:`OutputError`.
    """
    protect(None)
    if output is None:
        return
    try:
        info = os.stat(output)  # follows links: -o /dev/stdout is the terminal or pipe behind it
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"cannot write {shown(output)}: {exc.strerror or exc}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(
            f"refusing to write {shown(output)}: it is {_kind(info.st_mode)}; "
            "art36 writes only to a regular file or a new path (leave out --output to write to stdout)"
        )
    _check_link(output, info)
    if info is None:
        return  # a new path cannot be any input that exists
    target = (info.st_dev, info.st_ino)
    for item in inputs:
        if _identity(item) == target:
            raise OutputError(f"refusing to overwrite input file {shown(output)}")
    protect(output)


def check_targets(outputs: Iterable[Path], inputs: Iterable[str] = ()) -> None:
    """:func:`check_target` for several outputs (one report per input in a folder); each existing one is guarded."""
    global _protected
    known = list(inputs)
    guarded: set[tuple[int, int]] = set()
    for output in outputs:
        check_target(output, known)
        guarded |= _protected
    _protected = frozenset(guarded)


def _check_link(output: Path, info: os.stat_result | None) -> None:
    """A symbolic link is written through only to a plain regular file it names (not /proc or /dev magic links)."""
    try:
        if not stat.S_ISLNK(os.lstat(output).st_mode):
            return
    except OSError:
        return
    real = os.path.realpath(output)
    if info is None:
        raise OutputError(f"refusing to write {shown(output)}: it is a symbolic link to a missing file")
    try:
        same = os.lstat(real)
    except OSError:
        same = None
    # /dev/stdout -> /proc/self/fd/1 -> whatever stdout is: a link through /dev or /proc is never written through,
    # even when it ends at a regular file (stdout redirected to a file would be replaced, not written to).
    magic = any(hop.startswith(("/proc/", "/dev/")) for hop in (*_hops(output), real))
    if magic or same is None or (same.st_dev, same.st_ino) != (info.st_dev, info.st_ino):
        raise OutputError(
            f"refusing to write {shown(output)}: it is a link through /dev or /proc, or to something that is not a "
            "regular file; leave out --output to write to stdout"
        )


def _hops(path: Path | str) -> list[str]:
    """``path`` and each link it leads through (its last component followed, at most 40 times), absolute."""
    hops: list[str] = []
    current = os.path.abspath(path)
    for _ in range(40):
        hops.append(os.fsdecode(current))
        try:
            target = os.readlink(current)
        except (OSError, ValueError):
            break
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return hops


def protect(output: Path | None) -> None:
    """Make reads of ``output`` (if it exists) fail with :data:`IS_OUTPUT`; ``None`` clears it."""
    global _protected
    ident = _identity(output) if output is not None else None
    _protected = frozenset({ident}) if ident else frozenset()


def shown(path: Path | str) -> str:
    """A path as it may be shown in a message: decoded, controls and bidi marks made visible."""

    return one_line(os.fsdecode(path))


def temp_name(target: Path) -> str:
    """``.NAME.art36-<pid>-<random>.tmp``: hidden, recognisable, and traceable to the process that made it."""
    return f".{target.name}.art36-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process (or a pid we cannot ask about): leave its file alone
    return True


def remove_stale_temps(folder: Path) -> list[str]:
    """Delete art36 temp files in ``folder`` whose process no longer exists; returns their names."""
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    for name in names:
        m = _TEMP.match(name)
        if m is None or _alive(int(m.group(1))):
            continue
        path = folder / name
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or (uid is not None and info.st_uid != uid):
                continue
            os.unlink(path)
            removed.append(name)
        except OSError:
            continue
    return removed


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(pieces: Iterable[str], output: Path) -> None:
    """Write ``pieces`` (in order) to ``output`` atomically; raises :class:`OutputError` and leaves nothing behind.

    Text is UTF-8; a lone surrogate (an undecodable file-name byte) is written as ``\\udcNN``, never raised on.
    """
    global _protected
    guarded = _protected
    check_target(output)
    _protected |= guarded  # a batch writing one report per input keeps every target of the run guarded
    target = Path(os.path.realpath(output))  # write through a symlink to its file, keep the link
    folder = target.parent
    remove_stale_temps(folder)
    tmp = folder / temp_name(target)
    mode = _mode_for(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as exc:
        raise OutputError(f"cannot write {shown(output)}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8", "backslashreplace"))
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write {shown(output)}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def append_durable(path: Path, line: str) -> None:
    """Append one line (newline added) and fsync it, so an acknowledged line survives a crash; for logs.

    Raises :class:`OutputError`. Appending never rewrites what is there: earlier lines stay as they were.
    """
    raw = (line.rstrip("\n") + "\n").encode("utf-8", "backslashreplace")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), _mode_for(path))
    except OSError as exc:
        raise OutputError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"refusing to append to {shown(path)}: it is {_kind(info.st_mode)}")
        os.write(fd, raw)
        os.fsync(fd)
    except OSError as exc:
        raise OutputError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
