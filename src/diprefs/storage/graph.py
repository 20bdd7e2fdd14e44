"""The rows behind ``graph``: work-to-work links, authorship, mentions and scholars' names.

Functions take any connection with ``execute`` (sqlite3 or sqlite-utils) and return plain tuples.
Sets of ids travel as one JSON parameter (``json_each``), never spliced into SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from diprefs.model import Name

_NAME_PARTS = ("family", "given", "particle", "suffix", "patronymic", "literal", "genitive")


def work_keys(db: Any) -> dict[int, str]:
    """Every work: id -> key."""
    return dict(db.execute("SELECT id, key FROM works").fetchall())


def list_links(db: Any) -> list[tuple[int, int, int]]:
    """(citing id, cited id, position) for every reference-list item that names a work."""
    return db.execute(
        "SELECT citing_id, cited_id, position FROM reference_entries"
        " WHERE cited_id IS NOT NULL ORDER BY citing_id, cited_id, position"
    ).fetchall()


def cite_links(db: Any) -> list[tuple[int, int, int]]:
    """(citing id, cited id, number of in-text citations)."""
    return db.execute(
        "SELECT citing_id, cited_id, count(*) FROM citations GROUP BY citing_id, cited_id"
    ).fetchall()


def contributions(db: Any, work_ids: Iterable[int]) -> list[tuple[int, int, str]]:
    """(scholar id, work id, role), once each, for the contributors of these works."""
    return db.execute(
        "SELECT DISTINCT n.scholar_id, c.work_id, c.role FROM contributors c"
        " JOIN names n ON n.id = c.name_id WHERE n.scholar_id IS NOT NULL"
        " AND c.work_id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(work_ids))],
    ).fetchall()


def mentions(db: Any, work_ids: Iterable[int]) -> list[tuple[int, int, str | None]]:
    """(work id, scholar id, group id or None), once each, for the mentions in these works."""
    return db.execute(
        "SELECT DISTINCT m.work_id, n.scholar_id, m.group_id FROM mentions m"
        " JOIN names n ON n.id = m.name_id WHERE n.scholar_id IS NOT NULL"
        " AND m.work_id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(work_ids))],
    ).fetchall()


def canonical_names(db: Any, scholar_ids: Iterable[int]) -> dict[int, Name]:
    """Scholar id -> canonical name (the first variant stands in if a scholar has none)."""
    out: dict[int, Name] = {}
    for row in db.execute(
        f"SELECT scholar_id, {', '.join(_NAME_PARTS)} FROM names"
        " WHERE scholar_id IN (SELECT value FROM json_each(?)) ORDER BY canonical DESC, id",
        [json.dumps(sorted(set(scholar_ids)))],
    ):
        if row[0] not in out:
            out[row[0]] = Name(**{p: v or "" for p, v in zip(_NAME_PARTS, row[1:], strict=True)})
    return out
