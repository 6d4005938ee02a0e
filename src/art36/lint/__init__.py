"""Lint checklist files: load diagnostics, semantic rules and the checklist's own test cases, as one report."""

from __future__ import annotations

from pathlib import Path

from art36.models.diagnostic import Diagnostic, FileReport

__all__ = ["lint_file", "lint_text"]


def lint_text(
    text: str,
    display: str,
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    run_tests: bool = True,
) -> FileReport:
    """Every problem in one checklist document, filtered by ``select``/``ignore`` code prefixes. Never raises."""
    # Imported here so that importing art36.lint (which registering the rules does) stays cheap.
    from art36 import load
    from art36.lint import rules
    from art36.lint.context import LintContext
    from art36.models.checklist import Checklist
    from art36.rules import selected

    def wanted(code: str) -> bool:
        return selected(code, select, ignore)

    loaded = load.load(text, display, Checklist)
    problems = loaded.diagnostics
    if loaded.model is None and loaded.doc is not None:
        from art36 import doctype
        from art36.models.rule import run

        wrong = run(doctype.DOCUMENT_RULES, doctype.Expected(display, loaded.doc.data, "checklist"))
        problems = tuple(wrong) or problems  # one clear error, not one "unknown key" per system-file key
    found: list[Diagnostic] = [d for d in problems if wanted(d.code)]
    if loaded.model is not None:
        found.extend(rules.run(LintContext(loaded.model, loaded), wanted, run_tests=run_tests))
    return FileReport(file=display, diagnostics=tuple(sorted(found, key=Diagnostic.sort_key)), kind="checklist")


def lint_file(
    path: Path,
    display: str,
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    run_tests: bool = True,
) -> FileReport:
    """Read ``path`` (shown as ``display``) and lint it; an unreadable file gives a one-diagnostic report."""
    from art36 import load
    from art36.rules import selected

    text, problem = load.read_text(path, display)
    if text is None:
        shown = (problem,) if problem is not None and selected(problem.code, select, ignore) else ()
        return FileReport(file=display, diagnostics=shown, kind="checklist")
    return lint_text(text, display, select=select, ignore=ignore, run_tests=run_tests)
