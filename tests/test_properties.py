"""Properties of the scoring engine on the built-in checklists, with random answers (hypothesis).

- a riskier answer never improves the score or the verdict;
- a red line whose condition holds always forces (at least) its verdict, whatever the score;
- the result does not depend on the order of the answers or of the checklists.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from art36 import catalog
from art36.conditions import Truth, evaluate, lookup_in, risk_of
from art36.models.checklist import AnswerType, Checklist, Criterion
from art36.models.common import Verdict
from art36.models.review import UseResult
from art36.scoring import evaluate_use
from fuzzing import examples


def _builtins() -> list[Checklist]:
    loaded = [catalog.Catalog().resolve(name) for name in catalog.builtin_names()]
    assert all(isinstance(x, catalog.LoadedChecklist) for x in loaded), loaded
    return [x.checklist for x in loaded]  # type: ignore[union-attr]


BUILTINS = _builtins()
ALL = {c.id: c for c in BUILTINS}


def _values_by_risk(criterion: Criterion) -> list[object]:
    """Single answers for a criterion, from least to most risky."""
    if criterion.answer_type is AnswerType.NUMBER:
        values, low = [], 0.0
        for band in criterion.ranges:
            values.append(band.max if band.max is not None else low * 2 + 1)
            low = band.max if band.max is not None else low
        return sorted(values, key=lambda v: risk_of(criterion, v).rank)
    return [o.value for o in sorted(criterion.options, key=lambda o: o.risk_level.rank)]


def _answer_strategy(checklist: Checklist) -> st.SearchStrategy[dict[str, object]]:
    fields = {}
    for cid, criterion in checklist.criteria.items():
        if criterion.answer_type is AnswerType.TEXT:
            continue
        values = _values_by_risk(criterion)
        if criterion.answer_type is AnswerType.MULTI_CHOICE:
            strategy = st.lists(st.sampled_from(values), min_size=1, max_size=3, unique=True).map(tuple)
        else:
            # 'unknown' as often as any one option, so most draws are complete reviews.
            strategy = st.sampled_from(values if criterion.context else [*values, "unknown"])
        fields[cid] = strategy
    return st.fixed_dictionaries(fields)


SETTINGS = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("checklist_id", sorted(ALL))
@SETTINGS
@given(data=st.data())
def test_riskier_answer_never_improves_score_or_verdict(checklist_id: str, data: st.DataObject) -> None:
    checklist = ALL[checklist_id]
    answers = data.draw(_answer_strategy(checklist), label="answers")
    single = [
        cid
        for cid, c in checklist.criteria.items()
        if c.answer_type not in (AnswerType.TEXT, AnswerType.MULTI_CHOICE) and answers[cid] != "unknown"
    ]
    cid = data.draw(st.sampled_from(single), label="changed")
    criterion = checklist.criteria[cid]
    values = _values_by_risk(criterion)
    current = risk_of(criterion, answers[cid])
    riskier = [v for v in values if risk_of(criterion, v).rank > current.rank]
    if not riskier:
        return
    new = data.draw(st.sampled_from(riskier), label="riskier")
    if checklist.scope and cid in checklist.scope.out_of_scope_when.criteria():
        return  # scope is a gate ("is it a weapon?"), not a risk scale
    before = evaluate_use([checklist], answers, "u")
    after = evaluate_use([checklist], {**answers, cid: new}, "u")
    if Verdict.OUT_OF_SCOPE in (before.verdict, after.verdict):
        return
    assert after.verdict.severity >= before.verdict.severity, (cid, answers[cid], new, before.reasons, after.reasons)

    # The index averages the criteria shown; an answer that shows or hides a conditional criterion (format 2:
    # mhc.hmi.decision_time only when a human approves) changes what is averaged, so only compare like with like.
    def indexed(result: UseResult) -> set[str]:
        return {c.id for c in result.criteria if c.status.value != "not_shown"}

    if before.score is not None and after.score is not None and indexed(before) == indexed(after):
        assert after.score <= before.score + 1e-9, (cid, answers[cid], new)


@pytest.mark.parametrize("checklist_id", sorted(ALL))
@SETTINGS
@given(data=st.data())
def test_a_red_line_that_holds_always_forces_its_verdict(checklist_id: str, data: st.DataObject) -> None:
    checklist = ALL[checklist_id]
    answers = data.draw(_answer_strategy(checklist), label="answers")
    result = evaluate_use([checklist], answers, "u")
    lookup = lookup_in(checklist.criteria, answers)
    for red_line in checklist.red_lines:
        if evaluate(red_line.when, lookup) is Truth.TRUE:
            assert red_line.id in {r.id for r in result.red_lines}
            assert result.verdict.severity >= red_line.basis.verdict.severity


@SETTINGS
@given(data=st.data())
def test_result_does_not_depend_on_answer_or_checklist_order(data: st.DataObject) -> None:
    answers: dict[str, object] = {}
    for checklist in BUILTINS:
        answers.update(data.draw(_answer_strategy(checklist)))
    shuffled = dict(data.draw(st.permutations(list(answers.items()))))
    reversed_lists = list(reversed(BUILTINS))
    a = evaluate_use(BUILTINS, answers, "u")
    b = evaluate_use(reversed_lists, shuffled, "u")
    assert (a.verdict, a.score, a.red_lines, a.conditions) == (
        b.verdict,
        b.score,
        tuple(sorted(b.red_lines, key=lambda r: a.red_lines.index(r))),
        tuple(sorted(b.conditions, key=lambda c: a.conditions.index(c))),
    )
    assert {c.id: c for c in a.criteria} == {c.id: c for c in b.criteria}
