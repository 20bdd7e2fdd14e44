"""``format --sections oak|type|language`` (docs/sections.md): grouping, order, headings, and
numbering that runs on across sections in every output format."""

from __future__ import annotations

import re

import pytest

LIBRARY = r"""
@legislation{law2019, title={О защите персональных данных}, type={Закон Республики Узбекистан},
 number={ЗРУ-547}, legalkind={law}, adopteddate={2019-07-02}, date={2019}, langid={russian}}
@legislation{constitution, title={Конституция Республики Узбекистан}, legalkind={constitution},
 adopteddate={2023-04-30}, date={2023}, langid={russian}}
@legislation{order2021, title={Об утверждении положения}, type={Приказ министра},
 number={15}, legalkind={departmental}, date={2021-03-01}, langid={russian}}
@legislation{decree2017, title={О Стратегии действий}, type={Указ Президента Республики Узбекистан},
 number={УП-4947}, legalkind={decree}, date={2017-02-07}, langid={russian}}
@legislation{law2015, title={Об информатизации}, type={Закон Республики Узбекистан},
 number={ЗРУ-560}, legalkind={law}, adopteddate={2015-12-11}, date={2016}, langid={russian}}
@legislation{nokind, title={Об электронном правительстве}, date={2015-12-09}, langid={russian}}
@legislation{resolution2018, title={О мерах}, type={Постановление Кабинета Министров},
 number={1}, legalkind={resolution}, date={2018-01-05}, langid={russian}}
@legislation{code2020, title={Налоговый кодекс Республики Узбекистан}, legalkind={code},
 date={2019-12-30}, langid={russian}}
@book{abdullaev2020, author={Абдуллаев, А.}, title={Дипломатия}, location={Ташкент},
 publisher={Фан}, date={2020}, pagetotal={100}, langid={russian}}
@article{smith2019, author={Smith, John}, title={Digital diplomacy}, journaltitle={Diplomacy},
 date={2019}, volume={1}, pages={1--10}, langid={english}}
@thesis{valiev2010, author={Валиев, В.}, title={Внешняя политика}, type={диссертация},
 location={Ташкент}, date={2010}, pagetotal={150}, langid={russian}}
@online{gov-portal, title={Правительственный портал}, url={https://gov.uz}, urldate={2024-01-01},
 langid={russian}}
@misc{dataset, author={Karimov, B.}, title={Trade data}, date={2022}, langid={english}}
"""
ACTS = [
    "constitution",
    "code2020",
    "law2015",
    "law2019",
    "decree2017",
    "resolution2018",
    "order2021",
    "nokind",
]


@pytest.fixture
def lib(run):
    result = run("import", "-", input=LIBRARY)
    assert result.exit_code == 0, result.output
    keys = [*ACTS, "abdullaev2020", "smith2019", "valiev2010", "gov-portal", "dataset"]
    return run, keys


def _latex_sections(text: str) -> list[tuple[str, list[str]]]:
    """(heading, keys) per section, read from the thebibliography environment."""
    out: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if heading := re.match(r"\\item\[\] \\textbf\{(.*)\}$", line):
            out.append((heading.group(1), []))
        elif key := re.match(r"\\bibitem\{([^}]*)\}", line):
            out[-1][1].append(key.group(1))
    return out


def test_oak_groups_legal_acts_by_force_then_date(lib):
    run, keys = lib
    result = run("format", *keys, "--sections", "oak", "--to", "latex", "--order", "alpha")
    assert result.exit_code == 0, result.output
    assert _latex_sections(result.stdout) == [
        ("I. Нормативно-правовые акты", ACTS),
        ("II. Монографии, статьи, сборники", ["abdullaev2020", "valiev2010", "smith2019"]),
        ("III. Другие источники (в том числе электронные ресурсы)", ["gov-portal", "dataset"]),
    ]


def test_oak_keeps_the_cited_order_inside_the_literature(lib):
    run, _keys = lib
    chosen = ["smith2019", "law2019", "valiev2010", "constitution", "abdullaev2020"]
    result = run("format", *chosen, "--sections", "oak", "--to", "latex", "--order", "cited")
    assert _latex_sections(result.stdout) == [
        ("I. Нормативно-правовые акты", ["constitution", "law2019"]),
        ("II. Монографии, статьи, сборники", ["smith2019", "valiev2010", "abdullaev2020"]),
    ]


def test_headings_follow_the_list_language(lib):
    run, keys = lib
    headings = {
        lang: [
            h
            for h, _ in _latex_sections(
                run("format", *keys, "--sections", "oak", "--to", "latex", "--lang", lang).stdout
            )
        ]
        for lang in ("en", "uz")
    }
    assert headings["en"] == [
        "I. Normative and legal acts",
        "II. Monographs, articles, collections",
        "III. Other sources (including web resources)",
    ]
    assert headings["uz"] == [
        "I. Normativ-huquqiy hujjatlar",
        "II. Monografiyalar, maqolalar, toʻplamlar",
        "III. Boshqa manbalar (shu jumladan internet resurslari)",
    ]


