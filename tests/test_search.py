"""``diprefs search``: words and names across scripts, FTS5 syntax, filters, output forms."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Run
from diprefs.formats.bibtex import read_bibtex
from diprefs.services.search import Query, highlight_terms, match_spans, parse_years, search
from diprefs.storage import search as store

# Works added to a copy of the seed: the same people printed in other scripts and spellings.
# Bjola is only mentioned in the seed article (no work of his is in the seed), so the seed alone
# gives `search Bjola` nothing to find.
EXTRA_BIB = r"""
@book{zhuraev2019, author = {Жураев, Ф. С.}, title = {Цифровая дипломатия}, date = {2019},
  langid = {russian}}
@article{bjola2015, author = {Bjola, Corneliu and Holmes, Marcus},
  title = {Digital Diplomacy: Theory and Practice}, journaltitle = {Diplomacy and Statecraft},
  date = {2015}, langid = {english}}
@article{byola2020, author = {Бьола, К.}, title = {Цифровая дипломатия: теория и практика},
  date = {2020}, langid = {russian}}
@online{ozbek2021, title = {Oʻzbekiston tashqi siyosati}, date = {2021}, langid = {uz-Latn}}
@online{ozbek2022, title = {O'zbekiston Respublikasi}, date = {2022}, langid = {uz-Cyrl}}
@book{tsvetkova2017, author = {Цветкова, Н. А.}, title = {Публичная дипломатия США: новый этап},
  date = {2017}, langid = {russian}}
@book{khusanboy2021, author = {Mominov, Xusanboy}, title = {Tarix}, date = {2021}, langid = {uz}}
"""

# Tags for the works above (BibTeX has no tag field diprefs reads; tags are the library's own).
EXTRA_TAGS = {"bjola2015": ("diplomacy", "theory"), "byola2020": ("diplomacy",)}


@pytest.fixture(scope="session")
def extended_template(seeded_template, tmp_path_factory) -> Path:
    """The seed plus EXTRA_BIB, built once (add_work in one transaction, as an import would)."""
    from diprefs.storage.db import open_library, transaction
    from diprefs.storage.works import add_work

    path = tmp_path_factory.mktemp("extended") / "library.db"
    shutil.copy(seeded_template, path)
    result = read_bibtex(EXTRA_BIB, file="extra.bib")
    assert not result.problems
    db = open_library(path)
    with transaction(db):
        for work in result.works:
            add_work(db, dataclasses.replace(work, tags=EXTRA_TAGS.get(work.key, ())))
    db.conn.close()
    return path


@pytest.fixture
def xrun(tmp_path, extended_template) -> Run:
    path = tmp_path / "extended.db"
    shutil.copy(extended_template, path)
    return Run(path)


def keys(run: Run, *args: str) -> list[str]:
    result = run("search", *args, "--keys")
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


# --- Words ------------------------------------------------------------------------------------


def test_json_is_the_works_list_shape_plus_rank(run):
    rows = run.json("search", "digital", "diplomacy")
    assert sorted(r["key"] for r in rows) == ["juraev2018", "komolov2024"]
    listed = {r["key"]: r for r in run.json("works", "list")}
    for row in rows:
        assert list(row) == ["key", "type", "title", "year", "authors", "language", "rank"]
        assert {k: v for k, v in row.items() if k != "rank"} == listed[row["key"]]
        assert isinstance(row["rank"], float) and row["rank"] < 0  # bm25: smaller is better
    assert rows[0]["rank"] <= rows[1]["rank"]


def test_every_word_is_required_and_a_prefix(run):
    assert set(keys(run, "dipl")) == {"juraev2018", "komolov2024"}
    assert keys(run, "digital", "history") == ["mominov2022"]
    assert set(keys(run, "digital")) == {"juraev2018", "komolov2024", "mominov2022"}
    assert keys(run, "digital", "nosuchword") == []


def test_searches_containers_abstracts_keywords_and_names(run):
    assert keys(run, "caravanserai") == ["caravanserai-archive"]  # container title
    assert keys(run, "shortcomings") == ["komolov2024"]  # abstract
    assert keys(run, "sayfiddinov") == ["komolov2024"]  # keywords
    assert set(keys(run, "madaminjonovich")) == {"komolov2024", "mominov2022"}  # a variant
    assert keys(run, "embassy") == ["usembassy2023"]  # an organisation


def test_bjola_and_byola_find_the_same_works(xrun):
    found = set(keys(xrun, "Bjola"))
    assert found == {"bjola2015", "byola2020"}
    assert set(keys(xrun, "Byola")) == found
    assert set(keys(xrun, "Бьола")) == found


def test_a_given_name_is_found_in_any_spelling(run, tmp_path):
    """Given names get transliteration keys too: Жахонгир, Jakhongir and Djakhongir all find
    Jahongir, and J. (an initial, not a key) is not found by them."""
    bib = tmp_path / "given.bib"
    bib.write_text(
        "@book{qodirov2021, author = {Qodirov, Jahongir}, title = {Raqamli}, year = 2021}\n"
        "@book{nazarov2020, author = {Nazarov, J.}, title = {Boshqa}, year = 2020}\n",
        encoding="utf-8",
    )
    assert run("import", str(bib)).exit_code == 0
    for spelling in ("Жахонгир", "Jakhongir", "Djakhongir", "jahongir"):
        assert run("search", spelling, "--keys").stdout == "qodirov2021\n", spelling


def test_seed_alone_has_no_work_by_bjola(run):
    assert keys(run, "Bjola") == [] and keys(run, "Byola") == []


def test_names_match_across_scripts_and_romanisations(xrun):
    assert set(keys(xrun, "Жураев")) == {"juraev2018", "zhuraev2019"}
    # komolov2024 has "S.A. Jurayev" in its keywords (text, not a contributor).
    assert set(keys(xrun, "Jurayev")) == {"juraev2018", "zhuraev2019", "komolov2024"}
    # Uzbek Latin oʻ is ў, Russian у: Joʻrayev is Жураев (the key comes before folding).
    assert set(keys(xrun, "Joʻrayev")) == {"juraev2018", "zhuraev2019"}
    assert set(keys(xrun, "Tsvetkova")) == {"tsvetkova2017"}
    # Цветкова joined the seed's scholar Tsvetkova, whose variants include the article's garbled
    # "Svetkova": every variant of a contributor is searchable.
    assert set(keys(xrun, "Svetkova")) == {"tsvetkova2017"}
    assert set(keys(xrun, "Цветкова")) == {"tsvetkova2017"}
    # Given names match as spelled, in any of the scholar's variants: the seed's Mominov is
    # printed Husanboy and Khusanboy. (Whether the import also joins "Mominov, Xusanboy" to him
    # is the import's rule, not search's, so only the work printed that way is pinned.)
    assert set(keys(xrun, "Khusanboy")) >= {"komolov2024", "mominov2022"}
    assert set(keys(xrun, "Husanboy")) == set(keys(xrun, "Khusanboy"))
    assert "khusanboy2021" in keys(xrun, "Xusanboy")


@pytest.mark.parametrize("spelling", ["Oʻzbekiston", "O'zbekiston", "O’zbekiston", "Ozbekiston"])
def test_apostrophe_variants_are_one_word(xrun, spelling):
    assert set(keys(xrun, spelling)) == {"ozbek2021", "ozbek2022"}


def test_cyrillic_case_and_short_i(xrun):
    assert keys(xrun, "ЦИФРОВАЯ", "теор") == ["byola2020"]
    # й is indexed as и (names.keys.fold); plain and FTS5 queries are folded the same way.
    assert keys(xrun, "Новый") == ["tsvetkova2017"]
    assert keys(xrun, "новыи") == ["tsvetkova2017"]
    assert keys(xrun, "--fts", "новый AND США") == ["tsvetkova2017"]


@pytest.mark.parametrize(
    "text",
    [
        "digital AND (",
        'digital "diplomacy',
        "title:digital",
        "NEAR(digital",
        "x'); DROP TABLE works; --",
        "*",
        "^digital",
        "digital OR",
    ],
)
def test_plain_words_are_quoted_safely(run, text):
    result = run("search", text, "--keys")
    assert result.exit_code == 0, result.output
    assert len(run.json("works", "list")) == 6


def test_dotted_initials_are_one_phrase(run):
    # "F.S." is f followed by s: juraev2018's author, not the F.M. and S.A. of komolov2024's
    # keywords.
    assert keys(run, "F.S.") == ["juraev2018"]
    assert set(keys(run, "F", "S")) == {"juraev2018", "komolov2024"}


def test_a_query_without_words_is_no_query(run):
    assert keys(run, "—") == keys(run) == sorted(r["key"] for r in run.json("works", "list"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_plain_text_gives_a_valid_fts_expression(text):
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE works_fts USING fts5(title, container, abstract, keywords, note,"
        " names, name_keys, tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute("INSERT INTO works_fts (title) VALUES ('digital diplomacy')")
    match = store.plain_match(text)
    if match is not None:
        conn.execute("SELECT rowid FROM works_fts WHERE works_fts MATCH ?", [match]).fetchall()


# --- FTS5 syntax --------------------------------------------------------------------------------


def test_fts_passes_syntax_through(run):
    assert set(keys(run, "--fts", "digital NOT history")) == {"juraev2018", "komolov2024"}
    assert keys(run, "--fts", "title:history") == ["mominov2022"]
    assert set(keys(run, "--fts", "digital OR embassy")) == {
        "juraev2018",
        "komolov2024",
        "mominov2022",
        "usembassy2023",
    }
    assert keys(run, "--fts", '"foreign policy"') == ["juraev2018"]


def test_fts_query_loses_apostrophes_like_the_index(xrun):
    assert set(keys(xrun, "--fts", "Oʻzbekiston OR O’zbek*")) == {"ozbek2021", "ozbek2022"}


@pytest.mark.parametrize("text", ["digital AND (", "nosuchcolumn:digital", '"unterminated'])
def test_fts_syntax_sqlite_rejects_is_one_line_exit_5(run, text):
    result = run("search", "--fts", text)
    assert result.exit_code == 5
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("diprefs: error: ")
    assert repr(text) in lines[0]


# --- Filters --------------------------------------------------------------------------------


def test_author_through_variants_and_transliteration(xrun, run):
    assert keys(run, "--author", "Жураев") == ["juraev2018"]  # the example of docs/cli.md
    assert keys(xrun, "--author", "Juraev") == ["juraev2018", "zhuraev2019"]
    assert keys(xrun, "--author", "Жураев") == ["juraev2018", "zhuraev2019"]
    assert keys(xrun, "--author", "F. S. Jurayev") == ["juraev2018", "zhuraev2019"]
    assert keys(xrun, "--author", "Juraev Ф. С.") == ["juraev2018", "zhuraev2019"]
    assert keys(xrun, "--author", "Joʻrayev, F.S.") == ["juraev2018", "zhuraev2019"]
    assert keys(xrun, "--author", "Juraev A.") == []
    # S. A. Jurayev is another person with no works: his initials fit neither F. S. Juraev.
    assert keys(xrun, "--author", "S. A. Jurayev") == []
    assert keys(xrun, "--author", "Byola") == ["bjola2015", "byola2020"]
    assert keys(xrun, "--author", "Jura") == ["juraev2018", "zhuraev2019"]  # a prefix
    assert keys(xrun, "--author", "Embassy") == ["usembassy2023"]


def test_author_finds_every_role_and_every_spelling_of_the_scholar(run):
    # Mominov supervised komolov2024 and wrote mominov2022, printed "Mominov, Khusanboy".
    assert keys(run, "--author", "Mominov Husanboy") == ["komolov2024", "mominov2022"]
    assert keys(run, "--author", "Khusanboy Mominov") == ["komolov2024", "mominov2022"]


def test_author_and_query_together(xrun):
    assert keys(xrun, "diplomacy", "--author", "Bjola") == ["bjola2015"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", ["daryo2023", "usembassy2023"]),
        ("2018..2022", ["juraev2018", "mominov2022"]),
        ("2022..", ["daryo2023", "komolov2024", "mominov2022", "usembassy2023"]),
        ("..2018", ["juraev2018"]),
        ("1900..1901", []),
    ],
)
def test_year(run, value, expected):
    assert keys(run, "--year", value) == expected


@pytest.mark.parametrize("value", ["20x", "2022..2018", "..", "", "2018...2020", "12345", "-5"])
def test_malformed_year_is_a_usage_error(run, value):
    result = run("search", "--year", value)
    assert result.exit_code == 2
    assert "--year" in result.stderr


def test_parse_years():
    assert parse_years("2022") == (2022, 2022)
    assert parse_years("2018..2022") == (2018, 2022)
    assert parse_years("2018..") == (2018, None)
    assert parse_years("..2022") == (None, 2022)


def test_type_tag_and_language(xrun):
    assert keys(xrun, "--type", "webpage") == [
        "caravanserai-archive",
        "daryo2023",
        "ozbek2021",
        "ozbek2022",
        "usembassy2023",
    ]
    assert keys(xrun, "--type", "web") == []  # exact
    assert keys(xrun, "--tag", "diplomacy") == ["bjola2015", "byola2020"]
    assert keys(xrun, "--tag", "diplomacy", "--tag", "theory") == ["bjola2015"]
    assert keys(xrun, "--tag", "nosuchtag") == []
    assert keys(xrun, "--lang", "uz") == [
        "caravanserai-archive",
        "khusanboy2021",
        "ozbek2021",
        "ozbek2022",
    ]
    assert keys(xrun, "--lang", "uz-latn") == ["caravanserai-archive", "ozbek2021"]
    assert keys(xrun, "--lang", "u") == []  # a prefix of whole subtags only
    assert set(keys(xrun, "--lang", "ru", "дипломатия")) == {
        "byola2020",
        "tsvetkova2017",
        "zhuraev2019",
    }


def test_cites_and_cited_by(run):
    assert keys(run, "--cites", "mominov2022") == ["komolov2024"]
    assert keys(run, "--cites", "komolov2024") == []
    assert keys(run, "--cited-by", "komolov2024") == [
        "caravanserai-archive",
        "daryo2023",
        "juraev2018",
        "mominov2022",
        "usembassy2023",
    ]
    assert set(keys(run, "--cited-by", "komolov2024", "digital")) == {"juraev2018", "mominov2022"}


@pytest.mark.parametrize("option", ["--cites", "--cited-by"])
def test_unknown_link_key_exits_3(run, option):
    result = run("search", option, "komolov2023")
    assert result.exit_code == 3
    assert result.stderr == (
        "diprefs: error: no work with key 'komolov2023' (did you mean: komolov2024, mominov2022?)\n"
    )


def test_no_query_lists_all_by_key_with_null_rank(run):
    rows = run.json("search")
    assert [r["key"] for r in rows] == sorted(r["key"] for r in run.json("works", "list"))
    assert all(r["rank"] is None for r in rows)


# --- Output forms ---------------------------------------------------------------------------


def test_csv(run):
    result = run("search", "digital", "--year", "2018", "--csv")
    assert result.exit_code == 0
    assert result.stdout_bytes.decode() == (  # Click's .stdout turns CRLF into LF
        "key,year,authors,title,type\r\n"
        'juraev2018,2018,"Juraev, F. S.",Digital diplomacy in the foreign policy of a national'
        " state,book\r\n"
    )


def test_csv_leaves_an_unknown_year_empty_and_joins_authors(xrun):
    result = xrun("search", "--author", "Holmes", "--csv")
    assert result.stdout.splitlines()[1] == (
        'bjola2015,2015,"Bjola, Corneliu; Holmes, Marcus",Digital Diplomacy: Theory and Practice,'
        "article-journal"
    )
    result = xrun("search", "caravanserai", "--csv")
    assert result.stdout.splitlines()[1] == "caravanserai-archive,,,Archives,webpage"


def test_output_options_exclude_each_other(run):
    for pair in (("--json", "--csv"), ("--csv", "--keys"), ("--json", "--keys")):
        result = run("search", "digital", *pair)
        assert result.exit_code == 2
        assert result.stdout == ""


def test_table_lists_the_hits(run):
    result = run("search", "digital", "diplomacy")
    assert result.exit_code == 0
    assert "2 works found" in result.stdout
    assert "juraev2018" in result.stdout and "komolov2024" in result.stdout
    assert "mominov2022" not in result.stdout


def test_table_highlights_the_match_on_a_colour_terminal(run, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    out = run("search", "histor").stdout
    # bold yellow (SGR 1;33) around the matched word only.
    assert "\x1b[1;33mHistory\x1b[0m" in out
    assert "\x1b[1;33mDigital" not in out


def test_match_spans():
    terms = highlight_terms(Query(words="dipl Жураев"))
    text = "Digital diplomacy and e-diplomacy"
    assert [text[a:b] for a, b in match_spans(text, terms)] == ["diplomacy", "diplomacy"]
    assert match_spans("Juraev, F. S.", terms) == []  # titles: no transliteration
    assert match_spans("Juraev, F. S.", terms, names=True) == [(0, 6)]
    uz = highlight_terms(Query(words="O'zbekiston"))
    assert match_spans("Oʻzbekiston tashqi", uz) == [(0, 11)]
    fts = highlight_terms(Query(words="title:digital NOT history", fts=True))
    assert [t for t, _ in fts] == ["digital", "history"]


# --- Opening the library ----------------------------------------------------------------------


def test_fast_path_knows_every_migration_and_the_application_id():
    from sqlite_utils import Database

    from diprefs.storage.schema import APPLICATION_ID, migrations

    assert store.APPLICATION_ID == APPLICATION_ID
    names = tuple(m.name for m in migrations.pending(Database(memory=True)))
    assert names == store.READS_MIGRATIONS, "check storage/search.py against the new schema"


def test_fast_path_opens_only_a_current_library(library, tmp_path):
    conn = store.open_current(library)
    assert conn is not None
    assert search(conn, Query(words="history"))[0]["key"] == "mominov2022"
    conn.close()
    assert store.open_current(tmp_path / "missing.db") is None
    text = tmp_path / "notes.txt"
    text.write_text("not a library")
    assert store.open_current(text) is None
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert store.open_current(other) is None


def test_newer_library_is_refused_not_read(library):
    conn = sqlite3.connect(library)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('diprefs', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    assert store.open_current(library) is None
    result = Run(library)("search", "digital")
    assert result.exit_code == 1
    assert "newer diprefs" in result.stderr


def test_first_use_creates_the_library(tmp_path):
    path = tmp_path / "new" / "library.db"
    result = Run(path)("search", "history", "--keys")
    assert result.exit_code == 0
    assert result.stdout == "mominov2022\n"
    assert "created library" in result.stderr


def test_keys_search_loads_neither_sqlite_utils_nor_rich(library):
    code = (
        "import sys; from diprefs.cli import cli\n"
        f"try:\n    cli(['--db', {str(library)!r}, 'search', 'digital', '--keys'])\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('sqlite_utils', 'rich', 'bibtexparser') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
    )
    lines = out.stdout.splitlines()
    assert set(lines[:-1]) == {"juraev2018", "komolov2024", "mominov2022"}
    assert lines[-1] == "HEAVY:"
