"""StyledText: a formatted reference as spans of text with an italic flag.

Formatting (which words are italic) is kept apart from rendering (how italics are written in
plain text, Markdown, HTML, LaTeX, rich or Word), as pybtex does. A span is ``(text, italic)``;
a StyledText is a tuple of non-empty spans. Joining pieces goes through ``join`` so that a
prescribed separator never doubles punctuation the data already ends with ("вв." + ". — ").
"""

from __future__ import annotations

import re

from diprefs.controls import strip_controls

Span = tuple[str, bool]
Styled = tuple[Span, ...]

#: Closing marks that already end a sentence: a separator's own full stop is dropped after them.
_STOPS = ".?!…"
_SPACES = re.compile(r"\s+")


def clean(value: str) -> str:
    """A field value as the styles print it: controls stripped (diprefs.controls), white space
    collapsed."""
    if not value:
        return ""
    if value.isprintable() and "  " not in value:  # the common case: nothing to strip
        return value.strip()
    return _SPACES.sub(" ", strip_controls(value)).strip()


def plain(text: str, italic: bool = False) -> Styled:
    return ((text, italic),) if text else ()


def italic(styled: Styled) -> Styled:
    return tuple((t, True) for t, _ in styled)


def _trim(left: Styled, delim: str) -> str:
    """The delimiter to put after ``left``: its leading mark dropped when ``left`` has one."""
    if not delim or not left:
        return delim
    end = left[-1][0][-1]
    first = delim[0]
    if first == "." and end in _STOPS:
        return delim[1:]
    if first in ",;:" and end == first:
        return delim[1:]
    if first == " " and end == " ":
        return delim.lstrip(" ")
    return delim


def join(parts: list[Styled], delim: str) -> Styled:
    """Join non-empty pieces with ``delim``, never doubling a full stop, comma or space."""
    out: list[Span] = []
    for part in parts:
        if not part:
            continue
        if out:
            sep = _trim(tuple(out[-1:]), delim)
            if sep:
                out.append((sep, False))
        out.extend(part)
    return tuple(out)


def wrap(styled: Styled, prefix: str = "", suffix: str = "") -> Styled:
    """``prefix`` + styled + ``suffix``; a suffix full stop is not doubled."""
    if not styled:
        return ()
    out = list(styled)
    if prefix:
        out.insert(0, (prefix, False))
    if suffix:
        sep = _trim(styled, suffix)
        if sep:
            out.append((sep, False))
    return tuple(out)


def merge(styled: Styled) -> Styled:
    """Adjacent spans with the same style merged (fewer runs in HTML, LaTeX and Word)."""
    out: list[Span] = []
    for text, flag in styled:
        if out and out[-1][1] == flag:
            out[-1] = (out[-1][0] + text, flag)
        elif text:
            out.append((text, flag))
    return tuple(out)
