"""Renderers: a list of StyledText references as plain text, Markdown, HTML or LaTeX.

Templates never know the output format; each renderer escapes what its format needs, so a title
holding ``<``, ``&``, ``%``, ``_`` or ``{`` comes out safe, and strips control and bidi control
characters (``diprefs.controls``) from every span it writes, whatever path the text took.
Numbered lists (GOST) and unnumbered ones (APA) differ only in the wrapping.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from diprefs.controls import strip_controls
from diprefs.latex import escape as latex_escape
from diprefs.styles.text import Styled, merge

#: (citation key, reference); the list is numbered from 1 in this order when the style numbers.
Item = tuple[str, Styled]
#: Section headings: the index of a section's first item -> its heading. Numbering runs on.
Headings = Mapping[int, str]

#: Markdown syntax, what Pandoc's Markdown adds ($ math, ^ superscript, @ citations), and an &
#: that would start an entity ("&amp;" is printed as written, "P & Q" needs nothing).
#: CommonMark lets a backslash escape any ASCII punctuation.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$^@]|&(?=#?[0-9A-Za-z]+;))")
#: What would start a list or a heading at the start of a line.
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([#+-])")
#: What a \bibitem key cannot hold: it would end the key, start a comment, or be a command.
_LATEX_KEY_UNSAFE = re.compile(r"[\s{}%#\\~^&$,]")


def plain_text(styled: Styled) -> str:
    """The text without styles: what a pipe, a file or a comparison sees."""
    return strip_controls("".join(t for t, _ in styled))


def markdown(styled: Styled) -> str:
    out = []
    for text, italic in merge(styled):
        escaped = _MD_SPECIAL.sub(r"\\\1", strip_controls(text))
        if italic:
            inner = escaped.strip()
            lead = escaped[: len(escaped) - len(escaped.lstrip())]
            trail = escaped[len(escaped.rstrip()) :]
            escaped = f"{lead}*{inner}*{trail}" if inner else escaped
        out.append(escaped)
    text = "".join(out)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def html_text(styled: Styled) -> str:
    return "".join(f"<i>{_html(t)}</i>" if italic else _html(t) for t, italic in merge(styled))


def _html(text: str) -> str:
    return html.escape(strip_controls(text))


def latex_key(key: str) -> str:
    """A citation key as ``\\bibitem`` can take it: white space, braces, ``%``, ``#``, ``\\`` and
    the other specials become ``-`` (no ``\\cite`` could name such a key anyway)."""
    return _LATEX_KEY_UNSAFE.sub("-", strip_controls(key))


def latex(styled: Styled) -> str:
    return "".join(
        f"\\textit{{{latex_escape(t)}}}" if italic else latex_escape(t)
        for t, italic in merge(styled)
    )


def text_list(items: Sequence[Item], numbered: bool, headings: Headings | None = None) -> str:
    """One reference per line; a section's heading on a line of its own after a blank line."""
    lines = []
    for i, (_key, s) in enumerate(items):
        if headings and i in headings:
            lines += [""] * bool(lines) + [headings[i]]
        lines.append(f"{i + 1}. {plain_text(s)}" if numbered else plain_text(s))
    return "".join(line + "\n" for line in lines)


def _sections(items: Sequence[Item], headings: Headings | None):
    """(heading or None, first index, items) per section; one unnamed section without any."""
    starts = sorted({0, *(headings or {})})
    ends = [*starts[1:], len(items)]
    return [((headings or {}).get(a), a, items[a:b]) for a, b in zip(starts, ends, strict=True)]


def markdown_list(items: Sequence[Item], numbered: bool, headings: Headings | None = None) -> str:
    blocks = []
    for heading, first, part in _sections(items, headings):
        if numbered:
            body = "".join(f"{i}. {markdown(s)}\n" for i, (_k, s) in enumerate(part, first + 1))
        else:
            body = "\n".join(f"{markdown(s)}\n" for _k, s in part)
        blocks.append(f"### {markdown(((heading, False),))}\n\n{body}" if heading else body)
    return "\n".join(blocks)


def html_list(
    items: Sequence[Item],
    numbered: bool,
    standalone: bool = False,
    lang: str = "ru",
    headings: Headings | None = None,
):
    body = ""
    for heading, first, part in _sections(items, headings):
        if heading:
            body += f'<h2 class="references-section">{_html(heading)}</h2>\n'
        if numbered:
            start = f' start="{first + 1}"' if first else ""
            body += f'<ol class="references"{start}>\n'
            body += "".join(f"  <li>{html_text(s)}</li>\n" for _k, s in part)
            body += "</ol>\n"
        else:
            body += '<div class="references">\n'
            body += "".join(f"  <p>{html_text(s)}</p>\n" for _k, s in part)
            body += "</div>\n"
    if not standalone:
        return body
    title = {"ru": "Список литературы", "uz": "Adabiyotlar roʻyxati"}.get(lang, "References")
    indent = (
        ""
        if numbered
        else (".references p { padding-left: 0.5in; text-indent: -0.5in; line-height: 2; }\n")
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\nbody {{ font-family: 'Times New Roman', serif;"
        f" max-width: 48em; margin: 2em auto; }}\n{indent}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n{body}</body>\n</html>\n"
    )


def latex_list(
    items: Sequence[Item],
    numbered: bool,
    standalone: bool = False,
    lang: str = "ru",
    headings: Headings | None = None,
):
    """A ``thebibliography``; a section heading is an unnumbered ``\\item[]``, so the numbers
    of the ``\\bibitem``s run on."""
    widest = str(len(items)) if numbered else "0"
    lines = [f"\\begin{{thebibliography}}{{{widest}}}"]
    for i, (key, s) in enumerate(items):
        if headings and i in headings:
            lines.append(f"\\item[] \\textbf{{{latex_escape(headings[i])}}}")
        label = "" if numbered else "[]"
        lines.append(f"\\bibitem{label}{{{latex_key(key)}}} {latex(s)}")
    lines.append("\\end{thebibliography}")
    body = "\n".join(lines) + "\n"
    if not standalone:
        return body
    babel = {"ru": "russian,english", "uz": "english,russian"}.get(lang, "russian,english")
    return (
        "\\documentclass{article}\n\\usepackage{fontspec}\n"
        "\\setmainfont{Times New Roman}\n"
        f"\\usepackage[{babel}]{{babel}}\n\\begin{{document}}\n{body}\\end{{document}}\n"
    )
