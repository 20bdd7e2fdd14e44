"""The BibTeX/BibLaTeX reader core: mapping, names, raw values kept, bad blocks reported."""

from __future__ import annotations

import pytest

from diprefs.formats.bibtex import read_bibtex
from diprefs.model import Name
from diprefs.names.parse import OTHERS, parse_name, split_names
from diprefs.services.bibliography import format_works
from diprefs.styles.render import plain_text


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


@pytest.mark.parametrize(
    ("printed", "family", "given"),
    [
        (r"Aks{\i}n, Sel{\c{c}}uk", "Aksın", "Selçuk"),  # dotless i, cedilla
        (r"{\O}rsted, Hans Christian", "Ørsted", "Hans Christian"),
        (r"Ka{\v{s}}par, Ji{\v{r}}{\'{\i}}", "Kašpar", "Jiří"),
        (r"Erd{\H o}s, P{\'a}l", "Erdős", "Pál"),  # a space inside the braces
        (r"G{\"o}del, Kurt", "Gödel", "Kurt"),
    ],
)
def test_latex_in_a_name_is_decoded_before_its_braces_go(printed, family, given):
    r"""Stripping the braces first would read Aks{\i}n as "Aks\in" (Aks∈) and lose Sel{\c{c}}uk's
    ç; the BibTeX reader decodes each part while its braces still group."""
    work = read_bibtex(f"@book{{k, author = {{{printed}}}, title = {{T}}}}").works[0]
    assert (work.contributors[0].name.family, work.contributors[0].name.given) == (family, given)
    assert work.contributors[0].printed == printed


def test_an_organisation_loses_its_inner_case_braces():
    work = read_bibtex("@book{k, author = {{{UNESCO} Institute for Statistics}}, title = {T}}")
    assert work.works[0].contributors[0].name == Name(literal="UNESCO Institute for Statistics")
    org = read_bibtex(r"@book{k, author = {{Universit{\'e} de {Gen{\`e}ve}}}, title = {T}}")
    assert org.works[0].contributors[0].name == Name(literal="Université de Genève")


def test_a_single_given_name_is_not_a_patronymic():
    assert parse_name("Ivanovich, Petr") == Name(family="Ivanovich", given="Petr")


def test_split_names_keeps_braced_and():
    assert split_names("{Institute of Strategic and Interregional Studies} and Doe, J.") == [
        "{Institute of Strategic and Interregional Studies}",
        "Doe, J.",
    ]


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


def test_editortype_gives_the_editor_list_its_role():
    # biblatex-gost's examples: a compiled collection is an editor list with editortype compiler.
    text = (
        "@collection{semiotika, editor = {Степанов, Ю. С.}, editortype = {compiler},"
        " translator = {Иванов, И.}, title = {Семиотика}}"
        "@book{redactor, editor = {Smith, J.}, editortype = {redactor}, title = {T}}"
        "@book{plain, editor = {Smith, J.}, title = {T}}"
    )
    roles = {w.key: [c.role for c in w.contributors] for w in read_bibtex(text).works}
    assert roles == {
        "semiotika": ["compiler", "translator"],
        "redactor": ["editor"],
        "plain": ["editor"],
    }


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
    assert str(problem) == "x.bib:13: bad: duplicate field 'title'"


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


def test_biblatex_crossref_renames_inherited_fields():
    bib = """
@inbook{ch, author = {Doe, Jane}, title = {Chapter}, crossref = {bk}, pages = {1--9}}
@book{bk, author = {Roe, Richard}, title = {The Book}, date = {2020}, location = {Tashkent},
  shorttitle = {Book}}
"""
    works = {w.key: w for w in read_bibtex(bib, dialect="biblatex").works}
    child = works["ch"]
    assert child.container_title == "The Book"  # title -> booktitle
    assert child.publisher_place == "Tashkent"
    assert child.dates == {"issued": "2020"}
    assert [(c.role, c.printed) for c in child.contributors] == [
        ("author", "Doe, Jane"),
        ("container-author", "Roe, Richard"),  # author -> bookauthor as well
    ]
    inherited = [(f.name, f.inherited_from) for f in child.source.fields if f.inherited_from]
    assert ("booktitle", "bk") in inherited and ("shorttitle", "bk") not in inherited
    assert [f.name for f in child.source.fields if not f.inherited_from] == [
        "author",
        "title",
        "crossref",
        "pages",
    ]


