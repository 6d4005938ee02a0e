"""Rules for each answer in a system file (A002, A003, A005-A007, A009-A011), each with its check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from art36 import echo, wording
from art36.checks.context import AnswerSite, SystemContext
from art36.checks.files import FILE_UNREADABLE
from art36.conditions import as_choices
from art36.evidence import Problem
from art36.models.checklist import AnswerType, Criterion
from art36.models.diagnostic import Diagnostic, Location, Severity
from art36.models.rule import Rule
from art36.models.system import NOT_APPLICABLE, UNKNOWN, AnswerValue

_E, _W = Severity.ERROR, Severity.WARNING


def _known(ctx: SystemContext) -> Iterator[tuple[AnswerSite, Criterion]]:
    """The answers to criteria the checklists define (the others are A002's)."""
    for site in ctx.answers():
        if site.criterion is not None:
            yield site, site.criterion


def _unknown_criteria(ctx: SystemContext) -> Iterator[Diagnostic]:
    if not ctx.checklists or not ctx.all_checklists:
        return  # a checklist is missing: its answers are not "unknown", only unchecked (A001 says why)
    names = ", ".join(c.id for c in ctx.checklists)
    for site in ctx.answers():
        if site.criterion is None:
            yield UNKNOWN_CRITERION.at(
                ctx.locate(site.loc, key=True),
                f"no criterion '{site.criterion_id}' in checklists {names}",
                hint=wording.did_you_mean(site.criterion_id, ctx.criteria, cutoff=0.7)
                or "see the checklist for valid ids",
            )


UNKNOWN_CRITERION: Rule[SystemContext] = Rule(
    "A002",
    "unknown-criterion",
    _E,
    "An answer for a criterion that none of the checklists defines.",
    "system",
    bad="answers:\n  mhc.target.typ: [munitions]\n",
    good="answers:\n  mhc.target.type: [munitions]\n",
    check=_unknown_criteria,
)


def _invalid_answer(site: AnswerSite, criterion: Criterion) -> tuple[str, str] | None:
    """(message, hint) if the answer's value does not fit the criterion; None if it does."""
    value = site.answer.value
    if value in (UNKNOWN, NOT_APPLICABLE):
        return None  # not_applicable is A009's
    if criterion.answer_type is AnswerType.TEXT:
        return (
            None if isinstance(value, str) else (f"found {echo.value(value)}, expected text for '{criterion.id}'", "")
        )
    if criterion.answer_type is not AnswerType.MULTI_CHOICE and isinstance(value, tuple):
        return f"found a list, expected one value for '{criterion.id}'", ""
    if as_choices(criterion, value) is not None:
        return None
    if criterion.answer_type is AnswerType.NUMBER:
        unit = f" in {criterion.unit}" if criterion.unit else ""
        hint = "a finite number, 0 or more: durations, distances and counts cannot be negative"
        return f"found {echo.value(value)}, expected a number{unit}", hint
    allowed = [wording.value(v) for v in criterion.choice_values()]
    hint = f"expected one of: {', '.join(allowed)}, or unknown"
    # Under --no-values no suggestion either: the option closest to a hidden value tells what it was.
    if isinstance(value, str) and not echo.hiding() and (close := wording.close_match(value, allowed)):
        hint = f"did you mean '{close}'? {hint}"
    if criterion.answer_type is AnswerType.BOOLEAN and isinstance(value, str):
        hint = f"write true or false without quotes; {hint}"
    return f"found {echo.value(value)}, not an option of '{criterion.id}'", hint


def _bad_items(site: AnswerSite, criterion: Criterion) -> list[tuple[int, AnswerValue]]:
    """The items of a multiple-choice list that are not options (with their index), when some items are."""
    value = site.answer.value
    if criterion.answer_type is not AnswerType.MULTI_CHOICE or not isinstance(value, tuple) or len(value) < 2:
        return []
    return [(i, item) for i, item in enumerate(value) if as_choices(criterion, item) is None]


def _invalid_answers(ctx: SystemContext) -> Iterator[Diagnostic]:
    for site, criterion in _known(ctx):
        problem = _invalid_answer(site, criterion)
        if problem is None:
            continue
        bad = _bad_items(site, criterion)
        if not bad:
            yield INVALID_ANSWER.at(ctx.locate(site.loc), *problem)
            continue
        value = site.answer.value
        assert isinstance(value, tuple)
        for i, item in bad:  # name each bad item where it is written, not the whole list
            message, hint = _invalid_answer(
                replace(site, answer=site.answer.model_copy(update={"value": item})), criterion
            ) or ("", "")
            where = f"item {i + 1} of {len(value)}"
            yield INVALID_ANSWER.at(
                ctx.locate((*site.loc, "value", i)),
                message.replace(", not an option", f" ({where}), not an option"),
                hint,
            )


INVALID_ANSWER: Rule[SystemContext] = Rule(
    "A003",
    "invalid-answer",
    _E,
    "An answer that is not among the criterion's options or of the wrong kind.",
    "system",
    bad="answers:\n  mhc.hmi.deactivation: sometimes\n",
    good="answers:\n  mhc.hmi.deactivation: limited\n",
    check=_invalid_answers,
)


def _supportable(ctx: SystemContext) -> Iterator[tuple[AnswerSite, Criterion]]:
    """Answers that can carry a rationale and evidence ('unknown' says it cannot be assessed yet)."""
    for site, criterion in _known(ctx):
        if site.answer.value != UNKNOWN:
            yield site, criterion


def _rationale_missing(ctx: SystemContext) -> Iterator[Diagnostic]:
    for site, criterion in _supportable(ctx):
        if criterion.rationale_required and not site.answer.rationale.strip():
            yield RATIONALE_MISSING.at(
                ctx.locate(site.loc),
                f"'{criterion.id}' expects a rationale with its answer",
                hint="answer as {value: ..., rationale: ...}",
            )


RATIONALE_MISSING: Rule[SystemContext] = Rule(
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
    check=_rationale_missing,
)


def _evidence_missing(ctx: SystemContext) -> Iterator[Diagnostic]:
    for site, criterion in _supportable(ctx):
        answer = site.answer
        if criterion.evidence_required and not answer.evidence and answer.value != NOT_APPLICABLE:
            yield EVIDENCE_MISSING.at(
                ctx.locate(site.loc),
                f"'{criterion.id}' expects evidence with its answer",
                hint="add evidence: [{document: ..., path: ...}]",
            )


EVIDENCE_MISSING: Rule[SystemContext] = Rule(
    "A006",
    "evidence-missing",
    _W,
    "The criterion expects evidence (a document or a file) with its answer.",
    "system",
    bad="answers:\n  core.data.performance: representative_trials\n",
    good=(
        "answers:\n  core.data.performance:\n    value: representative_trials\n    evidence: [{document: TR-2024-07}]\n"
    ),
    check=_evidence_missing,
)


def _evidence_problems(ctx: SystemContext, kinds: tuple[str, ...]) -> Iterator[tuple[Location, Problem]]:
    """(where it is cited, what is wrong) for each cited evidence path with a problem of one of ``kinds``."""
    files = ctx.evidence_files
    for site, _ in _supportable(ctx):
        for j, item in enumerate(site.answer.evidence):
            found = files.check(item.path)
            if isinstance(found, Problem) and found.kind in kinds:
                yield ctx.locate((*site.loc, "evidence", j, "path")), found


def _evidence_files_not_found(ctx: SystemContext) -> Iterator[Diagnostic]:
    for where, problem in _evidence_problems(ctx, ("missing", "output")):
        if problem.kind == "output":
            # The output file is never read as an input (it is about to be replaced).
            yield FILE_UNREADABLE.at(where, problem.message)
        else:
            yield EVIDENCE_FILE_NOT_FOUND.at(where, problem.message, problem.hint)


EVIDENCE_FILE_NOT_FOUND: Rule[SystemContext] = Rule(
    "A007",
    "evidence-file-not-found",
    _E,
    "Evidence names a file that does not exist (relative to the system file).",
    "system",
    bad="evidence: [{path: evidence/tr-07.pdf}]   # no such file next to the system file\n",
    good="evidence: [{document: TR-2024-07, path: evidence/tr-2024-07.pdf}]\n",
    check=_evidence_files_not_found,
)


def _evidence_outside(ctx: SystemContext) -> Iterator[Diagnostic]:
    for where, problem in _evidence_problems(ctx, ("outside",)):
        yield EVIDENCE_OUTSIDE.at(where, problem.message, problem.hint)


EVIDENCE_OUTSIDE: Rule[SystemContext] = Rule(
    "A013",
    "evidence-outside-folder",
    _E,
    "Evidence names a file outside the system file's folder (or --evidence-root); it is not read.",
    "system",
    bad="evidence: [{path: ../../etc/passwd}]\n",
    good="evidence: [{path: evidence/tr-2024-07.pdf}]\n",
    explanation="Links are followed before the check. Pass --allow-evidence-outside or --evidence-root DIR to "
    "rely on files elsewhere.",
    check=_evidence_outside,
)


def _evidence_unusable(ctx: SystemContext) -> Iterator[Diagnostic]:
    for where, problem in _evidence_problems(ctx, ("unusable",)):
        yield EVIDENCE_UNUSABLE.at(where, problem.message, problem.hint)


EVIDENCE_UNUSABLE: Rule[SystemContext] = Rule(
    "A014",
    "evidence-not-usable",
    _E,
    "An evidence path that is not a regular file (a FIFO, a device), is too large to hash, or cannot be read.",
    "system",
    bad="evidence: [{path: evidence}]   # a folder, not a file\n",
    good="evidence: [{path: evidence/tr-2024-07.pdf}]\n",
    explanation="Evidence is hashed up to --max-evidence-bytes (default 1 GiB); FIFOs and devices are never opened.",
    check=_evidence_unusable,
)


def _not_applicable_not_allowed(ctx: SystemContext) -> Iterator[Diagnostic]:
    for site, criterion in _known(ctx):
        if site.answer.value == NOT_APPLICABLE and not criterion.not_applicable_allowed:
            yield NOT_APPLICABLE_NOT_ALLOWED.at(
                ctx.locate(site.loc),
                f"'{criterion.id}' does not allow not_applicable",
                hint="answer one of its options, or 'unknown' if it cannot be assessed",
            )


NOT_APPLICABLE_NOT_ALLOWED: Rule[SystemContext] = Rule(
    "A009",
    "not-applicable-not-allowed",
    _E,
    "'not_applicable' given for a criterion that does not allow it.",
    "system",
    bad="answers:\n  mhc.hmi.deactivation: not_applicable\n",
    good="answers:\n  mhc.hmi.deactivation: unknown\n",
    check=_not_applicable_not_allowed,
)


def _context_outside_use(ctx: SystemContext) -> Iterator[Diagnostic]:
    for site, criterion in _known(ctx):
        if criterion.context and not site.in_context:
            yield CONTEXT_OUTSIDE_USE.at(
                ctx.locate(site.loc, key=True),
                f"'{criterion.id}' is a context criterion, answered in {site.where}",
                hint="answer it in each use's 'context', since context differs per intended use",
            )


CONTEXT_OUTSIDE_USE: Rule[SystemContext] = Rule(
    "A010",
    "context-answer-outside-use",
    _W,
    "A context criterion answered in 'answers' instead of in each use's 'context'.",
    "system",
    bad="answers:\n  mhc.context.environment: open_sea\n",
    good="uses:\n  - id: sea\n    context: {mhc.context.environment: open_sea}\n",
    check=_context_outside_use,
)


def _answer_in_context(ctx: SystemContext) -> Iterator[Diagnostic]:
    for site, criterion in _known(ctx):
        if site.in_context and not criterion.context:
            yield NON_CONTEXT_IN_CONTEXT.at(
                ctx.locate(site.loc, key=True),
                f"'{criterion.id}' is not a context criterion",
                hint="put it under 'answers' (system-wide) or the use's 'answers'",
            )


NON_CONTEXT_IN_CONTEXT: Rule[SystemContext] = Rule(
    "A011",
    "answer-in-context",
    _W,
    "A criterion that is not a context criterion answered under a use's 'context' (put it in 'answers').",
    "system",
    bad="uses:\n  - id: sea\n    context: {mhc.hmi.deactivation: any_time}\n",
    good="uses:\n  - id: sea\n    answers: {mhc.hmi.deactivation: any_time}\n",
    check=_answer_in_context,
)
