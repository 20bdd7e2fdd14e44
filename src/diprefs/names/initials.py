"""Initials of given names as GOST and APA lists print them.

Digraph letters keep both characters: Uzbek Latin oʻ and gʻ always ("Gʻ."), Uzbek sh and ch when
the name is known to be Uzbek ("Sh.", because English Charles must stay "C."), and the Russian
Cyrillic дж ("Дж.", Джон). Given names that already are initials are only re-spaced.
"""

import re

from diprefs.names.script import detect_script
from diprefs.names.tables import UZBEK_APOSTROPHES, UZBEK_OKINA

_APOSTROPHE_TO_OKINA = str.maketrans(dict.fromkeys(UZBEK_APOSTROPHES, UZBEK_OKINA))

# A printed initial: one to three letters and a dot ("F.", "Sh.", "Дж.", "Ye.", "Gʻ."), or a
# single letter with no dot ("F", "Gʻ"). An apostrophe may follow each letter (gʻ, oʻ).
_LETTER = rf"[^\W\d_](?<![{UZBEK_APOSTROPHES}])[{UZBEK_APOSTROPHES}]?"
_INITIAL = re.compile(rf"(?:{_LETTER}){{1,3}}\.|{_LETTER}")

_HYPHEN = re.compile(r"\s*-\s*")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


def _parts(given: str) -> list[list[str]]:
    """Split ``given`` into words and each word into its hyphen-joined parts.

    A dot ends a part, so "F.S." and "Sh.D." read like "F. S." and "Sh. D.".
    """
    spaced = _HYPHEN.sub("-", given.replace(".", ". "))
    return [[part for part in word.split("-") if part] for word in spaced.split()]


def _is_initial(part: str) -> bool:
    return _INITIAL.fullmatch(part) is not None


def _respaced(initial: str) -> str:
    """A printed initial in canonical form: capital first, the official ʻ, one dot."""
    letters = initial.rstrip(".").translate(_APOSTROPHE_TO_OKINA)
    return letters[:1].upper() + letters[1:].lower() + "."


def _initial_of(name: str, uzbek: bool) -> str:
    """The initial of one full name part; "" when it has no letter."""
    first = _FIRST_LETTER.search(name)
    if first is None:
        return ""
    name = name[first.start() :]
    head = name[:2].lower()
    latin = detect_script(name[:1]) == "Latn"
    if latin and head[:1] in ("o", "g") and head[1:] and head[1] in UZBEK_APOSTROPHES:
        return name[0].upper() + UZBEK_OKINA + "."
    if latin and uzbek and head in ("sh", "ch"):
        return name[0].upper() + name[1].lower() + "."
    if head == "дж":
        return "Дж."
    return name[0].upper() + "."


def is_initials(given: str) -> bool:
    """True when ``given`` is written as initials only ("F. S.", "F.S.", "F S", "Sh.D.").

    A part counts as an initial when it is one to three letters followed by a dot ("Ye.",
    "Yes.") or a single letter without one.
    """
    parts = [part for word in _parts(given) for part in word]
    return bool(parts) and all(_is_initial(part) for part in parts)


def initials(given: str, lang: str = "") -> str:
    """Initials of ``given``: "Иван Иванович" -> "И. И.", "Jean-Paul" -> "J.-P.".

    Parts that already are initials are kept and re-spaced ("F.S." -> "F. S."), never
    re-initialised. ``lang`` (BCP 47, e.g. "uz", "uz-Latn") only matters for the Uzbek Latin
    digraphs sh and ch, which give "Sh." and "Ch." when it starts with "uz"; oʻ and gʻ give
    "Oʻ." and "Gʻ." whatever the language, with the apostrophe normalised to ʻ (U+02BB).
    """
    uzbek = lang.casefold().startswith("uz")
    words = []
    for word in _parts(given):
        marks = [_respaced(p) if _is_initial(p) else _initial_of(p, uzbek) for p in word]
        words.append("-".join(mark for mark in marks if mark))
    return " ".join(word for word in words if word)