def test_xdata_fields_are_inherited_under_their_own_names():
    bib = """
@xdata{pub, publisher = {Fan}, location = {Tashkent}}
@book{b, title = {T}, xdata = {pub}, date = {2019}}
"""
    book = {w.key: w for w in read_bibtex(bib).works}["b"]
    assert (book.publisher, book.publisher_place) == ("Fan", "Tashkent")


def test_a_crossref_cycle_adds_nothing_and_does_not_hang():
    bib = "@book{a, crossref = {b}, title = {A}}\n@book{b, crossref = {a}, note = {B}}\n"
    works = {w.key: w for w in read_bibtex(bib).works}
    assert works["a"].note == "B" and works["b"].title == "A"


def test_an_entry_without_a_key_is_kept_with_an_empty_key():
    result = read_bibtex("@article{title = {No key}, year = 2020}\n@article{, title = {Empty}}\n")
    assert [(w.key, w.title) for w in result.works] == [("", "No key"), ("", "Empty")]
    assert result.problems == []


def test_an_extra_closing_brace_makes_the_entry_bad():
    bib = "@book{a, title = {A}}, year = {2020}}\n@book{b, title = {B}}\n"
    result = read_bibtex(bib, file="f.bib")
    assert [w.key for w in result.works] == ["b"]
    assert [str(p) for p in result.problems] == [
        "f.bib:1: a: unbalanced braces: an extra '}' ends the entry before line 1"
    ]


@pytest.mark.parametrize(
    ("bib", "message"),
    [
        (
            "@book{a, title = {A}\n@book{b, title = {B}}\n",
            "f.bib:1: a: unbalanced braces: no closing }"
            " before the next '@' at the start of a line",
        ),
        (
            "@book{b, title = {B}}\n@book{a, title = {A",
            "f.bib:2: a: truncated entry: the file ends before its closing brace",
        ),
        (
            '@book{a, title = "A}\n@book{b, title = {B}}\n',
            'f.bib:1: a: unbalanced quotes: no closing "'
            " before the next '@' at the start of a line",
        ),
    ],
)
def test_broken_entries_are_one_clear_problem(bib, message):
    result = read_bibtex(bib, file="f.bib")
    assert [str(p) for p in result.problems] == [message]
    assert [w.key for w in result.works] == ["b"]


def test_a_huge_field_is_a_problem_not_a_work():
    bib = "@book{big, abstract = {" + "x" * 1_000_001 + "}}\n@book{ok, title = {T}}\n"
    result = read_bibtex(bib, file="f.bib")
    assert [w.key for w in result.works] == ["ok"]
    assert [str(p) for p in result.problems] == [
        "f.bib:1: big: field 'abstract' is 1.0 million characters long"
        " (the limit is 1,000,000): an unclosed brace?"
    ]


def test_an_undefined_macro_is_kept_and_reported():
    result = read_bibtex("@article{a, journal = nosuchmacro, year = 2020}", file="f.bib")
    assert result.works[0].container_title == "nosuchmacro"
    assert [(str(p), p.kept) for p in result.problems] == [
        ("f.bib:1: a: undefined @string macro: nosuchmacro", True)
    ]


def test_duplicate_keys_are_both_read():
    result = read_bibtex("@book{a, title = {One}}\n@book{a, title = {Two}}\n")
    assert [w.title for w in result.works] == ["One", "Two"]


def test_line_breaks_in_values_are_single_spaces_but_nbsp_stays():
    w = read_bibtex("@book{a, title = {Long\n      title~here}}").works[0]
    assert w.title == "Long title\xa0here"
    assert w.source.fields[0].value == "{Long\n      title~here}"


