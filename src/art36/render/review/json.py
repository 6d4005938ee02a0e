"""Review results as JSON: one object per input file, valid or not (the --format json of `art36 score`)."""

from __future__ import annotations

import json
from typing import Any

from art36.models.diagnostic import FileReport
from art36.models.review import ReviewResult, UseResult


def _use(use: UseResult, *, detail: bool) -> dict[str, Any]:
    data = use.model_dump(mode="json", include={"id", "title", "verdict", "score", "profiles", "reasons"})
    data["conditions"] = [c.model_dump(mode="json") for c in use.conditions]
    data["red_lines"] = [r.model_dump(mode="json") for r in use.red_lines]
    data["checklists"] = [c.model_dump(mode="json") for c in use.checklists]
    if detail:
        data["sections"] = [s.model_dump(mode="json") for s in use.sections]
        data["criteria"] = [c.model_dump(mode="json") for c in use.criteria]
    return data


def result_object(result: ReviewResult, report: FileReport) -> dict[str, Any]:
    deciding = next(u for u in result.uses if u.id == result.deciding_use)
    top = _use(deciding, detail=True)
    return {
        "file": result.file,
        "valid": True,
        "system": result.system,
        "system_version": result.system_version,
        "classification": result.classification,
        "checklists": [c.model_dump(mode="json") for c in result.checklists],
        "verdict": result.verdict.value,
        "score": result.score,
        "deciding_use": result.deciding_use,
        "uses": [_use(u, detail=True) for u in result.uses],
        "sections": top["sections"],
        "criteria": top["criteria"],
        "red_lines": top["red_lines"],
        "conditions": top["conditions"],
        "evidence": [e.model_dump(mode="json") for e in result.evidence],
        "diagnostics": [_diagnostic(d) for d in report.diagnostics],
    }


def invalid_object(report: FileReport, system: str = "", classification: str = "") -> dict[str, Any]:
    return {
        "file": report.file,
        "valid": False,
        "system": system or None,
        "classification": classification or None,
        "verdict": None,
        "score": None,
        "diagnostics": [_diagnostic(d) for d in report.diagnostics],
    }


def _diagnostic(d: Any) -> dict[str, Any]:
    loc = d.location
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "hint": d.hint,
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "yaml_path": loc.yaml_path,
    }


def render(objects: list[dict[str, Any]]) -> str:
    return json.dumps(objects, indent=2, ensure_ascii=False) + "\n"
