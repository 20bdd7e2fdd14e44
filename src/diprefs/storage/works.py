"""Works: their rows, dates, tags, contributors, lossless source fields and FTS entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from diprefs.dates import parse_date
from diprefs.formats.records import Block
from diprefs.model import WORK_TEXT_FIELDS, Contributor, Source, SourceField, Work
from diprefs.names.keys import fold
from diprefs.storage.scholars import name_for, name_from_row

#: Authors first, then the other roles alphabetically, each in its printed order.
_CONTRIBUTOR_ORDER = "c.role <> 'author', c.role, c.position"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def work_id(db: Database, key: str) -> int | None:
    row = db.execute("SELECT id FROM works WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def all_keys(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT key FROM works ORDER BY key")]


def add_work(db: Database, work: Work, source_id: int | None = None, position: int = 0) -> int:
    """Insert a work with everything hanging off it; returns its id."""
    now = _now()
    src = work.source
    row: dict[str, Any] = {f: getattr(work, f) or None for f in WORK_TEXT_FIELDS}
    row.update(
        key=work.key,
        type=work.type or "document",
        title_supplied=int(work.title_supplied),
        source_id=source_id,
        source_position=position if src else None,
        source_line=src.line if src else None,
        source_dialect=src.dialect if src else None,
        source_type=src.entry_type if src else None,
        source_key=src.key if src else None,
        created_at=now,
        updated_at=now,
    )
    wid = db["works"].insert(row).last_pk
    for kind, text in work.dates.items():
        value = parse_date(text)
        db["dates"].insert(
            {
                "work_id": wid,
                "kind": kind,
                "edtf": value.to_edtf() or text,
                "year": value.year,
                "month": value.month,
                "day": value.day,
                "end_year": value.end_year,
                "end_month": value.end_month,
                "end_day": value.end_day,
                "approximate": int(value.approximate),
                "uncertain": int(value.uncertain),
                "status": value.status or None,
                "literal": value.literal or None,
            }
        )
    db["tags"].insert_all({"work_id": wid, "tag": t} for t in dict.fromkeys(work.tags))
    positions: dict[str, int] = {}
    for c in work.contributors:
        positions[c.role] = positions.get(c.role, 0) + 1
        db["contributors"].insert(
            {
                "work_id": wid,
                "role": c.role,
                "position": positions[c.role],
                "name_id": name_for(db, c.name),
                "printed": c.printed or c.name.sort_form(),
            }
        )
    if src:
        db["source_fields"].insert_all(
            {
                "work_id": wid,
                "position": i,
                "name": f.name,
                "value": f.value,
                "inherited_from": f.inherited_from,
            }
            for i, f in enumerate(src.fields)
        )
    index_work(db, wid)
    return wid


def index_work(db: Database, wid: int) -> None:
    """(Re)build the work's FTS row from its columns and every variant of its contributors."""
    w = db.execute(
        "SELECT title, subtitle, title_addon, title_translated, title_original,"
        " container_title, container_title_latin, collection_title, abstract, keywords, note"
        " FROM works WHERE id = ?",
        [wid],
    ).fetchone()
    names = list(
        db.query(
            "SELECT n.* FROM names n"
            " WHERE n.id IN (SELECT name_id FROM contributors WHERE work_id = ?)"
            " OR n.scholar_id IN (SELECT n2.scholar_id FROM contributors c JOIN names n2"
            " ON n2.id = c.name_id WHERE c.work_id = ?)",
            [wid, wid],
        )
    )
    written = " ".join(
        dict.fromkeys(fold(name_from_row(n).sort_form().replace(",", " ")) for n in names)
    )
    keys = " ".join(dict.fromkeys(n["match_key"] for n in names if n["match_key"]))
    title = " ".join(fold(x) for x in w[:5] if x)
    container = " ".join(fold(x) for x in w[5:8] if x)
    db.execute("DELETE FROM works_fts WHERE rowid = ?", [wid])
    db.execute(
        "INSERT INTO works_fts"
        " (rowid, title, container, abstract, keywords, note, names, name_keys)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            wid,
            title,
            container,
            fold(w[8] or ""),
            fold(w[9] or ""),
            fold(w[10] or ""),
            written,
            keys,
        ],
    )


