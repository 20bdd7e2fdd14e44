"""``diprefs graph``: the citation graph (and with --scholars, authorship and mentions)."""

from __future__ import annotations

import click

from diprefs.cli.context import AppContext, pass_app


@click.command()
@click.argument("key", required=False)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="With KEY: the works within N links of it, either direction [default: 1].",
)
@click.option("--scholars", is_flag=True, help="Add who contributed to and who is mentioned.")
@click.option(
    "--to",
    "to",
    type=click.Choice(["dot", "mermaid", "json"]),
    default="dot",
    show_default=True,
    help="Graphviz DOT, a Mermaid flowchart, or JSON.",
)
@pass_app
def graph(app: AppContext, key: str | None, depth: int | None, scholars: bool, to: str) -> None:
    """Print who cites whom: reference lists and in-text citations, from KEY or the library.

    Pipe DOT into Graphviz (diprefs graph komolov2024 | dot -Tsvg > g.svg); paste Mermaid into
    Markdown. The JSON shape is in docs/cli.md.
    """
    if depth is not None and key is None:
        raise click.UsageError("--depth needs a KEY to start from")
    from diprefs.services.graph import build_graph, to_dot, to_mermaid

    g = build_graph(app.db(), key, 1 if depth is None else depth, scholars)
    if to == "json":
        from diprefs.cli.render import print_json

        print_json(g)
        return
    from diprefs.cli.render import print_lines

    print_lines([(to_dot if to == "dot" else to_mermaid)(g).rstrip("\n")])
