"""A large import computes its near-duplicate notes and search rows in a forked child while it
writes the tables (``services.transfer._write``). The library and the report must be those one
process gives, and a child that fails must change nothing but the time taken."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
from pathlib import Path

import pytest

from diprefs.services import transfer
from diprefs.storage import bulk
from diprefs.storage.db import open_library

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"

FIRST = r"""
@article{bjola2015, author = {Bjola, Corneliu and Holmes, Marcus}, title = {Digital Diplomacy},
  journal = {Diplomacy Review}, year = 2015, doi = {10.1000/dd.1}, keywords = {diplomacy, media}}
@article{bjola2015b, author = {Bjola, C.}, title = {Digital diplomacy!}, year = 2015}
@book{seib2016, author = {Seib, Philip}, title = {The Future of \#Diplomacy}, year = 2016,
  isbn = {978-0-7456-9750-5}, abstract = {How {\"o}ffentliche media change diplomacy.}}
@book{seib2016again, author = {Seib, P.}, title = {Future of Diplomacy}, year = 2016,
  isbn = {0-7456-9750-3}}
@article{juraev2019, author = {Жураев, Шерзод Абдуллаевич}, title = {Цифровая дипломатия},
  year = 2019, note = {На русском}}
@article{juraev2019b, author = {Juraev, Sherzod}, title = {Raqamli diplomatiya}, year = 2019}
@misc{nokey2020, title = {An Untitled Report}, year = 2020}
@article{doi2, author = {Holmes, M.}, title = {Other}, year = 2015, doi = {https://doi.org/10.1000/DD.1}}
"""
SECOND = r"""
@article{bjola2015, author = {Bjola, Corneliu}, title = {Digital Diplomacy: Theory}, year = 2015}
@article{fresh2021, author = {Bjola, Corneliu}, title = {Digital Diplomacy: Theory.}, year = 2015}
@article{juraev2019b, author = {Жўраев, Шерзод}, title = {Raqamli diplomatiya}, year = 2019}
"""


def _contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, timestamps left out (two imports never share a second)."""
    conn = sqlite3.connect(path)
    out = {}
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'works_fts_%' AND name != '_sqlite_migrations'"
    ).fetchall()
    for (table,) in tables:
        columns = [
            row[1]
            for row in conn.execute(f"PRAGMA table_info({table})")
            if not row[1].endswith("_at")
        ]
        rowid = "rowid, " if table == "works_fts" else ""
        out[table] = conn.execute(
            f"SELECT {rowid}{', '.join(columns)} FROM {table} ORDER BY 1, 2"
        ).fetchall()
    conn.close()
    return out


def _import_all(path: Path, texts: list[tuple[bytes, str]]) -> list[dict]:
    db = open_library(path)
    try:
        return [
            transfer.import_files(db, [transfer.Input("in.bib", data)], on_duplicate=mode).as_json()
            for data, mode in texts
        ]
    finally:
        db.conn.close()


@pytest.fixture
def forks(forks, monkeypatch) -> list[int]:
    """The writer forks whatever the number of works or cores; the list records each fork."""
    monkeypatch.setattr(transfer, "PARALLEL_MIN", 1)
    return forks


@pytest.fixture
def rows_here(monkeypatch) -> list[int]:
    """One entry each time this process (not a child) works out search rows."""
    calls: list[int] = []
    parent = os.getpid()
    real = bulk.WorkWriter.search_rows

    def search_rows(self):
        if os.getpid() == parent:
            calls.append(1)
        return real(self)

    monkeypatch.setattr(bulk.WorkWriter, "search_rows", search_rows)
    return calls


def _both_ways(library: Path, tmp_path: Path, monkeypatch, texts: list[tuple[bytes, str]]):
    """(reports, contents) imported in two processes, then the same in one."""
    two, one = tmp_path / "two.db", tmp_path / "one.db"
    shutil.copy(library, two)
    shutil.copy(library, one)
    parallel = _import_all(two, texts), _contents(two)
    monkeypatch.setattr(transfer, "PARALLEL_MIN", 10**9)
    return parallel, (_import_all(one, texts), _contents(one))


@pytest.mark.parametrize(
    ("mode", "near"),
    [
        ("skip", []),
        ("update", []),
        # the second bjola2015 is kept as bjola2015a, and the next entry nearly repeats its title
        ("keep-both", [{"key": "fresh2021", "matches": ["bjola2015a"]}]),
    ],
)
def test_a_library_written_beside_a_child_is_the_one_written_alone(
    library, tmp_path, monkeypatch, forks, rows_here, mode, near
):
    texts = [(FIRST.encode(), "skip"), (SECOND.encode(), mode)]
    (reports, contents), (alone, alone_contents) = _both_ways(library, tmp_path, monkeypatch, texts)
    assert len(forks) == 2  # one child for each import
    assert len(rows_here) == 2  # by the two imports in one process only: the children made theirs
    assert reports == alone
    assert contents == alone_contents
    # the notes the child worked out are there
    assert {"key": "bjola2015b", "matches": ["bjola2015"]} in reports[0]["near_duplicates"]
    assert reports[1]["near_duplicates"] == near
    assert len(contents["works_fts"]) == len(contents["works"])


def test_a_child_that_sends_nothing_changes_nothing(
    library, tmp_path, monkeypatch, forks, rows_here
):
    real = pickle.dumps

    def refuse(value, *args, **kwargs):
        if os.getpid() != parent:  # only in the child: it ends having sent nothing
            raise pickle.PicklingError("no")
        return real(value, *args, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(pickle, "dumps", refuse)
    texts = [(FIRST.encode(), "skip")]
    (reports, contents), (alone, alone_contents) = _both_ways(library, tmp_path, monkeypatch, texts)
    assert forks == [1]
    assert len(rows_here) == 2  # after the child failed, and in one process
    assert (reports, contents) == (alone, alone_contents)
    assert reports[0]["near_duplicates"]


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is absent (a user's clone)")
def test_corpus_files_written_beside_a_child_are_those_written_alone(
    library, tmp_path, monkeypatch, forks
):
    texts = [
        ((CORPORA / "large" / "glottolog-zurich-1000.bib").read_bytes(), "skip"),
        ((CORPORA / "cyrillic" / "biblatex-gost-examples.bib").read_bytes(), "keep-both"),
        ((CORPORA / "large" / "glottolog-zurich-1000.bib").read_bytes(), "update"),
    ]
    (reports, contents), alone = _both_ways(library, tmp_path, monkeypatch, texts)
    assert len(forks) == 3
    assert (reports, contents) == alone
    assert len(contents["works_fts"]) == len(contents["works"])
