"""Find the printed reference list and cut it into numbered items.

Headings in the languages diprefs' users write in; items as "1. ...", "1) ...", "[1] ...",
"[key] ..." (LaTeX ``\\bibitem``) or bullets. The seed article prints two items on one line
("... – p. 80 2. United States ..."), so a number that repeats the current label or continues it
also starts a new item inside a line. An unnumbered list (APA) is cut into paragraphs: blocks
between blank lines, or single lines when nothing separates them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Headings that open a reference list (compared case-insensitively, whole line).
HEADINGS = (
    "references",
    "list of references",
    "reference list",
    "bibliography",
    "literature",
    "works cited",
    "sources",
    "список литературы",
    "список использованной литературы",
    "список использованных источников",
    "список источников",
    "библиографический список",
    "литература",
    "adabiyotlar",
    "adabiyotlar roʻyxati",
    "foydalanilgan adabiyotlar",
    "foydalanilgan adabiyotlar roʻyxati",
    "адабиётлар",
    "фойдаланилган адабиётлар",
    "фойдаланилган адабиётлар рўйхати",
)
_APOSTROPHES = str.maketrans({c: "ʻ" for c in "'’‘`ʼ"})
_ITEM = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s+(.*)$")
_KEY_ITEM = re.compile(r"^\s*\[([^\]\s]+)\]\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_INLINE = re.compile(r"\s(\d{1,4})\.\s+(?=[\"«<A-ZА-ЯЁЎҚҒҲ])")


@dataclass(frozen=True)
class ListItem:
    position: int  # 1, 2, ... in printed order
    label: str  # as printed: "2." or "[2]" or a \bibitem key
    number: int | None  # the label's number, None for keyed items
    text: str
    line: int  # 1-based paragraph number where it starts


def _heading(line: str) -> bool:
    words = re.sub(r"[\s:.*#]+", " ", line.translate(_APOSTROPHES)).strip().lower()
    return words in HEADINGS


def split_manuscript(paragraphs: list[str]) -> tuple[list[str], list[ListItem], int | None]:
    """(body paragraphs, reference-list items, heading line) — the last heading wins."""
    heading = None
    for i, line in enumerate(paragraphs):
        if _heading(line):
            heading = i
    if heading is None:
        return paragraphs, [], None
    return paragraphs[:heading], _items(paragraphs[heading + 1 :], heading + 2), heading + 1


def _items(lines: list[str], first_line: int) -> list[ListItem]:
    items: list[tuple[str, int | None, list[str], int]] = []
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ITEM.match(line)
        keyed = None if match else _KEY_ITEM.match(line)
        if match:
            number = int(match.group(1) or match.group(2))
            label = f"[{number}]" if match.group(1) else line.strip()[: len(str(number)) + 1]
            items.append((label, number, [match.group(3)], first_line + offset))
        elif keyed:
            items.append((keyed.group(1), None, [keyed.group(2)], first_line + offset))
        elif bullet := _BULLET.match(line):
            items.append(("", None, [bullet.group(1)], first_line + offset))
        elif items:
            items[-1][2].append(line.strip())
        else:
            continue
        _split_inline(items, first_line + offset)
    if not items:
        items = _paragraphs(lines, first_line)
    return [
        ListItem(i + 1, label, number, " ".join(parts).strip(), line)
        for i, (label, number, parts, line) in enumerate(items)
    ]


def _paragraphs(lines: list[str], first_line: int) -> list[tuple[str, int | None, list[str], int]]:
    """Unnumbered items: blocks between blank lines, or every line when there is one block."""
    blocks: list[tuple[int, list[str]]] = []
    fresh = True
    for offset, line in enumerate(lines):
        if not line.strip():
            fresh = True
        elif fresh:
            blocks.append((first_line + offset, [line.strip()]))
            fresh = False
        else:
            blocks[-1][1].append(line.strip())
    if len(blocks) == 1:
        start, block = blocks[0]
        return [("", None, [text], start + i) for i, text in enumerate(block)]
    return [("", None, parts, start) for start, parts in blocks]


def _split_inline(items: list[tuple[str, int | None, list[str], int]], line: int) -> None:
    """Cut "... p. 80 2. United States ..." into two items when the number fits the sequence."""
    label, number, parts, start = items[-1]
    if number is None:
        return
    text = " ".join(parts)
    for match in _INLINE.finditer(text):
        found = int(match.group(1))
        if found in (number, number + 1):
            items[-1] = (label, number, [text[: match.start()].strip()], start)
            items.append((f"{found}.", found, [text[match.end() :]], line))
            _split_inline(items, line)
            return
