"""The two-process split of a large file gives exactly the blocks bibtexparser's splitter gives
for the whole text (issue 3, "Speed"): same blocks, same order, same lines, same raw text."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from bibtexparser import model as bp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diprefs.formats import bibsplit, bibtex
from diprefs.formats.bibsplit import SplitEntry
from diprefs.formats.bibtex import read_bibtex
from diprefs.formats.encoding import decode

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FILES = sorted(CORPORA.rglob("*.bib")) if CORPORA.is_dir() else []


def _data(blocks: list) -> list[tuple]:
    """Blocks as comparable tuples: every attribute the reader looks at."""
    out = []
    for b in blocks:
        if isinstance(b, SplitEntry):
            out.append(("entry", *b))
        elif isinstance(b, bp.ParsingFailedBlock):
            reason = getattr(b.error, "abort_reason", str(b.error))
            keys = sorted(getattr(b, "duplicate_keys", ()))
            inner = getattr(b.ignore_error_block, "key", None)
            out.append((type(b).__name__, b.start_line, b.raw, reason, keys, inner))
        else:
            value = getattr(b, "value", None) or getattr(b, "comment", None)
            out.append((type(b).__name__, b.start_line, b.raw, getattr(b, "key", None), value))
    return out


def _split(text: str) -> list:
    """The blocks as a reader gets them: the first part and the child's pieces, or the whole
    text split again when they say so (``read_bibtex`` does the same)."""
    parts = bibsplit.Parts(text)
    try:
        rest = [block for piece in parts.rest() for block in piece]
    finally:
        parts.close()
    return bibsplit.whole(text) if parts.broken else parts.first + rest


def _first_cut(text: str) -> int | None:
    """Where the child's part starts (None: the text is split in one process)."""
    if len(text) < bibsplit.PARALLEL_MIN:
        return None
    return bibsplit._cut(text, int(len(text) * (1 - bibsplit.CHILD_SHARE)))


def _whole(text: str) -> list[tuple]:
    return _data(bibsplit.whole(text))


@pytest.fixture
def forks(forks, monkeypatch) -> list[int]:
    """Every file is split in two processes, the child's part in pieces of a few entries; the
    list records each fork."""
    monkeypatch.setattr(bibsplit, "PARALLEL_MIN", 0)
    monkeypatch.setattr(bibsplit, "PIECE_CHARS", 500)
    return forks


def _entries(count: int, start: int = 0) -> str:
    return "".join(
        f"@article{{k{i},\n  author = {{Karimov, Alisher}},\n  title = {{Title {i}}},\n"
        f"  year = {{20{i % 90:02d}}}\n}}\n\n"
        for i in range(start, start + count)
    )


@pytest.mark.skipif(not FILES, reason=f"corpora not found at {CORPORA}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_file_splits_as_a_whole(path, forks):
    text = decode(path.read_bytes(), "auto", file=str(path)).text
    parallel = _data(_split(text))
    assert parallel == _whole(text)
    assert len(forks) == (_first_cut(text) is not None)


def test_a_large_file_is_split_in_two_processes(forks):
    text = _entries(400)
    blocks = _split(text)
    assert forks == [1]
    assert _data(blocks) == _whole(text)
    assert [b.key for b in blocks] == [f"k{i}" for i in range(400)]
    assert blocks[-1].start_line == text.count("\n") - 6  # "@article" of the last entry


def test_an_entry_the_cut_breaks_is_split_as_a_whole(forks, monkeypatch):
    # An unclosed brace just before the cut: the first part ends in a block that runs to its
    # end; the whole text's splitter stops that block at the next entry, after the cut.
    head = _entries(10) + "@book{broken,\n  title = {No closing brace,\n  year = {2001}\n}\n"
    text = head + _entries(10, start=10)
    monkeypatch.setattr(bibsplit, "CHILD_SHARE", 1 - (len(head) - 20) / len(text))
    assert _first_cut(text) == len(head)
    parallel = _split(text)
    assert forks == [1]
    assert _data(parallel) == _whole(text)
    assert any(isinstance(b, bp.ParsingFailedBlock) for b in parallel)


def test_an_entry_a_later_piece_boundary_breaks_is_split_as_a_whole(forks, monkeypatch):
    tail = "@book{broken,\n  title = {No closing brace,\n  year = {2001}\n}\n" + _entries(30, 40)
    text = _entries(40) + tail
    monkeypatch.setattr(bibsplit, "CHILD_SHARE", 0.9)
    assert _first_cut(text) < len(text) - len(tail) - 1000  # the broken entry is pieces later
    parallel = _split(text)
    assert forks == [1]
    assert _data(parallel) == _whole(text)
    assert any(isinstance(b, bp.ParsingFailedBlock) for b in parallel)


def test_a_failed_block_after_the_cut_is_worded_as_in_the_whole_file(forks):
    text = _entries(10) + _entries(5, start=10) + "@misc{bad, title = {x} year = {1}}\n"
    assert _data(_split(text)) == _whole(text)
    assert forks == [1]


def test_lines_after_a_backslash_newline_count_as_the_splitter_counts_them(forks):
    text = "@misc{a, note = {one \\\ntwo}}\n" + _entries(20)
    assert _first_cut(text) is not None
    assert _data(_split(text)) == _whole(text)


def test_a_small_file_is_split_in_this_process(monkeypatch):
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked for a small file"))
    text = _entries(20)
    assert len(text) < bibsplit.PARALLEL_MIN
    assert _data(_split(text)) == _whole(text)


def test_no_fork_while_other_threads_run(forks):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        text = _entries(50)
        assert _data(_split(text)) == _whole(text)
        assert forks == []
    finally:
        stop.set()
        thread.join()


#: Pieces of .bib text, good and bad, that a file is made of (each starts a line).
_PIECES = [
    *(_entries(1, start=i) for i in range(6)),
    "@string{jr = {Journal of Research}}\n",
    '@preamble{"\\newcommand{\\noop}[1]{}"}\n',
    "@comment{jabref-meta: groupstree:}\n",
    "Some text between entries, with an @ sign.\n",
    "@article(paren, title = {Paren (delimited)}, year = 1999)\n",
    "@article{unclosed, title = {Never closed,\n",
    "@article{dupfield, title = {a}, title = {b}}\n",
    "@article{nocomma title = {x}}\n",
    "@misc{slash, note = {a \\\nb}}\n",
    "@article{extra, title = {x}}}, year = 2000}\n",
    '@misc{quoted, title = "A {"}quote{"} here", year = 2001}\n',
    "\n\n",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_PIECES), min_size=2, max_size=30))
