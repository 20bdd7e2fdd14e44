"""``diprefs audit``: a manuscript's in-text references against its printed list and the library."""

from __future__ import annotations

from pathlib import Path

import click

from diprefs.cli.context import AppContext, json_option, pass_app
from diprefs.cli.format import list_style_option, set_option


@click.command()
@click.argument("manuscript", type=click.Path(dir_okay=False))
@click.option("--cited-by", metavar="KEY", help="Match the list to KEY's stored reference list.")
@list_style_option
@set_option
@json_option
@click.pass_context
@pass_app
def audit(
    app: AppContext,
    ctx: click.Context,
    manuscript: str,
    cited_by: str | None,
    style: str,
    overrides: tuple[str, ...],
    as_json: bool,
) -> None:
    """Check MANUSCRIPT (.docx, .md, .tex, .txt): uncited entries, unknown references,
    numbering, and entries that differ from the style; exit 6 when anything is found."""
    from diprefs.cli.render import print_json
    from diprefs.services.audit import audit as run_audit

    report = run_audit(app.db(), Path(manuscript), cited_by, style, overrides)
    if as_json:
        print_json(
            {
                "manuscript": manuscript,
                "cited_by": report.cited_by,
                "style": report.style,
                "list": {
                    "heading": report.heading,
                    "line": report.heading_line,
                    "entries": report.entries,
                },
                "citations": report.citations,
                "problems": [
                    {
                        "kind": p.kind,
                        "line": p.line,
                        "label": p.label,
                        "key": p.key,
                        "message": p.message,
                    }
                    for p in report.problems
                ],
            }
        )
    else:
        for p in report.problems:
            message = f"{p.key}: {p.message}" if p.key else p.message
            click.echo(f"{manuscript}:{p.line}: {p.kind}: {message}")
    if report.problems:
        click.echo(
            f"diprefs: {len(report.problems)} problems in {manuscript} ({report.style}); "
            f"{report.entries} list items, {report.citations} in-text references",
            err=True,
        )
        ctx.exit(6)
