"""The art36 command line. Thin: each command parses options, calls the core, renders, returns an exit code.

Nothing heavier than Typer is imported at start-up: each command imports what it needs when it runs.
"""

from __future__ import annotations

import dataclasses
import errno
import signal
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
import typer.main

from art36 import __version__
from art36.cli.exits import Exit
from art36.models.verdict import Verdict

if TYPE_CHECKING:
    from art36.settings import EvidencePolicy

app = typer.Typer(
    name="art36",
    help="Article 36 weapon reviews with meaningful-human-control checklists, offline.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)

#: The verdicts from least to most severe (art36.models.verdict is free of pydantic, so this costs nothing).
VERDICTS = tuple(v.value for v in Verdict)


def _choice(what: str, choices: Callable[[], Sequence[str]]) -> Callable[[str], str]:
    """A parser accepting one of ``choices()`` (read when the option is parsed), with an error in plain words."""

    def parse(value: str) -> str:
        allowed = choices()
        if value not in allowed:
            raise typer.BadParameter(f"'{value}' is not {what}; choose one of: {', '.join(allowed)}")
        return value

    return parse


def _score_formats() -> Sequence[str]:
    from art36.render import review

    return tuple(review.FORMATS)


def _check_formats() -> Sequence[str]:
    from art36.render import diagnostics

    return diagnostics.FORMAT_CHOICES


def _verdicts() -> Sequence[str]:
    return VERDICTS


def _completion(choices: Callable[[], Sequence[str]]) -> Callable[[str], list[str]]:
    return lambda incomplete: [c for c in choices() if c.startswith(incomplete)]


def _list_formats() -> Sequence[str]:
    from art36.render.rules import LIST_FORMATS

    return tuple(LIST_FORMATS)


#: What `art36 schema` prints (a test keeps it equal to art36.schemas.NAMES, which would load pydantic here).
SCHEMAS = ("system", "checklist", "review", "score")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"art36 {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Article 36 weapon reviews with meaningful-human-control checklists, offline."""


PathsArg = Annotated[
    list[str],
    typer.Argument(metavar="PATH", help="Files or directories (searched for *.yaml, *.yml); '-' is stdin."),
]
ChecklistOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--checklist",
        "-c",
        metavar="ID_OR_FILE",
        help="Checklist id or file to use instead of the ones the file names (repeatable).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write results to FILE (atomically) instead of stdout."),
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", metavar="N", help="Worker processes; 0 = one per core.")]


def _rule_prefixes(values: list[str] | None) -> list[str] | None:
    """``--select`` / ``--ignore`` values: each must be the start of some rule's code (as ruff refuses an unknown
    code), else nothing would be checked (or skipped) and the run would say "no problems"."""
    if not values:
        return values
    from art36 import rules

    codes = [r.code for r in rules.all_rules()]
    unknown = [v for v in values if not any(c.startswith(v.upper()) for c in codes)]
    if unknown:
        shown = ", ".join(f"'{v}'" for v in unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        families = "; ".join(f"{letter} ({what})" for letter, what, _ in rules.FAMILIES)
        raise typer.BadParameter(
            f"no rule code starts with {shown}; codes start with {families}, e.g. "
            f"{codes[0]} or {codes[0][:2]}; `art36 rules` lists them all"
        )
    return values


SelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="CODE",
        callback=_rule_prefixes,
        help="Only rules whose code starts with CODE (repeatable).",
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="CODE",
        callback=_rule_prefixes,
        help="Skip rules whose code starts with CODE (repeatable).",
    ),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Warnings also fail (exit 1).")]
NoValuesOpt = Annotated[
    bool,
    typer.Option(
        "--no-values",
        envvar="ART36_NO_VALUES",
        help="Never quote a value from a file or the command line in a message (keys and positions still show;"
        " docs/security.md says what each command shows).",
    ),
]
ProgressOpt = Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on a terminal.")]
AllowEmptyOpt = Annotated[
    bool,
    typer.Option(
        "--allow-empty", help="Accept a batch without input files (exit 0) instead of a usage error (exit 2)."
    ),
]
CheckFormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=_choice("an output format", _check_formats),
        autocompletion=_completion(_check_formats),
        help="Output format: " + ", ".join(_check_formats()) + ".",
    ),
]


