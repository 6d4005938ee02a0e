"""A checklist's declared scoring model in words a lawyer can follow (no formulas, every constant named)."""

from __future__ import annotations

from art36.i18n import Translator, t
from art36.models.checklist import Checklist
from art36.models.common import RiskLevel


def _n(x: float) -> str:
    return f"{x:g}"


def model_in_words(checklist: Checklist, lang: str = "en") -> str:
    """One paragraph: how a criterion earns index points, how sections and checklists combine, and the bands."""
    m = checklist.scoring
    j = checklist.judgement
    text = Translator(lang).text
    points = ", ".join(f"{t('risk.' + level.value, lang)} {_n(m.risk_points[level])}" for level in RiskLevel)
    bands = "; ".join(
        t("report.model_band", lang).format(min=_n(b.min), max=_n(b.max), id=b.id, label=text(b.label))
        for b in sorted(m.bands, key=lambda b: -b.min)
    )
    return t("report.model_words", lang).format(
        id=checklist.id,
        version=checklist.version,
        title=text(checklist.title),
        model=m.model,
        points=points,
        unknown=_n(m.unknown_points),
        bands=bands,
        levels=j.refuse_levels_above,
        refuse_at=t("risk." + j.refuse_at.value, lang),
    )
