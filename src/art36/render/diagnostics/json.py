"""The JSON format: one document (report version 1) holding every file and diagnostic of the batch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from art36.render.diagnostics import RenderOptions, ordered
from art36.textsafe import encodable, json_text

if TYPE_CHECKING:
    from art36.models.batch_report import BatchReport
    from art36.models.diagnostic import Diagnostic, FileReport

#: Bumped only when a key is removed or changes meaning; adding keys keeps the version.
REPORT_VERSION = 1


def diagnostic_record(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": encodable(d.message),
        "hint": encodable(d.hint),
        "file": encodable(d.location.file),
        "line": d.location.line,
        "column": d.location.column,
        "yaml_path": encodable(d.location.yaml_path),
    }


def file_record(report: FileReport) -> dict[str, Any]:
    return {
        "file": encodable(report.file),
        "kind": report.kind,
        "valid": report.errors == 0,
        "classification": encodable(report.classification) if report.classification else None,
        "diagnostics": [diagnostic_record(d) for d in ordered(report)],
    }


def report_record(batch: BatchReport) -> dict[str, Any]:
    return {
        "version": REPORT_VERSION,
        "tool": batch.tool,
        "command": batch.command,
        "summary": {"files": len(batch.files), "errors": batch.errors, "warnings": batch.warnings},
        "files": [file_record(f) for f in batch.files],
    }


class JsonFormat:
    """Pretty-printed, UTF-8 (not \\u-escaped), keys in a fixed order, one trailing newline."""

    def render(self, batch: BatchReport, options: RenderOptions) -> str:
        return "".join(self.chunks(batch, options))

    def chunks(self, batch: BatchReport, options: RenderOptions) -> Iterator[str]:
        """The same text as ``json.dumps(report_record(batch), indent=2)``, one file at a time (flat memory)."""
        import json

        head = report_record(batch.__class__(tool=batch.tool, command=batch.command, files=()))
        head["summary"] = {"files": len(batch.files), "errors": batch.errors, "warnings": batch.warnings}
        text = json_text(json.dumps(head, indent=2, ensure_ascii=False, allow_nan=False))
        before, after = text.rsplit('"files": []', 1)
        if not batch.files:
            yield text + "\n"
            return
        yield before + '"files": [\n'
        for i, report in enumerate(batch.files):
            record = json_text(json.dumps(file_record(report), indent=2, ensure_ascii=False, allow_nan=False)).replace(
                "\n", "\n    "
            )
            yield ("    " if i == 0 else ",\n    ") + record
        yield "\n  ]" + after + "\n"
