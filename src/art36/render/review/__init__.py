"""The registry of score output formats: each a small class turning the typed score report into one string.

A new format is a module with a class that has ``render(report, options) -> str``, registered here with
:func:`register` (a module path, so it is imported only when chosen); the CLI's ``score --format`` choices are the
registry's names, so registering is all it takes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

from art36.render.registry import FormatSpec, chosen

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from art36.models.score_report import ScoredFile, ScoreReport

#: The width the text formats fit when the CLI knows nothing better (a file, a pipe).
DEFAULT_WIDTH = 80


class RenderOptions(NamedTuple):
    """What the CLI decided about presentation; each format uses what applies to it and ignores the rest."""

    color: bool = False
    width: int = DEFAULT_WIDTH


class ReviewFormat(Protocol):
    """One output format: a stateless object turning a whole score report into one string."""

    def render(self, report: ScoreReport, options: RenderOptions) -> str: ...


#: Every score output format by name, in the order `--help` lists them; the first is the default.
FORMATS: dict[str, FormatSpec[ReviewFormat]] = {}


def register(name: str, description: str, module: str, attr: str) -> FormatSpec[ReviewFormat]:
    """Add a format (``module`` is imported, and ``attr`` instantiated, only when the format is chosen)."""
    if name in FORMATS:
        raise ValueError(f"score format {name!r} is registered twice")
    spec = FormatSpec(name, description, module, attr)
    FORMATS[name] = spec
    return spec


register(
    "text",
    "a summary for the terminal: verdict and score per intended use, red lines, conditions",
    "art36.render.review.text",
    "TextFormat",
)
register(
    "json",
    "the full review of every file in one JSON document (`art36 schema score`)",
    "art36.render.review.json",
    "JsonFormat",
)
register(
    "md",
    "the full review report of every file as Markdown (docs/reports.md)",
    "art36.render.report.score_formats",
    "MarkdownFormat",
)
register(
    "html",
    "the full review report of every file in one print-ready HTML document (docs/reports.md)",
    "art36.render.report.score_formats",
    "HtmlFormat",
)

DEFAULT = "text"


def render(report: ScoreReport, fmt: str, *, color: bool = False, width: int = DEFAULT_WIDTH) -> str:
    """The whole report in format ``fmt`` (a key of :data:`FORMATS`)."""
    return chosen(FORMATS, fmt, "score format").render(report, RenderOptions(color=color, width=width))


class StreamingFormat(Protocol):
    """A format that can write each file's record as it comes (flat memory for any batch size)."""

    def chunks(self, records: Iterable[ScoredFile], count: int, options: RenderOptions) -> Iterator[str]: ...


def render_chunks(
    records: Iterable[ScoredFile], count: int, fmt: str, *, color: bool = False, width: int = DEFAULT_WIDTH
) -> Iterator[str]:
    """The report in format ``fmt``, piece by piece as ``records`` (``count`` of them) come in.

    Formats with a ``chunks`` method (text, json) hold one file at a time; the others get the whole report.
    """
    from art36 import __version__
    from art36.models.score_report import ScoreReport

    instance = chosen(FORMATS, fmt, "score format")
    options = RenderOptions(color=color, width=width)
    streaming = getattr(instance, "chunks", None)
    if streaming is not None:
        yield from streaming(records, count, options)
    else:
        yield instance.render(ScoreReport.build(records, __version__), options)
