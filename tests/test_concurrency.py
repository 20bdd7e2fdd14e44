"""Two processes, one library (issue 7): readers never wait, a second writer waits or says busy.

One import is held open in its own process by the test-only hook
``DIPREFS_TEST_FAULT=import-hold:FLAG`` (src/diprefs/faults.py): inside its transaction, after its
first write, it creates FLAG and waits, holding the write lock, until the test deletes FLAG. So
"while an import is running" is a state the test controls, not a matter of timing, and every
wait below is bounded.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import Run
from test_crash import (
    LIMIT,
    PER_FILE,
    check_problems,
    diprefs,
    diprefs_command,
    diprefs_env,
    integrity,
    keys,
    make_slices,
    slice_entries,
    slice_keys,
)

SEED_HIT = "diplomacy"  # in two seed titles: juraev2018, komolov2024
SLICE_HIT = "Movima"  # in the title of the corpus's first entry, A1967


@pytest.fixture(scope="module")
def corpus_slices(tmp_path_factory) -> list[Path]:
    return make_slices(tmp_path_factory)


@dataclass
class Held:
    process: subprocess.Popen
    stderr: str = ""


@contextmanager
def held_import(library: Path, files: list[Path], flag: Path) -> Iterator[Held]:
    """``diprefs import FILES`` in another process, stopped inside its transaction until the
    block ends; afterwards ``.process.returncode`` and ``.stderr`` are set."""
    process = subprocess.Popen(
        diprefs_command(library, "import", *map(str, files)),
        env=diprefs_env(DIPREFS_TEST_FAULT=f"import-hold:{flag}"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    held = Held(process)
    try:
        deadline = time.monotonic() + LIMIT
        while not flag.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert flag.exists(), f"the import did not reach its hold point: {process.stderr.read()}"
        yield held
    finally:
        flag.unlink(missing_ok=True)
        try:
            _, held.stderr = process.communicate(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise


def configure(home: Path, busy_timeout: int) -> None:
    (home / "config.toml").write_text(f"[db]\nbusy_timeout = {busy_timeout}\n", encoding="utf-8")


def search_keys(library: Path, word: str) -> list[str]:
    result = diprefs(library, "search", word, "--keys")
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_readers_see_the_library_as_it_was_while_an_import_holds_the_write_lock(
    library, corpus_slices, tmp_path
):
    before = keys(library)
    with held_import(library, corpus_slices[:1], tmp_path / "hold") as held:
        assert keys(library) == before  # another process, reading the last commit
        assert search_keys(library, SEED_HIT) == ["juraev2018", "komolov2024"]
        assert search_keys(library, SLICE_HIT) == []  # not committed yet
        backup = diprefs(library, "db", "backup", str(tmp_path / "during.bak"))
        assert backup.returncode == 0, backup.stderr
    assert held.process.returncode == 0, held.stderr
    assert keys(tmp_path / "during.bak") == before
    assert set(keys(library)) == set(before) | slice_keys(corpus_slices[:1])
    assert "A1967" in search_keys(library, SLICE_HIT)


def test_a_second_import_waits_for_the_first_and_no_write_is_lost(
    library, corpus_slices, tmp_path, _isolated_home
):
    configure(_isolated_home, LIMIT)
    before = keys(library)
    # The second file repeats the first file's first 100 entries: they were not in the library
    # when the second import started reading, and must be found as duplicates all the same.
    overlap = tmp_path / "overlap.bib"
    first = corpus_slices[0].read_text(encoding="utf-8")
    overlap.write_text(
        slice_entries(first, 0, 100) + corpus_slices[1].read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    with held_import(library, corpus_slices[:1], tmp_path / "hold") as held:
        second = subprocess.Popen(
            diprefs_command(library, "import", str(overlap)),
            env=diprefs_env(),
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        with pytest.raises(subprocess.TimeoutExpired):
            second.wait(timeout=2)  # it cannot finish while the first holds the lock
    assert held.process.returncode == 0, held.stderr
    _, err = second.communicate(timeout=LIMIT)
    assert second.returncode == 0, err
    assert f"imported {PER_FILE}, updated 0, skipped 100, problems 0" in err
    assert set(keys(library)) == set(before) | slice_keys(corpus_slices)
    assert integrity(library) == ["ok"]
    assert check_problems(library) == []


def test_a_second_import_gives_up_after_the_busy_timeout_and_writes_nothing(
    library, corpus_slices, tmp_path, _isolated_home
):
    configure(_isolated_home, 1)
    before = keys(library)
    with held_import(library, corpus_slices[:1], tmp_path / "hold") as held:
        second = diprefs(library, "import", str(corpus_slices[1]))
        assert second.returncode == 1
        assert second.stderr == f"diprefs: error: library is busy ({library})\n"
        assert keys(library) == before  # readers still read
    assert held.process.returncode == 0, held.stderr
    assert set(keys(library)) == set(before) | slice_keys(corpus_slices[:1])
    again = diprefs(library, "import", str(corpus_slices[1]))  # nothing of it had been written
    assert again.returncode == 0, again.stderr
    assert f"imported {PER_FILE}, updated 0, skipped 0" in again.stderr
    assert set(keys(library)) == set(before) | slice_keys(corpus_slices)


@pytest.mark.parametrize(("text", "ms"), [("", 10_000), ("[db]\nbusy_timeout = 3\n", 3_000)])
def test_the_busy_timeout_is_a_setting(library, _isolated_home, text, ms):
    from diprefs.storage.db import open_library

    if text:
        (_isolated_home / "config.toml").write_text(text, encoding="utf-8")
    db = open_library(library)
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == ms
    db.conn.close()


@pytest.mark.parametrize("value", ["0", "-1", '"soon"'])
def test_a_bad_busy_timeout_is_refused_naming_the_file(library, _isolated_home, value):
    path = _isolated_home / "config.toml"
    path.write_text(f"[db]\nbusy_timeout = {value}\n", encoding="utf-8")
    result = Run(library)("works", "list")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"diprefs: error: {path}: db.busy_timeout must be")
    assert "Traceback" not in result.output
