"""A corpus of files that fail validation with a secret planted in every way a value used to leak.

``build(folder, value)`` writes, under ``folder``:

- ``mini-checklist.yaml`` (good), ``bad-checklist.yaml`` (the value as a wrong-typed weight and an unknown key's
  value) and ``lint-checklist.yaml`` (valid, but the value is a duplicated option and a near miss in a condition);
- ``systems/*.yaml``: one system file per leak (invalid option value, wrong type, schema error, unknown tag, evidence
  path, checklist path, checklist id, another file's errors, the "quote it" hint, an unknown key's value, an invalid
  context option); each fails validation and is marked ``classification: RESTRICTED``;
- ``good.yaml``: a valid system file (the other side of a `diff`).

The value is planted whole; the tests choose it: ``PAD + SECRET + PAD`` (the secret lies past the excerpt bound
from either end, so a bounded excerpt of a value or of a path never reaches it) or ``SECRET`` alone (short enough
to be quoted whole by default; ``--no-values`` must hide it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests_paths import FIXTURES

SECRET = "PLANTEDSECRET"
PAD = "x" * 30  # longer than any value excerpt (art36.echo.EXCERPT_CHARS)
#: Past the excerpt bound from the start and from the end.
HIDDEN = PAD + SECRET + PAD
MARKING = "RESTRICTED"

GOOD = f"""\
name: Test system
classification: {MARKING}
checklists: [../mini-checklist.yaml]
answers:
  t.weapon: true
  t.aim: true
  t.target: materiel
  t.abort: {{value: true, rationale: Hold-fire.}}
  t.duration: 5
  t.ml: false
uses:
  - id: sea
    context: {{t.env: open_sea}}
"""


def system_files(v: str) -> dict[str, str]:
    """One system file per way a value used to leak; each fails validation."""
    return {
        "option.yaml": GOOD.replace("t.target: materiel", f"t.target: {v}"),
        "wrongtype.yaml": GOOD.replace("t.duration: 5", f"t.duration: {v}"),
        "schema.yaml": GOOD.replace("name: Test system", f"name: [{v}]").replace(
            "uses:", f"version: {{a: {v}}}\nuses:"
        ),
        "tag.yaml": GOOD.replace("t.weapon: true", f"t.weapon: !{v} true"),
        "evidence.yaml": GOOD.replace(
            "{value: true, rationale: Hold-fire.}",
            f"{{value: true, rationale: Hold-fire., evidence: [{{path: {v}/trial.txt}}]}}",
        ),
        "checklistpath.yaml": GOOD.replace("../mini-checklist.yaml", f"{v}/mini.yaml"),
        "checklistid.yaml": GOOD.replace("../mini-checklist.yaml", v),
        "otherfile.yaml": GOOD.replace("../mini-checklist.yaml", "../bad-checklist.yaml"),
        "quotehint.yaml": GOOD.replace("classification:", "version: 3.5\nclassification:"),
        "unknownkey.yaml": GOOD.replace("uses:", f"nmae: {v}\nuses:"),
        "context.yaml": GOOD.replace("t.env: open_sea", f"t.env: {v}"),
    }


def bad_checklist(v: str) -> str:
    return (
        (FIXTURES / "mini-checklist.yaml")
        .read_text()
        .replace("title: Mini checklist for tests", f"title: Mini checklist for tests\nsecret_key_value: {v}")
        .replace("weight: 2", f"weight: {v}")
    )


def lint_checklist(v: str) -> str:
    """A checklist that passes the schema but not lint: ``v`` as an option value given twice (a duplicate), and a
    condition testing a value that is no option of its criterion (a near miss of ``v``)."""
    options = "          - {value: persons, label: Persons, risk_level: critical}"
    return (
        (FIXTURES / "mini-checklist.yaml")
        .read_text()
        .replace(options, options + f"\n          - {{value: {v}, label: A, risk_level: low}}" * 2)
        .replace("{criterion: t.weapon, equals: false}", f"{{criterion: t.target, equals: {v}s}}")
    )


def build(folder: Path, v: str) -> Path:
    """The corpus under ``folder`` with ``v`` planted; returns the ``systems`` folder."""
    shutil.copy(FIXTURES / "mini-checklist.yaml", folder / "mini-checklist.yaml")
    (folder / "bad-checklist.yaml").write_text(bad_checklist(v))
    (folder / "lint-checklist.yaml").write_text(lint_checklist(v))
    systems = folder / "systems"
    systems.mkdir(exist_ok=True)
    for name, text in system_files(v).items():
        (systems / name).write_text(text)
    (systems.parent / "good").mkdir(exist_ok=True)
    (systems.parent / "good" / "good.yaml").write_text(GOOD)
    return systems
