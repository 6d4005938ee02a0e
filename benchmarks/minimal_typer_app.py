"""The start-up baseline: a minimal two-command Typer app with Typer's default settings.

``python benchmarks/minimal_typer_app.py --help`` is timed against ``art36 --help``. Set ``MINIMAL_TYPER_PLAIN=1``
to build it with the same settings as art36 (no rich markup, no completion), a stricter baseline.
"""

import os

import typer

if os.environ.get("MINIMAL_TYPER_PLAIN"):
    app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
else:
    app = typer.Typer()


@app.command()
def hello(name: str) -> None:
    """Say hello."""
    typer.echo(f"Hello {name}")


@app.command()
def goodbye(name: str, formal: bool = False) -> None:
    """Say goodbye."""
    typer.echo(f"Goodbye {'Ms. ' if formal else ''}{name}")


if __name__ == "__main__":
    app()
