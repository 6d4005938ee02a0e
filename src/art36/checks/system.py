"""Semantic checks of a system description against its checklists; returns located diagnostics."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from pathlib import Path

from art36 import echo, fileio, rules
from art36.conditions import Truth, as_choices, evaluate, lookup_in
from art36.load import Loaded
from art36.models.checklist import AnswerType, Checklist, Criterion
from art36.models.common import text_in
from art36.models.diagnostic import Diagnostic
from art36.models.system import NOT_APPLICABLE, UNKNOWN, Answer, SystemDescription


def _answer_blocks(system: SystemDescription) -> Iterator[tuple[tuple[str | int, ...], dict[str, Answer], str]]:
    """(YAML location, answers, where) for the system-wide answers, each use's answers and each use's context."""
    yield ("answers",), system.answers, "answers"
    for i, use in enumerate(system.uses):
        yield ("uses", i, "answers"), use.answers, f"use '{use.id}' answers"
        yield ("uses", i, "context"), use.context, f"use '{use.id}' context"


def _shown(value: object) -> str:
    return echo.value(value)  # bounded excerpt, or nothing under --no-values


def _check_value(
    loaded: Loaded[SystemDescription], loc: tuple[str | int, ...], criterion: Criterion, answer: Answer
) -> Iterator[Diagnostic]:
    value = answer.value
    if value == UNKNOWN:
        return
    if value == NOT_APPLICABLE:
        if not criterion.not_applicable_allowed:
            yield rules.NOT_APPLICABLE_NOT_ALLOWED.at(
                loaded.locate((*loc, criterion.id)),
                f"'{criterion.id}' does not allow not_applicable",
                hint="answer one of its options, or 'unknown' if it cannot be assessed",
            )
        return
    if criterion.answer_type is AnswerType.TEXT:
        if not isinstance(value, str):
            yield rules.INVALID_ANSWER.at(
                loaded.locate((*loc, criterion.id)), f"found {_shown(value)}, expected text for '{criterion.id}'"
            )
        return
    if criterion.answer_type is not AnswerType.MULTI_CHOICE and isinstance(value, tuple):
        yield rules.INVALID_ANSWER.at(
            loaded.locate((*loc, criterion.id)), f"found a list, expected one value for '{criterion.id}'"
        )
        return
    if as_choices(criterion, value) is not None:
        return
    if criterion.answer_type is AnswerType.NUMBER:
        yield rules.INVALID_ANSWER.at(
            loaded.locate((*loc, criterion.id)),
            f"found {_shown(value)}, expected a number{f' in {criterion.unit}' if criterion.unit else ''}",
        )
        return
    allowed = [str(v).lower() if isinstance(v, bool) else str(v) for v in criterion.choice_values()]
    hint = f"expected one of: {', '.join(allowed)}, or unknown"
    if isinstance(value, str) and (close := difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)):
        hint = f"did you mean '{close[0]}'? {hint}"
    if criterion.answer_type is AnswerType.BOOLEAN and isinstance(value, str):
        hint = f"write true or false without quotes; {hint}"
    yield rules.INVALID_ANSWER.at(
        loaded.locate((*loc, criterion.id)), f"found {_shown(value)}, not an option of '{criterion.id}'", hint
    )


def _check_support(
    loaded: Loaded[SystemDescription],
    loc: tuple[str | int, ...],
    criterion: Criterion,
    answer: Answer,
    base_dir: Path | None,
) -> Iterator[Diagnostic]:
    if answer.value == UNKNOWN:  # nothing to support yet: the answer says it cannot be assessed
        return
    if criterion.rationale_required and not answer.rationale.strip():
        yield rules.RATIONALE_MISSING.at(
            loaded.locate((*loc, criterion.id)),
            f"'{criterion.id}' expects a rationale with its answer",
            hint="answer as {value: ..., rationale: ...}",
        )
    if criterion.evidence_required and not answer.evidence and answer.value != NOT_APPLICABLE:
        yield rules.EVIDENCE_MISSING.at(
            loaded.locate((*loc, criterion.id)),
            f"'{criterion.id}' expects evidence with its answer",
            hint="add evidence: [{document: ..., path: ...}]",
        )
    for j, item in enumerate(answer.evidence):
        if item.path and base_dir is not None and fileio.is_output(base_dir / item.path):
            yield rules.FILE_UNREADABLE.at(loaded.locate((*loc, criterion.id, "evidence", j, "path")), fileio.IS_OUTPUT)
        elif item.path and base_dir is not None and not (base_dir / item.path).is_file():
            yield rules.EVIDENCE_FILE_NOT_FOUND.at(
                loaded.locate((*loc, criterion.id, "evidence", j, "path")),
                f"evidence file {echo.path(item.path)} not found",
                hint=f"paths are relative to {base_dir.as_posix() or '.'}",
            )


def check_system(
    loaded: Loaded[SystemDescription], checklists: Sequence[Checklist], base_dir: Path | None
) -> list[Diagnostic]:
    """Everything a schema cannot see: answers that fit no criterion or option, gaps, missing evidence."""
    system = loaded.model
    assert system is not None
    criteria: dict[str, Criterion] = {}
    for checklist in checklists:
        for cid, criterion in checklist.criteria.items():
            criteria.setdefault(cid, criterion)
    out: list[Diagnostic] = []
    for loc, answers, where in _answer_blocks(system):
        in_context = loc[-1] == "context"
        for cid, answer in answers.items():
            found = criteria.get(cid)
            if found is None:
                close = difflib.get_close_matches(cid, list(criteria), n=1, cutoff=0.7)
                out.append(
                    rules.UNKNOWN_CRITERION.at(
                        loaded.locate((*loc, cid), key=True),
                        f"no criterion '{cid}' in checklists {', '.join(c.id for c in checklists)}",
                        hint=f"did you mean '{close[0]}'?" if close else "see the checklist for valid ids",
                    )
                )
                continue
            criterion = found
            out.extend(_check_value(loaded, loc, criterion, answer))
            out.extend(_check_support(loaded, loc, criterion, answer, base_dir))
            if criterion.context and not in_context:
                out.append(
                    rules.CONTEXT_OUTSIDE_USE.at(
                        loaded.locate((*loc, cid), key=True),
                        f"'{cid}' is a context criterion, answered in {where}",
                        hint="answer it in each use's 'context', since context differs per intended use",
                    )
                )
            elif in_context and not criterion.context:
                out.append(
                    rules.NON_CONTEXT_IN_CONTEXT.at(
                        loaded.locate((*loc, cid), key=True),
                        f"'{cid}' is not a context criterion",
                        hint="put it under 'answers' (system-wide) or the use's 'answers'",
                    )
                )
    out.extend(_check_uses(loaded, checklists))
    return out


def _check_uses(loaded: Loaded[SystemDescription], checklists: Sequence[Checklist]) -> Iterator[Diagnostic]:
    system = loaded.model
    assert system is not None
    seen: dict[str, int] = {}
    missing_reported: set[str] = set()
    missing: list[tuple[Criterion, str]] = []
    for i, use in enumerate(system.uses):
        if use.id in seen:
            yield rules.DUPLICATE_USE.at(
                loaded.locate(("uses", i, "id")), f"use id '{use.id}' already used by uses[{seen[use.id]}]"
            )
        seen.setdefault(use.id, i)
        answers = {k: a.value for k, a in system.answers_for(use).items()}
        for checklist in checklists:
            lookup = lookup_in(checklist.criteria, answers)
            context_missing = [
                c.id for c in checklist.criteria.values() if c.context and c.required and c.id not in answers
            ]
            if context_missing:
                yield rules.USE_WITHOUT_CONTEXT.at(
                    loaded.locate(("uses", i, "context") if use.context else ("uses", i)),
                    f"use '{use.id}' does not give the context: {', '.join(context_missing)}",
                    hint="add them under this use's 'context' so the right context profiles apply",
                )
            for criterion in checklist.criteria.values():
                if (
                    criterion.context
                    or not criterion.required
                    or criterion.id in answers
                    or criterion.id in missing_reported
                ):
                    continue
                if criterion.applies_when is not None and evaluate(criterion.applies_when, lookup) is Truth.FALSE:
                    continue
                missing_reported.add(criterion.id)
                missing.append((criterion, use.id))
    yield from _missing_answers(loaded, missing)


#: More missing answers than this in one file are reported as one summary warning.
MISSING_SUMMARY_AFTER = 5


def _missing_answers(loaded: Loaded[SystemDescription], missing: list[tuple[Criterion, str]]) -> Iterator[Diagnostic]:
    """One warning per missing answer, naming the question; one summary warning per file when there are many."""
    where = loaded.locate(("answers",))
    hint = "answer it, or answer 'unknown' to record that it cannot be assessed"
    if len(missing) <= MISSING_SUMMARY_AFTER:
        for criterion, use in missing:
            yield rules.REQUIRED_ANSWER_MISSING.at(
                where,
                f"required criterion '{criterion.id}' has no answer (use '{use}'): {text_in(criterion.question)}",
                hint=hint,
            )
        return
    first = "; ".join(f"'{c.id}': {text_in(c.question)}" for c, _ in missing[:3])
    rest = ", ".join(c.id for c, _ in missing[3:])
    yield rules.REQUIRED_ANSWER_MISSING.at(
        where,
        f"{len(missing)} required criteria have no answer. {first}; and {len(missing) - 3} more: {rest}",
        hint="`art36 review FILE` asks them one by one; `art36 init` writes a template with every criterion",
    )
