"""Initials of given names."""

import pytest

from diprefs.names.initials import initials, is_initials
from diprefs.names.parse import parse_name
from diprefs.styles import persons


@pytest.mark.parametrize(
    ("given", "lang", "expected"),
    [
        ("Иван Иванович", "", "И. И."),
        ("Джон", "", "Дж."),  # Russian convention for дж
        ("Джамшид Шавкатович", "uz", "Дж. Ш."),
        ("Шавкат", "uz", "Ш."),  # Uzbek Cyrillic letters are single
        ("Shavkat", "uz", "Sh."),
        ("Chori", "uz-Latn", "Ch."),
        ("Shavkat", "", "S."),  # sh and ch only when the name is known to be Uzbek
        ("Charles", "en", "C."),
        ("Charles", "", "C."),
        ("Gʻayrat", "", "Gʻ."),  # oʻ and gʻ always, apostrophe normalised to U+02BB
        ("G'ayrat", "en", "Gʻ."),
        ("G`ayrat", "", "Gʻ."),
        ("G‘ayrat", "", "Gʻ."),
        ("G’ayrat", "", "Gʻ."),
        ("Gʼayrat", "", "Gʻ."),
        ("Oʻtkir", "", "Oʻ."),
        ("oʻtkir", "", "Oʻ."),
        ("Jean-Paul", "", "J.-P."),
        ("Jean - Paul", "", "J.-P."),
        ("Mary Ann", "", "M. A."),
        ("F. S.", "", "F. S."),  # already initials: only re-spaced
        ("F.S.", "", "F. S."),
        ("F S", "", "F. S."),
        ("Sh.D.", "", "Sh. D."),  # never re-initialised, whatever the language
        ("Sh.D.", "en", "Sh. D."),
        ("sh. d.", "", "Sh. D."),
        ("J.-P.", "", "J.-P."),
        ("G'.", "", "Gʻ."),
        ("Ye.", "", "Ye."),  # printed romanised initials
        ("Yes.", "", "Yes."),
        ("Ivan I.", "", "I. I."),
        ("(Ivan)", "", "I."),  # leading non-letters are skipped
        ("", "", ""),
        ("  ", "", ""),
        ("- .", "", ""),
    ],
)
def test_initials(given: str, lang: str, expected: str) -> None:
    assert initials(given, lang) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("F. S.", True),
        ("F.S.", True),
        ("F S", True),
        ("Sh.D.", True),
        ("J.-P.", True),
        ("Gʻ.", True),
        ("Ye.", True),
        ("Yes.", True),  # up to three letters with a dot
        ("И. И.", True),
        ("Ivan", False),
        ("Li", False),  # two letters without a dot are a name
        ("Ivan I.", False),
        ("Jean-P.", False),
        ("Abcd.", False),  # four letters are an abbreviation, not an initial
        ("", False),
    ],
)
def test_is_initials(given: str, expected: bool) -> None:
    assert is_initials(given) is expected


@pytest.mark.parametrize("word", ["ugli", "o'gli", "oʻgʻli", "qizi", "қизи", "кызы"])
def test_an_uzbek_patronymic_word_is_split_off_and_never_an_initial(word):
    name = parse_name(f"Karimov, Aziz Botir {word}")
    assert name.patronymic == f"Botir {word}"
    assert persons.inverted(name, "uz-Latn") == "Karimov, A. B."
