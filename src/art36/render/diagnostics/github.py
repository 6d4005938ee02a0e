"""The GitHub Actions format: ``::error file=…,line=…,col=…,title=…::message`` workflow commands (annotations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from art36.render.diagnostics import RenderOptions, markings_line, ordered, posix_path
from art36.textsafe import one_line

if TYPE_CHECKING:
    from art36.models.batch_report import BatchReport
    from art36.models.diagnostic import Diagnostic

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message as the Actions runner expects (``%``, CR, LF), so it cannot end the command or start another.

    Other control characters (an ESC starting a colour code in the log) are written out as ``\\xNN``.
    """
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,`` which would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic) -> str:
    loc = d.location
    props = {
        "file": posix_path(loc.file),
        "line": str(loc.line),
        "col": str(loc.column),
        "title": f"{d.code} {d.name}",
    }
    message = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{_COMMAND.get(d.severity.value, 'notice')} {rendered}::{escape_data(message)}"


class GithubFormat:
    """One workflow command per diagnostic; GitHub shows each as an annotation on the file and line.

    A classified file's annotations are preceded by a file-level ``notice`` carrying its marking, and the run
    ends with a notice listing every marking in the batch.
    """

    def render(self, batch: BatchReport, options: RenderOptions) -> str:
        lines: list[str] = []
        for f in batch.with_diagnostics():
            if f.classification:
                props = f"file={escape_property(posix_path(f.file))},title=classification"
                lines.append(f"::notice {props}::{escape_data(f.classification)}")
            lines.extend(command(d) for d in ordered(f))
        summary = markings_line(batch)
        if summary:
            lines.append(f"::notice title=classification::{escape_data(summary)}")
        return "".join(line + "\n" for line in lines)
