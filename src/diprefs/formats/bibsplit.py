"""bibtexparser's splitter, on two cores for a large file; entries as plain tuples.

Splitting is most of an import's floor (issue 3, "Speed"). A file of more than ``PARALLEL_MIN``
characters is cut at an entry start near its middle; a forked child splits the second part
while this process splits the first, and sends its blocks back as plain tuples, which cost a
few hundredths of a second to load (bibtexparser's own objects cost ten times that).

The result is the one ``Splitter(text).split()`` gives, block for block: the splitter finds the
same marks before the cut either way, so when the first part's last block closed before the cut
the second part starts from the same state; its line numbers are shifted by the lines before
the cut, counted as the splitter counts them. Anything else - the first part ending in a block
the cut broke, a failed block in the second part, no ``fork`` (Windows, macOS), other threads
running, a child that fails - and the whole text is split here, in one process.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bibtexparser import model as bp
from bibtexparser.splitter import Splitter

from diprefs.forked import Forked, can_fork

#: Below this many characters a second process costs more than it saves.
PARALLEL_MIN = 1_000_000
#: Share of the text the child splits: the larger part, since meanwhile the reader maps the
#: entries of the first part (``formats.bibtex``), which takes about as long as splitting them.
CHILD_SHARE = 0.6
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


class Halves:
    """A text split in two parts at once: ``first`` here, the rest by a forked child, which
    ``second()`` waits for. A caller can work on ``first`` meanwhile (``pending`` says a child
    runs). ``close()`` ends the child if ``second()`` was not called."""

    def __init__(self, text: str) -> None:
        self.child: Forked[list[SplitEntry | bp.Block] | None] | None = None
        cut = _cut(text)
        if cut is None:
            self.first = whole(text)
            return
        # The lines before the cut, as the splitter counts them: not a newline after a backslash.
        shift = text.count("\n", 0, cut) - text.count("\\\n", 0, cut)
        self.child = Forked(lambda: _sendable(_plain(Splitter(text[cut:]).split().blocks, shift)))
        try:
            self.first = _plain(Splitter(text[:cut]).split().blocks)
        except BaseException:
            self.close()
            raise

    @property
    def pending(self) -> bool:
        return self.child is not None and self.child.running

    def second(self) -> list[SplitEntry | bp.Block] | None:
        """The second part's blocks ([] when there is none), or None: the cut broke a block, or
        the child could not send, and the text must be split ``whole``."""
        if self.child is None:
            return []
        rest = self.child.result()
        if rest is None or (self.first and isinstance(self.first[-1], bp.ParsingFailedBlock)):
            return None
        return rest

    def close(self) -> None:
        """End the child at once if its blocks were not read (Ctrl-C, an error), and reap it."""
        if self.child is not None:
            self.child.close()


def _cut(text: str) -> int | None:
    """Where the second part starts (an ``@`` at the start of a line), or None: split whole."""
    if len(text) < PARALLEL_MIN or not can_fork():
        return None
    found = _ENTRY_START.search(text, int(len(text) * (1 - CHILD_SHARE)))
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
    return block  # a failed block: never sent (``_sendable``)


def _sendable(blocks: list[SplitEntry | bp.Block]) -> list[SplitEntry | bp.Block] | None:
    """The blocks, or None if one failed: those carry bibtexparser's exception, and the reader
    words them from the whole file's split."""
    return None if any(isinstance(b, bp.ParsingFailedBlock) for b in blocks) else blocks
