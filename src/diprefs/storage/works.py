"""Works: their rows, dates, tags, contributors, lossless source fields and FTS entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from diprefs.formats.records import Block
from diprefs.model import WORK_TEXT_FIELDS, Contributor, Source, SourceField, Work
from diprefs.names.keys import fold
from diprefs.names.matching import given_keys
from diprefs.storage.scholars import name_from_row

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
    """Insert one work with everything hanging off it; returns its id.

    The same path as a bulk import (``storage.bulk``), so names join scholars by one rule.
    """
    from diprefs.storage.bulk import WorkWriter

    writer = WorkWriter(db)
    wid = writer.add(work, source_id, position)
    writer.flush()
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
    parsed = [(n, name_from_row(n)) for n in names]
    spelled = (f for _, n in parsed for f in (n.sort_form().replace(",", " "), n.genitive) if f)
    written = " ".join(dict.fromkeys(fold(f) for f in spelled))
    keys = " ".join(
        dict.fromkeys(k for row, n in parsed for k in (row["match_key"], *given_keys(n)) if k)
    )
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


def drop_sources_without_works(db: Database) -> None:
    """Forget imported files none of whose works remain (every entry a skipped duplicate, or
    all replaced by a later file's): their @string and @comment blocks go with them. One scan
    of ``works``, whatever the number of files."""
    db.execute(
        "DELETE FROM sources WHERE id NOT IN"
        " (SELECT DISTINCT source_id FROM works WHERE source_id IS NOT NULL)"
    )


def add_blocks(db: Database, source_id: int, blocks: list[Block]) -> None:
    """Keep a file's @string, @preamble and @comment blocks, in order, for export.

    ``position`` is the block's line in its file when known, so blocks and works of one file
    share one order.
    """
    db["source_blocks"].insert_all(
        {
            "source_id": source_id,
            "position": i if b.line is None else b.line,
            "kind": b.kind,
            "key": b.key or None,
            "value": b.value,
        }
        for i, b in enumerate(blocks)
    )


def all_keys_like(db: Database, keys: list[str]) -> list[str]:
    """Stored keys equal to any of ``keys`` ignoring case (BibTeX crossref keys are caseless)."""
    wanted = sorted({k.lower() for k in keys})
    marks = ", ".join("?" * len(wanted))
    return [
        r[0] for r in db.execute(f"SELECT key FROM works WHERE lower(key) IN ({marks})", wanted)
    ]


def blocks_of(db: Database, keys: list[str]) -> list[Block]:
    """The @string, @preamble and @comment blocks of the files these works came from.

    In file order, files in order of first use. A block that another file already gave (the same
    macro name, or the same text) is written once: BibTeX refuses a macro defined twice.
    """
    import json

    rows = db.execute(
        "SELECT b.kind, b.key, b.value, b.position FROM source_blocks b"
        " JOIN (SELECT source_id, min(id) AS first FROM works"
        " WHERE key IN (SELECT value FROM json_each(?)) AND source_id IS NOT NULL"
        " GROUP BY source_id) s ON s.source_id = b.source_id"
        " ORDER BY s.first, b.position",
        [json.dumps(keys)],
    )
    seen: set[tuple[str, str]] = set()
    out: list[Block] = []
    for kind, key, value, position in rows:
        ident = (kind, (key or "").lower()) if kind == "string" else (kind, value)
        if ident not in seen:
            seen.add(ident)
            out.append(Block(kind, value, key or "", position))
    return out


def has_parents(db: Database) -> bool:
    """Whether any stored entry names a crossref or xdata parent (an export then looks)."""
    row = db.execute(
        "SELECT 1 FROM source_fields WHERE inherited_from IS NULL"
        " AND lower(name) IN ('crossref', 'xdata') LIMIT 1"
    ).fetchone()
    return row is not None
