"""The wheel ships the built-in checklists, byte for byte the ones in checklists/."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_the_builtin_checklists(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    [wheel] = tmp_path.glob("art36-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = sorted(n for n in names if n.startswith("art36/checklists/") and n.endswith(".yaml"))
        assert shipped == [f"art36/checklists/{p.name}" for p in sorted((ROOT / "checklists").glob("*.yaml"))]
        for name in shipped:
            assert archive.read(name) == (ROOT / "checklists" / Path(name).name).read_bytes()
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "art36 = art36.cli.app:main" in archive.read(entry_points).decode()


def test_docs_name_the_wheel_that_make_wheel_builds() -> None:
    """docs/ci.md tells offices to build a wheel with `make wheel` and install it: both must stay true."""
    import re

    from art36 import __version__

    recipe = (ROOT / "Makefile").read_text().split("\nwheel:", 1)[1].split("\n\n", 1)[0]
    assert "pip wheel" in recipe and "--no-deps" in recipe and "--no-build-isolation" in recipe and "-w dist" in recipe
    ci = (ROOT / "docs" / "ci.md").read_text()
    named = set(re.findall(r"art36-[\w.]+-py3-none-any\.whl", ci))
    assert named == {f"art36-{__version__}-py3-none-any.whl"}
    assert "pip install art36" not in ci and "rev: v0" not in ci
