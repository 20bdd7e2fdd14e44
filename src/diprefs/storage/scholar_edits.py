"""Changing scholars: their fields, canonical name, variants; merging and removing them.

Works and mentions point at ``names`` rows, never at scholars, so moving a name row to another
scholar moves everything printed with it. Every change that gives a scholar's works other
spellings rebuilds their search rows (``reindex``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from diprefs.model import Name
from diprefs.names.matching import name_fold
from diprefs.storage.bulk import reindex_scholars
from diprefs.storage.scholars import add_name, name_from_row, name_row
from diprefs.storage.works import index_work

#: Scholar columns a merge fills in KEEP from OTHER when KEEP's are empty.
FILLED_BY_MERGE = ("gender", "affiliation", "country", "orcid")


def scholar_row(db: Database, scholar_id: int) -> dict[str, Any]:
    return next(db.query("SELECT * FROM scholars WHERE id = ?", [scholar_id]))


def owners_of(db: Database, name: Name) -> set[int]:
    """Scholars having ``name`` (folded: case, dots, apostrophes aside) as a name or variant."""
    return {
        r[0]
        for r in db.execute(
            "SELECT scholar_id FROM names WHERE fold = ? AND scholar_id IS NOT NULL",
            [name_fold(name)],
        )
    }


def set_fields(db: Database, scholar_id: int, values: dict[str, str | None]) -> None:
    db["scholars"].update(scholar_id, values)


def add_variant(db: Database, scholar_id: int, name: Name) -> None:
    add_name(db, name, scholar_id)
    reindex(db, scholar_id)


def set_canonical(db: Database, scholar_id: int, name: Name) -> None:
    """Make ``name`` the canonical name; the old one stays as a variant.

    A row of this scholar with the same parts (the genitive aside) is promoted rather than
    doubled.
    """
    same = [
        r["id"]
        for r in db.query("SELECT * FROM names WHERE scholar_id = ?", [scholar_id])
        if replace(name_from_row(r), genitive="") == replace(name, genitive="")
    ]
    db.execute("UPDATE names SET canonical = 0 WHERE scholar_id = ?", [scholar_id])
    if same:
        db.execute("UPDATE names SET canonical = 1 WHERE id = ?", [same[0]])
    else:
        add_name(db, name, scholar_id, canonical=True)
    reindex(db, scholar_id)


def replace_canonical_parts(db: Database, scholar_id: int, name: Name) -> None:
    """Rewrite the canonical row's parts in place (a change of kind re-reads the name)."""
    row = next(
        db.query("SELECT id FROM names WHERE scholar_id = ? AND canonical = 1", [scholar_id])
    )
    db["names"].update(row["id"], name_row(name))
    reindex(db, scholar_id)


def set_genitive(db: Database, scholar_id: int, genitive: str, script: str) -> None:
    """Store the genitive form on the scholar's names in ``script`` (else on the canonical one);
    an empty ``genitive`` clears it from all of them.

    Styles read the genitive from the name a work printed, and a Russian genitive belongs to the
    Cyrillic spellings.
    """
    if not genitive:
        db.execute("UPDATE names SET genitive = NULL WHERE scholar_id = ?", [scholar_id])
        return
    changed = db.execute(
        "UPDATE names SET genitive = ? WHERE scholar_id = ? AND script = ?",
        [genitive, scholar_id, script],
    ).rowcount
    if not changed:
        db.execute(
            "UPDATE names SET genitive = ? WHERE scholar_id = ? AND canonical = 1",
            [genitive, scholar_id],
        )


def merge(db: Database, keep: int, other: int) -> None:
    """OTHER's names (and so its works and mentions) become KEEP's; KEEP's fields win."""
    keep_row, other_row = scholar_row(db, keep), scholar_row(db, other)
    filled = {f: other_row[f] for f in FILLED_BY_MERGE if not keep_row[f] and other_row[f]}
    if filled:
        set_fields(db, keep, filled)
    db.execute("UPDATE names SET scholar_id = ?, canonical = 0 WHERE scholar_id = ?", [keep, other])
    db.execute("DELETE FROM scholars WHERE id = ?", [other])
    reindex(db, keep)


def work_ids(db: Database, scholar_id: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT c.work_id FROM contributors c JOIN names n ON n.id = c.name_id"
            " WHERE n.scholar_id = ? ORDER BY c.work_id",
            [scholar_id],
        )
    ]


def remove(db: Database, scholar_id: int) -> None:
    """Remove a scholar: names printed on works or in mentions stay, unlinked; others go."""
    works = work_ids(db, scholar_id)
    db.execute(
        "UPDATE names SET scholar_id = NULL, canonical = 0 WHERE scholar_id = ?", [scholar_id]
    )
    db.execute("DELETE FROM scholars WHERE id = ?", [scholar_id])
    delete_unused_names(db)
    for wid in works:
        index_work(db, wid)


def delete_unused_names(db: Database) -> None:
    """Names that belong to no scholar and that no work or mention prints."""
    db.execute(
        "DELETE FROM names WHERE scholar_id IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM contributors c WHERE c.name_id = names.id)"
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.name_id = names.id)"
    )


def reindex(db: Database, scholar_id: int) -> None:
    """Search rows of the scholar's works: they list every spelling of every contributor."""
    reindex_scholars(db, {scholar_id}, skip=set())