def test_every_mapped_type_and_field_is_documented():
    from pathlib import Path

    from diprefs.formats import bibtex_map as m

    doc = (Path(__file__).resolve().parents[1] / "docs" / "bibtex.md").read_text(encoding="utf-8")
    names = [*m.ENTRY_TYPES, *m.TEXT_FIELDS, *m.DATE_FIELDS, *m.NAME_FIELDS, *m.FIELD_ALIASES]
    missing = [name for name in names if f"`{name}`" not in doc]
    assert missing == []


def test_biblatex_gost_fields_map_to_the_model():
    bib = r"""@Thesis{vishnyakov:thesis,
  author =       {Вишняков, Илья Владимирович},
  title =        {Модели и методы оценки коммерческих банков},
  media =        {text},
  type =         {phdthesis},
  science =      {экон. наук},
  specialitycode ={08.00.13},
  speciality =   {Математические и инструментальные методы экономики},
  titleaddon =   {защищена 12.02.02~: утв. 24.06.02},
  origtitle =    {Models},
  location =     {М.},
  date =         2002,
  pagetotal =    215,
  langid =       {russian},
}"""
    w = read_bibtex(bib).works[0]
    assert (w.type, w.language, w.genre, w.degree) == ("thesis", "ru", "phdthesis", "экон. наук")
    assert (w.speciality_code, w.number_of_pages, w.medium) == ("08.00.13", "215", "text")
    assert w.speciality == "Математические и инструментальные методы экономики"
    assert w.title_addon == "защищена 12.02.02\xa0: утв. 24.06.02"
    assert (w.title_original, w.publisher_place, w.issued) == ("Models", "М.", "2002")
    assert w.contributors[0].name == Name(
        family="Вишняков", given="Илья", patronymic="Владимирович"
    )


def test_text_outside_braces_is_one_line_not_a_macro():
    bib = "@article{a, title = {T}, url = {https://x.uz/1}\n% a comment line\n}"
    result = read_bibtex(bib, file="f.bib")
    assert [str(p) for p in result.problems] == [
        "f.bib:1: a: text outside braces or quotes, kept as written:"
        " '{https://x.uz/1} % a comment line'"
    ]
    assert result.works[0].source.fields[1].value == "{https://x.uz/1}\n% a comment line"


def test_escapes_in_a_url_are_undone_for_the_model_and_kept_for_export():
    """Older BibTeX styles printed url as text, so files escape _ & % #; a URL never holds a
    backslash, so the model's URL (what the styles print) has them undone."""
    raw = r"{http://www.kit-e.ru/articles/2006\_12\_124.php?a=1\&b=50\%25\#top}"
    text = f"@online{{k, title = {{T}}, url = {raw}, doi = {{10.1000/a\\_b}}}}"
    work = read_bibtex(text).works[0]
    assert work.url == "http://www.kit-e.ru/articles/2006_12_124.php?a=1&b=50%25#top"
    assert work.doi == "10.1000/a_b"
    assert ("url", raw) in [(f.name, f.value) for f in work.source.fields]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (r"Practical {\LaTeX}, by George Gr{\"a}tzer", "Practical LaTeX, by George Grätzer"),
        (r"The \TeX book", "The TeXbook"),  # a control word eats the space after it
        (r"{\LaTeXe} for authors", "LaTeX2ε for authors"),
        (r"The \texttt{biblatex} package", "The biblatex package"),
        (r"Input and\slash or output", "Input and/or output"),
        (r"\vphantom{x}ZnO nanowires", "ZnO nanowires"),
        (r"\label{sec:intro}Introduction", "Introduction"),
        (r"{\noopsort{1973b}}The Art of Programming", "The Art of Programming"),  # sort key
        (r"Религиозная политика в XIII---XIV вв.\isdot", "Религиозная политика в XIII—XIV вв."),
        (r"Сочинения\adddot\addspace Том 1", "Сочинения. Том 1"),  # biblatex's punctuation
    ],
)
def test_no_text_is_lost_to_a_macro_pylatexenc_lacks(raw, text):
    """pylatexenc 2 has no text for the TeX logos or \\texttt and dropped them (TUGboat's
    "Practical {\\LaTeX}" printed as "Practical")."""
    assert read_bibtex(f"@book{{k, title = {{{raw}}}}}").works[0].title == text


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("XIII---XIV вв.", "XIII—XIV вв."),  # TeX's ligatures: -- and --- are dashes
        ("Годы 1990--2000", "Годы 1990–2000"),
        ("``Quoted'' text", "“Quoted” text"),
        ("Журнал <<Философия>>", "Журнал «Философия»"),  # T1/T2A guillemet ligatures
        ('Историко"=философские тезисы', "Историко-философские тезисы"),  # babel's shorthands
        ('Война "--- мир', "Война — мир"),
        ('"<Цитата">', "«Цитата»"),
        (r"{\bf Bold}--text", "Bold–text"),  # the same with pylatexenc decoding
        ("O'Brien's", "O'Brien's"),  # one apostrophe stays an apostrophe
    ],
)
def test_tex_ligatures_and_babel_shorthands_are_what_they_print(raw, text):
    assert read_bibtex(f"@book{{k, title = {{{raw}}}}}").works[0].title == text


