"""Geometry of the per-use SVG chart: each section's score as a bar, what the context requires as a tick."""

from __future__ import annotations

from dataclasses import dataclass

from art36.render.report.view import UseView

LABEL_W = 230
BAR_W = 330
ROW_H = 20
TOP = 34
WIDTH = LABEL_W + BAR_W + 110


@dataclass(frozen=True)
class Row:
    y: int
    label: str
    score: str
    bar: float  # width in px; 0 when the section has no score
    required_x: float | None
    below: bool
    conditional: int
    refused: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_w: int
    bar_w: int
    rows: tuple[Row, ...]
    ticks: tuple[tuple[float, str], ...]


def _x(value: float) -> float:
    return round(LABEL_W + BAR_W * max(0.0, min(100.0, value)) / 100, 1)


def chart(use: UseView) -> Chart:
    rows = []
    for i, s in enumerate(use.sections):
        label = s.title if len(s.title) <= 34 else s.title[:33] + "…"
        below = s.score_value is not None and s.required_value is not None and s.score_value < s.required_value
        rows.append(
            Row(
                y=TOP + i * ROW_H,
                label=f"{label}",
                score=s.score,
                bar=0.0 if s.score_value is None else round(_x(s.score_value) - LABEL_W, 1),
                required_x=None if s.required_value is None else _x(s.required_value),
                below=below,
                conditional=s.conditional,
                refused=s.refused,
            )
        )
    ticks = tuple((_x(v), str(v)) for v in (0, 25, 50, 75, 100))
    return Chart(
        width=WIDTH, height=TOP + len(rows) * ROW_H + 34, label_w=LABEL_W, bar_w=BAR_W, rows=tuple(rows), ticks=ticks
    )
