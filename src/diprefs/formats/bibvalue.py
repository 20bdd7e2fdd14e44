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
    """Split a raw value on ``#`` outside braces and quotes."""
    pieces: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, ch in enumerate(raw):
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


def evaluate(raw: str, strings: dict[str, str]) -> tuple[str, list[str]]:
    """The value of a raw field, and the macro names it used that no @string defines.

    ``strings`` maps lower-case macro names to their evaluated values. An undefined macro is
    kept as its name, so nothing the user wrote disappears.
    """
    out: list[str] = []
    undefined: list[str] = []
    for piece in _pieces(raw):
        if (len(piece) >= 2 and piece[0] == "{" and piece[-1] == "}") or (
            len(piece) >= 2 and piece[0] == '"' and piece[-1] == '"'
        ):
            out.append(piece[1:-1])
        elif _NUMBER.fullmatch(piece):
            out.append(piece)
        elif piece.lower() in strings:
            out.append(strings[piece.lower()])
        elif piece.lower() in MONTH_MACROS:
            out.append(MONTH_MACROS[piece.lower()])
        else:
            out.append(piece)
            if piece:
                undefined.append(piece)
    return "".join(out), undefined
