"""bibtexparser's splitter on two cores: the blocks of a large file in about half the time.

Splitting is most of an import's floor (issue 3, "Speed"). A file of more than ``PARALLEL_MIN``
characters is cut at an entry start near its middle; a forked child splits the second part
while this process splits the first, and sends its blocks back as plain tuples (a few
hundredths of a second for 8,000 entries, against 0.6 s of splitting).

The result is the one ``Splitter(text).split()`` gives, block for block: the splitter finds the
same marks before the cut either way, so when the first part's last block closed before the cut
the second part starts from the same state; its line numbers are shifted by the lines before
the cut (counted as the splitter counts them), and its blocks are added to the first part's
``Library``, which marks keys repeated across the cut as the splitter would. Anything else -
the first part ending in a block the cut broke, a block the child cannot send (a failed one),
no ``fork`` (Windows, macOS), other threads running, a child that fails - and the whole text is
split here, in one process.
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import sys
import threading
from collections.abc import Iterator

from bibtexparser import model as bp
from bibtexparser.splitter import Splitter

#: Below this many characters a second process costs more than it saves.
PARALLEL_MIN = 1_000_000
#: Share of the text the child splits (it also encodes and sends its blocks).
CHILD_SHARE = 0.47
#: An entry start at the start of a line, as the splitter's block-start mark sees it.
_ENTRY_START = re.compile(r"\n@\w*[ \t]*[{(]")

Encoded = tuple


def split(text: str) -> list[bp.Block]:
    """The blocks of ``text``, exactly as ``Splitter(text).split().blocks``."""
    cut = _cut(text)
    if cut is None:
        return Splitter(text).split().blocks
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process to spare: split here
        os.close(read)
        os.close(write)
        return Splitter(text).split().blocks
    if pid == 0:  # the child: split the second part, send it, end without any cleanup
        try:
            os.close(read)
            data = pickle.dumps(_encode(Splitter(text[cut:]).split().blocks), protocol=5)
            with os.fdopen(write, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as incoming:
        try:
            library = Splitter(text[:cut]).split()
            data = incoming.read()
        except BaseException:  # Ctrl-C: the child's work is not wanted
            os.kill(pid, signal.SIGKILL)
            raise
        finally:
            os.waitpid(pid, 0)
    blocks = library.blocks
    if not data or (blocks and isinstance(blocks[-1], bp.ParsingFailedBlock)):
        return Splitter(text).split().blocks
    encoded = pickle.loads(data)
    if encoded is None:
        return Splitter(text).split().blocks
    # The lines before the cut, as the splitter counts them: not a newline after a backslash.
    shift = text.count("\n", 0, cut) - text.count("\\\n", 0, cut)
    library.add(list(_decode(encoded, shift)), fail_on_duplicate_key=False)
    return library.blocks


def _cut(text: str) -> int | None:
    """Where the second part starts (an ``@`` at the start of a line), or None: split whole."""
    if len(text) < PARALLEL_MIN or not sys.platform.startswith("linux"):
        return None
    if threading.active_count() > 1 or not hasattr(os, "fork"):
        return None  # forking a process that runs threads can deadlock the child
    found = _ENTRY_START.search(text, int(len(text) * (1 - CHILD_SHARE)))
    while found and text[found.start() - 1 : found.start()] == "\\":
        found = _ENTRY_START.search(text, found.end())
    return found.start() + 1 if found else None


def _encode(blocks: list[bp.Block]) -> list[Encoded] | None:
    """Blocks as tuples of strings and numbers; None when one of them cannot be sent."""
    out: list[Encoded] = []
    for block in blocks:
        if isinstance(block, bp.DuplicateBlockKeyBlock):  # the library marks it again
            block = block.ignore_error_block
        if isinstance(block, bp.Entry):
            fields = tuple((f.key, f.value, f.start_line) for f in block.fields)
            out.append(("e", block.start_line, block.raw, block.entry_type, block.key, fields))
        elif isinstance(block, bp.String):
            out.append(("s", block.start_line, block.raw, block.key, block.value))
        elif isinstance(block, bp.Preamble):
            out.append(("p", block.start_line, block.raw, block.value))
        elif isinstance(block, bp.ExplicitComment):
            out.append(("c", block.start_line, block.raw, block.comment))
        elif isinstance(block, bp.ImplicitComment):
            out.append(("i", block.start_line, block.raw, block.comment))
        else:  # a failed block carries bibtexparser's exception: split here instead
            return None
    return out


def _decode(encoded: list[Encoded], shift: int) -> Iterator[bp.Block]:
    for kind, line, raw, *rest in encoded:
        line += shift
        if kind == "e":
            entry_type, key, fields = rest
            parsed = [bp.Field(k, v, start + shift) for k, v, start in fields]
            yield bp.Entry(entry_type, key, parsed, line, raw)
        elif kind == "s":
            yield bp.String(rest[0], rest[1], line, raw)
        elif kind == "p":
            yield bp.Preamble(rest[0], line, raw)
        elif kind == "c":
            yield bp.ExplicitComment(rest[0], line, raw)
        else:
            yield bp.ImplicitComment(rest[0], line, raw)
