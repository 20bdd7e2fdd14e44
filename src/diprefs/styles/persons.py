"""Personal and organisational names in the forms the styles print.

GOST heading "Фамилия, И. О." (7.0.100) or "Фамилия И. О." (7.0.5), statement of responsibility
"И. О. Фамилия", full "Фамилия Имя Отчество" (dissertations), genitive after role phrases; APA
"Family, I. O." with Cyrillic transliterated. Initials come from ``names.initials`` (digraphs kept,
stored initials never re-initialised).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from diprefs.model import Contributor, Name
from diprefs.names.cases import nominative
from diprefs.names.initials import initials
from diprefs.names.parse import UZBEK_PATRONYMIC_WORDS
from diprefs.names.translit import transliterate
from diprefs.styles.declension import genitive
from diprefs.styles.text import clean

#: Any Cyrillic letter (the blocks of ``names.script``), found fast: romanising is per name.
_CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")


def family(name: Name) -> str:
    return clean(name.literal or " ".join(p for p in (name.particle, name.family) if p))


@lru_cache(maxsize=65536)
def _initials(given: str, patronymic: str, lang: str) -> str:
    words = [
        w for w in f"{given} {patronymic}".split() if w.casefold() not in UZBEK_PATRONYMIC_WORDS
    ]
    return initials(" ".join(words), lang)


def name_initials(name: Name, lang: str) -> str:
    return _initials(clean(name.given), clean(name.patronymic), lang)


def _with_suffix(text: str, name: Name) -> str:
    return f"{text}, {clean(name.suffix)}" if name.suffix else text


def inverted(name: Name, lang: str, comma: bool = True) -> str:
    """Heading form: "Фамилия, И. О." (``comma=False``: "Фамилия И. О."); literals as written."""
    if name.literal:
        return clean(name.literal)
    inits = name_initials(name, lang)
    if not inits:
        return family(name)
    return _with_suffix(f"{family(name)}{',' if comma else ''} {inits}", name)


def direct(name: Name, lang: str, gender: str = "", case: str = "nom") -> str:
    """SoR form "И. О. Фамилия"; ``case="gen"`` declines the surname (stored genitive wins)."""
    if name.literal:
        return clean(name.literal)
    if case == "gen" and name.genitive:
        return clean(name.genitive)
    surname = family(name)
    if case == "gen" and lang == "ru":
        surname = " ".join(
            filter(None, (clean(name.particle), genitive(clean(name.family), gender)))
        )
    inits = name_initials(name, lang)
    text = f"{inits} {surname}" if inits else surname
    return _with_suffix(text, name)


def full(name: Name) -> str:
    """ "Белозеров Иван Валентинович": surname first, given names in full (dissertations)."""
    if name.literal:
        return clean(name.literal)
    return clean(" ".join(p for p in (family(name), name.given, name.patronymic) if p))


def romanised(text: str, scheme: str, lang: str = "") -> str:
    """Cyrillic text in Latin letters: an Uzbek Cyrillic work (or text with Uzbek letters) by the
    Uzbek 1995 rules, anything else by ``scheme``; Latin text unchanged."""
    if not text or not _CYRILLIC.search(text):
        return text
    if lang == "uz-Cyrl" or any(ch in "ўқғҳЎҚҒҲ" for ch in text):
        return transliterate(text, "uz-cyrl-latn")
    return transliterate(text, scheme)


def apa(
    name: Name, scheme: str, lang: str, initials_first: bool = False, comma: bool = True
) -> str:
    """APA "Family, I. O." (``initials_first``: "I. O. Family"; ``comma=False``: "Family I. O.",
    the English References list), romanised when Cyrillic."""
    if name.literal:
        return romanised(clean(name.literal), scheme, lang)
    surname = romanised(family(name), scheme, lang)
    inits = romanised(name_initials(name, lang), scheme, lang)
    if not inits:
        return surname
    text = f"{inits} {surname}" if initials_first else f"{surname}{',' if comma else ''} {inits}"
    return _with_suffix(text, name)


def as_printed(contributor: Contributor, gender: str = "") -> Name:
    """The name an APA-like list prints: an editor's or translator's surname that a file made
    for biblatex-gost wrote in the genitive ("под ред. М. С. Козловой") back in the nominative."""
    name = contributor.name
    if contributor.role == "author" or name.literal:
        return name
    family = nominative(name.family, gender)
    return name if family == name.family else replace(name, family=family)
