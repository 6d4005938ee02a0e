"""The score report as JSON: the typed envelope (version, tool, summary, files), one review per valid file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from art36.textsafe import encodable, json_text

if TYPE_CHECKING:
    from art36.models.score_report import ScoreReport
    from art36.render.review import RenderOptions


def _writable(value: Any) -> Any:
    """``value`` with every string writable as UTF-8 (undecodable file-name bytes shown as ``\\xNN``)."""
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {k: _writable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_writable(v) for v in value]
    return value


class JsonFormat:
    """Pretty-printed, UTF-8 (not \\u-escaped), keys in the models' order, one trailing newline.

    Read it back with :func:`art36.reviewfile.load_reviews`; its JSON Schema is `art36 schema score`.
    """

    def render(self, report: ScoreReport, options: RenderOptions) -> str:
        data = _writable(report.model_dump(mode="json"))
        return json_text(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)) + "\n"
