"""Which works a command is about, and loading many of them at once.

``select_ids`` turns the shared selection (keys, ``--cited-by``, ``--tag``) into work ids in a
stable order. ``load_works`` builds ``Work`` objects for many ids with one query per table
(works, dates, contributors with names and scholars' genders, tags, source fields): formatting a
16,000-entry library must not cost 16,000 × 5 queries, as ``works.get_work`` would.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlite_utils import Database

from diprefs.model import WORK_TEXT_FIELDS, Contributor, Name, Source, SourceField, Work


def ids_by_key(db: Database, keys: list[str]) -> dict[str, int]:
    rows = db.execute(
        "SELECT key, id FROM works WHERE key IN (SELECT value FROM json_each(?))",
        [json.dumps(keys)],
    )
    return dict(rows.fetchall())


def keys_of(db: Database, ids: list[int]) -> list[str]:
    """The keys of these works, in this order."""
    subset, args = _in(ids)
    found = dict(db.execute(f"SELECT id, key FROM works WHERE id IN {subset}", args).fetchall())
    return [found[i] for i in ids if i in found]


def all_ids(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM works ORDER BY key")]


def cited_ids(db: Database, citing_id: int) -> list[int]:
    """The works of a reference list, each once, in the order of its first position."""
    rows = db.execute(
        "SELECT cited_id FROM reference_entries WHERE citing_id = ? AND cited_id IS NOT NULL"
        " ORDER BY position",
        [citing_id],
    )
    return list(dict.fromkeys(r[0] for r in rows))


def tagged_ids(db: Database, tag: str) -> list[int]:
    rows = db.execute(
        "SELECT t.work_id FROM tags t JOIN works w ON w.id = t.work_id WHERE t.tag = ?"
        " ORDER BY w.key",
        [tag],
    )
    return [r[0] for r in rows]


def _in(ids: list[int]) -> tuple[str, list[str]]:
    return "(SELECT value FROM json_each(?))", [json.dumps(ids)]


#: Columns of ``works`` read by position: name lookups per cell cost a 16,000-work list a third
#: of its loading time.
_WORK_COLUMNS = (
    "id",
    "key",
    "type",
    "title_supplied",
    "source_dialect",
    "source_type",
    "source_key",
    "source_line",
    "source_id",
    *(f for f in WORK_TEXT_FIELDS if f != "type"),
)
_TEXT_AT = tuple(enumerate(_WORK_COLUMNS[9:], start=9))
#: ``names`` columns in the order of ``Name``'s fields, so a row builds a Name positionally.
_NAME_COLUMNS = tuple(Name.__dataclass_fields__)


def load_works(
    db: Database, ids: list[int], source_fields: tuple[str, ...] | None = None
) -> tuple[list[Work], dict[Name, str]]:
    """The works with these ids, in this order, and the known gender of each contributor name.

    ``source_fields`` limits the raw imported fields loaded into ``Work.source`` to these names
    (lower case), for callers that only look at a few (formatting reads ``origlanguage``);
    ``None`` loads them all.
    """
    if not ids:
        return [], {}
    subset, args = _in(ids)
    rows = {
        r[0]: r
        for r in db.execute(
            f"SELECT {', '.join(_WORK_COLUMNS)} FROM works WHERE id IN {subset}", args
        )
    }
    dates: dict[int, dict[str, str]] = defaultdict(dict)
    for wid, kind, edtf in db.execute(
        f"SELECT work_id, kind, edtf FROM dates WHERE work_id IN {subset}", args
    ):
        dates[wid][kind] = edtf
    people: dict[int, list[Contributor]] = defaultdict(list)
    genders: dict[Name, str] = {}
    parts = ", ".join(f"n.{c}" for c in _NAME_COLUMNS)
    for wid, role, printed, gender, *name_parts in db.execute(
        f"SELECT c.work_id, c.role, c.printed, s.gender, {parts} FROM contributors c"
        " JOIN names n ON n.id = c.name_id LEFT JOIN scholars s ON s.id = n.scholar_id"
        f" WHERE c.work_id IN {subset} ORDER BY c.work_id, c.role <> 'author', c.role,"
        " c.position",
        args,
    ):
        name = Name(*(p or "" for p in name_parts))
        people[wid].append(Contributor(name=name, role=role, printed=printed))
        if gender:
            genders[name] = gender
    tags: dict[int, list[str]] = defaultdict(list)
    for wid, tag in db.execute(
        f"SELECT work_id, tag FROM tags WHERE work_id IN {subset} ORDER BY tag", args
    ):
        tags[wid].append(tag)
    fields: dict[int, list[SourceField]] = defaultdict(list)
    only = ""
    if source_fields is not None:
        only = " AND lower(name) IN (SELECT value FROM json_each(?))"
        args = [*args, json.dumps(list(source_fields))]
    for wid, name, value, inherited in db.execute(
        "SELECT work_id, name, value, inherited_from FROM source_fields"
        f" WHERE work_id IN {subset}{only} ORDER BY work_id, position",
        args,
    ):
        fields[wid].append(SourceField(name, value, inherited))
    paths = dict(db.execute("SELECT id, path FROM sources").fetchall())
    works = [
        _work(rows[i], dates[i], people[i], tags[i], fields[i], paths) for i in ids if i in rows
    ]
    return works, genders


def _work(
    row: tuple[Any, ...],
    dates: dict[str, str],
    people: list[Contributor],
    tags: list[str],
    fields: list[SourceField],
    paths: dict[int, str],
) -> Work:
    _id, key, kind, supplied, dialect, source_type, source_key, line, source_id = row[:9]
    source = None
    if dialect:
        source = Source(
            dialect=dialect,
            entry_type=source_type or "",
            key=source_key or key,
            fields=tuple(fields),
            file=paths.get(source_id, ""),
            line=line,
        )
    return Work(
        key=key,
        type=kind,
        title_supplied=bool(supplied),
        dates=dates,
        contributors=tuple(people),
        tags=tuple(tags),
        source=source,
        **{name: row[i] or "" for i, name in _TEXT_AT},
    )
