"""works add / rm / tag / untag / merge (works edit: test_works_edit_editor.py)."""

from __future__ import annotations

import pytest

from conftest import SEED_KEYS, db_is_sound


def keys(run) -> list[str]:
    return [w["key"] for w in run.json("works", "list")]


# --- works add from options -------------------------------------------------------------------


def test_add_from_options(run):
    result = run(
        "works", "add", "--type", "book", "--title", "Raqamli diplomatiya", "--author",
        "Жураев, Ф. С.", "--editor", "Karimov, Alisher", "--year", "2021", "--publisher", "Fan",
        "--place", "Toshkent", "--lang", "uz-Latn", "--doi", "10.1234/rd.2021", "--url",
        "https://example.uz/rd", "--pages", "200",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    # Key: the family name in Latin (Uzbek: Ж -> J, е after a vowel -> ye), year, first title word
    assert result.stdout == "jurayev2021raqamli\n"
    assert result.stderr == "diprefs: added jurayev2021raqamli\n"
    work = run.json("works", "show", "jurayev2021raqamli")
    assert {k: work[k] for k in ("type", "title", "language", "publisher", "publisher_place")} == {
        "type": "book",
        "title": "Raqamli diplomatiya",
        "language": "uz-Latn",
        "publisher": "Fan",
        "publisher_place": "Toshkent",
    }
    assert (work["doi"], work["url"], work["page"]) == (
        "10.1234/rd.2021",
        "https://example.uz/rd",
        "200",
    )
    assert work["dates"] == {"issued": "2021"}
    assert [(c["role"], c["name"], c["printed"]) for c in work["contributors"]] == [
        ("author", "Жураев, Ф. С.", "Жураев, Ф. С."),
        ("editor", "Karimov, Alisher", "Karimov, Alisher"),
    ]
    assert work["source"] is None
    # the search index knows it
    assert run("search", "raqamli", "--keys").stdout == "jurayev2021raqamli\n"
    db_is_sound(run)


def test_add_journal_article_with_given_key(run):
    result = run("works", "add", "--type", "article-journal", "--title", "On FLIR", "--journal",
                 "Oʻzbekiston tarixi", "--volume", "3", "--issue", "2", "--year", "2023-01-17",
                 "--key", "flir")  # fmt: skip
    assert result.stdout == "flir\n"
    work = run.json("works", "show", "flir")
    assert (work["container_title"], work["volume"], work["issue"]) == (
        "Oʻzbekiston tarixi",
        "3",
        "2",
    )
    assert work["dates"] == {"issued": "2023-01-17"}
    assert work["contributors"] == []


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Farrukh Juraev", "Juraev, Farrukh"),  # Given Family
        ("Жураев Ф. С.", "Жураев, Ф. С."),  # Family I. O., as CIS lists print it
        ("{Tashkent State University}", "Tashkent State University"),  # an organisation
    ],
)
def test_names_as_typed(run, typed, name):
    run("works", "add", "--title", "T", "--author", typed, "--key", "t")
    assert run.json("works", "show", "t")["contributors"][0]["name"] == name


def test_a_known_spelling_joins_its_scholar(run):
    run("works", "add", "--title", "T", "--author", "Mominov, Husanboy", "--key", "t")
    mominov = run.json("scholars", "show", "Mominov")["id"]
    assert run.json("works", "show", "t")["contributors"][0]["scholar_id"] == mominov
    assert "t" in [w["key"] for w in run.json("scholars", "show", "Mominov")["works"]]


def test_the_default_type_is_document(run):
    run("works", "add", "--title", "A note", "--key", "n")
    assert run.json("works", "show", "n")["type"] == "document"


@pytest.mark.parametrize(
    "args",
    [
        ["--title", "T", "--type", "novel"],  # unknown type
        ["--title", "T", "--year", "last year"],  # not a date
        ["--author", "Juraev, F. S."],  # no title
        ["--title", "T", "--bibtex", "-"],  # --bibtex with a field option
        ["--bibtex", "-", "--type", "book"],
        ["--title", "T", "--json"],  # no JSON here
    ],
)
def test_usage_errors(run, args):
    assert run("works", "add", *args, input="@book{a, title={A}}").exit_code == 2
    assert keys(run) == SEED_KEYS


