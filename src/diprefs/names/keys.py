"""Lookup keys that make one scholar findable under every spelling of their name.

The same author reaches a library as Жураев, Juraev (passport), Zhuraev (BGN/PCGN), Jurayev or
Joʻrayev (Uzbek Latin) and Djuraev (French/older English practice). ``fold`` removes what no
lookup should care about (case, diacritics, apostrophes); ``match_key`` further collapses the
spelling drift between the romanisations, so that exact key equality finds the candidates.
The rules and their known misses are in docs/transliteration.md.
"""

import re
import unicodedata

from diprefs.names.tables import UZBEK_APOSTROPHES

# Apostrophes, primes and quote marks that the romanisations use for ʻ, ʼ, ъ and ь:
# ASCII ' ` ", acute ´, modifier primes ʹ ʺ (ALA-LC), ʻ ʼ ʽ (Uzbek), ‘ ’ ‛ “ ” (BGN/PCGN
# prints ’ and ”), and the primes ′ ″.
FOLD_MARKS = "'`\"´ʹʺʻʼʽ‘’‛“”′″"

# fold: the marks vanish and dots become spaces ("F.S." -> "f s").
_FOLD_TABLE = str.maketrans({".": " ", **dict.fromkeys(FOLD_MARKS)})

# Cyrillic -> Latin for keys only (not a standard): each letter goes straight to the form the
# drift rules below settle on, Russian and Uzbek letters alike (ж j, х/ҳ h, қ k, ў u, ц ts).
# ё, ь and ъ depend on position and are handled in _key_latin.
KEY_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ы": "y", "э": "e", "ю": "yu", "я": "ya", "ў": "u", "қ": "k",
    "ғ": "g", "ҳ": "h",
}  # fmt: skip

_CYRILLIC_VOWELS = "аеёиоуыэюяў"

# Uzbek oʻ (any apostrophe) is the letter ў, rendered у/u in Russian: Joʻrayev ~ Жураев.
_UZBEK_O = re.compile(f"o[{re.escape(UZBEK_APOSTROPHES)}]")

# Consonant drift between the romanisations, applied in this order to the folded Latin form.
DRIFT_RULES = (
    (re.compile("shh"), "shch"),  # GOST 7.79 B щ = shh; ICAO/BGN/ALA-LC shch
    (re.compile("dzh|zh|dj"), "j"),  # ж: BGN/ICAO zh, Russian дж dzh, French dj, Uzbek j
    (re.compile("kh|x"), "h"),  # х: kh (ICAO/BGN/ALA-LC), x (Uzbek, GOST B); Uzbek ҳ h
    (re.compile("q"), "k"),  # Uzbek қ q, Russian к k
    (re.compile("cz|tz|c(?=[eiy])"), "ts"),  # ц: ts, GOST B cz/c, German tz
    (re.compile("(?<=[^aeiouy])j(?=[aeiou])"), "y"),  # German/Polish j for й after a consonant
)

_IY_RUN = re.compile("[iy]+")
#: What an ASCII text loses on its way to a key (``fold`` and the letters-and-digits filter).
_ASCII_NON_ALNUM = re.compile("[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Fold ``text`` for case-, diacritic- and apostrophe-insensitive comparison.

    NFKD, combining marks dropped, casefolded, apostrophe-like marks (FOLD_MARKS) dropped,
    dots turned into spaces, whitespace collapsed. Cyrillic stays Cyrillic, but NFKD splits
    й, ё and ў into и, е, у plus a combining mark, so they fold to и, е, у.
    """
    # Marks go before NFKD too: it would split ´ into a space plus a combining accent.
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    text = "".join(char for char in text if not unicodedata.combining(char))
    # ...and after it: compatibility forms such as the fullwidth ＇ only now become marks.
    return " ".join(text.casefold().translate(_FOLD_TABLE).split())


def _key_latin(text: str) -> str:
    """Lower-case Cyrillic -> the key's Latin; other characters pass through."""
    out = []
    for i, char in enumerate(text):
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if char == "ё":
            # ё missing its dots is common in Russian, and ICAO, BGN/PCGN (undotted), ALA-LC
            # give e after consonants (Горбачёв = Горбачев = Gorbachev); Uzbek Ё/ё after a
            # vowel is always written and romanised yo (Ёқубов Yoqubov, Мирзиёев Mirziyoyev).
            out.append("yo" if not prev.isalpha() or prev in _CYRILLIC_VOWELS else "e")
        elif char in "ъь":
            out.append("y" if nxt and nxt in _CYRILLIC_VOWELS else "")  # Бьола = Byola
        else:
            out.append(KEY_CYRILLIC.get(char, char))
    return "".join(out)


def _glide(match: re.Match[str]) -> str:
    """Canonical form of a run of i/y, which the romanisations use interchangeably."""
    start, end = match.span()
    before = match.string[start - 1 : start]
    after = match.string[end : end + 1]
    if after and after in "aeou":
        if before and before in "aeou":
            return ""  # a glide between vowels: Jurayev = Juraev, Mirziyoyev's -oye- = -oe-
        if not before and after == "e":
            return ""  # word-initial Е: Yermakov = Ermakov = Ермаков
        return "y"  # Mariya = Mariia = Maria, Aliyev = Aliev, Vasilyev = Vasiliev
    return "i"  # й and ы before a consonant or at the end: Husanboy = Husanboi, Sergey = Sergei


def match_key(text: str) -> str:
    """A key for a family name (or any word) that survives script and romanisation drift.

    Жураев, Juraev, Jurayev, Joʻrayev, Djuraev, Zhuraev and Dzhuraev all give "juraev".
    Vowels other than i/y are kept, so Manor/Minor, Surma/Sarma and Hanson/Hansen differ.
    Spaces, hyphens and other non-alphanumerics are dropped ("Abdul Aziz" = "Abdulaziz").
    """
    if text.isascii():  # most of a large import: no Cyrillic, nothing for NFC or NFKD to do
        text = _ASCII_NON_ALNUM.sub("", _UZBEK_O.sub("u", text.lower()))
    else:
        text = _UZBEK_O.sub("u", unicodedata.normalize("NFC", text).casefold())
        text = "".join(char for char in fold(_key_latin(text)) if char.isalnum())
    for pattern, replacement in DRIFT_RULES:
        text = pattern.sub(replacement, text)
    return _DOUBLED.sub(r"\1", _IY_RUN.sub(_glide, text))


def name_key(family: str, given: str) -> str:
    """``match_key(family)``, a space, and the given name's first letter in key form.

    The initial goes through ``match_key`` as well, so that Иван and Ivan (И/I), Жасур and
    Jasur (Ж/J) or Ўткир and Oʻtkir (Ў/Oʻ) give the same key; "" when there is no given name.
    """
    return f"{match_key(family)} {match_key(given)[:1]}"
