"""What the reviewer sees: the system header, one question, feedback notices, the verdict so far and the result."""

from __future__ import annotations

from art36 import echo
from art36.cli.term import Term
from art36.i18n import Translator
from art36.models.checklist import AnswerType, Criterion
from art36.models.common import text_in
from art36.models.review import ReviewResult, UseResult
from art36.models.system import NOT_APPLICABLE, UNKNOWN, Answer, SystemDescription
from art36.review import choices
from art36.review.engine import State, Step, check_value
from art36.review.feedback import Notice
from art36.textsafe import folded

VERDICT_STYLE = {
    "prohibited": "alert",
    "not_approvable": "red",
    "incomplete": "yellow",
    "approvable_with_conditions": "cyan",
    "approvable": "green",
    "out_of_scope": "dim",
}


def header(term: Term, tr: Translator, system: SystemDescription, checklists: list[str]) -> None:
    """The system as the reviewer must see it first; its own texts are the writer's, never marked as untranslated."""
    term.say(tr("title"), "bold")
    term.say(f"{tr('system')}: {folded(system.name)}", hang=2)
    if system.version:
        term.say(f"{tr('version')}: {folded(system.version)}", hang=2)
    term.say(f"{tr('classification')}: {folded(system.classification)}", "bold", hang=2)
    term.say(f"{tr('uses')}:")
    for use in system.uses:
        title = folded(text_in(use.title, tr.lang)) if use.title else ""
        term.say(f"- {folded(use.id)}" + (f": {title}" if title else ""), indent=2, hang=2)
    term.say(f"{tr('checklists')}: {', '.join(folded(c) for c in checklists)}", hang=2)


def shown_value(value: object, tr: Translator) -> str:
    if value == UNKNOWN:
        return tr("option_unknown")
    if value == NOT_APPLICABLE:
        return tr("option_na")
    if isinstance(value, tuple):
        return ", ".join(folded(_yaml_scalar(v)) for v in value)
    return folded(_yaml_scalar(value))


