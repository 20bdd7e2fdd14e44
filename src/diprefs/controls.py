"""The characters no output of diprefs carries: control characters and bidi controls.

A control character in a title or a name (pasted from a PDF, left by a converter, planted in a
hostile file) is invisible in a document, breaks the formats that are made of lines (a RIS tag
line, a Markdown list item), makes python-docx refuse the whole file, and on a terminal starts
an escape sequence. A bidi control reorders the text around it when it is shown (U+202E makes
"exe.pdf" of "fdp.exe") and leaks its embedding into whatever follows it.

Stripped: C0 controls (tab and line breaks become a space, or a newline where a format keeps
lines), DEL, C1 controls, and the Unicode ``Bidi_Control`` characters: ALM U+061C, LRM/RLM
U+200E/U+200F, the embeddings and overrides U+202A..U+202E and the isolates U+2066..U+2069.
Also lone surrogates (a CSL-JSON "\\ud800" decodes to one; UTF-8 cannot hold it) and the
noncharacters U+FFFE and U+FFFF, which XML, and so Word, refuses.

Kept: letters of every script, and ZWNJ U+200C and ZWJ U+200D, which Persian, Urdu and Indic
spellings need (Persian "mi" + ZWNJ + "xāham"); the bidi algorithm orders Arabic, Persian and
Hebrew by their letters alone.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate

#: Line and paragraph breaks: what ``str.splitlines`` splits a text on.
_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = [
    *range(0x00, 0x20),
    0x7F,
    *range(0x80, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    *range(0xD800, 0xE000),  # lone surrogates (from a JSON escape): no encoding can write them
    0xFFFE,  # noncharacters XML (a .docx) refuses
    0xFFFF,
]
_DROP: dict[int, str | None] = dict.fromkeys(_CONTROLS)
_ONE_LINE = {**_DROP, **{ord(c): " " for c in _BREAKS + "\t"}}
_KEEP_LINES = {**_DROP, **{ord(c): "\n" for c in _BREAKS}, ord("\t"): " "}


def strip_controls(text: str, keep_lines: bool = False) -> str:
    """``text`` without control and bidi control characters.

    Each line break or tab becomes a space; with ``keep_lines`` each line break (CR LF counts as
    one) becomes a newline instead, for the fields a format writes on several lines.
    """
    if text.isprintable():  # the common case (a ZWNJ or a no-break space is not "printable")
        return text
    if keep_lines:
        return text.replace("\r\n", "\n").translate(_KEEP_LINES)
    return text.translate(_ONE_LINE)


def strip_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``strip_controls`` of a text with ``(start, end)`` spans on it: the spans follow their
    characters (a search hit stays on the words it marks)."""
    if text.isprintable():
        return text, spans
    pieces = [ch.translate(_ONE_LINE) for ch in text]
    at = list(accumulate((len(p) for p in pieces), initial=0))
    return "".join(pieces), [(at[a], at[b]) for a, b in spans]


def escape_controls(text: str, escape: Callable[[str], str]) -> str:
    """``text`` with each character ``strip_controls`` would remove or replace written as
    ``escape(character)``: for a format that can carry them inertly (a JSON ``\\u202e``)."""
    if text.isprintable():
        return text
    return "".join(escape(ch) if ord(ch) in _ONE_LINE else ch for ch in text)
