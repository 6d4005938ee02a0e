"""Check that every human-readable text exists in each declared language (L014) and only those (L015)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from art36.lint.context import LintContext, Loc
from art36.models.common import LocalizedText
from art36.models.diagnostic import Diagnostic, Severity
from art36.models.rule import Rule

#: Test cases are for the checklist's maintainers and never reach a report, so they need no translation.
_UNTRANSLATED_FIELDS = {"tests"}


_E, _W = Severity.ERROR, Severity.WARNING


def texts(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[str | dict[str, str], Loc]]:
    """Every localised text written in the document (defaults left out), with its path."""
    for name, info in type(model).model_fields.items():
        if name not in model.model_fields_set or (not loc and name in _UNTRANSLATED_FIELDS):
            continue
        value = getattr(model, name)
        key = info.alias or name
        if info.annotation == LocalizedText:
            if value:
                yield value, (*loc, key)
        elif isinstance(value, BaseModel):
            yield from texts(value, (*loc, key))
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from texts(item, (*loc, key, index))


def missing_translations(ctx: LintContext) -> Iterator[Diagnostic]:
    declared = ctx.checklist.languages
    for text, loc in texts(ctx.checklist):
        if isinstance(text, str):
            if len(declared) > 1:
                where = ctx.at(loc)
                yield MISSING_TRANSLATION.at(
                    where,
                    f"{where.yaml_path} is plain text, not translated into {', '.join(declared)}",
                    hint=f"write it as a map: {{{', '.join(f'{lang}: ...' for lang in declared)}}}",
                )
            continue
        missing = [lang for lang in declared if not text.get(lang)]
        if missing:
            where = ctx.at(loc)
            yield MISSING_TRANSLATION.at(
                where, f"{where.yaml_path} has no {', '.join(missing)} text", hint=f"add {missing[0]}: ..."
            )


MISSING_TRANSLATION: Rule[LintContext] = Rule(
    "L014",
    "missing-translation",
    _W,
    "With several 'languages', a text is plain (untranslated) or its language map lacks one of them.",
    "checklist",
    explanation="Reports are rendered in any declared language; a missing translation falls back to "
    "English (or any language) mid-report. Write every text as a map with one entry per declared language.",
    bad="languages: [en, nl]\ntitle: {en: Example checklist}\n",
    good="languages: [en, nl]\ntitle: {en: Example checklist, nl: Voorbeeldchecklist}\n",
    check=missing_translations,
)


def undeclared_languages(ctx: LintContext) -> Iterator[Diagnostic]:
    declared = ctx.checklist.languages
    for text, loc in texts(ctx.checklist):
        if isinstance(text, str):
            continue
        for lang in text:
            if lang not in declared:
                yield UNDECLARED_LANGUAGE.at(
                    ctx.at((*loc, lang), key=True),
                    f"{ctx.at(loc).yaml_path} has a '{lang}' text, but 'languages' declares only {', '.join(declared)}",
                    hint=f"add {lang} to 'languages', or remove this entry",
                )


UNDECLARED_LANGUAGE: Rule[LintContext] = Rule(
    "L015",
    "undeclared-language",
    _W,
    "A language map has an entry for a language not listed in 'languages'.",
    "checklist",
    explanation="Declared languages are what the checklist promises to be complete in; an entry for another "
    "language is usually a typo (e.g. 'nl' vs 'nL') or a forgotten declaration.",
    bad="languages: [en]\ntitle: {en: Example checklist, nl: Voorbeeldchecklist}\n",
    good="languages: [en]\ntitle: {en: Example checklist}\n",
    check=undeclared_languages,
)