def _yaml_scalar(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def question(term: Term, tr: Translator, state: State, step: Step) -> None:
    """The question with everything needed to answer it (guidance only on request)."""
    criterion = step.criterion
    sections = [(c, s.id) for c, s in state.plan.sections]
    s_index = sections.index((step.checklist.id, step.section.id)) + 1
    k, n = state.position(step.key)
    where = (
        f"{folded(step.checklist.id)} · {folded(tr.text(step.section.title))} · "
        f"{tr('section', k=s_index, n=len(sections))} · {tr('question_k_of_n', k=k, n=n)}"
    )
    term.say("")
    term.say("── " + where + " " + "─" * max(0, term.width - len(where) - 4), "dim")
    if step.key.use:
        term.say(tr("for_use", use=_use_title(state, step.key.use, tr)), "cyan")
    term.say(folded(criterion.id), "dim")
    term.say(folded(tr.text(criterion.question)), "bold")
    lettered = criterion.answer_type in (AnswerType.NUMBER, AnswerType.TEXT)
    if criterion.answer_type is AnswerType.NUMBER:
        term.say(tr("ranges") + (f" ({folded(criterion.unit)})" if criterion.unit else "") + ":")
        for band in criterion.ranges:
            limit = tr("up_to", max=f"{band.max:g}") if band.max is not None else tr("above")
            risk = tr(f"risk.{band.risk_level.value}")
            term.say(
                f"{limit}: {folded(tr.text(band.label))} ({tr('risk')}: {risk})"
                + (f" — {folded(tr.text(band.meaning))}" if band.meaning else ""),
                indent=2,
                hang=4,
            )
    for item in choices.menu(criterion):
        if item.kind == "option":
            risk = tr(f"risk.{item.risk.value}") if item.risk else ""
            line = f"{item.number:>2}) {folded(tr.text(item.label))}  [{tr('risk')}: {risk}]"
            if item.meaning:
                line += f" — {folded(tr.text(item.meaning))}"
            term.say(line, indent=1, hang=4)
        else:
            label = tr("option_unknown") if item.kind == "unknown" else tr("option_na")
            mark = ("u" if item.kind == "unknown" else "na") if lettered else str(item.number)
            term.say(f"{mark:>2}) {label}", "dim", indent=1, hang=4)
    refs = "; ".join(folded(str(r)) for r in criterion.references)
    status = tr(f"status.{criterion.legal_status.value}")
    term.say(f"{tr('references')} ({tr('legal_status')}: {status}): {refs}", "dim", hang=2)
    current = state.answer(step.key)
    if current is not None:
        term.say(tr("current", value=_current(criterion, current, tr)), "yellow", hang=2)
        if current.rationale:
            term.say(f"{tr('rationale')}: {folded(current.rationale)}", "dim", indent=2, hang=2)
    else:
        term.say(tr("no_answer"), "dim")
    if not step.key.use:
        for use in state.system.uses:
            own = use.answers.get(criterion.id)
            if own is not None:
                term.say(tr("use_override", use=folded(use.id), value=_current(criterion, own, tr)), "yellow", hang=2)


def _current(criterion: Criterion, answer: Answer, tr: Translator) -> str:
    """An answer from the file: the reviewer's own (valid) answer as it is; one that is not a valid answer here is
    a problem being reported, quoted as art36.echo allows (a bounded excerpt, or nothing under --no-values)."""
    if check_value(criterion, answer.value) is not None:
        return echo.value(answer.value)
    return _numbered(criterion, answer, tr)


def _numbered(criterion: object, answer: Answer, tr: Translator) -> str:
    from art36.models.checklist import Criterion

    assert isinstance(criterion, Criterion)
    values = answer.value if isinstance(answer.value, tuple) else (answer.value,)
    numbers = []
    for value in values:
        number = next(
            (c.number for c in choices.menu(criterion) if c.value == value and type(c.value) is type(value)), None
        )
        numbers.append(f"{number}) " if number is not None and criterion.answer_type is not AnswerType.NUMBER else "")
    if len(values) == 1:
        return numbers[0] + shown_value(answer.value, tr)
    return ", ".join(n + shown_value(v, tr) for n, v in zip(numbers, values, strict=True))


def _use_title(state: State, use_id: str, tr: Translator) -> str:
    for use in state.system.uses:
        if use.id == use_id:
            title = folded(text_in(use.title, tr.lang)) if use.title else ""
            return f"{folded(use.id)}" + (f" ({title})" if title else "")
    return folded(use_id)


def guidance(term: Term, tr: Translator, step: Step) -> None:
    text = tr.text(step.criterion.guidance)
    term.say(f"{tr('guidance')}:", "bold")
    term.say(folded(text) if text else tr("no_guidance"), indent=2)
    if step.criterion.applies_when is not None:
        term.say(tr("applies_when"), "dim", indent=2)


def notice(term: Term, tr: Translator, item: Notice) -> None:
    use = folded(item.use)
    if item.kind == "limit":
        risk, max_level, profile = item.detail
        by = tr("limit_default") if profile == "default" else tr("limit_profile", profile=folded(profile))
        term.say(
            "! "
            + tr(
                "limit",
                use=use,
                criterion=folded(item.subject),
                risk=tr(f"risk.{risk}") if risk else "?",
                max=tr(f"risk.{max_level}") if max_level else "?",
                profile=by,
            ),
            "yellow",
            hang=2,
        )
    elif item.kind == "red_line":
        verdict, basis, message = item.detail
        term.say(
            "!! "
            + tr(
                "red_line",
                use=use,
                id=folded(item.subject),
                basis=tr(f"basis.{basis}"),
                verdict=tr(f"verdict.{verdict}"),
                message=folded(message),
            ),
            "red",
            hang=3,
        )
    else:
        term.say("  " + tr(item.kind, use=use, id=folded(item.subject)), "cyan", hang=4)


def verdict_word(tr: Translator, verdict: str) -> str:
    return tr(f"verdict.{verdict}")


def so_far(term: Term, tr: Translator, result: ReviewResult) -> None:
    term.say(f"{tr('so_far')}:", "bold")
    for use in result.uses:
        score = f" ({tr('score')} {use.score:.1f})" if use.score is not None else ""
        term.say(
            f"- {folded(use.id)}: {verdict_word(tr, use.verdict.value)}{score}",
            VERDICT_STYLE[use.verdict.value],
            indent=2,
            hang=4,
        )


def result(term: Term, tr: Translator, review: ReviewResult) -> None:
    """The scored review: verdict per use with its basis, red lines, conditions, what keeps it incomplete."""
    term.say("")
    term.say("═" * min(term.width, 80))
    term.say(tr("result"), "bold")
    term.say(f"{tr('system')}: {folded(review.system)}", hang=2)
    term.say(f"{tr('classification')}: {folded(review.classification)}", "bold", hang=2)
    term.say(
        f"{tr('overall')}: {verdict_word(tr, review.verdict.value)}"
        + (f" ({tr('score')} {review.score:.1f})" if review.score is not None else ""),
        VERDICT_STYLE[review.verdict.value],
    )
    term.say(f"{tr('per_use')}:", "bold")
    for use in review.uses:
        _use_block(term, tr, use)


def _use_block(term: Term, tr: Translator, use: UseResult) -> None:
    score = f" ({tr('score')} {use.score:.1f})" if use.score is not None else ""
    term.say(
        f"- {folded(use.id)}: {verdict_word(tr, use.verdict.value)}{score}", VERDICT_STYLE[use.verdict.value], indent=2
    )
    if use.profiles:
        term.say(f"{tr('profiles')}: {', '.join(folded(p) for p in use.profiles)}", indent=4, hang=2)
    if use.red_lines:
        term.say(f"{tr('red_lines')}:", indent=4)
        for red in use.red_lines:
            term.say(f"- {folded(red.id)} ({tr(f'basis.{red.basis}')}): {folded(red.message)}", "red", indent=6, hang=2)
    if use.conditions:
        term.say(f"{tr('conditions')}:", indent=4)
        for cond in use.conditions:
            reason = folded(cond.reason)
            shown = reason if reason.startswith(cond.criterion) else f"{folded(cond.criterion)}: {reason}"
            term.say(f"- {shown}", indent=6, hang=2)
    label = tr("incomplete_why") if use.verdict.value == "incomplete" else tr("basis")
    if use.reasons:
        term.say(f"{label}:", indent=4)
        for reason in use.reasons:
            term.say(f"- {folded(reason)}", indent=6, hang=2)


def step_label(tr: Translator, step: Step) -> str:
    text = folded(text_in(step.criterion.question, tr.lang))
    use = f" [{folded(step.key.use)}]" if step.key.use else ""
    return f"{folded(step.criterion.id)}{use}: {text}"
