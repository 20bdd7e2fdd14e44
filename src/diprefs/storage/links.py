"""What links works to works and to scholars: reference lists, citations, mentions."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from diprefs.model import Citation, Mention, ReferenceEntry
from diprefs.storage.works import work_id


def add_reference(db: Database, ref: ReferenceEntry, ids: dict[str, int]) -> None:
    db["reference_entries"].insert(
        {
            "citing_id": ids[ref.citing],
            "position": ref.position,
            "label": ref.label or None,
            "printed": ref.printed or None,
            "cited_id": ids[ref.cited] if ref.cited else None,
        }
    )


def add_citation(db: Database, cit: Citation, ids: dict[str, int]) -> None:
    citing = ids[cit.citing]
    position = db.execute(
        "SELECT coalesce(max(position), 0) + 1 FROM citations WHERE citing_id = ?", [citing]
    ).fetchone()[0]
    db["citations"].insert(
        {
            "citing_id": citing,
            "cited_id": ids[cit.cited],
            "position": position,
            "marker": cit.marker or None,
            "locator_label": cit.locator_label or None,
            "locator": cit.locator or None,
            "context": cit.context or None,
            "form": cit.form,
            "note_text": cit.note_text or None,
        }
    )


def add_group(db: Database, work: int, group_id: str, label: str) -> None:
    db["mention_groups"].insert({"work_id": work, "id": group_id, "label": label or None})


def add_mention(db: Database, mention: Mention, name_id: int, ids: dict[str, int]) -> None:
    wid = ids[mention.work]
    position = db.execute(
        "SELECT coalesce(max(position), 0) + 1 FROM mentions WHERE work_id = ?", [wid]
    ).fetchone()[0]
    db["mentions"].insert(
        {
            "work_id": wid,
            "position": position,
            "name_id": name_id,
            "printed": mention.printed,
            "group_id": mention.group or None,
            "sentence": mention.sentence or None,
        }
    )


def references_of(db: Database, key: str) -> list[dict[str, Any]]:
    """The printed reference list of a work, in order."""
    return list(
        db.query(
            "SELECT r.position, coalesce(r.label, '') AS label, c.key, r.printed"
            " FROM reference_entries r JOIN works w ON w.id = r.citing_id"
            " LEFT JOIN works c ON c.id = r.cited_id"
            " WHERE w.key = ? ORDER BY r.position",
            [key],
        )
    )


def _locator(label: str | None, value: str | None) -> str | None:
    if not value:
        return None
    return f"{label} {value}" if label else value


def citations_of(db: Database, key: str) -> list[dict[str, Any]]:
    """The in-text citations a work makes, in text order."""
    return [
        {
            "key": r["key"],
            "marker": r["marker"],
            "locator": _locator(r["locator_label"], r["locator"]),
            "context": r["context"],
            "form": r["form"],
            "note_text": r["note_text"],
        }
        for r in db.query(
            "SELECT c.key, x.* FROM citations x JOIN works w ON w.id = x.citing_id"
            " JOIN works c ON c.id = x.cited_id WHERE w.key = ? ORDER BY x.position",
            [key],
        )
    ]


def cited_by(db: Database, key: str) -> list[str]:
    """Keys of the works that list or cite this one."""
    wid = work_id(db, key)
    return [
        r[0]
        for r in db.execute(
            "SELECT key FROM works WHERE id IN ("
            " SELECT citing_id FROM reference_entries WHERE cited_id = ?"
            " UNION SELECT citing_id FROM citations WHERE cited_id = ?) ORDER BY key",
            [wid, wid],
        )
    ]


def mentions_of_scholar(db: Database, scholar_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT w.key AS work, m.printed, m.group_id AS 'group', m.sentence FROM mentions m"
            " JOIN names n ON n.id = m.name_id JOIN works w ON w.id = m.work_id"
            " WHERE n.scholar_id = ? ORDER BY w.key, m.position",
            [scholar_id],
        )
    )


def works_of_scholar(db: Database, scholar_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT w.key, c.role, c.printed FROM contributors c JOIN names n ON n.id = c.name_id"
            " JOIN works w ON w.id = c.work_id WHERE n.scholar_id = ? ORDER BY w.key, c.role",
            [scholar_id],
        )
    )


def scholar_rows(db: Database, group: str | None = None) -> list[dict[str, Any]]:
    """One row per scholar: id, kind and the group ids and work count ``scholars list`` shows."""
    groups: dict[int, list[str]] = {}
    for r in db.query(
        "SELECT DISTINCT n.scholar_id, m.group_id FROM mentions m JOIN names n ON n.id = m.name_id"
        " WHERE m.group_id IS NOT NULL AND n.scholar_id IS NOT NULL ORDER BY m.group_id"
    ):
        groups.setdefault(r["scholar_id"], []).append(r["group_id"])
    counts = {
        r["scholar_id"]: r["n"]
        for r in db.query(
            "SELECT n.scholar_id, count(DISTINCT c.work_id) AS n FROM contributors c"
            " JOIN names n ON n.id = c.name_id WHERE n.scholar_id IS NOT NULL GROUP BY n.scholar_id"
        )
    }
    rows = []
    for r in db.query("SELECT * FROM scholars ORDER BY id"):
        if group is not None and group not in groups.get(r["id"], []):
            continue
        rows.append({**r, "groups": groups.get(r["id"], []), "works": counts.get(r["id"], 0)})
    return rows


def group_ids(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT id FROM mention_groups ORDER BY id")]


def citers(db: Database, wid: int) -> list[str]:
    """Keys of the other works that list or cite work ``wid`` (what blocks its removal)."""
    return [
        r[0]
        for r in db.execute(
            "SELECT key FROM works WHERE id <> ? AND id IN ("
            " SELECT citing_id FROM reference_entries WHERE cited_id = ?"
            " UNION SELECT citing_id FROM citations WHERE cited_id = ?) ORDER BY key",
            [wid, wid, wid],
        )
    ]


def _renumber(db: Database, table: str, citing: int) -> None:
    """Positions 1..n in their current order (through negatives: positions are unique)."""
    ids = [
        r[0]
        for r in db.execute(
            f"SELECT id FROM {table} WHERE citing_id = ? ORDER BY position", [citing]
        )
    ]
    db.execute(f"UPDATE {table} SET position = -position WHERE citing_id = ?", [citing])
    db.conn.executemany(
        f"UPDATE {table} SET position = ? WHERE id = ?",
        [(i, row_id) for i, row_id in enumerate(ids, 1)],
    )


def remove_links_to(db: Database, wid: int) -> None:
    """Drop every reference entry and citation pointing at ``wid``; the lists close up."""
    for table in ("reference_entries", "citations"):
        citing = [
            r[0]
            for r in db.execute(f"SELECT DISTINCT citing_id FROM {table} WHERE cited_id = ?", [wid])
        ]
        db.execute(f"DELETE FROM {table} WHERE cited_id = ?", [wid])
        for c in citing:
            _renumber(db, table, c)


def retarget(db: Database, old: int, new: int) -> None:
    """Every reference entry and citation pointing at ``old`` now points at ``new``."""
    db.execute("UPDATE reference_entries SET cited_id = ? WHERE cited_id = ?", [new, old])
    db.execute("UPDATE citations SET cited_id = ? WHERE cited_id = ?", [new, old])


def own_links(db: Database, wid: int) -> dict[str, int]:
    """How many reference entries, citations and mentions work ``wid`` has of its own."""
    return {
        what: db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [wid]).fetchone()[0]
        for what, table, column in (
            ("references", "reference_entries", "citing_id"),
            ("citations", "citations", "citing_id"),
            ("mentions", "mentions", "work_id"),
        )
    }


def move_own(db: Database, what: str, old: int, new: int) -> None:
    """Give ``new`` the reference list, citations or mentions (with their groups) of ``old``."""
    if what == "references":
        db.execute("UPDATE reference_entries SET citing_id = ? WHERE citing_id = ?", [new, old])
    elif what == "citations":
        db.execute("UPDATE citations SET citing_id = ? WHERE citing_id = ?", [new, old])
    else:
        db.execute(
            "INSERT OR IGNORE INTO mention_groups (work_id, id, label)"
            " SELECT ?, id, label FROM mention_groups WHERE work_id = ?",
            [new, old],
        )
        db.execute("UPDATE mentions SET work_id = ? WHERE work_id = ?", [new, old])


def reference_positions(db: Database, citing: int, cited: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT position FROM reference_entries WHERE citing_id = ? AND cited_id = ?"
            " ORDER BY position",
            [citing, cited],
        )
    ]


def list_length(db: Database, citing: int) -> int:
    return db.execute(
        "SELECT count(*) FROM reference_entries WHERE citing_id = ?", [citing]
    ).fetchone()[0]


def insert_reference(
    db: Database, citing: int, position: int, cited: int, label: str, printed: str
) -> None:
    """Insert an item at ``position`` (1..length+1); later items move down one."""
    db.execute(
        "UPDATE reference_entries SET position = -(position + 1)"
        " WHERE citing_id = ? AND position >= ?",
        [citing, position],
    )
    db.execute(
        "UPDATE reference_entries SET position = -position WHERE citing_id = ? AND position < 0",
        [citing],
    )
    db["reference_entries"].insert(
        {
            "citing_id": citing,
            "position": position,
            "label": label,
            "printed": printed or None,
            "cited_id": cited,
        }
    )


def delete_references(db: Database, citing: int, positions: list[int]) -> None:
    """Remove the items at ``positions``; later items move up."""
    db.conn.executemany(
        "DELETE FROM reference_entries WHERE citing_id = ? AND position = ?",
        [(citing, p) for p in positions],
    )
    _renumber(db, "reference_entries", citing)


def citations_between(db: Database, citing: int, cited: int) -> list[dict[str, Any]]:
    """The citations of ``cited`` in ``citing``'s text, in text order."""
    return list(
        db.query(
            "SELECT id, position, marker, locator_label, locator FROM citations"
            " WHERE citing_id = ? AND cited_id = ? ORDER BY position",
            [citing, cited],
        )
    )


def delete_citations(db: Database, citing: int, ids: list[int]) -> None:
    db.conn.executemany("DELETE FROM citations WHERE id = ?", [(i,) for i in ids])
    _renumber(db, "citations", citing)
