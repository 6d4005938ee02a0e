"""`art36 review` through Typer's runner with scripted input: Enter-through, stops, resume, refusals, outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from review_helpers import MINI, ROOT, load_system
from typer.testing import CliRunner

from art36 import pipeline
from art36.checks.checklists import UNKNOWN_CHECKLIST
from art36.cli.app import app
from art36.cli.exits import Exit
from art36.models.review import ReviewResult

runner = CliRunner()


def review(*args: str, input: str) -> tuple[int, str]:
    result = runner.invoke(app, ["review", *args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def goalkeeper(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "evidence", tmp_path / "evidence")
    target = tmp_path / "goalkeeper.yaml"
    shutil.copy(ROOT / "examples" / "goalkeeper.yaml", target)
    return target


def _score(path: Path) -> ReviewResult:
    outcome = pipeline.run(pipeline.Job(display=str(path), path=str(path)))
    assert outcome.result is not None, outcome.report.diagnostics
    return outcome.result


def test_enter_through_goalkeeper_gives_the_score_verdict(goalkeeper: Path) -> None:
    code, out = review(str(goalkeeper), "--reviewer", "A. Reviewer", input="\n" * 80)
    assert code == Exit.OK, out
    saved = goalkeeper.with_name("goalkeeper.reviewed.yaml")
    original, reviewed = _score(goalkeeper), _score(saved)
    assert [(u.id, u.verdict, u.score) for u in reviewed.uses] == [(u.id, u.verdict, u.score) for u in original.uses]
    assert original.verdict.value == "approvable"
    assert f"Overall verdict: approvable (score {original.score})" in out
    record = ReviewResult.model_validate_json(goalkeeper.with_name("goalkeeper.review.json").read_text())
    assert record.reviewer == "A. Reviewer" and record.created_at is not None
    assert (record.verdict, record.score) == (original.verdict, original.score)
    assert load_system(saved).answers == load_system(goalkeeper).answers  # nothing changed, all kept
    log = [json.loads(line) for line in goalkeeper.with_name("goalkeeper.answers.jsonl").read_text().splitlines()]
    assert len(log) == 52 and {e["action"] for e in log} == {"confirmed"} and log[0]["reviewer"] == "A. Reviewer"
    assert not goalkeeper.with_name(".goalkeeper.review-session.json").exists()  # finished: no session left


def test_eof_stops_cleanly_and_resume_continues_at_first_open(tmp_path: Path) -> None:
    system = tmp_path / "s.yaml"
    system.write_text(
        f"name: S\nclassification: RESTRICTED\nchecklists: [{MINI}]\nuses:\n  - id: sea\n  - id: town\n",
        encoding="utf-8",
    )
    # sea: open sea (1), town: populated (2), t.weapon: yes (1) with a rationale; then the input ends.
    code, out = review(str(system), "--reviewer", "R", input="1\n\n2\nbusy port\n1\nit is\n")
    assert code == Exit.STOPPED
    assert "End of input" in out and "3 answer(s) are saved" in out
    saved = load_system(tmp_path / "s.reviewed.yaml")
    assert {u.id: u.context["t.env"].value for u in saved.uses} == {"sea": "open_sea", "town": "populated"}
    assert saved.uses[1].context["t.env"].rationale == "busy port"
    assert {k: (a.value, a.rationale) for k, a in saved.answers.items()} == {"t.weapon": (True, "it is")}
    # Run again: it offers to resume at the first open question (t.aim) and keeps everything.
    code, out = review(str(system), input="\n")
    assert code == Exit.STOPPED
    assert "Resume at the first open question?" in out
    assert out.split("Resume")[1].count("t.aim") >= 1 and "t.env" not in out.split("Resume")[1]
    assert load_system(tmp_path / "s.reviewed.yaml") == saved


def test_invalid_answers_are_refused_and_asked_again(tmp_path: Path) -> None:
    system = tmp_path / "s.yaml"
    system.write_text(f"name: S\nclassification: R\nchecklists: [{MINI}]\nuses:\n  - id: sea\n", encoding="utf-8")
    code, out = review(str(system), "--reviewer", "R", input="9\nmoon\nna\n\n1\n\n")
    assert code == Exit.STOPPED
    assert out.count("Not accepted") == 4  # 9, moon, na (not allowed), Enter with nothing to keep
    assert load_system(tmp_path / "s.reviewed.yaml").uses[0].context["t.env"].value == "open_sea"


def test_never_overwrites_without_force_and_never_the_input(goalkeeper: Path) -> None:
    goalkeeper.with_name("goalkeeper.reviewed.yaml").write_text("mine\n")
    code, out = review(str(goalkeeper), "--reviewer", "R", input="")
    assert code == Exit.USAGE and "already exists" in out
    assert goalkeeper.with_name("goalkeeper.reviewed.yaml").read_text() == "mine\n"
    before = goalkeeper.read_bytes()
    code, out = review(str(goalkeeper), "-o", str(goalkeeper), "--force", "--reviewer", "R", input="")
    assert code == Exit.USAGE and "--in-place" in out
    assert goalkeeper.read_bytes() == before


def test_in_place_update_writes_into_the_input(goalkeeper: Path) -> None:
    code, out = review(str(goalkeeper), "--in-place", "--reviewer", "R", input="4\nno civilians\n" + "\n" * 80)
    assert code == Exit.OK, out
    assert load_system(goalkeeper).uses[0].context["mhc.context.environment"].value == "populated_area"
    assert "RED LINE" in out or "limit" in out  # a populated area tightens the limits at once
    assert goalkeeper.with_name("goalkeeper.review.json").exists()


def test_start_from_nothing_writes_a_valid_system_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    identity = "Harbour turret\n1.0\nRESTRICTED\nHarbour defence\n\n"
    answers = "1\n\n1\n\n1\n\n" + "s\n" * 10 + "\n"  # context, two legal answers, skip the rest, finish
    code, out = review("--checklist", str(MINI), "--reviewer", "R", input=identity + answers)
    assert code == Exit.OK, out
    saved = tmp_path / "harbour-turret.yaml"
    system = load_system(saved)
    assert (system.name, system.version, system.classification) == ("Harbour turret", "1.0", "RESTRICTED")
    assert system.uses[0].id == "harbour-defence" and system.uses[0].context["t.env"].value == "open_sea"
    assert _score(saved).verdict.value == "incomplete"
    assert "What keeps it incomplete" in out


def test_a_review_started_from_nothing_resumes_by_running_the_same_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    identity = "Harbour turret\n\nRESTRICTED\nHarbour defence\n\n"
    code, _ = review("--checklist", str(MINI), "--reviewer", "R", input=identity + "1\nclear sea\n")
    assert code == Exit.STOPPED
    code, out = review("--checklist", str(MINI), input=identity + "\n")  # same answers to the identity questions
    assert code == Exit.STOPPED and "Resume at the first open question?" in out
    assert out.split("Resume")[1].count("t.weapon") >= 1
    assert load_system(tmp_path / "harbour-turret.yaml").uses[0].context["t.env"].rationale == "clear sea"


def test_dutch_prompts_and_visible_fallback(goalkeeper: Path) -> None:
    code, out = review(str(goalkeeper), "--lang", "nl", "--reviewer", "R", input="q\n")
    assert code == Exit.OK
    assert "Rubricering: UNCLASSIFIED" in out and "Beoogd gebruik" in out and "vraag 1 van" in out
    assert "In wat voor omgeving zoekt en bestrijdt het systeem bij dit gebruik doelwitten?" in out
    assert "Open zee" in out and "Bewoond gebied" in out and "[en] In what" not in out and "[en] Open" not in out
    # the system file's own texts are the writer's, never marked as untranslated
    assert "  - open-sea-self-defence: Ship self-defence on the open sea" in out and "([en] Ship" not in out


def test_dutch_review_shows_a_missing_translation_in_english_marked(tmp_path: Path) -> None:
    source = (ROOT / "src" / "art36" / "checklists" / "mhc.yaml").read_text(encoding="utf-8")
    dutch_question = "          nl: In wat voor omgeving zoekt en bestrijdt het systeem bij dit gebruik doelwitten?\n"
    assert dutch_question in source
    (tmp_path / "mhc-partial.yaml").write_text(source.replace(dutch_question, "", 1), encoding="utf-8")
    system = tmp_path / "s.yaml"
    system.write_text(
        "name: Partly translated\nclassification: R\nchecklists: [mhc-partial.yaml]\n"
        "uses:\n  - id: sea\n    title: Sea\n",
        encoding="utf-8",
    )
    code, out = review(str(system), "--lang", "nl", "--reviewer", "R", input="q\n")
    assert code == Exit.OK, out
    assert "[en] In what kind of environment will the system search for and engage targets" in out
    assert "Open zee" in out  # the rest of the criterion is still in Dutch


def test_markup_and_escapes_in_yaml_are_shown_literally(tmp_path: Path) -> None:
    system = tmp_path / "s.yaml"
    system.write_text(
        'name: "[bold red]Evil[/] \\e[2J\\e]0;title\\a"\nclassification: "[blink]R"\n'
        f"checklists: [{MINI}]\nuses:\n  - id: sea\n    title: '[link=x]t[/link]'\n",
        encoding="utf-8",
    )
    code, out = review(str(system), "--reviewer", "R", input="q\n")
    assert code == Exit.OK
    assert "[bold red]Evil[/] \\x1b[2J\\x1b]0;title\\x07" in out
    assert "[blink]R" in out and "[link=x]t[/link]" in out
    assert "\x1b" not in out


def test_navigation_back_skip_jump_and_list(tmp_path: Path) -> None:
    system = tmp_path / "s.yaml"
    system.write_text(f"name: S\nclassification: R\nchecklists: [{MINI}]\nuses:\n  - id: sea\n", encoding="utf-8")
    script = "1\n\ns\nb\n?\nl\nj\n3\nq\n"
    code, out = review(str(system), "--reviewer", "R", input=script)
    assert code == Exit.OK
    assert "Guidance:" in out and "Open questions" in out and "Jump to which section" in out
    assert out.rstrip().endswith("Saved. Run the same command to resume.")


def test_saving_elsewhere_keeps_checklist_paths_and_refuses_to_strand_evidence(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "in" / "trial.txt").write_text("trial report\n", encoding="utf-8")
    shutil.copy(MINI, tmp_path / "mini.yaml")
    system = tmp_path / "in" / "s.yaml"
    system.write_text("name: S\nclassification: R\nchecklists: [../mini.yaml]\nuses:\n  - id: sea\n", encoding="utf-8")
    code, out = review(str(system), "-o", str(tmp_path / "out" / "s.yaml"), "--reviewer", "R", input="1\n\nq\n")
    assert code == Exit.OK, out
    assert load_system(tmp_path / "out" / "s.yaml").checklists == ("../mini.yaml",)  # still names the same file
    outcome = pipeline.run(pipeline.Job(display="s", path=str(tmp_path / "out" / "s.yaml")))
    assert outcome.result is not None, outcome.report.diagnostics
    # With evidence beside the input, a save place where `score` could not read it is refused before any question.
    text = system.read_text(encoding="utf-8") + "answers:\n  t.weapon: {value: true, evidence: [{path: trial.txt}]}\n"
    system.write_text(text, encoding="utf-8")
    code, out = review(str(system), "-o", str(tmp_path / "out" / "t.yaml"), "--reviewer", "R", input="")
    assert code == Exit.USAGE and "outside the folder" in out and "trial.txt" in out
    assert not (tmp_path / "out" / "t.yaml").exists()


def test_evidence_is_checked_as_score_checks_it(tmp_path: Path) -> None:
    (tmp_path / "trial.txt").write_text("trial report\n", encoding="utf-8")
    (tmp_path.parent / "secret.txt").write_text("outside\n", encoding="utf-8")
    text = MINI.read_text(encoding="utf-8").replace(
        "        answer_type: boolean\n        max_risk: none",
        "        answer_type: boolean\n        evidence_required: true\n        max_risk: none",
        1,
    )
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    system = tmp_path / "s.yaml"
    system.write_text("name: S\nclassification: R\nchecklists: [mini.yaml]\nuses:\n  - id: sea\n", encoding="utf-8")
    script = "1\n\n1\nwhy\nnope.txt\n../secret.txt\ntrial.txt\ndoc: Trial plan 3\n\nq\n"
    code, out = review(str(system), "--reviewer", "R", input=script)
    assert code == Exit.OK, out
    assert out.count("Not accepted as evidence") == 2 and "sha256" in out
    evidence = load_system(tmp_path / "s.reviewed.yaml").answers["t.weapon"].evidence
    assert [(e.path, e.document) for e in evidence] == [("trial.txt", ""), ("", "Trial plan 3")]


def test_saving_into_another_folder_rebases_the_files_own_relative_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The checklist and the evidence sit beside the system file, named relative to it; the review is saved one
    # folder up. The saved file must name them from its own folder, and the review must load them from there.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sys").mkdir()
    shutil.copy(MINI, tmp_path / "sys" / "mini-checklist.yaml")
    (tmp_path / "sys" / "trial.txt").write_text("trial report\n", encoding="utf-8")
    (tmp_path / "sys" / "good.yaml").write_text(
        "name: S\nclassification: R\nchecklists: [mini-checklist.yaml]\n"
        "answers:\n  t.weapon: {value: true, evidence: [{path: trial.txt}]}\n  t.aim: true\n  t.target: materiel\n"
        "  t.abort: {value: true, rationale: Hold-fire switch.}\n  t.duration: 5\n  t.ml: false\n"
        "uses:\n  - id: sea\n    context: {t.env: open_sea}\n  - id: town\n    context: {t.env: populated}\n",
        encoding="utf-8",
    )
    code, out = review("sys/good.yaml", "-o", "r2.yaml", "--reviewer", "R", input="\n" * 8 + "s\n" + "\n" * 60)
    assert code == Exit.OK, out
    saved = load_system(tmp_path / "r2.yaml")
    assert saved.checklists == ("sys/mini-checklist.yaml",)
    assert [e.path for e in saved.answers["t.weapon"].evidence] == ["sys/trial.txt"]
    original, reviewed = _score(tmp_path / "sys" / "good.yaml"), _score(tmp_path / "r2.yaml")
    assert (reviewed.verdict, reviewed.score) == (original.verdict, original.score)
    assert [(u.id, u.verdict) for u in reviewed.uses] == [(u.id, u.verdict) for u in original.uses]
    # Resuming (the saved file is read back) finds the checklist from the saved file's folder too.
    code, out = review("sys/good.yaml", "-o", "r3.yaml", "--reviewer", "R", input="")
    assert code == Exit.STOPPED, out
    code, out = review("sys/good.yaml", "-o", "r3.yaml", "--reviewer", "R", input="\nq\n")
    assert code == Exit.OK and "Resume at the first open question?" in out, out
    assert load_system(tmp_path / "r3.yaml").checklists == ("sys/mini-checklist.yaml",)


def test_a_new_system_saved_elsewhere_names_its_checklist_from_the_saved_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lists").mkdir()
    (tmp_path / "out").mkdir()
    shutil.copy(MINI, tmp_path / "lists" / "mini.yaml")
    identity = "Harbour turret\n\nRESTRICTED\nHarbour defence\n\n"
    code, out = review("-c", "lists/mini.yaml", "-o", "out/new.yaml", "--reviewer", "R", input=identity + "q\n")
    assert code == Exit.OK, out
    assert load_system(tmp_path / "out" / "new.yaml").checklists == ("../lists/mini.yaml",)
    outcome = pipeline.run(pipeline.Job(display="new", path=str(tmp_path / "out" / "new.yaml")))
    assert outcome.report.diagnostics and UNKNOWN_CHECKLIST.code not in {d.code for d in outcome.report.diagnostics}
