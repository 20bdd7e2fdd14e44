"""Tables of many rows are laid out one line a row, not by rich (docs/cli.md, "Tables are for
people"): rich took half a minute for ``works list`` of a 7,000-work library."""

from __future__ import annotations

from rich.console import Console

from diprefs.cli import render


def _terminal(monkeypatch, width: int) -> None:
    monkeypatch.setattr(
        render,
        "_console",
        lambda: Console(force_terminal=True, width=width, no_color=True, highlight=False),
    )


def test_works_list_of_many_works_gives_one_line_a_work(run, monkeypatch):
    monkeypatch.setattr(render, "RICH_MAX_ROWS", 2)
    works = run.json("works", "list")
    result = run("works", "list")
    assert result.exit_code == 0
    title, header, rule, *rows = result.stdout.splitlines()
    assert title == f"{len(works)} works"
    assert header.split() == ["key", "year", "authors", "title", "type"]
    assert set(rule) == {"─"}
    assert [row.split()[0] for row in rows] == [w["key"] for w in works]
    for row, work in zip(rows, works, strict=True):
        # In a pipe nothing is cut: every title is there in full, for grep.
        assert work["title"] in row and work["type"] in row


def test_on_a_terminal_cells_are_cut_to_the_width_but_never_the_first(monkeypatch, capsys):
    _terminal(monkeypatch, 60)
    key = "a-very-long-citation-key-that-is-longer-than-its-column-2024"
    rows = [[f"k{i}", "2020", "Author, A.; " * 10, "A title " * 20] for i in range(30)]
    rows.append([key, "2021", "Short, S.", "Short title"])
    render._print_long_table("31 works", ["key", "year", "authors", "title"], rows)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "31 works"
    body = lines[3:]
    assert all(len(line) <= 60 for line in body[:30])
    assert all(line.endswith("…") for line in body[:30])
    assert body[30].startswith(key + "  2021  Short, S.")


def test_cells_lose_control_characters_and_line_breaks(monkeypatch, capsys):
    monkeypatch.setattr(render, "_console", lambda: Console(width=80, no_color=True))
    rows = [["k1", "bad\x1b[31m title\nsecond line"], ["k2", ("matched word", [(0, 7)])]]
    render._print_long_table(None, ["key", "title"], rows)
    out = capsys.readouterr().out
    assert "\x1b" not in out
    # The key column is as wide as its header, "key".
    assert out.splitlines()[2:] == ["k1   bad[31m title second line", "k2   matched word"]


def test_a_short_table_is_still_rich(run):
    out = run("works", "list").stdout
    assert "┃ key" in out and "┏" in out
