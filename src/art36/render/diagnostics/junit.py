"""The JUnit XML format (Ant/JUnitReport schema): one test suite per run, one test case per checked file."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from art36 import __version__
from art36.checks.files import is_load_failure
from art36.render.diagnostics import RenderOptions, ordered
from art36.render.diagnostics.text import diagnostic_lines
from art36.textsafe import encodable

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from art36.models.batch_report import BatchReport
    from art36.models.diagnostic import Diagnostic

# Characters XML 1.0 cannot carry at all, even as character references; ElementTree would write them anyway.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with characters XML cannot hold (NUL, ESC, lone surrogates...) written as ``\\xNN``/``\\uNNNN``."""

    def esc(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    return _NOT_XML.sub(esc, encodable(text))


def _hostname() -> str:
    import socket

    try:
        name = socket.gethostname().strip()
    except OSError:
        name = ""
    return xml_text(name) or "localhost"


class JUnitFormat:
    """Errors fail a file's test case; warnings are listed in <system-out>, or fail it too under ``strict``."""

    def __init__(self, *, timestamp: datetime | None = None, hostname: str | None = None) -> None:
        # Injectable so tests and golden files are reproducible; by default, now (UTC) and this host.
        self.timestamp = timestamp
        self.hostname = hostname

    def render(self, batch: BatchReport, options: RenderOptions) -> str:
        import xml.etree.ElementTree as ET

        when = self.timestamp or datetime.now(UTC)
        suite = ET.Element(
            "testsuite",
            {
                "name": f"{batch.tool} {batch.command}",
                "tests": str(len(batch.files)),
                "failures": "0",
                "errors": "0",
                "skipped": "0",
                "time": "0",
                # The schema wants local-style ISO 8601 without a zone or fraction; we always write UTC.
                "timestamp": when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
                "hostname": xml_text(self.hostname) if self.hostname else _hostname(),
            },
        )
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", {"name": "art36.version", "value": __version__})
        ET.SubElement(properties, "property", {"name": "art36.command", "value": xml_text(batch.command)})
        ET.SubElement(properties, "property", {"name": "art36.strict", "value": str(options.strict).lower()})
        for report in batch.files:  # each document's classification marking travels with the report
            if report.classification:
                value = xml_text(f"{report.file}: {report.classification}")
                ET.SubElement(properties, "property", {"name": "art36.classification", "value": value})

        failures = errors = 0
        passed_on: list[str] = []  # problems that do not fail their test case, for <system-out>
        classname = f"{batch.tool}.{batch.command}"
        for report in batch.files:
            case = ET.SubElement(
                suite, "testcase", {"classname": classname, "name": xml_text(report.file), "time": "0"}
            )
            failing: list[Diagnostic] = []
            for d in ordered(report):
                if _fails(d, options.strict):
                    failing.append(d)
                else:
                    passed_on.extend(diagnostic_lines(d))
            if not failing:
                continue
            # A file that could not be read at all is a JUnit <error>, not a <failure> (as it is exit 2).
            unreadable = any(is_load_failure(d.code) for d in failing)
            errors += unreadable
            failures += not unreadable
            _add_outcome(case, "error" if unreadable else "failure", failing)

        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        ET.SubElement(suite, "system-out").text = xml_text("".join(line + "\n" for line in passed_on))
        ET.SubElement(suite, "system-err").text = ""
        ET.indent(suite)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"


def _fails(d: Diagnostic, strict: bool) -> bool:
    return d.severity.value == "error" or (strict and d.severity.value == "warning")


def _add_outcome(case: Element, tag: str, failing: list[Diagnostic]) -> None:
    import xml.etree.ElementTree as ET

    first = failing[0]
    message = f"{first.code} {first.name}: {first.message}"
    if len(failing) > 1:
        message += f" (and {len(failing) - 1} more)"
    codes = list(dict.fromkeys(d.code for d in failing))
    outcome = ET.SubElement(case, tag, {"message": xml_text(message), "type": " ".join(codes)})
    outcome.text = xml_text("".join(line + "\n" for d in failing for line in diagnostic_lines(d)))
