"""Looking after the library file: integrity checks, orphans, FTS in step, vacuum."""

from __future__ import annotations

from sqlite_utils import Database

#: Rows nothing points at any more, as (check name, SQL counting them, what they are).
_ORPHANS = (
    (
        "SELECT count(*) FROM scholars s WHERE NOT EXISTS"
        " (SELECT 1 FROM names n WHERE n.scholar_id = s.id AND n.canonical = 1)",
        "scholars without a canonical name",
    ),
    (
        "SELECT count(*) FROM names n WHERE n.scholar_id IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM contributors c WHERE c.name_id = n.id)"
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.name_id = n.id)",
        "names that belong to no scholar, contributor or mention",
    ),
    (
        "SELECT count(*) FROM sources s WHERE NOT EXISTS"
        " (SELECT 1 FROM works w WHERE w.source_id = s.id)",
        "imported files none of whose works remain",
    ),
)


def problems(db: Database) -> list[dict[str, str]]:
    """Everything wrong with the file, as {check, message}; empty when it is sound."""
    found: list[dict[str, str]] = []
    for (result,) in db.execute("PRAGMA integrity_check"):
        if result != "ok":
            found.append({"check": "integrity", "message": result})
    for table, rowid, parent, fk in db.execute("PRAGMA foreign_key_check"):
        found.append(
            {
                "check": "foreign-key",
                "message": f"{table} row {rowid} points at a missing {parent} (constraint {fk})",
            }
        )
    for sql, what in _ORPHANS:
        count = db.execute(sql).fetchone()[0]
        if count:
            found.append({"check": "orphan", "message": f"{count} {what}"})
    missing = db.execute(
        "SELECT count(*) FROM works WHERE id NOT IN (SELECT rowid FROM works_fts)"
    ).fetchone()[0]
    extra = db.execute(
        "SELECT count(*) FROM works_fts WHERE rowid NOT IN (SELECT id FROM works)"
    ).fetchone()[0]
    if missing:
        found.append({"check": "fts", "message": f"{missing} works are missing from the index"})
    if extra:
        found.append({"check": "fts", "message": f"{extra} index rows belong to no work"})
    return found


def vacuum(db: Database) -> None:
    db.execute("INSERT INTO works_fts (works_fts) VALUES ('optimize')")
    db.conn.commit()
    db.execute("VACUUM")