EvidenceRootOpt = Annotated[
    Path | None,
    typer.Option(
        "--evidence-root",
        metavar="DIR",
        help="Evidence files must lie in this folder (default: each system file's own folder).",
    ),
]
AllowOutsideOpt = Annotated[
    bool, typer.Option("--allow-evidence-outside", help="Read evidence files wherever they are (no folder limit).")
]
MaxEvidenceOpt = Annotated[
    int | None,
    typer.Option("--max-evidence-bytes", min=0, metavar="BYTES", help="Largest evidence file hashed (default 1 GiB)."),
]


def _evidence(root: Path | None, allow_outside: bool, max_bytes: int | None) -> EvidencePolicy:
    from art36.settings import EvidencePolicy

    policy = EvidencePolicy(root=str(root) if root is not None else None, allow_outside=allow_outside)
    return policy if max_bytes is None else dataclasses.replace(policy, max_bytes=max_bytes)


def _values(no_values: bool) -> None:
    """Set the value-echo policy (art36.echo) before any work starts; forked workers inherit it."""
    from art36 import echo

    echo.configure(no_values=no_values)


@app.command(epilog="Example: art36 score examples/*.yaml --fail-on not_approvable")
def score(
    paths: PathsArg,
    checklist: ChecklistOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=_choice("a score format", _score_formats),
            autocompletion=_completion(_score_formats),
            help="Output format: " + ", ".join(_score_formats()) + ".",
        ),
    ] = "text",
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="VERDICT",
            parser=_choice("a verdict", _verdicts),
            autocompletion=_completion(lambda: VERDICTS),
            help="Exit 1 if any file's verdict is VERDICT or more severe: " + ", ".join(VERDICTS) + ". "
            "An incomplete review fails any gate unless --allow-incomplete is given.",
        ),
    ] = None,
    allow_incomplete: Annotated[
        bool,
        typer.Option(
            "--allow-incomplete",
            help="Let incomplete reviews pass the --fail-on gate (by default an unfinished review fails it).",
        ),
    ] = False,
    strict_conditions: Annotated[
        bool,
        typer.Option(
            "--strict-conditions",
            help="A condition that no measure declared by the use addresses makes the use incomplete.",
        ),
    ] = False,
    output: OutputOpt = None,
    jobs: JobsOpt = 0,
    progress: ProgressOpt = True,
    allow_empty: AllowEmptyOpt = False,
    no_values: NoValuesOpt = False,
    evidence_root: EvidenceRootOpt = None,
    allow_evidence_outside: AllowOutsideOpt = False,
    max_evidence_bytes: MaxEvidenceOpt = None,
) -> None:
    """Review system files: verdict and score per intended use, with the reasons."""
    from art36.cli import commands
    from art36.models.common import Verdict
    from art36.settings import Inputs, Output, ScoreSettings

    _values(no_values)
    evidence = _evidence(evidence_root, allow_evidence_outside, max_evidence_bytes)
    settings = ScoreSettings(
        inputs=Inputs(tuple(paths), tuple(checklist or ()), allow_empty, jobs, evidence),
        output=Output(fmt, output, progress),
        fail_on=Verdict(fail_on) if fail_on else None,
        allow_incomplete=allow_incomplete,
        strict_conditions=strict_conditions,
    )
    raise typer.Exit(commands.score(settings))


