"""The human-readable format: ``path:line:col: severity: message [CODE name]`` lines, optionally coloured with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from art36.render.diagnostics import RenderOptions, one_line, ordered

if TYPE_CHECKING:
    from rich.text import Text

    from art36.models.diagnostic import BatchReport, Diagnostic

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


class TextFormat:
    """One line per diagnostic, files in batch order, each file's diagnostics by line, column and code."""

    def render(self, batch: BatchReport, options: RenderOptions) -> str:
        diagnostics = [d for f in batch.files for d in ordered(f)]
        if not options.color:
            return "".join(line + "\n" for d in diagnostics for line in diagnostic_lines(d))
        return self._render_color(diagnostics)

    @staticmethod
    def _render_color(diagnostics: list[Diagnostic]) -> str:
        import io

        from rich.console import Console

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
        for d in diagnostics:
            for line in _styled_lines(d):
                console.print(line)
        return buffer.getvalue()
