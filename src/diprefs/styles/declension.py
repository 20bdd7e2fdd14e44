"""The genitive of Russian surnames, for "под редакцией Ф. С. Жураева" (styles.md §4).

GOST R 7.0.100 prints the name in the case its role phrase governs, as the title page does. Only
surnames decline here (initials do not). The rules are the school-grammar ones: possessive
-ов/-ев/-ин take -а for men and -ой for women, adjectival -ский/-ская take -ого/-ой, a man's
consonant-final surname takes -а (Смит -> Смита) while a woman's stays (Смит), -а/-я take -ы/-и
for both, and surnames in -о, -е, -и, -у, -ю, -ых, -их never decline. The gender comes from the
scholar record; without it, a possessive or adjectival ending tells it, and anything else is left
as written rather than guessed, and so is a surname whose ending only a genitive has (a file
made for biblatex-gost writes editors so). A stored genitive (``Name.genitive``) always wins.
"""

from __future__ import annotations

from diprefs.names.cases import CYRILLIC_SURNAME as _CYRILLIC
from diprefs.names.cases import GENITIVE_ONLY

_FEMININE_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая")
_MASCULINE_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый", "ий")
_HUSHING = "гкхжшщч"
#: Endings only a genitive has (Козловой, Достоевского): see ``names.cases``.
_GENITIVE_ONLY = tuple(ending for ending, _, _ in GENITIVE_ONLY)


def guess_gender(family: str) -> str:
    """ "m" or "f" from a Russian surname's ending; "" when the ending does not tell."""
    low = family.casefold()
    if low.endswith(_FEMININE_ENDINGS):
        return "f"
    if low.endswith(_MASCULINE_ENDINGS):
        return "m"
    return ""


def _one(word: str, gender: str) -> str:
    low = word.casefold()
    if low.endswith(("ых", "их")) or low[-1:] in "оеиуюэы":
        return word
    if gender == "f":
        if low.endswith(("ова", "ева", "ёва", "ина", "ына")):
            return word[:-1] + "ой"
        if low.endswith("ая"):
            return word[:-2] + "ой"
        if low.endswith("а"):
            return word[:-1] + ("и" if low[-2:-1] in _HUSHING else "ы")
        if low.endswith("я"):
            return word[:-1] + "и"
        return word
    if gender != "m":
        return word
    if low.endswith(("ский", "цкий", "ий", "ый", "ой")):
        return word[:-2] + "ого"
    if low.endswith("а"):
        return word[:-1] + ("и" if low[-2:-1] in _HUSHING else "ы")
    if low.endswith(("я", "й", "ь")):
        return word[:-1] + ("и" if low.endswith("я") else "я")
    return word + "а"


def genitive(family: str, gender: str = "") -> str:
    """The genitive of a Cyrillic surname; other scripts and unknown cases come back unchanged.

    A hyphenated surname declines part by part (Петров-Водкин -> Петрова-Водкина).
    """
    if not family or not _CYRILLIC.match(family):
        return family
    if not gender and family.casefold().endswith(_GENITIVE_ONLY):
        return family  # written in the genitive already, as files made for biblatex-gost are
    gender = gender or guess_gender(family.split("-")[-1])
    return "-".join(_one(part, gender) if part else part for part in family.split("-"))
