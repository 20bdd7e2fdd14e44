"""``diprefs cite``: in-text citations and footnotes for KEY[@LOCATOR]..."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, pass_app
from diprefs.cli.format import emit, set_option, style_option


@click.command()
@click.argument("specs", nargs=-1, required=True, metavar="KEY[@LOCATOR]...")
@style_option
@click.option(
    "--form",
    type=click.Choice(["numeric", "author-year", "narrative", "footnote"]),
    help="numeric (GOST, needs --cited-by), author-year, narrative (APA), footnote"
    " [default: numeric for GOST, author-year for APA].",
)
@click.option("--cited-by", help="The list whose positions give the numbers.")
@set_option
@pass_app
def cite(
    app: AppContext,
    specs: tuple[str, ...],
    style: str,
    form: str | None,
    cited_by: str | None,
    overrides: tuple[str, ...],
) -> None:
    """Cite works: "[1, p. 258]", "(Mominov, 2022, p. 258)", or footnotes ("Там же. С. 45.").

    LOCATOR is a page or range (@258, @47-49) or LABEL=VALUE pairs (@volume=2,page=47).
    """
    from diprefs.services import bibliography as bib
    from diprefs.styles.citations import parse_locator
    from diprefs.styles.render import plain_text

    apa = style == "apa"
    form = form or ("author-year" if apa else "numeric")
    if form == "numeric" and apa:
        raise click.UsageError("--form numeric is for GOST styles")
    if form == "narrative" and not apa:
        raise click.UsageError("--form narrative is for --style apa")
    if form == "numeric" and not cited_by:
        raise click.UsageError("--form numeric needs --cited-by KEY (the list that numbers)")
    requests = []
    for spec in specs:
        key, at, locator = spec.rpartition("@") if "@" in spec else (spec, "", "")
        try:
            parsed = parse_locator(locator) if at else ()
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="KEY@LOCATOR") from None
        requests.append(bib.CiteRequest(key, parsed))
    lines = bib.cite(app.db(), requests, style, form, cited_by, overrides)
    emit(lines, [plain_text(line) for line in lines])
