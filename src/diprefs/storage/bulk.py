"""Writing many works at once: the import's hot path.

A 16,000-entry file must go in within about twice the time bibtexparser takes to split it, so
nothing here asks SQLite a question per work: row ids are allocated in memory (after the caller's
first write has taken the write lock), names are matched against an in-memory ``NameIndex``, and
each table's rows go in at ``flush``, hundreds to a statement (``insert_rows``). The caller's
transaction wraps it all.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, compress, count, repeat
from operator import attrgetter, is_not
from typing import Any

from sqlite_utils import Database

from diprefs.dates import parse_date
from diprefs.model import WORK_TEXT_FIELDS, Name, Work
from diprefs.names.matching import NameIndex, family_key, given_keys, name_fold, quick_fold
from diprefs.names.parse import is_others
from diprefs.storage.scholars import NAME_VALUE_COLUMNS, load_name_index, name_values

_TEXT = tuple(f for f in WORK_TEXT_FIELDS if f != "type")
_text_of = attrgetter(*_TEXT)
_SOURCE = ("source_id", "source_position", "source_line", "source_dialect", "source_type")
WORK_COLUMNS = ("key", "type", *_TEXT, "title_supplied", *_SOURCE, "source_key", "updated_at")
_NAME_COLUMNS = ("id", "scholar_id", "canonical", *NAME_VALUE_COLUMNS)
#: Page cache of the importing connection, in KiB (SQLite's default is 2 MB).
CACHE_KIB = 32768
_name = attrgetter("name")
_value = attrgetter("value")
_inherited_from = attrgetter("inherited_from")
_titles_of = attrgetter("title", "subtitle", "title_addon", "title_translated", "title_original")
_containers_of = attrgetter("container_title", "container_title_latin", "collection_title")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


_DATE_COLUMNS = (
    "edtf",
    "year",
    "month",
    "day",
    "end_year",
    "end_month",
    "end_day",
    "approximate",
    "uncertain",
    "status",
    "literal",
)
_NONES = (None,) * 64  # longer than any row: ``map`` stops at the shorter


@lru_cache(maxsize=4096)
def _date_row(text: str) -> tuple[tuple[bool, ...], tuple[Any, ...]]:
    """(which ``_DATE_COLUMNS`` are not NULL, their values) for a date as stored."""
    value = parse_date(text)
    row = (
        value.to_edtf() or text,
        value.year,
        value.month,
        value.day,
        value.end_year,
        value.end_month,
        value.end_day,
        int(value.approximate),
        int(value.uncertain),
        value.status or None,
        value.literal or None,
    )
    mask = tuple(map(is_not, row, _NONES))
    return mask, tuple(compress(row, mask))


def insert_rows(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[tuple]
) -> None:
    """INSERT ``rows``, as many to a statement as SQLite's oldest limits allow (999 bound values,
    500 rows): Python's sqlite3 spends about a microsecond on each statement it steps (beyond
    its values), and a large import has 160,000 rows of raw fields alone."""
    per = max(1, min(500, 999 // len(columns)))
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    one = "(" + ", ".join("?" * len(columns)) + ")"
    whole = len(rows) - len(rows) % per
    if whole:
        conn.executemany(
            head + ", ".join([one] * per),
            [tuple(chain.from_iterable(rows[i : i + per])) for i in range(0, whole, per)],
        )
    if whole < len(rows):
        conn.execute(
            head + ", ".join([one] * (len(rows) - whole)), tuple(chain.from_iterable(rows[whole:]))
        )


def insert_sparse(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]
) -> None:
    """INSERT ``rows`` binding only their non-NULL values; the rest take the column default.

    Python's sqlite3 sends every bound ``None`` through its adapter registry, which costs as
    much as binding a short string, and a works row has some 35 of them. Rows with the same
    NULL columns are inserted together. Every column a row here leaves NULL defaults to NULL.
    """
    groups: dict[tuple[bool, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        mask = tuple(map(is_not, row, _NONES))
        group = groups.get(mask)
        if group is None:
            group = groups[mask] = []
        group.append(tuple(compress(row, mask)))
    for mask, values in groups.items():
        insert_rows(conn, table, tuple(compress(columns, mask)), values)


def _next_id(db: Database, table: str) -> int:
    return db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


class WorkWriter:
    """Buffers works and their names; ``flush`` writes them all. One instance per command."""

    def __init__(self, db: Database, index: NameIndex | None = None) -> None:
        self.db = db
        # A bigger page cache for this connection: a large import touches many index pages.
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self.index = index if index is not None else load_name_index(db)
        self.now = _now()
        self.next_work = self.first_new_work = _next_id(db, "works")
        self.next_name = _next_id(db, "names")
        self.next_scholar = self.first_new_scholar = _next_id(db, "scholars")
        #: id(Name) -> (that Name, its names row id). The reader hands out one ``Name`` object
        #: per printed form, and hashing a frozen dataclass (a tuple of seven strings, in
        #: Python) costs more than everything else a repeated name needs.
        self._seen: dict[int, tuple[Name, int]] = {}
        self._reset()

    def _reset(self) -> None:
        #: work id -> (work, its row); a replaced work keeps its place
        self.works: dict[int, tuple[Work, tuple[Any, ...]]] = {}
        #: ids of works stored before this writer that it replaces (ordered, no repeats)
        self.updated: dict[int, None] = {}
        self.names: list[tuple[Any, ...]] = []
        self.scholars: list[tuple[Any, ...]] = []
        #: scholars from before this writer that gained a variant: their works need new FTS rows
        self.touched: set[int] = set()
        #: work id -> names row id of each contributor, in order
        self.contributor_names: dict[int, list[int]] = {}
        #: id(Name) -> (that Name, ``_spell`` of it): a scholar's variants change between flushes
        self._spelled: dict[int, tuple[Name, dict[str, None], dict[str, None]]] = {}

    def name_id(self, name: Name) -> int:
        """The ``names`` row for a printed name; new rows and scholars are buffered."""
        seen = self._seen.get(id(name))
        if seen is not None and seen[0] is name:
            return seen[1]
        found = self.index.by_parts.get(name)
        if found is None:
            found = self._new_name(name)
        self._seen[id(name)] = (name, found)
        return found

    def _new_name(self, name: Name) -> int:
        scholar = self.index.scholar_for(name)
        canonical = 0
        if scholar is None and not is_others(name):
            scholar = self.next_scholar
            self.next_scholar += 1
            kind = "organisation" if name.literal else "person"
            self.scholars.append((scholar, kind, self.now))
            canonical = 1
        elif scholar is not None and scholar < self.first_new_scholar:
            self.touched.add(scholar)
        name_id = self.next_name
        self.next_name += 1
        self.names.append((name_id, scholar, canonical, *name_values(name)))
        self.index.add(name_id, scholar, name)
        return name_id

    def add(
        self,
        work: Work,
        source_id: int | None,
        position: int,
        replace_id: int | None = None,
    ) -> int:
        """Buffer a work (a new row, or a replacement of row ``replace_id``); returns its id.

        Replacing a work buffered by this writer replaces it in the buffer.
        """
        src = work.source
        row = (
            work.key,
            work.type or "document",
            *[value or None for value in _text_of(work)],
            int(work.title_supplied),
            source_id,
            position if src else None,
            src.line if src else None,
            src.dialect if src else None,
            src.entry_type if src else None,
            src.key if src else None,
            self.now,
        )
        if replace_id is None:
            wid = self.next_work
            self.next_work += 1
        else:
            wid = replace_id
            if wid < self.first_new_work:
                self.updated[wid] = None
        self.works[wid] = (work, row)
        name_id = self.name_id
        self.contributor_names[wid] = [name_id(c.name) for c in work.contributors]
        return wid

    def flush(self) -> None:
        """Write everything buffered, with its search rows."""
        self.write_tables()
        self.write_search_rows(self.search_rows())

    def write_tables(self) -> None:
        """Write everything buffered but the search rows, which ``write_search_rows`` writes:
        a large import computes them in a second process meanwhile (``services.transfer``)."""
        db = self.db
        conn = db.conn
        if self.updated:
            ids = [json.dumps(list(self.updated))]
            for table, column in (
                ("dates", "work_id"),
                ("contributors", "work_id"),
                ("source_fields", "work_id"),
                ("works_fts", "rowid"),
            ):
                db.execute(
                    f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))", ids
                )
        insert_rows(conn, "scholars", ("id", "kind", "created_at"), self.scholars)
        insert_sparse(conn, "names", _NAME_COLUMNS, self.names)
        updated, now = self.updated, self.now
        insert_sparse(
            conn,
            "works",
            ("id", *WORK_COLUMNS, "created_at"),
            [(wid, *row, now) for wid, (_, row) in self.works.items() if wid not in updated],
        )
        conn.executemany(
            f"UPDATE works SET {', '.join(c + ' = ?' for c in WORK_COLUMNS)} WHERE id = ?",
            [(*row, wid) for wid, (_, row) in self.works.items() if wid in updated],
        )
        self._children()

    def write_search_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Write the ``search_rows()`` of what ``write_tables`` wrote, and end this flush."""
        # One row to a statement: a multi-row INSERT into an FTS5 table is slower, not faster.
        self.db.conn.executemany(
            "INSERT INTO works_fts (rowid, title, container, abstract, keywords, note, names,"
            " name_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        touched, written = self.touched, set(self.works)
        self._reset()
        if touched:
            reindex_scholars(self.db, touched, skip=written)

    def _children(self) -> None:
        """Dates, tags, contributors and raw source fields of the buffered works."""
        dates: dict[tuple[bool, ...], list[tuple[Any, ...]]] = defaultdict(list)
        tags, contributors, own, inherited = [], [], [], []
        for wid, (work, _) in self.works.items():
            for kind, text in work.dates.items():
                mask, values = _date_row(text)
                dates[mask].append((wid, kind, *values))
            if work.tags:
                tags.extend((wid, t) for t in dict.fromkeys(work.tags))
            positions: dict[str, int] = {}
            for c, name_id in zip(work.contributors, self.contributor_names[wid], strict=True):
                position = positions[c.role] = positions.get(c.role, 0) + 1
                printed = c.printed or c.name.sort_form()
                contributors.append((wid, c.role, position, name_id, printed))
            fields = work.source.fields if work.source else ()
            if list(map(_inherited_from, fields)).count(None) == len(fields):  # all its own
                own.extend(zip(repeat(wid), count(), map(_name, fields), map(_value, fields)))
                continue
            for i, f in enumerate(fields):
                if f.inherited_from is None:
                    own.append((wid, i, f.name, f.value))
                else:
                    inherited.append((wid, i, f.name, f.value, f.inherited_from))
        conn = self.db.conn
        for mask, rows in dates.items():
            insert_rows(conn, "dates", ("work_id", "kind", *compress(_DATE_COLUMNS, mask)), rows)
        conn.executemany("INSERT OR IGNORE INTO tags (work_id, tag) VALUES (?, ?)", tags)
        columns = ("work_id", "role", "position", "name_id", "printed")
        insert_rows(conn, "contributors", columns, contributors)
        insert_rows(conn, "source_fields", ("work_id", "position", "name", "value"), own)
        columns = ("work_id", "position", "name", "value", "inherited_from")
        insert_rows(conn, "source_fields", columns, inherited)

    def search_rows(self) -> list[tuple[Any, ...]]:
        """FTS rows of the buffered works: folded titles and texts, and every spelling of every
        contributor. Reads the buffers only, so another process can compute them."""
        rows = []
        #: ids of a work's contributors' Name objects -> (names, name_keys) columns; the names
        #: stay alive in ``self.works`` meanwhile, so their ids are not reused
        people: dict[tuple[int, ...], tuple[str, str]] = {}
        for wid, (work, _) in self.works.items():
            ids = tuple([id(c.name) for c in work.contributors])
            spelled = people.get(ids)
            if spelled is None:
                spelled = people[ids] = self._spellings([c.name for c in work.contributors])
            rows.append(
                (
                    wid,
                    " ".join([quick_fold(t) for t in _titles_of(work) if t]),
                    " ".join([quick_fold(t) for t in _containers_of(work) if t]),
                    quick_fold(work.abstract) if work.abstract else "",
                    quick_fold(work.keywords) if work.keywords else "",
                    quick_fold(work.note) if work.note else "",
                    *spelled,
                )
            )
        return rows

    def _spellings(self, names: list[Name]) -> tuple[str, str]:
        """Folded forms and match keys (family and given names) of some names and of every
        variant of their scholars."""
        folds: dict[str, None] = {}
        keys: dict[str, None] = {}
        for name in names:
            spelled = self._spelled.get(id(name))
            if spelled is None or spelled[0] is not name:
                spelled = self._spelled[id(name)] = (name, *self._spell(name))
            folds.update(spelled[1])
            keys.update(spelled[2])
        return " ".join(folds), " ".join(keys)

    def _spell(self, name: Name) -> tuple[dict[str, None], dict[str, None]]:
        """(folded forms, match keys) of a name and of its scholar's variants, in order."""
        scholar = self.index.scholar_of.get(name)
        spellings = [name, *(self.index.of_scholar.get(scholar, ()) if scholar is not None else ())]
        # A genitive is searchable too: "под редакцией А. Ф. Грязнова" is how a list prints him.
        folds = dict.fromkeys(
            f for n in spellings for f in (name_fold(n), quick_fold(n.genitive)) if f
        )
        keys = dict.fromkeys(k for n in spellings for k in (family_key(n), *given_keys(n)) if k)
        return folds, keys


def reindex_scholars(db: Database, scholars: set[int], skip: set[int]) -> None:
    """Rebuild the search rows of works by these scholars (they gained spellings)."""
    from diprefs.storage.works import index_work

    marks = ",".join("?" * len(scholars))
    for (wid,) in db.execute(
        "SELECT DISTINCT c.work_id FROM contributors c JOIN names n ON n.id = c.name_id"
        f" WHERE n.scholar_id IN ({marks})",
        list(scholars),
    ).fetchall():
        if wid not in skip:
            index_work(db, wid)
