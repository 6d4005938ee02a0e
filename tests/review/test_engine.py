"""The question-flow engine driven by scripted answers: order, back, skip, jump, conditions, per-use context, resume."""

from __future__ import annotations

from pathlib import Path

from art36 import pipeline
from art36.models.checklist import Checklist
from art36.models.common import Verdict
from art36.models.system import SystemDescription
from art36.review import document, engine, feedback
from art36.review.engine import Accept, Back, Give, Jump, Refused, Skip, StepKey


def _apply(state: engine.State, action: engine.Action) -> engine.State:
    result = engine.apply(state, action)
    assert not isinstance(result, Refused), result
    return result[0]


def _script(state: engine.State, *actions: engine.Action) -> engine.State:
    for action in actions:
        state = _apply(state, action)
    return state


def test_order_is_section_by_section_with_context_per_use(mini: Checklist, two_uses: SystemDescription) -> None:
    state = engine.start(two_uses, [mini])
    keys = [s.key for s in state.visible_steps()]
    assert keys[:2] == [StepKey("t.env", "sea"), StepKey("t.env", "town")]
    assert [k.criterion for k in keys[2:]] == [
        "t.weapon", "t.aim", "t.target", "t.abort", "t.duration", "t.ml", "t.ml_logs", "t.notes"
    ]  # fmt: skip
    assert state.cursor == StepKey("t.env", "sea")
    assert state.position(StepKey("t.env", "town")) == (2, 2)


def test_context_answers_go_into_each_use(mini: Checklist, two_uses: SystemDescription) -> None:
    state = _script(engine.start(two_uses, [mini]), Give("open_sea"), Give("populated"))
    uses = {u.id: u for u in state.system.uses}
    assert uses["sea"].context["t.env"].value == "open_sea"
    assert uses["town"].context["t.env"].value == "populated"
    assert "t.env" not in state.system.answers
    assert state.cursor == StepKey("t.weapon")


def test_back_skip_and_jump(mini: Checklist, two_uses: SystemDescription) -> None:
    state = _script(engine.start(two_uses, [mini]), Give("open_sea"), Skip())
    assert state.cursor == StepKey("t.weapon")
    assert StepKey("t.env", "town") not in state.done  # skipped: still open, still unanswered
    assert document.get_answer(state.system, "t.env", "town") is None
    state = _apply(state, Back())
    assert state.cursor == StepKey("t.env", "town")
    state = _apply(state, Back())
    assert state.cursor == StepKey("t.env", "sea")
    assert isinstance(engine.apply(state, Back()), Refused)
    state = _apply(state, Jump("mhc"))
    assert state.cursor == StepKey("t.target")
    assert isinstance(engine.apply(state, Jump("nowhere")), Refused)
    assert [s.key for s in state.open_steps()][:2] == [StepKey("t.env", "town"), StepKey("t.weapon")]


def test_invalid_answers_are_refused_and_state_is_unchanged(mini: Checklist, two_uses: SystemDescription) -> None:
    state = _script(engine.start(two_uses, [mini]), Give("open_sea"), Give("open_sea"))
    assert isinstance(engine.apply(state, Give("maybe")), Refused)  # t.weapon is boolean
    assert isinstance(engine.apply(state, Give("not_applicable")), Refused)  # not allowed here
    refused = engine.apply(state, Accept())
    assert isinstance(refused, Refused) and refused.reason == "nothing_to_accept"
    state = _apply(state, Give("unknown"))  # unknown is always accepted
    assert state.system.answers["t.weapon"].value == "unknown"


def test_conditional_question_appears_and_disappears_and_keeps_its_answer(
    mini: Checklist, two_uses: SystemDescription, mini_loaded: object
) -> None:
    state = _script(engine.start(two_uses, [mini]), Jump("mhc"), Skip(), Skip(), Skip())
    assert state.cursor == StepKey("t.ml")
    before = state
    state = _apply(state, Give(True))
    assert state.cursor == StepKey("t.ml_logs")
    state = _apply(state, Give(False, rationale="no logs"))
    answered = state
    state = _apply(_apply(state, Jump(StepKey("t.ml"))), Give(False))
    appeared, gone = engine.visibility_changes(answered, state)
    assert [s.key for s in gone] == [StepKey("t.ml_logs")] and appeared == []
    assert StepKey("t.ml_logs") not in [s.key for s in state.visible_steps()]
    assert state.cursor == StepKey("t.notes")  # the hidden question is passed over
    assert state.system.answers["t.ml_logs"].value is False  # kept, not scored
    result = feedback.evaluate(state.system, [mini_loaded])  # type: ignore[list-item]
    status = {c.id: c.status.value for c in result.uses[0].criteria}
    assert status["t.ml_logs"] == "not_shown"
    state = _apply(_apply(state, Jump(StepKey("t.ml"))), Give(True))
    appeared, _ = engine.visibility_changes(before, state)
    assert appeared == []  # visible at the start (unknown condition), visible again now
    assert StepKey("t.ml_logs") in [s.key for s in state.visible_steps()]