@pytest.mark.parametrize("text", ["''", "--", "a---b", "<<x>>", 'a"=b "--- c', "``q''", "x^2~y"])
def test_escaped_text_with_ligature_pairs_reads_back_unchanged(text):
    """The writer breaks TeX's ligatures with {}; the reader must not rejoin them."""
    from diprefs.latex import escape

    assert read_bibtex(f"@book{{k, title = {{{escape(text)}}}}}").works[0].title == text


def test_a_volume_without_a_title_takes_the_main_title_of_its_multivolume_work():
    text = """
@mvbook{soch, author = {Аристотель}, title = {Сочинения}, volumes = {4}, date = {1975/1983},
  location = {М.}, publisher = {Мысль}, langid = {russian}}
@book{soch-1, crossref = {soch}, volume = {1}, editor = {Асмус, В. Ф.}, date = {1976}}
@inbook{metaphysica, crossref = {soch-1}, title = {Метафизика}, pages = {64--368}}
@book{own, maintitle = {Сочинения}, title = {Философские работы}, volume = {2}}
"""
    works = {w.key: w for w in read_bibtex(text).works}
    assert works["soch-1"].title == "Сочинения"  # biblatex: the parent's title is its maintitle
    assert works["metaphysica"].title == "Метафизика"
    assert works["own"].title == "Философские работы"
    gost = plain_text(format_works([works["soch-1"]], "gost")[0])
    assert gost.startswith("Аристотель. Сочинения : в 4 томах. Том 1 / Аристотель ; под редакцией")


@pytest.mark.parametrize(
    ("more", "phrase"),
    [
        ("", "под общей редакцией П. С. Петрова"),
        # biblatex-gost's derrida:pr: "сост. и общ. ред." - the compiler does not join the editors
        (
            ", editora = {Петров, П. С.}, editoratype = {compiler}",
            "под общей редакцией П. С. Петрова",
        ),
        # a second list of editors: the phrase must cover both, so the plain one
        (", editora = {Сидоров, С. С.}", "под редакцией П. С. Петрова, С. С. Сидорова"),
    ],
)
def test_a_general_editor_is_printed_so_in_gost(more, phrase):
    text = (
        "@book{g, author = {Иванов, И. И.}, title = {Основы}, editor = {Петров, П. С.},"
        f" editortype = {{geneditor}}{more}, location = {{М.}}, date = {{2020}},"
        " langid = {russian}}"
    )
    gost = plain_text(format_works(read_bibtex(text).works, "gost")[0])
    assert f"/ И. И. Иванов ; {phrase}" in gost
