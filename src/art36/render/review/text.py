"""The score report as a terminal summary: per file, a small table of intended uses, then red lines and conditions.

It fits the given width (80 columns by default) and wraps only between words; text from the files is shown as
data (controls escaped, never read as markup).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from art36 import wording
from art36.models.common import Verdict
from art36.textsafe import one_line

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from art36.models.review import ReviewResult, UseResult
    from art36.models.score_report import ScoredFile, ScoreReport
    from art36.render.review import RenderOptions

#: A line is a list of (text, style) pieces; the style is a rich style name, applied only with colour on.
Piece = tuple[str, str]
Line = list[Piece]

STYLE = {
    Verdict.PROHIBITED: "bold white on red",
    Verdict.NOT_APPROVABLE: "bold red",
    Verdict.INCOMPLETE: "yellow",
    Verdict.APPROVABLE_WITH_CONDITIONS: "cyan",
    Verdict.APPROVABLE: "green",
    Verdict.OUT_OF_SCOPE: "dim",
}
VERDICT_WIDTH = max(len(v.value) for v in Verdict)
SCORE_WIDTH = 5


def _score(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else "-"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=max(20, width), break_long_words=False, break_on_hyphens=False)


def _wrapped(label: Line, body: str, width: int, indent: int) -> list[Line]:
    """``label`` then ``body`` wrapped between words to ``width``; continuation lines indented by ``indent``.

    A word is never cut: one longer than the room left after the label starts the next line, and one longer than
    a whole line stands on a line of its own.
    """
    used = sum(len(text) for text, _ in label)
    body = one_line(body)
    first = _wrap(body, width - used)
    if first and len(first[0]) > width - used:  # its first word does not fit beside the label
        first = []
    out: list[Line] = [[*label, (first[0], "")]] if first else [list(label)]
    consumed = len(first[0].split()) if first else 0
    rest = " ".join(body.split()[consumed:])
    out += [[(" " * indent, ""), (chunk, "")] for chunk in _wrap(rest, width - indent)]
    return out


def _uses_table(review: ReviewResult, width: int) -> list[Line]:
    ids = [one_line(u.id) for u in review.uses]
    id_width = max(len("intended use"), *(len(i) for i in ids))
    fits = 2 + id_width + 2 + VERDICT_WIDTH + 2 + SCORE_WIDTH <= width
    lines: list[Line] = []
    if fits:
        header = f"  {'intended use':<{id_width}}  {'verdict':<{VERDICT_WIDTH}}  {'score':>{SCORE_WIDTH}}"
        lines.append([(header, "bold")])
    for shown, use in zip(ids, review.uses, strict=True):
        verdict = (use.verdict.value.ljust(VERDICT_WIDTH), STYLE[use.verdict])
        score = (f"  {_score(use.score):>{SCORE_WIDTH}}", "")
        if fits:
            lines.append([(f"  {shown:<{id_width}}  ", ""), verdict, score])
        else:  # an id too long to share a line: the verdict goes under it
            lines.append([(f"  {shown}", "")])
            lines.append([("    ", ""), verdict, score])
    return lines


def _notes(use: UseResult, width: int) -> list[Line]:
    """What decides the use, first: red lines and refused criteria, or the conditions, or why it is incomplete."""
    where = f"[{one_line(use.id)}] "
    lines: list[Line] = []
    for red in use.red_lines:
        label: Line = [("  red line ", "red"), (where, "")]
        lines += _wrapped(label, f"{red.id} ({red.basis}): {red.message}", width, 6)
    for refusal in use.refusals:
        if refusal.kind == "criterion":
            lines += _wrapped([("  refused ", "red"), (where, "")], refusal.reason, width, 6)
    verdict = use.verdict
    if verdict is Verdict.APPROVABLE_WITH_CONDITIONS:
        for cond in use.conditions:
            done = " (addressed)" if cond.addressed else ""
            lines += _wrapped([("  condition ", "cyan"), (where, "")], cond.reason + done, width, 6)
    elif verdict is Verdict.INCOMPLETE:
        for reason in use.reasons:
            lines += _wrapped([("  why ", "yellow"), (where, "")], reason, width, 6)
    elif use.gaps and verdict.severity > Verdict.INCOMPLETE.severity:
        note = f"{', '.join(use.gaps)} (answering them cannot undo the refusal)"
        lines += _wrapped([("  also missing ", "yellow"), (where, "")], note, width, 6)
    if use.conditions and verdict.severity > Verdict.APPROVABLE_WITH_CONDITIONS.severity:
        above = wording.count(len(use.conditions), "criterion", "criteria")
        note = f"also has {above} one level above what this context allows (see --format json)"
        lines += _wrapped([("  ", ""), (where, "dim")], note, width, 6)
    return lines


def _file(record: ScoredFile, width: int) -> list[Line]:
    lines: list[Line] = [[(one_line(record.file), "bold")]]
    review = record.review
    if review is None:
        errors = sum(1 for d in record.diagnostics if d.severity.value == "error")
        status = f"invalid: {errors} error(s), listed on stderr" if errors else "not scored: no usable checklist"
        if record.system:
            lines += _wrapped([("  system: ", "")], record.system, width, 4)
        if record.classification:
            lines += _wrapped([("  classification: ", "")], record.classification, width, 4)
        lines.append([("  ", ""), (status, "red")])
        return lines
    lines += _wrapped([("  system: ", "")], f"{review.system} {review.system_version}".rstrip(), width, 4)
    lines += _wrapped([("  classification: ", "")], review.classification, width, 4)
    overall: Line = [("  overall: ", ""), (review.verdict.value, STYLE[review.verdict]), (" ", "")]
    lines += _wrapped(overall, f"{_score(review.score)}, decided by {review.deciding_use}", width, 4)
    lines += _uses_table(review, width)
    for use in review.uses:
        lines += _notes(use, width)
    return lines


def _plain(lines: list[Line]) -> str:
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)


def _coloured(lines: list[Line], width: int) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=max(width, 20), highlight=False, soft_wrap=True)
    for line in lines:
        text = Text()
        for piece, style in line:
            text.append(piece, style=style or None)
        text.rstrip()
        console.print(text, soft_wrap=True)
    return buffer.getvalue()


class TextFormat:
    """Plain text, or coloured when the CLI says the terminal wants it; never wider than ``options.width``."""

    def render(self, report: ScoreReport, options: RenderOptions) -> str:
        return "".join(self.chunks(report.files, report.summary.files, options))

    def chunks(self, records: Iterable[ScoredFile], count: int, options: RenderOptions) -> Iterator[str]:
        """The header, then each file's section as its record comes."""
        width = max(40, options.width)
        show = (lambda lines: _coloured(lines, width)) if options.color else _plain
        yield show([[(f"art36 review summary: {count} file{'s' if count != 1 else ''}", "bold")]])
        for record in records:
            yield show([[], *_file(record, width)])
