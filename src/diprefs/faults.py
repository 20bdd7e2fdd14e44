"""Test-only fault injection: ``DIPREFS_TEST_FAULT`` stops the importer at a named point.

The crash and concurrency tests must kill an import, or hold its write lock open, at an exact
place, which no timing can promise. The importer calls these functions at its points; with the
variable unset (always, outside tests) each call is one environment lookup. Points (docs/cli.md,
"Environment"):

- ``import-early``: inside the transaction, just after its first write (the write lock is held);
- ``import-mid``: when half of the entries have been stored;
- ``import-commit``: as SQLite starts the transaction's COMMIT, every row written;
- ``import-done``: just after the COMMIT, before the process closes the library or reports;
- ``import-hold:PATH``: at the early point, create PATH and wait, holding the write lock, until
  PATH is deleted (or ``HOLD_LIMIT`` seconds pass, so a broken test cannot hang for ever).

The first four end the process with SIGKILL: no handler, no ``finally``, no SQLite cleanup.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

ENV = "DIPREFS_TEST_FAULT"
KILL_POINTS = ("import-early", "import-mid", "import-commit", "import-done")
#: SQLite's soft heap limit under a kill point (see ``arm``).
SPILL_BYTES = 1_000_000
HOLD_LIMIT = 60.0
_HOLD = "import-hold:"


def _kill() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def fault(point: str) -> None:
    """Die here if the variable names ``point``; hold here if it says ``import-hold:PATH`` and
    ``point`` is the early point."""
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    if wanted == point:
        _kill()
    if point == "import-early" and wanted.startswith(_HOLD):
        _hold(Path(wanted.removeprefix(_HOLD)))


def _hold(flag: Path) -> None:
    flag.touch()
    deadline = time.monotonic() + HOLD_LIMIT
    while flag.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def at_half(point: str, total: int) -> Callable[[], None]:
    """A function to call before storing each of ``total`` entries: ``fault(point)`` once half
    of them are stored."""
    if os.environ.get(ENV) != point:
        return _nothing
    calls = 0

    def tick() -> None:
        nonlocal calls
        if calls == total // 2:
            _kill()
        calls += 1

    return tick


def _nothing() -> None:
    pass


def arm(conn: sqlite3.Connection) -> None:
    """Ready ``conn`` for a kill point: die as it starts COMMIT (``import-commit``), and let the
    transaction's pages spill into the write-ahead log as a large import's do.

    SQLite writes a transaction's pages to the log before its commit record when they outgrow
    the page cache; a 2,000-entry slice never does, so under a kill point the soft heap limit is
    set low. The log then holds uncommitted pages when the process dies, as it would for the
    whole corpus, and the next open must ignore them.
    """
    wanted = os.environ.get(ENV)
    if wanted in KILL_POINTS:
        conn.execute(f"PRAGMA soft_heap_limit = {SPILL_BYTES}")
    if wanted == "import-commit":
        conn.set_trace_callback(lambda sql: _kill() if sql.strip().upper() == "COMMIT" else None)
