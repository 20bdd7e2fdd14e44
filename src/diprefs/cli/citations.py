"""``diprefs citations ...``: a work's reference list and in-text citations."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.group()
def citations() -> None:
    """Show who cites what: reference lists and in-text citations."""


@citations.command("list")
@click.argument("key")
@json_option
@pass_app
def list_(app: AppContext, key: str, as_json: bool) -> None:
    """Show KEY's printed reference list, its in-text citations, and the works citing it."""
    from diprefs.cli.render import print_json, print_table
    from diprefs.services.library import citations_list

    data = citations_list(app.db(), key)
    if as_json:
        print_json(data)
        return
    print_table(
        f"reference list of {key}",
        ["#", "label", "work", "printed"],
        ([r["position"], r["label"], r["key"], r["printed"]] for r in data["references"]),
    )
    print_table(
        f"citations in the text of {key}",
        ["marker", "work", "locator", "context"],
        ([c["marker"], c["key"], c["locator"], c["context"]] for c in data["citations"]),
    )
    click.echo(f"cited by: {', '.join(data['cited_by']) or 'no work in the library'}")
