"""db path / backup / check / vacuum, and schema upgrades with a backup kept."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlite_utils.migrations import Migrations

from diprefs.storage import db as storage_db
from diprefs.storage.schema import m001_initial


def test_db_path_creates_nothing(run, tmp_path):
    target = tmp_path / "nowhere" / "lib.db"
    run.db = target
    result = run("db", "path")
    assert result.exit_code == 0
    assert result.stdout == f"{target}\n"
    assert not target.parent.exists()


def test_backup_default_name_is_a_working_library(run, library):
    result = run("db", "backup")
    assert result.exit_code == 0, result.output
    copy = result.stdout.strip()
    assert copy.startswith(f"{library}.") and copy.endswith(".bak")
    count = sqlite3.connect(copy).execute("SELECT count(*) FROM works").fetchone()[0]
    assert count == 6


def test_backup_to_a_path_and_refuse_to_overwrite(run, tmp_path):
    target = tmp_path / "copy.db"
    assert run("db", "backup", str(target)).exit_code == 0
    again = run("db", "backup", str(target))
    assert again.exit_code == 4
    assert "exists already" in again.stderr


@pytest.mark.parametrize("command", [["backup"], ["check"], ["vacuum"]])
def test_db_commands_need_a_library(run, tmp_path, command):
    run.db = tmp_path / "none.db"
    result = run("db", *command)
    assert result.exit_code == 3
    assert result.stderr == f"diprefs: error: no library at {run.db}\n"
    assert not run.db.exists()


def test_check_a_sound_library(run, library):
    result = run("db", "check")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(run("db", "check", "--json").stdout) == {
        "path": str(library),
        "ok": True,
        "problems": [],
    }


def test_check_finds_what_is_wrong(run, library):
    conn = sqlite3.connect(library)
    conn.execute(
        "DELETE FROM works_fts WHERE rowid = (SELECT id FROM works WHERE key = 'daryo2023')"
    )
    conn.execute("INSERT INTO scholars (kind, created_at) VALUES ('person', '')")
    conn.execute(
        "INSERT INTO tags (work_id, tag) VALUES (9999, 'ghost')"
    )  # foreign keys are off here
    conn.commit()
    conn.close()
    result = run("db", "check")
    assert result.exit_code == 6
    lines = result.stdout.splitlines()
    assert "fts: 1 works are missing from the index" in lines
    assert "orphan: 1 scholars without a canonical name" in lines
    assert any(line.startswith("foreign-key: tags row") for line in lines)
    data = json.loads(run("db", "check", "--json").stdout)
    assert data["ok"] is False
    assert {p["check"] for p in data["problems"]} == {"fts", "orphan", "foreign-key"}


def test_vacuum_keeps_the_data(run):
    result = run("db", "vacuum")
    assert result.exit_code == 0
    assert "bytes before" in result.stderr
    assert len(run.json("works", "list")) == 6


#: The migrations this version ships, by name.
SHIPPED = [m.name for m in storage_db.migrations._migrations]


def _with_a_new_migration(monkeypatch, body):
    """This version's migrations and one more after them."""
    later = Migrations("diprefs")
    for migration in storage_db.migrations._migrations:
        later(name=migration.name)(migration.fn)

    @later()
    def m999_test(db):
        body(db)

    monkeypatch.setattr(storage_db, "migrations", later)


def test_an_older_library_is_upgraded_with_a_backup(run, library, monkeypatch):
    _with_a_new_migration(monkeypatch, lambda db: db.execute("ALTER TABLE works ADD COLUMN x"))
    result = run("works", "list")
    assert result.exit_code == 0, result.output
    backup = library.with_name(f"{library.name}.v{len(SHIPPED)}.bak")
    assert f"kept a copy at {backup}" in result.stderr
    names = [r[0] for r in sqlite3.connect(backup).execute("SELECT name FROM _sqlite_migrations")]
    assert names == SHIPPED
    columns = [r[1] for r in sqlite3.connect(library).execute("PRAGMA table_info(works)")]
    assert "x" in columns


def test_a_library_of_schema_1_gets_search_keys_for_given_names(run, tmp_path, monkeypatch):
    """m002 builds every search row again, now with given-name keys: Xusanboy (Uzbek Latin)
    finds the works of Husanboy Mominov, whose library spells him Husanboy and Khusanboy."""
    shipped = storage_db.migrations
    first = Migrations("diprefs")
    first()(m001_initial)
    monkeypatch.setattr(storage_db, "migrations", first)
    run.db = tmp_path / "old.db"
    assert run("init").exit_code == 0
    with sqlite3.connect(run.db) as conn:  # as a version without given-name keys left it
        conn.execute("UPDATE works_fts SET name_keys = ''")
    monkeypatch.setattr(storage_db, "migrations", shipped)
    result = run("search", "Xusanboy", "--keys")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["mominov2022", "komolov2024"]
    assert run.db.with_name("old.db.v1.bak").exists()
    assert run("db", "check").exit_code == 0


def test_a_failed_upgrade_changes_nothing(run, library, monkeypatch):
    def broken(db):
        db.execute("ALTER TABLE works ADD COLUMN x")
        raise sqlite3.OperationalError("simulated failure")

    _with_a_new_migration(monkeypatch, broken)
    result = run("works", "list")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    columns = [r[1] for r in sqlite3.connect(library).execute("PRAGMA table_info(works)")]
    assert "x" not in columns
    names = [r[0] for r in sqlite3.connect(library).execute("SELECT name FROM _sqlite_migrations")]
    assert names == SHIPPED
