"""Writing many works at once: the import's hot path.

A 16,000-entry file must go in within about twice the time bibtexparser takes to split it, so
nothing here asks SQLite a question per work: row ids are allocated in memory (after the caller's
first write has taken the write lock), names are matched against an in-memory ``NameIndex``, and
every table gets one ``executemany`` (per set of NULL columns, see ``insert_sparse``) at
``flush``. The caller's transaction wraps it all.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, count, repeat
from operator import attrgetter, is_not
from typing import Any

from sqlite_utils import Database

from diprefs.dates import parse_date
from diprefs.model import WORK_TEXT_FIELDS, Contributor, Name, Source, SourceField, Work
from diprefs.names.matching import NameIndex, family_key, name_fold, quick_fold
from diprefs.names.parse import OTHERS
from diprefs.storage.scholars import load_name_index, name_row

_TEXT = tuple(f for f in WORK_TEXT_FIELDS if f != "type")
_text_of = attrgetter(*_TEXT)
_SOURCE = ("source_id", "source_position", "source_line", "source_dialect", "source_type")
WORK_COLUMNS = ("key", "type", *_TEXT, "title_supplied", *_SOURCE, "source_key", "updated_at")
_NAME_COLUMNS = (
    "id",
    "scholar_id",
    "canonical",
    "family",
    "given",
    "particle",
    "suffix",
    "patronymic",
    "literal",
    "genitive",
    "script",
    "fold",
    "match_key",
)
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


def insert_sparse(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]
) -> None:
    """INSERT ``rows`` binding only their non-NULL values; the rest take the column default.

    Python's sqlite3 sends every bound ``None`` through its adapter registry, which costs as
    much as binding a short string, and a works row has some 35 of them. Rows with the same
    NULL columns share one ``executemany``. Every column a row here leaves NULL defaults to NULL.
    """
    groups: dict[tuple[bool, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        mask = tuple(map(is_not, row, _NONES))
        group = groups.get(mask)
        if group is None:
            group = groups[mask] = []
        group.append(tuple(compress(row, mask)))
    for mask, values in groups.items():
        conn.executemany(_insert_sql(table, tuple(compress(columns, mask))), values)


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


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
        if scholar is None and name != OTHERS:
            scholar = self.next_scholar
            self.next_scholar += 1
            kind = "organisation" if name.literal else "person"
            self.scholars.append((scholar, kind, self.now))
            canonical = 1
        elif scholar is not None and scholar < self.first_new_scholar:
            self.touched.add(scholar)
        name_id = self.next_name
        self.next_name += 1
        row = name_row(name)
        self.names.append((name_id, scholar, canonical, *(row[c] for c in _NAME_COLUMNS[3:])))
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
        """Write everything buffered, then rebuild the search rows it affects."""
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
        conn.executemany(
            "INSERT INTO scholars (id, kind, created_at) VALUES (?, ?, ?)", self.scholars
        )
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
        self._search_rows()
        touched, written = self.touched, set(self.works)
        self._reset()
        if touched:
            reindex_scholars(db, touched, skip=written)

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
            conn.executemany(
                _insert_sql("dates", ("work_id", "kind", *compress(_DATE_COLUMNS, mask))), rows
            )
        conn.executemany("INSERT OR IGNORE INTO tags (work_id, tag) VALUES (?, ?)", tags)
        conn.executemany(
            "INSERT INTO contributors (work_id, role, position, name_id, printed)"
            " VALUES (?, ?, ?, ?, ?)",
            contributors,
        )
        conn.executemany(
            "INSERT INTO source_fields (work_id, position, name, value) VALUES (?, ?, ?, ?)", own
        )
        conn.executemany(
            "INSERT INTO source_fields (work_id, position, name, value, inherited_from)"
            " VALUES (?, ?, ?, ?, ?)",
            inherited,
        )

    def _search_rows(self) -> None:
        """FTS rows: folded titles and texts, and every spelling of every contributor."""
        rows = []
        #: id(Name) -> (folded forms, match keys) of the name and its scholar's variants (the
        #: names stay alive in ``self.works`` meanwhile, so their ids are not reused)
        spellings: dict[int, tuple[dict[str, None], dict[str, None]]] = {}
        for wid, (work, _) in self.works.items():
            folds: dict[str, None] = {}
            keys: dict[str, None] = {}
            for c in work.contributors:
                spelled = spellings.get(id(c.name))
                if spelled is None:
                    spelled = spellings[id(c.name)] = self._spellings(c.name)
                folds.update(spelled[0])
                keys.update(spelled[1])
            rows.append(
                (
                    wid,
                    " ".join([quick_fold(t) for t in _titles_of(work) if t]),
                    " ".join([quick_fold(t) for t in _containers_of(work) if t]),
                    quick_fold(work.abstract) if work.abstract else "",
                    quick_fold(work.keywords) if work.keywords else "",
                    quick_fold(work.note) if work.note else "",
                    " ".join(folds),
                    " ".join(keys),
                )
            )
        self.db.conn.executemany(
            "INSERT INTO works_fts (rowid, title, container, abstract, keywords, note, names,"
            " name_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def _spellings(self, name: Name) -> tuple[dict[str, None], dict[str, None]]:
        """(folded forms, non-empty match keys) of a name and of every variant of its scholar."""
        scholar = self.index.scholar_of.get(name)
        names = [name, *self.index.of_scholar.get(scholar, ())] if scholar is not None else [name]
        keys = [family_key(n) for n in names]
        return dict.fromkeys(name_fold(n) for n in names), dict.fromkeys(k for k in keys if k)


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


_NAME_PART_COLUMNS = "n.family, n.given, n.particle, n.suffix, n.patronymic, n.literal, n.genitive"


def load_works(db: Database, ids: list[int]) -> list[Work]:
    """Whole works for many ids, in that order, with one query per table and tuple rows.

    The export's read path (``selection.load_works`` serves the styles, with genders): a
    16,000-work library must come out in well under the time it took to parse.
    """
    if not ids:
        return []
    subset = "(SELECT value FROM json_each(?))"
    args = [json.dumps(ids)]
    if len(set(ids)) == db.execute("SELECT count(*) FROM works").fetchone()[0]:
        subset, args = "(SELECT id FROM works)", []  # the whole library: no list to look up
    text_columns = ", ".join(_TEXT)
    rows = {
        r[0]: r
        for r in db.execute(
            f"SELECT id, key, type, title_supplied, source_dialect, source_type, source_key,"
            f" source_line, {text_columns} FROM works WHERE id IN {subset}",
            args,
        )
    }
    dates: dict[int, dict[str, str]] = defaultdict(dict)
    for wid, kind, edtf in db.execute(
        f"SELECT work_id, kind, edtf FROM dates WHERE work_id IN {subset}", args
    ):
        dates[wid][kind] = edtf
    names: dict[int, Name] = {}
    people: dict[int, list[Contributor]] = defaultdict(list)
    for wid, role, printed, name_id, *parts in db.execute(
        f"SELECT c.work_id, c.role, c.printed, n.id, {_NAME_PART_COLUMNS} FROM contributors c"
        f" JOIN names n ON n.id = c.name_id WHERE c.work_id IN {subset}"
        " ORDER BY c.work_id, c.role <> 'author', c.role, c.position",
        args,
    ):
        if name_id not in names:
            names[name_id] = Name(*(p or "" for p in parts))
        people[wid].append(Contributor(names[name_id], role, printed))
    tags: dict[int, list[str]] = defaultdict(list)
    for wid, tag in db.execute(
        f"SELECT work_id, tag FROM tags WHERE work_id IN {subset} ORDER BY tag", args
    ):
        tags[wid].append(tag)
    fields: dict[int, list[SourceField]] = defaultdict(list)
    for wid, name, value, inherited in db.execute(
        "SELECT work_id, name, value, inherited_from FROM source_fields"
        f" WHERE work_id IN {subset} ORDER BY work_id, position",
        args,
    ):
        fields[wid].append(SourceField(name, value, inherited))
    out = []
    for wid in ids:
        row = rows.get(wid)
        if row is None:
            continue
        _, key, kind, supplied, dialect, entry_type, source_key, line, *text = row
        source = None
        if dialect:
            source = Source(
                dialect, entry_type or "", source_key or key, tuple(fields[wid]), "", line
            )
        out.append(
            Work(
                key=key,
                type=kind,
                title_supplied=bool(supplied),
                dates=dates.get(wid, {}),
                contributors=tuple(people.get(wid, ())),
                tags=tuple(tags.get(wid, ())),
                source=source,
                **{f: v or "" for f, v in zip(_TEXT, text, strict=True)},
            )
        )
    return out


def load_for_export(db: Database, ids: list[int]) -> list[Work]:
    """Works as the BibTeX writer needs them, in this order.

    A work with a source is written from its raw fields (and its issued date, towards BibTeX),
    so only those are read for it; a work without one is read whole (``load_works``).
    """
    if not ids:
        return []
    subset = "(SELECT value FROM json_each(?))"
    args = [json.dumps(ids)]
    if len(set(ids)) == db.execute("SELECT count(*) FROM works").fetchone()[0]:
        subset, args = "(SELECT id FROM works)", []
    rows = {
        r[0]: r
        for r in db.execute(
            "SELECT id, key, type, source_dialect, source_type, source_key, source_line"
            f" FROM works WHERE id IN {subset}",
            args,
        )
    }
    # Only a BibTeX/BibLaTeX source can be written back raw; CSL-JSON, RIS and hand-made works
    # are written from the model, so they are read whole.
    raw = {i for i in ids if i in rows and rows[i][3] in ("bibtex", "biblatex")}
    whole = {w.key: w for w in load_works(db, [i for i in ids if i in rows and i not in raw])}
    issued = dict(
        db.execute(
            f"SELECT work_id, edtf FROM dates WHERE kind = 'issued' AND work_id IN {subset}", args
        ).fetchall()
    )
    fields: dict[int, list[SourceField]] = defaultdict(list)
    for wid, name, value, inherited in db.execute(
        "SELECT work_id, name, value, inherited_from FROM source_fields"
        f" WHERE work_id IN {subset} ORDER BY work_id, position",
        args,
    ):
        fields[wid].append(SourceField(name, value, inherited))
    out = []
    for wid in ids:
        if wid not in rows:
            continue
        _, key, kind, dialect, entry_type, source_key, line = rows[wid]
        if wid not in raw:
            out.append(whole[key])
            continue
        source = Source(dialect, entry_type or "", source_key or key, tuple(fields[wid]), "", line)
        dates = {"issued": issued[wid]} if wid in issued else {}
        out.append(Work(key=key, type=kind, dates=dates, source=source))
    return out
