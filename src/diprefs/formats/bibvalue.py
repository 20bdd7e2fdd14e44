"""BibTeX field values: ``{braced}``, ``"quoted"``, numbers, @string macros and ``#``.

bibtexparser v2 splits a file into blocks but leaves ``#`` concatenation unresolved (its string
middleware only replaces a value that is a bare macro name), so values are evaluated here.
"""

from __future__ import annotations

import re

#: BibTeX's predefined month macros (plain.bst), expanded as the standard styles do.
MONTH_MACROS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}

_NUMBER = re.compile(r"\d+")


def _pieces(raw: str) -> list[str]:
    """Split a raw value on ``#`` outside braces and quotes. A brace right after a backslash
    (``\\}``) is text, as bibtexparser's splitter reads it."""
    pieces: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, ch in enumerate(raw):
        if ch in "{}" and i and raw[i - 1] == "\\":
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            pieces.append(raw[start:i])
            start = i + 1
    pieces.append(raw[start:])
    return [p.strip() for p in pieces]


def _piece(piece: str, strings: dict[str, str], undefined: list[str]) -> str:
    if len(piece) >= 2 and (
        (piece[0] == "{" and piece[-1] == "}") or (piece[0] == '"' and piece[-1] == '"')
    ):
        return piece[1:-1]
    if _NUMBER.fullmatch(piece):
        return piece
    lower = piece.lower()
    if lower in strings:
        return strings[lower]
    if lower in MONTH_MACROS:
        return MONTH_MACROS[lower]
    if piece:
        undefined.append(piece)
    return piece


def evaluate(raw: str, strings: dict[str, str]) -> tuple[str, list[str]]:
    """The value of a raw field, and the macro names it used that no @string defines.

    ``strings`` maps lower-case macro names to their evaluated values. An undefined macro is
    kept as its name, so nothing the user wrote disappears.
    """
    undefined: list[str] = []
    if "#" not in raw:  # the common case: one piece, no scan needed
        return _piece(raw.strip(), strings, undefined), undefined
    return "".join(_piece(p, strings, undefined) for p in _pieces(raw)), undefined
