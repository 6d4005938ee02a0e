"""The judgement engine on a small checklist: statuses, index points, profiles, red lines, refusals, conditions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from art36.models.common import RiskLevel, Verdict
from art36.models.review import Margin, Status
from art36.scoring import evaluate_use, worst_use

GOOD = {
    "t.env": "open_sea",
    "t.weapon": True,
    "t.aim": True,
    "t.target": "materiel",
    "t.abort": True,
    "t.duration": 5,
    "t.ml": False,
}


def run(mini, **changes):
    answers = {**GOOD, **changes}
    answers = {k: v for k, v in answers.items() if v is not None}
    return evaluate_use([mini], answers, "use")


def status(result, cid):
    return next(c for c in result.criteria if c.id == cid)


def test_clean_answers_are_approvable_with_traceable_points(mini):
    result = run(mini)
    assert result.verdict is Verdict.APPROVABLE
    target = status(result, "t.target")
    assert target.status is Status.MEETS
    assert target.points == 80 and target.weight == 2
    assert "risk low: 80 points; meets medium (default)" in target.derivation
    assert target.margin is Margin.MEETS and target.levels_above == 0
    # legal: weapon 100, aim 100 -> 100
    # mhc: target 80x2, abort 80, duration 80, ml 100, ml_logs not shown 100 -> 520/6; notes (text) left out
    sections = {s.id: s.score for s in result.sections}
    assert sections == {"ctx": None, "legal": 100, "mhc": pytest.approx(520 / 6)}
    assert result.score == pytest.approx((100 + 520 / 6) / 2, abs=0.05)
    hidden = status(result, "t.ml_logs")
    assert (hidden.status, hidden.points) == (Status.NOT_SHOWN, 100)
    assert "counts as no risk" in hidden.derivation
    assert result.profiles == ("mini:sea",)


def test_same_answers_pass_at_sea_and_need_conditions_in_a_populated_area(mini):
    sea = run(mini, **{"t.duration": 120, "t.target": "vehicles"})
    town = run(mini, **{"t.env": "populated", "t.duration": 120, "t.target": "vehicles"})
    assert sea.verdict is Verdict.APPROVABLE
    assert town.verdict is Verdict.APPROVABLE_WITH_CONDITIONS
    below = {c.criterion for c in town.conditions}
    assert below == {"t.abort", "t.duration", "t.target"}
    duration = status(town, "t.duration")
    assert (duration.status, duration.max_level, duration.required_by) == (Status.BELOW, RiskLevel.LOW, "populated")
    assert (duration.margin, duration.levels_above) == (Margin.ONE_LEVEL_SHORT, 1)
    assert duration.points == 50  # the index counts the risk level, whatever the context
    assert town.score == sea.score  # ... so the context changes the verdict, never the index
    cond = next(c for c in town.conditions if c.criterion == "t.duration")
    assert (cond.required_level, cond.profile, cond.rationale) == (
        RiskLevel.LOW,
        "populated",
        "Situations change fast in towns.",
    )
    assert [o.value for o in cond.options] == ["minutes"]  # the answers that would meet it
    assert "would meet it: 'minutes' (Minutes (up to 10 minutes))" in cond.reason
    # answers are written as everywhere else (wording.answer): quoted text, YAML's true/false, never Python's
    reasons = {c.criterion: c.reason for c in town.conditions}
    assert reasons["t.target"].startswith("t.target: answer 'vehicles' carries risk medium, one level above the low")
    assert reasons["t.abort"].startswith("t.abort: answer true carries risk low")
    assert town.deciding == tuple(c.criterion for c in town.conditions)
    assert town.reasons[0].startswith("3 criteria one level above what this context allows: ")


def test_one_condition_is_counted_in_the_singular(mini):
    town = run(mini, **{"t.env": "populated"})
    assert [c.criterion for c in town.conditions] == ["t.abort"]
    assert town.reasons == ("1 criterion one level above what this context allows: t.abort",)


def test_two_levels_above_refuses_and_names_criterion_answer_limit_and_profile(mini):
    town = run(mini, **{"t.env": "populated", "t.duration": 5000})
    assert town.verdict is Verdict.NOT_APPROVABLE
    (refusal,) = town.refusals
    assert (refusal.kind, refusal.criterion, refusal.answer, refusal.risk_level, refusal.limit, refusal.profile) == (
        "criterion",
        "t.duration",
        5000,
        RiskLevel.HIGH,
        RiskLevel.LOW,
        "populated",
    )
    assert refusal.levels_above == 2
    assert town.deciding[0] == "t.duration"
    assert status(town, "t.duration").margin is Margin.REFUSED


def test_above_the_limit_at_critical_refuses_even_one_level_above(mini):
    strict = mini.model_copy(update={"judgement": mini.judgement.model_copy(update={"refuse_at": RiskLevel.HIGH})})
    result = evaluate_use([strict], {**GOOD, "t.abort": False}, "u")  # high, one level above medium
    assert result.verdict is Verdict.NOT_APPROVABLE
    assert run(mini, **{"t.abort": False}).verdict is Verdict.APPROVABLE_WITH_CONDITIONS


def test_a_limit_an_unknown_context_could_relax_does_not_refuse(mini):
    # The environment is unknown: at sea 5000 minutes would be allowed, in a town it would be refused.
    result = run(mini, **{"t.env": "unknown", "t.duration": 5000})
    assert result.refusals == ()
    assert result.verdict is Verdict.INCOMPLETE
    assert any("unanswered context question relaxes the limit: t.duration" in r for r in result.reasons)


def test_profile_relaxes_only_where_selected(mini):
    days = 5000
    assert status(run(mini, **{"t.duration": days}), "t.duration").status is Status.MEETS  # sea allows high
    unknown_context = run(mini, **{"t.env": None, "t.duration": days})
    assert status(unknown_context, "t.duration").status is Status.BELOW  # unknown context: no relaxing
    assert unknown_context.verdict is Verdict.INCOMPLETE  # the context is required


def test_binding_red_line_prohibits_whatever_the_score(mini):
    result = run(mini, **{"t.aim": False})
    assert result.verdict is Verdict.PROHIBITED
    assert [r.id for r in result.red_lines] == ["indiscriminate"]
    assert result.score >= 40  # its band alone would allow approval with conditions: the red line wins


def test_policy_red_line_gives_not_approvable(mini):
    result = run(mini, **{"t.target": "persons", "t.abort": False})
    assert result.verdict is Verdict.NOT_APPROVABLE
    assert result.red_lines[0].basis == "national_policy"


def test_red_line_with_unknown_answer_makes_the_review_incomplete(mini):
    result = run(mini, **{"t.aim": "unknown"})
    assert result.verdict is Verdict.INCOMPLETE
    assert any("cannot be ruled out: indiscriminate" in r for r in result.reasons)
    assert status(result, "t.aim").status is Status.UNKNOWN
    assert status(result, "t.aim").points == 0


def test_a_refusal_that_holds_whatever_the_unknowns_is_reported_with_the_gaps(mini):
    # Persons (critical) refuse the use whether or not an abort exists; the unknown answer is listed too.
    result = run(mini, **{"t.target": "persons", "t.abort": "unknown"})
    assert result.verdict is Verdict.NOT_APPROVABLE
    assert [r.criterion for r in result.refusals] == ["t.target"]
    assert result.gaps == ("t.abort",)
    assert any("cannot undo the refusal): t.abort" in r for r in result.reasons)
    answered = run(mini, **{"t.target": "persons", "t.abort": True})
    assert answered.verdict is Verdict.NOT_APPROVABLE


def test_missing_required_answer_is_incomplete_but_optional_is_not(mini):
    assert run(mini, **{"t.abort": None}).verdict is Verdict.INCOMPLETE
    optional = run(mini, **{"t.notes": None})
    assert optional.verdict is Verdict.APPROVABLE
    assert status(optional, "t.notes").status is Status.MISSING


def test_unanswered_condition_shows_the_dependent_criterion(mini):
    # Whether the system uses ML is not said, so the ML logging question cannot be skipped.
    result = run(mini, **{"t.ml": None})
    assert status(result, "t.ml_logs").status is Status.MISSING
    assert result.verdict is Verdict.INCOMPLETE


def test_out_of_scope(mini):
    result = run(mini, **{"t.weapon": False})
    assert result.verdict is Verdict.OUT_OF_SCOPE


def test_conditional_criterion_is_shown_only_when_relevant(mini):
    assert status(run(mini), "t.ml_logs").status is Status.NOT_SHOWN
    shown = run(mini, **{"t.ml": True})
    assert status(shown, "t.ml_logs").status is Status.MISSING
    assert shown.verdict is Verdict.INCOMPLETE
    na = run(mini, **{"t.ml": True, "t.ml_logs": "not_applicable"})
    assert status(na, "t.ml_logs").status is Status.NOT_APPLICABLE
    assert status(na, "t.ml_logs").points is None


def test_text_answers_are_recorded_not_scored(mini):
    result = run(mini, **{"t.notes": "see annex"})
    notes = status(result, "t.notes")
    assert notes.status is Status.INFORMATION and notes.points is None
    assert result.score == run(mini).score


def test_bands_label_the_index_and_never_change_a_verdict(mini):
    from art36.models.checklist import Band

    strict_bands = (
        Band(id="good", min=95, max=100, label="Good", verdict="approvable"),
        Band(id="fair", min=90, max=95, label="Fair", verdict="approvable_with_conditions"),
        Band(id="poor", min=0, max=90, label="Poor", verdict="not_approvable"),
    )
    strict = mini.model_copy(update={"scoring": mini.scoring.model_copy(update={"bands": strict_bands})})
    answers = {**GOOD, "t.target": "vehicles", "t.duration": 120, "t.env": "populated"}
    lenient = evaluate_use([mini], answers, "u")
    banded = evaluate_use([strict], answers, "u")
    assert lenient.score == banded.score < 90
    assert banded.checklists[0].band == "poor"
    assert lenient.verdict is banded.verdict is Verdict.APPROVABLE_WITH_CONDITIONS


def test_declared_measures_address_conditions_and_strict_conditions_demands_them(mini):
    from art36.models.system import Measure, MeasureKind

    answers = {**GOOD, "t.env": "populated", "t.duration": 120}
    plain = evaluate_use([mini], answers, "u")
    assert plain.verdict is Verdict.APPROVABLE_WITH_CONDITIONS
    assert {c.criterion: c.addressed for c in plain.conditions} == {"t.abort": False, "t.duration": False}
    strict = evaluate_use([mini], answers, "u", strict_conditions=True)
    assert strict.verdict is Verdict.INCOMPLETE
    assert "no declared measure addresses: t.abort, t.duration" in strict.reasons[0]
    measures = [
        Measure(criterion="t.duration", kind=MeasureKind.RESTRICTION, description="Activation limited to 10 minutes."),
        Measure(criterion="t.abort", kind=MeasureKind.PROCEDURE, description="Abort drill before each activation."),
    ]
    met = evaluate_use([mini], answers, "u", measures=measures, strict_conditions=True)
    assert met.verdict is Verdict.APPROVABLE_WITH_CONDITIONS
    assert all(c.addressed for c in met.conditions)
    assert "restriction: Activation limited to 10 minutes." in met.conditions[1].reason


def test_answer_that_fits_no_option_counts_as_unknown(mini):
    result = run(mini, **{"t.target": "rockets"})
    assert status(result, "t.target").status is Status.UNKNOWN
    assert result.verdict is Verdict.INCOMPLETE


def test_worst_use_decides():
    from art36.models.review import UseResult

    a = UseResult(id="a", verdict=Verdict.APPROVABLE, score=90)
    b = UseResult(id="b", verdict=Verdict.NOT_APPROVABLE, score=95)
    c = UseResult(id="c", verdict=Verdict.NOT_APPROVABLE, score=30)
    assert worst_use([a, b, c]).id == "c"


# --- properties ------------------------------------------------------------------------------------


def _options(mini):
    """For each scored criterion, its answer values in order of rising risk."""
    out = {}
    for cid, criterion in mini.criteria.items():
        if not criterion.scored:
            continue
        if criterion.ranges:
            values = [5, 120, 5000]
        else:
            values = [o.value for o in sorted(criterion.options, key=lambda o: o.risk_level.rank)]
        out[cid] = values
    return out


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_riskier_answer_never_improves_score_or_verdict(mini, data):
    options = _options(mini)
    answers = {cid: data.draw(st.sampled_from(values), label=cid) for cid, values in options.items()}
    cid = data.draw(st.sampled_from(sorted(options)), label="changed")
    values = options[cid]
    index = values.index(answers[cid])
    riskier = data.draw(st.sampled_from(values[index:]), label="riskier")
    crit = mini.criteria[cid]
    from art36.conditions import risk_of

    if risk_of(crit, riskier).rank == risk_of(crit, answers[cid]).rank:
        return  # same risk level: nothing is promised
    before = evaluate_use([mini], answers, "u")
    after = evaluate_use([mini], {**answers, cid: riskier}, "u")
    if Verdict.OUT_OF_SCOPE in (before.verdict, after.verdict):
        return  # scope is a gate, not a risk scale
    assert after.verdict.severity >= before.verdict.severity
    if before.score is not None and after.score is not None:
        assert after.score <= before.score + 1e-9


@settings(max_examples=100, deadline=None)
@given(st.permutations(sorted(GOOD)))
def test_result_does_not_depend_on_answer_order(mini, order):
    answers = {k: {**GOOD, "t.env": "populated"}[k] for k in order}
    assert evaluate_use([mini], answers, "use") == run(mini, **{"t.env": "populated"})
