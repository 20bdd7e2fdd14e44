"""The transliterated English "References" list (``--style references-en``, docs/references-en.md).

Every expected string below was worked out by hand from the rules in docs/references-en.md and
the transliteration tables of docs/transliteration.md (BGN/PCGN: е/ё is "ye" at the start of a
word and after a vowel, й "y", ы "y", ь "’", х "kh", ц "ts", я "ya", ю "yu"; Uzbek Cyrillic by
the Uzbek Latin alphabet whatever the setting). Italics are written *like this*.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diprefs.config import defaults
from diprefs.formats.bibtex import read_bibtex
from diprefs.services.bibliography import format_works, style_settings
from diprefs.styles.text import merge

SEED_BIB = Path(__file__).resolve().parents[1] / "src" / "diprefs" / "data" / "works.bib"

SIDOROV = """@article{ru-art, author={Сидоров, Сергей Сергеевич and Ёлкина, Елена Юрьевна},
 title={Цифровая дипломатия как инструмент внешней политики},
 translatedtitle={Digital diplomacy as a tool of foreign policy},
 journaltitle={Международная жизнь}, journaltitlelatin={International Affairs}, date={2020},
 volume={14}, number={5}, pages={45--58}, langid={russian}}"""

CASES = [
    pytest.param(
        """@book{ru-book1, author={Иванов, Иван Иванович}, title={Основы цифровой дипломатии},
 titleaddon={учебное пособие}, translatedtitle={Fundamentals of digital diplomacy}, edition={2},
 location={Москва}, publisher={Наука}, date={2020}, pagetotal={215},
 isbn={978-5-02-040000-1}, langid={russian}}""",
        {},
        "Ivanov I. I. *Osnovy tsifrovoy diplomatii* [Fundamentals of digital diplomacy]. 2nd ed."
        " Moscow, Nauka, 2020. 215 p. (In Russian)",
        id="book: translated title in brackets, Moscow, 2nd ed., (In Russian); no ISBN",
    ),
    pytest.param(
        SIDOROV,
        {},
        "Sidorov S. S., Yelkina Ye. Yu. Tsifrovaya diplomatiya kak instrument vneshney politiki"
        " [Digital diplomacy as a tool of foreign policy]. *International Affairs*, 2020, vol. 14,"
        " no. 5, pp. 45–58. (In Russian)",
        id="article: the journal's recorded Latin title; BGN Ё and Е at the start: Ye",
    ),
    pytest.param(
        SIDOROV,
        {"transliteration": "ala-lc"},
        "Sidorov S. S., Elkina E. Iu. Tsifrovaia diplomatiia kak instrument vneshnei politiki"
        " [Digital diplomacy as a tool of foreign policy]. *International Affairs*, 2020, vol. 14,"
        " no. 5, pp. 45–58. (In Russian)",
        id="article: LC (ala-lc): ya -> ia, yu -> iu, й -> i, no ye",
    ),
    pytest.param(
        SIDOROV,
        {"transliteration": "gost-7.79-b"},
        "Sidorov S. S., Yolkina E. Yu. Cifrovaya diplomatiya kak instrument vneshnej politiki"
        " [Digital diplomacy as a tool of foreign policy]. *International Affairs*, 2020, vol. 14,"
        " no. 5, pp. 45–58. (In Russian)",
        id="article: GOST 7.79 B: ц before i -> c, й -> j, ё -> yo",
    ),
    pytest.param(
        """@article{ru-art5, author={Давлатов, Д. Д. and Эргашев, Э. Э. and Жалилов, Ж. Ж. and
 Зокиров, З. З. and Исмоилов, И. И.}, title={Международные отношения в Центральной Азии},
 journaltitle={Вестник Московского университета. Серия 12. Политические науки}, date={2019},
 number={3}, pages={10--25}, langid={russian}}""",
        {},
        "Davlatov D. D., Ergashev E. E., Zhalilov Zh. Zh., Zokirov Z. Z., Ismoilov I. I."
        " Mezhdunarodnyye otnosheniya v Tsentral’noy Azii. *Vestnik Moskovskogo universiteta."
        " Seriya 12. Politicheskiye nauki*, 2019, no. 3, pp. 10–25. (In Russian)",
        id="article: all five authors, journal transliterated, no translation recorded",
    ),
    pytest.param(
        """@book{uzc-book, author={Раҳимов, Ўткир Шавкатович}, title={Рақамли дипломатия асослари},
 location={Тошкент}, publisher={Ўзбекистон}, date={2017}, pagetotal={488}, langid={uz-Cyrl}}""",
        {"transliteration": "ala-lc"},
        "Rahimov Oʻ. Sh. *Raqamli diplomatiya asoslari*. Tashkent, Oʻzbekiston, 2017. 488 p."
        " (In Uzbek)",
        id="Uzbek Cyrillic: the Uzbek Latin alphabet whatever the setting, Тошкент -> Tashkent",
    ),
    pytest.param(
        """@article{uzl-article, author={Karimova, Gʻulnora and Toʻxtayev, Sherzod},
 title={Oʻzbekiston tashqi siyosatida raqamli diplomatiya},
 translatedtitle={Digital diplomacy in the foreign policy of Uzbekistan},
 journaltitle={Xalqaro munosabatlar}, date={2022}, number={2}, pages={25--30}, langid={uz-Latn}}""",
        {},
        "Karimova Gʻ., Toʻxtayev Sh. Oʻzbekiston tashqi siyosatida raqamli diplomatiya [Digital"
        " diplomacy in the foreign policy of Uzbekistan]. *Xalqaro munosabatlar*, 2022, no. 2,"
        " pp. 25–30. (In Uzbek)",
        id="Uzbek Latin: kept as written, digraph initials",
    ),
    pytest.param(
        """@incollection{ru-chapter, author={Сидоров, Сергей Сергеевич},
 title={Цифровая дипломатия как инструмент внешней политики},
 booktitle={Дипломатия в цифровую эпоху}, editor={Лебедев, Лев Львович}, location={Москва},
 publisher={Аспект Пресс}, date={2019}, pages={34--56}, langid={russian}}""",
        {},
        "Sidorov S. S. Tsifrovaya diplomatiya kak instrument vneshney politiki. In: *Diplomatiya"
        " v tsifrovuyu epokhu*. Ed. by L. L. Lebedev. Moscow, Aspekt Press, 2019, pp. 34–56."
        " (In Russian)",
        id="chapter: In: book, Ed. by (nominative, initials first), pages in the publication",
    ),
    pytest.param(
        """@book{ru-spb, author={Петров, Пётр Петрович}, title={Международные отношения},
 location={СПб.}, publisher={Питер}, date={2019}, pagetotal={320}, langid={russian}}""",
        {},
        "Petrov P. P. *Mezhdunarodnyye otnosheniya*. Saint Petersburg, Piter, 2019. 320 p."
        " (In Russian)",
        id="place: СПб. -> Saint Petersburg",
    ),
    pytest.param(
        """@thesis{ru-diss, author={Белозеров, Иван Валентинович},
 title={Религиозная политика Золотой Орды на Руси в XIII–XIV вв.},
 translatedtitle={Religious policy of the Golden Horde in Rus in the 13th–14th centuries},
 type={диссертация на соискание ученой степени кандидата исторических наук},
 specialitycode={07.00.02}, institution={Московский государственный университет},
 location={Москва}, date={2002}, pagetotal={215}, langid={russian}}""",
        {},
        "Belozerov I. V. *Religioznaya politika Zolotoy Ordy na Rusi v XIII–XIV vv.* [Religious"
        " policy of the Golden Horde in Rus in the 13th–14th centuries]. Cand. Sci. diss."
        " Moscow, 2002. 215 p. (In Russian)",
        id="dissertation: Cand. Sci. diss., place and year",
    ),
    pytest.param(
        """@legislation{ru-decree, author={{Президент Республики Узбекистан}},
 title={О Стратегии действий по дальнейшему развитию Республики Узбекистан},
 translatedtitle={On the Strategy of Actions for the further development of the Republic
 of Uzbekistan},
 type={Указ Президента Республики Узбекистан}, number={УП-4947}, legalkind={decree},
 date={2017-02-07}, journaltitle={Национальная база данных законодательства Республики Узбекистан},
 url={https://lex.uz/docs/3107036}, urldate={2023-11-28}, langid={russian}}""",
        {},
        "*O Strategii deystviy po dal’neyshemu razvitiyu Respubliki Uzbekistan* [On the Strategy"
        " of Actions for the further development of the Republic of Uzbekistan]. Decree of"
        " 7 February 2017 No. UP-4947. *Natsional’naya baza dannykh zakonodatel’stva Respubliki"
        " Uzbekistan*. Available at: https://lex.uz/docs/3107036 (accessed 28 November 2023)."
        " (In Russian)",
        id="decree: title first, Decree of <date> No., Available at, accessed",
    ),
    pytest.param(
        """@online{ru-webpage, author={Петров, Павел Андреевич},
 title={Цифровая дипломатия в эпоху пандемии}, journaltitle={Газета.Ru}, date={2018-02-02},
 url={https://www.gazeta.ru/politics/2018/02/02_a_11634.shtml}, urldate={2023-11-28},
 langid={russian}}""",
        {},
        "Petrov P. A. *Tsifrovaya diplomatiya v epokhu pandemii*. Gazeta.Ru, 2 February 2018."
        " Available at: https://www.gazeta.ru/politics/2018/02/02_a_11634.shtml (accessed"
        " 28 November 2023). (In Russian)",
        id="web page: site, date written out",
    ),
    pytest.param(
        """@online{ru-website, title={eLIBRARY.RU}, titleaddon={научная электронная библиотека},
 type={website}, location={Москва}, date={2000/..}, url={https://elibrary.ru},
 urldate={2018-01-09}, langid={russian}}""",
        {},
        "*eLIBRARY.RU*. Moscow, 2000–. Available at: https://elibrary.ru (accessed"
        " 9 January 2018). (In Russian)",
        id="whole website: an open range 2000–",
    ),
    pytest.param(
        """@article{ru-newspaper, entrysubtype={newspaper}, author={Иванов, Иван Иванович},
 title={Новая стратегия}, journaltitle={Народное слово}, date={2002-06-17}, pages={3},
 langid={russian}}""",
        {},
        "Ivanov I. I. Novaya strategiya. *Narodnoye slovo*, 17 June 2002, p. 3. (In Russian)",
        id="newspaper: the issue's date, p. for one page",
    ),
    pytest.param(
        """@collection{ru-edited, editor={Смирнова, Анна Викторовна},
 title={Цифровая дипломатия: теория и практика}, titleaddon={сборник научных статей},
 location={Москва}, publisher={МГИМО-Университет}, date={2021}, pagetotal={290},
 langid={russian}}""",
        {},
        "Smirnova A. V. (ed.). *Tsifrovaya diplomatiya: teoriya i praktika*. Moscow,"
        " MGIMO-Universitet, 2021. 290 p. (In Russian)",
        id="edited book: the editor heads it with (ed.)",
    ),
    pytest.param(
        """@book{ru-translated, author={Смит, Джон}, translator={Петрова, Ирина Ивановна},
 title={Цифровая дипломатия}, origlanguage={english}, location={Москва}, publisher={Прогресс},
 date={2019}, origdate={2015}, pagetotal={256}, langid={russian}}""",
        {},
        "Smit Dzh. *Tsifrovaya diplomatiya*. Transl. from English by I. I. Petrova. Moscow,"
        " Progress, 2019. 256 p. (In Russian)",
        id="translated book: Transl. from English by",
    ),
    pytest.param(
        """@article{en-article-doi, author={Grady, Jessica S. and Her, Malina and Moreno, Geena and
 Perez, Catherine and Yelinek, Jillian}, title={Emotions in storybooks},
 subtitle={A comparison of storybooks that represent ethnic and racial groups in the United States},
 journaltitle={Psychology of Popular Media Culture}, date={2019}, volume={8}, number={3},
 pages={207--217}, doi={10.1037/ppm0000185}, langid={english}}""",
        {},
        "Grady J. S., Her M., Moreno G., Perez C., Yelinek J. Emotions in storybooks: A comparison"
        " of storybooks that represent ethnic and racial groups in the United States. *Psychology"
        " of Popular Media Culture*, 2019, vol. 8, no. 3, pp. 207–217. DOI: 10.1037/ppm0000185.",
        id="English article: no language note, every author, DOI",
    ),
    pytest.param(
        """@report{ru-report, author={Валиев, Вали Валиевич},
 title={Цифровизация государственных услуг},
 type={отчет о научно-исследовательской работе}, number={2021-15},
 institution={Институт стратегических исследований}, location={Ташкент}, date={2021},
 pagetotal={96}, langid={russian}}""",
        {},
        "Valiyev V. V. *Tsifrovizatsiya gosudarstvennykh uslug*. No. 2021-15. Tashkent, Institut"
        " strategicheskikh issledovaniy, 2021. 96 p. (In Russian)",
        id="report: No., the institution when there is no publisher",
    ),
    pytest.param(
        """@inproceedings{en-talk, author={Karimov, Bobur},
 title={Digital diplomacy in Central Asia},
 eventtitle={International Conference on Diplomacy}, venue={Самарканд},
 eventdate={2023-05-15/2023-05-16}, date={2023}, langid={english}}""",
        {},
        "Karimov B. *Digital diplomacy in Central Asia*. International Conference on Diplomacy,"
        " Samarkand, 15–16 May 2023.",
        id="conference presentation: event, venue in English, the event's days",
    ),
    pytest.param(
        """@legislation{ru-code, title={Гражданский кодекс Республики Узбекистан}, legalkind={code},
 adopteddate={1996-08-29}, location={Ташкент}, publisher={Адолат}, date={2020},
 pagetotal={400}, langid={russian}}""",
        {},
        "*Grazhdanskiy kodeks Respubliki Uzbekistan*. Code of 29 August 1996. Tashkent, Adolat,"
        " 2020. 400 p. (In Russian)",
        id="code published as a book: the kind and adoption date, no number",
    ),
    pytest.param(
        """@book{ru-vol, author={Иванов, Иван Иванович}, title={История Узбекистана}, volumes={3},
 volume={2}, location={Ташкент}, publisher={Фан}, date={2019}, pagetotal={350},
 langid={russian}}""",
        {},
        "Ivanov I. I. *Istoriya Uzbekistana*. In 3 vols. Vol. 2. Tashkent, Fan, 2019. 350 p."
        " (In Russian)",
        id="one volume of a multi-volume book",
    ),
]


