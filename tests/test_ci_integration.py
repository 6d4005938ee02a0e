"""docs/ci.md and .pre-commit-hooks.yaml work as written; shipped files carry the editor modeline."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from art36.cli.app import main

ROOT = Path(__file__).resolve().parents[1]


def _yaml_blocks(markdown: str) -> list[object]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", markdown, flags=re.S)]


def _art36_commands(node: object) -> list[str]:
    """Every shell line starting with `art36` in a CI config (GitHub `run:` steps, GitLab `script:` lists)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("run", "script"):
                lines = value if isinstance(value, list) else str(value).splitlines()
                found += [line.strip() for line in lines if str(line).strip().startswith("art36 ")]
            else:
                found += _art36_commands(value)
    elif isinstance(node, list):
        for item in node:
            found += _art36_commands(item)
    return found


@pytest.fixture
def office_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A review office's repository: two system files and a copy of the built-in checklists."""
    (tmp_path / "systems").mkdir()
    for name in ("goalkeeper.yaml", "patriot.yaml"):
        shutil.copy(ROOT / "examples" / name, tmp_path / "systems" / name)
    if (ROOT / "examples" / "evidence").is_dir():
        shutil.copytree(ROOT / "examples" / "evidence", tmp_path / "systems" / "evidence")
    shutil.copytree(ROOT / "checklists", tmp_path / "checklists")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_ci_examples_run_as_written(office_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = _yaml_blocks((ROOT / "docs" / "ci.md").read_text())
    commands = [c for block in blocks for c in _art36_commands(block)]
    assert len(commands) >= 6, commands
    for command in commands:
        code = main(shlex.split(command)[1:])
        captured = capsys.readouterr()
        assert code == 0, f"{command!r} exited {code}:\n{captured.out[-2000:]}\n{captured.err[-2000:]}"
    for report in ("art36.sarif", "art36-lint.xml", "art36-validate.xml"):
        assert (office_repo / report).stat().st_size > 0, report


def test_pre_commit_hooks_run(office_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"art36-validate", "art36-lint"}
    targets = {"art36-validate": "systems/goalkeeper.yaml", "art36-lint": "checklists/mhc.yaml"}
    for hook_id, hook in hooks.items():
        argv = shlex.split(hook["entry"])
        assert argv[0] == "art36" and hook["language"] == "python"
        assert re.search(hook["files"], targets[hook_id])
        code = main([*argv[1:], targets[hook_id]])
        captured = capsys.readouterr()
        assert code == 0, captured.out + captured.err
    broken = office_repo / "systems" / "broken.yaml"
    broken.write_text("name: x\nname: y\n")
    assert main([*shlex.split(hooks["art36-validate"]["entry"])[1:], str(broken)]) == 1


def test_local_pre_commit_hooks_in_the_docs_run(office_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    configs = [b for b in _yaml_blocks((ROOT / "docs" / "ci.md").read_text()) if isinstance(b, dict) and "repos" in b]
    [local] = [repo for config in configs for repo in config["repos"] if repo["repo"] == "local"]
    targets = {"art36-validate": "systems/goalkeeper.yaml", "art36-lint": "checklists/mhc.yaml"}
    assert {h["id"] for h in local["hooks"]} == set(targets)
    for hook in local["hooks"]:
        argv = shlex.split(hook["entry"])
        assert argv[0] == "art36" and hook["language"] == "system"
        assert re.search(hook["files"], targets[hook["id"]])
        code = main([*argv[1:], targets[hook["id"]]])
        captured = capsys.readouterr()
        assert code == 0, captured.out + captured.err
    [mirror] = [repo for config in configs for repo in config["repos"] if repo["repo"] != "local"]
    assert re.fullmatch(r"[0-9a-f]{40}", str(mirror["rev"]))  # a commit sha: art36 has no release tags yet


def _modeline_target(path: Path) -> Path:
    first = path.read_text().splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path} lacks the yaml-language-server modeline"
    # Resolve as an editor does: from the path the user opened, without following symlinks.
    return Path(os.path.normpath(path.parent / match.group(1)))


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_examples_carry_the_schema_modeline(path: Path) -> None:
    assert _modeline_target(path) == ROOT / "schemas" / "system.schema.json"


@pytest.mark.parametrize("path", sorted((ROOT / "checklists").glob("*.yaml")), ids=lambda p: p.name)
def test_builtin_checklists_carry_the_schema_modeline(path: Path) -> None:
    # People open them as checklists/NAME.yaml (a link to the package folder), so the path is relative to that.
    assert _modeline_target(path) == ROOT / "schemas" / "checklist.schema.json"
