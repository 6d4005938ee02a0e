"""The SARIF 2.1.0 format: one run whose driver lists every rule, with one result per diagnostic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from art36 import __version__
from art36.render.diagnostics import RenderOptions, is_absolute, ordered, posix_path
from art36.textsafe import encodable, json_text

if TYPE_CHECKING:
    from art36.models.batch_report import BatchReport
    from art36.models.diagnostic import Diagnostic
    from art36.models.rule import Rule

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _quote(path: str) -> str:
    # surrogateescape: an undecodable file-name byte comes back out as itself, %XX.
    from urllib.parse import quote

    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def artifact_location(path: str) -> dict[str, str]:
    """A relative path becomes a percent-encoded POSIX URI against ``%SRCROOT%``; an absolute one a ``file:`` URI.

    Built by hand rather than with ``PurePath.as_uri`` so the result is the same on every OS and Python version.
    """
    posix = posix_path(path)
    if not is_absolute(path):
        return {"uri": _quote(posix), "uriBaseId": SRCROOT}
    if posix[1:2] == ":":  # C:/dir/a.yaml
        return {"uri": f"file:///{posix[:2]}{_quote(posix[2:])}"}
    if posix.startswith("//"):  # a UNC path, //server/share/a.yaml
        return {"uri": f"file:{_quote(posix)}"}
    return {"uri": f"file://{_quote(posix)}"}


def rule_descriptor(rule: Rule[Any]) -> dict[str, Any]:
    text = [rule.summary]
    markdown = [rule.summary]
    if rule.explanation:
        text.append(rule.explanation)
        markdown.append(rule.explanation)
    for label, example in (("Problem", rule.bad), ("Fixed", rule.good)):
        if example:
            text.append(f"{label}:\n{example.rstrip()}")
            markdown.append(f"{label}:\n\n```yaml\n{example.rstrip()}\n```")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation or rule.summary},
        "help": {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": _LEVEL.get(rule.severity.value, "note")},
        "properties": {"appliesTo": rule.applies_to},
    }


def _unregistered_descriptor(d: Diagnostic) -> dict[str, Any]:
    """For a code missing from the registry, so that every result still has a rule to point at."""
    return {
        "id": d.code,
        "name": d.name,
        "shortDescription": {"text": d.name},
        "defaultConfiguration": {"level": _LEVEL.get(d.severity.value, "note")},
    }


class SarifFormat:
    """A SARIF log with a single run; columns count Unicode code points, as the YAML reader reports them."""

    def render(self, batch: BatchReport, options: RenderOptions) -> str:
        import json

        return json_text(json.dumps(self.log(batch), indent=2, ensure_ascii=False, allow_nan=False)) + "\n"

    def log(self, batch: BatchReport) -> dict[str, Any]:
        from art36 import rules

        descriptors = [rule_descriptor(r) for r in rules.all_rules()]
        rule_index = {desc["id"]: i for i, desc in enumerate(descriptors)}
        artifacts: list[dict[str, Any]] = []
        artifact_index: dict[str, int] = {}

        def artifact(path: str, classification: str = "") -> dict[str, Any]:
            if path not in artifact_index:
                artifact_index[path] = len(artifacts)
                entry: dict[str, Any] = {"location": artifact_location(path)}
                if classification:  # the document's marking travels with every report of it
                    entry["properties"] = {"classification": classification}
                artifacts.append(entry)
            return {**artifact_location(path), "index": artifact_index[path]}

        results: list[dict[str, Any]] = []
        for report in batch.files:
            artifact(report.file, report.classification)  # clean files are artifacts too: they show what was checked
            for d in ordered(report):
                if d.code not in rule_index:
                    rule_index[d.code] = len(descriptors)
                    descriptors.append(_unregistered_descriptor(d))
                results.append(self._result(d, rule_index[d.code], artifact(d.location.file)))

        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": batch.tool,
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": descriptors,
                }
            },
            # GitHub code scanning files results from different commands under separate categories.
            "automationDetails": {"id": f"{batch.tool}/{batch.command}/"},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }
        return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}

    @staticmethod
    def _result(d: Diagnostic, rule_index: int, artifact_location: dict[str, Any]) -> dict[str, Any]:
        text = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
        location: dict[str, Any] = {
            "physicalLocation": {
                "artifactLocation": artifact_location,
                "region": {"startLine": max(1, d.location.line), "startColumn": max(1, d.location.column)},
            }
        }
        if d.location.yaml_path:
            location["logicalLocations"] = [{"fullyQualifiedName": encodable(d.location.yaml_path)}]
        return {
            "ruleId": d.code,
            "ruleIndex": rule_index,
            "level": _LEVEL.get(d.severity.value, "note"),
            "message": {"text": encodable(text)},
            "locations": [location],
        }