@app.command(epilog="Example: art36 validate systems/ --format sarif -o art36.sarif")
def validate(
    paths: PathsArg,
    checklist: ChecklistOpt = None,
    fmt: CheckFormatOpt = "auto",
    output: OutputOpt = None,
    strict: StrictOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    jobs: JobsOpt = 0,
    progress: ProgressOpt = True,
    allow_empty: AllowEmptyOpt = False,
    no_values: NoValuesOpt = False,
    evidence_root: EvidenceRootOpt = None,
    allow_evidence_outside: AllowOutsideOpt = False,
    max_evidence_bytes: MaxEvidenceOpt = None,
) -> None:
    """Check system files: YAML, schema, answers against the checklists, evidence files."""
    from art36.cli import commands
    from art36.settings import Filter, Inputs, Output, ValidateSettings

    _values(no_values)
    evidence = _evidence(evidence_root, allow_evidence_outside, max_evidence_bytes)
    settings = ValidateSettings(
        inputs=Inputs(tuple(paths), tuple(checklist or ()), allow_empty, jobs, evidence),
        output=Output(fmt, output, progress),
        filter=Filter(tuple(select or ()), tuple(ignore or ()), strict),
    )
    raise typer.Exit(commands.validate(settings))


@app.command(epilog="Example: art36 lint my-checklists/ --ignore L010")
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", help="Checklist files or directories; '-' is stdin."),
    ] = None,
    fmt: CheckFormatOpt = "auto",
    output: OutputOpt = None,
    strict: StrictOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    explain: Annotated[
        str | None, typer.Option("--explain", metavar="CODE", help="Explain a rule (code or name) and exit.")
    ] = None,
    run_tests: Annotated[bool, typer.Option("--tests/--no-tests", help="Run the checklists' test cases.")] = True,
    builtin: Annotated[bool, typer.Option("--builtin", help="Lint the built-in checklists.")] = False,
    allow_empty: AllowEmptyOpt = False,
    no_values: NoValuesOpt = False,
) -> None:
    """Check checklist files: schema, semantic rules, and the checklists' own test cases."""
    from art36.cli import commands
    from art36.settings import Filter, Inputs, LintSettings, Output

    _values(no_values)
    if explain:
        raise typer.Exit(commands.explain(explain))
    settings = LintSettings(
        inputs=Inputs(tuple(paths or ()), allow_empty=allow_empty),
        output=Output(fmt, output, progress=False),
        filter=Filter(tuple(select or ()), tuple(ignore or ()), strict),
        run_tests=run_tests,
        builtin=builtin,
    )
    raise typer.Exit(commands.lint(settings))


@app.command("rules", epilog="Example: art36 rules --format json")
def list_rules(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=_choice("a format", _list_formats),
            autocompletion=_completion(_list_formats),
            help="Output format: " + ", ".join(_list_formats()) + ".",
        ),
    ] = "text",
) -> None:
    """List every diagnostic rule: code, name, severity, what it checks."""
    from art36.cli import commands

    raise typer.Exit(commands.list_rules(fmt))


@app.command(epilog="Example: art36 schema system > system.schema.json")
def schema(
    which: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            parser=_choice("a schema", lambda: SCHEMAS),
            autocompletion=_completion(lambda: SCHEMAS),
            help="Which schema: " + ", ".join(SCHEMAS) + ".",
        ),
    ],
) -> None:
    """Print a JSON Schema: the system-file or checklist format, or a review / score report (`score --format json`)."""
    from art36.cli import commands

    raise typer.Exit(commands.schema(which))


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


@app.command(epilog="Example: art36 review examples/goalkeeper.yaml --reviewer 'J. Jansen'")
def review(
    system: Annotated[
        Path | None,
        typer.Argument(metavar="SYSTEM", help="The system file to review; without it, a new one is started."),
    ] = None,
    checklist: ChecklistOpt = None,
    lang: Annotated[
        Lang, typer.Option("--lang", metavar="LANG", help="Language of the prompts and headings: en, nl.")
    ] = Lang.en,
    reviewer: Annotated[
        str | None, typer.Option("--reviewer", metavar="NAME", help="Your name, for the answer log.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to save the reviewed system file (default: NAME.reviewed.yaml).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files; start over.")] = False,
    in_place: Annotated[bool, typer.Option("--in-place", help="Save the answers into SYSTEM itself.")] = False,
    no_values: NoValuesOpt = False,
) -> None:
    """Walk through a system file question by question; every answer is saved at once; ends in the scored review."""
    from art36.cli import review as review_cli

    _values(no_values)
    settings = review_cli.Settings(system, tuple(checklist or ()), lang.value, reviewer, output, force, in_place)
    raise typer.Exit(review_cli.run(settings))