def test_a_key_that_exists_is_refused(run):
    result = run("works", "add", "--title", "T", "--key", "komolov2024")
    assert result.exit_code == 4
    assert "komolov2024" in result.stderr
    assert run.json("works", "show", "komolov2024")["title"].startswith("The development")


def test_generated_keys_do_not_collide(run):
    first = run("works", "add", "--title", "Digital diplomacy", "--author", "Juraev, F. S.",
                "--year", "2018").stdout  # fmt: skip
    second = run("works", "add", "--title", "Digital diplomacy", "--author", "Juraev, F. S.",
                 "--year", "2018").stdout  # fmt: skip
    assert (first, second) == ("juraev2018digital\n", "juraev2018digitala\n")


# --- works add --bibtex -----------------------------------------------------------------------

TWO = """@string{fan = "Fan"}
@book{karimov2020, author = {Karimov, A.}, title = {Tarix}, publisher = fan, year = 2020}
@article{rahimova2021, author = {Rahimova, D.}, title = {Manbalar}, journal = {Tarix}, year = 2021}
"""


def test_add_bibtex_from_stdin(run):
    result = run("works", "add", "--bibtex", "-", input=TWO)
    assert result.exit_code == 0, result.output
    assert result.stdout == "karimov2020\nrahimova2021\n"
    assert run.json("works", "show", "karimov2020")["publisher"] == "Fan"
    assert run("search", "manbalar", "--keys").stdout == "rahimova2021\n"
    exported = run("export", "karimov2020", "--format", "biblatex").stdout
    assert '@string{fan = "Fan"}' in exported and "publisher = fan" in exported
    db_is_sound(run)


def test_add_bibtex_from_a_file_with_a_new_key(run, tmp_path):
    path = tmp_path / "one.bib"
    path.write_text("@book{x, title = {Tarix}, year = 2020}", encoding="utf-8")
    result = run("works", "add", "--bibtex", str(path), "--key", "tarix2020")
    assert result.stdout == "tarix2020\n"
    assert run.json("works", "show", "tarix2020")["title"] == "Tarix"


def test_an_entry_without_a_key_gets_one(run):
    result = run("works", "add", "--bibtex", "-",
                 input="@book{, author = {Karimov, A.}, title = {Tarix}, year = 2020}")  # fmt: skip
    assert result.stdout == "karimov2020tarix\n"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", 5),  # nothing
        ("% only a comment\n", 5),
        ("@book{ok, title = {A}}\n@book{bad, title = {B}", 5),  # a truncated block: nothing added
        ("@book{ok, title = {A}}\n@book{komolov2024, title = {B}}", 4),  # a key that exists
    ],
)
def test_bad_bibtex_adds_nothing(run, text, code):
    result = run("works", "add", "--bibtex", "-", input=text)
    assert result.exit_code == code
    assert result.stderr.startswith("diprefs: error: ")
    assert keys(run) == SEED_KEYS


def test_key_with_several_entries_is_invalid(run):
    result = run("works", "add", "--bibtex", "-", "--key", "k", input=TWO)
    assert result.exit_code == 5
    assert keys(run) == SEED_KEYS


def test_a_missing_bibtex_file(run, tmp_path):
    assert run("works", "add", "--bibtex", str(tmp_path / "nothing.bib")).exit_code == 3


# --- works rm ---------------------------------------------------------------------------------


def test_rm_is_refused_while_another_work_lists_it(run):
    result = run("works", "rm", "mominov2022")
    assert result.exit_code == 4
    assert result.stderr.splitlines()[1:] == ["komolov2024"]
    assert keys(run) == SEED_KEYS


