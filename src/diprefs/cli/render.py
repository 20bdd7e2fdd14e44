"""Output: the only module that imports rich. JSON and plain text bypass it."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any


def print_json(data: Any) -> None:
    """Stable, UTF-8 (not ASCII-escaped) JSON on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def print_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A table for people. Cells are ``Text`` (no markup), so "[1]" prints as written."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, header_style="bold")
    for i, column in enumerate(columns):
        # The first column is an identifier (key, id, #): never wrap it, so it can be copied.
        table.add_column(column, overflow="fold", no_wrap=i == 0)
    for row in rows:
        table.add_row(*(Text("" if cell is None else str(cell)) for cell in row))
    _console().print(table)


def print_fields(title: str, fields: Iterable[tuple[str, Any]]) -> None:
    """A two-column field/value listing (``works show``, ``scholars show``)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in fields:
        if value in (None, "", [], {}):
            continue
        table.add_row(Text(name), Text(value if isinstance(value, str) else str(value)))
    _console().print(table)
