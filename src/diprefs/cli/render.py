"""Output: the only module that imports rich. JSON and plain text bypass it.

Tables, lines and formatted references lose their control and bidi control characters
(``diprefs.controls``): a title holding ESC would otherwise drive the terminal. JSON and CSV, which
are for scripts, carry the data as it is (JSON writes C0 controls as escapes).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from diprefs.controls import strip_controls, strip_spans


def print_json(data: Any) -> None:
    """Stable, UTF-8 (not ASCII-escaped) JSON on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


#: A table of more rows than this is laid out here, one line a row: rich's layout takes about a
#: millisecond a row, which made ``works list`` of a 7,000-work library take half a minute.
RICH_MAX_ROWS = 500
#: How often a progress bar is redrawn.
REFRESH_PER_SECOND = 10


def print_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A table for people. Cells are ``Text`` (no markup), so "[1]" prints as written."""
    rows = list(rows)
    if len(rows) > RICH_MAX_ROWS:
        _print_long_table(title, columns, rows)
        return
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for i, column in enumerate(columns):
        # The first column is an identifier (key, id, #): never wrap it, so it can be copied.
        table.add_column(column, overflow="fold", no_wrap=i == 0)
    for row in rows:
        table.add_row(*(_cell(cell) for cell in row))
    _console().print(table)


def _print_long_table(title: str | None, columns: Sequence[str], rows: list[Sequence[Any]]) -> None:
    """One line a row, columns two spaces apart, each as wide as 19 of 20 of its cells need (60
    characters at most; the first column, an identifier, half its longest). On a terminal a
    longer cell is cut with "…" to fit the width, except in the first column, so a key can be
    copied; in a pipe nothing is cut, so ``grep`` sees every word, and a longer cell only pushes
    the rest of its line to the right. Matches are not highlighted."""
    from rich.cells import cell_len, set_cell_size

    console = _console()
    cells = [[_one_line(cell) for cell in row] for row in rows]
    lengths = [sorted(cell_len(row[i]) for row in cells) for i in range(len(columns))]
    widths = [
        max(cell_len(column), min(60, found[len(found) * 19 // 20]) if i else found[-1] // 2)
        for i, (column, found) in enumerate(zip(columns, lengths, strict=True))
    ]
    cut = console.is_terminal
    if cut:
        widths = _fit(widths, console.width - 2 * (len(columns) - 1))

    def line(values: Sequence[str]) -> str:
        out = []
        for i, (value, width) in enumerate(zip(values, widths, strict=True)):
            size = cell_len(value)
            if cut and i and size > width:
                value, size = set_cell_size(value, width - 1) + "…", width
            out.append(value + " " * (width - size))
        return "  ".join(out).rstrip()

    if cut:
        if title:
            console.print(title, markup=False)
        console.print(line(columns), style="bold", markup=False)
    else:
        sys.stdout.write((f"{title}\n" if title else "") + line(columns) + "\n")
    sys.stdout.write("─" * (sum(widths) + 2 * (len(widths) - 1)) + "\n")
    sys.stdout.writelines(line(row) + "\n" for row in cells)


def _one_line(cell: Any) -> str:
    text = strip_spans(*cell)[0] if isinstance(cell, tuple) else "" if cell is None else str(cell)
    return " ".join(strip_controls(text).split())


def _fit(widths: list[int], available: int) -> list[int]:
    """Widths within ``available``: the first column and the narrow ones (20 or less) as they
    are, the wide ones shrunk in proportion to their widths (to 6 at least)."""
    wide = [i for i, w in enumerate(widths) if i and w > 20]
    room = available - sum(w for i, w in enumerate(widths) if i not in wide)
    total = sum(widths[i] for i in wide)
    if not wide or total <= room:
        return widths
    return [max(6, w * room // total) if i in wide else w for i, w in enumerate(widths)]


#: How ``search`` marks the words a query matched.
MATCH_STYLE = "bold yellow"


def _cell(cell: Any):
    """A cell as ``Text``; a ``(text, spans)`` pair gets the spans styled as matches."""
    from rich.text import Text

    if isinstance(cell, tuple):
        text, spans = strip_spans(*cell)
        out = Text(text)
        for start, end in spans:
            out.stylize(MATCH_STYLE, start, end)
        return out
    return Text("" if cell is None else strip_controls(str(cell), keep_lines=True))


def print_lines(lines: Iterable[str]) -> None:
    """One item per line (``--keys``), for pipes."""
    for line in lines:
        sys.stdout.write(strip_controls(line, keep_lines=True) + "\n")


def print_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """RFC 4180 CSV (CRLF line ends, quotes only where needed) on stdout; None is empty."""
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)


#: Eighths of a block, so that a bar's length is exact to 1/8 of a character.
_BAR_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: int, maximum: int, width: int) -> str:
    """A bar of ``value / maximum * width`` characters (at least a sliver for any value > 0)."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / maximum))
    full, part = divmod(eighths, 8)
    return "█" * full + _BAR_EIGHTHS[part].strip()


def print_bar_chart(title: str, rows: Sequence[tuple[str, int]], width: int = 40) -> None:
    """A horizontal bar chart: label, count, bar (``stats``: works per year)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_header=False, box=None, pad_edge=False)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    top = max((n for _, n in rows), default=0)
    for label, n in rows:
        table.add_row(Text(label), Text(str(n)), Text(bar(n, top, width)))
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
        table.add_row(Text(name), Text(strip_controls(str(value), keep_lines=True)))
    _console().print(table)


def print_styled(lines: Iterable[Sequence[tuple[str, bool]]]) -> None:
    """Formatted references or citations: one rich ``Text`` each, italics kept, soft-wrapped."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, markup=False, soft_wrap=True)
    for spans in lines:
        text = Text()
        for part, italic in spans:
            text.append(strip_controls(part), style="italic" if italic else "")
        console.print(text)


@contextmanager
def progress_bar(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr; yields ``advance(n)``. Callers decide when one is wanted.

    Redrawn by ``advance`` (at most ``1 / REFRESH_PER_SECOND`` apart), not by rich's refresh
    thread: with no other thread running, a large import may fork (``diprefs.forked``).
    """
    from rich.console import Console
    from rich.progress import Progress

    drawn = 0.0

    def advance(n: int) -> None:
        nonlocal drawn
        bar.advance(task, n)
        now = time.monotonic()
        if now - drawn >= 1 / REFRESH_PER_SECOND:
            drawn = now
            bar.refresh()

    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task(label, total=total)
        yield advance