def test_condition_that_depends_on_context_is_decided_per_use(mini: Checklist) -> None:
    extra = mini.model_copy(deep=True)
    section = extra.sections[2]
    conditional = section.criteria[-1].model_copy(
        update={"applies_when": extra.profiles[1].when, "id": "t.town_only", "required": True}
    )
    extra = extra.model_copy(
        update={
            "sections": (*extra.sections[:2], section.model_copy(update={"criteria": (*section.criteria, conditional)}))
        }
    )
    system = document.new_system("S", "U", ["x"], [("sea", ""), ("town", "")])
    state = _script(engine.start(system, [extra]), Give("open_sea"), Give("open_sea"))
    assert "t.town_only" not in [s.key.criterion for s in state.visible_steps()]
    state = _script(_apply(state, Jump(StepKey("t.env", "town"))), Give("populated"))
    assert "t.town_only" in [s.key.criterion for s in state.visible_steps()]


def test_resume_starts_at_first_open_question(mini: Checklist, two_uses: SystemDescription) -> None:
    state = _script(
        engine.start(two_uses, [mini]), Give("open_sea"), Give("populated"), Give(True), Skip(), Give("materiel")
    )
    resumed = engine.start(state.system, [mini], state.done)
    assert resumed.cursor == StepKey("t.aim")
    assert resumed.system == state.system
    assert len(resumed.open_steps()) == len(state.open_steps())


def test_accept_keeps_a_prefilled_answer_and_refuses_an_invalid_one(
    mini: Checklist, two_uses: SystemDescription
) -> None:
    system = document.set_answer(two_uses, "t.env", "sea", document.Answer(value="open_sea", rationale="why"))
    state = _apply(engine.start(system, [mini]), Accept())
    assert StepKey("t.env", "sea") in state.done
    assert document.get_answer(state.system, "t.env", "sea") == document.Answer(value="open_sea", rationale="why")
    bad = document.set_answer(two_uses, "t.env", "sea", document.Answer(value="moon"))
    refused = engine.apply(engine.start(bad, [mini]), Accept())
    assert isinstance(refused, Refused) and refused.reason == "prefill_invalid"


def test_feedback_names_the_limit_and_the_red_line(
    mini: Checklist, two_uses: SystemDescription, mini_loaded: object
) -> None:
    state = _script(engine.start(two_uses, [mini]), Give("open_sea"), Give("populated"), Give(True), Give(True))
    before = feedback.evaluate(state.system, [mini_loaded])  # type: ignore[list-item]
    state = _apply(state, Give("persons"))
    middle = feedback.evaluate(state.system, [mini_loaded])  # type: ignore[list-item]
    notes = feedback.notices(before, middle, "t.target")
    assert ("limit", "town", "t.target", ("critical", "low", "populated")) in [
        (n.kind, n.use, n.subject, n.detail) for n in notes
    ]
    state = _apply(state, Give(False, rationale="none"))
    after = feedback.evaluate(state.system, [mini_loaded])  # type: ignore[list-item]
    fired = [
        (n.use, n.subject, n.detail[0]) for n in feedback.notices(middle, after, "t.abort") if n.kind == "red_line"
    ]
    assert ("sea", "anti_personnel_no_abort", "not_approvable") in fired
    assert ("town", "anti_personnel_no_abort", "not_approvable") in fired
    assert {u.verdict for u in after.uses} == {Verdict.NOT_APPROVABLE}


def test_saved_yaml_scores_exactly_like_the_live_result(
    tmp_path: Path, mini: Checklist, two_uses: SystemDescription, mini_loaded: object
) -> None:
    state = _script(
        engine.start(two_uses, [mini]),
        Give("open_sea"), Give("populated"), Give(True), Give(True), Give("vehicles"), Give(True, rationale="yes"),
        Give(30), Give(False), Give("plain text: [bold]not markup[/]"),
    )  # fmt: skip
    path = tmp_path / "s.yaml"
    path.write_text(document.to_yaml(state.system), encoding="utf-8")
    outcome = pipeline.run(pipeline.Job(display="s.yaml", path=str(path)))
    assert outcome.result is not None, outcome.report.diagnostics
    live = feedback.evaluate(state.system, [mini_loaded])  # type: ignore[list-item]
    assert [(u.id, u.verdict, u.score) for u in outcome.result.uses] == [(u.id, u.verdict, u.score) for u in live.uses]
    verdicts = {u.id: u.verdict for u in outcome.result.uses}
    assert verdicts == {"sea": Verdict.APPROVABLE, "town": Verdict.APPROVABLE_WITH_CONDITIONS}
