"""The example system files: they validate cleanly and get the verdicts the founding letter implies.

Goalkeeper and Patriot must pass the ban screen; a system that hunts persons in a city without human involvement
must be prohibited; the same counter-drone turret must fare differently at a desert base and in a city centre.
Each file in examples/invalid/ must produce exactly the diagnostic its name says.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from art36 import load
from art36.cli.app import main
from art36.models.common import Verdict
from art36.models.diagnostic import Severity
from art36.models.review import ReviewResult
from art36.models.system import SystemDescription
from art36.pipeline import Job, run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
INVALID = EXAMPLES / "invalid"

A, AC, NA, P = (
    Verdict.APPROVABLE,
    Verdict.APPROVABLE_WITH_CONDITIONS,
    Verdict.NOT_APPROVABLE,
    Verdict.PROHIBITED,
)

#: file -> {use id: the verdict that use must get} (issue 7: the verdicts the founding letter implies)
EXPECTED_USES: dict[str, dict[str, set[Verdict]]] = {
    "goalkeeper.yaml": {"open-sea-self-defence": {A}},
    "patriot.yaml": {"area-air-defence": {AC}},
    "loitering-munition.yaml": {"sead-over-town": {NA}, "sead-remote-range": {NA}, "sead-restricted-launch": {AC}},
    "urban-hunter-drone.yaml": {"urban-clearance": {P}},
    "counter-drone-turret.yaml": {"desert-base": {A}, "city-centre-event": {NA}},
}

#: invalid file -> (the code it must produce, the edit that repairs it)
INVALID_FILES: dict[str, tuple[str, tuple[str, str]]] = {
    "duplicate-key.yaml": ("Y002", ("name: Goalkeeper\n", "")),
    "unknown-key.yaml": ("S001", ("descripton:", "description:")),
    "version-as-float.yaml": ("S003", ("version: 1.10", 'version: "1.10"')),
    "yaml-syntax.yaml": ("Y001", ("[art36-core\n", "[art36-core]\n")),
    "unknown-criterion.yaml": ("A002", ("  core.general.superfluos_injury:", "  core.general.superfluous_injury:")),
    "invalid-answer.yaml": ("A003", ("value: rockets", "value: weapon")),
}


def review(name: str) -> ReviewResult:
    path = EXAMPLES / name
    outcome = run(Job(display=f"examples/{name}", path=path))
    problems = [f"{d.location} {d.code} {d.message}" for d in outcome.report.diagnostics]
    assert problems == [], problems  # not even warnings: every required answer, rationale and evidence given
    assert outcome.result is not None
    return outcome.result


def use(result: ReviewResult, use_id: str):
    return next(u for u in result.uses if u.id == use_id)


def test_the_example_set_is_what_this_test_expects():
    assert {p.name for p in EXAMPLES.glob("*.yaml")} == set(EXPECTED_USES)
    assert {p.name for p in INVALID.glob("*.yaml")} == set(INVALID_FILES)


@pytest.mark.parametrize("name", sorted(EXPECTED_USES))
def test_example_loads_cleanly(name):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/system.schema.json"
    loaded = load.load(text, name, SystemDescription)
    assert loaded.diagnostics == ()
    system = loaded.model
    assert system is not None
    assert system.version and system.developer and system.description
    assert "illustrative" in system.classification
    assert system.checklists == ("mhc", "art36-core")


@pytest.mark.parametrize("name", sorted(EXPECTED_USES))
def test_example_verdicts(name):
    result = review(name)
    expected = EXPECTED_USES[name]
    assert {u.id for u in result.uses} == set(expected)
    for u in result.uses:
        assert u.verdict in expected[u.id], (u.id, u.verdict, u.reasons)
    assert result.verdict is Verdict.worst([u.verdict for u in result.uses])


@pytest.mark.parametrize("name", ["goalkeeper.yaml", "patriot.yaml"])
def test_existing_defensive_systems_are_not_caught_by_the_ban(name):
    """The cabinet: a ban must not be so broad that Goalkeeper and Patriot fall under it."""
    result = review(name)
    assert all(u.red_lines == () for u in result.uses)
    assert result.verdict in {A, AC}


def test_patriot_conditions_name_combat_identification_and_automation_bias():
    area = use(review("patriot.yaml"), "area-air-defence")
    below = {c.criterion for c in area.conditions}
    assert {"mhc.target.discrimination", "mhc.hmi.automation_bias"} <= below
    assert all(c.reason for c in area.conditions)


def test_urban_hunter_is_prohibited_by_binding_law_and_caught_by_the_policy_ban():
    clearance = use(review("urban-hunter-drone.yaml"), "urban-clearance")
    fired = {r.id: r.basis for r in clearance.red_lines}
    assert fired["core.redline.indiscriminate_by_nature"] == "binding_law"
    assert fired["mhc.redline.autonomous_anti_personnel"] == "national_policy"
    assert fired["mhc.redline.unstoppable_near_people"] == "national_policy"


def test_loitering_munition_is_refused_over_a_town_and_on_the_remote_range_as_described():
    result = review("loitering-munition.yaml")
    town, remote = use(result, "sead-over-town"), use(result, "sead-remote-range")
    assert "mhc.redline.unstoppable_near_people" in {r.id for r in town.red_lines}
    assert "mhc:populated_area" in town.profiles
    refused = {r.criterion for r in town.refusals if r.kind == "criterion"}
    assert {"mhc.duration.autonomous_window", "mhc.geography.area", "mhc.hmi.deactivation"} <= refused
    # On the remote range no red line holds, but unsupervised offensive search is two levels above what an
    # offensive use allows: a condition "a human approves each engagement" could never be met, so it refuses.
    assert remote.red_lines == ()
    supervision = next(r for r in remote.refusals if r.criterion == "mhc.hmi.supervision")
    assert (supervision.answer, supervision.limit, supervision.profile) == ("unsupervised", "low", "offensive_use")
    assert "mhc.hmi.supervision" not in {c.criterion for c in remote.conditions}
    assert result.deciding_use == "sead-over-town"


def test_loitering_munition_restricted_use_is_approvable_with_its_condition_addressed():
    """A reviewer restricts the use (target group chosen just before launch, 20 minutes, small box, no civilians)."""
    restricted = use(review("loitering-munition.yaml"), "sead-restricted-launch")
    assert restricted.refusals == ()
    (condition,) = restricted.conditions
    assert (condition.criterion, condition.answer, condition.required_level, condition.profile) == (
        "mhc.target.discrimination",
        "known_limits",
        "low",
        "offensive_use",
    )
    assert [o.value for o in condition.options] == ["verified"]
    assert condition.addressed and {m.kind.value for m in condition.measures} == {"procedure", "restriction"}
    assert "mhc:long_autonomous_operation" not in restricted.profiles  # 20 minutes: no deactivation required


def test_strict_conditions_make_an_unaddressed_condition_incomplete():
    strict = run(Job(display="patriot.yaml", path=str(EXAMPLES / "patriot.yaml"), strict_conditions=True))
    assert strict.result is not None
    (area,) = strict.result.uses
    assert area.verdict is Verdict.INCOMPLETE
    assert "--strict-conditions" in area.reasons[0]
    loitering = run(Job(display="l.yaml", path=str(EXAMPLES / "loitering-munition.yaml"), strict_conditions=True))
    assert loitering.result is not None
    assert use(loitering.result, "sead-restricted-launch").verdict is AC  # its one condition is addressed


def test_counter_drone_turret_differs_between_desert_base_and_city_centre():
    result = review("counter-drone-turret.yaml")
    desert, city = use(result, "desert-base"), use(result, "city-centre-event")
    assert (desert.verdict, city.verdict) == (A, NA)
    assert desert.conditions == () and desert.refusals == ()
    assert {"mhc:populated_area", "art36-core:law_enforcement"} <= set(city.profiles)
    # The city is refused for the four-hour window, not given a longer list of conditions.
    assert city.deciding[0] == "mhc.duration.autonomous_window"
    assert city.refusals[0].profile in {"populated_area", "volatile_situation"}
    human_rights = {c.id: c.status.value for c in desert.criteria if c.id.startswith("core.human_rights.")}
    assert set(human_rights.values()) == {"not_shown"}


def test_conditional_and_refused_uses_show_the_deciding_criteria_first_in_json(capsys):
    main(["score", str(EXAMPLES / "patriot.yaml"), str(EXAMPLES / "counter-drone-turret.yaml"), "-f", "json"])
    reports = [f["review"] for f in json.loads(capsys.readouterr().out)["files"]]
    for report in reports:
        for u in report["uses"]:
            keys = list(u)
            assert keys.index("refusals") < keys.index("criteria") and keys.index("conditions") < keys.index("criteria")
            if u["verdict"] == "approvable_with_conditions":
                assert u["deciding"] == [c["criterion"] for c in u["conditions"]] and u["deciding"]
            if u["verdict"] == "not_approvable":
                assert u["deciding"] == [r["criterion"] or r["red_line"] for r in u["refusals"]] and u["deciding"]


def test_goalkeeper_stays_approvable_at_its_profiles_longest_window(tmp_path):
    """The sea_or_air_defence profile allows hours of activation; Goalkeeper at 720 minutes gets no condition."""
    text = (EXAMPLES / "goalkeeper.yaml").read_text(encoding="utf-8")
    window = "  mhc.duration.autonomous_window:\n    value: {}\n"
    longer = text.replace(window.format(60), window.format(720))
    assert longer != text
    (tmp_path / "goalkeeper.yaml").write_text(longer, encoding="utf-8")
    shutil.copytree(EXAMPLES / "evidence", tmp_path / "evidence")  # a link out of the folder would be refused (A013)
    outcome = run(Job(display="goalkeeper-720.yaml", path=str(tmp_path / "goalkeeper.yaml")))
    assert outcome.result is not None
    (sea,) = outcome.result.uses
    assert (sea.verdict, sea.conditions) == (A, ())


def test_evidence_files_exist_and_are_hashed():
    referenced = 0
    for name in EXPECTED_USES:
        for record in review(name).evidence:
            referenced += 1
            assert (EXAMPLES / record.path).is_file(), record.path
            assert record.sha256 is not None and len(record.sha256) == 64
    assert referenced >= len(EXPECTED_USES)


def test_cli_scores_the_examples_as_json(capsys):
    paths = [str(EXAMPLES / name) for name in sorted(EXPECTED_USES)]
    code = main(["score", *paths, "--format", "json", "--no-progress"])
    out = capsys.readouterr().out
    assert code == 0
    reports = [f["review"] for f in json.loads(out)["files"]]
    assert len(reports) == len(paths)
    for report in reports:
        name = Path(report["file"]).name
        assert {"file", "system", "verdict", "score", "uses", "checklists", "evidence", "tool"} <= set(report)
        for u in report["uses"]:
            assert Verdict(u["verdict"]) in EXPECTED_USES[name][u["id"]]


# --- broken files -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(INVALID_FILES))
def test_invalid_file_yields_the_code_its_name_says(name):
    code, _ = INVALID_FILES[name]
    outcome = run(Job(display=f"examples/invalid/{name}", path=INVALID / name))
    errors = {d.code for d in outcome.report.diagnostics if d.severity is Severity.ERROR}
    assert errors == {code}
    assert outcome.result is None


@pytest.mark.parametrize("name", sorted(INVALID_FILES))
def test_invalid_file_is_broken_only_by_its_defect(name, tmp_path):
    """Repairing the one defect leaves a file with no errors, so the example shows one problem at a time."""
    _, (old, new) = INVALID_FILES[name]
    text = (INVALID / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    fixed = tmp_path / name
    fixed.write_text(text.replace(old, new), encoding="utf-8")
    outcome = run(Job(display=name, path=fixed))
    assert [d.code for d in outcome.report.diagnostics if d.severity is Severity.ERROR] == []
    assert outcome.result is not None
