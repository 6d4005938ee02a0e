"""Start-up stays cheap and the module entry point works (timings live in benchmarks/, not here)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_importing_the_cli_loads_nothing_heavy():
    code = (
        "import sys, art36.cli.app\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'rich.console', 'art36.models.diagnostic') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_running_help_loads_nothing_heavy():
    """What `art36 --help` and a TAB (shell completion re-runs the program) actually import, not just the module.

    (`art36 COMMAND --help` builds that command, and Typer itself checks option values with pydantic.)
    """
    code = (
        "import os, sys\n"
        "from art36.cli.app import main\n"
        "main(sys.argv[1:])\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'rich.console', 'art36.models.diagnostic') if m in sys.modules]\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr.endswith("HEAVY="), done.stderr[-300:]
    # A TAB builds no command either (Typer's own option parsing loads pydantic there, which this does not check).
    env = {**os.environ, "_ART36_COMPLETE": "complete_bash", "COMP_WORDS": "art36 sc", "COMP_CWORD": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.split() == ["score", "schema"] and "art36.models.diagnostic" not in done.stderr


def test_python_dash_m_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "art36", "--version"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.startswith("art36 ")


def test_progress_bar_only_on_a_terminal_for_big_batches(monkeypatch):
    from art36.cli import commands

    items = list(range(commands.PROGRESS_MIN_FILES))
    monkeypatch.setattr("sys.stderr.isatty", lambda: False, raising=False)
    assert list(commands._with_progress(items, iter(items), True, "x")) == items
    drawn = []

    class FakeProgress:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def add_task(self, label, total):
            drawn.append(("task", total))
            return 1

        def advance(self, task):
            drawn.append("tick")

    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    monkeypatch.setattr("rich.progress.Progress", FakeProgress)
    assert list(commands._with_progress(items, iter(items), True, "x")) == items
    assert drawn[0] == ("task", len(items)) and drawn.count("tick") == len(items)
    drawn.clear()
    assert list(commands._with_progress(items[:3], iter(items[:3]), True, "x")) == items[:3]
    assert drawn == []  # small batch: no bar
    assert list(commands._with_progress(items, iter(items), False, "x")) == items
    assert drawn == []  # --no-progress