def test_any_mix_of_good_and_bad_blocks_splits_as_a_whole(forks, pieces):
    text = "".join(pieces)
    assert _data(_split(text)) == _whole(text)


@pytest.fixture
def verdicts(monkeypatch) -> list[bool]:
    """Whether each read kept the works it mapped early (``_Early.holds``)."""
    found: list[bool] = []
    holds = bibtex._Early.holds
    monkeypatch.setattr(bibtex._Early, "holds", lambda *a: found.append(holds(*a)) or found[-1])
    return found


@pytest.fixture
def mapped_early(monkeypatch) -> list[int]:
    """How many entries each read had mapped before the whole file was read, when it kept them."""
    found: list[int] = []
    holds = bibtex._Early.holds

    def spy(early, *args) -> bool:
        kept = holds(early, *args)
        if kept:
            found.append(len(early.entries))
        return kept

    monkeypatch.setattr(bibtex._Early, "holds", spy)
    return found


def _read(text: str) -> tuple:
    result = read_bibtex(text, file="x.bib")
    return result.dialect, result.works, result.problems, result.blocks


@pytest.mark.skipif(not FILES, reason=f"corpora not found at {CORPORA}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_file_reads_the_same_in_two_processes(
    path, monkeypatch, verdicts, forks, mapped_early
):
    # The first part is mapped while the child splits the rest; the works, problems and kept
    # blocks must be those of a read in one piece.
    text = decode(path.read_bytes(), "auto", file=str(path)).text
    monkeypatch.setattr(bibsplit, "PARALLEL_MIN", 10**12)
    alone = _read(text)
    monkeypatch.setattr(bibsplit, "PARALLEL_MIN", 0)
    monkeypatch.setattr(bibsplit, "PIECE_CHARS", 20_000)  # pieces mapped one by one
    assert _read(text) == alone
    if _first_cut(text) is not None and path.name == "glottolog-zurich-1000.bib":
        assert verdicts == [True]  # no @string, crossref, dialect change: the early works stand
        assert mapped_early == [1000]  # every piece was mapped as it came


@pytest.mark.parametrize(
    ("second", "why"),
    [
        ("@string{jr = {Journal}}\n", "a macro defined after the cut"),
        ("@article{z, journaltitle = {J}, title = {T}}\n", "a BibLaTeX field after the cut"),
        ("@article{z, crossref = {k0}, title = {T}}\n", "a crossref after the cut"),
    ],
)
def test_the_first_part_is_mapped_again_when_the_rest_changes_what_it_means(
    second, why, monkeypatch, verdicts, forks
):
    text = (
        "@article{k0, author = {Karimov, A.}, title = {T0}, journal = jr, year = 2000}\n"
        + _entries(20, start=1)
        + second
    )
    monkeypatch.setattr(bibsplit, "CHILD_SHARE", 0.95)  # the child's pieces hold ``second``
    monkeypatch.setattr(bibsplit, "PIECE_CHARS", 300)
    monkeypatch.setattr(bibsplit, "PARALLEL_MIN", 10**12)
    alone = _read(text)
    monkeypatch.setattr(bibsplit, "PARALLEL_MIN", 0)
    assert _first_cut(text) < len(text) - len(second) - 1000, why  # pieces later
    assert _read(text) == alone
    assert verdicts == [False], why
