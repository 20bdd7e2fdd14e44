"""``diprefs serve``."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, pass_app


@click.command()
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8001,
    show_default=True,
    help="TCP port to listen on.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; anything but loopback lets others on the network read the library.",
)
@pass_app
def serve(app: AppContext, port: int, host: str) -> None:
    """Browse the library in Datasette, read-only, until Ctrl-C.

    Full-text search on works, and canned queries: scholar_works (a scholar's works under
    every variant of their name), reference_list (a work's list in order), most_cited.
    Needs the web extra: pip install 'diprefs[web]'.
    """
    from diprefs.services import serve as service

    service.require_datasette()
    service.check_port(host, port)
    app.db().conn.close()  # creates and seeds a missing library; Datasette opens its own
    if not service.is_loopback(host):
        click.echo(
            f"diprefs: warning: {host} is not a loopback address: anyone who can reach it"
            " can read the library",
            err=True,
        )
    click.echo(
        f"diprefs: serving {app.path} at {service.url(host, port)} (Ctrl-C to stop)", err=True
    )
    service.serve(app.path, host, port)
