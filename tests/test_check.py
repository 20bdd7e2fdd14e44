"""``diprefs check``: what a style needs that works lack (docs/cli.md, docs/styles.md table)."""

from __future__ import annotations

from diprefs.formats.bibtex import read_bibtex
from diprefs.services.bibliography import contexts
from diprefs.styles.base import get_style
from diprefs.styles.checks import GOST_REQUIRED, missing, title_case


def test_seed_web_pages_lack_access_dates(run):
    result = run("check", "--cited-by", "komolov2024")
    assert result.exit_code == 6
    lines = result.stdout.splitlines()
    for key in ("caravanserai-archive", "daryo2023", "usembassy2023"):
        assert f"{key}: accessed: web resource without an access date (дата обращения)" in lines
    assert "mominov2022: number_of_pages: no number of pages (extent)" in lines
    assert lines == sorted(lines, key=lambda line: line.split(": ")[:2])
    assert "findings" in result.stderr


def test_json_shape(run):
    result = run("check", "daryo2023", "--json")
    assert result.exit_code == 6
    import json

    assert json.loads(result.stdout) == [
        {
            "key": "daryo2023",
            "style": "gost",
            "field": "accessed",
            "message": "web resource without an access date (дата обращения)",
        }
    ]


def test_apa_needs_sentence_case_and_dates_only_for_undated_pages(run):
    result = run("check", "--cited-by", "komolov2024", "--style", "apa7")
    lines = result.stdout.splitlines()
    assert result.exit_code == 6
    assert (
        "mominov2022: title: Title Case title: APA needs sentence case (printed as stored)" in lines
    )
    assert "caravanserai-archive: accessed: undated web page without a retrieval date" in lines
    assert not any(line.startswith(("daryo2023", "usembassy2023", "juraev2018")) for line in lines)


def test_nothing_found_exits_0(run):
    result = run("check", "juraev2018", "--style", "apa")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_unknown_key_exits_3(run):
    assert run("check", "nosuch").exit_code == 3


def test_book_without_place_or_publisher_and_cyrillic_for_apa():
    works = read_bibtex(
        "@book{b, author={Иванов, И. И.}, title={Основы}, date={2020}, langid={russian}}"
        "@article{a, author={Иванов, И. И.}, title={Статья}, journaltitle={Вестник},"
        " date={2020}, langid={russian}}"
    ).works
    gost = get_style("gost")
    book, article = contexts(gost, works, "ru", {}, {})
    assert [f for f, _m in missing(book, GOST_REQUIRED["book"])] == [
        "publisher_place",
        "publisher",
        "number_of_pages",
    ]
    assert [f for f, _m in missing(article, GOST_REQUIRED["article"])] == ["page"]
    apa = get_style("apa")
    _book, article = contexts(apa, works, "en", {}, {})
    fields = [f for f, _m in apa.suspects(article)]
    assert fields == ["title_translated", "container_title_latin"]


def test_title_case_detection():
    assert title_case("Digital History")
    assert title_case("The Psychology of the Child")
    assert not title_case("Digital diplomacy in the foreign policy of a national state")
    assert not title_case("The USA donated special equipment to the border troops of Uzbekistan")
    assert not title_case("Behave")
    assert not title_case("Soft power: The means to success")
