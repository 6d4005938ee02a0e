"""Properties of the verdict rules (docs/judgement.md) on both built-in checklists, with random answers.

- answering an `unknown` never undoes a refusal;
- approvable_with_conditions <=> at least one condition and no refusal; approvable <=> nothing above its limit;
- every refusal names a criterion or a red line;
- the order of uses and of files never matters;
- a clean second checklist never improves the first's verdict, nor lifts its score.
(A riskier answer never improving a verdict, and the order of answers and checklists, are in test_properties.py.)
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from art36.models.common import Verdict
from art36.models.review import Margin, UseResult
from art36.models.system import UNKNOWN
from art36.scoring import evaluate_use
from fuzzing import examples
from test_properties import ALL, BUILTINS, _answer_strategy

SETTINGS = settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
REFUSED = (Verdict.NOT_APPROVABLE, Verdict.PROHIBITED)
CORE, MHC = ALL["art36-core"], ALL["mhc"]

#: art36-core answers with nothing above any limit, in armed conflict (a "clean" legal review).
CLEAN_CORE = {t.id: dict(t.answers) for t in CORE.tests}["clean-conventional-weapon"]


def _refused_ids(result: UseResult) -> set[str]:
    return {r.red_line or r.criterion or "" for r in result.refusals}


@SETTINGS
@given(data=st.data())
def test_answering_an_unknown_never_undoes_a_refusal(data: st.DataObject) -> None:
    answers: dict[str, object] = {}
    for checklist in BUILTINS:
        answers.update(data.draw(_answer_strategy(checklist)))
    before = evaluate_use(BUILTINS, answers, "u")
    unknown = [cid for cid, v in answers.items() if v == UNKNOWN]
    if before.verdict not in REFUSED or not unknown:
        return
    filled = dict(answers)
    for cid in unknown:
        criterion = next(c.criteria[cid] for c in BUILTINS if cid in c.criteria)
        filled[cid] = data.draw(st.sampled_from(criterion.choice_values()), label=cid)
    after = evaluate_use(BUILTINS, filled, "u")
    if after.verdict is Verdict.OUT_OF_SCOPE:
        return  # scope is a gate: an item that turns out not to be a weapon is not reviewed at all
    assert after.verdict.severity >= before.verdict.severity, (before.reasons, after.reasons)
    assert _refused_ids(before) <= _refused_ids(after)


@SETTINGS
@given(data=st.data())
def test_conditions_refusals_and_limits_match_the_verdict(data: st.DataObject) -> None:
    answers: dict[str, object] = {}
    for checklist in BUILTINS:
        answers.update(data.draw(_answer_strategy(checklist)))
    result = evaluate_use(BUILTINS, answers, "u")
    above = [c for c in result.criteria if c.margin in (Margin.ONE_LEVEL_SHORT, Margin.REFUSED)]
    verdict = result.verdict
    # approvable_with_conditions <=> >= 1 condition and no refusal (once nothing is incomplete or out of scope)
    if verdict is Verdict.APPROVABLE_WITH_CONDITIONS:
        assert result.conditions and not result.refusals
    if verdict not in (Verdict.INCOMPLETE, Verdict.OUT_OF_SCOPE) and not result.refusals and result.conditions:
        assert verdict is Verdict.APPROVABLE_WITH_CONDITIONS
    # approvable <=> no criterion above its limit (once complete, in scope and no red line holds)
    if verdict is Verdict.APPROVABLE:
        assert not above and not result.conditions and not result.refusals
    if verdict not in (Verdict.INCOMPLETE, Verdict.OUT_OF_SCOPE) and not above and not result.red_lines:
        assert verdict is Verdict.APPROVABLE
    # every refusal names a criterion or a red line, and a refused use has one
    if verdict in REFUSED:
        assert result.refusals
    for refusal in result.refusals:
        assert refusal.criterion or refusal.red_line
        if refusal.kind == "criterion":
            assert refusal.limit is not None and refusal.profile and refusal.answer is not None
    for condition in result.conditions:
        assert condition.options, condition.criterion  # a condition some answer can meet
        assert all(o.risk_level.rank <= condition.required_level.rank for o in condition.options)  # type: ignore[union-attr]


@SETTINGS
@given(data=st.data())
def test_a_clean_second_checklist_never_improves_the_first(data: st.DataObject) -> None:
    answers = dict(data.draw(_answer_strategy(MHC)))
    alone = evaluate_use([MHC], answers, "u")
    both = evaluate_use([MHC, CORE], {**answers, **CLEAN_CORE}, "u")
    assert both.verdict.severity >= alone.verdict.severity, (alone.reasons, both.reasons)
    if alone.score is not None:
        assert both.score is not None and both.score <= alone.score  # never averaged up by the legal checklist


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations([0, 1, 2]))
def test_the_order_of_uses_never_matters(order: list[int]) -> None:
    from pathlib import Path

    from art36 import load
    from art36.catalog import Catalog
    from art36.models.system import SystemDescription
    from art36.pipeline import review

    path = Path(__file__).resolve().parents[1] / "examples" / "loitering-munition.yaml"
    system = load.load(path.read_text(encoding="utf-8"), path.name, SystemDescription).model
    assert system is not None and len(system.uses) == 3
    shuffled = system.model_copy(update={"uses": tuple(system.uses[i] for i in order)})
    catalog = Catalog()
    found = [catalog.resolve(name) for name in system.checklists]
    a = {u.id: u for u in review(system, found, "f").uses}  # type: ignore[arg-type]
    b = review(shuffled, found, "f")  # type: ignore[arg-type]
    assert {u.id: u for u in b.uses} == a
    assert b.verdict is Verdict.NOT_APPROVABLE and b.deciding_use == "sead-over-town"


def test_the_order_of_files_never_matters() -> None:
    from pathlib import Path

    from art36 import runner
    from art36.inputs import collect
    from art36.settings import Inputs, Output, ScoreSettings

    root = Path(__file__).resolve().parents[1] / "examples"
    names = ["patriot.yaml", "goalkeeper.yaml", "calibration/iron-dome.yaml"]

    def by_file(order: list[str]) -> dict[str, object]:
        inputs = Inputs(tuple(str(root / n) for n in order), jobs=1)
        done = runner.score(ScoreSettings(inputs, Output("json")), collect(inputs))
        return {r.file: [(u.id, u.verdict, u.score, u.deciding) for u in r.uses] for r in done.report.reviews()}

    assert by_file(names) == by_file(list(reversed(names)))
