"""The art36 command line. Thin: each command parses options, calls the core, renders, returns an exit code.

Nothing heavier than Typer is imported at start-up: each command imports what it needs when it runs.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from art36 import __version__
from art36.cli.exits import Exit
from art36.models.verdict import Verdict
from art36.render.diagnostics import FORMAT_CHOICES
from art36.render.rules import LIST_FORMATS

app = typer.Typer(
    name="art36",
    help="Article 36 weapon reviews with meaningful-human-control checklists, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _score_format(value: str) -> str:
    """``--format`` of `score`: a name in the score-format registry (read when the option is parsed)."""
    from art36.render import review

    if value not in review.FORMATS:
        raise typer.BadParameter(f"'{value}' is not a score format; choose one of: {', '.join(review.FORMATS)}")
    return value


def _score_format_help() -> str:
    from art36.render import review

    return "Output format: " + ", ".join(review.FORMATS) + "."


#: Generated from the diagnostics format registry, so a new format is a new choice (art36.render.diagnostics).
CheckFormat = StrEnum("CheckFormat", {name: name for name in FORMAT_CHOICES})  # type: ignore[misc]

#: Generated from the Verdict enum (art36.models.verdict), in order from least to most severe.
VerdictName = StrEnum("VerdictName", {v.value: v.value for v in Verdict})  # type: ignore[misc]

#: Generated from the formats of `art36 rules` (art36.render.rules).
RulesFormat = StrEnum("RulesFormat", {name: name for name in LIST_FORMATS})  # type: ignore[misc]


class SchemaName(StrEnum):
    system = "system"
    checklist = "checklist"
    review = "review"
    score = "score"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"art36 {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Article 36 weapon reviews with meaningful-human-control checklists, offline."""


PathsArg = Annotated[list[str], typer.Argument(help="Files or directories (searched for *.yaml, *.yml); '-' is stdin.")]
ChecklistOpt = Annotated[
    list[str] | None,
    typer.Option("--checklist", "-c", help="Checklist id or file to use instead of the ones the file names."),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write results here (atomically).")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes; 0 = one per core.")]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", help="Only rules whose code starts with this.")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Skip rules whose code starts with this.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Warnings also fail (exit 1).")]
NoValuesOpt = Annotated[
    bool,
    typer.Option(
        "--no-values",
        envvar="ART36_NO_VALUES",
        help="Never quote a value from a file in a message (keys and positions still show).",
    ),
]
ProgressOpt = Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on a terminal.")]


def _values(no_values: bool) -> None:
    """Set the value-echo policy (art36.echo) before any work starts; forked workers inherit it."""
    from art36 import echo

    echo.configure(no_values=no_values)


@app.command()
def score(
    paths: PathsArg,
    checklist: ChecklistOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", parser=_score_format, metavar="FORMAT", help=_score_format_help())
    ] = "text",
    fail_on: Annotated[
        VerdictName | None, typer.Option("--fail-on", help="Exit 1 if any file's verdict is this bad or worse.")
    ] = None,
    output: OutputOpt = None,
    jobs: JobsOpt = 0,
    progress: ProgressOpt = True,
    no_values: NoValuesOpt = False,
) -> None:
    """Review system files: verdict and score per intended use, with the reasons."""
    from art36.cli import commands

    _values(no_values)
    raise typer.Exit(
        commands.score(paths, tuple(checklist or ()), fmt, fail_on.value if fail_on else None, output, jobs, progress)
    )


@app.command()
def validate(
    paths: PathsArg,
    checklist: ChecklistOpt = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat("auto"),
    output: OutputOpt = None,
    strict: StrictOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    jobs: JobsOpt = 0,
    progress: ProgressOpt = True,
    no_values: NoValuesOpt = False,
) -> None:
    """Check system files: YAML, schema, answers against the checklists, evidence files."""
    from art36.cli import commands

    _values(no_values)
    raise typer.Exit(
        commands.validate(
            paths,
            tuple(checklist or ()),
            fmt.value,
            output,
            strict,
            tuple(select or ()),
            tuple(ignore or ()),
            jobs,
            progress,
        )
    )


