"""``diprefs works ...``: list and show works."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.group()
def works() -> None:
    """List and show the works in the library."""


@works.command("list")
@json_option
@pass_app
def list_(app: AppContext, as_json: bool) -> None:
    """List every work: key, year, authors, title, type."""
    from diprefs.cli.render import print_json, print_table
    from diprefs.storage.works import list_works

    rows = list_works(app.db())
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} works",
        ["key", "year", "authors", "title", "type"],
        (
            [r["key"], r["year"] or "n.d.", "; ".join(r["authors"]), r["title"], r["type"]]
            for r in rows
        ),
    )


@works.command()
@click.argument("key")
@json_option
@pass_app
def show(app: AppContext, key: str, as_json: bool) -> None:
    """Show one work: every field, contributors, reference list, citations, citers."""
    from diprefs.cli.render import print_fields, print_json, print_table
    from diprefs.services.library import show_work

    data = show_work(app.db(), key)
    if as_json:
        print_json(data)
        return
    skip = {"contributors", "references", "citations", "cited_by", "source", "dates", "tags"}
    skip.add("title_supplied")
    fields = [(k, v) for k, v in data.items() if k not in skip]
    if data.get("title_supplied"):
        supplied = f"[{data['title']}] (supplied: not printed in the work)"
        fields = [(k, supplied if k == "title" else v) for k, v in fields]
    fields += [(f"date ({kind})", value) for kind, value in data["dates"].items()]
    fields += [("tags", ", ".join(data["tags"]))]
    fields += [
        (c["role"], c["name"] if c["printed"] == c["name"] else f"{c['name']} ({c['printed']})")
        for c in data["contributors"]
    ]
    fields += [("cited by", ", ".join(data["cited_by"]))]
    print_fields(key, fields)
    if data["references"]:
        print_table(
            "reference list",
            ["#", "label", "work", "printed"],
            ([r["position"], r["label"], r["key"], r["printed"]] for r in data["references"]),
        )
    if data["citations"]:
        print_table(
            "citations in the text",
            ["marker", "work", "locator", "context"],
            ([c["marker"], c["key"], c["locator"], c["context"]] for c in data["citations"]),
        )
