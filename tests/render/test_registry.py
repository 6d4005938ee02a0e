"""A registered format is made only when chosen; an unknown name is a ValueError that lists the choices."""

from __future__ import annotations

import pytest

from art36.render.registry import FormatSpec, chosen


class Upper:
    def render(self, text: str) -> str:
        return text.upper()


def test_a_chosen_format_is_made_from_its_module_and_class() -> None:
    formats = {"upper": FormatSpec("upper", "upper case", __name__, "Upper")}
    made = chosen(formats, "upper", "test format")
    assert isinstance(made, Upper) and made.render("a") == "A"
    assert made is not chosen(formats, "upper", "test format")  # a fresh object each time


def test_an_unknown_format_names_the_kind_and_the_choices_and_imports_nothing() -> None:
    formats = {"upper": FormatSpec("upper", "", "art36.no_such_module", "X"), "lower": FormatSpec("lower", "", "", "")}
    with pytest.raises(ValueError, match=r"^unknown test format 'shout'; choose one of upper, lower$"):
        chosen(formats, "shout", "test format")
    with pytest.raises(ModuleNotFoundError):
        chosen(formats, "upper", "test format")  # the module is imported only now, when chosen
