"""The built-in checklists (mhc, art36-core): they load cleanly, cover the founding letter, and behave as designed."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from art36 import catalog, load
from art36.conditions import risk_of
from art36.lint import lint_text
from art36.models.checklist import Checklist, RedLineBasis
from art36.models.common import Verdict
from art36.models.diagnostic import Severity
from art36.scoring import evaluate_use

NAMES = ("mhc", "art36-core")
PREFIX = {"mhc": "mhc.", "art36-core": "core."}
#: Every built-in is written in English and translated into Dutch, the language of the founding letter.
LANGUAGES = {"mhc": ("en", "nl"), "art36-core": ("en", "nl")}


def _load(name: str) -> Checklist:
    text = catalog.builtin_text(name)
    assert text is not None, f"built-in checklist {name} not found in the package"
    loaded = load.load(text, f"{name}.yaml", Checklist)
    assert loaded.diagnostics == (), [f"{d.location} {d.code} {d.message}" for d in loaded.diagnostics]
    assert loaded.model is not None
    return loaded.model


@pytest.fixture(scope="module")
def checklists() -> dict[str, Checklist]:
    return {name: _load(name) for name in NAMES}


def test_both_are_shipped_in_the_package():
    assert set(NAMES) <= set(catalog.builtin_names())


@pytest.mark.parametrize("name", NAMES)
def test_loads_without_diagnostics_and_has_the_modeline(name):
    checklist = _load(name)
    assert checklist.id == name
    assert checklist.version == "1.1.0"  # content v2 (issue 7)
    assert checklist.languages == LANGUAGES[name]
    text = catalog.builtin_text(name)
    assert text is not None
    # Relative to checklists/NAME.yaml, the top-level link people open (editors do not resolve the link).
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/checklist.schema.json"


def test_top_level_checklists_folder_points_at_the_built_ins():
    root = Path(__file__).resolve().parents[2]
    for name in NAMES:
        assert (root / "checklists" / f"{name}.yaml").read_text(encoding="utf-8") == catalog.builtin_text(name)


@pytest.mark.parametrize("name", NAMES)
def test_lint_finds_no_errors(name):
    text = catalog.builtin_text(name)
    assert text is not None
    report = lint_text(text, f"{name}.yaml")
    errors = [f"{d.location} {d.code} {d.message}" for d in report.diagnostics if d.severity is Severity.ERROR]
    assert errors == []


def test_mhc_covers_the_founding_letter_families(checklists):
    mhc = checklists["mhc"]
    assert len(mhc.criteria) >= 25
    sections = {s.id for s in mhc.sections}
    # Target type, duration, geographic scope, operational context, human-machine interaction (cabinet letter),
    # plus predictability, explainability/data (rec. 8 and 9) and accountability.
    assert {"target", "duration", "geography", "context", "hmi"} <= sections
    assert {"predictability", "explainability", "accountability"} <= sections
    context = {cid for cid, c in mhc.criteria.items() if c.context}
    assert {"mhc.context.environment", "mhc.context.civilians", "mhc.context.posture"} <= context
    environments = mhc.criteria["mhc.context.environment"].choice_values()
    assert {"open_sea", "air", "sparsely_populated_land", "populated_area"} <= set(environments)
    assert mhc.criteria["mhc.duration.autonomous_window"].unit == "minutes"


def test_core_size_and_scope(checklists):
    core = checklists["art36-core"]
    assert len(core.criteria) >= 12
    assert core.scope is not None
    assert core.scope.out_of_scope_when.criteria() == {"core.scope.item"}
    assert core.criteria["core.context.armed_conflict"].context


def test_criteria_cite_sources_and_carry_risk_levels(checklists):
    for name, checklist in checklists.items():
        for cid, criterion in checklist.criteria.items():
            assert cid.startswith(PREFIX[name]), cid
            assert criterion.references, f"{cid} cites no source"
            assert all(r.source and r.section for r in criterion.references), cid
            assert criterion.question and criterion.guidance, cid
            if criterion.scored and not criterion.context:
                levels = {c.risk_level for c in criterion.choices()}
                assert len(levels) >= 2, f"{cid}: its options cannot change the result"


def test_ids_are_unique_across_both_checklists(checklists):
    ids: list[str] = []
    for checklist in checklists.values():
        ids += [c.id for s in checklist.sections for c in s.criteria]
        ids += [s.id for s in checklist.sections]
    assert len(ids) == len(set(ids))
    red_lines = [r.id for c in checklists.values() for r in c.red_lines]
    assert len(red_lines) == len(set(red_lines))


def test_scoring_blocks(checklists):
    for checklist in checklists.values():
        model = checklist.scoring
        points = [model.risk_points[level] for level in sorted(model.risk_points, key=lambda lv: lv.rank)]
        assert points[0] == 100 and points[-1] == 0
        assert points == sorted(points, reverse=True)
        assert model.unknown_points == 0
        bands = sorted(model.bands, key=lambda b: b.min)
        assert bands[0].min == 0 and bands[-1].max == 100
        assert all(a.max == b.min for a, b in pairwise(bands))
        # Format 2: bands label the index; no band decides a verdict (docs/judgement.md, rule 6).
        assert checklist.format == 2
        assert all(b.verdict is None for b in bands)
        assert model.below_requirement_factor is None


def test_binding_red_lines_rest_on_binding_criteria_only(checklists):
    for checklist in checklists.values():
        for red_line in checklist.red_lines:
            if red_line.basis is RedLineBasis.BINDING_LAW:
                for cid in red_line.when.criteria():
                    assert checklist.criteria[cid].legal_status.is_binding, (red_line.id, cid)
    # The MHC red lines rest on policy and recommendations, so they can refuse but never prohibit.
    assert {r.basis for r in checklists["mhc"].red_lines} == {RedLineBasis.NATIONAL_POLICY}
    assert len(checklists["mhc"].red_lines) >= 3
    assert {r.basis for r in checklists["art36-core"].red_lines} == {RedLineBasis.BINDING_LAW}
    assert len(checklists["art36-core"].red_lines) >= 4


def test_required_context_profiles_exist(checklists):
    assert {"sea_or_air_defence", "populated_area", "civilians_present", "offensive_use"} <= {
        p.id for p in checklists["mhc"].profiles
    }
    assert "law_enforcement" in {p.id for p in checklists["art36-core"].profiles}


# --- the checklists' own regression cases -------------------------------------------------------------------------


def _cases():
    return [(name, case.id) for name in NAMES for case in _load(name).tests]


@pytest.mark.parametrize(("name", "case_id"), _cases())
def test_regression_case(checklists, name, case_id):
    checklist = checklists[name]
    case = next(t for t in checklist.tests if t.id == case_id)
    result = evaluate_use([checklist], dict(case.answers), case.id)
    expect = case.expect
    if expect.verdict is not None:
        assert result.verdict is expect.verdict, result.reasons
    if expect.score_min is not None:
        assert result.score is not None and result.score >= expect.score_min
    if expect.score_max is not None:
        assert result.score is not None and result.score <= expect.score_max
    statuses = {c.id: c.status.value for c in result.criteria}
    for cid, status in expect.statuses.items():
        assert statuses[cid] == status, cid
    if expect.red_lines is not None:
        assert sorted(r.id for r in result.red_lines) == sorted(expect.red_lines)


@pytest.mark.parametrize("name", NAMES)
def test_regression_cases_cover_every_red_line_and_outcome(checklists, name):
    checklist = checklists[name]
    assert len(checklist.tests) >= 5
    fired = {rid for t in checklist.tests for rid in (t.expect.red_lines or ())}
    assert fired == {r.id for r in checklist.red_lines}
    verdicts = {t.expect.verdict for t in checklist.tests}
    assert {Verdict.APPROVABLE, Verdict.APPROVABLE_WITH_CONDITIONS, Verdict.INCOMPLETE} <= verdicts
    if name == "art36-core":
        assert Verdict.OUT_OF_SCOPE in verdicts


@pytest.mark.parametrize("name", NAMES)
def test_same_answers_pass_in_one_context_and_not_in_another(checklists, name):
    """Some pair of regression cases differs only in context answers, and their verdicts differ."""
    checklist = checklists[name]
    context_ids = {cid for cid, c in checklist.criteria.items() if c.context}
    ignored = context_ids | _shown_only_in(checklist, context_ids)

    def system_answers(case):
        return {k: v for k, v in case.answers.items() if k not in ignored}

    pairs = []
    for a in checklist.tests:
        for b in checklist.tests:
            if a.id < b.id and system_answers(a) == system_answers(b):
                verdict_a = evaluate_use([checklist], dict(a.answers), a.id).verdict
                verdict_b = evaluate_use([checklist], dict(b.answers), b.id).verdict
                if verdict_a is not verdict_b:
                    pairs.append((a.id, b.id))
    assert pairs, "no regression case shows the same system passing in one context and failing in another"


def _shown_only_in(checklist: Checklist, context_ids: set[str]) -> set[str]:
    """Criteria that only appear in some contexts (their applies_when tests context criteria only)."""
    return {
        cid
        for cid, c in checklist.criteria.items()
        if c.applies_when is not None and c.applies_when.criteria() <= context_ids
    }


# --- properties -----------------------------------------------------------------------------------------------


def _ordered_values(checklist: Checklist) -> dict[str, list]:
    """Each scored criterion's answers in order of rising risk (numbers: one value inside each range)."""
    out: dict[str, list] = {}
    for cid, criterion in checklist.criteria.items():
        if not criterion.scored:
            continue
        if criterion.ranges:
            values, low = [], 0.0
            for band in criterion.ranges:
                values.append(low + 0.5 if band.max is None else (low + band.max) / 2)
                low = band.max if band.max is not None else low
            out[cid] = values
        else:
            out[cid] = [o.value for o in sorted(criterion.options, key=lambda o: o.risk_level.rank)]
    return out


@settings(max_examples=400, deadline=None)
@given(data=st.data(), name=st.sampled_from(NAMES))
def test_a_riskier_answer_never_improves_score_or_verdict(checklists, data, name):
    checklist = checklists[name]
    options = _ordered_values(checklist)
    answers = {cid: data.draw(st.sampled_from(values), label=cid) for cid, values in options.items()}
    cid = data.draw(st.sampled_from(sorted(options)), label="changed")
    values = options[cid]
    riskier = data.draw(st.sampled_from(values[values.index(answers[cid]) :]), label="riskier")
    criterion = checklist.criteria[cid]
    if risk_of(criterion, riskier) == risk_of(criterion, answers[cid]):
        return
    if checklist.scope and cid in checklist.scope.out_of_scope_when.criteria():
        return  # scope is a gate, not a risk scale (a "not a weapon" that describes targeting is incomplete)
    before = evaluate_use([checklist], answers, "u")
    after = evaluate_use([checklist], {**answers, cid: riskier}, "u")
    if Verdict.OUT_OF_SCOPE in (before.verdict, after.verdict):
        return  # scope is a gate, not a risk scale
    assert after.verdict.severity >= before.verdict.severity
    assert before.score is not None and after.score is not None
    assert after.score <= before.score + 1e-9