@app.command(epilog="Example: art36 init --checklist mhc -o my-system.yaml")
def init(
    checklist: Annotated[
        list[str] | None,
        typer.Option(
            "--checklist", "-c", metavar="ID_OR_FILE", help="Checklist id or file (default: mhc, art36-core)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the new system file here.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    no_values: NoValuesOpt = False,
) -> None:
    """Write a new system file with every criterion as an entry (question and options as comments, 'unknown')."""
    from art36.cli import guide

    _values(no_values)
    raise typer.Exit(guide.init(tuple(checklist or ()), output, force))


@app.command(epilog="Example: art36 show mhc mhc.target.type --lang nl")
def show(
    checklist: Annotated[str, typer.Argument(metavar="CHECKLIST", help="Checklist id or file.")],
    item: Annotated[
        str | None, typer.Argument(metavar="ITEM", help="A criterion id or section id (default: everything).")
    ] = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: text, json, md.")
    ] = ShowFormat.text,
    lang: Annotated[Lang, typer.Option("--lang", metavar="LANG", help="Language of the texts: en, nl.")] = Lang.en,
    no_values: NoValuesOpt = False,
) -> None:
    """Show a checklist: questions, options with risk levels, conditions, context limits and red lines."""
    from art36.cli import guide

    _values(no_values)
    raise typer.Exit(guide.show(checklist, item, fmt.value, lang.value))


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@app.command(epilog="Example: art36 report examples/patriot.yaml --format html -o patriot.html")
def report(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="System files (scored now) or saved review JSON files (rendered as recorded); '-' is stdin.",
        ),
    ],
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", metavar="FORMAT", help="Report format: md, html, json, text.")
    ] = ReportFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="File (one input) or directory (one report per input), written atomically.",
        ),
    ] = None,
    lang: Annotated[
        Lang, typer.Option("--lang", metavar="LANG", help="Language of the report's headings: en, nl.")
    ] = Lang.en,
    checklist: ChecklistOpt = None,
    no_values: NoValuesOpt = False,
    evidence_root: EvidenceRootOpt = None,
    allow_evidence_outside: AllowOutsideOpt = False,
    max_evidence_bytes: MaxEvidenceOpt = None,
) -> None:
    """Write a review report a board can file: Markdown, print-ready HTML, terminal text or the review JSON."""
    from art36.cli import reporting

    _values(no_values)
    evidence = _evidence(evidence_root, allow_evidence_outside, max_evidence_bytes)
    raise typer.Exit(reporting.report(paths, fmt.value, output, lang.value, tuple(checklist or ()), evidence))


@app.command(epilog="Example: art36 verify goalkeeper.review.json")
def verify(
    review: Annotated[str, typer.Argument(metavar="REVIEW", help="A saved review JSON (`art36 report -f json`).")],
    no_values: NoValuesOpt = False,
) -> None:
    """Recompute a saved review from its recorded inputs; exit 0 if it still matches the files on disk, 1 if not."""
    from art36.cli import reporting

    _values(no_values)
    raise typer.Exit(reporting.verify(review))


@app.command(epilog="Example: art36 diff old/patriot.yaml examples/patriot.yaml --format md")
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier system file or saved review.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later system file or saved review.")],
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: text, md, json.")
    ] = DiffFormat.text,
    output: OutputOpt = None,
    no_values: NoValuesOpt = False,
) -> None:
    """What a modification changed: answers, criteria statuses, scores and verdicts between two reviews."""
    from art36.cli import reporting

    _values(no_values)
    raise typer.Exit(reporting.diff(old, new, fmt.value, output))


