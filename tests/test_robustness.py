"""Whatever a file holds, validating or scoring it gives located diagnostics and the right exit code, never an
exception: every diagnostic has a registered code and a position inside the file, and the exit code follows."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from art36 import pipeline, rules, yamlsrc
from art36.cli.exits import Exit, for_batch
from art36.models.batch_report import BatchReport
from art36.models.diagnostic import Severity
from fuzzing import examples

ROOT = Path(__file__).resolve().parents[1]
GOALKEEPER = (ROOT / "examples" / "goalkeeper.yaml").read_text()
CODES = {r.code for r in rules.all_rules()}

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
SETTINGS = settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_outcome(outcome: pipeline.Outcome, display: str, text: str) -> None:
    """Located, registered diagnostics; a verdict only for a clean file; exit 1 exactly when there are errors."""
    lines = text.count("\n") + 1
    report = outcome.report
    for d in report.diagnostics:
        assert d.code in CODES, d.code
        assert d.location.file == display
        assert 1 <= d.location.line <= lines + 1, (d.code, d.location, lines)
        assert d.location.column >= 1
    assert outcome.result is None or report.errors == 0
    code = for_batch(BatchReport(files=[report]))
    assert code == (Exit.FINDINGS if report.errors else Exit.OK), (code, [d.code for d in report.diagnostics])


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_gives_located_diagnostics_and_an_exit_code(text: str) -> None:
    outcome = pipeline.run(pipeline.Job(display="fuzz.yaml", text=text))
    _check_outcome(outcome, "fuzz.yaml", text)
    if not text.strip(" \n"):
        assert [d.code for d in outcome.report.diagnostics] == ["Y003"]  # empty: one diagnostic, at 1:1


@SETTINGS
@given(st.data())
def test_mutated_real_files_give_located_diagnostics_and_an_exit_code(data: st.DataObject) -> None:
    document = yaml.safe_load(GOALKEEPER)
    # Replace one value somewhere in a real system file with something random.
    node, path = document, []
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans(), label="deeper"):
        key = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
        path.append(key)
        if not isinstance(node[key], (dict, list)):
            break
        node = node[key]
    target = document
    for key in path[:-1]:
        target = target[key]
    if path:
        target[path[-1]] = data.draw(values, label="new value")
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    outcome = pipeline.run(
        pipeline.Job(display="mutated.yaml", path=str(ROOT / "examples" / "mutated.yaml"), text=text)
    )
    _check_outcome(outcome, "mutated.yaml", text)
    errors = [d for d in outcome.report.diagnostics if d.severity is Severity.ERROR]
    if errors and path:
        # The change is where a problem is reported: some error sits on the changed node's lines, or (for a missing
        # or misplaced answer) on the block or use that holds it.
        changed, _ = yamlsrc.find(yamlsrc.parse(text).node, tuple(path))
        assert changed is not None
        first, last = changed.start_mark.line + 1, changed.end_mark.line + 1
        holders = {d.location.line for d in errors}
        assert any(first - 1 <= line <= last for line in holders) or any(
            d.code in ("A004", "A008", "S002", "A012") for d in errors
        ), (path, [(d.code, d.location.line, d.message) for d in errors], first, last)


def test_an_unreadable_file_is_exit_2() -> None:
    outcome = pipeline.run(pipeline.Job(display="nowhere.yaml", path=str(ROOT / "nowhere.yaml")))
    assert [d.code for d in outcome.report.diagnostics] == ["F001"]
    assert for_batch(BatchReport(files=[outcome.report])) == Exit.USAGE
