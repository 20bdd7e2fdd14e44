"""``diprefs import`` as docs/cli.md says: output, JSON, exit codes, duplicates, one transaction."""

from __future__ import annotations

import json

import pytest

from conftest import Run
from diprefs.storage import bulk

GOOD = """
@article{karimov2021,
  author = {Karimov, Alisher and Rahimova, Barno},
  title = {Digital diplomacy of {Uzbekistan}},
  journal = {Journal of International Relations},
  year = 2021, month = feb, volume = {14}, pages = {112--130},
  doi = {10.1000/jir.2021.14},
}
@book{smith2019,
  author = {Smith, John},
  title = {Soft Power},
  publisher = {Polity}, address = {Cambridge}, year = {2019},
  isbn = {978-0-7456-1234-8},
}
"""


@pytest.fixture
def empty(tmp_path) -> Run:
    run = Run(tmp_path / "library.db")
    assert run("init", "--empty").exit_code == 0
    return run


def write(tmp_path, text: str, name: str = "refs.bib"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def keys(run: Run) -> list[str]:
    return [w["key"] for w in run.json("works", "list")]


def test_import_reports_counts_on_stderr_and_json_on_stdout(empty, tmp_path):
    result = empty("import", write(tmp_path, GOOD), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "imported": 2,
        "updated": 0,
        "skipped": 0,
        "problems": [],
        "near_duplicates": [],
        "notes": [],
    }
    assert result.stderr == "diprefs: imported 2, updated 0, skipped 0, problems 0\n"
    assert keys(empty) == ["karimov2021", "smith2019"]


def test_imported_work_has_its_fields_and_names(empty, tmp_path):
    empty("import", write(tmp_path, GOOD))
    work = empty.json("works", "show", "karimov2021")
    assert work["title"] == "Digital diplomacy of Uzbekistan"
    assert work["container_title"] == "Journal of International Relations"
    assert work["page"] == "112–130"
    assert work["dates"] == {"issued": "2021-02"}
    assert [c["name"] for c in work["contributors"]] == ["Karimov, Alisher", "Rahimova, Barno"]
    assert work["source"]["fields"]["month"] == "feb"


def test_stdin_is_read_for_a_dash(empty):
    result = empty("import", "-", input=GOOD)
    assert result.exit_code == 0, result.output
    assert keys(empty) == ["karimov2021", "smith2019"]


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda tmp: str(tmp / "missing.bib"), 3, "no such file: "),
        (lambda tmp: str(tmp), 5, "is a directory"),
        (lambda tmp: write(tmp, "", "empty.bib"), 5, "is empty"),
        (lambda tmp: write(tmp, "% only a comment\n", "c.bib"), 5, "has no entries"),
    ],
)
def test_nothing_importable(empty, tmp_path, make, code, message):
    result = empty("import", make(tmp_path))
    assert result.exit_code == code
    assert result.stderr.startswith("diprefs: error: ") and message in result.stderr
    assert "Traceback" not in result.output
    assert keys(empty) == []


def test_a_binary_file_is_refused(empty, tmp_path):
    path = tmp_path / "photo.bib"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = empty("import", str(path))
    assert result.exit_code == 5
    assert result.stderr == f"diprefs: error: {path} is a binary file, not BibTeX\n"


def test_every_file_is_checked_before_anything_is_read(empty, tmp_path):
    result = empty("import", write(tmp_path, GOOD), str(tmp_path / "nope.bib"))
    assert result.exit_code == 3
    assert keys(empty) == []


@pytest.mark.parametrize(
    "args", [["--format", "endnote"], ["--encoding", "no-such-codec"], ["--on-duplicate", "x"]]
)
def test_bad_option_values_are_usage_errors(empty, tmp_path, args):
    result = empty("import", write(tmp_path, GOOD), *args)
    assert result.exit_code == 2
    assert f"Invalid value for '{args[0]}'" in result.stderr
    assert keys(empty) == []


BAD = """@book{ok1, title = {First}, year = 2001}
@book{twice, title = {A}, title = {B}}
@book{ok2, title = {Second}, year = 2002}
@book{, title = {Keyless work}, author = {Doe, Jane}, year = 1999}
"""


def test_bad_blocks_are_reported_and_the_rest_imported(empty, tmp_path):
    path = write(tmp_path, BAD)
    result = empty("import", path, "--json")
    assert result.exit_code == 6
    assert result.stderr.splitlines()[:2] == [
        f"{path}:2: twice: duplicate field 'title'",
        f"{path}:4: (no key): entry without a key; imported as doe1999keyless",
    ]
    assert result.stderr.splitlines()[-1] == (
        "diprefs: imported 3, updated 0, skipped 1, problems 2"
    )
    data = json.loads(result.stdout)
    assert data["problems"] == [
        {"file": path, "line": 2, "key": "twice", "message": "duplicate field 'title'"},
        {
            "file": path,
            "line": 4,
            "key": None,
            "message": "entry without a key; imported as doe1999keyless",
        },
    ]
    assert keys(empty) == ["doe1999keyless", "ok1", "ok2"]


