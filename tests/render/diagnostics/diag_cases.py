"""Batches of diagnostics for the output-format tests: an ordinary one, an empty one, a clean one and a hostile one.

A plain module (not conftest) so that test modules can import its helpers unambiguously."""

from __future__ import annotations

from pathlib import Path

from art36.checks import answers, files, schema, uses
from art36.models.batch_report import BatchReport
from art36.models.diagnostic import FileReport, Location, Severity

#: ``../shared/schemas`` next to the project root (not copied into the project; tests skip without it).
SCHEMAS = Path(__file__).resolve().parents[3] / ".." / "shared" / "schemas"

# Markup, XML, control characters, bidi overrides, emoji codes and a trailing backslash: all must come out literally.
HOSTILE_MESSAGES = (
    "unknown key '[bold]x[/bold]' [red]not red[/]",
    "<script>alert('x')</script> & ]]> &amp;",
    "100% done\r\nsecond line\nthird",
    "NUL\x00 ESC\x1b[31mred\x1b[0m BEL\x07 DEL\x7f",
    "bidi \u202eevil\u202c and emoji code :warning: 💥 naïve",
    "ends with a backslash \\",
    "::error file=x::injected, title=a:b",
)


def loc(file: str, line: int = 1, column: int = 1, yaml_path: str = "") -> Location:
    return Location(file=file, line=line, column=column, yaml_path=yaml_path)


def sample_batch() -> BatchReport:
    """Errors with and without hints, a warning-only file, a clean file, an unreadable file and an info note."""
    a = "systems/a.yaml"
    return BatchReport(
        command="validate",
        files=(
            FileReport(
                file=a,
                diagnostics=(  # deliberately out of order: every format sorts by line, column, code
                    answers.RATIONALE_MISSING.at(loc(a, 12, 3, "answers.mhc.hmi.abort"), "no rationale given"),
                    schema.SCHEMA_UNKNOWN_KEY.at(loc(a, 3, 5, "uses[0].x"), "unknown key 'x'", "did you mean 'id'?"),
                    schema.SCHEMA_MISSING_KEY.at(loc(a, 1, 1), "missing key 'classification'"),
                    answers.UNKNOWN_CRITERION.at(
                        loc(a, 3, 5, "answers.mhc.x"), "no criterion 'mhc.x'", severity=Severity.INFO
                    ),
                ),
            ),
            FileReport(file="systems/b.yaml"),
            FileReport(
                file="systems/c.yaml",
                diagnostics=(uses.REQUIRED_ANSWER_MISSING.at(loc("systems/c.yaml", 2, 1), "no answer for 'mhc.a'"),),
            ),
            FileReport(
                file="systems/missing.yaml",
                diagnostics=(files.FILE_UNREADABLE.at(loc("systems/missing.yaml"), "no such file"),),
            ),
        ),
    )


def empty_batch() -> BatchReport:
    return BatchReport()


def clean_batch() -> BatchReport:
    return BatchReport(
        command="lint",
        files=(FileReport(file="checklists/mhc.yaml", kind="checklist"), FileReport(file="x.yaml", kind="checklist")),
    )


def hostile_batch() -> BatchReport:
    """Odd paths (Windows, absolute, spaces, commas, colons, undecodable bytes) and hostile messages."""
    paths = (
        "dir with space/naïve ünï.yaml",
        "C:\\Reviews\\sys,1:a.yaml",
        "sub\\win.yaml",
        "/abs/p.yaml",
        "\\\\server\\share\\r.yaml",
        "weird\udcff[bold].yaml",
        "./dotted/%41.yaml",
    )
    files = []
    for i, path in enumerate(paths):
        diagnostics = tuple(
            schema.SCHEMA_INVALID_VALUE.at(
                loc(path, j + 1, 2, f"answers['{msg[:5]}'][0]"),
                msg,
                hint=HOSTILE_MESSAGES[-1 - j],
                severity=(Severity.ERROR, Severity.WARNING, Severity.INFO)[(i + j) % 3],
            )
            for j, msg in enumerate(HOSTILE_MESSAGES)
        )
        files.append(FileReport(file=path, diagnostics=diagnostics))
    # A code the registry does not know (a rule added elsewhere before the registry caught up) and line/column 0.
    unknown = schema.SCHEMA_INVALID_VALUE.at(loc("z.yaml", 0, 0), "zero position").model_copy(
        update={"code": "Q999", "name": "not-registered"}
    )
    files.append(FileReport(file="z.yaml", diagnostics=(unknown,)))
    return BatchReport(command="validate", files=tuple(files))
