"""works edit: $EDITOR is a small Python script that tests drive through environment variables.

The script copies what it was shown to EDIT_SEEN, then replaces the file with EDIT_WRITE (or
applies EDIT_FROM -> EDIT_TO); EDIT_EXIT makes it fail. With EDIT_SECOND it writes that text on
its second run instead (for the re-open question).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import import_bib

EDITOR = """
import os, sys
from pathlib import Path
path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
seen = Path(os.environ["EDIT_SEEN"])
runs = seen.with_suffix(".runs")
count = int(runs.read_text()) + 1 if runs.exists() else 1
runs.write_text(str(count))
seen.write_text(text, encoding="utf-8")
if count > 1 and "EDIT_SECOND" in os.environ:
    text = os.environ["EDIT_SECOND"]
elif "EDIT_WRITE" in os.environ:
    text = os.environ["EDIT_WRITE"]
elif "EDIT_FROM" in os.environ:
    text = text.replace(os.environ["EDIT_FROM"], os.environ["EDIT_TO"])
path.write_text(text, encoding="utf-8")
sys.exit(int(os.environ.get("EDIT_EXIT", "0")))
"""


@pytest.fixture
def editor(tmp_path, monkeypatch):
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    seen = tmp_path / "seen.bib"
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("EDIT_SEEN", str(seen))

    def runs() -> int:
        counter = seen.with_suffix(".runs")
        return int(counter.read_text()) if counter.exists() else 0

    return seen, runs


def test_the_editor_shows_the_entry_as_export_writes_it(run, editor):
    seen, _ = editor
    result = run("works", "edit", "mominov2022")
    assert result.exit_code == 0
    assert result.stderr == "diprefs: no changes\n"
    exported = run("export", "mominov2022", "--format", "biblatex").stdout
    assert seen.read_text(encoding="utf-8").strip() in exported
    assert seen.read_text(encoding="utf-8").startswith("@book{mominov2022,\n")


def test_a_changed_field_is_saved_and_the_links_stay(run, editor, monkeypatch):
    before = run.json("works", "show", "mominov2022")
    monkeypatch.setenv("EDIT_FROM", "{Digital History}")
    monkeypatch.setenv("EDIT_TO", "{Digital History of Uzbekistan}")
    result = run("works", "edit", "mominov2022")
    assert result.exit_code == 0, result.output
    assert result.stderr == "diprefs: saved mominov2022\n"
    after = run.json("works", "show", "mominov2022")
    assert after["title"] == "Digital History of Uzbekistan"
    assert after["contributors"] == before["contributors"]  # same scholar links
    assert after["cited_by"] == ["komolov2024"]
    assert run("search", "uzbekistan", "--type", "book", "--keys").stdout == "mominov2022\n"
    assert run("db", "check").exit_code == 0


def test_a_new_key_renames_the_work_and_every_link_follows(run, editor, monkeypatch):
    monkeypatch.setenv("EDIT_FROM", "@book{mominov2022,")
    monkeypatch.setenv("EDIT_TO", "@book{mominov2022digital,")
    result = run("works", "edit", "mominov2022")
    assert result.exit_code == 0, result.output
    assert "renamed from mominov2022" in result.stderr
    assert run("works", "show", "mominov2022").exit_code == 3
    listed = run.json("citations", "list", "komolov2024")
    assert listed["references"][0]["key"] == "mominov2022digital"
    assert listed["citations"][0]["key"] == "mominov2022digital"


def test_a_renamed_parent_is_followed_by_its_crossref_and_xdata_children(
    run, editor, monkeypatch, tmp_path
):
    """The children's own crossref/xdata fields name the new key (whatever the case they wrote
    the old one in), and what they inherit still comes from the parent."""
    bib = tmp_path / "family.bib"
    bib.write_text(
        "@mvbook{Proc2020, title = {Collected Papers}, publisher = {Fan}, date = {2020}}\n"
        "@xdata{pub, location = {Tashkent}}\n"
        "@incollection{ch1, author = {Karimov, A.}, title = {One}, crossref = {proc2020}}\n"
        "@incollection{ch2, author = {Karimov, A.}, title = {Two}, xdata = {pub, Proc2020}}\n",
        encoding="utf-8",
    )
    assert run("import", str(bib)).exit_code == 0
    monkeypatch.setenv("EDIT_FROM", "{Proc2020,")
    monkeypatch.setenv("EDIT_TO", "{papers2020,")
    result = run("works", "edit", "Proc2020")
    assert result.exit_code == 0, result.output
    exported = run("export", "ch1", "ch2", "--format", "biblatex").stdout
    assert "crossref = {papers2020}" in exported
    assert "xdata = {pub, papers2020}" in exported
    assert "@mvbook{papers2020," in exported  # the parent comes out with its children
    assert "Proc2020" not in exported and "proc2020" not in exported
    assert run.json("works", "show", "ch1")["publisher"] == "Fan"
    assert run("db", "check").exit_code == 0


def test_contributors_and_tags_come_from_the_entry(run, editor, monkeypatch):
    monkeypatch.setenv(
        "EDIT_WRITE",
        "@book{juraev2018,\n  author = {Жураев, Фаррух and Karimov, Alisher},\n"
        "  title = {Цифровая дипломатия},\n  date = {2018},\n  langid = {russian},\n"
        "  tags = {monograph, cis},\n}\n",
    )
    assert run("works", "edit", "juraev2018").exit_code == 0
    work = run.json("works", "show", "juraev2018")
    assert [c["name"] for c in work["contributors"]] == ["Жураев, Фаррух", "Karimov, Alisher"]
    assert work["tags"] == ["cis", "monograph"]
    assert (work["title"], work["language"]) == ("Цифровая дипломатия", "ru")
    assert "publisher" not in work  # every field comes from the entry: this one was deleted
    assert run("search", "цифровая", "--keys").stdout == "juraev2018\n"


def test_a_key_of_another_work_is_refused(run, editor, monkeypatch):
    monkeypatch.setenv("EDIT_FROM", "@book{mominov2022,")
    monkeypatch.setenv("EDIT_TO", "@book{juraev2018,")
    result = run("works", "edit", "mominov2022")
    assert result.exit_code == 4
    assert run.json("works", "show", "mominov2022")["title"] == "Digital History"


def test_a_failing_editor_changes_nothing(run, editor, monkeypatch):
    monkeypatch.setenv("EDIT_WRITE", "@book{mominov2022, title = {Changed}}")
    monkeypatch.setenv("EDIT_EXIT", "3")
    result = run("works", "edit", "mominov2022")
    assert result.exit_code == 1
    assert "exited with status 3" in result.stderr
    assert run.json("works", "show", "mominov2022")["title"] == "Digital History"


def test_a_missing_editor_is_an_error(run, monkeypatch, tmp_path):
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    result = run("works", "edit", "mominov2022")
    assert result.exit_code == 1
    assert result.stderr.startswith("diprefs: error: cannot run the editor")


@pytest.mark.parametrize(
    "text",
    [
        "@book{mominov2022, title = {Digital History}",  # the closing brace is gone
        "",  # everything deleted
        "@book{a, title = {A}}\n@book{b, title = {B}}",  # two entries
        "@book{, title = {A}}",  # no key
    ],
)
def test_text_that_is_not_one_entry_aborts_without_a_terminal(run, editor, monkeypatch, text):
    _, runs = editor
    monkeypatch.setenv("EDIT_WRITE", text)
    before = run.json("works", "show", "mominov2022")
    result = run("works", "edit", "mominov2022")
    assert result.exit_code == 5
    assert result.stderr.startswith("diprefs: error: ")
    assert "nothing changed" in result.stderr.splitlines()[0]
    assert runs() == 1  # not re-opened: stdin is not a terminal
    assert run.json("works", "show", "mominov2022") == before


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr("diprefs.cli.editor.interactive", lambda: True)


def test_a_terminal_may_reopen_the_editor(run, editor, monkeypatch, terminal):
    seen, runs = editor
    broken = "@book{mominov2022, title = {Digital History of the Region}"
    monkeypatch.setenv("EDIT_WRITE", broken)
    monkeypatch.setenv("EDIT_SECOND", broken + "}\n")
    result = run("works", "edit", "mominov2022", input="y\n")
    assert result.exit_code == 0, result.output
    assert "Re-open the editor? [Y/n]" in result.stderr
    assert runs() == 2
    assert seen.read_text(encoding="utf-8") == broken  # the second run shows the broken text
    assert run.json("works", "show", "mominov2022")["title"] == "Digital History of the Region"


def test_answering_no_aborts(run, editor, monkeypatch, terminal):
    _, runs = editor
    monkeypatch.setenv("EDIT_WRITE", "@book{mominov2022, title = {X}")
    result = run("works", "edit", "mominov2022", input="n\n")
    assert result.exit_code == 5
    assert runs() == 1
    assert run.json("works", "show", "mominov2022")["title"] == "Digital History"


def test_macros_of_the_works_file_may_be_used(run, editor, monkeypatch, tmp_path):
    bib = tmp_path / "m.bib"
    bib.write_text('@string{fan = "Fan"}\n@book{m1, title = {T}, publisher = fan}\n', "utf-8")
    assert run("import", str(bib)).exit_code == 0
    monkeypatch.setenv("EDIT_FROM", "{T}")
    monkeypatch.setenv("EDIT_TO", "{Tarix}")
    result = run("works", "edit", "m1")
    assert result.exit_code == 0, result.output
    work = run.json("works", "show", "m1")
    assert (work["title"], work["publisher"]) == ("Tarix", "Fan")
    assert work["source"]["fields"]["publisher"] == "fan"


def test_unknown_key(run, editor):
    assert run("works", "edit", "mominov").exit_code == 3


def test_editing_a_work_added_by_hand_gives_it_a_source(run, editor, monkeypatch):
    run("works", "add", "--title", "Tarix", "--key", "t")
    monkeypatch.setenv("EDIT_FROM", "{Tarix}")
    monkeypatch.setenv("EDIT_TO", "{Tarix}, note = {custom}")
    assert run("works", "edit", "t").exit_code == 0
    work = run.json("works", "show", "t")
    assert work["note"] == "custom"
    assert work["source"]["fields"]["note"] == "{custom}"


def test_what_a_work_inherits_from_its_crossref_parent_survives_an_edit(run, editor, monkeypatch):
    bib = (
        "@collection{book, editor = {Karimov, A.}, title = {Tarix masalalari},"
        " publisher = {Fan}, location = {Toshkent}, date = {2020}}\n"
        "@incollection{chapter, author = {Rahimova, D.}, title = {Manbalar},"
        " pages = {5--17}, crossref = {book}}\n"
    )
    (path := Path(run.db).with_name("cr.bib")).write_text(bib, encoding="utf-8")
    assert run("import", str(path)).exit_code == 0
    monkeypatch.setenv("EDIT_FROM", "{Manbalar}")
    monkeypatch.setenv("EDIT_TO", "{Yozma manbalar}")
    assert run("works", "edit", "chapter").exit_code == 0
    work = run.json("works", "show", "chapter")
    assert work["title"] == "Yozma manbalar"
    assert (work["container_title"], work["publisher"]) == ("Tarix masalalari", "Fan")
    assert work["dates"] == {"issued": "2020"}
    assert work["source"]["fields"]["crossref"] == "{book}"  # only its own fields are shown
    assert "booktitle" not in work["source"]["fields"]


def test_an_edited_entry_of_a_file_that_writes_genitives_is_read_the_same_way(
    run, editor, monkeypatch, tmp_path
):
    # Only the file told that "Грязнова" is Грязнов's genitive; the entry alone does not.
    import_bib(
        run,
        tmp_path,
        "@collection{analytic, title={Аналитическая философия}, editor={Грязнова, А. Ф.},"
        " location={М.}, date={1993}, langid={russian}}\n"
        "@book{deleuze, author={Делёз, Жиль}, title={Различие и повторение},"
        " translator={Маньковского, Н. Б. and Борисовой, И. В.}, date={1998}, langid={russian}}",
    )
    before = run("format", "analytic").stdout
    assert "под редакцией А. Ф. Грязнова." in before
    # Found under the name as the list prints it, and as he is (the import's search rows).
    assert run("search", "Грязнова", "--keys").stdout == "analytic\n"
    assert run("search", "Грязнов", "--keys").stdout == "analytic\n"
    monkeypatch.setenv("EDIT_FROM", "{Аналитическая философия}")
    monkeypatch.setenv("EDIT_TO", "{Аналитическая философия XX века}")
    assert run("works", "edit", "analytic").exit_code == 0
    after = run("format", "analytic").stdout
    assert after == before.replace("философия", "философия XX века")
    assert run("search", "Грязнова", "--keys").stdout == "analytic\n"  # the rebuilt row
