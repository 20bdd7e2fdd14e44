"""Editing who cites whom: in-text citations and printed reference lists (docs/cli.md).

Each function is one transaction. Positions are kept dense (1..n): an insertion moves later items
down, a removal moves them up. Labels are what the work printed and are never renumbered.
"""

from __future__ import annotations

from sqlite_utils import Database

from diprefs.errors import ConflictError, NotFoundError
from diprefs.model import Citation
from diprefs.services.editing import require_id
from diprefs.storage import links
from diprefs.storage.db import transaction


class BadPosition(ValueError):
    """A ``--position`` outside the list: a usage error (exit 2) in the CLI."""


def _pair(db: Database, citing: str, cited: str) -> tuple[int, int]:
    ids = require_id(db, citing), require_id(db, cited)
    if ids[0] == ids[1]:
        raise ConflictError(f"a work cannot cite itself ({citing})")
    return ids


def add_citation(
    db: Database, citing: str, cited: str, page: str, context: str, marker: str
) -> None:
    with transaction(db):
        ids = dict(zip((citing, cited), _pair(db, citing, cited), strict=True))
        links.add_citation(
            db,
            Citation(
                citing=citing,
                cited=cited,
                marker=marker,
                locator_label="page" if page else "",
                locator=page,
                context=context,
            ),
            ids,
        )


def _locator(row: dict) -> str:
    value = row["locator"] or ""
    return f"{row['locator_label']} {value}" if row["locator_label"] and value else value


def remove_citations(
    db: Database,
    citing: str,
    cited: str,
    marker: str | None,
    page: str | None,
    every: bool,
) -> int:
    """Remove the citations of CITED in CITING that fit ``marker``/``page``; how many.

    Several fitting without ``every``: exit 4 with one ``marker<TAB>locator`` line each.
    """
    with transaction(db):
        citing_id, cited_id = require_id(db, citing), require_id(db, cited)
        rows = [
            r
            for r in links.citations_between(db, citing_id, cited_id)
            if (marker is None or (r["marker"] or "") == marker)
            and (page is None or (r["locator_label"] == "page" and r["locator"] == page))
        ]
        if not rows:
            narrowed = "".join(
                f" with {what} {value!r}"
                for what, value in (("marker", marker), ("page", page))
                if value is not None
            )
            raise NotFoundError(f"{citing} has no citation of {cited}{narrowed}")
        if len(rows) > 1 and not every:
            raise ConflictError(
                f"{citing} cites {cited} {len(rows)} times (narrow with --marker or --page,"
                " or remove all with --all):",
                [f"{r['marker'] or ''}\t{_locator(r)}" for r in rows],
            )
        links.delete_citations(db, citing_id, [r["id"] for r in rows])
        return len(rows)


def add_reference(
    db: Database, citing: str, cited: str, position: int | None, label: str, printed: str
) -> int:
    """Insert CITED into CITING's list; returns the position it took."""
    with transaction(db):
        citing_id, cited_id = _pair(db, citing, cited)
        length = links.list_length(db, citing_id)
        at = length + 1 if position is None else position
        if not 1 <= at <= length + 1:
            raise BadPosition(
                f"{position} is not a position in the list of {citing} (1 to {length + 1})"
            )
        links.insert_reference(db, citing_id, at, cited_id, label, printed)
        return at


def remove_references(
    db: Database, citing: str, cited: str, position: int | None, every: bool
) -> list[int]:
    """Remove CITED's items from CITING's list; returns the positions they had."""
    with transaction(db):
        citing_id, cited_id = require_id(db, citing), require_id(db, cited)
        found = links.reference_positions(db, citing_id, cited_id)
        if not found:
            raise NotFoundError(f"{cited} is not in the reference list of {citing}")
        if position is not None:
            if position not in found:
                at = ", ".join(str(p) for p in found)
                raise NotFoundError(
                    f"{cited} is not at position {position} of {citing}'s list (it is at {at})"
                )
            found = [position]
        elif len(found) > 1 and not every:
            raise ConflictError(
                f"{cited} stands at {len(found)} positions of {citing}'s list (choose one with"
                " --position, or remove all with --all):",
                [str(p) for p in found],
            )
        links.delete_references(db, citing_id, found)
        return found