def test_rm_force_removes_the_entries_and_citations_too(run):
    result = run("works", "rm", "mominov2022", "--force")
    assert result.exit_code == 0
    assert "mominov2022" not in keys(run)
    listed = run.json("citations", "list", "komolov2024")
    assert [(r["position"], r["label"], r["key"]) for r in listed["references"]] == [
        (1, "2.", "juraev2018"),
        (2, "2.", "caravanserai-archive"),
        (3, "3.", "caravanserai-archive"),
        (4, "4.", "usembassy2023"),
        (5, "5.", "daryo2023"),
    ]
    assert listed["citations"] == []
    # the scholar stays, with the work they supervised
    shown = run.json("scholars", "show", "Mominov")
    assert [w["key"] for w in shown["works"]] == ["komolov2024"]
    assert run("search", "digital history", "--keys").stdout == ""
    db_is_sound(run)


def test_rm_a_work_nobody_cites_takes_its_own_links(run):
    assert run("works", "rm", "komolov2024").exit_code == 0
    assert run.json("works", "show", "mominov2022")["cited_by"] == []
    assert run("scholars", "list", "--group", "uzbekistan").exit_code == 3  # its mentions went
    assert len(run.json("scholars", "list")) == 36  # scholars stay
    db_is_sound(run)


def test_rm_every_work_leaves_a_sound_library(run):
    for key in ["komolov2024", *SEED_KEYS]:
        run("works", "rm", key)
    assert keys(run) == []
    db_is_sound(run)


def test_rm_unknown_key(run):
    assert run("works", "rm", "komolov").exit_code == 3


# --- works tag / untag ------------------------------------------------------------------------


def test_tag_and_untag(run):
    assert run("works", "tag", "komolov2024", "thesis-ch1", "review").exit_code == 0
    assert run.json("works", "show", "komolov2024")["tags"] == ["review", "thesis-ch1"]
    assert run("search", "--tag", "review", "--keys").stdout == "komolov2024\n"
    again = run("works", "tag", "komolov2024", "review")  # has it: no change
    assert again.exit_code == 0
    assert run.json("works", "show", "komolov2024")["tags"] == ["review", "thesis-ch1"]
    assert run("works", "untag", "komolov2024", "review", "absent").exit_code == 0
    assert run.json("works", "show", "komolov2024")["tags"] == ["thesis-ch1"]


def test_tags_reach_the_export_of_an_imported_work(run):
    run("works", "tag", "juraev2018", "b", "a")
    assert "tags = {b, a}" in run("export", "juraev2018", "--format", "biblatex").stdout
    run("works", "untag", "juraev2018", "a", "b")
    assert "tags" not in run("export", "juraev2018", "--format", "biblatex").stdout


def test_tags_are_case_sensitive(run):
    run("works", "tag", "juraev2018", "Review", "review")
    assert run.json("works", "show", "juraev2018")["tags"] == ["Review", "review"]


@pytest.mark.parametrize("tag", ["two words", "a,b", "", "{x}"])
def test_a_bad_tag_is_a_usage_error(run, tag):
    assert run("works", "tag", "juraev2018", tag).exit_code == 2
    assert run.json("works", "show", "juraev2018")["tags"] == []


def test_tag_errors(run):
    assert run("works", "tag", "nothing", "x").exit_code == 3
    assert run("works", "untag", "nothing", "x").exit_code == 3
    assert run("works", "tag", "juraev2018").exit_code == 2  # no tag


# --- works merge ------------------------------------------------------------------------------


@pytest.fixture
def duplicate(run):
    """A hand-made duplicate of juraev2018 with a DOI, listed and cited by komolov2024."""
    assert run("works", "add", "--type", "book", "--title", "Digital diplomacy", "--author",
               "Juraev, F. S.", "--year", "2018", "--doi", "10.1234/dd", "--key",
               "juraevdup").exit_code == 0  # fmt: skip
    assert run("references", "add", "komolov2024", "juraevdup").exit_code == 0
    assert run("citations", "add", "komolov2024", "juraevdup", "--page", "5").exit_code == 0
    assert run("works", "tag", "juraevdup", "dup").exit_code == 0
    return run


