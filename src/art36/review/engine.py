"""The question flow as a pure engine: a review state plus one reviewer action gives the next state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from art36.conditions import Truth, as_choices, evaluate, lookup_in
from art36.models.checklist import AnswerType, Checklist, Criterion, Section
from art36.models.system import NOT_APPLICABLE, UNKNOWN, Answer, AnswerValue, SystemDescription
from art36.review import document


@dataclass(frozen=True, order=True)
class StepKey:
    """One question to ask: a criterion, and for a context criterion the intended use it is asked for."""

    criterion: str
    use: str = ""

    def label(self) -> str:
        return f"{self.criterion} [{self.use}]" if self.use else self.criterion


@dataclass(frozen=True)
class Step:
    key: StepKey
    checklist: Checklist
    section: Section
    criterion: Criterion
    order: int


class Plan:
    """Every question that can arise, in the order they are asked (fixed for one set of checklists and uses).

    Section by section; inside a section, the system-wide criteria in order, then the context criteria once
    per intended use (all of one use before the next).
    """

    def __init__(self, checklists: Sequence[Checklist], use_ids: Sequence[str]) -> None:
        self.checklists = tuple(checklists)
        self.use_ids = tuple(use_ids)
        steps: list[Step] = []
        seen: set[str] = set()
        for checklist in self.checklists:
            for section in checklist.sections:
                plain = [c for c in section.criteria if not c.context and c.id not in seen]
                context = [c for c in section.criteria if c.context and c.id not in seen]
                seen.update(c.id for c in section.criteria)
                for criterion in plain:
                    steps.append(Step(StepKey(criterion.id), checklist, section, criterion, len(steps)))
                for use in self.use_ids:
                    for criterion in context:
                        steps.append(Step(StepKey(criterion.id, use), checklist, section, criterion, len(steps)))
        self.steps: tuple[Step, ...] = tuple(steps)
        self.by_key: dict[StepKey, Step] = {s.key: s for s in steps}
        #: For each criterion, the questions whose condition mentions it (only they can appear or disappear).
        self.dependents: dict[str, tuple[StepKey, ...]] = {}
        for step in steps:
            if step.criterion.applies_when is not None:
                for cid in step.criterion.applies_when.criteria():
                    self.dependents[cid] = (*self.dependents.get(cid, ()), step.key)

    @cached_property
    def sections(self) -> tuple[tuple[str, Section], ...]:
        """(checklist id, section) for every section that has at least one step, in order."""
        found: dict[tuple[str, str], tuple[str, Section]] = {}
        for step in self.steps:
            found.setdefault((step.checklist.id, step.section.id), (step.checklist.id, step.section))
        return tuple(found.values())

    @cached_property
    def criteria(self) -> dict[str, Criterion]:
        return {s.criterion.id: s.criterion for s in self.steps}


# --- actions ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Give:
    """Answer the current question: a value, and optionally a new rationale and evidence (None keeps them)."""

    value: AnswerValue
    rationale: str | None = None
    evidence: tuple[document.Evidence, ...] | None = None


@dataclass(frozen=True)
class Accept:
    """Keep the answer already there (pre-filled) and move on."""


@dataclass(frozen=True)
class Skip:
    """Move on without answering; the criterion stays open (and missing, if it had no answer)."""


@dataclass(frozen=True)
class Back:
    """Return to the question answered before this one."""


@dataclass(frozen=True)
class Jump:
    """Go to the first question of a section (its id), or to one step (a StepKey)."""

    target: str | StepKey


Action = Give | Accept | Skip | Back | Jump


@dataclass(frozen=True)
class Change:
    """One answer given or confirmed (``old == new``): what the answer log records."""

    @property
    def changed(self) -> bool:
        return self.old != self.new

    key: StepKey
    old: Answer | None
    new: Answer


@dataclass(frozen=True)
class Refused:
    """The action cannot be applied here; ``reason`` is a message key, ``detail`` fills it in."""

    reason: str
    detail: str = ""


@dataclass(frozen=True)
class State:
    plan: Plan
    system: SystemDescription
    #: The question being asked; None when past the last one.
    cursor: StepKey | None
    #: Questions the reviewer has answered or confirmed in this review.
    done: frozenset[StepKey] = frozenset()
    history: tuple[StepKey, ...] = ()
    _visible: dict[StepKey, bool] = field(default_factory=dict, compare=False, repr=False)

    # --- reading the state ----------------------------------------------------------------------------------

    def answers_for(self, use: str) -> dict[str, AnswerValue]:
        for item in self.system.uses:
            if item.id == use:
                return {k: a.value for k, a in self.system.answers_for(item).items()}
        return {k: a.value for k, a in self.system.answers.items()}

    def answer(self, key: StepKey) -> Answer | None:
        return document.get_answer(self.system, key.criterion, key.use)

    def is_visible(self, step: Step) -> bool:
        """Asked only when its condition can hold: true or not yet known (for a system-wide one: in some use)."""
        cached = self._visible.get(step.key)
        if cached is not None:
            return cached
        condition = step.criterion.applies_when
        if condition is None:
            shown = True
        else:
            uses = [step.key.use] if step.key.use else list(self.plan.use_ids)
            shown = any(
                evaluate(condition, lookup_in(step.checklist.criteria, self.answers_for(u))) is not Truth.FALSE
                for u in uses
            )
        self._visible[step.key] = shown
        return shown

    def visible_steps(self) -> list[Step]:
        return [s for s in self.plan.steps if self.is_visible(s)]

    def open_steps(self) -> list[Step]:
        return [s for s in self.visible_steps() if s.key not in self.done]

    def step(self) -> Step | None:
        return self.plan.by_key.get(self.cursor) if self.cursor is not None else None

    def position(self, key: StepKey) -> tuple[int, int]:
        """(k, n): this is question k of the n questions now asked in its section."""
        step = self.plan.by_key[key]
        same = [
            s for s in self.visible_steps() if s.section.id == step.section.id and s.checklist.id == step.checklist.id
        ]
        keys = [s.key for s in same]
        return (keys.index(key) + 1 if key in keys else 0), len(same)


def start(system: SystemDescription, checklists: Sequence[Checklist], done: frozenset[StepKey] = frozenset()) -> State:
    """A review of ``system``; with ``done`` (a resumed review), the cursor is on the first open question."""
    plan = Plan(checklists, [u.id for u in system.uses])
    state = State(plan=plan, system=system, cursor=None, done=frozenset(k for k in done if k in plan.by_key))
    first = state.open_steps()
    return replace(state, cursor=first[0].key if first else None, _visible={})


def _after(state: State, order: int) -> StepKey | None:
    for step in state.plan.steps[order + 1 :]:
        if state.is_visible(step):
            return step.key
    return None


def check_value(criterion: Criterion, value: AnswerValue) -> Refused | None:
    """Why ``value`` is not an acceptable answer to ``criterion``, or None when it is."""
    if value == UNKNOWN:
        return None
    if value == NOT_APPLICABLE:
        return None if criterion.not_applicable_allowed else Refused("na_not_allowed")
    if criterion.answer_type is AnswerType.TEXT:
        return None if isinstance(value, str) and value.strip() else Refused("text_empty")
    if criterion.answer_type is not AnswerType.MULTI_CHOICE and isinstance(value, tuple):
        return Refused("one_value")
    if isinstance(value, tuple) and len(set(value)) != len(value):
        return Refused("repeated_choice")
    if as_choices(criterion, value) is None:
        return Refused("not_an_option", str(value))
    return None


def apply(state: State, action: Action) -> tuple[State, Change | None] | Refused:
    """The state after ``action``, and the answer it changed (if any); or why it was refused."""
    step = state.step()
    if isinstance(action, Back):
        history = list(state.history)
        while history:
            key = history.pop()
            if key in state.plan.by_key and state.is_visible(state.plan.by_key[key]):
                return replace(state, cursor=key, history=tuple(history)), None
        return Refused("nothing_back")
    if isinstance(action, Jump):
        return _jump(state, action.target)
    if step is None:
        return Refused("at_end")
    if isinstance(action, Skip):
        return _move(state, step, done=state.done), None
    if isinstance(action, Accept):
        kept = state.answer(step.key)
        if kept is None:
            return Refused("nothing_to_accept")
        if check_value(step.criterion, kept.value) is not None:
            return Refused("prefill_invalid", str(kept.value))
        return _move(state, step, done=state.done | {step.key}), Change(step.key, kept, kept)
    problem = check_value(step.criterion, action.value)
    if problem is not None:
        return problem
    old = state.answer(step.key)
    new = Answer(
        value=action.value,
        rationale=action.rationale if action.rationale is not None else (old.rationale if old else ""),
        evidence=action.evidence if action.evidence is not None else (old.evidence if old else ()),
    )
    system = document.set_answer(state.system, step.key.criterion, step.key.use, new)
    affected = set(state.plan.dependents.get(step.key.criterion, ()))
    still_valid = {k: v for k, v in state._visible.items() if k not in affected}
    changed = replace(state, system=system, _visible=still_valid)
    return _move(changed, step, done=state.done | {step.key}), Change(step.key, old, new)


def _move(state: State, step: Step, done: frozenset[StepKey]) -> State:
    moved = replace(state, done=done, history=(*state.history, step.key))
    return replace(moved, cursor=_after(moved, step.order))


def _jump(state: State, target: str | StepKey) -> tuple[State, None] | Refused:
    history = (*state.history, state.cursor) if state.cursor is not None else state.history
    if isinstance(target, StepKey):
        step = state.plan.by_key.get(target)
        if step is None or not state.is_visible(step):
            return Refused("no_such_step", target.label())
        return replace(state, cursor=target, history=history), None
    wanted = target.strip()
    for checklist_id, section in state.plan.sections:
        if wanted in (section.id, f"{checklist_id}:{section.id}"):
            for step in state.visible_steps():
                if step.section.id == section.id and step.checklist.id == checklist_id:
                    return replace(state, cursor=step.key, history=history), None
            return Refused("section_empty", wanted)
    return Refused("no_such_section", wanted)


def visibility_changes(before: State, after: State, changed: str | None = None) -> tuple[list[Step], list[Step]]:
    """Questions that appeared and disappeared between two states (conditions that now hold or fail).

    With ``changed`` (the one criterion whose answer differs), only the questions that depend on it are checked.
    """
    steps = (
        [after.plan.by_key[k] for k in after.plan.dependents.get(changed, ())]
        if changed is not None
        else list(after.plan.steps)
    )
    appeared = [s for s in steps if after.is_visible(s) and not before.is_visible(s)]
    gone = [s for s in steps if before.is_visible(s) and not after.is_visible(s)]
    return appeared, gone
