"""``diprefs format``: a reference list in GOST, APA or the transliterated English "References",
as text, Markdown, HTML, LaTeX or Word, whole or in sections (``--sections``).

Also the option decorators ``cite``, ``check`` and ``audit`` share: the selection, ``--style`` and
``--set``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from diprefs.cli.context import AppContext, pass_app

STYLE_HELP = "gost (GOST R 7.0.100-2018), gost-2008 (GOST R 7.0.5-2008) or apa; aliases too."
LIST_STYLE_HELP = STYLE_HELP.replace(" or apa", ", apa or references-en (transliterated English)")
#: Styles that describe a whole list and have no citation forms (docs/cli.md "Styles").
LIST_ONLY_STYLES = ("references-en",)


def _list_style(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from diprefs.services.bibliography import style_name

    try:
        return style_name(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _style(ctx: click.Context, param: click.Parameter, value: str) -> str:
    name = _list_style(ctx, param, value)
    if name in LIST_ONLY_STYLES:
        raise click.BadParameter(f"{name} is for format and audit only")
    return name


def _overrides(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]):
    from diprefs.config import parse_override

    for item in value:
        try:
            parse_override(item)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


def style_option(f):
    return click.option(
        "--style", default="gost", show_default=True, callback=_style, help=STYLE_HELP
    )(f)


def list_style_option(f):
    """``--style`` of ``format`` and ``audit``, which also take the list-only styles."""
    return click.option(
        "--style", default="gost", show_default=True, callback=_list_style, help=LIST_STYLE_HELP
    )(f)


def set_option(f):
    return click.option(
        "--set",
        "overrides",
        multiple=True,
        callback=_overrides,
        metavar="SECTION.NAME=VALUE",
        help="Override a config.toml setting for this run (repeatable), e.g. gost.dash=–.",
    )(f)


def selection_options(f):
    f = click.option("--tag", "tags", multiple=True, help="Works with this tag (repeatable).")(f)
    f = click.option("--cited-by", help="The works of KEY's reference list, in its order.")(f)
    return click.argument("keys", nargs=-1)(f)


def is_terminal() -> bool:
    return sys.stdout.isatty()


def emit(lines, plain_lines: list[str]) -> None:
    """Rich ``Text`` on a terminal, plain lines when piped."""
    if is_terminal():
        from diprefs.cli.render import print_styled

        print_styled(lines)
    else:
        sys.stdout.write("".join(line + "\n" for line in plain_lines))


@click.command("format")
@selection_options
@list_style_option
@click.option(
    "--lang",
    type=click.Choice(["ru", "uz", "en"]),
    help="Language of the paper: content type, notes, access dates, section headings"
    " [default: ru GOST, en APA and references-en].",
)
@click.option(
    "--order",
    type=click.Choice(["cited", "alpha"]),
    help="cited: list order (default with --cited-by); alpha: the style's sort.",
)
@click.option(
    "--sections",
    type=click.Choice(["oak", "type", "language"]),
    help="Group the list: oak (legal acts, literature, other), type, or language (script).",
)
@click.option(
    "--to",
    "to",
    type=click.Choice(["text", "markdown", "html", "latex", "docx"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--standalone", is_flag=True, help="A whole HTML page or LaTeX document.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
@set_option
@pass_app
def format_(
    app: AppContext,
    keys: tuple[str, ...],
    cited_by: str | None,
    tags: tuple[str, ...],
    style: str,
    lang: str | None,
    order: str | None,
    sections: str | None,
    to: str,
    standalone: bool,
    output: str | None,
    overrides: tuple[str, ...],
) -> None:
    """Print a reference list: the whole library, KEYs, --cited-by KEY's list, or --tag."""
    if to == "docx" and not output:
        raise click.UsageError("--to docx needs -o FILE")
    if standalone and to not in ("html", "latex"):
        raise click.UsageError("--standalone goes with --to html or --to latex")
    from diprefs.services import bibliography as bib

    result = bib.format_list(
        app.db(), bib.Selection(keys, cited_by, tags), style, lang, order, overrides, sections
    )
    if to == "docx":
        bib.write_docx(result, Path(output))
        return
    if to == "text" and not output:
        numbered = result.style.numbered
        spans: list[tuple[tuple[str, bool], ...]] = []
        for i, (_k, s) in enumerate(result.items):
            if i in result.headings:
                spans += [()] * bool(spans) + [((result.headings[i], False),)]
            spans.append(((f"{i + 1}. ", False), *s) if numbered else s)
        emit(spans, bib.render(result, "text").splitlines())
        return
    text = bib.render(result, to, standalone)
    if output:
        bib.write_text(Path(output), text)
    else:
        sys.stdout.write(text)
