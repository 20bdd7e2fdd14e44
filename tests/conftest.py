"""Shared fixtures. Every test runs with DIPREFS_HOME in a temporary folder, so no test can
touch the user's real library or config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diprefs.cli import cli

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DIPREFS_HOME", str(home))
    monkeypatch.delenv("DIPREFS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """A seeded library built once; tests copy it rather than rebuild it."""
    from diprefs.services.library import init

    path = tmp_path_factory.mktemp("template") / "library.db"
    init(path, empty=False, force=False)
    return path


@pytest.fixture
def library(tmp_path, seeded_template) -> Path:
    """A fresh copy of the seeded library."""
    import shutil

    path = tmp_path / "library.db"
    shutil.copy(seeded_template, path)
    return path


#: The seed article's works (src/diprefs/data/works.bib), by key.
SEED_KEYS = [
    "caravanserai-archive",
    "daryo2023",
    "juraev2018",
    "komolov2024",
    "mominov2022",
    "usembassy2023",
]


class Run:
    """Invoke the CLI against one library file and parse JSON output."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(cli, ["--db", str(self.db), *args], input=input)

    def json(self, *args: str):
        result = self(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture
def run(library) -> Run:
    return Run(library)


def db_is_sound(run: Run) -> None:
    """``db check`` finds nothing wrong with the run's library."""
    result = run("db", "check")
    assert result.exit_code == 0, result.output


def import_bib(run: Run, tmp_path: Path, text: str) -> None:
    """Import ``text`` as a .bib file into the run's library."""
    bib = tmp_path / "added.bib"
    bib.write_text(text, encoding="utf-8")
    result = run("import", str(bib))
    assert result.exit_code == 0, result.output


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Records each ``os.fork`` (a test module's own ``forks`` fixture says when one is due).

    diprefs forks only on Linux (``diprefs.forked``): elsewhere the test is skipped. Two cores
    are assumed, so that a one-core machine tests the forks too.
    """
    import os
    import sys

    if not sys.platform.startswith("linux") or not hasattr(os, "memfd_create"):
        pytest.skip("diprefs forks only on Linux")
    calls: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        calls.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    return calls