def test_text_numbers_run_on_across_sections(lib):
    run, _keys = lib
    args = ("format", "code2020", "abdullaev2020", "smith2019", "gov-portal", "--order", "cited")
    result = run(*args, "--sections", "oak", "--lang", "en")
    lines = result.stdout.splitlines()
    singles = [
        run("format", k, "--lang", "en").stdout.split(". ", 1)[1].rstrip("\n") for k in args[1:5]
    ]
    assert lines == [
        "I. Normative and legal acts",
        f"1. {singles[0]}",
        "",
        "II. Monographs, articles, collections",
        f"2. {singles[1]}",
        f"3. {singles[2]}",
        "",
        "III. Other sources (including web resources)",
        f"4. {singles[3]}",
    ]


def test_type_sections(lib):
    run, keys = lib
    result = run("format", *keys, "--sections", "type", "--to", "latex", "--lang", "en")
    assert [(h, len(k)) for h, k in _latex_sections(result.stdout)] == [
        ("Legal acts", 8),
        ("Books", 1),
        ("Journal articles", 1),
        ("Dissertations and autoreferats", 1),
        ("Web resources", 1),
        ("Other sources", 1),
    ]


def test_language_sections_put_cyrillic_headed_entries_first(lib):
    run, _keys = lib
    args = ("format", "smith2019", "abdullaev2020", "dataset", "valiev2010", "--order", "cited")
    result = run(*args, "--sections", "language", "--to", "latex")
    assert _latex_sections(result.stdout) == [
        ("Источники на кириллице", ["abdullaev2020", "valiev2010"]),
        ("Источники на латинице", ["smith2019", "dataset"]),
    ]
    # the transliterated list starts every entry with Latin letters
    en = run(*args, "--sections", "language", "--to", "latex", "--style", "references-en")
    assert [h for h, _ in _latex_sections(en.stdout)] == ["Sources in Latin script"]


def test_markdown_html_docx_show_headings_and_run_on(lib, tmp_path):
    run, _keys = lib
    args = ("format", "code2020", "abdullaev2020", "smith2019", "--order", "cited")
    md = run(*args, "--sections", "oak", "--to", "markdown", "--lang", "en").stdout
    assert md.startswith("### I. Normative and legal acts\n\n1. ")
    assert "\n\n### II. Monographs, articles, collections\n\n2. " in md
    assert re.search(r"^3\. ", md, re.MULTILINE)
    html = run(*args, "--sections", "oak", "--to", "html", "--lang", "en").stdout
    assert html.count('<h2 class="references-section">') == 2
    assert (
        '<h2 class="references-section">II. Monographs, articles, collections</h2>\n'
        '<ol class="references" start="2">' in html
    )
    apa = run(*args, "--sections", "oak", "--to", "html", "--style", "apa").stdout
    assert apa.count('<div class="references">') == 2 and "start=" not in apa
    docx = pytest.importorskip("docx")
    out = tmp_path / "list.docx"
    assert run(*args, "--sections", "oak", "--to", "docx", "-o", str(out)).exit_code == 0
    paragraphs = docx.Document(str(out)).paragraphs
    bold = [p.text for p in paragraphs if p.runs and all(r.bold for r in p.runs)]
    assert bold[1:] == ["I. Нормативно-правовые акты", "II. Монографии, статьи, сборники"]
    numbered = [p for p in paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 3  # one Word list: its numbers run on past the headings


def test_sections_is_validated(run):
    assert run("format", "--sections", "chapters").exit_code == 2


def test_group_is_pure_and_rejects_unknown_sections():
    from diprefs.styles.sections import group

    with pytest.raises(ValueError, match="unknown sections"):
        group("chapters", [], "en", lambda e: e, lambda e: e)
    assert group("oak", [], "ru", lambda e: e, lambda e: e) == []


def test_terminal_output_shows_headings_too(lib, monkeypatch):
    run, _keys = lib
    monkeypatch.setattr("diprefs.cli.format.is_terminal", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    args = ("format", "code2020", "smith2019", "--order", "cited", "--sections", "oak")
    lines = run(*args, "--lang", "en").stdout.splitlines()
    assert lines[0] == "I. Normative and legal acts"
    assert lines[1].startswith("1. ")
    assert lines[2:4] == ["", "II. Monographs, articles, collections"]
    assert lines[4].startswith("2. Smith, J. Digital diplomacy")
