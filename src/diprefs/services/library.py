"""The library as a whole: where it is, creating it, and the read-only queries of issue 2."""

from __future__ import annotations

import difflib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from diprefs.errors import ConflictError, DiprefsError, NotFoundError
from diprefs.model import DATE_KINDS, WORK_TEXT_FIELDS
from diprefs.services.seed import load_seed
from diprefs.storage import links, scholars, works
from diprefs.storage.db import create_library, open_library


def open_or_create(
    path: Path, on_upgrade: Callable[[Path], None] | None = None
) -> tuple[Database, bool]:
    """Open the library, creating and seeding it first if it does not exist yet."""
    created = False
    if not path.exists():
        create_library(path, load_seed)
        created = True
    return open_library(path, on_upgrade), created


def init(path: Path, *, empty: bool, force: bool) -> dict[str, Any]:
    """Create a library; an existing one is replaced only with ``force`` (after a .bak copy)."""
    backup: Path | None = None
    if path.exists():
        if not force:
            raise ConflictError(
                f"a library already exists at {path}"
                f" (use --force to replace it; the old one is kept as {path}.bak)"
            )
        open_library(path).conn.close()  # refuse to clobber a file that is not a library
        if not os.access(path, os.W_OK):
            raise DiprefsError(f"{path} is read-only; not replacing it")
        backup = path.with_name(path.name + ".bak")
        shutil.copy2(path, backup)
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    create_library(path, None if empty else load_seed)
    db = open_library(path)
    counts = {
        "works": db["works"].count,
        "scholars": db["scholars"].count,
    }
    db.conn.close()
    return {
        "path": str(path),
        "seeded": not empty,
        **counts,
        "backup": str(backup) if backup else None,
    }


def _not_found(what: str, value: str, candidates: list[str]) -> NotFoundError:
    near = difflib.get_close_matches(value, candidates, n=3, cutoff=0.6)
    hint = f" (did you mean: {', '.join(near)}?)" if near else ""
    return NotFoundError(f"no {what} {value!r}{hint}")


def require_work(db: Database, key: str) -> None:
    if works.work_id(db, key) is None:
        raise _not_found("work with key", key, works.all_keys(db))


def show_work(db: Database, key: str) -> dict[str, Any]:
    """Every field of a work, its contributors, reference list, citations and citers.

    Key order and empty-value rules are those of docs/cli.md: key, type, language, title always;
    other model fields only when non-empty; ``title_supplied`` only when true.
    """
    work = works.get_work(db, key)
    if work is None:
        raise _not_found("work with key", key, works.all_keys(db))
    data: dict[str, Any] = {
        "key": work.key,
        "type": work.type,
        "language": work.language or None,
        "title": work.title,
    }
    for name in WORK_TEXT_FIELDS:
        value = getattr(work, name)
        if name not in data and value:
            data[name] = value
        if name == "title_addon" and work.title_supplied:
            data["title_supplied"] = True
    data["dates"] = {kind: work.dates[kind] for kind in DATE_KINDS if kind in work.dates}
    ids = works.contributor_scholars(db, key)
    data["contributors"] = [
        {"role": c.role, "name": c.name.sort_form(), "printed": c.printed, "scholar_id": sid}
        for c, sid in zip(work.contributors, ids, strict=True)
    ]
    data["tags"] = sorted(work.tags)
    data.update(_links(db, key))
    src = work.source
    data["source"] = (
        {
            "dialect": src.dialect,
            "entry_type": src.entry_type,
            "fields": {f.name: f.value for f in src.fields if f.inherited_from is None},
        }
        if src
        else None
    )
    return data


def _links(db: Database, key: str) -> dict[str, Any]:
    """A work's printed list, the citations it makes, and the works citing it."""
    return {
        "references": links.references_of(db, key),
        "citations": [
            {k: c[k] for k in ("key", "marker", "locator", "context")}
            for c in links.citations_of(db, key)
        ],
        "cited_by": links.cited_by(db, key),
    }


def citations_list(db: Database, key: str) -> dict[str, Any]:
    require_work(db, key)
    return {"key": key, **_links(db, key)}


def _scholar_summary(db: Database, row: dict[str, Any]) -> dict[str, Any]:
    canonical, variants = scholars.scholar_names(db, row["id"])
    return {
        "id": row["id"],
        "name": canonical.sort_form(),
        "kind": row["kind"],
        "variants": sorted({v.sort_form() for v in variants} - {canonical.sort_form()}),
        "groups": row["groups"],
        "works": row["works"],
    }


def scholars_list(db: Database, group: str | None = None) -> list[dict[str, Any]]:
    if group is not None and group not in links.group_ids(db):
        known = ", ".join(links.group_ids(db)) or "none"
        raise NotFoundError(f"no mention group {group!r} (groups: {known})")
    rows = [_scholar_summary(db, r) for r in links.scholar_rows(db, group)]
    return sorted(rows, key=lambda r: (r["name"].casefold(), r["id"]))


def scholar_show(db: Database, query: str) -> dict[str, Any]:
    """One scholar by any of its names (or its id); ambiguity and absence are errors."""
    rows = {r["id"]: r for r in links.scholar_rows(db)}
    ids = [int(query)] if query.isdigit() and int(query) in rows else []
    ids = ids or scholars.find_scholars(db, query)
    if not ids:
        near = difflib.get_close_matches(query, scholars.all_name_candidates(db), n=3, cutoff=0.6)
        hint = f" (did you mean: {'; '.join(near)}?)" if near else ""
        raise NotFoundError(f"no scholar matches {query!r}{hint}")
    if len(ids) > 1:
        found = sorted(
            (_scholar_summary(db, rows[i]) for i in ids), key=lambda r: r["name"].casefold()
        )
        raise ConflictError(
            f"{query!r} matches {len(ids)} scholars:",
            [f"{r['name']} (id {r['id']})" for r in found],
        )
    row = rows[ids[0]]
    out = _scholar_summary(db, row)
    out["works"] = links.works_of_scholar(db, row["id"])
    out["mentions"] = links.mentions_of_scholar(db, row["id"])
    out.update({k: row[k] for k in ("gender", "affiliation", "country", "orcid")})
    return out