def marked(styled) -> str:
    return "".join(f"*{t}*" if italic else t for t, italic in merge(styled))


def _one(bib: str, settings: dict) -> str:
    result = read_bibtex(bib)
    assert not result.problems and len(result.works) == 1
    chosen = {**style_settings("references-en", defaults()), **settings}
    (out,) = format_works(result.works, "references-en", None, chosen)
    return marked(out)


@pytest.mark.parametrize(("bib", "settings", "expected"), CASES)
def test_golden(bib, settings, expected):
    assert _one(bib, settings) == expected


SEED = {
    "mominov2022": "Mominov K. *Digital History*. Tashkent, Nurafshon business, 2022.",
    "caravanserai-archive": "[Archives]. Caravanserai. Available at:"
    " https://central.asia-news.com/uz-Latn/archives. (In Uzbek)",
}


@pytest.mark.parametrize("key", sorted(SEED))
def test_seed_works(key):
    works = {w.key: w for w in read_bibtex(SEED_BIB.read_text(encoding="utf-8")).works}
    (out,) = format_works([works[key]], "references-en")
    assert marked(out) == SEED[key]


def test_format_cli_prints_a_numbered_list_sorted_by_its_latin_letters(run):
    result = run("format", "mominov2022", "caravanserai-archive", "--style", "references-en")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [  # "[Archives]" files under A, brackets ignored
        f"1. {SEED['caravanserai-archive']}",
        f"2. {SEED['mominov2022'].replace('*', '')}",
    ]
    cited = run("format", "--cited-by", "komolov2024", "--style", "references-en")
    assert cited.stdout.splitlines()[0] == f"1. {SEED['mominov2022'].replace('*', '')}"


