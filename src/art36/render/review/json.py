"""The score report as JSON: the typed envelope (version, tool, summary, files), one review per valid file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from art36.textsafe import encodable, json_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from art36.models.score_report import Rendered, ScoredFile, ScoreReport
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
        return "".join(self.chunks(report.files, report.summary.files, options))

    def chunks(self, records: Iterable[ScoredFile], count: int, options: RenderOptions) -> Iterator[str]:
        """The envelope written a file at a time: its head, each file's record as it comes, then the summary
        (counted on the way, so it follows the files). Memory holds one record, whatever the batch size."""
        from art36.models.diagnostic import FileReport
        from art36.models.score_report import rendered

        return self.rendered_chunks(rendered(FileReport(file=r.file), r, record_json(r)) for r in records)

    def rendered_chunks(self, items: Iterable[Rendered]) -> Iterator[str]:
        """Like :meth:`chunks`, for records already written out by :func:`record_json` (in the workers)."""
        from art36 import __version__
        from art36.models.score_report import ScoreReport

        head = ScoreReport.build((), __version__).model_dump(mode="json", exclude={"files", "summary"})
        yield "{\n" + "".join(f"  {_dumps(k, 0)}: {_dumps(v, 2)},\n" for k, v in head.items()) + '  "files": ['
        tally = _Tally()
        for i, item in enumerate(items):
            tally.add(item)
            yield ("\n    " if i == 0 else ",\n    ") + item.text
        yield ("\n  ]" if tally.files else "]") + ',\n  "summary": ' + _dumps(tally.summary(), 2) + "\n}\n"


def _may_differ(data: bytes) -> bool:
    """Whether pydantic's JSON ``data`` may write a number differently from ``json.dumps``: a float below 1e-4,
    written ``0.00001`` (not ``1e-05``) or ``2.5e-7`` (not ``2.5e-07``). Any match, even inside a string, takes
    the reference path. (Non-finite numbers cannot occur: every model refuses them, ``allow_inf_nan=False``.)"""
    if b"0.0000" in data:
        return True
    at = data.find(b"e-")
    while at >= 0:  # an exponent of one digit: json.dumps writes two
        if data[at - 1 : at].isdigit() and data[at + 2 : at + 3].isdigit() and not data[at + 3 : at + 4].isdigit():
            return True
        at = data.find(b"e-", at + 2)
    return False


#: What :func:`art36.textsafe.json_text` escapes beyond DEL, as UTF-8: a lead and the bytes that may follow it
#: (C1 controls U+0080-009F; U+061C; U+200E-200F and U+2028-202E; U+2066-2069).
_ESCAPED_UTF8 = (
    (b"\xc2", frozenset(range(0x80, 0xA0))),
    (b"\xd8", frozenset({0x9C})),
    (b"\xe2\x80", frozenset({0x8E, 0x8F, *range(0xA8, 0xAF)})),
    (b"\xe2\x81", frozenset(range(0xA6, 0xAA))),
)


def _needs_escapes(data: bytes) -> bool:
    """Whether UTF-8 JSON ``data`` holds a character :func:`~art36.textsafe.json_text` escapes (False: the text
    can be used as it is). A byte search, much faster than the regular expression on non-ASCII text."""
    if b"\x7f" in data:
        return True
    if data.isascii():
        return False
    for lead, follows in _ESCAPED_UTF8:
        at = data.find(lead)
        while at >= 0:
            if data[at + len(lead)] in follows:
                return True
            at = data.find(lead, at + 1)
    return False


def record_json(record: ScoredFile) -> str:
    """One file's record, indented to sit in the ``files`` list: byte for byte what :func:`_dumps` writes for
    ``record.model_dump(mode="json")``, but serialised by pydantic's compiled encoder (``json.dumps`` with an
    indent runs in pure Python, the larger part of `score -f json`'s time). Lone surrogates (undecodable file
    names) and very small numbers take the reference path."""
    try:
        data = record.__pydantic_serializer__.to_json(record, indent=2)  # what model_dump_json decodes
    except ValueError:  # pydantic refuses lone surrogates: the reference path writes them as \xNN
        return _dumps(record.model_dump(mode="json"), 4)
    if _may_differ(data):
        return _dumps(record.model_dump(mode="json"), 4)
    text = data.replace(b"\n", b"\n    ").decode("utf-8")
    return json_text(text) if _needs_escapes(data) else text


def _dumps(value: Any, indent: int) -> str:
    """``value`` as JSON, pretty-printed and re-indented to sit ``indent`` spaces deep (strict: no NaN)."""
    text = json_text(json.dumps(_writable(value), indent=2, ensure_ascii=False, allow_nan=False))
    return text.replace("\n", "\n" + " " * indent) if indent else text


class _Tally:
    """The summary counts, kept while the records go by."""

    def __init__(self) -> None:
        from art36.models.common import Verdict

        self.files = self.errors = self.warnings = 0
        self.verdicts = {v.value: 0 for v in sorted(Verdict, key=lambda v: -v.severity)}

    def add(self, item: Rendered) -> None:
        self.files += 1
        self.errors += item.errors
        self.warnings += item.warnings
        if item.verdict is not None:
            self.verdicts[item.verdict.value] += 1

    def summary(self) -> dict[str, Any]:
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings, "verdicts": self.verdicts}