def test_strict_writes_nothing(empty, tmp_path):
    path = write(tmp_path, BAD)
    result = empty("import", path, "--strict")
    assert result.exit_code == 5
    assert result.stderr.splitlines() == [
        "diprefs: error: 2 problems; nothing imported (--strict)",
        f"{path}:2: twice: duplicate field 'title'",
        f"{path}:4: (no key): entry without a key; imported as doe1999keyless",
    ]
    assert keys(empty) == []


def test_dry_run_counts_but_writes_nothing(empty, tmp_path):
    result = empty("import", write(tmp_path, BAD), "--dry-run", "--json")
    assert result.exit_code == 6
    assert json.loads(result.stdout)["imported"] == 3
    assert keys(empty) == []


DUPLICATES = """
@article{karimov2021, title = {Digital diplomacy, second thoughts}, year = 2021}
@article{other2021, title = {Another paper}, doi = {https://doi.org/10.1000/JIR.2021.14}}
@book{smith2019b, title = {Soft power again}, isbn = {0-7456-1234-X}}
@incollection{chapter2019, title = {A chapter}, isbn = {978-0-7456-1234-8}}
"""


def test_duplicates_are_skipped_by_default(empty, tmp_path):
    empty("import", write(tmp_path, GOOD))
    result = empty("import", write(tmp_path, DUPLICATES, "dups.bib"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["imported"], data["skipped"]) == (1, 3)
    assert "diprefs: note: other2021 skipped (same DOI as karimov2021)" in result.stderr
    assert keys(empty) == ["chapter2019", "karimov2021", "smith2019"]
    assert empty.json("works", "show", "karimov2021")["title"] == "Digital diplomacy of Uzbekistan"


def test_isbn10_and_isbn13_are_the_same_book():
    from diprefs.services.duplicates import norm_isbn

    # 978 + 074561234 -> check digit 10 - (9+21+8+0+7+12+5+18+1+6+3+12) % 10 = 10 - 2 = 8
    assert norm_isbn("0-7456-1234-X") == "9780745612348"
    assert norm_isbn("978-0-7456-1234-8") == "9780745612348"


def test_update_replaces_the_existing_work(empty, tmp_path):
    empty("import", write(tmp_path, GOOD))
    result = empty("import", write(tmp_path, DUPLICATES, "d.bib"), "--on-duplicate", "update")
    assert result.stderr.splitlines()[-1] == (
        "diprefs: imported 1, updated 3, skipped 0, problems 0"
    )
    assert empty.json("works", "show", "karimov2021")["title"] == "Another paper"
    assert empty.json("works", "show", "smith2019")["title"] == "Soft power again"


def test_keep_both_adds_a_suffix(empty, tmp_path):
    empty("import", write(tmp_path, GOOD))
    result = empty(
        "import", write(tmp_path, DUPLICATES, "d.bib"), "--on-duplicate", "keep-both", "--json"
    )
    assert result.exit_code == 0
    assert "diprefs: note: karimov2021 kept as karimov2021a (same key)" in result.stderr
    assert "karimov2021 kept as karimov2021a (same key)" in json.loads(result.stdout)["notes"]
    assert keys(empty) == [
        "chapter2019",
        "karimov2021",
        "karimov2021a",
        "other2021",
        "smith2019",
        "smith2019b",
    ]


def test_a_file_none_of_whose_entries_is_stored_leaves_no_source_behind(empty, tmp_path):
    """Importing a file twice skips every entry the second time; replacing every work of a
    file with --on-duplicate update leaves the first file with no works. Neither leaves an
    imported-file record (nor its @string blocks) that `db check` would call an orphan."""
    first = write(tmp_path, '@string{j = "Journal A"}\n' + GOOD, "a.bib")
    empty("import", first)
    assert empty("import", first).exit_code == 0
    assert empty("db", "check").exit_code == 0
    second = write(tmp_path, '@string{k = "Journal B"}\n' + GOOD, "b.bib")
    assert empty("import", second, "--on-duplicate", "update").exit_code == 0
    assert empty("db", "check").exit_code == 0
    exported = empty("export").stdout
    assert "Journal B" in exported
    assert "Journal A" not in exported


def test_near_duplicates_are_only_reported(empty, tmp_path):
    empty("import", write(tmp_path, GOOD))
    near = "@book{smith2019soft, author = {Smith, J.}, title = {Soft power.}, year = 2019}"
    result = empty("import", write(tmp_path, near, "near.bib"), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["near_duplicates"] == [
        {"key": "smith2019soft", "matches": ["smith2019"]}
    ]
    assert "diprefs: note: smith2019soft may duplicate smith2019" in result.stderr
    assert "smith2019soft" in keys(empty)


def test_near_duplicates_within_one_file_and_titles_of_punctuation_only(empty, tmp_path):
    """Works of one file are compared with each other (same year and first author); a title
    with no letters is near nothing, even another such title."""
    text = """
@article{a1, author = {Qodirov, A.}, title = {Raqamli diplomatiya}, year = 2020}
@article{a2, author = {Qodirov, A.}, title = {Raqamli diplomatiya!}, year = 2020}
@article{a3, author = {Qodirov, A.}, title = {Raqamli diplomatiya}, year = 2021}
@misc{p1, author = {Hamidov, B.}, title = {...}, year = 2020}
@misc{p2, author = {Hamidov, B.}, title = {?!}, year = 2020}
"""
    result = empty("import", write(tmp_path, text, "one.bib"), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["near_duplicates"] == [{"key": "a2", "matches": ["a1"]}]


def test_an_interrupted_import_leaves_the_library_as_it_was(empty, tmp_path, monkeypatch):
    empty("import", write(tmp_path, GOOD))

    def broken(self):
        self.db.conn.executemany(
            "INSERT INTO scholars (id, kind, created_at) VALUES (?, ?, ?)", self.scholars
        )
        raise KeyboardInterrupt

    monkeypatch.setattr(bulk.WorkWriter, "write_tables", broken)
    result = empty("import", write(tmp_path, BAD, "bad.bib"))
    assert result.exit_code == 130
    assert keys(empty) == ["karimov2021", "smith2019"]
    assert len(empty.json("scholars", "list")) == 3


def test_a_progress_bar_is_asked_for_only_above_2000_entries(tmp_path):
    from diprefs.services import transfer
    from diprefs.storage.db import create_library, open_library

    asked: list[int] = []

    def progress(total):
        from contextlib import contextmanager

        @contextmanager
        def bar():
            asked.append(total)
            yield lambda n: None

        return bar()

    entries = "".join(f"@misc{{k{i}, title = {{T {i}}}}}\n" for i in range(2001))
    for count, text in ((2001, entries), (3, GOOD + "@misc{z, title = {Z}}")):
        path = tmp_path / f"{count}.db"
        create_library(path)
        transfer.import_files(
            open_library(path), [transfer.Input("x.bib", text.encode())], progress=progress
        )
    assert asked == [2001]


def test_the_progress_bar_draws_without_a_thread_of_its_own(monkeypatch):
    """A thread running would keep a large import from forking its second process."""
    import io
    import threading

    from rich.console import Console

    from diprefs.cli import render

    out = io.StringIO()
    monkeypatch.setattr("rich.console.Console", lambda **_: Console(file=out, force_terminal=True))
    before = threading.active_count()
    with render.progress_bar("importing", 4) as advance:
        advance(1)
        assert threading.active_count() == before
        advance(3)
    assert "importing" in out.getvalue()
    assert "100%" in out.getvalue()


def test_a_key_twice_in_one_file_is_said(empty, tmp_path):
    text = "@book{dup, title = {One}}\n@book{dup, title = {Two}}\n"
    result = empty("import", write(tmp_path, text))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "diprefs: note: dup skipped (same key of an earlier entry)",
        "diprefs: imported 1, updated 0, skipped 1, problems 0",
    ]
    assert empty.json("works", "show", "dup")["title"] == "One"


def test_update_keeps_a_works_links(run, tmp_path):
    before = run.json("citations", "list", "komolov2024")
    text = (
        "@article{komolov2024, author = {Komolov, Mavlonbek}, title = {New title}, date = {2024}}"
    )
    result = run("import", write(tmp_path, text), "--on-duplicate", "update")
    assert result.exit_code == 0, result.output
    assert run.json("works", "show", "komolov2024")["title"] == "New title"
    assert run.json("citations", "list", "komolov2024") == before


def test_round_parentheses_entries_come_back_as_braces(empty, tmp_path):
    empty("import", write(tmp_path, "@book(paren1, title = {A (B)}, year = 2001)\n"))
    assert empty("export", "--format", "bibtex").stdout == (
        "@book{paren1,\n  title = {A (B)},\n  year = 2001,\n}\n"
    )
