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
            "SELECT r.position, r.label, c.key, r.printed FROM reference_entries r"
            " JOIN works w ON w.id = r.citing_id LEFT JOIN works c ON c.id = r.cited_id"
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
