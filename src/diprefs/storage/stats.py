"""The counts behind ``stats``: works by year, type and language, citations, mentions, groups."""

from __future__ import annotations

from typing import Any


def totals(db: Any) -> tuple[int, int]:
    """(works, scholars) in the library."""
    return db.execute(
        "SELECT (SELECT count(*) FROM works), (SELECT count(*) FROM scholars)"
    ).fetchone()


def works_by_year(db: Any) -> list[tuple[int | None, int]]:
    """(year of ``issued`` or None, works), ascending, None last."""
    return db.execute(
        "SELECT d.year, count(*) FROM works w"
        " LEFT JOIN dates d ON d.work_id = w.id AND d.kind = 'issued'"
        " GROUP BY d.year ORDER BY d.year IS NULL, d.year"
    ).fetchall()


def works_by_type(db: Any) -> list[tuple[str, int]]:
    return db.execute("SELECT type, count(*) FROM works GROUP BY type ORDER BY type").fetchall()


def works_by_language(db: Any) -> list[tuple[str, int]]:
    """(language tag, works); a work without one counts under ``und`` (BCP 47 "undetermined")."""
    return db.execute(
        "SELECT coalesce(nullif(language, ''), 'und') AS lang, count(*) FROM works"
        " GROUP BY lang ORDER BY lang"
    ).fetchall()


def most_cited(db: Any, limit: int) -> list[tuple[str, int]]:
    """(key, distinct works listing or citing it), most first, then by key; counts above 0."""
    return db.execute(
        "SELECT w.key, count(DISTINCT x.citing_id) AS n FROM ("
        " SELECT citing_id, cited_id FROM reference_entries WHERE cited_id IS NOT NULL"
        " UNION SELECT citing_id, cited_id FROM citations) x"
        " JOIN works w ON w.id = x.cited_id GROUP BY w.id ORDER BY n DESC, w.key LIMIT ?",
        [limit],
    ).fetchall()


def mention_counts(db: Any) -> list[tuple[int, int]]:
    """(scholar id, number of mentions) for every scholar mentioned at least once."""
    return db.execute(
        "SELECT n.scholar_id, count(*) FROM mentions m JOIN names n ON n.id = m.name_id"
        " WHERE n.scholar_id IS NOT NULL GROUP BY n.scholar_id"
    ).fetchall()


def scholars_per_group(db: Any) -> list[tuple[str, int]]:
    """(mention group id, distinct scholars mentioned in it), by group id; a group id shared by
    several works counts once."""
    return db.execute(
        "SELECT g.id, count(DISTINCT n.scholar_id) FROM mention_groups g"
        " LEFT JOIN mentions m ON m.work_id = g.work_id AND m.group_id = g.id"
        " LEFT JOIN names n ON n.id = m.name_id GROUP BY g.id ORDER BY g.id"
    ).fetchall()