#: Pydantic's wording (Typer checks option values with pydantic) and the plain words shown instead.
_PLAIN = (
    ("Value error, ", ""),
    ("Input should be a valid integer, unable to parse string as an integer", "expected a whole number"),
    ("Input should be a valid integer", "expected a whole number"),
    ("Input should be a valid number, unable to parse string as a number", "expected a number"),
    ("Input should be a valid boolean, unable to interpret input", "expected true or false"),
    ("Input should be ", "expected "),
)


def plain_words(message: str) -> str:
    """An option error without pydantic's phrasing ("Value error, ...", "Input should be a valid integer...")."""
    for technical, plain in _PLAIN:
        message = message.replace(technical, plain)
    return message


def _bounded(message: str, args: Sequence[str]) -> str:
    """A usage error's message as the value-echo policy allows (``--no-values`` may not have been parsed yet)."""
    from art36 import echo

    echo.configure(no_values=echo.asked_to_hide(args))
    return echo.command_line(message, args)


def _command() -> typer.core.TyperGroup:
    """The click group behind ``app``; a subcommand is built only when it runs (see cli/lazy.py)."""
    from art36.cli import lazy

    return lazy.group(app)


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that batches stop their workers and temp files are removed."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _stop_on_sigterm() -> Any:
    """Turn SIGTERM into :class:`_Terminated` (only in the main thread, where Python delivers signals)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _raise_terminated)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors never show a traceback or a document's content."""
    from art36.cli import output

    output.guard_standard_streams()
    try:
        previous = _stop_on_sigterm()
        try:
            return _run(argv)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
    except KeyboardInterrupt:  # a signal that lands after the command's own handling (while restoring handlers)
        return _interrupted()
    except _Terminated:
        return _terminated()


def _run(argv: list[str] | None) -> int:
    from typer._click.exceptions import ClickException

    from art36.cli import output

    try:
        code = _command().main(args=argv, prog_name="art36", standalone_mode=False)
    except ClickException as problem:  # a usage error: in plain words, values bounded (art36.echo), exit 2
        problem.message = _bounded(plain_words(problem.message), sys.argv[1:] if argv is None else argv)
        problem.show()
        return problem.exit_code
    except typer.Abort as abort:
        if isinstance(abort.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
            return _interrupted()
        sys.stderr.write("Aborted!\n")
        return Exit.FINDINGS
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (Exit.OK if code is None else Exit.USAGE)
    except BrokenPipeError:
        return Exit.OK
    except output.OutputError as exc:
        sys.stderr.write(f"art36: error: {exc}\n")
        return Exit.USAGE
    except KeyboardInterrupt:  # Ctrl-C: workers are stopped by the batch; no traceback, nothing half-written
        return _interrupted()
    except _Terminated:
        return _terminated()
    except OSError as exc:
        if exc.errno not in _WRITE_ERRORS:
            return _crashed(exc)
        # --help and --version print through click, not art36's own stdout writer: the same I/O error, exit 2
        output.discard_stdout(sys.stdout)
        sys.stderr.write(f"art36: error: cannot write to stdout: {exc.strerror or exc}\n")
        return Exit.USAGE
    except Exception as exc:  # the last line of defence
        return _crashed(exc)
    return code if isinstance(code, int) else Exit.OK


def _crashed(exc: BaseException) -> int:
    """Report a bug without document content (art36.cli.crash); exit 3."""
    from art36.cli.crash import report

    report(exc)
    return Exit.INTERNAL


#: errno values of a failed write (a full disk, a closed or broken stream): I/O errors, never a bug.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG, errno.EDQUOT})


def _terminated() -> int:
    sys.stderr.write("art36: terminated\n")
    return 128 + signal.SIGTERM


def _interrupted() -> int:
    sys.stderr.write("art36: interrupted\n")
    return 128 + signal.SIGINT