def test_merge_moves_links_to_keep_and_fills_its_empty_fields(duplicate):
    run = duplicate
    result = run("works", "merge", "juraev2018", "juraevdup")
    assert result.exit_code == 0, result.output
    assert run("works", "show", "juraevdup").exit_code == 3
    work = run.json("works", "show", "juraev2018")
    assert work["title"] == "Digital diplomacy in the foreign policy of a national state"  # KEEP's
    assert work["doi"] == "10.1234/dd"  # filled from OTHER
    assert work["tags"] == ["dup"]
    assert "kept juraev2018's title" in result.stderr
    listed = run.json("citations", "list", "komolov2024")
    assert [r["key"] for r in listed["references"]][-1] == "juraev2018"
    assert listed["citations"][-1] == {
        "key": "juraev2018",
        "marker": None,
        "locator": "page 5",
        "context": None,
    }
    exported = run("export", "juraev2018", "--format", "biblatex").stdout
    assert "doi = {10.1234/dd}" in exported and "tags = {dup}" in exported
    db_is_sound(run)


def test_merge_moves_others_own_list_citations_and_mentions_when_keep_has_none(run):
    result = run("works", "merge", "juraev2018", "komolov2024")
    assert result.exit_code == 0, result.output
    listed = run.json("citations", "list", "juraev2018")
    assert len(listed["references"]) == 6
    assert [c["key"] for c in listed["citations"]] == ["mominov2022"]
    # The mention groups went along: the scholars named in komolov2024 are named in juraev2018.
    assert len(run.json("scholars", "list", "--group", "us-europe")) == 15
    shown = run.json("scholars", "show", "Bjola")
    assert [m["work"] for m in shown["mentions"]] == ["juraev2018"]
    # KEEP had its own contributors; OTHER's (Komolov, Mominov as supervisor) are reported
    assert "dropped komolov2024's contributors (2): juraev2018 has its own" in result.stderr
    assert [c["name"] for c in run.json("works", "show", "juraev2018")["contributors"]] == [
        "Juraev, F. S."
    ]
    db_is_sound(run)


def test_merge_points_others_crossref_children_at_keep(run, tmp_path):
    bib = tmp_path / "family.bib"
    bib.write_text(
        "@book{vol2020, title = {Collected Papers}, publisher = {Fan}, date = {2020}}\n"
        "@book{vol2020b, title = {Collected papers}, date = {2020}}\n"
        "@incollection{ch1, author = {Karimov, A.}, title = {One}, crossref = {vol2020b}}\n",
        encoding="utf-8",
    )
    assert run("import", str(bib)).exit_code == 0
    assert run("works", "merge", "vol2020", "vol2020b").exit_code == 0
    exported = run("export", "ch1").stdout
    assert "crossref = {vol2020}" in exported
    assert "@book{vol2020," in exported  # the parent comes out with its child
    db_is_sound(run)


def test_merge_warns_about_others_list_when_keep_has_its_own(run):
    assert run("references", "add", "juraev2018", "mominov2022").exit_code == 0
    result = run("works", "merge", "juraev2018", "komolov2024")
    assert result.exit_code == 0
    assert "dropped komolov2024's references (6): juraev2018 has its own" in result.stderr
    assert [r["key"] for r in run.json("citations", "list", "juraev2018")["references"]] == [
        "mominov2022"
    ]


def test_merge_takes_others_contributors_when_keep_has_none(run):
    run("works", "add", "--title", "Digital History", "--key", "dh")
    assert run("works", "merge", "dh", "mominov2022").exit_code == 0
    contributors = run.json("works", "show", "dh")["contributors"]
    mominov = run.json("scholars", "show", "Mominov")["id"]
    assert [(c["printed"], c["scholar_id"]) for c in contributors] == [
        ("Mominov, Khusanboy", mominov)
    ]
    # komolov2024 listed and cited mominov2022: now it lists and cites dh
    listed = run.json("citations", "list", "komolov2024")
    assert listed["references"][0]["key"] == "dh"
    assert listed["citations"][0]["key"] == "dh"


def test_merge_errors(run):
    assert run("works", "merge", "juraev2018", "juraev2018").exit_code == 4
    assert run("works", "merge", "juraev2018", "nothing").exit_code == 3
    assert run("works", "merge", "nothing", "juraev2018").exit_code == 3
    assert keys(run) == SEED_KEYS
