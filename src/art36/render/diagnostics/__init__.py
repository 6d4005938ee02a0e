"""The registry of diagnostic output formats, the ``auto`` choice, the stderr summary and shared text hygiene."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple, Protocol

from art36.render.registry import FormatSpec, chosen

if TYPE_CHECKING:
    from art36.models.batch_report import BatchReport
    from art36.models.diagnostic import Diagnostic, FileReport


# Named tuples rather than dataclasses, and text hygiene (art36.textsafe) imported by the formats themselves:
# the CLI imports this registry for every --help and TAB completion, so it must cost next to nothing.
class RenderOptions(NamedTuple):
    """What the CLI decided about presentation; each format uses what applies to it and ignores the rest."""

    #: ANSI colour (``text`` only). The CLI decides, see :func:`color_enabled`.
    color: bool = False
    #: Treat warnings as failures (``junit`` only; exit codes are the CLI's business).
    strict: bool = False


class DiagnosticFormat(Protocol):
    """One output format: a stateless object turning a whole batch into one string."""

    def render(self, batch: BatchReport, options: RenderOptions) -> str: ...


def _spec(name: str, description: str, attr: str) -> tuple[str, FormatSpec[DiagnosticFormat]]:
    return name, FormatSpec(name, description, f"art36.render.diagnostics.{name}", attr)


#: Every output format by name; the CLI's ``--format`` choices are ``FORMAT_CHOICES``.
FORMATS: dict[str, FormatSpec[DiagnosticFormat]] = dict(
    [
        _spec("text", "one line per problem: path:line:col: severity: message [CODE name]", "TextFormat"),
        _spec("json", "one JSON document with every file and diagnostic (art36 report version 1)", "JsonFormat"),
        _spec("github", "GitHub Actions workflow commands (::error file=...::), shown as annotations", "GithubFormat"),
        _spec("junit", "JUnit XML, one test case per file (GitLab, Jenkins, Azure DevOps)", "JUnitFormat"),
        _spec("sarif", "SARIF 2.1.0 for code scanning (GitHub code scanning, IDEs)", "SarifFormat"),
    ]
)
AUTO = "auto"
FORMAT_CHOICES: tuple[str, ...] = (AUTO, *FORMATS)


def _renderer(fmt: str) -> DiagnosticFormat:
    if fmt == AUTO:
        raise ValueError("resolve the 'auto' format first (see resolve())")
    return chosen(FORMATS, fmt, "output format")


def render(batch: BatchReport, fmt: str, *, color: bool = False, strict: bool = False) -> str:
    """The whole report in format ``fmt`` (a key of :data:`FORMATS`; resolve ``auto`` first with :func:`resolve`)."""
    return _renderer(fmt).render(batch, RenderOptions(color=color, strict=strict))


def render_chunks(batch: BatchReport, fmt: str, *, color: bool = False, strict: bool = False) -> Iterator[str]:
    """The same text as :func:`render`, in pieces where the format can stream (so big batches stay small)."""
    renderer = _renderer(fmt)
    options = RenderOptions(color=color, strict=strict)
    chunks = getattr(renderer, "chunks", None)
    if chunks is not None:
        yield from chunks(batch, options)
    else:
        yield renderer.render(batch, options)


# --- choosing a format -----------------------------------------------------------------------------
def color_enabled(env: Mapping[str, str], stdout_isatty: bool) -> bool:
    """Colour only on a terminal, never with ``NO_COLOR`` set to anything non-empty (no-color.org) or ``TERM=dumb``."""
    return stdout_isatty and not env.get("NO_COLOR") and env.get("TERM") != "dumb"


def choose_auto(env: Mapping[str, str], stdout_isatty: bool) -> str:
    """``github`` inside GitHub Actions, else ``text`` (coloured or not: see :func:`color_enabled`)."""
    if env.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text"


def resolve(fmt: str, env: Mapping[str, str], stdout_isatty: bool) -> tuple[str, bool]:
    """The concrete format and whether to colour it, for a ``--format`` choice (which may be ``auto``)."""
    name = choose_auto(env, stdout_isatty) if fmt == AUTO else fmt
    return name, name == "text" and color_enabled(env, stdout_isatty)


# --- the human summary (stderr) --------------------------------------------------------------------
def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary(batch: BatchReport) -> str:
    """One line for stderr: ``3 errors, 1 warning in 2 of 120 files`` or ``120 files checked, no problems``."""
    total = len(batch.files)
    if total == 0:
        return "no files checked"
    with_problems = sum(1 for _ in batch.with_diagnostics())
    if with_problems == 0:
        return f"{_count(total, 'file')} checked, no problems"
    infos = len(batch.diagnostics()) - batch.errors - batch.warnings
    parts = [_count(batch.errors, "error"), _count(batch.warnings, "warning")]
    parts = [p for p in parts if not p.startswith("0 ")]
    if infos:
        parts.append(f"{infos} info")
    return f"{', '.join(parts)} in {with_problems} of {_count(total, 'file')}"


# --- helpers shared by the formats -----------------------------------------------------------------
def ordered(report: FileReport) -> list[Diagnostic]:
    """A file's diagnostics in the stable order every format uses: line, column, code, then message."""
    return sorted(report.diagnostics, key=lambda d: (*d.sort_key(), d.message))


def markings(batch: BatchReport) -> list[tuple[str, int]]:
    """Each distinct classification marking in the batch with its number of files, most files first."""
    counts: dict[str, int] = {}
    for report in batch.files:
        if report.classification:
            counts[report.classification] = counts.get(report.classification, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def markings_line(batch: BatchReport) -> str:
    """``SECRET (2 files), UNCLASSIFIED (1 file)``, or "" when no file carries a marking (already one-line safe)."""
    from art36.textsafe import one_line

    return ", ".join(f"{one_line(mark)} ({_count(n, 'file')})" for mark, n in markings(batch))


def posix_path(path: str) -> str:
    """A path with ``/`` separators and no leading ``./`` (CI systems match annotations on repo-relative paths)."""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def is_absolute(path: str) -> bool:
    return path.startswith(("/", "\\")) or (
        len(path) > 2 and path[0].isascii() and path[0].isalpha() and path[1] == ":" and path[2] in "\\/"
    )
