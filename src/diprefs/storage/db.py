"""Opening a library: identify it, migrate it, set the connection up.

A new library is built in a temporary file beside the target and renamed into place only once it is
complete, so an interrupted ``init`` never leaves a half-made library. An existing file is checked
before anything is written: not SQLite, not a diprefs library, or from a newer diprefs -> refused.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from diprefs.config import busy_timeout
from diprefs.errors import DiprefsError, NewerLibraryError, NotALibraryError
from diprefs.storage.schema import APPLICATION_ID, migrations

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _connect(path: Path, uri_options: str = "") -> Database:
    """A connection with foreign keys on; ``uri_options`` opens read-only ("mode=ro").

    It waits up to ``[db] busy_timeout`` seconds (config.toml) for another process's lock.
    """
    seconds = busy_timeout()
    if uri_options:
        target = f"file:{quote(str(path.absolute()))}?{uri_options}"
        conn = sqlite3.connect(target, uri=True, timeout=seconds)
    else:
        conn = sqlite3.connect(str(path), timeout=seconds)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {seconds * 1000}")
    return db


def _check_identity(path: Path) -> None:
    """Refuse a file that is not SQLite or not a diprefs library, before touching it."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except IsADirectoryError as exc:
        raise NotALibraryError(f"{path} is a directory, not a diprefs library") from exc
    except OSError as exc:
        raise DiprefsError(f"cannot read {path}: {exc.strerror}") from exc
    if not head.startswith(_SQLITE_MAGIC):
        raise NotALibraryError(f"{path} is not a diprefs library (not an SQLite database)")
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotALibraryError(f"{path} is an SQLite database but not a diprefs library")


def _migrate(db: Database, path: Path, on_upgrade: Callable[[Path], None] | None) -> None:
    """Refuse a newer schema; upgrade an older one in one transaction, after a backup."""
    known = [m.name for m in migrations.pending(Database(memory=True))]
    applied = [m.name for m in migrations.applied(db)]
    if set(applied) - set(known):
        raise NewerLibraryError(
            f"{path} was made by a newer diprefs (schema {len(applied)};"
            f" this version knows up to {len(known)})"
        )
    if not migrations.pending(db):
        return
    backup = path.with_name(f"{path.name}.v{len(applied)}.bak")
    backup_to(db, backup)
    with db.atomic():
        migrations.apply(db)
    if on_upgrade is not None:
        on_upgrade(backup)


def backup_to(db: Database, target: Path) -> None:
    """A consistent copy through SQLite's online backup (safe while others write)."""
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()


def create_library(path: Path, fill: Callable[[Database], None] | None = None) -> None:
    """Build a complete library at ``path`` (migrated, then ``fill``ed) in one step."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        db = _connect(tmp)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(db)
        if fill is not None:
            with db.atomic():
                fill(db)
        db.conn.close()
        os.replace(tmp, path)
    except OSError as exc:
        raise DiprefsError(f"cannot create a library at {path}: {exc.strerror}") from exc
    except sqlite3.OperationalError as exc:
        raise DiprefsError(f"cannot create a library at {path}: {exc}") from exc
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)


def open_library(path: Path, on_upgrade: Callable[[Path], None] | None = None) -> Database:
    """Open an existing library, upgrading an older schema (``on_upgrade`` gets the backup)."""
    _check_identity(path)
    try:
        db = _connect(path)
        try:
            db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            # A read-only file or folder: reads still work, writes fail with a clear error.
            db.conn.close()
            db = _read_only(path)
        _migrate(db, path, on_upgrade)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DiprefsError(f"library is busy ({path})") from exc
        raise DiprefsError(f"cannot open {path}: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise NotALibraryError(f"{path} cannot be opened as a diprefs library: {exc}") from exc
    return db


def _read_only(path: Path) -> Database:
    """Open for reading only; in a read-only folder WAL's -shm cannot exist, hence immutable."""
    try:
        db = _connect(path, "mode=ro")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        return _connect(path, "mode=ro&immutable=1")


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One command, one transaction: all of its writes land, or none do.

    BEGIN IMMEDIATE takes the write lock first, waiting up to the busy timeout while another
    process writes: a deferred transaction that has already read cannot wait for it (SQLite
    answers "database is locked" at once rather than risk a deadlock).
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        db.conn.rollback()  # nothing to undo when COMMIT itself failed and ended the transaction
        raise
