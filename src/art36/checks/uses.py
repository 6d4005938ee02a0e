"""Rules for each intended use of a system (A004, A008, A012), each with its check."""

from __future__ import annotations

from collections.abc import Iterator

from art36.checks.context import SystemContext
from art36.conditions import Truth, evaluate, lookup_in
from art36.models.checklist import Criterion
from art36.models.common import text_in
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.rule import Rule
from art36.scoring.verdict import out_of_scope

_E, _W = Severity.ERROR, Severity.WARNING


#: More missing answers than this in one file are reported as one summary warning.
MISSING_SUMMARY_AFTER = 5


def _required_missing(ctx: SystemContext) -> Iterator[Diagnostic]:
    """One warning per missing answer, naming the question; one summary warning per file when there are many."""
    system = ctx.system
    reported: set[str] = set()
    missing: list[tuple[Criterion, str]] = []
    for use in system.uses:
        answers = {k: a.value for k, a in system.answers_for(use).items()}
        if out_of_scope(ctx.checklists, answers):
            continue  # verdict rule 2: answers that cannot apply to an out-of-scope use are not demanded
        for checklist in ctx.checklists:
            lookup = lookup_in(checklist.criteria, answers)
            for criterion in checklist.criteria.values():
                if criterion.context or not criterion.required or criterion.id in answers or criterion.id in reported:
                    continue
                if criterion.applies_when is not None and evaluate(criterion.applies_when, lookup) is Truth.FALSE:
                    continue
                reported.add(criterion.id)
                missing.append((criterion, use.id))
    where = ctx.locate(("answers",))
    if len(missing) <= MISSING_SUMMARY_AFTER:
        for criterion, use_id in missing:
            yield REQUIRED_ANSWER_MISSING.at(
                where,
                f"required criterion '{criterion.id}' has no answer (use '{use_id}'): {text_in(criterion.question)}",
                hint="answer it, or answer 'unknown' to record that it cannot be assessed",
            )
        return
    first = "; ".join(f"'{c.id}': {text_in(c.question)}" for c, _ in missing[:3])
    rest = ", ".join(c.id for c, _ in missing[3:])
    yield REQUIRED_ANSWER_MISSING.at(
        where,
        f"{len(missing)} required criteria have no answer. {first}; and {len(missing) - 3} more: {rest}",
        hint="`art36 review FILE` asks them one by one; `art36 init` writes a template with every criterion",
    )


REQUIRED_ANSWER_MISSING: Rule[SystemContext] = Rule(
    "A004",
    "required-answer-missing",
    _W,
    "A required criterion that applies to this system has no answer (the review will be incomplete).",
    "system",
    bad="answers: {}   # mhc.hmi.deactivation is required\n",
    good="answers:\n  mhc.hmi.deactivation: unknown   # recorded: cannot be assessed yet\n",
    check=_required_missing,
)


def _uses_without_context(ctx: SystemContext) -> Iterator[Diagnostic]:
    system = ctx.system
    for i, use in enumerate(system.uses):
        answers = system.answers_for(use)
        for checklist in ctx.checklists:
            missing = [c.id for c in checklist.criteria.values() if c.context and c.required and c.id not in answers]
            if missing:
                yield USE_WITHOUT_CONTEXT.at(
                    ctx.locate(("uses", i, "context") if use.context else ("uses", i)),
                    f"use '{use.id}' does not give the context: {', '.join(missing)}",
                    hint="add them under this use's 'context' so the right context profiles apply",
                )


USE_WITHOUT_CONTEXT: Rule[SystemContext] = Rule(
    "A008",
    "use-without-context",
    _E,
    "An intended use that does not answer the checklists' context criteria, so no context profile can apply.",
    "system",
    bad="uses:\n  - id: harbour\n    title: Harbour protection\n",
    good="uses:\n  - id: harbour\n    context:\n      mhc.context.environment: populated_area\n",
    check=_uses_without_context,
)


def _duplicate_uses(ctx: SystemContext) -> Iterator[Diagnostic]:
    seen: dict[str, int] = {}
    for i, use in enumerate(ctx.system.uses):
        if use.id in seen:
            yield DUPLICATE_USE.at(
                ctx.locate(("uses", i, "id")), f"use id '{use.id}' already used by uses[{seen[use.id]}]"
            )
        seen.setdefault(use.id, i)


DUPLICATE_USE: Rule[SystemContext] = Rule(
    "A012",
    "duplicate-use-id",
    _E,
    "Two intended uses share an id.",
    "system",
    bad="uses:\n  - id: sea\n  - id: sea\n",
    good="uses:\n  - id: sea-day\n  - id: sea-night\n",
    check=_duplicate_uses,
)


def _measures_for_unknown_criteria(ctx: SystemContext) -> Iterator[Diagnostic]:
    from art36.wording import did_you_mean

    known = {cid for checklist in ctx.checklists for cid in checklist.criteria}
    if not known:
        return  # no usable checklist: A001 says so
    for i, use in enumerate(ctx.system.uses):
        for j, measure in enumerate(use.measures):
            if measure.criterion not in known:
                yield MEASURE_UNKNOWN_CRITERION.at(
                    ctx.locate(("uses", i, "measures", j, "criterion")),
                    f"use '{use.id}' declares a measure for '{measure.criterion}', which no checklist defines",
                    hint=did_you_mean(measure.criterion, known) or "name the criterion whose condition it addresses",
                )


MEASURE_UNKNOWN_CRITERION: Rule[SystemContext] = Rule(
    "A015",
    "measure-unknown-criterion",
    _E,
    "A use declares a measure for a criterion that none of its checklists defines.",
    "system",
    bad="uses:\n  - id: sea\n    measures:\n      - {criterion: mhc.target.discrimnation, kind: procedure,"
    " description: Second sensor.}\n",
    good="uses:\n  - id: sea\n    measures:\n      - {criterion: mhc.target.discrimination, kind: procedure,"
    " description: Second sensor.}\n",
    check=_measures_for_unknown_criteria,
)
