"""List order: GOST (Cyrillic first, Ё with Е, Uzbek letters by base) and APA (§9, §21)."""

from __future__ import annotations

from diprefs.formats.bibtex import read_bibtex
from diprefs.services.bibliography import contexts
from diprefs.styles.base import get_style

GOST_WORKS = """
@book{smith, author={Smith, J.}, title={Diplomacy}, date={2020}, langid={english}}
@book{zhukov, author={Жуков, А.}, title={Б}, date={2020}, langid={russian}}
@book{yolkin, author={Ёлкин, П.}, title={В}, date={2020}, langid={russian}}
@book{elagin, author={Елагин, Б.}, title={Г}, date={2020}, langid={russian}}
@book{urinov, author={Ўринов, Т.}, title={Д}, date={2020}, langid={uz-Cyrl}}
@book{usmonov, author={Усмонов, Ш.}, title={Е}, date={2020}, langid={uz-Cyrl}}
@book{tokhtayev, author={Toʻxtayev, Sh.}, title={Kitob}, date={2020}, langid={uz-Latn}}
@book{tursunov, author={Tursunov, A.}, title={Kitob}, date={2020}, langid={uz-Latn}}
@book{anon, title={Архив}, date={2020}, langid={russian}}
@book{adams, author={Adams, A.}, title={Z}, date={2020}, langid={english}}
"""


def _order(style_name: str, text: str) -> list[str]:
    style = get_style(style_name)
    ctxs = contexts(style, read_bibtex(text).works, style.default_lang, {}, {})
    return [c.work.key for c in sorted(ctxs, key=style.sort_key)]


def test_gost_cyrillic_first_yo_with_ye_uzbek_by_base_letter():
    assert _order("gost", GOST_WORKS) == [
        "anon",  # Архив (title as heading)
        "elagin",
        "yolkin",  # Ё files with Е: Елагин < Ёлкин < Жуков
        "zhukov",
        "urinov",  # Ў as У: Уринов < Усмонов
        "usmonov",
        "adams",
        "smith",
        "tokhtayev",  # Toʻxtayev as Toxtayev, before Tursunov
        "tursunov",
    ]


APA_WORKS = """
@book{browning, author={Browning, A.}, title={A}, date={2019}, langid={english}}
@book{brown2019, author={Brown, J.}, title={B}, date={2019}, langid={english}}
@book{brownnd, author={Brown, J.}, title={C}, langid={english}}
@book{brown2021b, author={Brown, J.}, title={Zebras}, date={2021}, langid={english}}
@book{brown2021a, author={Brown, J.}, title={Apples}, date={2021}, langid={english}}
@book{brownpress, author={Brown, J.}, title={D}, date={in press}, langid={english}}
@book{brownco, author={Brown, J. and Adams, A.}, title={E}, date={2000}, langid={english}}
@book{the, title={The zoo}, date={2000}, langid={english}}
@book{ivanov, author={Иванов, И.}, title={Книга}, date={2000}, langid={russian}}
"""


def test_apa_author_then_year_then_title():
    assert _order("apa", APA_WORKS) == [
        "brownnd",  # n.d. first
        "brown2019",
        "brown2021a",
        "brown2021b",
        "brownpress",  # in press last
        "brownco",  # single-author entries before multi-author ones
        "browning",  # nothing precedes something
        "ivanov",  # romanised: Ivanov
        "the",  # "The" ignored: zoo
    ]


def test_apa_year_letters_in_the_list():
    style = get_style("apa")
    ctxs = contexts(style, read_bibtex(APA_WORKS).works, "en", {}, {})
    suffix = {c.work.key: c.suffix for c in ctxs}
    assert suffix["brown2021a"] == "a" and suffix["brown2021b"] == "b"
    assert suffix["brown2019"] == ""


def test_cli_alpha_order_puts_cyrillic_first(run):
    from diprefs.storage.db import open_library
    from diprefs.storage.works import add_work

    db = open_library(run.db)
    with db.atomic():
        for work in read_bibtex(GOST_WORKS).works[:2]:
            add_work(db, work)
    db.conn.close()
    out = run("format", "smith", "zhukov", "mominov2022").stdout.splitlines()
    assert [line.split(" ", 2)[1] for line in out] == ["Жуков,", "Mominov,", "Smith,"]
