"""scholars add / edit / alias / merge / rm, and NAME resolution across scripts (scholars show)."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import db_is_sound


def sid(run, name: str) -> int:
    return run.json("scholars", "show", name)["id"]


def count_rows(library, sql: str) -> int:
    conn = sqlite3.connect(library)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


# --- NAME across scripts and apostrophes (scholars show) --------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "Жураев Ф. С.",  # Cyrillic: the key of Жураев is juraev, Ф fits F, С fits S
        "Жураев, Ф.С.",
        "Ф. С. Жураев",
        "Joʻrayev F. S.",  # Uzbek oʻ is ў (u): the key must be taken before folding drops ʻ
        "Jo'rayev F.S.",
        "Jo’rayev, F. S.",
        "Жўраев Ф. С.",
        "Juraev",
        "F.S. Jurayev",
    ],
)
def test_f_s_juraev_is_found_under_every_spelling(run, query):
    assert run.json("scholars", "show", query)["name"] == "Juraev, F. S."


@pytest.mark.parametrize("query", ["Жураев С. А.", "Joʻrayev S. A.", "S.A. Jurayev"])
def test_s_a_jurayev_is_found_too(run, query):
    assert run.json("scholars", "show", query)["name"] == "Jurayev, S. A."


@pytest.mark.parametrize("query", ["Жураев", "Joʻrayev", "Jurayev"])
def test_the_family_name_alone_fits_both_and_is_ambiguous(run, query):
    result = run("scholars", "show", query)
    assert result.exit_code == 4
    assert result.stderr.splitlines()[1:] == ["Juraev, F. S. (id 3)", "Jurayev, S. A. (id 8)"]


def test_initials_that_fit_nobody_find_nobody(run):
    assert run("scholars", "show", "Жураев Б. Б.").exit_code == 3


# --- scholars add -----------------------------------------------------------------------------


def test_add_prints_the_new_id_and_stores_the_fields(run):
    result = run(
        "scholars", "add", "Karimova, Dilnoza", "--gender", "f", "--affiliation",
        "Tashkent State University of Oriental Studies", "--country", "UZ",
        "--orcid", "0000-0002-1825-0097",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    new_id = int(result.stdout)
    shown = run.json("scholars", "show", str(new_id))
    assert shown["name"] == "Karimova, Dilnoza"
    assert shown["kind"] == "person"
    assert (shown["gender"], shown["country"], shown["orcid"]) == ("f", "UZ", "0000-0002-1825-0097")
    assert shown["affiliation"] == "Tashkent State University of Oriental Studies"
    assert shown["variants"] == [] and shown["works"] == []
    assert f"added scholar {new_id}" in result.stderr
    db_is_sound(run)


def test_an_organisation_is_taken_literally(run):
    result = run("scholars", "add", "Tashkent State University, Faculty of History", "--kind",
                 "organisation")  # fmt: skip
    shown = run.json("scholars", "show", result.stdout.strip())
    assert shown["kind"] == "organisation"
    assert shown["name"] == "Tashkent State University, Faculty of History"


@pytest.mark.parametrize("name", ["Juraev, F. S.", "jurayev, f.s.", "Цветкова Н. А."])
def test_adding_a_known_name_is_refused_unless_forced(run, name):
    before = len(run.json("scholars", "list"))
    refused = run("scholars", "add", name)
    assert refused.exit_code == 4
    assert "--force" in refused.stderr
    assert len(run.json("scholars", "list")) == before
    forced = run("scholars", "add", name, "--force")
    assert forced.exit_code == 0
    assert len(run.json("scholars", "list")) == before + 1


@pytest.mark.parametrize(
    "orcid",
    ["0000-0002-1825-0098", "0000-0002-1825-009", "0000000218250097", "abcd-0002-1825-0097"],
)
def test_a_bad_orcid_is_a_usage_error(run, orcid):
    result = run("scholars", "add", "Karimova, Dilnoza", "--orcid", orcid)
    assert result.exit_code == 2
    assert "--orcid" in result.stderr


def test_an_orcid_with_check_character_x(run):
    # ORCID's own example of an iD whose MOD 11-2 check value is 10, written X.
    assert run("scholars", "add", "Nazarova, O.", "--orcid", "0000-0002-1694-233X").exit_code == 0


def test_a_stored_genitive_is_what_gost_prints(run):
    # A Russian book edited by Ф. С. Жураев; with the stored form the style does not decline.
    assert run("scholars", "add", "Жураев, Ф. С.", "--genitive", "Ф. С. Жўраева").exit_code == 0
    added = run("works", "add", "--type", "book", "--title", "Цифровая дипломатия", "--editor",
                "Жураев, Ф. С.", "--year", "2020", "--place", "Ташкент", "--publisher", "Фан",
                "--lang", "ru", "--key", "cd2020")  # fmt: skip
    assert added.exit_code == 0, added.output
    text = run("format", "cd2020").stdout
    assert "Ф. С. Жўраева" in text


def test_edit_genitive_goes_to_the_spellings_in_its_script(run, library):
    assert run("scholars", "alias", "Juraev F. S.", "Жураев, Ф. С.").exit_code == 0
    assert run("scholars", "edit", "Juraev F. S.", "--genitive", "Ф. С. Жўраева").exit_code == 0
    assert run("works", "add", "--type", "book", "--title", "Цифровая дипломатия", "--editor",
               "Жураев Ф. С.", "--lang", "ru", "--key", "cd2020").exit_code == 0  # fmt: skip
    assert "под редакцией Ф. С. Жўраева" in run("format", "cd2020").stdout
    assert run.json("works", "show", "cd2020")["contributors"][0]["scholar_id"] == 3
    stored = count_rows(
        library, "SELECT group_concat(family || ' ' || given) FROM names WHERE genitive IS NOT NULL"
    )
    assert stored == "Жураев Ф. С."  # not on the Latin spellings
    assert run("scholars", "edit", "3", "--genitive", "").exit_code == 0
    assert count_rows(library, "SELECT count(*) FROM names WHERE genitive IS NOT NULL") == 0


# --- scholars edit ----------------------------------------------------------------------------


def test_edit_sets_a_new_canonical_name_and_keeps_the_old_one_as_a_variant(run):
    result = run("scholars", "edit", "Juraev", "--name", "Жураев, Фаррух Саидович")
    assert result.exit_code == 0, result.output
    shown = run.json("scholars", "show", "3")
    assert shown["name"] == "Жураев, Фаррух Саидович"
    assert shown["variants"] == ["Juraev, F. S.", "Jurayev, F. S."]
    assert shown["works"] == [{"key": "juraev2018", "role": "author", "printed": "Juraev, F. S."}]
    # the search row of juraev2018 now holds the new spelling
    assert run("search", "Фаррух", "--keys").stdout == "juraev2018\n"


def test_edit_to_an_existing_variant_promotes_it(run):
    assert run("scholars", "edit", "Bjola", "--name", "Byola, K.").exit_code == 0
    shown = run.json("scholars", "show", "Byola")
    assert (shown["name"], shown["variants"]) == ("Byola, K.", ["Bjola, Corneliu"])


def test_edit_fields_and_clear_them(run):
    assert run("scholars", "edit", "Komolov", "--gender", "m", "--country", "UZ").exit_code == 0
    shown = run.json("scholars", "show", "Komolov")
    assert (shown["gender"], shown["country"]) == ("m", "UZ")
    assert shown["affiliation"] == "Andijan State University"
    cleared = run("scholars", "edit", "Komolov", "--affiliation", "", "--gender", "unknown")
    assert cleared.exit_code == 0
    shown = run.json("scholars", "show", "Komolov")
    assert (shown["gender"], shown["affiliation"], shown["country"]) == (None, None, "UZ")


def test_edit_kind_rereads_an_organisation_stored_as_a_person(run):
    new_id = run("scholars", "add", "Tashkent State University").stdout.strip()
    assert run.json("scholars", "show", new_id)["name"] == "University, Tashkent State"
    assert run("scholars", "edit", new_id, "--kind", "organisation").exit_code == 0
    shown = run.json("scholars", "show", new_id)
    assert (shown["kind"], shown["name"]) == ("organisation", "Tashkent State University")


def test_edit_errors(run):
    assert run("scholars", "edit", "Komolov").exit_code == 2  # nothing to change
    assert run("scholars", "edit", "Komolov", "--gender", "x").exit_code == 2
    assert run("scholars", "edit", "Komolov", "--orcid", "1").exit_code == 2
    assert run("scholars", "edit", "Nobody", "--country", "UZ").exit_code == 3
    assert run("scholars", "edit", "Jurayev", "--country", "UZ").exit_code == 4  # ambiguous
    taken = run("scholars", "edit", "Komolov", "--name", "Byola, K.")
    assert taken.exit_code == 4
    assert "Bjola, Corneliu" in taken.stderr
    assert run.json("scholars", "show", "Komolov")["name"] == "Komolov, Mavlonbek Zafarjon ugli"


# --- scholars alias ---------------------------------------------------------------------------


def test_alias_adds_a_variant_in_another_script(run):
    result = run("scholars", "alias", "Bjola", "Бьола, Корнелиу")
    assert result.exit_code == 0
    assert run.json("scholars", "show", "Bjola")["variants"] == ["Byola, K.", "Бьола, Корнелиу"]
    assert run.json("scholars", "show", "Корнелиу Бьола")["name"] == "Bjola, Corneliu"


def test_alias_of_a_contributor_reaches_the_search_index(run):
    assert run("scholars", "alias", "Juraev F. S.", "Жўраев, Фаррух").exit_code == 0
    assert run("search", "Фаррух", "--keys").stdout == "juraev2018\n"
    db_is_sound(run)


def test_a_variant_already_there_changes_nothing(run):
    before = run.json("scholars", "show", "Bjola")
    again = run("scholars", "alias", "Bjola", "byola, k")  # the same name, folded
    assert again.exit_code == 0
    assert run.json("scholars", "show", "Bjola") == before


def test_a_variant_of_another_scholar_is_refused_with_a_hint(run):
    result = run("scholars", "alias", "Juraev F. S.", "Jurayev, S. A.")
    assert result.exit_code == 4
    assert "scholars merge" in result.stderr
    assert run.json("scholars", "show", "3")["variants"] == ["Jurayev, F. S."]


def test_alias_errors(run):
    assert run("scholars", "alias", "Nobody", "X").exit_code == 3
    assert run("scholars", "alias", "Жураев", "X").exit_code == 4


# --- scholars merge ---------------------------------------------------------------------------


def test_merge_keeps_keeps_name_and_takes_others_names_works_and_mentions(run):
    keep = int(run("scholars", "add", "Bjola, K.").stdout)
    assert run("works", "add", "--title", "Digital diplomacy", "--author", "Bjola, Corneliu",
               "--key", "bjola2015").exit_code == 0  # fmt: skip
    result = run("scholars", "merge", str(keep), "Bjola, Corneliu")
    assert result.exit_code == 0, result.output
    shown = run.json("scholars", "show", str(keep))
    assert shown["name"] == "Bjola, K."
    assert shown["variants"] == ["Bjola, Corneliu", "Byola, K."]
    assert shown["groups"] == ["us-europe"]
    assert [m["printed"] for m in shown["mentions"]] == ["K. Byola"]
    assert shown["works"] == [{"key": "bjola2015", "role": "author", "printed": "Bjola, Corneliu"}]
    assert run("scholars", "show", "22").exit_code == 3  # Bjola's old id is gone
    db_is_sound(run)


def test_merge_fills_empty_fields_from_other(run):
    keep = run("scholars", "add", "Komolov, M. Z.").stdout.strip()
    assert run("scholars", "merge", keep, "Komolov, Mavlonbek Zafarjon ugli").exit_code == 0
    shown = run.json("scholars", "show", keep)
    assert shown["affiliation"] == "Andijan State University"
    assert [w["key"] for w in shown["works"]] == ["komolov2024"]


def test_merge_errors(run):
    same = run("scholars", "merge", "Juraev", "F. S. Jurayev")
    assert same.exit_code == 4
    assert "same scholar" in same.stderr
    assert run("scholars", "merge", "Juraev", "Nobody").exit_code == 3
    assert run("scholars", "merge", "Juraev", "Jurayev").exit_code == 4  # ambiguous
    assert len(run.json("scholars", "list")) == 36


# --- scholars rm ------------------------------------------------------------------------------


def test_rm_is_refused_while_the_scholar_has_works(run):
    result = run("scholars", "rm", "Mominov")
    assert result.exit_code == 4
    assert result.stderr.splitlines()[1:] == ["komolov2024", "mominov2022"]
    assert len(run.json("scholars", "list")) == 36


def test_rm_force_keeps_the_printed_names_unlinked(run):
    # Linked, every variant of the scholar finds all his works: his patronymic too.
    assert run("search", "Madaminjonovich", "--keys").stdout == "mominov2022\nkomolov2024\n"
    assert run("scholars", "rm", "Mominov", "--force").exit_code == 0
    assert run("scholars", "show", "Mominov").exit_code == 3
    assert len(run.json("scholars", "list")) == 35
    contributors = run.json("works", "show", "mominov2022")["contributors"]
    assert contributors == [
        {
            "role": "author",
            "name": "Mominov, Khusanboy",
            "printed": "Mominov, Khusanboy",
            "scholar_id": None,
        }
    ]
    supervisor = run.json("works", "show", "komolov2024")["contributors"][1]
    assert (supervisor["role"], supervisor["scholar_id"]) == ("supervisor", None)
    # Unlinked, each work is found by its own printed name only ("Mominov, Khusanboy" has no
    # patronymic); Khusanboy still finds both, as the key of Husanboy.
    assert run("search", "Madaminjonovich", "--keys").stdout == "komolov2024\n"
    db_is_sound(run)


def test_rm_keeps_mentions_unlinked(run, library):
    assert run("scholars", "rm", "Jurayev S. A.").exit_code == 0  # no works: no --force needed
    assert count_rows(library, "SELECT count(*) FROM mentions") == 33
    assert (
        count_rows(
            library,
            "SELECT count(*) FROM mentions m JOIN names n ON n.id = m.name_id"
            " WHERE m.printed = 'S.A. Jurayev' AND n.scholar_id IS NULL",
        )
        == 1
    )
    assert len(run.json("scholars", "list", "--group", "uzbekistan")) == 7
    db_is_sound(run)


def test_rm_errors(run):
    assert run("scholars", "rm", "Nobody").exit_code == 3
    assert run("scholars", "rm", "Jurayev").exit_code == 4
