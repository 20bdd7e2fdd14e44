"""``diprefs init``."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.command()
@click.option("--empty", is_flag=True, help="Create an empty library, without the example article.")
@click.option("--force", is_flag=True, help="Replace an existing library (a .bak copy is kept).")
@json_option
@pass_app
def init(app: AppContext, empty: bool, force: bool, as_json: bool) -> None:
    """Create the library (seeded with the example article unless --empty).

    An existing library is refused (exit 4) unless --force, which first copies it to
    LIBRARY.bak.
    """
    from diprefs.services.library import init as do_init

    result = do_init(app.path, empty=empty, force=force)
    if as_json:
        from diprefs.cli.render import print_json

        print_json(result)
        return
    if result["backup"]:
        click.echo(f"diprefs: kept the previous library as {result['backup']}", err=True)
    what = "empty" if empty else "seeded with the example article"
    click.echo(f"diprefs: created library at {result['path']} ({what})", err=True)
