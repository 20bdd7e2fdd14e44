"""``diprefs check``: what each work lacks for a style."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, json_option, pass_app
from diprefs.cli.format import selection_options, set_option, style_option


@click.command()
@selection_options
@style_option
@set_option
@json_option
@click.pass_context
@pass_app
def check(
    app: AppContext,
    ctx: click.Context,
    keys: tuple[str, ...],
    cited_by: str | None,
    tags: tuple[str, ...],
    style: str,
    overrides: tuple[str, ...],
    as_json: bool,
) -> None:
    """List what the style needs that each work is missing; exit 6 when anything is found."""
    from diprefs.cli.render import print_json
    from diprefs.services import bibliography as bib

    findings = bib.check(app.db(), bib.Selection(keys, cited_by, tags), style, overrides)
    if as_json:
        print_json(
            [
                {"key": f.key, "style": f.style, "field": f.field, "message": f.message}
                for f in findings
            ]
        )
    else:
        for f in findings:
            click.echo(f"{f.key}: {f.field}: {f.message}" if f.field else f"{f.key}: {f.message}")
    if findings:
        works = len({f.key for f in findings})
        click.echo(f"diprefs: {len(findings)} findings in {works} works ({style})", err=True)
        ctx.exit(6)
