"""bibtexparser's splitter, on two cores for a large file; entries as plain tuples.

Splitting is most of an import's floor (issue 3, "Speed"). A file of more than ``PARALLEL_MIN``
characters is cut at an entry start a fifth of the way in; a forked child splits the rest while
this process splits the first part, and sends its blocks as plain tuples (bibtexparser's own
objects cost ten times as much to load), a piece of ``PIECE_CHARS`` at a time, each cut at an
entry start, so that the reader maps each piece while the child splits the next.

The result is the one ``Splitter(text).split()`` gives, block for block: the splitter finds the
same marks before a cut either way, so when the part before a cut ended with a closed block the
part after it starts from the same state; its line numbers are shifted by the lines before the
cut, counted as the splitter counts them. Anything else - a part ending in a block a cut broke,
a failed block in the child's part, not Linux (``forked.can_fork``), other threads running, a
child that fails - and the whole text is split here, in one process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from bibtexparser import model as bp
from bibtexparser.splitter import Splitter

from diprefs.forked import Forked, can_fork

#: Below this many characters a second process costs more than it saves.
PARALLEL_MIN = 1_000_000
#: Share of the text the child splits: the larger part, since meanwhile the reader maps the
#: entries of the first part and of each piece the child sends (``formats.bibtex``), which
#: takes about half as long as splitting them.
CHILD_SHARE = 0.8
#: The child sends its part in pieces of about this many characters, each as it is split.
PIECE_CHARS = 300_000
#: An entry start at the start of a line, as the splitter's block-start mark sees it.
_ENTRY_START = re.compile(r"\n@\w*[ \t]*[{(]")


class SplitEntry(NamedTuple):
    """An entry as the reader needs it: its fields' names and raw values, in order."""

    start_line: int
    entry_type: str
    key: str
    keys: tuple[str, ...]
    raws: tuple[str, ...]


def whole(text: str) -> list[SplitEntry | bp.Block]:
    """The blocks of ``text``, split here in one piece."""
    return _plain(Splitter(text).split().blocks)


class Parts:
    """A text split by two processes at once: ``first`` here, the rest by a forked child, which
    sends it in pieces as it goes (``rest``). A caller can work on ``first`` and on each piece
    while the child splits the next (``pending`` says a child runs). ``close()`` ends the child
    if ``rest`` was not read to its end."""

    def __init__(self, text: str) -> None:
        self.child: Forked[list[SplitEntry | bp.Block] | None] | None = None
        #: the text must be split ``whole`` (known once ``rest`` is exhausted)
        self.broken = False
        cut = _cut(text, int(len(text) * (1 - CHILD_SHARE))) if len(text) >= PARALLEL_MIN else None
        if cut is None or not can_fork():
            self.first = whole(text)
            return
        self.child = Forked(lambda: _pieces(text, cut))
        try:
            self.first = _plain(Splitter(text[:cut]).split().blocks)
        except BaseException:
            self.close()
            raise

    @property
    def pending(self) -> bool:
        return self.child is not None and self.child.running

    def rest(self) -> Iterator[list[SplitEntry | bp.Block]]:
        """The child's pieces, in order, as they come. If afterwards ``broken``, the pieces do
        not add up to the text's blocks (the cut broke a block, the child failed or found a
        failed block) and the text must be split ``whole``."""
        if self.child is None:
            return
        if self.first and isinstance(self.first[-1], bp.ParsingFailedBlock):
            self.broken = True  # the cut broke the first part's last block
            self.child.close()
            return
        for piece in self.child.items():
            if piece is None:
                self.broken = True
                self.child.close()
                return
            yield piece
        self.broken = not self.child.complete

    def close(self) -> None:
        """End the child at once if its pieces were not all read (Ctrl-C, an error)."""
        if self.child is not None:
            self.child.close()


def _pieces(text: str, start: int) -> Iterator[list[SplitEntry | bp.Block] | None]:
    """The child's work: the blocks of ``text[start:]``, a piece of about ``PIECE_CHARS`` at a
    time, each cut at an entry start; None, and no more, when a piece holds a failed block
    (those carry bibtexparser's exception, and the reader words them from a whole split)."""
    # The lines before each piece, as the splitter counts them: not a newline after a backslash.
    shift = text.count("\n", 0, start) - text.count("\\\n", 0, start)
    while start < len(text):
        end = _cut(text, start + PIECE_CHARS) or len(text)
        blocks = _plain(Splitter(text[start:end]).split().blocks, shift)
        if any(isinstance(b, bp.ParsingFailedBlock) for b in blocks):
            yield None
            return
        yield blocks
        shift += text.count("\n", start, end) - text.count("\\\n", start, end)
        start = end


def _cut(text: str, at: int) -> int | None:
    """Where a part starting at or after ``at`` would start (an ``@`` at the start of a line,
    not after a backslash-newline), or None: there is no entry after ``at``."""
    found = _ENTRY_START.search(text, at)
    while found and text[found.start() - 1 : found.start()] == "\\":
        found = _ENTRY_START.search(text, found.end())
    return found.start() + 1 if found else None


def _plain(blocks: list[bp.Block], shift: int = 0) -> list[SplitEntry | bp.Block]:
    """Entries as ``SplitEntry`` (a duplicate key's unwrapped); every line moved by ``shift``."""
    out: list[SplitEntry | bp.Block] = []
    for block in blocks:
        if isinstance(block, bp.DuplicateBlockKeyBlock):
            block = block.ignore_error_block
        if isinstance(block, bp.Entry):
            fields = block.fields
            out.append(
                SplitEntry(
                    block.start_line + shift,
                    block.entry_type,
                    block.key,
                    tuple([f.key for f in fields]),
                    tuple([f.value for f in fields]),
                )
            )
            continue
        out.append(_moved(block, shift) if shift else block)
    return out


def _moved(block: bp.Block, shift: int) -> bp.Block:
    """A string, preamble or comment block ``shift`` lines further down (the child's part)."""
    line = block.start_line + shift
    if isinstance(block, bp.String):
        return bp.String(block.key, block.value, line, block.raw)
    if isinstance(block, bp.Preamble):
        return bp.Preamble(block.value, line, block.raw)
    if isinstance(block, (bp.ExplicitComment, bp.ImplicitComment)):
        return type(block)(block.comment, line, block.raw)
    return block  # a failed block: never sent (``_pieces``)
