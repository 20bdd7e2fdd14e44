"""``diprefs search``: works by words, names in any script, year, type, tag, language, links."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app


def _years(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return (None, None)
    from diprefs.services.search import parse_years

    try:
        return parse_years(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


@click.command()
@click.argument("query", nargs=-1)
@click.option(
    "--author",
    metavar="NAME",
    help="Works with a contributor of this name, in any spelling or script (Жураев = Juraev).",
)
@click.option(
    "--year",
    "years",
    metavar="Y|Y1..Y2|Y1..|..Y2",
    callback=_years,
    help="Year of publication, or an inclusive range.",
)
@click.option("--type", "type_", metavar="T", help="CSL type, exactly (book, article-journal).")
@click.option("--tag", "tags", metavar="T", multiple=True, help="Tag (repeatable; all required).")
@click.option("--lang", metavar="L", help="Language tag or its prefix (uz = uz-Latn, uz-Cyrl).")
@click.option("--cites", metavar="KEY", help="Works that list or cite KEY.")
@click.option("--cited-by", metavar="KEY", help="Works that KEY lists or cites.")
@click.option("--fts", is_flag=True, help="QUERY is FTS5 syntax (AND, OR, NOT, NEAR, col:, *).")
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="CSV: key, year, authors, title, type.")
@click.option("--keys", "as_keys", is_flag=True, help="One key per line (for format, export).")
@pass_app
def search(
    app: AppContext,
    query: tuple[str, ...],
    author: str | None,
    years: tuple[int | None, int | None],
    type_: str | None,
    tags: tuple[str, ...],
    lang: str | None,
    cites: str | None,
    cited_by: str | None,
    fts: bool,
    as_json: bool,
    as_csv: bool,
    as_keys: bool,
) -> None:
    """Search titles, containers, abstracts, keywords, notes and every spelling of every name.

    QUERY is plain words, each matched as the start of a word, all required; case, diacritics
    and apostrophes do not matter, and names match across scripts and romanisations
    (Bjola = Byola). Results are ranked by relevance (bm25); without QUERY, sorted by key.
    """
    if as_json + as_csv + as_keys > 1:
        raise click.UsageError("use at most one of --json, --csv and --keys")
    from diprefs.services.search import Query, open_for_search
    from diprefs.services.search import search as run_search

    q = Query(
        words=" ".join(query),
        fts=fts,
        author=author,
        years=years,
        type=type_,
        tags=tags,
        language=lang,
        cites=cites,
        cited_by=cited_by,
    )
    conn = open_for_search(app.path) or app.db().conn
    rows = run_search(conn, q)
    if as_keys:
        from diprefs.cli.render import print_lines

        print_lines(r["key"] for r in rows)
    elif as_json:
        from diprefs.cli.render import print_json

        print_json(rows)
    elif as_csv:
        from diprefs.cli.render import print_csv

        print_csv(
            ["key", "year", "authors", "title", "type"],
            ([r["key"], r["year"], "; ".join(r["authors"]), r["title"], r["type"]] for r in rows),
        )
    else:
        _print_table(q, rows)


def _print_table(q, rows: list[dict]) -> None:
    from diprefs.cli.render import print_table
    from diprefs.services.search import highlight_terms

    terms = highlight_terms(q)
    print_table(
        f"{len(rows)} {'work' if len(rows) == 1 else 'works'} found",
        ["key", "year", "authors", "title", "type"],
        (
            [
                r["key"],
                r["year"] or "n.d.",
                _marked("; ".join(r["authors"]), terms, names=True),
                _marked(r["title"] or "", terms),
                r["type"],
            ]
            for r in rows
        ),
    )


def _marked(text: str, terms, names: bool = False):
    from diprefs.services.search import match_spans

    return (text, match_spans(text, terms, names=names)) if terms else text
