"""LaTeX text: a value escaped so that LaTeX prints it as written and the BibTeX reader
(pylatexenc) reads it back unchanged. ``format --to latex`` and the BibTeX writer both use it.

Specials become commands (``&`` -> ``\\&``, ``\\`` -> ``\\textbackslash{}``), and the pairs TeX
joins into other characters are kept apart with ``{}``: ``--`` (an en dash), ``''`` and two
backticks (curly quotes), ``!`` and ``?`` before a backtick (¡, ¿). Control and bidi control
characters are stripped first (``diprefs.controls``).
"""

from __future__ import annotations

import re

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
_LIGATURES = re.compile(r"(?<=-)(?=-)|(?<=')(?=')|(?<=`)(?=`)|(?<=[?!])(?=`)")


def escape(text: str) -> str:
    """``text`` as LaTeX text (see the module doc)."""
    text = strip_controls(text).translate(_SPECIALS)
    if "-" in text or "'" in text or "`" in text:
        text = _LIGATURES.sub("{}", text)
    return text
