"""The built-in checklists in Dutch: every text has non-empty en and nl, in the founding letter's terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from art36 import catalog, load
from art36.lint import lint_text
from art36.lint.translations import texts
from art36.models.checklist import Checklist
from art36.models.common import text_in

#: The built-ins that declare Dutch.
TRANSLATED = ("mhc", "art36-core")


def _load(name: str) -> Checklist:
    text = catalog.builtin_text(name)
    assert text is not None
    loaded = load.load(text, f"{name}.yaml", Checklist)
    assert loaded.model is not None
    return loaded.model


@pytest.fixture(scope="module", params=TRANSLATED)
def checklist(request: pytest.FixtureRequest) -> Checklist:
    return _load(request.param)


def _every_text(checklist: Checklist) -> list[tuple[object, tuple[str | int, ...]]]:
    """Every LocalizedText field a reader can see, walked independently of the lint rule (tests are left out)."""
    found: list[tuple[object, tuple[str | int, ...]]] = []
    found += [(checklist.title, ("title",)), (checklist.description, ("description",))]
    found += [(b.label, ("scoring", "bands", b.id, "label")) for b in checklist.scoring.bands]
    if checklist.scope is not None:
        found.append((checklist.scope.rationale, ("scope", "rationale")))
    for s in checklist.sections:
        found += [(s.title, (s.id, "title")), (s.description, (s.id, "description"))]
        for c in s.criteria:
            found += [(c.question, (c.id, "question")), (c.guidance, (c.id, "guidance"))]
            for o in c.options:
                found += [(o.label, (c.id, str(o.value), "label"))]
                if o.meaning:
                    found += [(o.meaning, (c.id, str(o.value), "meaning"))]
            for r in c.ranges:
                found += [(r.label, (c.id, r.value, "label"))]
                if r.meaning:
                    found += [(r.meaning, (c.id, r.value, "meaning"))]
    for p in checklist.profiles:
        found += [(p.title, (p.id, "title")), (p.rationale, (p.id, "rationale"))]
        found += [(lim.rationale, (p.id, lim.criterion, "rationale")) for lim in p.limits]
    for red in checklist.red_lines:
        found += [(red.title, (red.id, "title")), (red.message, (red.id, "message"))]
    return found


def test_declares_english_and_dutch(checklist: Checklist) -> None:
    assert checklist.languages == ("en", "nl")


def test_every_text_field_has_non_empty_english_and_dutch(checklist: Checklist) -> None:
    fields = _every_text(checklist)
    assert len(fields) > 100
    untranslated = [
        loc
        for value, loc in fields
        if not isinstance(value, dict) or not value.get("en", "").strip() or not value.get("nl", "").strip()
    ]
    assert untranslated == []


def test_dutch_differs_from_english_where_the_text_is_more_than_a_name(checklist: Checklist) -> None:
    # Copying the English into nl would satisfy the lint rule; a real translation differs (short names such as
    # "Black box" or "Swarm" may coincide, sentences may not).
    same = [
        loc
        for value, loc in _every_text(checklist)
        if isinstance(value, dict) and len(value["en"]) > 20 and value["en"] == value["nl"]
    ]
    assert same == []


def test_the_lint_walk_finds_every_field_the_test_walk_finds(checklist: Checklist) -> None:
    linted = sum(1 for _ in texts(checklist))
    # _every_text lists empty defaults too (guidance, meaning left out); the lint walk skips unset fields.
    shown = sum(1 for value, _ in _every_text(checklist) if value)
    assert linted == shown


def test_lint_reports_no_untranslated_text(checklist: Checklist) -> None:
    text = catalog.builtin_text(checklist.id)
    assert text is not None
    codes = [d.code for d in lint_text(text, f"{checklist.id}.yaml").diagnostics]
    assert "L014" not in codes and "L015" not in codes


def test_dutch_uses_the_founding_letters_terms(checklist: Checklist) -> None:
    dutch = " ".join(text_in(value, "nl") for value, _ in _every_text(checklist) if value).lower()
    english_leftovers = re.findall(r"(?<![-\w])(the|which|should|must|whether|cannot)(?![-\w])", dutch)
    assert english_leftovers == []
    if checklist.id == "mhc":
        for term in ("betekenisvolle menselijke controle", "doelwit", "tijdsduur", "geografisch bereik", "context"):
            assert term in dutch, term
        assert "mens-machine-interactie" in dutch


def test_show_in_dutch_prints_the_dutch_checklist_text() -> None:
    from typer.testing import CliRunner

    from art36.cli.app import app

    result = CliRunner().invoke(app, ["show", "mhc", "mhc.hmi.deactivation", "--lang", "nl"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Mens-machine-interactie" in out
    assert "Kan een mens het systeem deactiveren of een aanval afbreken na activering of lancering?" in out
    assert "Op elk moment" in out and "Niet mogelijk" in out and "[en]" not in out
    core = CliRunner().invoke(app, ["show", "art36-core", "core.general.superfluous_injury", "--lang", "nl"])
    assert "overbodige verwondingen of onnodig lijden" in " ".join(core.output.split())


def test_report_in_dutch_prints_the_dutch_checklist_text(tmp_path: Path) -> None:
    from art36.cli.app import main

    out = tmp_path / "goalkeeper.nl.md"
    root = Path(__file__).resolve().parents[2]
    assert main(["report", str(root / "examples" / "goalkeeper.yaml"), "-f", "md", "--lang", "nl", "-o", str(out)]) == 0
    text = " ".join(out.read_text(encoding="utf-8").replace("\\", "").split())
    assert "Betekenisvolle menselijke controle over autonomie in wapensystemen" in text
    assert "Juridische toetsing op grond van artikel 36 (kern)" in text
    assert "Type doelwit" in text and "Mens-machine-interactie" in text
    assert "Welke soorten doelwitten kan het systeem bij dit gebruik selecteren en aanvallen?" in text
    assert "What kinds of target can the system" not in text


def test_an_empty_dutch_text_falls_back_to_english_visibly() -> None:
    from art36 import i18n

    tr = i18n.Translator("nl")
    assert tr.text({"en": "Only English", "nl": ""}) == "[en] Only English"
    assert tr.text({"en": "Target", "nl": "Doelwit"}) == "Doelwit" and tr.fallbacks == {"Only English"}
    assert tr("risk.medium") == "gemiddeld" and tr("verdict.out_of_scope") == "buiten het toepassingsbereik"
