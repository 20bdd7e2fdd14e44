"""APA rules that golden rows cannot show compactly: 21+ authors, dates, transliteration setting."""

from __future__ import annotations

from diprefs.model import Contributor, Name, Work
from diprefs.services.bibliography import format_works
from diprefs.styles.render import plain_text


def _authors(n: int) -> tuple[Contributor, ...]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return tuple(
        Contributor(Name(family=f"Author{letters[i]}", given=letters[i])) for i in range(n)
    )


def test_twenty_one_authors_first_nineteen_ellipsis_last():
    work = Work(
        key="k",
        type="book",
        language="en",
        title="Big science",
        publisher="P",
        dates={"issued": "2020"},
        contributors=_authors(22),
    )
    out = plain_text(format_works([work], "apa")[0])
    first = ", ".join(f"Author{c}, {c}." for c in "ABCDEFGHIJKLMNOPQRS")
    assert out == f"{first}, . . . AuthorV, V. (2020). Big science. P."


def test_twenty_authors_are_all_listed():
    work = Work(
        key="k",
        type="book",
        language="en",
        title="T",
        publisher="P",
        dates={"issued": "2020"},
        contributors=_authors(20),
    )
    out = plain_text(format_works([work], "apa")[0])
    assert out.startswith("AuthorA, A., AuthorB, B.,") and ", & AuthorT, T. (2020)." in out


def test_dates_in_press_and_ranges():
    work = Work(
        key="k",
        type="book",
        language="en",
        title="T",
        publisher="P",
        dates={"issued": "in press"},
        contributors=_authors(1),
    )
    assert "(in press)" in plain_text(format_works([work], "apa")[0])


def test_transliteration_is_a_setting():
    work = Work(
        key="k",
        type="book",
        language="ru",
        title="Жизнь",
        publisher="Наука",
        dates={"issued": "2020"},
        contributors=(Contributor(Name(family="Щукин", given="Юрий")),),
    )
    bgn = plain_text(format_works([work], "apa")[0])
    lc = plain_text(format_works([work], "apa", settings={"transliteration": "ala-lc"})[0])
    assert bgn == "Shchukin, Yu. (2020). Zhizn’. Nauka."
    assert lc == "Shchukin, Iu. (2020). Zhiznʹ. Nauka."
