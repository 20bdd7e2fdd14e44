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


def _book(**fields) -> Work:
    """An English book published by P in 2020, with ``fields`` in place of those defaults."""
    base = dict(key="k", type="book", language="en", publisher="P", dates={"issued": "2020"})
    return Work(**{**base, **fields})


def _apa(work: Work, settings: dict[str, str] | None = None) -> str:
    return plain_text(format_works([work], "apa", settings=settings)[0])


def test_twenty_one_authors_first_nineteen_ellipsis_last():
    out = _apa(_book(title="Big science", contributors=_authors(22)))
    first = ", ".join(f"Author{c}, {c}." for c in "ABCDEFGHIJKLMNOPQRS")
    assert out == f"{first}, . . . AuthorV, V. (2020). Big science. P."


def test_twenty_authors_are_all_listed():
    out = _apa(_book(title="T", contributors=_authors(20)))
    assert out.startswith("AuthorA, A., AuthorB, B.,") and ", & AuthorT, T. (2020)." in out


def test_dates_in_press_and_ranges():
    work = _book(title="T", dates={"issued": "in press"}, contributors=_authors(1))
    assert "(in press)" in _apa(work)


def test_transliteration_is_a_setting():
    work = _book(
        language="ru",
        title="Жизнь",
        publisher="Наука",
        contributors=(Contributor(Name(family="Щукин", given="Юрий")),),
    )
    bgn = _apa(work)
    lc = _apa(work, settings={"transliteration": "ala-lc"})
    assert bgn == "Shchukin, Yu. (2020). Zhizn’. Nauka."
    assert lc == "Shchukin, Iu. (2020). Zhiznʹ. Nauka."
