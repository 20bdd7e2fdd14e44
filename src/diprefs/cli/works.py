"""``diprefs works ...``: list and show works."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


@click.group()
def works() -> None:
    """List, show, add, edit, tag, merge and remove the works in the library; find duplicates."""


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


def _check_type(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from diprefs.model import WORK_TYPES

    if value not in WORK_TYPES:
        raise click.BadParameter(f"unknown type {value!r} (CSL types: book, chapter, ...)")
    return value


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from diprefs.dates import LITERAL, parse_date

    if value is None:
        return None
    parsed = parse_date(value)
    if parsed.status == LITERAL or not parsed.to_edtf():
        raise click.BadParameter(f"{value!r} is not a year or an EDTF date (2023, 2023-01-17)")
    return parsed.to_edtf()


#: Field options of ``works add``: option name -> model field.
_FIELD_OPTIONS = {
    "publisher": "publisher",
    "place": "publisher_place",
    "journal": "container_title",
    "volume": "volume",
    "issue": "issue",
    "pages": "page",
    "doi": "doi",
    "url": "url",
    "lang": "language",
}


def _field_options(command):
    for option, field in reversed(_FIELD_OPTIONS.items()):
        what = "container (journal, collection, site)" if option == "journal" else field
        command = click.option(f"--{option}", help=f"The {what.replace('_', ' ')}.")(command)
    return command


@works.command()
@click.option(
    "--type",
    "type_",
    default="document",
    show_default=True,
    callback=_check_type,
    help="CSL type: book, chapter, article-journal, webpage, thesis, ...",
)
@click.option("--title", help="The title (required without --bibtex).")
@click.option(
    "--author",
    "authors",
    multiple=True,
    metavar="NAME",
    help='Repeatable, in order: "Family, Given", "Given Family", "Family I. O." or "{Org}".',
)
@click.option("--editor", "editors", multiple=True, metavar="NAME", help="Repeatable, in order.")
@click.option(
    "--year",
    callback=_check_date,
    metavar="DATE",
    help="A year or an EDTF date (2023, 2023-01-17, 2019/2020).",
)
@_field_options
@click.option("--key", help="The citation key [default: generated, e.g. karimov2021digital].")
@click.option(
    "--bibtex",
    "bibtex",
    metavar="FILE|-",
    help="Read the work(s) from BibLaTeX/BibTeX ('-' = stdin) instead of options.",
)
@pass_app
def add(
    app: AppContext,
    type_: str,
    title: str | None,
    authors: tuple[str, ...],
    editors: tuple[str, ...],
    year: str | None,
    key: str | None,
    bibtex: str | None,
    **fields: str | None,
) -> None:
    """Add a work from options, or from BibLaTeX/BibTeX text. Never looks anything up online.

    Names join known scholars by the import's rule. Prints each new key.
    """
    ctx = click.get_current_context()
    given = [
        f"--{name}"
        for name in ("title", "author", "editor", "year", *_FIELD_OPTIONS)
        if ctx.get_parameter_source(_PARAM.get(name, name))
        is click.core.ParameterSource.COMMANDLINE
    ]
    if ctx.get_parameter_source("type_") is click.core.ParameterSource.COMMANDLINE:
        given.insert(0, "--type")
    if bibtex is not None:
        if given:
            raise click.UsageError(f"--bibtex cannot be combined with {', '.join(given)}")
        keys = _add_bibtex(app, bibtex, key)
    else:
        if not title:
            raise click.UsageError("--title is required (or give --bibtex FILE)")
        keys = [_add_from_options(app, type_, title, authors, editors, year, key, fields)]
    for k in keys:
        click.echo(k)
        click.echo(f"diprefs: added {k}", err=True)


#: ``works add`` options whose parameter name differs from the option name.
_PARAM = {"author": "authors", "editor": "editors"}


def _add_bibtex(app: AppContext, source: str, key: str | None) -> list[str]:
    import sys

    from diprefs.services import editing, transfer

    [item] = transfer.read_inputs([source], lambda: sys.stdin.buffer.read())
    return editing.add_bibtex(app.db(), item, key)


def _add_from_options(app, type_, title, authors, editors, year, key, fields) -> str:
    from diprefs.model import Work
    from diprefs.services import editing

    people = [
        *editing.contributors("author", list(authors)),
        *editing.contributors("editor", list(editors)),
    ]
    work = Work(
        key=key or "",
        type=type_,
        title=title,
        dates={"issued": year} if year else {},
        contributors=tuple(people),
        **{_FIELD_OPTIONS[o]: v for o, v in fields.items() if v},
    )
    return editing.add(app.db(), work)


@works.command()
@click.argument("key")
@pass_app
def edit(app: AppContext, key: str) -> None:
    """Edit a work as one BibLaTeX entry in $EDITOR (else vi).

    The saved entry replaces the work's fields, contributors and tags; its reference list,
    citations and mentions stay. A new key renames the work. Text that does not parse changes
    nothing: a terminal is asked whether to re-open the editor.
    """
    from diprefs.cli import editor
    from diprefs.errors import InvalidInputError
    from diprefs.services import editing

    db = app.db()
    original = editing.edit_text(db, key)
    text = original
    while True:
        text = editor.run(text, key)
        if text.strip() == original.strip():
            click.echo("diprefs: no changes", err=True)
            return
        try:
            edited = editing.apply_edit(db, key, text)
            break
        except InvalidInputError as exc:
            if not editor.interactive():
                raise
            click.echo(f"diprefs: {exc.message}", err=True)
            for line in exc.details:
                click.echo(line, err=True)
            if not click.confirm("Re-open the editor?", default=True, err=True):
                raise
    if edited.renamed_from:
        click.echo(f"diprefs: saved {edited.key} (renamed from {edited.renamed_from})", err=True)
    else:
        click.echo(f"diprefs: saved {edited.key}", err=True)


@works.command()
@click.argument("key")
@click.option(
    "--force", is_flag=True, help="Also remove the entries and citations that point to it."
)
@pass_app
def rm(app: AppContext, key: str, force: bool) -> None:
    """Remove a work (refused while other works list or cite it, unless --force).

    Its contributors' links, tags, reference list, citations and mentions go with it; scholars
    stay.
    """
    from diprefs.services import editing

    citing = editing.remove(app.db(), key, force)
    also = f" and its entries in {', '.join(citing)}" if citing else ""
    click.echo(f"diprefs: removed {key}{also}", err=True)


def _check_tags(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]):
    for tag in value:
        if not tag or any(c.isspace() or c in ",{}" for c in tag):
            raise click.BadParameter(
                f"{tag!r}: a tag is a non-empty word without spaces, commas or braces"
            )
    return list(dict.fromkeys(value))


@works.command()
@click.argument("key")
@click.argument("tags", nargs=-1, required=True, callback=_check_tags)
@pass_app
def tag(app: AppContext, key: str, tags: list[str]) -> None:
    """Add tags to a work (a tag it has already changes nothing)."""
    from diprefs.services import editing

    after = editing.set_tags(app.db(), key, tags, add=True)
    click.echo(f"diprefs: {key} is tagged {', '.join(after)}", err=True)


@works.command()
@click.argument("key")
@click.argument("tags", nargs=-1, required=True, callback=_check_tags)
@pass_app
def untag(app: AppContext, key: str, tags: list[str]) -> None:
    """Remove tags from a work (a tag it lacks changes nothing)."""
    from diprefs.services import editing

    after = editing.set_tags(app.db(), key, tags, add=False)
    click.echo(f"diprefs: {key} is tagged {', '.join(after) or 'with nothing'}", err=True)


@works.command()
@json_option
@pass_app
def duplicates(app: AppContext, as_json: bool) -> None:
    """List works that may duplicate a work stored before them: the same DOI or ISBN, or a
    nearly equal title with the same year and first author. Join a pair with `works merge`."""
    from diprefs.cli.render import print_json, print_table
    from diprefs.services.duplicates import library_duplicates

    found = library_duplicates(app.db())
    if as_json:
        print_json([s.as_json() for s in found])
        return
    print_table(
        f"{len({s.key for s in found})} works may duplicate works stored before them",
        ["key", "may duplicate", "why"],
        ([s.key, ", ".join(s.matches), s.reason] for s in found),
    )


@works.command()
@click.argument("keep")
@click.argument("other")
@pass_app
def merge(app: AppContext, keep: str, other: str) -> None:
    """Merge OTHER into KEEP (duplicates), then remove OTHER.

    KEEP's fields win; OTHER's fill KEEP's empty ones. Tags are united. Entries and citations
    that pointed to OTHER point to KEEP; OTHER's own reference list, citations and mentions move
    to KEEP when KEEP has none.
    """
    from diprefs.services import editing

    merged = editing.merge(app.db(), keep, other)
    click.echo(f"diprefs: merged {other} into {keep}", err=True)
    if merged.filled:
        click.echo(f"diprefs: filled from {other}: {', '.join(merged.filled)}", err=True)
    if merged.overridden:
        click.echo(
            f"diprefs: kept {keep}'s {', '.join(merged.overridden)} ({other}'s differ)", err=True
        )
    if merged.contributors_from_other:
        click.echo(f"diprefs: contributors taken from {other}", err=True)
    if merged.moved:
        click.echo(f"diprefs: moved from {other}: {', '.join(merged.moved)}", err=True)
    for what, count in merged.dropped.items():
        click.echo(
            f"diprefs: warning: dropped {other}'s {what} ({count}): {keep} has its own",
            err=True,
        )
