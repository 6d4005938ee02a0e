"""`art36 init` (a system-file template) and `art36 show` (a checklist for people): nobody writes a file blind."""

from __future__ import annotations

import sys
from pathlib import Path

from art36 import echo, fileio
from art36.catalog import Catalog, LoadedChecklist, builtin_names
from art36.cli.exits import Exit
from art36.cli.output import write
from art36.i18n import Translator

DEFAULT_CHECKLISTS = ("mhc", "art36-core")


def _resolve(refs: tuple[str, ...]) -> list[LoadedChecklist] | str:
    catalog = Catalog()
    found: list[LoadedChecklist] = []
    for ref in refs:
        resolved = catalog.resolve(ref)
        if not isinstance(resolved, LoadedChecklist):
            detail = echo.elsewhere(resolved)  # another file's problems: by code and position only
            return f"checklist {echo.path(ref)} cannot be used" + (
                f": {detail}" if detail else f" (built in: {', '.join(builtin_names())})"
            )
        found.append(resolved)
    return found


def _error(message: str) -> int:
    sys.stderr.write(f"art36: error: {message}\n")
    return Exit.USAGE


def init(checklists: tuple[str, ...], output: Path | None, force: bool) -> int:
    from art36.review.template import render

    refs = checklists or DEFAULT_CHECKLISTS
    try:  # never over a checklist it reads (by name, hard link or symbolic link), nor a device
        fileio.check_target(output, refs)
    except fileio.OutputError as exc:
        return _error(str(exc))
    found = _resolve(refs)
    if isinstance(found, str):
        return _error(found)
    text = render([c.checklist for c in found], refs)
    if output is None:
        write(text, None)
        return Exit.OK
    if output.is_dir():
        return _error(f"{output} is a directory")
    if output.exists() and not force:
        return _error(f"{output} already exists; use --force to overwrite it")
    try:
        fileio.write_atomic([text], output)
    except fileio.OutputError as exc:
        return _error(str(exc))
    sys.stderr.write(
        f"art36: wrote {output}: {sum(len(c.checklist.criteria) for c in found)} criteria, all 'unknown'. "
        f"Next: edit it, or run `art36 review {output}`.\n"
    )
    return Exit.OK


def show(ref: str, item: str | None, fmt: str, lang: str) -> int:
    import shutil

    from art36.render.checklist import show as render

    found = _resolve((ref,))
    if isinstance(found, str):
        return _error(found)
    checklist = found[0].checklist
    if render.select(checklist, item) is None:
        return _error(f"no section or criterion {echo.key(item)} in checklist {echo.key(checklist.id)}")
    tr = Translator(lang)
    if fmt == "json":
        text = render.render_json(checklist, item, tr)
    elif fmt == "md":
        text = render.render_md(checklist, item, tr)
    else:
        width = max(40, min(100, shutil.get_terminal_size((80, 24)).columns))
        text = render.render_text(checklist, item, tr, width)
    write(text, None)
    return Exit.OK