def list_works(db: Database) -> list[dict[str, Any]]:
    """The ``works list`` rows: key, type, title, year, authors, language, sorted by key."""
    authors: dict[int, list[str]] = {}
    for r in db.query(
        "SELECT c.work_id, n.* FROM contributors c JOIN names n ON n.id = c.name_id"
        " WHERE c.role = 'author' ORDER BY c.work_id, c.position"
    ):
        authors.setdefault(r["work_id"], []).append(name_from_row(r).sort_form())
    return [
        {
            "key": r["key"],
            "type": r["type"],
            "title": r["title"],
            "year": r["year"],
            "authors": authors.get(r["id"], []),
            "language": r["language"],
        }
        for r in db.query(
            "SELECT w.id, w.key, w.type, w.title, w.language, d.year FROM works w"
            " LEFT JOIN dates d ON d.work_id = w.id AND d.kind = 'issued' ORDER BY w.key"
        )
    ]


def get_work(db: Database, key: str) -> Work | None:
    """The whole work as a model object (contributors, dates, tags, source)."""
    row = next(db.query("SELECT * FROM works WHERE key = ?", [key]), None)
    if row is None:
        return None
    wid = row["id"]
    contributors = tuple(
        Contributor(name=name_from_row(r), role=r["role"], printed=r["printed"])
        for r in db.query(
            "SELECT c.role, c.printed, n.* FROM contributors c JOIN names n ON n.id = c.name_id"
            " WHERE c.work_id = ? ORDER BY " + _CONTRIBUTOR_ORDER,
            [wid],
        )
    )
    dates = {
        r["kind"]: r["edtf"]
        for r in db.query("SELECT kind, edtf FROM dates WHERE work_id = ?", [wid])
    }
    tags = tuple(
        r["tag"] for r in db.query("SELECT tag FROM tags WHERE work_id = ? ORDER BY tag", [wid])
    )
    source = None
    if row["source_dialect"]:
        fields = tuple(
            SourceField(r["name"], r["value"], r["inherited_from"])
            for r in db.query(
                "SELECT * FROM source_fields WHERE work_id = ? ORDER BY position", [wid]
            )
        )
        path = ""
        if row["source_id"] is not None:
            path = db.execute(
                "SELECT path FROM sources WHERE id = ?", [row["source_id"]]
            ).fetchone()[0]
        source = Source(
            dialect=row["source_dialect"],
            entry_type=row["source_type"] or "",
            key=row["source_key"] or row["key"],
            fields=fields,
            file=path,
            line=row["source_line"],
        )
    return Work(
        key=row["key"],
        type=row["type"],
        title_supplied=bool(row["title_supplied"]),
        dates=dates,
        contributors=contributors,
        tags=tags,
        source=source,
        **{f: row[f] or "" for f in WORK_TEXT_FIELDS if f != "type"},
    )


def contributor_scholars(db: Database, key: str) -> list[int | None]:
    """The scholar id behind each contributor of a work, in the order ``get_work`` gives them."""
    return [
        r[0]
        for r in db.execute(
            "SELECT n.scholar_id FROM contributors c JOIN names n ON n.id = c.name_id"
            " JOIN works w ON w.id = c.work_id WHERE w.key = ? ORDER BY " + _CONTRIBUTOR_ORDER,
            [key],
        )
    ]


def add_source(db: Database, path: str, dialect: str, encoding: str | None) -> int:
    return (
        db["sources"]
        .insert({"path": path, "dialect": dialect, "encoding": encoding, "imported_at": _now()})
        .last_pk
    )


def add_blocks(db: Database, source_id: int, blocks: list[Block]) -> None:
    """Keep a file's @string, @preamble and @comment blocks, in order, for export."""
    db["source_blocks"].insert_all(
        {
            "source_id": source_id,
            "position": i,
            "kind": b.kind,
            "key": b.key or None,
            "value": b.value,
        }
        for i, b in enumerate(blocks)
    )
