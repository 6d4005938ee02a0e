"""Build only the subcommand that runs: Typer turns every command's signature into click objects up front, which
with a dozen commands cost more than the rest of start-up; `art36 --help` and shell completion (which re-runs the
program on every TAB) need only the names and first lines of help."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, MutableMapping

import typer
import typer.core
import typer.main
from typer import _click  # Typer vendors click (pyproject pins a Typer that does); its objects are what we hand out
from typer._click.shell_completion import CompletionItem
from typer.models import CommandInfo


def _tidy(command: _click.Command) -> _click.Command:
    """Arguments with a metavar show just that in --help (not Typer's ``<list[str]>``)."""
    for param in command.params:
        if isinstance(param, typer.core.TyperArgument) and param.metavar:
            param.display_type = lambda ctx: ""  # type: ignore[method-assign]
    return command


class LazyCommands(MutableMapping[str, _click.Command]):
    """The group's commands by name; each is built from its registration the first time it is looked up."""

    def __init__(self, infos: dict[str, CommandInfo], build: Callable[[CommandInfo], _click.Command]) -> None:
        self.infos, self._build, self._built = infos, build, dict[str, _click.Command]()

    def __getitem__(self, name: str) -> _click.Command:
        if name not in self._built:
            self._built[name] = _tidy(self._build(self.infos[name]))
        return self._built[name]

    def __setitem__(self, name: str, command: _click.Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]
        self.infos.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.infos)

    def __len__(self) -> int:
        return len(self.infos)

    def built(self) -> list[str]:
        """The commands built so far (for tests: `--help` builds none)."""
        return list(self._built)


class LazyGroup(typer.core.TyperGroup):
    """A TyperGroup whose commands are a :class:`LazyCommands`; its help lists them without building them."""

    commands: LazyCommands

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return list(self.commands)

    def _short_help(self, name: str, limit: int = 45) -> str:
        info = self.commands.infos[name]
        text = info.short_help or info.help or inspect.getdoc(info.callback) or ""
        return _click.utils.make_default_short_help(text, limit)

    def _visible(self) -> list[str]:
        return [name for name, info in self.commands.infos.items() if not info.hidden]

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        shown = self._visible()
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name in shown)
        with formatter.section("Commands"):
            formatter.write_dl([(name, self._short_help(name, limit)) for name in shown])

    def shell_complete(self, ctx: _click.Context, incomplete: str) -> list[CompletionItem]:
        """Command names (and the group's own options) for a TAB, without building the commands."""
        items = [
            CompletionItem(name, help=self._short_help(name)) for name in self._visible() if name.startswith(incomplete)
        ]
        items.extend(_click.Command.shell_complete(self, ctx, incomplete))
        return items


def group(app: typer.Typer) -> LazyGroup:
    """The click group for ``app``: options, callback and completion as Typer makes them, commands built on use."""
    registered = app.registered_commands
    app.registered_commands = []
    try:
        root = typer.main.get_command(app)  # the group without its commands: cheap
    finally:
        app.registered_commands = registered
    assert isinstance(root, typer.core.TyperGroup)

    def build(info: CommandInfo) -> _click.Command:
        return typer.main.get_command_from_info(
            info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
        )

    infos = {}
    for info in registered:
        assert info.callback is not None
        infos[info.name or typer.main.get_command_name(info.callback.__name__)] = info
    root.__class__ = LazyGroup
    root.commands = LazyCommands(infos, build)
    return root  # type: ignore[return-value]
