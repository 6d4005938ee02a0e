"""Whatever a file holds, validating or scoring it gives diagnostics, never an exception."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from art36 import pipeline

ROOT = Path(__file__).resolve().parents[1]
GOALKEEPER = (ROOT / "examples" / "goalkeeper.yaml").read_text()

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_gives_diagnostics_not_exceptions(text: str) -> None:
    outcome = pipeline.run(pipeline.Job(display="fuzz.yaml", text=text))
    assert outcome.result is None or outcome.report.errors == 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_real_files_give_diagnostics_not_exceptions(data: st.DataObject) -> None:
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
    text = yaml.safe_dump(document, allow_unicode=True)
    outcome = pipeline.run(pipeline.Job(display="mutated.yaml", text=text))
    for d in outcome.report.diagnostics:
        assert d.location.line >= 1 and d.location.column >= 1
