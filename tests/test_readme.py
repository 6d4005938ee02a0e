"""The README stays true: its set-up commands exist and its example table matches what art36 computes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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


def test_make_test_runs_every_gate_the_readme_names():
    recipe = (ROOT / "Makefile").read_text().split("\ntest:", 1)[1].split("\n\n", 1)[0]
    gates = iter(line.strip().removeprefix("$(BIN)/") for line in recipe.splitlines()[1:])
    named = [
        "ruff check src tests benchmarks",
        "ruff format --check src tests benchmarks",
        "mypy",
        "art36 lint --builtin --format text",
        "python -m pytest",
    ]
    assert all(gate in gates for gate in named), f"make test must run, in this order: {named}"
    assert "`ruff format --check`" in README and "`mypy --strict`" in README


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


def _tour() -> list[tuple[str, int]]:
    """The tour's commands with the exit code each promises (1 where its comment says "exit 1:" or "exit 1,")."""
    section = README.split("## A two-minute tour", 1)[1]
    block = re.search(r"```console\n(.*?)```", section, flags=re.S).group(1)
    commands = []
    for line in block.splitlines():
        if not line.startswith("$ "):
            continue
        command, _, comment = line[2:].partition("  #")
        commands.append((command.strip(), 1 if re.search(r"\bexit 1[:,]", comment) else 0))
    return commands


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_readme_says_how_to_put_art36_on_the_path():
    section = README.split("## A two-minute tour", 1)[1]
    assert ". .venv/bin/activate" in section and 'export PATH="$PWD/.venv/bin:$PATH"' in section
    demo = (ROOT / "Makefile").read_text().split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/activate" in demo and "PATH" in demo  # `make demo` ends by saying the same


def test_the_tour_runs_as_written_on_a_fresh_checkout_without_littering_it(tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    checkout, scratch = tmp_path / "checkout", tmp_path / "tmp"
    scratch.mkdir()
    for name in filter(None, listed.stdout.split("\0")):
        source, target = ROOT / name, checkout / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        elif source.exists():
            shutil.copy2(source, target)
    before = _files(checkout)
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "art36").exists(), "the tests run from the virtual environment make creates"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "TMPDIR": str(scratch)}
    tour = _tour()
    assert len(tour) >= 10
    for command, expected in tour:
        done = subprocess.run(["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True)
        assert done.returncode == expected, f"{command}: exit {done.returncode}\n{done.stderr[-1500:]}"
        assert "Traceback" not in done.stderr
    assert _files(checkout) == before, "the tour wrote into the checkout"
    assert {"art36.sarif", "system.schema.json"} <= _files(scratch)
