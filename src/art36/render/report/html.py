"""The review report as one self-contained HTML file (inline CSS and SVG, no scripts, no URLs), via jinja2."""

from __future__ import annotations

import functools
import re

import jinja2

from art36.i18n import t
from art36.render.report.chart import chart
from art36.render.report.view import ReportView

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def css_string(value: object) -> str:
    """``value`` as the inside of a CSS double-quoted string: everything but ASCII letters and digits hex-escaped.

    Six hex digits each, spaces included, so that no escape swallows the space after it.
    """
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))
    return "".join(c if c.isalnum() and c.isascii() else f"\\{ord(c):06x}" for c in text)


def _visible(value: object) -> str:
    """Control characters (terminal escapes) shown as ``\\xNN`` text; autoescaping then does the rest."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("art36.render.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    env.filters["v"] = _visible
    env.globals["t"] = t
    env.globals["chart"] = chart
    return env


def render(view: ReportView) -> str:
    return render_many([view])


def render_many(views: list[ReportView]) -> str:
    """One HTML document holding each report in turn; each prints with its own marking, verdict and system name."""
    if not views:
        raise ValueError("no reports to render")
    return _environment().get_template("report.html.j2").render(views=views, lang=views[0].lang)
