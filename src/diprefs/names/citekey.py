"""Citation keys for works that arrive without one: ``karimov2021digital``.

The key is the family name of the first contributor (or, with none, the first significant title
word; "work" when there is no title word either), the year (``nd`` when there is none) and the first
significant word of the title, in lower-case ASCII. Russian Cyrillic is romanised by ICAO Doc 9303
(the passport scheme), Uzbek Cyrillic goes through the Uzbek Latin alphabet first; apostrophes (oʻ,
gʻ, the tutuq) are dropped, other letters lose their diacritics. A key already taken gets the first
free suffix a, b, ..., z, aa, ab, ... Examples are in docs/bibtex.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from itertools import count, product
from string import ascii_lowercase

from diprefs.model import Work
from diprefs.names.translit import transliterate

#: Words that never make a key: articles, prepositions and conjunctions of the three languages.
STOP_WORDS = frozenset(
    " ".join(
        (
            "a an the of on in at to for and or with from by about into as is are",
            "и в во на о об от по к ко с со для из за при до у или а но как что это",
            "va bilan uchun haqida ham yoki",
        )
    ).split()
)
#: Letters only Uzbek Cyrillic has: a text with one of them is Uzbek, not Russian.
UZBEK_CYRILLIC = frozenset("ўқғҳЎҚҒҲ")
_WORD = re.compile(r"[^\W_]+(?:['ʻʼ’‘`][^\W_]+)*")
_YEAR = re.compile(r"-?\d{4}")


def to_ascii(text: str, uzbek: bool = False) -> str:
    """Lower-case ASCII letters and digits of ``text``, romanised as the key needs."""
    if uzbek or any(char in UZBEK_CYRILLIC for char in text):
        text = transliterate(text, "uz-cyrl-latn")
    text = transliterate(text, "icao")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text.lower() if c.isascii() and c.isalnum())


def first_word(title: str, uzbek: bool = False) -> str:
    """The first title word that is not a stop word and has an ASCII form."""
    for match in _WORD.finditer(title):
        word = match.group()
        if word.casefold() in STOP_WORDS:
            continue
        ascii_word = to_ascii(word, uzbek)
        if ascii_word:
            return ascii_word
    return ""


def base_key(work: Work) -> str:
    """The key before uniqueness: family + year + title word (see the module doc)."""
    uzbek = work.language.lower().startswith("uz")
    title_word = first_word(work.title, uzbek)
    family = ""
    for contributor in work.contributors:
        name = contributor.name
        family = to_ascii(name.family or name.literal, uzbek)
        if family:
            break
    year = _YEAR.search(work.issued or "")
    head = family or title_word or "work"
    return f"{head}{year.group().lstrip('-') if year else 'nd'}{title_word}"


def _suffixes():
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield "".join(letters)


def unique_key(base: str, taken: Container[str]) -> str:
    """``base`` itself when free, else ``base`` + a, b, c, ... (the first free one)."""
    if base not in taken:
        return base
    return next(base + s for s in _suffixes() if base + s not in taken)
