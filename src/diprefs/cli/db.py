"""``diprefs db ...``: where the library is, backups, checks, vacuum."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.group()
def db() -> None:
    """Look after the library file: path, backup, check, vacuum."""


@db.command()
@pass_app
def path(app: AppContext) -> None:
    """Print the library's path (creates nothing, checks nothing)."""
    click.echo(str(app.path))


@db.command()
@click.argument("target", required=False, type=click.Path(dir_okay=False))
@pass_app
def backup(app: AppContext, target: str | None) -> None:
    """Copy the library to TARGET (default: next to it, with a timestamp).

    Uses SQLite's online backup, so it is safe while another diprefs writes.
    """
    from pathlib import Path

    from diprefs.services.maintenance import backup as do_backup

    click.echo(str(do_backup(app.path, Path(target) if target else None)))


@db.command()
@json_option
@pass_app
def check(app: AppContext, as_json: bool) -> None:
    """Check integrity, foreign keys, orphan rows and the search index (exit 6 on problems)."""
    from diprefs.services.maintenance import check as do_check

    result = do_check(app.path)
    if as_json:
        from diprefs.cli.render import print_json

        print_json(result)
    else:
        for problem in result["problems"]:
            click.echo(f"{problem['check']}: {problem['message']}")
        if result["ok"]:
            click.echo(f"diprefs: {result['path']} is sound", err=True)
    if not result["ok"]:
        raise click.exceptions.Exit(6)


@db.command()
@pass_app
def vacuum(app: AppContext) -> None:
    """Compact the library file and optimise its search index."""
    from diprefs.services.maintenance import vacuum as do_vacuum

    before, after = do_vacuum(app.path)
    click.echo(f"diprefs: {app.path}: {before:,} bytes before, {after:,} after", err=True)
