"""Where the library lives, first use, init, and libraries diprefs must refuse."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest
from click.testing import CliRunner

from diprefs.cli import cli


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_first_use_creates_and_seeds_the_library_with_one_line_on_stderr(tmp_path):
    db = tmp_path / "sub" / "lib.db"
    result = invoke("--db", str(db), "works", "list")
    assert result.exit_code == 0, result.output
    assert db.exists()
    assert result.stderr.strip().splitlines() == [
        f"diprefs: created library at {db} (seeded with the example article)"
    ]
    assert "komolov2024" in result.stdout
    again = invoke("--db", str(db), "works", "list")
    assert again.stderr == ""


def test_help_and_version_create_nothing(tmp_path, _isolated_home):
    for args in (["--help"], ["--version"], ["works", "--help"], ["works", "list", "--help"]):
        result = invoke(*args)
        assert result.exit_code == 0
    assert list(_isolated_home.iterdir()) == []
    assert "0.1.0" in invoke("--version").stdout


def test_library_location_precedence(tmp_path, _isolated_home, monkeypatch):
    invoke("works", "list")
    assert (_isolated_home / "library.db").exists()
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("DIPREFS_DB", str(env_db))
    invoke("works", "list")
    assert env_db.exists()
    opt_db = tmp_path / "opt.db"
    invoke("--db", str(opt_db), "works", "list")
    assert opt_db.exists()


def test_platform_default_when_nothing_is_set(monkeypatch, tmp_path):
    monkeypatch.delenv("DIPREFS_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from diprefs.settings import config_path, library_path

    assert library_path() == tmp_path / "data" / "diprefs" / "library.db"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "conf"))
    assert config_path() == tmp_path / "conf" / "diprefs" / "config.toml"


def test_config_lives_in_diprefs_home(_isolated_home):
    from diprefs.settings import config_path

    assert config_path() == _isolated_home / "config.toml"


def test_init_creates_a_seeded_library(tmp_path):
    db = tmp_path / "new.db"
    result = invoke("--db", str(db), "init", "--json")
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.stdout)
    assert data["seeded"] is True and data["works"] == 6 and data["backup"] is None
    assert data["scholars"] > 30


def test_init_empty(tmp_path):
    db = tmp_path / "empty.db"
    assert invoke("--db", str(db), "init", "--empty").exit_code == 0
    result = invoke("--db", str(db), "works", "list", "--json")
    assert result.stdout.strip() == "[]"


def test_init_refuses_an_existing_library_without_force(library):
    result = invoke("--db", str(library), "init")
    assert result.exit_code == 4
    assert "already exists" in result.stderr and "--force" in result.stderr


def test_init_force_keeps_a_backup(library):
    result = invoke("--db", str(library), "init", "--force", "--empty")
    assert result.exit_code == 0, result.output
    backup = library.with_name(library.name + ".bak")
    assert backup.exists()
    assert f"kept the previous library as {backup}" in result.stderr
    old = sqlite3.connect(backup).execute("SELECT count(*) FROM works").fetchone()[0]
    new = sqlite3.connect(library).execute("SELECT count(*) FROM works").fetchone()[0]
    assert (old, new) == (6, 0)


def test_a_text_file_is_not_a_library(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("hello\n")
    result = invoke("--db", str(bad), "works", "list")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"diprefs: error: {bad} is not a diprefs library (not an SQLite database)\n"
    )
    assert bad.read_text() == "hello\n"


def test_another_sqlite_database_is_not_a_library(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = invoke("--db", str(other), "works", "list")
    assert result.exit_code == 1
    assert "not a diprefs library" in result.stderr
    assert "Traceback" not in result.output
    assert other.read_bytes() == before
    forced = invoke("--db", str(other), "init", "--force")
    assert forced.exit_code == 1 and other.read_bytes() == before


def test_a_directory_is_not_a_library(tmp_path):
    result = invoke("--db", str(tmp_path), "works", "list")
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_a_library_from_a_newer_diprefs_is_refused(library):
    conn = sqlite3.connect(library)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('diprefs', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = library.read_bytes()
    result = invoke("--db", str(library), "works", "list")
    assert result.exit_code == 1
    assert "newer diprefs" in result.stderr
    assert library.read_bytes() == before


def test_a_failed_creation_leaves_no_file(tmp_path):
    from diprefs.storage.db import create_library

    target = tmp_path / "lib.db"

    def broken(db):
        db["works"].insert({"key": "x", "type": "book", "created_at": "", "updated_at": ""})
        raise RuntimeError("boom")

    with contextlib.suppress(RuntimeError):
        create_library(target, broken)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_exits_130_with_one_line(library, monkeypatch):
    import diprefs.storage.works as works

    def interrupted(db):
        raise KeyboardInterrupt

    monkeypatch.setattr(works, "list_works", interrupted)
    result = invoke("--db", str(library), "works", "list")
    assert result.exit_code == 130
    assert result.stderr == "diprefs: interrupted; nothing was written\n"


def test_a_closed_pipe_ends_quietly(library):
    import subprocess
    import sys

    # 6 rows of JSON fit a pipe buffer, so close the reader before diprefs writes.
    code = (
        "import os, sys; r, w = os.pipe(); os.close(r); os.dup2(w, 1);"
        "sys.argv = ['diprefs', '--db', sys.argv[1], 'works', 'list', '--json'];"
        "from diprefs.cli import main; main()"
    )
    out = subprocess.run([sys.executable, "-c", code, str(library)], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stderr == ""


def test_the_library_is_closed_when_a_command_ends(library, monkeypatch):
    from diprefs.cli.context import AppContext

    opened = []
    original = AppContext.db

    def spy(self):
        db = original(self)
        opened.append(db)
        return db

    monkeypatch.setattr(AppContext, "db", spy)
    assert invoke("--db", str(library), "works", "list").exit_code == 0
    with pytest.raises(sqlite3.ProgrammingError):
        opened[0].execute("SELECT 1")
