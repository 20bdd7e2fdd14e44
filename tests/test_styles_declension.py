"""Russian genitive for "под редакцией …" (styles.md §4)."""

from __future__ import annotations

import pytest

from diprefs.formats.bibtex import read_bibtex
from diprefs.model import Name
from diprefs.names.cases import nominative
from diprefs.services.bibliography import format_works
from diprefs.styles.declension import genitive, guess_gender
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
    english = plain_text(format_works([work], "references-en", genders={editor: "f"})[0])
    assert "Ed. by M. S. Kozlova, F. M. Dostoyevskiy" in english


def test_a_single_genitive_looking_name_with_a_gender_on_record_keeps_its_nominative():
    # One such name does not make a file one that writes genitives: Луговой may be a man's name.
    work = read_bibtex(
        "@book{t, author={Петров, П.}, translator={Луговой, А. А.}, title={Книга},"
        " date={2020}, langid={russian}}"
    ).works[0]
    translator = work.contributors[1].name
    assert (translator.family, translator.genitive) == ("Луговой", "")
    male = {translator: "m"}
    assert "A. A. Lugovoy, Trans.)" in plain_text(format_works([work], "apa", genders=male)[0])
    gost = plain_text(format_works([work], "gost", genders=male)[0])
    assert "перевод А. А. Лугового" in gost


#: A file made for biblatex-gost: every editor and translator in the genitive.
GENITIVE_FILE = """
@book{marcuse, author={Маркузе, Герберт}, title={Одномерный человек},
  translator={Юдина, А. А.}, location={М.}, publisher={АСТ}, date={2003}, langid={russian}}
@collection{analytic, title={Аналитическая философия}, editor={Грязнова, А. Ф.},
  translator={Борисовой, И. В. and Яковлева, А. А.}, location={М.}, publisher={Изд-во МГУ},
  date={1993}, langid={russian}}
@book{deleuze, author={Делёз, Жиль}, title={Различие и повторение},
  translator={Маньковского, Н. Б. and Брагинской, Н. В. and Черняка, А. З.}, location={СПб.},
  publisher={Петрополис}, date={1998}, langid={russian}}
"""


def test_a_file_that_writes_genitives_gets_nominatives_and_keeps_its_genitives():
    works = {w.key: w for w in read_bibtex(GENITIVE_FILE).works}
    names = {
        key: [
            (c.role, c.name.family, c.name.genitive) for c in w.contributors if c.role != "author"
        ]
        for key, w in works.items()
    }
    assert names["marcuse"] == [("translator", "Юдин", "А. А. Юдина")]
    assert names["analytic"] == [
        ("editor", "Грязнов", "А. Ф. Грязнова"),
        ("translator", "Борисова", "И. В. Борисовой"),
        ("translator", "Яковлев", "А. А. Яковлева"),
    ]
    assert names["deleuze"] == [
        ("translator", "Маньковский", "Н. Б. Маньковского"),
        ("translator", "Брагинская", "Н. В. Брагинской"),
        ("translator", "Черняк", "А. З. Черняка"),  # a consonant and -а: a man's genitive
    ]
    # Authors are never read as genitives; the names as printed are kept for export.
    assert works["marcuse"].contributors[0].name.family == "Маркузе"
    assert works["analytic"].contributors[0].printed == "Грязнова, А. Ф."


def test_gost_prints_a_genitive_file_s_names_as_written_and_apa_in_the_nominative():
    works = {w.key: w for w in read_bibtex(GENITIVE_FILE).works}
    gost = plain_text(format_works([works["analytic"]], "gost")[0])
    assert gost.startswith(
        "Аналитическая философия / под редакцией А. Ф. Грязнова ; перевод И. В. Борисовой,"
        " А. А. Яковлева."
    )
    apa = plain_text(format_works([works["deleuze"]], "apa")[0])
    assert "(N. B. Man’kovskiy, N. V. Braginskaya, & A. Z. Chernyak, Trans.)" in apa
