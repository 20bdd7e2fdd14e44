"""``diprefs cite`` and the citation forms (styles.md §10, §22; docs/cli.md)."""

from __future__ import annotations

import pytest

from conftest import import_bib
from diprefs.config import defaults
from diprefs.formats.bibtex import read_bibtex
from diprefs.services.bibliography import contexts, style_settings
from diprefs.styles import citations
from diprefs.styles.base import get_style
from diprefs.styles.citations import Cite, parse_locator
from diprefs.styles.render import plain_text


def lines(result):
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_numeric_with_page_and_several_works(run):
    assert lines(run("cite", "mominov2022@258", "--cited-by", "komolov2024")) == ["[1, p. 258]"]
    assert lines(run("cite", "mominov2022", "juraev2018", "--cited-by", "komolov2024")) == [
        "[1; 2]"
    ]
    three = run(
        "cite", "daryo2023", "usembassy2023", "caravanserai-archive", "--cited-by", "komolov2024"
    )
    assert lines(three) == ["[3–5]"]
    both = run(
        "cite", "mominov2022@258", "daryo2023@volume=2,page=47-49", "--cited-by", "komolov2024"
    )
    assert lines(both) == ["[1, p. 258; 5, vol. 2, p. 47–49]"]


def test_apa_parenthetical_and_narrative(run):
    assert lines(run("cite", "mominov2022@258", "--style", "apa")) == ["(Mominov, 2022, p. 258)"]
    narrative = run("cite", "mominov2022@258", "--style", "apa", "--form", "narrative")
    assert lines(narrative) == ["Mominov (2022, p. 258)"]
    several = run("cite", "mominov2022", "juraev2018@5-7", "--style", "apa")
    assert lines(several) == ["(Juraev, 2018, pp. 5–7; Mominov, 2022)"]
    assert lines(run("cite", "usembassy2023", "--style", "apa")) == [
        "(US Embassy in Uzbekistan, 2023)"
    ]
    assert lines(run("cite", "caravanserai-archive", "--style", "apa")) == ["([Archives], n.d.)"]


def test_apa_cites_an_editor_written_in_the_genitive_in_the_nominative(run, tmp_path):
    import_bib(
        run,
        tmp_path,
        "@collection{sbornik2021, editor={Козловой, М. С.}, title={Сборник статей},"
        " location={Москва}, publisher={Наука}, date={2021}, langid={russian}}",
    )
    assert lines(run("cite", "sbornik2021", "--style", "apa")) == ["(Kozlova, 2021)"]
    narrative = run("cite", "sbornik2021", "--style", "apa", "--form", "narrative")
    assert lines(narrative) == ["Kozlova (2021)"]


def test_apa_cites_a_compiled_collection_by_its_compiler(run, tmp_path):
    import_bib(
        run,
        tmp_path,
        "@collection{semiotika1983, editor={Степанов, Ю. С.}, editortype={compiler},"
        " title={Семиотика}, date={1983}, langid={russian}}",
    )
    assert lines(run("cite", "semiotika1983", "--style", "apa")) == ["(Stepanov, 1983)"]


def test_gost_author_year(run):
    out = run("cite", "mominov2022@258", "--form", "author-year")
    assert lines(out) == ["[Mominov, 2022, p. 258]"]


def test_footnotes_repeat_rules(run):
    out = run(
        "cite",
        "mominov2022@258",
        "mominov2022@259",
        "juraev2018",
        "mominov2022@25",
        "--form",
        "footnote",
    )
    assert lines(out) == [
        "Mominov, K. Digital History / K. Mominov. — Tashkent : Nurafshon business, 2022. — "
        "Текст : непосредственный. — P. 258.",
        "Ibid. P. 259.",
        "Juraev, F. S. Digital diplomacy in the foreign policy of a national state : Monograph / "
        "F. S. Juraev. — Tashkent : Institute of Strategic and Interregional Studies under the "
        "President of the Republic of Uzbekistan, 2018. — 80 p. — Текст : непосредственный.",
        "Mominov K. Op. cit. P. 25.",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("mominov2022",),  # numeric needs --cited-by
        ("mominov2022", "--style", "apa", "--form", "numeric"),
        ("mominov2022", "--form", "narrative"),
        ("mominov2022@", "--cited-by", "komolov2024"),
        ("mominov2022@verse=2", "--cited-by", "komolov2024"),
    ],
)
def test_usage_errors(run, args):
    assert run("cite", *args).exit_code == 2


def test_unknown_key_or_key_outside_the_list(run):
    assert run("cite", "nosuch", "--style", "apa").exit_code == 3
    result = run("cite", "komolov2024", "--cited-by", "komolov2024")
    assert result.exit_code == 3


def test_locator_parsing():
    assert parse_locator("258") == (("page", "258"),)
    assert parse_locator("47--49") == (("page", "47–49"),)
    assert parse_locator("page=47,volume=2") == (("volume", "2"), ("page", "47"))
    with pytest.raises(ValueError):
        parse_locator("verse=3")


RUSSIAN = """
@book{karimov2021a, author={Каримов, А. and Рахимова, Б.}, title={Внешняя политика},
 date={2021}, langid={russian}}
@book{karimov2021b, author={Каримов, А. and Рахимова, Б.}, title={Банковское дело},
 date={2021}, langid={russian}}
@book{many, author={Давлатов, Д. and Эргашев, Э. and Жалилов, Ж. and Зокиров, З.},
 title={Международные отношения}, date={2020}, langid={russian}}
@book{anon, title={Внешняя политика Республики Узбекистан}, date={2022}, langid={russian}}
"""


def _cites(style_name: str, lang: str, *pairs):
    style = get_style(style_name)
    works = read_bibtex(RUSSIAN).works
    ctxs = contexts(style, works, lang, style_settings(style.name, defaults()), {})
    by_key = {c.work.key: c for c in ctxs}
    return style, [Cite(by_key[k], None, parse_locator(loc) if loc else ()) for k, loc in pairs]


def test_gost_author_year_russian_forms():
    """[Каримов, Рахимова, 2021а, с. 34]: Cyrillic year letters in a Russian list (§10)."""
    _style, cites = _cites("gost", "ru", ("karimov2021a", "34"), ("karimov2021b", ""))
    assert plain_text(citations.gost_author_year(cites)) == (
        "[Каримов, Рахимова, 2021б, с. 34; Каримов, Рахимова, 2021а]"
    )
    _style, cites = _cites("gost", "ru", ("many", ""), ("anon", "12"))
    assert plain_text(citations.gost_author_year(cites)) == (
        "[Давлатов и др., 2020; Внешняя политика…, 2022, с. 12]"
    )


def test_apa_same_authors_same_year_get_letters_by_title():
    _style, cites = _cites("apa", "en", ("karimov2021a", ""), ("karimov2021b", ""))
    assert plain_text(citations.apa_parenthetical(cites)) == "(Karimov & Rakhimova, 2021a, 2021b)"


def test_russian_footnotes():
    style, cites = _cites("gost", "ru", ("many", "45"), ("many", "46"), ("anon", ""), ("many", "7"))
    notes = [plain_text(n) for n in citations.footnotes(style, cites)]
    assert notes[1:] == [
        "Там же. С. 46.",
        "Внешняя политика Республики Узбекистан. — 2022. — Текст : непосредственный.",
        "Международные отношения Указ. соч. С. 7.",
    ]
    assert notes[0].endswith("— Текст : непосредственный. — С. 45.")
