"""The README stays true: its set-up commands exist and its example table matches what art36 computes."""

from __future__ import annotations

import re
from pathlib import Path

from art36 import pipeline

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_readme_opens_with_the_two_setup_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, flags=re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, flags=re.M) and re.search(r"^test:", makefile, flags=re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_example_table_matches_the_computed_verdicts():
    rows = re.findall(
        r"^\| (?:`([\w.-]+\.yaml)`[^|]*)? *\| `([\w.-]+)` \| `(\w+)`[^|]*\| ([\d.]+) \|$", README, flags=re.M
    )
    assert len(rows) >= 7
    current = ""
    for file, use_id, verdict, score in rows:
        current = file or current
        outcome = pipeline.run(pipeline.Job(display=current, path=ROOT / "examples" / current))
        assert outcome.result is not None, current
        use = {u.id: u for u in outcome.result.uses}[use_id]
        assert (use.verdict.value, use.score) == (verdict, float(score)), (current, use_id)
