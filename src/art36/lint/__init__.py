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
    from art36.lint import checks
    from art36.lint.context import LintContext
    from art36.models.checklist import Checklist
    from art36.rules import selected

    def wanted(code: str) -> bool:
        return selected(code, select, ignore)

    loaded = load.load(text, display, Checklist)
    if loaded.model is None and loaded.doc is not None:
        from art36 import doctype

        other = doctype.looks_like(loaded.doc.data, "checklist")
        if other is not None:  # one clear error, not one "unknown key" per system-file key
            loaded.diagnostics[:] = [doctype.wrong_document(display, other, "checklist")]
    found: list[Diagnostic] = [d for d in loaded.diagnostics if wanted(d.code)]
    if loaded.model is not None:
        found.extend(checks.run(LintContext(loaded.model, loaded), wanted, run_tests=run_tests))
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
