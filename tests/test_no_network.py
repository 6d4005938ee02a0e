"""The no-network promise: every command runs with sockets blocked (in process, and in a child with a sitecustomize).

Local AF_UNIX socket pairs stay allowed: the batch's worker pipes use them; everything else raises.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_commands import COMMANDS, NO_INPUT_COMMANDS
from hostile_run import art36, no_network_env

from art36.cli.app import main

ROOT = Path(__file__).resolve().parents[1]


class NetworkUsed(AssertionError):
    pass


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkUsed("art36 tried to use the network")


class _LocalOnly(socket.socket):
    def __init__(self, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None) -> None:
        if fileno is None and family != socket.AF_UNIX:
            _refuse()
        super().__init__(family, type, proto, fileno)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _LocalOnly)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "getnameinfo"):
        monkeypatch.setattr(socket, name, _refuse)


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


#: Every command once, on valid inputs, in the order a reviewer would use them.
SESSION: list[list[str]] = [
    ["init", "--output", "new.yaml"],
    ["show", "mhc"],
    ["validate", "examples"],
    ["score", "examples/goalkeeper.yaml", "examples/patriot.yaml", "--format", "json"],
    ["lint", "--builtin"],
    ["report", "examples/patriot.yaml", "--format", "json", "--output", "patriot.review.json"],
    ["report", "examples/patriot.yaml", "--format", "html", "--output", "patriot.html"],
    ["verify", "patriot.review.json"],
    ["diff", "patriot.review.json", "examples/patriot.yaml"],
    ["review", "examples/goalkeeper.yaml", "--output", "reviewed.yaml"],
    *NO_INPUT_COMMANDS,
]


def test_the_session_covers_every_command() -> None:
    used = {args[0] for args in SESSION}
    assert {c.name for c in COMMANDS} | {"rules", "schema"} <= used


#: Exit codes that mean the command did its job: 0, 1 (findings), 4 (review stopped: stdin has no answers).
DONE = (0, 1, 4)


def test_every_command_in_process_without_network(examples, no_network, capsys, monkeypatch) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 9))  # the block is really on
    with open("/dev/null") as nothing:
        monkeypatch.setattr(sys, "stdin", nothing)  # review: no answers, it stops cleanly
        for args in SESSION:
            code = main(args)
            captured = capsys.readouterr()
            assert "NetworkUsed" not in captured.err + captured.out, args
            assert code in DONE, (args, code, captured.err[-1000:])


def test_every_command_in_a_child_without_network(examples) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 9))"],
        capture_output=True,
        env=no_network_env(),
    )
    assert probe.returncode != 0 and b"never use the network" in probe.stderr  # the sitecustomize is active
    for args in [*SESSION, ["validate", "examples", "--jobs", "2"]]:
        run = art36(args, examples)
        assert "never use the network" not in run.text and "Traceback" not in run.text, (args, run.text[-1000:])
        assert run.code in DONE, (args, run.code, run.text[-1000:])
