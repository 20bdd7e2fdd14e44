"""``diprefs citations ...``: a work's reference list and in-text citations."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.group()
def citations() -> None:
    """Who cites what: list a work's reference list and citations; add and remove citations."""


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


@citations.command()
@click.argument("citing")
@click.argument("cited")
@click.option("--page", metavar="P", help="The locator: page P.")
@click.option("--context", default="", metavar="TEXT", help="The sentence that cites.")
@click.option("--marker", default="", metavar="M", help='The marker as printed, e.g. "[1]".')
@pass_app
def add(app: AppContext, citing: str, cited: str, page: str | None, context: str, marker: str):
    """Record that CITING cites CITED in its text (CITED need not be in its list)."""
    from diprefs.services import linking

    linking.add_citation(app.db(), citing, cited, page or "", context, marker)
    click.echo(f"diprefs: {citing} cites {cited}", err=True)


@citations.command()
@click.argument("citing")
@click.argument("cited")
@click.option("--marker", metavar="M", help="Only the citation with this marker.")
@click.option("--page", metavar="P", help="Only the citation of page P.")
@click.option("--all", "every", is_flag=True, help="Remove every citation that fits.")
@pass_app
def rm(app: AppContext, citing: str, cited: str, marker, page, every: bool) -> None:
    """Remove CITING's citation of CITED (narrowed by --marker or --page)."""
    from diprefs.services import linking

    count = linking.remove_citations(app.db(), citing, cited, marker, page, every)
    click.echo(f"diprefs: removed {count} citation{'s' if count > 1 else ''}", err=True)
