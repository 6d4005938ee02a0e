"""The registry of diagnostic rules: stable code, readable name, default severity and documentation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from art36.models.diagnostic import Diagnostic, Location, Severity

CODE_PATTERN = re.compile(r"^[A-Z]{1,3}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    """One kind of problem. ``bad`` and ``good`` are short YAML examples for ``art36 lint --explain``."""

    code: str
    name: str
    severity: Severity
    summary: str
    applies_to: str  # "system", "checklist" or "any"
    bad: str = ""
    good: str = ""
    explanation: str = ""

    def at(self, location: Location, message: str, hint: str = "", severity: Severity | None = None) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            hint=hint,
            location=location,
        )


_REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in _REGISTRY:
        raise ValueError(f"rule code {rule.code} registered twice")
    _REGISTRY[rule.code] = rule
    return rule


def all_rules() -> list[Rule]:
    """Every rule, sorted by code (imports the lint rules so they register themselves)."""
    import art36.lint.rules  # noqa: F401  (registers the checklist rules)

    return sorted(_REGISTRY.values(), key=lambda r: r.code)


def get(code_or_name: str) -> Rule | None:
    for rule in all_rules():
        if code_or_name.upper() == rule.code or code_or_name == rule.name:
            return rule
    return None


def selected(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """``--select`` / ``--ignore`` by code prefix (``A0`` matches ``A001``...); ignore wins.

    A file that cannot be read (``F`` codes) is always reported: nothing was checked, so nothing can pass.
    """
    if code.startswith("F"):
        return True
    if select and not any(code.startswith(p.upper()) for p in select):
        return False
    return not any(code.startswith(p.upper()) for p in ignore)


_E, _W = Severity.ERROR, Severity.WARNING

# --- reading files (any document) ------------------------------------------------------------------
FILE_UNREADABLE = register(
    Rule("F001", "file-unreadable", _E, "The file cannot be read (missing, a directory, no permission).", "any")
)
FILE_ENCODING = register(Rule("F002", "file-not-utf8", _E, "The file is not valid UTF-8 text.", "any"))
YAML_SYNTAX = register(
    Rule(
        "Y001",
        "yaml-syntax",
        _E,
        "The file is not valid YAML.",
        "any",
        bad="name: [Goalkeeper\n",
        good="name: Goalkeeper\n",
    )
)
YAML_DUPLICATE_KEY = register(
    Rule(
        "Y002",
        "duplicate-key",
        _E,
        "A mapping repeats a key. YAML readers silently keep the last one; art36 refuses to guess.",
        "any",
        bad="name: Goalkeeper\nname: Goalkeeper CIWS\n",
        good="name: Goalkeeper CIWS\n",
    )
)
YAML_NOT_MAPPING = register(
    Rule(
        "Y003",
        "document-not-mapping",
        _E,
        "The document is empty or is not a mapping of keys to values.",
        "any",
        bad="- just\n- a list\n",
        good="name: Goalkeeper\n",
    )
)
WRONG_DOCUMENT = register(
    Rule(
        "Y004",
        "wrong-document",
        _E,
        "The file is the other kind of art36 document: a checklist given to `validate`/`score`, or a system "
        "file given to `lint`.",
        "any",
        bad="# given to `art36 validate`\nid: my-checklist\nversion: 1.0.0\nsections: []\n",
        good="# given to `art36 lint`\nid: my-checklist\nversion: 1.0.0\nsections: []\n",
    )
)

# --- the schema (any document) ---------------------------------------------------------------------
SCHEMA_UNKNOWN_KEY = register(
    Rule(
        "S001",
        "unknown-key",
        _E,
        "A key that the format does not define (often a typo).",
        "any",
        bad="nmae: Goalkeeper\n",
        good="name: Goalkeeper\n",
    )
)
SCHEMA_MISSING_KEY = register(
    Rule(
        "S002",
        "missing-key",
        _E,
        "A key the format requires is absent.",
        "any",
        bad="name: Goalkeeper\n",
        good="name: Goalkeeper\nclassification: UNCLASSIFIED\n",
    )
)
SCHEMA_WRONG_TYPE = register(
    Rule(
        "S003",
        "wrong-type",
        _E,
        "A value has the wrong type (for example a version written 1.10, which YAML reads as the number 1.1).",
        "any",
        bad="version: 1.10\n",
        good='version: "1.10"\n',
    )
)
SCHEMA_INVALID_VALUE = register(
    Rule(
        "S004",
        "invalid-value",
        _E,
        "A value breaks a rule of the format (pattern, range, allowed values).",
        "any",
        bad="risk_level: severe\n",
        good="risk_level: high\n",
    )
)

# --- system descriptions ---------------------------------------------------------------------------
UNKNOWN_CHECKLIST = register(
    Rule(
        "A001",
        "unknown-checklist",
        _E,
        "The system file names a checklist that is neither built in nor a file.",
        "system",
        bad="checklists: [mhcc]\n",
        good="checklists: [mhc]\n",
    )
)
UNKNOWN_CRITERION = register(
    Rule(
        "A002",
        "unknown-criterion",
        _E,
        "An answer for a criterion that none of the checklists defines.",
        "system",
        bad="answers:\n  mhc.target.typ: [munitions]\n",
        good="answers:\n  mhc.target.type: [munitions]\n",
    )
)
INVALID_ANSWER = register(
    Rule(
        "A003",
        "invalid-answer",
        _E,
        "An answer that is not among the criterion's options or of the wrong kind.",
        "system",
        bad="answers:\n  mhc.hmi.deactivation: sometimes\n",
        good="answers:\n  mhc.hmi.deactivation: limited\n",
    )
)
REQUIRED_ANSWER_MISSING = register(
    Rule(
        "A004",
        "required-answer-missing",
        _W,
        "A required criterion that applies to this system has no answer (the review will be incomplete).",
        "system",
        bad="answers: {}   # mhc.hmi.deactivation is required\n",
        good="answers:\n  mhc.hmi.deactivation: unknown   # recorded: cannot be assessed yet\n",
    )
)
RATIONALE_MISSING = register(
    Rule(
        "A005",
        "rationale-missing",
        _W,
        "The criterion expects a rationale with its answer.",
        "system",
        bad="answers:\n  core.general.martens: no_concerns\n",
        good=(
            "answers:\n  core.general.martens:\n    value: no_concerns\n"
            "    rationale: Reviewed against public-conscience statements (annex C).\n"
        ),
    )
)
EVIDENCE_MISSING = register(
    Rule(
        "A006",
        "evidence-missing",
        _W,
        "The criterion expects evidence (a document or a file) with its answer.",
        "system",
        bad="answers:\n  core.data.performance: representative_trials\n",
        good=(
            "answers:\n  core.data.performance:\n    value: representative_trials\n"
            "    evidence: [{document: TR-2024-07}]\n"
        ),
    )
)
EVIDENCE_FILE_NOT_FOUND = register(
    Rule(
        "A007",
        "evidence-file-not-found",
        _E,
        "Evidence names a file that does not exist (relative to the system file).",
        "system",
        bad="evidence: [{path: evidence/tr-07.pdf}]   # no such file next to the system file\n",
        good="evidence: [{document: TR-2024-07, path: evidence/tr-2024-07.pdf}]\n",
    )
)
USE_WITHOUT_CONTEXT = register(
    Rule(
        "A008",
        "use-without-context",
        _E,
        "An intended use that does not answer the checklists' context criteria, so no context profile can apply.",
        "system",
        bad="uses:\n  - id: harbour\n    title: Harbour protection\n",
        good="uses:\n  - id: harbour\n    context:\n      mhc.context.environment: populated_area\n",
    )
)
NOT_APPLICABLE_NOT_ALLOWED = register(
    Rule(
        "A009",
        "not-applicable-not-allowed",
        _E,
        "'not_applicable' given for a criterion that does not allow it.",
        "system",
        bad="answers:\n  mhc.hmi.deactivation: not_applicable\n",
        good="answers:\n  mhc.hmi.deactivation: unknown\n",
    )
)
CONTEXT_OUTSIDE_USE = register(
    Rule(
        "A010",
        "context-answer-outside-use",
        _W,
        "A context criterion answered in 'answers' instead of in each use's 'context'.",
        "system",
        bad="answers:\n  mhc.context.environment: open_sea\n",
        good="uses:\n  - id: sea\n    context: {mhc.context.environment: open_sea}\n",
    )
)
NON_CONTEXT_IN_CONTEXT = register(
    Rule(
        "A011",
        "answer-in-context",
        _W,
        "A criterion that is not a context criterion answered under a use's 'context' (put it in 'answers').",
        "system",
        bad="uses:\n  - id: sea\n    context: {mhc.hmi.deactivation: any_time}\n",
        good="uses:\n  - id: sea\n    answers: {mhc.hmi.deactivation: any_time}\n",
    )
)
DUPLICATE_USE = register(
    Rule(
        "A012",
        "duplicate-use-id",
        _E,
        "Two intended uses share an id.",
        "system",
        bad="uses:\n  - id: sea\n  - id: sea\n",
        good="uses:\n  - id: sea-day\n  - id: sea-night\n",
    )
)
