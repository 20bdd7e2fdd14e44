"""works/scholars/citations commands: tables for people, JSON for scripts, errors."""

from __future__ import annotations

import pytest


def test_works_list_json_shape(run):
    rows = run.json("works", "list")
    assert set(rows[0]) == {"key", "type", "title", "year", "authors", "language"}
    komolov = next(r for r in rows if r["key"] == "komolov2024")
    assert komolov == {
        "key": "komolov2024",
        "type": "article-journal",
        "title": "The development of digital diplomacy and its study in Uzbekistan",
        "year": 2024,
        "authors": ["Komolov, Mavlonbek Zafarjon ugli"],
        "language": "en",
    }


def test_works_list_table(run):
    result = run("works", "list")
    assert result.exit_code == 0
    assert "6 works" in result.stdout
    for key in ("komolov2024", "mominov2022", "daryo2023"):
        assert key in result.stdout


def test_works_show_table_prints_the_reference_list(run):
    result = run("works", "show", "komolov2024")
    assert result.exit_code == 0
    assert "reference list" in result.stdout
    assert "[1]" in result.stdout  # brackets are not eaten as markup
    assert "United States Central Command (USCENTCOM)" in result.stdout


def test_works_show_json_has_everything(run):
    w = run.json("works", "show", "mominov2022")
    assert w["cited_by"] == ["komolov2024"]
    assert w["source"]["dialect"] == "biblatex"
    assert w["source"]["entry_type"] == "book"
    assert w["source"]["fields"]["author"] == "{Mominov, Khusanboy}"
    assert w["contributors"] == [
        {
            "role": "author",
            "name": "Mominov, Khusanboy",
            "printed": "Mominov, Khusanboy",
            "scholar_id": w["contributors"][0]["scholar_id"],
        }
    ]
    k = run.json("works", "show", "komolov2024")
    assert len(k["references"]) == 6 and len(k["citations"]) == 1


def test_unknown_key_suggests_near_matches(run):
    result = run("works", "show", "komolov2023")
    assert result.exit_code == 3
    assert result.stderr == (
        "diprefs: error: no work with key 'komolov2023' (did you mean: komolov2024, mominov2022?)\n"
    )
    assert run("citations", "list", "nokey").exit_code == 3


def test_scholars_list_json_shape(run):
    rows = run.json("scholars", "list")
    bjola = next(r for r in rows if r["name"] == "Bjola, Corneliu")
    assert bjola == {
        "id": bjola["id"],
        "name": "Bjola, Corneliu",
        "kind": "person",
        "variants": ["Byola, K."],
        "groups": ["us-europe"],
        "works": 0,
    }
    mominov = next(r for r in rows if r["name"].startswith("Mominov"))
    assert mominov["works"] == 2
    assert [r["name"] for r in rows] == sorted((r["name"] for r in rows), key=str.casefold)


def test_scholars_list_unknown_group(run):
    result = run("scholars", "list", "--group", "uzbekistn")
    assert result.exit_code == 3
    assert result.stderr == (
        "diprefs: error: no mention group 'uzbekistn' (groups: russia-cis, us-europe, uzbekistan)\n"
    )


def test_scholars_list_table(run):
    result = run("scholars", "list", "--group", "russia-cis")
    assert result.exit_code == 0
    assert "8 scholars" in result.stdout and "Tsvetkova" in result.stdout


@pytest.mark.parametrize(
    "query",
    ["Bjola", "bjola", "BYOLA", "Byola, K.", "K. Byola", "Corneliu Bjola", "Bjöla", "  bjola  "],
)
def test_scholars_show_any_variant_case_and_diacritics(run, query):
    assert run.json("scholars", "show", query)["name"] == "Bjola, Corneliu"


def test_scholars_show_apostrophes(run):
    assert run.json("scholars", "show", "Sayfiddinov")["name"] == "Sayfiddinov, A. S."
    assert run.json("scholars", "show", "Sayfiddinov’")["name"] == "Sayfiddinov, A. S."


def test_scholars_show_json_lists_works_and_mentions(run):
    s = run.json("scholars", "show", "Juraev")
    assert s["name"] == "Juraev, F. S."
    assert s["works"] == [{"key": "juraev2018", "role": "author", "printed": "Juraev, F. S."}]
    assert s["mentions"][0]["printed"] == "F.S. Jurayev"
    assert s["mentions"][0]["group"] == "uzbekistan"
    assert set(s) >= {
        "id",
        "name",
        "kind",
        "variants",
        "groups",
        "gender",
        "affiliation",
        "country",
        "orcid",
        "mentions",
        "works",
    }


def test_scholars_show_ambiguous_lists_the_candidates(run):
    result = run("scholars", "show", "Jurayev")
    assert result.exit_code == 4
    lines = result.stderr.splitlines()
    assert lines[0] == "diprefs: error: 'Jurayev' matches 2 scholars:"
    assert [line.split(" (id ")[0] for line in lines[1:]] == ["Juraev, F. S.", "Jurayev, S. A."]


def test_scholars_show_by_id(run):
    juraev = run.json("scholars", "show", "Juraev")
    assert run.json("scholars", "show", str(juraev["id"]))["name"] == "Juraev, F. S."


def test_scholars_show_unknown(run):
    result = run("scholars", "show", "Nobody")
    assert result.exit_code == 3
    assert result.stderr.startswith("diprefs: error: no scholar matches 'Nobody'")


def test_scholars_show_table(run):
    result = run("scholars", "show", "Tsvetkova")
    assert result.exit_code == 0
    assert "Svetkova" in result.stdout and "russia-cis" in result.stdout


def test_citations_list_table(run):
    result = run("citations", "list", "komolov2024")
    assert result.exit_code == 0
    assert "page 258" in result.stdout
    assert "cited by: no work in the library" in result.stdout


def test_works_show_marks_a_supplied_title(run):
    result = run("works", "show", "daryo2023")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "[Uzbekistan allocates 1.5 million dollars for humanitarian aid to Gaza]" in text
    assert "(supplied: not printed in the work)" in text
