"""Review results as a rich summary table for the terminal (the default output of `art36 score`)."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from art36.models.common import Verdict

STYLE = {
    Verdict.PROHIBITED: "bold white on red",
    Verdict.NOT_APPROVABLE: "bold red",
    Verdict.INCOMPLETE: "yellow",
    Verdict.APPROVABLE_WITH_CONDITIONS: "cyan",
    Verdict.APPROVABLE: "green",
    Verdict.OUT_OF_SCOPE: "dim",
}


def verdict_markup(verdict: Verdict) -> str:
    return f"[{STYLE[verdict]}]{verdict.value}[/]"


def render(rows: list[dict[str, Any]], *, color: bool, width: int = 140) -> str:
    """``rows`` are the JSON objects of score_json; the table is built from the same record."""
    table = Table(title="art36 review summary", title_justify="left", show_lines=True)
    for name in ("File", "System", "Classification", "Verdict per intended use", "Score", "Overall"):
        table.add_column(name, overflow="fold")
    for row in rows:
        file = escape(str(row["file"]))
        if not row["valid"]:
            errors = sum(1 for d in row["diagnostics"] if d["severity"] == "error")
            table.add_row(
                file,
                escape(str(row.get("system") or "")),
                escape(str(row.get("classification") or "")),
                f"[red]invalid: {errors} error(s)[/]",
                "",
                "[red]invalid[/]",
            )
            continue
        uses = "\n".join(
            f"{escape(str(u['id']))}: {verdict_markup(Verdict(u['verdict']))}"
            + (f" ({u['score']:.1f})" if u["score"] is not None else "")
            for u in row["uses"]
        )
        score = row["score"]
        table.add_row(
            file,
            escape(str(row["system"])),
            escape(str(row["classification"])),
            uses,
            f"{score:.1f}" if isinstance(score, float | int) else "-",
            verdict_markup(Verdict(str(row["verdict"]))),
        )
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    console.print(table)
    for row in rows:
        if not row["valid"]:
            continue
        for use in row["uses"]:
            where = escape(f"{row['file']} [{use['id']}]")
            for red in use["red_lines"]:
                console.print(
                    f"[red]red line[/] {where} {escape(red['id'])} ({escape(red['basis'])}): {escape(red['message'])}"
                )
            verdict = Verdict(use["verdict"])
            if verdict is Verdict.APPROVABLE_WITH_CONDITIONS:
                for cond in use["conditions"]:
                    console.print(f"[cyan]condition[/] {where} {escape(cond['criterion'])}: {escape(cond['reason'])}")
            elif verdict is Verdict.INCOMPLETE or (verdict is Verdict.NOT_APPROVABLE and not use["red_lines"]):
                for reason in use["reasons"]:
                    console.print(f"[yellow]why[/] {where} {escape(reason)}")
            if use["conditions"] and verdict.severity > Verdict.APPROVABLE_WITH_CONDITIONS.severity:
                console.print(
                    f"[dim]{where} also has {len(use['conditions'])} criteria above what this context "
                    "allows (see --format json)[/]"
                )
    return buffer.getvalue()
