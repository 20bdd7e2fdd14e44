"""What keeps a large import fast must not change what it stores (issue 3, "Speed").

Rows go in hundreds to a statement and without their NULLs; the cycle collector is paused while
an import or export runs; pylatexenc's reference cycles must not keep the parsed file alive.
"""

from __future__ import annotations

import gc
import sqlite3
import weakref

import pytest

from diprefs.formats.bibtex import latex_to_text
from diprefs.services import transfer
from diprefs.storage.bulk import insert_rows, insert_sparse
from diprefs.storage.db import open_library


@pytest.fixture
def conn():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT, c TEXT DEFAULT NULL, d INTEGER DEFAULT 0)")
    yield conn
    conn.close()


@pytest.mark.parametrize("count", [0, 1, 249, 250, 251, 1000, 1003])
def test_insert_rows_inserts_every_row_in_order(conn, count):
    """249 rows of four values fill a statement (999 values at most): around that boundary too."""
    rows = [(i, f"b{i}", None if i % 3 else f"c{i}", i * 2) for i in range(count)]
    insert_rows(conn, "t", ("a", "b", "c", "d"), rows)
    assert conn.execute("SELECT a, b, c, d FROM t ORDER BY rowid").fetchall() == rows


@pytest.mark.parametrize("count", [499, 500, 501, 1200])
def test_insert_rows_of_one_value_stop_at_500_rows_a_statement(conn, count):
    rows = [(i,) for i in range(count)]
    insert_rows(conn, "t", ("a",), rows)
    assert conn.execute("SELECT a FROM t ORDER BY rowid").fetchall() == rows


def test_insert_sparse_stores_nulls_as_nulls(conn):
    rows = [(1, None, "x", 5), (2, "y", None, 6), (3, None, None, 7), (4, "z", "w", 8)]
    insert_sparse(conn, "t", ("a", "b", "c", "d"), rows)
    assert conn.execute("SELECT a, b, c, d FROM t ORDER BY a").fetchall() == rows
    assert conn.execute("SELECT count(*) FROM t WHERE b IS NULL").fetchone() == (2,)


def test_decoding_latex_keeps_no_caller_alive():
    """pylatexenc keeps a cycle through an exception's traceback; with the collector paused
    (as during an import) it must not hold the frames, and their data, of whoever called."""

    class Parsed:
        pass

    def caller() -> weakref.ref:
        parsed = Parsed()
        latex_to_text.cache_clear()
        assert latex_to_text(r"Caf\'e \textit{au} lait") == "Café au lait"
        return weakref.ref(parsed)

    enabled = gc.isenabled()
    gc.disable()
    try:
        assert caller()() is None
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_during_an_import_and_restored_after(library, monkeypatch, enabled):
    seen = []
    real = transfer._import

    def spy(*args):
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(transfer, "_import", spy)
    db = open_library(library)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        report = transfer.import_files(db, [transfer.Input("gc.bib", _ONE_ENTRY)])
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
        db.conn.close()
    assert seen == [False]
    assert report.imported == 1


_ONE_ENTRY = b"@book{paused2001, title = {Paused}, year = {2001}}\n"
