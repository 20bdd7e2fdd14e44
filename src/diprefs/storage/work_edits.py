"""Changing works: adding, replacing, removing, tagging, and the raw fields kept for export.

Writes go through the import's ``bulk.WorkWriter``, so a work added or edited by hand joins
scholars by the import's rule and gets its search row the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sqlite_utils import Database

from diprefs.model import Name, SourceField, Work
from diprefs.names.matching import NameIndex
from diprefs.storage.bulk import WorkWriter
from diprefs.storage.scholar_edits import delete_unused_names
from diprefs.storage.scholars import load_name_index, name_from_row
from diprefs.storage.works import index_work

#: A contributor's name (parts, without and with its genitive) -> (names row, scholar)
Links = dict[Name, tuple[int, int | None]]
#: What stands between the keys of a raw crossref/xdata value ("{a, b}", "a", ""a"").
_KEY_SEPARATORS = re.compile(r'([\s{},"]+)')


def name_index(db: Database) -> NameIndex:
    """The import's name index, where a name stored with a genitive form (``scholars edit
    --genitive``) also stands for the same name typed without it."""
    index = load_name_index(db)
    for row in db.query("SELECT * FROM names WHERE genitive IS NOT NULL ORDER BY id"):
        bare = replace(name_from_row(row), genitive="")
        if bare not in index.by_parts:
            index.by_parts[bare] = row["id"]
            if row["scholar_id"] is not None:
                index.scholar_of[bare] = row["scholar_id"]
    return index


def add_works(db: Database, works: list[Work], source_id: int | None) -> list[int]:
    """Insert new works (keys checked by the caller); their ids, in order."""
    writer = WorkWriter(db, name_index(db))
    ids = [writer.add(work, source_id, i) for i, work in enumerate(works)]
    writer.flush()
    return ids


def contributor_links(db: Database, wids: list[int]) -> Links:
    """The names rows these works' contributors print, so an unchanged name keeps its scholar.

    Re-reading a name would join it by the import's rule, which can pick a namesake; a name the
    work already printed stays linked where it was.
    """
    links: Links = {}
    for wid in wids:
        for row in db.query(
            "SELECT n.* FROM contributors c JOIN names n ON n.id = c.name_id WHERE c.work_id = ?",
            [wid],
        ):
            name = name_from_row(row)
            for key in (name, replace(name, genitive="")):
                links.setdefault(key, (row["id"], row["scholar_id"]))
    return links


def replace_work(db: Database, wid: int, work: Work, links: Links) -> None:
    """Rewrite work ``wid`` (key, fields, dates, contributors, tags, raw fields) as ``work``.

    Its reference list, citations and mentions are untouched: they hang off the id.
    """
    source_id, position = db.execute(
        "SELECT source_id, source_position FROM works WHERE id = ?", [wid]
    ).fetchone()
    index = name_index(db)
    for name, (name_id, scholar_id) in links.items():
        index.by_parts[name] = name_id
        if scholar_id is not None:
            index.scholar_of[name] = scholar_id
    db.execute("DELETE FROM tags WHERE work_id = ?", [wid])
    writer = WorkWriter(db, index)
    writer.add(work, source_id, position or 0, replace_id=wid)
    writer.flush()
    delete_unused_names(db)
    index_work(db, wid)


def delete_work(db: Database, wid: int) -> None:
    """Remove a work and what hangs off it (links *to* it must be gone already)."""
    (source_id,) = db.execute("SELECT source_id FROM works WHERE id = ?", [wid]).fetchone()
    db.execute("DELETE FROM works_fts WHERE rowid = ?", [wid])
    db.execute("DELETE FROM works WHERE id = ?", [wid])
    delete_unused_names(db)
    if source_id is not None:
        db.execute(
            "DELETE FROM sources WHERE id = ? AND NOT EXISTS"
            " (SELECT 1 FROM works WHERE source_id = ?)",
            [source_id, source_id],
        )


def add_tags(db: Database, wid: int, tags: list[str]) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO tags (work_id, tag) VALUES (?, ?)", [(wid, t) for t in tags]
    )


def remove_tags(db: Database, wid: int, tags: list[str]) -> None:
    db.conn.executemany("DELETE FROM tags WHERE work_id = ? AND tag = ?", [(wid, t) for t in tags])


def rename_parent(db: Database, old: str, new: str) -> None:
    """A renamed work's crossref/xdata children name it by its new key: their own ``crossref``
    and ``xdata`` fields (keys compare without case, as BibTeX's do), and the fields they
    inherited from it."""
    db.execute(
        "UPDATE source_fields SET inherited_from = ? WHERE inherited_from = ? COLLATE NOCASE",
        [new, old],
    )
    folded = old.casefold()
    for wid, position, value in db.execute(
        "SELECT work_id, position, value FROM source_fields"
        " WHERE inherited_from IS NULL AND lower(name) IN ('crossref', 'xdata')"
    ).fetchall():
        parts = _KEY_SEPARATORS.split(value)
        renamed = "".join(new if p.casefold() == folded else p for p in parts)
        if renamed != value:
            db.execute(
                "UPDATE source_fields SET value = ? WHERE work_id = ? AND position = ?",
                [renamed, wid, position],
            )


def set_source_fields(db: Database, wid: int, fields: tuple[SourceField, ...]) -> None:
    """Replace a work's raw fields (the export of a work read from BibTeX writes these)."""
    db.execute("DELETE FROM source_fields WHERE work_id = ?", [wid])
    db.conn.executemany(
        "INSERT INTO source_fields (work_id, position, name, value, inherited_from)"
        " VALUES (?, ?, ?, ?, ?)",
        [(wid, i, f.name, f.value, f.inherited_from) for i, f in enumerate(fields)],
    )
