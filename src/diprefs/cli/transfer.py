"""``diprefs import`` and ``diprefs export``: BibTeX and BibLaTeX in and out (docs/cli.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from diprefs.cli.context import AppContext, json_option, pass_app

#: Near-duplicate notes printed by an import; the rest are counted (``--json`` has them all).
NEAR_DUPLICATES_SHOWN = 10


def _format(value: str, table: dict, what: str, auto: bool) -> str:
    """A format name the service knows (checked lazily: the tables live in the services)."""
    if (auto and value == "auto") or value in table:
        return value
    known = ", ".join((["auto"] if auto else []) + list(table))
    raise click.BadParameter(f"unknown format {value!r} (known: {known})", param_hint=what)


@click.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    default="auto",
    show_default=True,
    help="auto (by content), bibtex, biblatex, csljson or ris.",
)
@click.option(
    "--encoding",
    default="auto",
    show_default=True,
    help="auto: UTF-8, else JabRef's '% Encoding:' header, else detected (cp1251, KOI8-R, GBK).",
)
@click.option(
    "--on-duplicate",
    type=click.Choice(["skip", "update", "keep-both"]),
    default="skip",
    show_default=True,
    help="Same key, DOI or ISBN as a work in the library: skip it, update that work, or keep both.",
)
@click.option("--dry-run", is_flag=True, help="Do everything except write.")
@click.option("--strict", is_flag=True, help="Write nothing if any block is bad (exit 5).")
@json_option
@pass_app
def import_(
    app: AppContext,
    files: tuple[str, ...],
    fmt: str,
    encoding: str,
    on_duplicate: str,
    dry_run: bool,
    strict: bool,
    as_json: bool,
) -> None:
    """Import BibTeX, BibLaTeX, CSL-JSON or RIS files ('-' reads stdin), in one transaction.

    Bad blocks are reported as FILE:LINE: KEY: message and skipped (exit 6); the rest is
    imported. Entries without a key get a generated one.
    """
    from diprefs.cli.render import print_json, progress_bar
    from diprefs.formats.encoding import check_encoding_name
    from diprefs.services import transfer

    fmt = _format(fmt, transfer.READERS, "'--format'", auto=True)
    if encoding != "auto" and check_encoding_name(encoding) is None:
        raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="'--encoding'")
    inputs = transfer.read_inputs(list(files), lambda: sys.stdin.buffer.read())
    report = transfer.import_files(
        app.db(),
        inputs,
        fmt=fmt,
        encoding=encoding,
        on_duplicate=on_duplicate,
        dry_run=dry_run,
        strict=strict,
        progress=(lambda total: progress_bar("importing", total)) if sys.stderr.isatty() else None,
    )
    for problem in report.problems:
        click.echo(str(problem), err=True)
    for note in report.notes:
        click.echo(f"diprefs: note: {note}", err=True)
    for key, matches in report.near_duplicates[:NEAR_DUPLICATES_SHOWN]:
        click.echo(f"diprefs: note: {key} may duplicate {', '.join(matches)}", err=True)
    if len(report.near_duplicates) > NEAR_DUPLICATES_SHOWN:
        more = len(report.near_duplicates) - NEAR_DUPLICATES_SHOWN
        click.echo(
            f"diprefs: note: {more} more may duplicate works stored before them:"
            " 'diprefs works duplicates' lists them all",
            err=True,
        )
    dry = " (dry run: nothing written)" if dry_run else ""
    click.echo(
        f"diprefs: imported {report.imported}, updated {report.updated},"
        f" skipped {report.skipped}, problems {len(report.problems)}{dry}",
        err=True,
    )
    if as_json:
        print_json(report.as_json())
    if report.problems:
        sys.exit(6)


@click.command()
@click.argument("keys", nargs=-1)
@click.option("--cited-by", metavar="KEY", help="The works in KEY's reference list.")
@click.option("--tag", "tags", multiple=True, metavar="T", help="Works with this tag (repeatable).")
@click.option(
    "--format",
    "fmt",
    default="biblatex",
    show_default=True,
    help="biblatex, bibtex (maps journal, address, year/month, school back), csljson or ris.",
)
@click.option("-o", "output", type=click.Path(dir_okay=False), help="Write FILE instead of stdout.")
@click.option("--ascii", "ascii_", is_flag=True, help="LaTeX escapes instead of Unicode.")
@pass_app
def export(
    app: AppContext,
    keys: tuple[str, ...],
    cited_by: str | None,
    tags: tuple[str, ...],
    fmt: str,
    output: str | None,
    ascii_: bool,
) -> None:
    """Export works (all when nothing selects) as BibLaTeX, BibTeX, CSL-JSON or RIS.

    A work exported in the dialect it came in keeps its field names, raw values and unknown
    fields; its file's @string, @preamble and @comment blocks come with it.
    """
    from diprefs.services import transfer

    fmt = _format(fmt, transfer.WRITERS, "'--format'", auto=False)
    if ascii_ and fmt not in transfer.LATEX_FORMATS:
        raise click.UsageError(f"--ascii is for bibtex and biblatex, not {fmt}")
    text, count = transfer.export_works(app.db(), list(keys), cited_by, list(tags), fmt, ascii_)
    if output is None:
        sys.stdout.write(text)
        return
    Path(output).write_text(text, encoding="utf-8")
    click.echo(f"diprefs: exported {count} works to {output}", err=True)
