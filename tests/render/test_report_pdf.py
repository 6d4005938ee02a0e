"""The HTML report printed to PDF by headless Chromium: the verdict, the chart and the marking on every page.

Needs Debian's ``chromium`` and ``poppler-utils`` (pdftotext); `.ci/run` installs them when missing. Without them the
tests fail (they are part of the contract), unless ART36_ALLOW_NO_CHROMIUM=1 is set for a machine that cannot have them.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from report_cases import rendered

from tests_paths import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)

if not (CHROMIUM and PDFTOTEXT):
    if os.environ.get("ART36_ALLOW_NO_CHROMIUM") == "1":
        pytest.skip("chromium/pdftotext not installed (ART36_ALLOW_NO_CHROMIUM=1)", allow_module_level=True)
    raise RuntimeError("the PDF tests need `chromium` and `pdftotext` (apt-get install chromium poppler-utils)")


def print_pdf(html: str, tmp_path: Path) -> Path:
    source = tmp_path / "report.html"
    source.write_text(html, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", source.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert pdf.stat().st_size > 1000
    return pdf


def pages(pdf: Path) -> list[str]:
    assert PDFTOTEXT is not None
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [p for p in text.split("\f") if p.strip()]


def _html_of(path: Path, tmp_path: Path) -> str:
    from art36.cli.app import main

    out = tmp_path / "out.html"
    assert main(["report", str(path), "-f", "html", "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_mini_report_prints_with_verdicts_chart_and_marking_on_every_page(tmp_path: Path) -> None:
    found = pages(print_pdf(rendered("html"), tmp_path))
    assert len(found) >= 3
    for number, page in enumerate(found, start=1):
        assert page.count("RESTRICTED // test marking") >= 2, f"page {number} lacks the marking in header and footer"
        assert re.search(rf"Page {number} / {len(found)}", page), f"page {number} has no page number"
        assert "Verdict: not approvable" in page, f"page {number} lacks the overall verdict in its footer"
    text = "\n".join(found)
    assert "Overall verdict: not approvable" in text
    for use in ("sea-defence", "town-patrol", "harbour-trial"):
        assert f"Chart: {use}" in text
    assert "required by this context" in text


def test_a_long_report_keeps_the_marking_on_every_page(tmp_path: Path) -> None:
    found = pages(print_pdf(_html_of(ROOT / "examples" / "counter-drone-turret.yaml", tmp_path), tmp_path))
    assert len(found) > 20
    marking = "UNCLASSIFIED // illustrative example"
    missing = [
        i for i, page in enumerate(found, start=1) if page.count(marking) < 2 or "Verdict: not approvable" not in page
    ]
    assert missing == []
    text = "\n".join(found)
    assert "not approvable" in text  # the city-centre use is refused (issue 7), so the file is
    assert "Chart: desert-base" in text and "Chart: city-centre-event" in text


def test_score_html_prints_each_report_with_its_own_marking_and_verdict(tmp_path: Path) -> None:
    from report_cases import FIXTURE

    from art36.cli.app import main

    out = tmp_path / "score.html"
    assert main(["score", str(FIXTURE), str(ROOT / "examples" / "goalkeeper.yaml"), "-f", "html", "-o", str(out)]) == 0
    found = pages(print_pdf(out.read_text(encoding="utf-8"), tmp_path))
    owners = []
    for number, page in enumerate(found, start=1):
        restricted = page.count("RESTRICTED // test marking") >= 2 and "Verdict: not approvable" in page
        unclassified = page.count("UNCLASSIFIED // illustrative example") >= 2 and "Verdict: approvable" in page
        assert restricted != unclassified, f"page {number} must carry exactly one report's marking and verdict"
        owners.append("mini" if restricted else "goalkeeper")
    changes = sum(a != b for a, b in itertools.pairwise(owners))
    assert changes == 1 and set(owners) == {"mini", "goalkeeper"}  # each report on its own run of pages


def test_several_reports_in_one_file_number_their_own_pages(tmp_path: Path) -> None:
    """Chromium keeps one page counter per named page: each report counts from 1, the header names the report."""
    from report_cases import FIXTURE

    from art36.cli.app import main

    out = tmp_path / "score.html"
    assert main(["score", str(FIXTURE), str(ROOT / "examples" / "goalkeeper.yaml"), "-f", "html", "-o", str(out)]) == 0
    found = pages(print_pdf(out.read_text(encoding="utf-8"), tmp_path))
    seen: list[tuple[int, int]] = []
    for number, page in enumerate(found, start=1):
        header = re.findall(r"Report (\d) of 2", page)
        footer = re.findall(rf"Page (\d+) \({number} / {len(found)}\)", page)
        assert len(header) == 1 and len(footer) == 1, f"page {number}: {header} {footer}"
        seen.append((int(header[0]), int(footer[0])))
    first = [own for report, own in seen if report == 1]
    second = [own for report, own in seen if report == 2]
    assert [report for report, _ in seen] == [1] * len(first) + [2] * len(second)
    assert first == list(range(1, len(first) + 1)) and second == list(range(1, len(second) + 1))
    assert len(first) > 1 and len(second) > 1
