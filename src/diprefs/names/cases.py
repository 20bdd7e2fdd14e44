"""Russian surnames written in the genitive, as files made for biblatex-gost write editors.

biblatex-gost prints the name after "под ред." or "пер." as the file spells it, so its users write
those names in the genitive: "Козловой, М. С." for Козлова, "Грязнова, А. Ф." for Грязнов,
"Достоевского" for Достоевский. Some endings only a genitive has (-овой, -ского); a file whose
editor and translator lists hold two such surnames writes them all so, and there -ова is a man's
genitive too (Грязнова: Грязнов), as -ской is a woman's (Достоевской: Достоевская) and a
consonant with -а a man's (Черняка: Черняк).
"""

from __future__ import annotations

import re

#: Any Cyrillic letters (Russian and Uzbek), with hyphens: a surname these rules apply to.
CYRILLIC_SURNAME = re.compile("^[А-Яа-яЁёЎўҚқҒғҲҳ-]+$")

#: Endings only a genitive has, each with its nominative and the gender it implies. A nominative
#: in -овой (Луговой) is rarer; a gender on record says which it is.
GENITIVE_ONLY = (
    ("овой", "ова", "f"),
    ("евой", "ева", "f"),
    ("ёвой", "ёва", "f"),
    ("иной", "ина", "f"),
    ("ыной", "ына", "f"),
    ("ского", "ский", "m"),
    ("цкого", "цкий", "m"),
)
#: In a file that writes genitives: endings a nominative has as well, read as genitives.
_IN_A_GENITIVE_FILE = (
    ("ова", "ов", "m"),
    ("ева", "ев", "m"),
    ("ёва", "ёв", "m"),
    ("ина", "ин", "m"),
    ("ына", "ын", "m"),
    ("ской", "ская", "f"),
    ("цкой", "цкая", "f"),
)
#: A surname with an ending only a genitive has, somewhere in a name list.
GENITIVE_ONLY_WORD = re.compile(
    r"[А-Яа-яЁё]+(?:" + "|".join(ending for ending, _, _ in GENITIVE_ONLY) + r")\b"
)


#: In a file that writes genitives: a consonant and -а is a man's genitive (Черняка: Черняк).
_CONSONANT_A = re.compile("[бвгджзклмнпрстфхцчшщ]а$")


def nominative(family: str, gender: str = "", genitive_file: bool = False) -> str:
    """The nominative of a surname written in the genitive (Козловой: Козлова, Достоевского:
    Достоевский); with ``genitive_file``, -ова, -ской and a consonant with -а read as genitives
    too (Грязнова: Грязнов, Черняка: Черняк). Anything else comes back unchanged, and so does an
    ending that a gender on record contradicts (a man named Луговой)."""
    if not family or not CYRILLIC_SURNAME.match(family):
        return family
    return "-".join(_part(part, gender, genitive_file) for part in family.split("-"))


def _part(word: str, gender: str, genitive_file: bool) -> str:
    low = word.casefold()
    for ending, nominative_ending, implied in (
        GENITIVE_ONLY + _IN_A_GENITIVE_FILE if genitive_file else GENITIVE_ONLY
    ):
        if low.endswith(ending):
            if gender not in ("", implied):
                return word
            stem = word[: -len(ending)]
            return stem + (nominative_ending.upper() if word.isupper() else nominative_ending)
    if genitive_file and gender != "f" and _CONSONANT_A.search(low):
        return word[:-1]
    return word
