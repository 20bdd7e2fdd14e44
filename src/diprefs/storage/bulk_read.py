"""Reading many works at once: the export's read path.

A 16,000-work library must come out in well under the time it took to parse, so each table is
read once with tuple rows, and a work read from BibTeX is read only as far as the BibTeX writer
needs it (``load_for_export``).
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlite_utils import Database

from diprefs.model import WORK_TEXT_FIELDS, Contributor, Name, Source, SourceField, Work
from diprefs.model_bulk import new_work

_TEXT = tuple(f for f in WORK_TEXT_FIELDS if f != "type")
_NAME_PART_COLUMNS = "n.family, n.given, n.particle, n.suffix, n.patronymic, n.literal, n.genitive"


def _subset(db: Database, ids: list[int]) -> tuple[str, list[str]]:
    """SQL for the set of ``ids``, and its arguments: all of ``works`` when that is what they
    are (no list to look up)."""
    if len(set(ids)) == db.execute("SELECT count(*) FROM works").fetchone()[0]:
        return "(SELECT id FROM works)", []
    return "(SELECT value FROM json_each(?))", [json.dumps(ids)]


def _source_fields(db: Database, subset: str, args: list[str]) -> dict[int, list[SourceField]]:
    fields: dict[int, list[SourceField]] = defaultdict(list)
    for wid, name, value, inherited in db.execute(
        "SELECT work_id, name, value, inherited_from FROM source_fields"
        f" WHERE work_id IN {subset} ORDER BY work_id, position",
        args,
    ):
        fields[wid].append(SourceField(name, value, inherited))
    return fields


def load_works(db: Database, ids: list[int]) -> list[Work]:
    """Whole works for many ids, in that order, with one query per table and tuple rows.

    The export's read path (``selection.load_works`` serves the styles, with genders): a
    16,000-work library must come out in well under the time it took to parse.
    """
    if not ids:
        return []
    subset, args = _subset(db, ids)
    text_columns = ", ".join(_TEXT)
    rows = {
        r[0]: r
        for r in db.execute(
            f"SELECT id, key, type, title_supplied, source_dialect, source_type, source_key,"
            f" source_line, {text_columns} FROM works WHERE id IN {subset}",
            args,
        )
    }
    dates: dict[int, dict[str, str]] = defaultdict(dict)
    for wid, kind, edtf in db.execute(
        f"SELECT work_id, kind, edtf FROM dates WHERE work_id IN {subset}", args
    ):
        dates[wid][kind] = edtf
    names: dict[int, Name] = {}
    people: dict[int, list[Contributor]] = defaultdict(list)
    for wid, role, printed, name_id, *parts in db.execute(
        f"SELECT c.work_id, c.role, c.printed, n.id, {_NAME_PART_COLUMNS} FROM contributors c"
        f" JOIN names n ON n.id = c.name_id WHERE c.work_id IN {subset}"
        " ORDER BY c.work_id, c.role <> 'author', c.role, c.position",
        args,
    ):
        if name_id not in names:
            names[name_id] = Name(*(p or "" for p in parts))
        people[wid].append(Contributor(names[name_id], role, printed))
    tags: dict[int, list[str]] = defaultdict(list)
    for wid, tag in db.execute(
        f"SELECT work_id, tag FROM tags WHERE work_id IN {subset} ORDER BY tag", args
    ):
        tags[wid].append(tag)
    fields = _source_fields(db, subset, args)
    out = []
    for wid in ids:
        row = rows.get(wid)
        if row is None:
            continue
        _, key, kind, supplied, dialect, entry_type, source_key, line, *text = row
        source = None
        if dialect:
            source = Source(
                dialect, entry_type or "", source_key or key, tuple(fields[wid]), "", line
            )
        out.append(
            Work(
                key=key,
                type=kind,
                title_supplied=bool(supplied),
                dates=dates.get(wid, {}),
                contributors=tuple(people.get(wid, ())),
                tags=tuple(tags.get(wid, ())),
                source=source,
                **{f: v or "" for f, v in zip(_TEXT, text, strict=True)},
            )
        )
    return out


def load_for_export(db: Database, ids: list[int]) -> list[Work]:
    """Works as the BibTeX writer needs them, in this order.

    A work with a source is written from its raw fields (and its issued date, towards BibTeX),
    so only those are read for it; a work without one is read whole (``load_works``).
    """
    if not ids:
        return []
    subset, args = _subset(db, ids)
    rows = {
        r[0]: r
        for r in db.execute(
            "SELECT id, key, type, source_dialect, source_type, source_key, source_line"
            f" FROM works WHERE id IN {subset}",
            args,
        )
    }
    # Only a BibTeX/BibLaTeX source can be written back raw; CSL-JSON, RIS and hand-made works
    # are written from the model, so they are read whole.
    raw = {i for i in ids if i in rows and rows[i][3] in ("bibtex", "biblatex")}
    whole = {w.key: w for w in load_works(db, [i for i in ids if i in rows and i not in raw])}
    issued = dict(
        db.execute(
            f"SELECT work_id, edtf FROM dates WHERE kind = 'issued' AND work_id IN {subset}", args
        ).fetchall()
    )
    fields = _source_fields(db, subset, args)
    out = []
    for wid in ids:
        if wid not in rows:
            continue
        _, key, kind, dialect, entry_type, source_key, line = rows[wid]
        if wid not in raw:
            out.append(whole[key])
            continue
        source = Source(dialect, entry_type or "", source_key or key, tuple(fields[wid]), "", line)
        dates = {"issued": issued[wid]} if wid in issued else {}
        out.append(new_work({"key": key, "type": kind, "dates": dates, "source": source}))
    return out
