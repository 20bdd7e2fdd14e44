"""The BibTeX/BibLaTeX reader core: mapping, names, raw values kept, bad blocks reported."""

from __future__ import annotations

import pytest

from diprefs.formats.bibtex import read_bibtex
from diprefs.model import Name
from diprefs.names.parse import OTHERS, format_bibtex_name, parse_name, split_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Juraev, F. S.", Name(family="Juraev", given="F. S.")),
        (
            "Komolov, Mavlonbek Zafarjon ugli",
            Name(family="Komolov", given="Mavlonbek", patronymic="Zafarjon ugli"),
        ),
        (
            "Mominov, Husanboy Madaminjonovich",
            Name(family="Mominov", given="Husanboy", patronymic="Madaminjonovich"),
        ),
        ("Жураев, Фаррух Собирович", Name(family="Жураев", given="Фаррух", patronymic="Собирович")),
        (
            "Цветкова, Наталья Александровна",
            Name(family="Цветкова", given="Наталья", patronymic="Александровна"),
        ),
        ("Jean de la Fontaine", Name(family="Fontaine", given="Jean", particle="de la")),
        ("Smith, Jr., John", Name(family="Smith", given="John", suffix="Jr.")),
        ("{US Embassy in Uzbekistan}", Name(literal="US Embassy in Uzbekistan")),
        ("family=Bjola, given=Corneliu", Name(family="Bjola", given="Corneliu")),
        ("others", OTHERS),
        ("Doe, John,", Name(family="Doe", given="John")),
    ],
)
def test_parse_name(text, expected):
    assert parse_name(text) == expected


def test_a_single_given_name_is_not_a_patronymic():
    assert parse_name("Ivanovich, Petr") == Name(family="Ivanovich", given="Petr")


def test_split_names_keeps_braced_and():
    assert split_names("{Institute of Strategic and Interregional Studies} and Doe, J.") == [
        "{Institute of Strategic and Interregional Studies}",
        "Doe, J.",
    ]


@pytest.mark.parametrize(
    "text", ["Juraev, F. S.", "{US Embassy in Uzbekistan}", "others", "Smith, Jr., John"]
)
def test_format_bibtex_name_round_trips(text):
    assert format_bibtex_name(parse_name(text)) == text


BIB = r"""
@string{jir = "Journal of International Relations"}
@comment{jabref-meta: groups}
@article{karimov2021,
  author = {Karimov, A. A. and Rahimova, B. B. and others},
  title = {Cyfrovaya {Diplomatiya} i M{\"u}ller},
  journal = jir # " (Tashkent)",
  year = 2021, month = feb,
  volume = {14}, number = {2}, pages = {112--130},
  langid = {russian},
  x-unknown = {kept as is},
}
@phdthesis{bad, title = {x}, title = {y}}
@book{nokeywords,
  editor = {Smith, John},
  editora = {Doe, Jane}, editoratype = {compiler},
  title = {T},
}
"""


def test_entry_mapping():
    result = read_bibtex(BIB, file="x.bib")
    w = {w.key: w for w in result.works}["karimov2021"]
    assert w.type == "article-journal"
    assert w.title == "Cyfrovaya Diplomatiya i Müller"
    assert w.container_title == "Journal of International Relations (Tashkent)"
    assert (w.volume, w.issue, w.page) == ("14", "2", "112–130")
    assert w.language == "ru"
    assert w.dates == {"issued": "2021-02"}
    assert [c.role for c in w.contributors] == ["author"] * 3
    assert w.contributors[2].name == OTHERS


def test_raw_fields_are_kept_in_order_with_their_original_names():
    w = {w.key: w for w in read_bibtex(BIB).works}["karimov2021"]
    fields = [(f.name, f.value) for f in w.source.fields]
    assert fields[1] == ("title", r"{Cyfrovaya {Diplomatiya} i M{\"u}ller}")
    assert fields[2] == ("journal", 'jir # " (Tashkent)"')
    assert ("x-unknown", "{kept as is}") in fields
    assert w.source.entry_type == "article"
    assert w.source.line == 4


def test_editor_types_become_roles():
    w = {w.key: w for w in read_bibtex(BIB).works}["nokeywords"]
    assert [(c.role, c.printed) for c in w.contributors] == [
        ("editor", "Smith, John"),
        ("compiler", "Doe, Jane"),
    ]


def test_blocks_are_kept():
    result = read_bibtex(BIB)
    assert [(b.kind, b.key) for b in result.blocks] == [("string", "jir"), ("comment", "")]
    assert result.blocks[1].value == "@comment{jabref-meta: groups}"


def test_a_bad_block_is_a_problem_not_an_abort():
    result = read_bibtex(BIB, file="x.bib")
    assert [w.key for w in result.works] == ["karimov2021", "nokeywords"]
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.file, problem.line, problem.key) == ("x.bib", 13, "bad")
    assert str(problem).startswith("x.bib:13: bad: Duplicate field keys")


@pytest.mark.parametrize(
    ("bib", "dialect"),
    [
        ("@article{a, journal = {J}, year = 2020}", "bibtex"),
        ("@article{a, journaltitle = {J}, date = {2020}}", "biblatex"),
        ("@online{a, title = {T}}", "biblatex"),
    ],
)
def test_dialect_detection(bib, dialect):
    assert read_bibtex(bib).dialect == dialect


def test_newspaper_subtype_and_supplied_title():
    w = read_bibtex(
        "@article{a, entrysubtype = {newspaper}, title = {T}, titlesupplied = {true}}"
    ).works[0]
    assert w.type == "article-newspaper"
    assert w.title_supplied is True


def test_edtf_qualifiers_survive_latex_decoding():
    w = read_bibtex("@book{a, date = {2024~}, urldate = {2019-05-15~/2019-05-16}}").works[0]
    assert w.dates == {"issued": "2024~", "accessed": "2019-05-15~/2019-05-16"}
