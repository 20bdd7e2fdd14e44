"""``diprefs references ...``: editing a work's printed reference list."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, pass_app


@click.group()
def references() -> None:
    """Add and remove items of a work's printed reference list."""


@references.command()
@click.argument("citing")
@click.argument("cited")
@click.option("--position", type=int, metavar="N", help="Insert at N [default: at the end].")
@click.option("--label", default="", metavar="L", help='The label as printed, e.g. "3.".')
@click.option("--printed", default="", metavar="TEXT", help="The item's text as printed.")
@pass_app
def add(app: AppContext, citing: str, cited: str, position, label: str, printed: str) -> None:
    """Add CITED to CITING's reference list; later items move down. Labels stay as given."""
    from diprefs.services import linking

    try:
        at = linking.add_reference(app.db(), citing, cited, position, label, printed)
    except linking.BadPosition as exc:
        raise click.BadParameter(str(exc), param_hint="'--position'") from exc
    click.echo(f"diprefs: {cited} is item {at} of {citing}'s list", err=True)


@references.command()
@click.argument("citing")
@click.argument("cited")
@click.option("--position", type=int, metavar="N", help="Only the item at N.")
@click.option("--all", "every", is_flag=True, help="Every item of CITED.")
@pass_app
def rm(app: AppContext, citing: str, cited: str, position, every: bool) -> None:
    """Remove CITED's item from CITING's list; later items move up. Citations stay."""
    from diprefs.services import linking

    if position is not None and every:
        raise click.UsageError("--position and --all cannot be combined")
    removed = linking.remove_references(app.db(), citing, cited, position, every)
    at = ", ".join(str(p) for p in removed)
    click.echo(f"diprefs: removed {cited} from {citing}'s list (position {at})", err=True)
