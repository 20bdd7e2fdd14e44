"""Crash safety (issue 7): an import killed with SIGKILL leaves the library as it was.

A slice of the large corpus (2,000 entries in two files, so that a commit per file would show)
is imported in a subprocess that the test-only hook ``DIPREFS_TEST_FAULT`` (src/diprefs/faults.py)
kills at a named point: just after the transaction's first write, half-way through the entries,
as SQLite starts the COMMIT (its pages already in the write-ahead log), and just after the
COMMIT. No signal handler, ``finally`` or SQLite cleanup runs. The first three leave none of the
files, the last all of them; an import left to finish gives all of them too. Afterwards the file
passes ``PRAGMA integrity_check``, opens, lists, checks clean, and takes the same import in full.

The helpers at the top are shared with tests/test_concurrency.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "large"
LARGE = CORPUS / "glottolog-zurich-sala.bib"
#: Entries per file of the slice.
PER_FILE = 1000
#: Seconds any one subprocess may take before the test gives up on it (never reached normally).
LIMIT = 120

_ENTRY_START = re.compile(r"^@", re.MULTILINE)


def slice_entries(text: str, start: int, count: int) -> str:
    """Entries ``start`` to ``start + count`` of a .bib text whose entries begin at line start."""
    starts = [m.start() for m in _ENTRY_START.finditer(text)]
    end = starts[start + count] if start + count < len(starts) else len(text)
    return text[starts[start] : end]


def make_slices(tmp_path_factory) -> list[Path]:
    """Two files of ``PER_FILE`` entries each: the first 2,000 entries of the large corpus."""
    if not LARGE.exists():
        pytest.skip(f"large corpus not found at {LARGE} (../shared/corpora is not checked out)")
    text = LARGE.read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("slices")
    paths = []
    for i in range(2):
        path = folder / f"part{i + 1}.bib"
        path.write_text(slice_entries(text, i * PER_FILE, PER_FILE), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def corpus_slices(tmp_path_factory) -> list[Path]:
    return make_slices(tmp_path_factory)


def diprefs_env(**extra: str) -> dict[str, str]:
    """The test's environment (its DIPREFS_HOME) with this checkout's src first on the path."""
    path = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    env.pop("DIPREFS_TEST_FAULT", None)
    return {**env, **extra}


def diprefs_command(library: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "diprefs", "--db", str(library), *args]


def diprefs(library: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run diprefs in its own process and wait for it (at most ``LIMIT`` seconds)."""
    return subprocess.run(
        diprefs_command(library, *args),
        env=diprefs_env(**env),
        capture_output=True,
        text=True,
        timeout=LIMIT,
    )


def keys(library: Path) -> list[str]:
    """The library's keys, through ``works list`` in a process of its own.

    Not in this process: a connection left open here would lose its locks whenever this process
    opens and closes the file by other means (POSIX locks are per process), and another
    process's last close would then checkpoint and remove the log under it.
    """
    result = diprefs(library, "works", "list", "--json")
    assert result.returncode == 0, result.stderr
    return sorted(w["key"] for w in json.loads(result.stdout))


def check_problems(library: Path) -> list[dict]:
    result = diprefs(library, "db", "check", "--json")
    assert result.returncode in (0, 6), result.stderr
    return json.loads(result.stdout)["problems"]


def integrity(library: Path) -> list[str]:
    """``PRAGMA integrity_check`` on a plain connection (which replays a committed WAL)."""
    conn = sqlite3.connect(library)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def slice_keys(paths: list[Path]) -> set[str]:
    """The citation keys of the entries in these files, as the file spells them."""
    return {
        m.group(1)
        for path in paths
        for m in re.finditer(r"^@\w+\{([^,\s]+),", path.read_text(encoding="utf-8"), re.MULTILINE)
    }


@pytest.fixture(scope="module")
def completed(tmp_path_factory, corpus_slices, seeded_template) -> tuple[list[str], list[str]]:
    """(keys of the seeded library, keys after the slice imported without a fault)."""
    library = tmp_path_factory.mktemp("whole") / "library.db"
    shutil.copy(seeded_template, library)
    before = keys(library)
    result = diprefs(library, "import", *map(str, corpus_slices))
    assert result.returncode in (0, 6), result.stderr
    assert "imported 2000," in result.stderr
    return before, keys(library)


def test_an_import_left_to_finish_holds_all_of_both_files(completed, corpus_slices):
    before, after = completed
    assert set(after) == set(before) | slice_keys(corpus_slices)
    assert len(after) == len(before) + 2 * PER_FILE


@pytest.mark.parametrize(
    ("point", "outcome", "log"),
    [
        ("import-early", "none", "empty"),
        ("import-mid", "none", "empty"),
        # The hook lets the pages spill into the write-ahead log (faults.arm): it holds them,
        # without the commit record, when the process dies.
        ("import-commit", "none", "pages"),
        ("import-done", "all", "pages"),
    ],
)
def test_an_import_killed_at_any_point_leaves_none_or_all_of_it(
    point, outcome, log, library, corpus_slices, completed
):
    before, after = completed
    assert keys(library) == before
    killed = diprefs(library, "import", *map(str, corpus_slices), DIPREFS_TEST_FAULT=point)
    assert killed.returncode == -9, (killed.returncode, killed.stderr)  # the hook fired
    assert "imported" not in killed.stderr
    wal = library.with_name(library.name + "-wal")
    assert (wal.stat().st_size > 100_000) == (log == "pages")

    assert integrity(library) == ["ok"]
    assert keys(library) == (before if outcome == "none" else after)
    assert check_problems(library) == []

    if outcome == "none":  # the library takes the same import in full, as if nothing happened
        again = diprefs(library, "import", *map(str, corpus_slices))
        assert again.returncode in (0, 6), again.stderr
        assert keys(library) == after
        assert integrity(library) == ["ok"]


def test_without_the_variable_the_hooks_do_nothing(monkeypatch):
    from diprefs import faults

    monkeypatch.delenv(faults.ENV, raising=False)
    faults.fault("import-early")
    tick = faults.at_half("import-mid", 2)
    for _ in range(3):
        tick()
    conn = sqlite3.connect(":memory:")
    faults.arm(conn)
    conn.execute("BEGIN")
    conn.execute("COMMIT")  # still alive


def test_a_transaction_that_fails_writes_nothing_and_one_inside_another_is_a_savepoint(library):
    from diprefs.storage.db import open_library, transaction

    db = open_library(library)
    count = "SELECT count(*) FROM tags"
    with pytest.raises(RuntimeError), transaction(db):
        db.execute("INSERT INTO tags (work_id, tag) VALUES (1, 'first')")
        raise RuntimeError("a command fails half-way")
    assert db.execute(count).fetchone()[0] == 0 and not db.conn.in_transaction
    with transaction(db):
        db.execute("INSERT INTO tags (work_id, tag) VALUES (1, 'kept')")
        with pytest.raises(RuntimeError), transaction(db):
            db.execute("INSERT INTO tags (work_id, tag) VALUES (1, 'undone')")
            raise RuntimeError
    assert [r[0] for r in db.execute("SELECT tag FROM tags")] == ["kept"]
    db.conn.close()
