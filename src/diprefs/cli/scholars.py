"""``diprefs scholars ...``: people and organisations across their spellings."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.group()
def scholars() -> None:
    """List and show scholars (people and organisations) with their name variants."""


@scholars.command("list")
@click.option("--group", "group", metavar="ID", help="Only scholars mentioned in this group.")
@json_option
@pass_app
def list_(app: AppContext, group: str | None, as_json: bool) -> None:
    """List scholars with their variants, mention groups and number of works."""
    from diprefs.cli.render import print_json, print_table
    from diprefs.services.library import scholars_list

    rows = scholars_list(app.db(), group)
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} scholars",
        ["id", "name", "kind", "variants", "groups", "works"],
        (
            [
                r["id"],
                r["name"],
                r["kind"],
                "; ".join(r["variants"]),
                ", ".join(r["groups"]),
                r["works"],
            ]
            for r in rows
        ),
    )


@scholars.command()
@click.argument("name")
@json_option
@pass_app
def show(app: AppContext, name: str, as_json: bool) -> None:
    """Show one scholar. NAME may be any spelling or the family name alone.

    Case, apostrophes and diacritics do not matter: "bjola", "Byola", "jurayev f. s.".
    """
    from diprefs.cli.render import print_fields, print_json, print_table
    from diprefs.services.library import scholar_show

    data = scholar_show(app.db(), name)
    if as_json:
        print_json(data)
        return
    print_fields(
        data["name"],
        [
            ("id", data["id"]),
            ("kind", data["kind"]),
            ("variants", "; ".join(data["variants"])),
            ("groups", ", ".join(data["groups"])),
            ("gender", data["gender"]),
            ("affiliation", data["affiliation"]),
            ("country", data["country"]),
            ("ORCID", data["orcid"]),
        ],
    )
    if data["works"]:
        print_table(
            "works",
            ["work", "role", "printed as"],
            ([w["key"], w["role"], w["printed"]] for w in data["works"]),
        )
    if data["mentions"]:
        print_table(
            "mentioned in",
            ["work", "printed as", "group", "sentence"],
            ([m["work"], m["printed"], m["group"], m["sentence"]] for m in data["mentions"]),
        )
