"""Per-invocation state: the library path, opened on first use (never for --help)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlite_utils import Database


class AppContext:
    def __init__(self, db_option: str | None) -> None:
        self.db_option = db_option
        self._db: Database | None = None

    @property
    def path(self) -> Path:
        from diprefs.settings import library_path

        return library_path(self.db_option)

    def db(self) -> Database:
        """The library, created and seeded (with one line on stderr) if it does not exist."""
        if self._db is None:
            from diprefs.services.library import open_or_create

            self._db, created = open_or_create(self.path, _say_upgraded)
            if created:
                click.echo(
                    f"diprefs: created library at {self.path} (seeded with the example article)",
                    err=True,
                )
        return self._db

    def close(self) -> None:
        """Close the library at the end of the command, so no connection outlives it."""
        if self._db is not None:
            self._db.conn.close()
            self._db = None


def _say_upgraded(backup: Path) -> None:
    click.echo(
        f"diprefs: upgraded the library to the current schema; kept a copy at {backup}", err=True
    )


pass_app = click.make_pass_decorator(AppContext)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
