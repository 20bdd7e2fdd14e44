"""The template language and StyledText: the group rule and punctuation that never doubles."""

from __future__ import annotations

from diprefs.model import Work
from diprefs.styles import text as st
from diprefs.styles.base import get_style
from diprefs.styles.render import plain_text
from diprefs.styles.template import Ctx, Field, FirstOf, Italic, Seq, Term, Text, When


def ctx(**fields) -> Ctx:
    return Ctx(Work(key="k", **fields), "ru", {"page": "С."}, "ru", {}, {})


def render(part, **fields) -> str:
    return plain_text(part.render(ctx(**fields)))


def test_a_group_without_data_vanishes_with_its_literals():
    pages = Seq(Term("page"), Field("page"), delim=" ")
    volume = Seq(Text("Т."), Field("volume"), delim=" ")
    both = Seq(volume, pages, delim=", ", prefix="(", suffix=")")
    assert render(both) == ""
    assert render(both, page="5–7") == "(С. 5–7)"
    assert render(both, volume="2", page="5") == "(Т. 2, С. 5)"


def test_first_of_italic_and_when():
    part = FirstOf(Field("publisher"), Italic(Field("institution")))
    out = part.render(ctx(institution="Univ"))
    assert out == (("Univ", True),)
    assert render(When(lambda c: False, Field("title")), title="x") == ""


def test_separators_never_double_a_full_stop_comma_or_space():
    pieces = [st.plain("в XIII–XIV вв."), st.plain("Москва")]
    assert plain_text(st.join(pieces, ". — ")) == "в XIII–XIV вв. — Москва"
    assert plain_text(st.join([st.plain("Why?"), st.plain("Next")], ". ")) == "Why? Next"
    assert plain_text(st.join([st.plain("a,"), st.plain("b")], ", ")) == "a, b"
    assert plain_text(st.wrap(st.plain("Ends."), suffix=".")) == "Ends."


def test_values_are_cleaned():
    assert st.clean(" a \n\t b\u200f\x07 ") == "a b"


def test_heading_of_a_name_without_initials_takes_a_full_stop():
    work = Work(key="k", type="book", title="Политика", language="ru")
    from diprefs.model import Contributor, Name

    work = Work(
        key="k",
        type="book",
        title="Политика",
        language="ru",
        contributors=(Contributor(Name(family="Аристотель")),),
        dates={"issued": "2010"},
    )
    style = get_style("gost")
    out = plain_text(style.render(style.context(work, "ru", {})))
    assert out == "Аристотель. Политика / Аристотель. — 2010. — Текст : непосредственный."


def test_a_third_style_is_one_module():
    from diprefs.styles.base import STYLES

    for name in STYLES:
        style = get_style(name)
        assert style.name == name
        assert set(style.templates) >= {"book", "article", "webpage", "fallback"}
