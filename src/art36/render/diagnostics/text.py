"""The human-readable format: ``path:line:col: severity: message [CODE name]`` lines, optionally coloured with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from art36.render.diagnostics import RenderOptions, markings_line, ordered
from art36.textsafe import one_line

if TYPE_CHECKING:
    from rich.text import Text

    from art36.models.batch_report import BatchReport
    from art36.models.diagnostic import Diagnostic, FileReport

HINT_INDENT = "    "
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def diagnostic_lines(d: Diagnostic) -> list[str]:
    """The plain lines for one diagnostic (also used inside the JUnit report)."""
    loc = d.location
    lines = [
        f"{one_line(loc.file)}:{loc.line}:{loc.column}: {d.severity.value}: {one_line(d.message)} [{d.code} {d.name}]"
    ]
    if d.hint:
        lines.append(f"{HINT_INDENT}hint: {one_line(d.hint)}")
    return lines


def _styled_lines(d: Diagnostic) -> list[Text]:
    # User text (paths, messages quoting file contents) goes in as plain Text pieces, which rich never parses:
    # "[bold]" or ":warning:" stays literal. (rich.markup.escape would do for "[bold]", but it doubles a trailing
    # backslash unless a tag follows, so markup strings are avoided altogether.)
    from rich.text import Text

    loc = d.location
    sev = d.severity.value
    lines = [
        Text.assemble(
            (one_line(loc.file), "bold"),
            f":{loc.line}:{loc.column}: ",
            (sev, _STYLE.get(sev, "bold")),
            f": {one_line(d.message)} ",
            (f"[{d.code} {d.name}]", "dim"),
        )
    ]
    if d.hint:
        lines.append(Text.assemble(HINT_INDENT, ("hint:", "cyan"), f" {one_line(d.hint)}"))
    return lines


def marking_line(report: FileReport) -> str:
    """The line that precedes a classified file's diagnostics: ``path: classification: SECRET``."""
    return f"{one_line(report.file)}: classification: {one_line(report.classification)}"


class TextFormat:
    """One line per diagnostic, files in batch order, each file's diagnostics by line, column and code.

    A file with a classification marking is preceded by a ``path: classification: MARKING`` line, and the batch
    ends with a ``classification: ...`` line listing every marking seen (clean files included).
    """

    def render(self, batch: BatchReport, options: RenderOptions) -> str:
        if not options.color:
            lines: list[str] = []
            for f in batch.with_diagnostics():
                if f.classification:
                    lines.append(marking_line(f))
                lines.extend(line for d in ordered(f) for line in diagnostic_lines(d))
            summary = markings_line(batch)
            if summary:
                lines.append(f"classification: {summary}")
            return "".join(line + "\n" for line in lines)
        return self._render_color(batch)

    @staticmethod
    def _render_color(batch: BatchReport) -> str:
        import io

        from rich.console import Console
        from rich.text import Text

        # force_terminal: the caller decided on colour; rich still honours NO_COLOR from the environment.
        # soft_wrap: never re-wrap long lines; markup, emoji and highlighting off:
        # nothing but the styles above is ever applied.
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=True,
            color_system="standard",
            soft_wrap=True,
            highlight=False,
            markup=False,
            emoji=False,
            width=120,
        )
        for f in batch.with_diagnostics():
            if f.classification:
                console.print(Text(marking_line(f), "bold magenta"))
            for d in ordered(f):
                for line in _styled_lines(d):
                    console.print(line)
        summary = markings_line(batch)
        if summary:
            console.print(Text(f"classification: {summary}", "bold magenta"))
        return buffer.getvalue()
