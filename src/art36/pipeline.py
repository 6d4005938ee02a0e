"""Load -> validate -> score for one system file; the unit of work that batches run (in parallel if large)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from art36 import __version__, doctype, evidence, load, scoring
from art36.catalog import Catalog, LoadedChecklist
from art36.checks.context import SystemContext
from art36.checks.system import check_system
from art36.models.common import text_in
from art36.models.diagnostic import Diagnostic, FileReport, Severity
from art36.models.review import (
    ChecklistRef,
    CitedEvidence,
    CriterionResult,
    EvidenceRecord,
    ReviewResult,
    ToolInfo,
    UseResult,
)
from art36.models.rule import run as run_checks
from art36.models.system import Answer, SystemDescription


@dataclass(frozen=True)
class Job:
    """One input: a path on disk, or text already read (stdin) with the name to show for it."""

    display: str
    #: A plain string: batches hold thousands, and pathlib interns every file name it sees, for good.
    path: str | None = None
    text: str | None = None
    checklists: tuple[str, ...] = ()  # --checklist overrides; empty: the ones the file names
    #: --strict-conditions: a condition that no declared measure addresses makes the use incomplete.
    strict_conditions: bool = False
    evidence: evidence.Policy = evidence.DEFAULT_POLICY


@dataclass
class Outcome:
    report: FileReport
    result: ReviewResult | None = None
    system: str = ""
    classification: str = ""


#: The catalog a worker uses when the caller passes none: each checklist is parsed once per process, and read
#: again only if its file changes (see catalog.Catalog).
DEFAULT_CATALOG = Catalog()


def _folder(job: Job) -> Path | None:
    """The folder of the system file: relative paths (checklists, evidence) start there."""
    return Path(os.path.dirname(job.path) or ".") if job.path is not None else None


def _read(job: Job) -> tuple[str | None, load.Loaded[SystemDescription]]:
    """The job's text (None if unreadable) and the system description loaded from it."""
    text, problem = job.text, None
    if text is None:
        assert job.path is not None
        text, problem = load.read_text(job.path, job.display)
    if text is None:
        return None, load.Loaded(job.display, None, None, (problem,) if problem else ())
    loaded = load.load(text, job.display, SystemDescription)
    if loaded.model is None and loaded.doc is not None:
        wrong = run_checks(doctype.DOCUMENT_RULES, doctype.Expected(job.display, loaded.doc.data, "system"))
        if wrong:  # one clear error, not one "unknown key" per checklist key
            loaded = dataclasses.replace(loaded, diagnostics=tuple(wrong))
    return text, loaded


def _checklists(
    job: Job, loaded: load.Loaded[SystemDescription], catalog: Catalog
) -> tuple[list[LoadedChecklist], list[Diagnostic]]:
    """The checklists the job names (``--checklist``) or else the file does, and why any cannot be used."""
    system = loaded.model
    assert system is not None
    if job.checklists:
        return catalog.resolve_all(job.checklists, None, lambda i: loaded.locate(()))
    return catalog.resolve_all(system.checklists, _folder(job), lambda i: loaded.locate(("checklists", i)))


def run(job: Job, *, score: bool = True, catalog: Catalog | None = None) -> Outcome:
    """Validate one system file and, if it has no errors and ``score`` is set, review it. Never raises."""
    text, loaded = _read(job)
    diagnostics = list(loaded.diagnostics)
    result = None
    system = loaded.model
    if system is not None:
        found, problems = _checklists(job, loaded, catalog or DEFAULT_CATALOG)
        diagnostics += problems
        base = _folder(job)
        files = evidence.EvidenceFiles(str(base) if base is not None else None, job.evidence)
        context = SystemContext(
            system,
            tuple(c.checklist for c in found),
            loaded.locate,
            base_dir=base,
            all_checklists=not problems,
            evidence=files,
        )
        diagnostics += check_system(context)
        ok = not any(d.severity is Severity.ERROR for d in diagnostics)
        if ok and score and found and text is not None:
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            result = review(
                system, found, job.display, files.records(system), digest, strict_conditions=job.strict_conditions
            )
    marking = system.classification if system else marking_of(loaded, text or "")
    report = FileReport(
        file=job.display,
        diagnostics=tuple(load.cap(diagnostics, job.display, loaded.omitted)),
        classification=marking,
    )
    return Outcome(report=report, result=result, system=system.name if system else "", classification=marking)


def marking_of(loaded: load.Loaded[SystemDescription], text: str) -> str:
    """The classification marking of a file that failed validation, if its ``classification:`` is readable."""
    from art36.marking import recover

    return recover(loaded.doc.data if loaded.doc else None, text)


#: Within one review: (result, answer) ids -> the result and its copy carrying the answer's notes. Holding the
#: result keeps its id from being reused; the answer lives as long as the system description.
Noted = dict[tuple[int, int], tuple[CriterionResult, CriterionResult]]


def _with_rationale(result: UseResult, answers: dict[str, Answer], noted: Noted) -> UseResult:
    """Carry each answer's rationale and cited evidence into its criterion result, so reports need no system file.

    Uses share answers and (equal inputs, one frozen result) criterion results: each pair is copied once."""
    criteria = []
    for c in result.criteria:
        answer = answers.get(c.id)
        if answer is None or not (answer.rationale or answer.evidence):
            criteria.append(c)
            continue
        found = noted.get((id(c), id(answer)))
        if found is None or found[0] is not c:
            cited = tuple(
                CitedEvidence(document=e.document, path=e.path, description=e.description) for e in answer.evidence
            )
            found = noted[id(c), id(answer)] = (
                c,
                c.model_copy(update={"rationale": answer.rationale, "evidence": cited}),
            )
        criteria.append(found[1])
    return result.model_copy(update={"criteria": tuple(criteria)})


def review(
    system: SystemDescription,
    checklists: list[LoadedChecklist],
    file: str,
    evidence: tuple[EvidenceRecord, ...] = (),
    system_sha256: str | None = None,
    *,
    strict_conditions: bool = False,
) -> ReviewResult:
    """Score every intended use (with the measures it declares); the overall verdict is the worst use's."""
    models = [c.checklist for c in checklists]
    uses = []
    noted: Noted = {}
    for use in system.uses:
        answers = system.answers_for(use)
        result = scoring.evaluate_use(
            models,
            {k: a.value for k, a in answers.items()},
            use.id,
            text_in(use.title),
            measures=use.measures,
            strict_conditions=strict_conditions,
        )
        uses.append(_with_rationale(result, answers, noted))
    deciding = scoring.worst_use(uses)
    return ReviewResult(
        tool=ToolInfo(version=__version__),
        file=file,
        system_sha256=system_sha256,
        system=system.name,
        system_version=system.version,
        classification=system.classification,
        checklists=tuple(
            ChecklistRef(id=c.checklist.id, version=c.checklist.version, sha256=c.sha256, source=c.source)
            for c in checklists
        ),
        verdict=deciding.verdict,
        score=deciding.score,
        deciding_use=deciding.id,
        uses=tuple(uses),
        evidence=evidence,
    )
