"""``db`` use cases: backup, check, vacuum. None of them creates a library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from diprefs.errors import ConflictError, NotFoundError
from diprefs.storage import maintenance
from diprefs.storage.db import backup_to, open_library


def _existing(path: Path):
    if not path.exists():
        raise NotFoundError(f"no library at {path}")
    return open_library(path)


def backup(path: Path, target: Path | None = None) -> Path:
    """Copy the library (consistently, even while it is written) and return the copy's path."""
    db = _existing(path)
    if target is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.{stamp}.bak")
    target = target.absolute()
    if target.exists():
        raise ConflictError(f"{target} exists already; choose another backup path")
    backup_to(db, target)
    db.conn.close()
    return target


def check(path: Path) -> dict[str, Any]:
    db = _existing(path)
    found = maintenance.problems(db)
    db.conn.close()
    return {"path": str(path), "ok": not found, "problems": found}


def vacuum(path: Path) -> tuple[int, int]:
    """VACUUM and optimise the index; returns the file size before and after."""
    db = _existing(path)
    before = path.stat().st_size
    maintenance.vacuum(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return before, path.stat().st_size
