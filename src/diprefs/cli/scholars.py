"""``diprefs scholars ...``: people and organisations across their spellings."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.group()
def scholars() -> None:
    """Scholars (people and organisations) with their name variants: list, show, suggest pairs
    that may be one person, and record decisions (merge, alias, add, edit, rm)."""


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


def _score(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if not 0 <= value <= 1:
        raise click.BadParameter(f"{value} is not a score from 0 to 1")
    return value


@scholars.command()
@click.option(
    "--min-score",
    default=0.5,
    show_default=True,
    type=float,
    callback=_score,
    metavar="S",
    help="Only pairs scoring at least S (0 to 1).",
)
@json_option
@pass_app
def suggest(app: AppContext, min_score: float, as_json: bool) -> None:
    """Suggest pairs of scholars that may be one person, best first, with the reasons.

    Pairs share the transliteration key of a family name; given names that conflict (F. S.
    against S. A.) are never paired. Record a decision with `scholars merge` or `alias`.
    """
    from diprefs.cli.render import print_json, print_table
    from diprefs.services.suggest import suggest as find

    found = find(app.db(), min_score)
    if as_json:
        print_json([s.as_json() for s in found])
        return
    print_table(
        f"{len(found)} pairs that may be one person",
        ["score", "A", "B", "reasons"],
        (
            [
                f"{s.score:.2f}",
                f"{s.a.name.sort_form()} (id {s.a.id})",
                f"{s.b.name.sort_form()} (id {s.b.id})",
                ", ".join(s.reasons),
            ]
            for s in found
        ),
    )


@scholars.command()
@click.argument("keep")
@click.argument("other")
@pass_app
def merge(app: AppContext, keep: str, other: str) -> None:
    """Make OTHER one scholar with KEEP (both are NAMEs).

    KEEP keeps its canonical name; OTHER's names become its variants, and OTHER's works (with
    their printed names) and mentions become KEEP's. OTHER's gender, affiliation, country and
    ORCID fill KEEP's empty ones.
    """
    from diprefs.services import scholars as service

    keep_id, other_id = service.merge(app.db(), keep, other)
    click.echo(f"diprefs: merged scholar {other_id} into {keep_id}", err=True)


@scholars.command()
@click.argument("name")
@click.argument("variant")
@pass_app
def alias(app: AppContext, name: str, variant: str) -> None:
    """Add VARIANT (any spelling, any script) as a variant of NAME."""
    from diprefs.services import scholars as service

    sid, added = service.alias(app.db(), name, variant)
    what = "added" if added else "already had"
    click.echo(f"diprefs: scholar {sid} {what} the variant {variant!r}", err=True)


def _orcid(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from diprefs.services.scholars import valid_orcid

    if value and not valid_orcid(value):
        raise click.BadParameter(f"{value!r} is not an ORCID iD (0000-0000-0000-000X, checksum)")
    return value


_kind = click.Choice(["person", "organisation"])
_genitive_help = 'Russian genitive form for "под редакцией ..." (e.g. "Ф. С. Жураева").'
#: The details ``scholars add`` and ``scholars edit`` both take, in the order ``--help`` lists.
_DETAIL_OPTIONS = (
    click.option("--genitive", metavar="TEXT", help=_genitive_help),
    click.option("--affiliation", metavar="TEXT"),
    click.option("--country", metavar="TEXT"),
    click.option("--orcid", metavar="ID", callback=_orcid, help="0000-0000-0000-000X."),
)


def _detail_options(command):
    for option in reversed(_DETAIL_OPTIONS):  # the last decorator applied is listed first
        command = option(command)
    return command


@scholars.command()
@click.argument("name")
@click.option("--kind", type=_kind, default="person", show_default=True)
@click.option("--gender", type=click.Choice(["m", "f"]))
@_detail_options
@click.option("--force", is_flag=True, help="Add a namesake of a scholar who has NAME already.")
@pass_app
def add(app: AppContext, name: str, force: bool, **details: str | None) -> None:
    """Add a scholar. NAME is "Family, Given" (an organisation's is taken literally).

    Prints the new id.
    """
    from diprefs.services import scholars as service

    sid = service.add(app.db(), name, service.Details(**details), force)
    click.echo(sid)
    click.echo(f"diprefs: added scholar {sid}", err=True)


@scholars.command()
@click.argument("name")
@click.option(
    "--name", "new_name", metavar="NEW", help="New canonical name (the old stays a variant)."
)
@click.option("--kind", type=_kind)
@click.option("--gender", type=click.Choice(["m", "f", "unknown"]))
@_detail_options
@pass_app
def edit(app: AppContext, name: str, new_name: str | None, **details: str | None) -> None:
    """Change a scholar's canonical name, kind, gender, genitive form, affiliation, country or
    ORCID. An empty string clears a text field."""
    from diprefs.services import scholars as service

    if new_name is None and all(v is None for v in details.values()):
        raise click.UsageError("nothing to change: give at least one option")
    if new_name is not None and not new_name.strip():
        raise click.BadParameter("the canonical name cannot be empty", param_hint="'--name'")
    sid = service.edit(app.db(), name, new_name, service.Details(**details))
    click.echo(f"diprefs: updated scholar {sid}", err=True)


@scholars.command()
@click.argument("name")
@click.option(
    "--force", is_flag=True, help="Remove even if they have works (names stay, unlinked)."
)
@pass_app
def rm(app: AppContext, name: str, force: bool) -> None:
    """Remove a scholar (refused while they have works, unless --force).

    With --force the names printed on their works stay, as unlinked contributors. Mentions are
    always kept, unlinked.
    """
    from diprefs.services import scholars as service

    sid, shown = service.remove(app.db(), name, force)
    click.echo(f"diprefs: removed scholar {sid} ({shown})", err=True)
