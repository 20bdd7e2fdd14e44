"""LaTeX text both ways: a value escaped so that LaTeX prints it as written (``escape``: used by
``format --to latex`` and the BibTeX writer), and LaTeX read as the text it prints
(``latex_to_text``, with pylatexenc: used by the BibTeX reader and the manuscript reader), so
that the one reads back what the other wrote.

Specials become commands (``&`` -> ``\\&``, ``\\`` -> ``\\textbackslash{}``), and the pairs TeX
joins into other characters are kept apart with ``{}``: ``--`` (an en dash), ``''`` and two
backticks (curly quotes), ``!`` and ``?`` before a backtick (¡, ¿), ``<<`` and ``>>``
(guillemets), and ``"`` before ``-=~<>`` (babel's Russian shorthands). Control and bidi control
characters are stripped first (``diprefs.controls``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from diprefs.controls import strip_controls

_SPECIALS = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)
_LIGATURES = re.compile(
    r"(?<=-)(?=-)|(?<=')(?=')|(?<=`)(?=`)|(?<=[?!])(?=`)|(?<=<)(?=<)|(?<=>)(?=>)"
    r'|(?<=")(?=[-=~<>])'
)


def escape(text: str) -> str:
    """``text`` as LaTeX text (see the module doc)."""
    text = strip_controls(text).translate(_SPECIALS)
    if any(c in text for c in "-'`<>\""):
        text = _LIGATURES.sub("{}", text)
    return text


#: White space BibTeX collapses (a non-breaking space, LaTeX's ~, stays).
_SPACES = re.compile(r"[ \t\r\n]+")


#: Text for macros pylatexenc 2 does not know and would drop: the TeX family's logos (texnames,
#: hologo; "Practical {\\LaTeX}" must not print as "Practical") and punctuation macros.
_TEXT_MACROS = {
    "slash": "/",
    "Dash": "—",
    # biblatex's punctuation commands, which biblatex-gost files use in field values
    "adddot": ".",
    "addperiod": ".",
    "addcomma": ",",
    "addcolon": ":",
    "addsemicolon": ";",
    "addspace": " ",
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2ε",
    "BibTeX": "BibTeX",
    "AmS": "AMS",
    "AMS": "AMS",
    "AmSTeX": "AMS-TeX",
    "AmSLaTeX": "AMS-LaTeX",
    "eTeX": "e-TeX",
    "pdfTeX": "pdfTeX",
    "pdfLaTeX": "pdfLaTeX",
    "XeTeX": "XeTeX",
    "XeLaTeX": "XeLaTeX",
    "LuaTeX": "LuaTeX",
    "LuaLaTeX": "LuaLaTeX",
    "ConTeXt": "ConTeXt",
    "METAFONT": "METAFONT",
    "MF": "METAFONT",
    "MP": "MetaPost",
    "SliTeX": "SliTeX",
}


#: Macros that print nothing, argument and all. ``\\noopsort{a}`` is BibTeX's idiom for sorting
#: (btxdoc defines it in @preamble as a macro that drops its argument).
_HIDDEN = ("phantom", "vphantom", "hphantom", "label", "index", "noopsort", "SortNoop", "isdot")


@lru_cache(maxsize=1)
def _latex_decoder() -> Callable[[str], str]:
    """pylatexenc's decoder, with ``\\textasciicircum`` read as the caret it prints (pylatexenc
    gives the modifier letter U+02C6, which would not export back as the same character), the
    TeX logos as their names, and no text lost to a macro it does not know."""
    from pylatexenc import latexwalker, macrospec
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db()
    macros = [MacroTextSpec("textasciicircum", simplify_repl="^")]
    macros += [MacroTextSpec(name, simplify_repl=text) for name, text in _TEXT_MACROS.items()]
    macros += [MacroTextSpec(name, discard=True) for name in _HIDDEN]
    context.add_context_category("diprefs", prepend=True, macros=macros)
    # A macro pylatexenc has no text for gives the text of its arguments, not nothing:
    # "\\texttt{biblatex} package" is "biblatex package", not " package".
    context.set_unknown_macro_spec(MacroTextSpec("", discard=False))
    # The parser must know which of them take an argument, to drop it with the macro.
    parsing = latexwalker.get_default_latex_context_db()
    takes_one = [macrospec.MacroSpec(name, "{") for name in ("noopsort", "SortNoop")]
    parsing.add_context_category("diprefs", prepend=True, macros=takes_one)
    decoder = LatexNodes2Text(latex_context=context, strict_latex_spaces=True)

    def decode(value: str) -> str:
        walker = latexwalker.LatexWalker(value, latex_context=parsing, tolerant_parsing=True)
        return decoder.nodelist_to_text(walker.get_latex_nodes()[0])

    return decode


def _decoded(value: str) -> Iterator[str]:
    """pylatexenc's text for ``value``, computed in a generator's frame (``next`` gets it).

    pylatexenc's parser ends every value by catching an end-of-stream exception and keeping it
    in a local: a reference cycle through the exception's traceback. In CPython a frame that
    outlives its call keeps its caller's frame, and so on up the stack, so a call made straight
    from the import would keep everything the import's frames hold (the whole parsed file)
    until a full collection. A finished generator's frame has no caller: the chain ends here.
    """
    yield _latex_decoder()(value)


#: babel's Russian shorthands, which pylatexenc does not know: ``"---`` a dash, ``"=`` and ``"~``
#: a hyphen that may break, ``"<`` ``">`` guillemets.
_BABEL = re.compile(r'"(---|--|[=~<>])')
_BABEL_TEXT = {"---": "---", "--": "--", "=": "-", "~": "-", "<": "«", ">": "»"}


@lru_cache(maxsize=131072)
def latex_to_text(value: str) -> str:
    """LaTeX to Unicode; braces that only protect case are dropped; a run of white space (a line
    break included) is one space, as BibTeX reads it. TeX's ligatures are what they print:
    ``--`` and ``---`` dashes, two backquotes and two apostrophes curly quotes, ``<<`` ``>>``
    guillemets (T1 and T2A fonts); so are babel's Russian shorthands (``Историко"=философские``)."""
    if '"' in value:
        value = _BABEL.sub(lambda found: _BABEL_TEXT[found.group(1)], value)
    if "<<" in value or ">>" in value:
        value = value.replace("<<", "«").replace(">>", "»")
    if "\\" in value or "$" in value or "~" in value:
        value = next(_decoded(value))
    else:  # the ligatures before the braces go: "-{}-" is two hyphens, as in TeX
        if "--" in value:
            value = value.replace("---", "—").replace("--", "–")
        if "``" in value or "''" in value:
            value = value.replace("``", "“").replace("''", "”")
        value = value.replace("{", "").replace("}", "")
    return _SPACES.sub(" ", value).strip(" ")
