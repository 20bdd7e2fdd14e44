"""Parse names written in BibTeX/BibLaTeX syntax into ``Name`` parts.

bibtexparser's splitter functions do the BibTeX name grammar (von, Jr, braces, ``and``); this module
adds what CIS data needs on top: BibLaTeX's extended name format (``family=..., given=...``),
patronymics split from given names (Russian -ович/-овна, Uzbek "Zafarjon ugli"), and organisations
written in braces kept whole as ``literal``. A name the grammar cannot take is kept as printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from diprefs.model import Name

#: The ``and others`` marker: kept as a name so styles print "et al." and exports write it back.
OTHERS = Name(literal="others")


def is_others(name: Name) -> bool:
    """``name == OTHERS``, without comparing seven parts for every other name (an import asks
    for each new name)."""
    return name.literal == "others" and name == OTHERS


_EXTENDED_KEYS = {
    "family": "family",
    "given": "given",
    "prefix": "particle",
    "suffix": "suffix",
    "patronymic": "patronymic",
}
_EXTENDED_RE = re.compile(r"^\s*(?:family|given|prefix|suffix|patronymic|[a-z-]+-i)\s*=", re.I)

#: Uzbek patronymic markers written as a separate word after the father's name ("Zafarjon ugli"):
#: part of the patronymic here, never an initial in the styles (``styles.persons``).
UZBEK_PATRONYMIC_WORDS = frozenset(
    {
        "ugli",
        "o'g'li",
        "oʻgʻli",
        "o‘g‘li",
        "ogli",
        "o'gli",
        "qizi",
        "kizi",
        "угли",
        "ўғли",
        "оглы",
        "кизи",
        "қизи",
        "кызы",
    }
)
#: Russian-style patronymic endings, Cyrillic and their common Latin spellings.
_PATRONYMIC_END_RE = re.compile(
    r"(ович|евич|ьич|ич|овна|евна|ична|инична|ovich|evich|ovna|evna|ichna)$", re.I
)


def strip_braces(text: str) -> str:
    return text.replace("{", "").replace("}", "").strip()


#: What turns one part of a name as written (``Aks{\i}n``) into its text: braces only protect
#: case, so by default they go; the BibTeX reader passes a LaTeX decoder, which must see the
#: part whole (with its braces stripped first, ``Aks\in`` would read as "Aks∈").
PartDecoder = Callable[[str], str]


def _split_patronymic(given_words: list[str]) -> tuple[str, str]:
    """Split 'Mavlonbek Zafarjon ugli' into ('Mavlonbek', 'Zafarjon ugli')."""
    if len(given_words) >= 3 and given_words[-1].lower() in UZBEK_PATRONYMIC_WORDS:
        return " ".join(given_words[:-2]), " ".join(given_words[-2:])
    if len(given_words) >= 2 and _PATRONYMIC_END_RE.search(given_words[-1]):
        return " ".join(given_words[:-1]), given_words[-1]
    return " ".join(given_words), ""


def _parse_extended(text: str, decode: PartDecoder) -> Name:
    """BibLaTeX's extended name format: ``family=Bjola, given=Corneliu, given-i=K``."""
    parts: dict[str, str] = {}
    for item in re.split(r",\s*(?=[A-Za-z-]+\s*=)", text):
        key, _, value = item.partition("=")
        field = _EXTENDED_KEYS.get(key.strip().lower())
        if field:
            parts[field] = decode(value.strip().strip('"'))
    return Name(**parts)


@lru_cache(maxsize=65536)
def parse_name(text: str, decode: PartDecoder = strip_braces) -> Name:
    """One name, as written between ``and``s; ``decode`` turns each part into text."""
    text = text.strip()
    if not text:
        return Name()
    if text.lower() == "others":
        return OTHERS
    if text.startswith("{") and text.endswith("}") and _balanced_outer(text):
        return Name(literal=decode(text[1:-1]))
    if _EXTENDED_RE.match(text):
        return _parse_extended(text, decode)
    try:
        parts = parse_single_name_into_parts(text, strict=False)
    except Exception:  # the grammar refused: keep the name as printed
        return Name(literal=decode(text))
    given, patronymic = _split_patronymic([decode(w) for w in parts.first])
    return Name(
        family=decode(" ".join(parts.last)),
        given=given,
        particle=decode(" ".join(parts.von)),
        suffix=decode(" ".join(parts.jr)),
        patronymic=patronymic,
    )


def _balanced_outer(text: str) -> bool:
    """True when the first brace closes at the very end ('{A} and {B}' is not one group)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and i < len(text) - 1:
            return False
    return depth == 0


def split_names(text: str) -> list[str]:
    """Split a name list on top-level ``and``, keeping each name as printed."""
    return [n.strip() for n in split_multiple_persons_names(text) if n.strip()]