def test_transliteration_is_a_setting(run):
    run("import", "-", input=SIDOROV)
    lc = run(
        "format",
        "ru-art",
        "--style",
        "references-en",
        "--set",
        "references-en.transliteration=ala-lc",
    )
    assert lc.exit_code == 0, lc.output
    assert lc.stdout.startswith("1. Sidorov S. S., Elkina E. Iu. Tsifrovaia")
    bad = run(
        "format",
        "ru-art",
        "--style",
        "references-en",
        "--set",
        "references-en.transliteration=klingon",
    )
    assert bad.exit_code == 2


def test_cite_and_check_refuse_references_en(run):
    for command in ("cite", "check"):
        args = [command, "mominov2022"] if command == "cite" else [command]
        result = run(*args, "--style", "references-en")
        assert result.exit_code == 2
        assert "format and audit only" in result.stderr


def test_audit_checks_what_references_en_needs(run, tmp_path):
    """The style's own checks: an English title for a non-English work, a Latin journal title."""
    from diprefs.services.bibliography import Selection, check
    from diprefs.storage.db import open_library

    run(
        "import",
        "-",
        input=SIDOROV.replace("journaltitlelatin={International Affairs},", "").replace(
            "translatedtitle={Digital diplomacy as a tool of foreign policy},", ""
        ),
    )
    db = open_library(run.db)
    fields = [f.field for f in check(db, Selection(keys=["ru-art"]), "references-en")]
    assert fields == ["container_title_latin", "title_translated"]
    db.conn.close()


def test_every_example_in_the_docs_is_a_tested_case():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "references-en.md").read_text("utf-8")
    block = doc.split("## Examples", 1)[1].split("```\n", 2)[1]
    examples = [line for line in block.splitlines() if line]
    tested = {p.values[2] for p in CASES} | set(SEED.values())
    assert len(examples) >= 12
    assert [e for e in examples if e not in tested] == []
