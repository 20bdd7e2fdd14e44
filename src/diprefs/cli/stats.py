"""``diprefs stats``: the library in numbers."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.command()
@json_option
@pass_app
def stats(app: AppContext, as_json: bool) -> None:
    """Works per year (a bar chart), by type and language; most cited works; most mentioned
    scholars; scholars per mention group."""
    from diprefs.cli.render import print_bar_chart, print_json, print_table
    from diprefs.services.stats import library_stats

    s = library_stats(app.db())
    if as_json:
        print_json(s)
        return
    print_bar_chart(
        f"{s['works']} works, {s['scholars']} scholars: works per year",
        [("n.d." if r["year"] is None else str(r["year"]), r["works"]) for r in s["by_year"]],
    )
    print_table("by type", ["type", "works"], s["by_type"].items())
    print_table("by language", ["language", "works"], s["by_language"].items())
    print_table(
        "most cited", ["key", "cited by"], ([r["key"], r["cited_by"]] for r in s["most_cited"])
    )
    print_table(
        "most mentioned",
        ["id", "name", "mentions"],
        ([r["id"], r["name"], r["mentions"]] for r in s["most_mentioned"]),
    )
    print_table("scholars per group", ["group", "scholars"], s["groups"].items())
