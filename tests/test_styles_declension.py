"""Russian genitive for "под редакцией …" (styles.md §4)."""

from __future__ import annotations

import pytest

from diprefs.formats.bibtex import read_bibtex
from diprefs.model import Name
from diprefs.services.bibliography import format_works
from diprefs.styles.declension import genitive, guess_gender, nominative
from diprefs.styles.persons import direct
from diprefs.styles.render import plain_text


@pytest.mark.parametrize(
    ("family", "gender", "expected"),
    [
        ("Жураев", "", "Жураева"),
        ("Лебедев", "m", "Лебедева"),
        ("Петрова", "", "Петровой"),
        ("Ильина", "f", "Ильиной"),
        ("Достоевский", "", "Достоевского"),
        ("Толстая", "", "Толстой"),
        ("Толстой", "m", "Толстого"),
        ("Смит", "m", "Смита"),
        ("Смит", "f", "Смит"),
        ("Смит", "", "Смит"),  # unknown gender: left as written, not guessed
        ("Гайдай", "m", "Гайдая"),
        ("Гоголь", "m", "Гоголя"),
        ("Глинка", "m", "Глинки"),
        ("Шевченко", "m", "Шевченко"),
        ("Черных", "f", "Черных"),
        ("Петров-Водкин", "m", "Петрова-Водкина"),
        ("Мўминов", "", "Мўминова"),
        ("Smith", "m", "Smith"),
        # already genitive, as files made for biblatex-gost write editors ("М. С. Козловой")
        ("Козловой", "", "Козловой"),
        ("Зенкиной", "", "Зенкиной"),
        ("Достоевского", "", "Достоевского"),
        ("Луговой", "m", "Лугового"),  # with the gender on record, a nominative -овой declines
        ("Трубецкой", "", "Трубецкого"),
    ],
)
def test_genitive(family, gender, expected):
    assert genitive(family, gender) == expected


def test_gender_guess():
    assert guess_gender("Смирнова") == "f"
    assert guess_gender("Жураев") == "m"
    assert guess_gender("Ким") == ""


def test_stored_genitive_wins():
    name = Name(family="Жураев", given="Фарход", genitive="Ф. С. Жўраева")
    assert direct(name, "ru", "m", "gen") == "Ф. С. Жўраева"
    assert direct(Name(family="Жураев", given="Фарход"), "ru", "", "gen") == "Ф. Жураева"


def test_scholar_gender_drives_the_phrase():
    work = read_bibtex(
        "@book{t, author={Иванов, И.}, translator={Смит, Анна}, title={Книга},"
        " origlanguage={english}, date={2020}, langid={russian}}"
    ).works[0]
    translator = work.contributors[1].name
    female = plain_text(format_works([work], "gost", genders={translator: "f"})[0])
    male = plain_text(format_works([work], "gost", genders={translator: "m"})[0])
    assert "перевод с английского А. Смит." in female
    assert "перевод с английского А. Смита." in male


@pytest.mark.parametrize(
    ("family", "gender", "expected"),
    [
        ("Козловой", "", "Козлова"),
        ("Козловой", "f", "Козлова"),
        ("Козловой", "m", "Козловой"),  # a man's nominative -овой: as written
        ("Зенкиной", "", "Зенкина"),
        ("Соловьёвой", "", "Соловьёва"),
        ("Достоевского", "", "Достоевский"),
        ("Достоевского", "f", "Достоевского"),
        ("Вяземского", "", "Вяземский"),
        ("Петровой-Водкиной", "", "Петрова-Водкина"),
        ("КОЗЛОВОЙ", "", "КОЗЛОВА"),
        ("Козлова", "", "Козлова"),  # nominative already
        ("Жураев", "", "Жураев"),
        ("Трубецкой", "", "Трубецкой"),  # -ской is a nominative too (Трубецкой, Шаховской)
        ("Kozlovoy", "", "Kozlovoy"),  # Latin letters: as written
    ],
)
def test_nominative_of_a_surname_written_in_the_genitive(family, gender, expected):
    assert nominative(family, gender) == expected


def test_apa_prints_an_editor_written_in_the_genitive_in_the_nominative():
    work = read_bibtex(
        "@book{t, author={Козловой, М. С.}, editor={Козловой, М. С. and Достоевского, Ф. М.},"
        " translator={Луговой, А. А.}, title={Книга}, date={2020}, langid={russian}}"
    ).works[0]
    editor = work.contributors[1].name
    apa = plain_text(format_works([work], "apa")[0])
    # The author is never taken for a genitive: authors are written in the nominative.
    assert apa.startswith(
        "Kozlovoy, M. S. (2020). Kniga (M. S. Kozlova & F. M. Dostoyevskiy, Eds.;"
    )
    assert "A. A. Lugova, Trans.)" in apa
    male = plain_text(format_works([work], "apa", genders={work.contributors[3].name: "m"})[0])
    assert "A. A. Lugovoy, Trans.)" in male
    english = plain_text(format_works([work], "references-en", genders={editor: "f"})[0])
    assert "Ed. by M. S. Kozlova, F. M. Dostoyevskiy" in english
