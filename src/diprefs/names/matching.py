"""When a printed name joins a known scholar: the import's rule, and an index that applies it fast.

A printed name joins an existing scholar only when its family name matches one of the scholar's
variants through the transliteration match key (Жураев = Juraev = Joʻrayev) and its given names are
compatible with that variant's (initials agree with full names, nothing contradicts), with at least
one full given name agreeing, or when the printed form already is a known variant. Anything weaker
(initials only, an ambiguous match) starts a new scholar; merging is the scholars commands' job.
Organisations join only through a known variant. ``and others`` is never a scholar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from diprefs.model import Name
from diprefs.names.initials import is_initials
from diprefs.names.keys import FOLD_MARKS, fold, match_key
from diprefs.names.parse import OTHERS

_GIVEN_SEPARATORS = str.maketrans({"-": " ", ".": ". "})
_ASCII_FOLD = str.maketrans({".": " ", **dict.fromkeys(c for c in FOLD_MARKS if c.isascii())})


@lru_cache(maxsize=65536)
def quick_fold(text: str) -> str:
    """``keys.fold``, with a fast path for ASCII text (most of a large import); same result.

    Cached: an import folds each title twice (duplicate check, search row)."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_FOLD).lower().split())
    return fold(text)


@lru_cache(maxsize=65536)
def _given_tokens(name: Name) -> tuple[tuple[str, bool], ...]:
    """(match key, is an initial) for each given name and patronymic, in order."""
    text = " ".join(p for p in (name.given, name.patronymic) if p).translate(_GIVEN_SEPARATORS)
    words = ((_key(word), is_initials(word)) for word in text.split())
    return tuple((key, initial) for key, initial in words if key)


def given_keys(name: Name) -> list[str]:
    """Match keys of a name's full given names and patronymic, for the search index: ``search
    Xusanboy`` finds Husanboy and Хусанбой. Initials are left out (one letter finds nothing)."""
    return [key for key, initial in _given_tokens(name) if not initial]


def given_names_agree(printed: Name, known: Name) -> bool:
    """Given names compatible position by position, with at least one full name the same."""
    a, b = _given_tokens(printed), _given_tokens(known)
    full_agreement = False
    for (key_a, initial_a), (key_b, initial_b) in zip(a, b, strict=False):
        if initial_a or initial_b:
            if key_a[:1] != key_b[:1]:
                return False
        elif key_a != key_b:
            return False
        else:
            full_agreement = True
    return full_agreement


@lru_cache(maxsize=131072)
def name_fold(name: Name) -> str:
    """The lookup form of a whole name: 'bjola corneliu' for 'Bjola, Corneliu'."""
    return quick_fold(name.sort_form().replace(",", " "))


@lru_cache(maxsize=131072)
def _key(word: str) -> str:
    """``match_key``, cached: the same given and family names recur across a large file."""
    return match_key(word)


def family_key(name: Name) -> str:
    return _key(name.literal or name.family)


@dataclass
class NameIndex:
    """Every stored name in memory, so an import of thousands of names makes no lookups."""

    #: exact parts -> names row id
    by_parts: dict[Name, int] = field(default_factory=dict)
    #: folded whole name -> scholar ids having it
    by_fold: dict[str, set[int]] = field(default_factory=dict)
    #: family match key -> (scholar id, variant)
    by_family: dict[str, list[tuple[int, Name]]] = field(default_factory=dict)
    #: scholar id -> its names (for search rows)
    of_scholar: dict[int, list[Name]] = field(default_factory=dict)
    #: exact parts -> the scholar of the first row with them
    scholar_of: dict[Name, int] = field(default_factory=dict)

    def add(self, name_id: int, scholar_id: int | None, name: Name) -> None:
        if scholar_id is None:
            self.by_parts.setdefault(name, name_id)
            return
        if name not in self.by_parts:
            self.by_parts[name] = name_id
            self.scholar_of[name] = scholar_id
        self.by_fold.setdefault(name_fold(name), set()).add(scholar_id)
        if not name.literal:
            self.by_family.setdefault(family_key(name), []).append((scholar_id, name))
        self.of_scholar.setdefault(scholar_id, []).append(name)

    def scholar_for(self, name: Name) -> int | None:
        """The scholar a new printed name joins under the rule above, or None for a new one."""
        if name == OTHERS:
            return None
        exact = self.by_fold.get(name_fold(name), set())
        if len(exact) == 1:
            return next(iter(exact))
        if exact or name.literal:
            return None
        found = {
            scholar_id
            for scholar_id, known in self.by_family.get(family_key(name), ())
            if given_names_agree(name, known)
        }
        return found.pop() if len(found) == 1 else None