@app.command()
def lint(
    paths: Annotated[list[str] | None, typer.Argument(help="Checklist files or directories; '-' is stdin.")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat("auto"),
    output: OutputOpt = None,
    strict: StrictOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    explain: Annotated[str | None, typer.Option("--explain", help="Explain a rule (code or name) and exit.")] = None,
    run_tests: Annotated[bool, typer.Option("--tests/--no-tests", help="Run the checklists' test cases.")] = True,
    builtin: Annotated[bool, typer.Option("--builtin", help="Lint the built-in checklists.")] = False,
    no_values: NoValuesOpt = False,
) -> None:
    """Check checklist files: schema, semantic rules, and the checklists' own test cases."""
    from art36.cli import commands

    _values(no_values)
    if explain:
        raise typer.Exit(commands.explain(explain))
    raise typer.Exit(
        commands.lint(
            list(paths or ()), fmt.value, output, strict, tuple(select or ()), tuple(ignore or ()), run_tests, builtin
        )
    )


@app.command("rules")
def list_rules(
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f", help="Output format.")] = RulesFormat("text"),
) -> None:
    """List every diagnostic rule: code, name, severity, what it checks."""
    from art36.cli import commands

    raise typer.Exit(commands.list_rules(fmt.value))


@app.command()
def schema(which: Annotated[SchemaName, typer.Argument(help="Which format.")]) -> None:
    """Print a JSON Schema: the system-file or checklist format, or a review / score report (`score --format json`)."""
    from art36.cli import commands

    raise typer.Exit(commands.schema(which.value))


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    text = "text"


class Lang(StrEnum):
    en = "en"
    nl = "nl"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"


@app.command()
def review(
    system: Annotated[
        Path | None, typer.Argument(help="The system file to review; without it, a new one is started.")
    ] = None,
    checklist: ChecklistOpt = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the prompts and headings.")] = Lang.en,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Your name, for the answer log.")] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to save the reviewed system file (default: NAME.reviewed.yaml)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files; start over.")] = False,
    in_place: Annotated[bool, typer.Option("--in-place", help="Save the answers into SYSTEM itself.")] = False,
) -> None:
    """Walk through a system file question by question; every answer is saved at once; ends in the scored review."""
    from art36.cli import review as review_cli

    settings = review_cli.Settings(system, tuple(checklist or ()), lang.value, reviewer, output, force, in_place)
    raise typer.Exit(review_cli.run(settings))


@app.command()
def init(
    checklist: Annotated[
        list[str] | None, typer.Option("--checklist", "-c", help="Checklist id or file (default: mhc, art36-core).")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the new system file here.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a new system file with every criterion as an entry (question and options as comments, 'unknown')."""
    from art36.cli import guide

    raise typer.Exit(guide.init(tuple(checklist or ()), output, force))


@app.command()
def show(
    checklist: Annotated[str, typer.Argument(help="Checklist id or file.")],
    item: Annotated[str | None, typer.Argument(help="A criterion id or section id (default: everything).")] = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = ShowFormat.text,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the texts.")] = Lang.en,
) -> None:
    """Show a checklist: questions, options with risk levels, conditions, context limits and red lines."""
    from art36.cli import guide

    raise typer.Exit(guide.show(checklist, item, fmt.value, lang.value))


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
def report(
    paths: Annotated[
        list[str], typer.Argument(help="System files (scored now) or saved review JSON files (rendered as recorded).")
    ],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File (one input) or directory (one report per input), written atomically."
        ),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the report's headings.")] = Lang.en,
    checklist: ChecklistOpt = None,
) -> None:
    """Write a review report a board can file: Markdown, print-ready HTML, terminal text or the review JSON."""
    from art36.cli import reporting

    raise typer.Exit(reporting.report(paths, fmt.value, output, lang.value, tuple(checklist or ())))


@app.command()
def verify(review: Annotated[str, typer.Argument(help="A saved review JSON (`art36 report -f json`).")]) -> None:
    """Recompute a saved review from its recorded inputs; exit 0 if it still matches the files on disk, 1 if not."""
    from art36.cli import reporting

    raise typer.Exit(reporting.verify(review))


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The earlier system file or saved review.")],
    new: Annotated[str, typer.Argument(help="The later system file or saved review.")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    output: OutputOpt = None,
) -> None:
    """What a modification changed: answers, criteria statuses, scores and verdicts between two reviews."""
    from art36.cli import reporting

    raise typer.Exit(reporting.diff(old, new, fmt.value, output))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors never show a traceback or a document's content."""
    try:
        app(args=argv, prog_name="art36")
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (Exit.OK if code is None else Exit.USAGE)
    except BrokenPipeError:
        return Exit.OK
    except Exception as exc:  # the last line of defence: report the bug without document content
        from art36.cli.crash import report

        report(exc)
        return Exit.INTERNAL
    return Exit.OK
