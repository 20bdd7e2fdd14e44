"""Do two spellings' given names fit one person? Position by position, across scripts.

``scholars suggest`` asks this of every pair of scholars that share a family match key. The rule
keeps apart what must stay apart (F. S. Juraev and S. A. Jurayev: F against S) and lets through
what CIS bibliographies do to one name:

- initials against full names ("F. S." fits "Farrukh S."), and extra names on one side ("F." fits
  "F. S."; a Western middle name against a Russian patronymic is not compared);
- Cyrillic against Latin through the transliteration key (Ф. С. = F. S., Игорь = Igor), with the
  initials that transliteration changes: В for W (Вильгельм = Wilhelm), Г for H (Генрих =
  Heinrich), З for S (Зигмунд = Sigmund), Й/Ю/Я for J, Ф for Ph; these only count between
  scripts, never between two Latin (or two Cyrillic) spellings. C and K count as one initial in
  any script: a name that went through Russian comes back with K (Корнелиу Бьола is "K. Byola",
  Corneliu Bjola), and Latin spellings themselves alternate (Konstantin/Constantin, Karl/Carl);
- Latin look-alike letters typed into a Cyrillic name, as text extraction leaves them
  ("Михайлова, A. B." is "Михайлова, А. В.") and the reverse;
- one-letter slips in full names (Zachary/Zahary, Фредерик/Фредрик): a similarity ratio of at
  least ``FUZZY_RATIO`` between the keys counts, but less than an exact agreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from diprefs.model import Name
from diprefs.names.initials import is_initials
from diprefs.names.keys import match_key
from diprefs.names.script import detect_script

#: Two full given names whose keys are at least this similar (0-100) are taken as one name.
FUZZY_RATIO = 80
#: First letters (in key form) that name one initial across scripts: Cyrillic side first.
CROSS_SCRIPT_INITIALS = frozenset({("v", "w"), ("g", "h"), ("z", "s"), ("y", "j"), ("i", "j")})
#: First letters that name one initial whatever the scripts.
SAME_INITIALS = frozenset({("c", "k"), ("k", "c")})
#: Latin capitals and small letters that look like Cyrillic ones, and those Cyrillic letters.
_LATIN_LOOKALIKES = "ABCEHKMOPTXYaceopxy"
_CYRILLIC_LOOKALIKES = "АВСЕНКМОРТХУасеорху"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_SEPARATORS = str.maketrans({"-": " ", ".": ". "})


@dataclass(frozen=True)
class Agreement:
    """How two given-name lists compare. ``conflict``: some position cannot be one name."""

    conflict: bool = False
    initials: int = 0  # positions where an initial fits (the other side initial or full)
    exact: int = 0  # positions where two full names have the same key
    fuzzy: int = 0  # positions where two full names are near (FUZZY_RATIO)

    @property
    def compared(self) -> int:
        return self.initials + self.exact + self.fuzzy


@dataclass(frozen=True)
class _Token:
    key: str
    initial: bool
    script: str


def _repaired(given: str, family_script: str) -> str:
    """Given names with look-alike letters of the other script put back into the family's."""
    script = detect_script(given)
    if family_script == "Cyrl" and script in ("Latn", "mixed"):
        latin = [c for c in given if c.isalpha() and c.isascii()]
        if all(c in _LATIN_LOOKALIKES for c in latin):
            return given.translate(_TO_CYRILLIC)
    if family_script == "Latn" and script in ("Cyrl", "mixed"):
        cyrillic = [c for c in given if c.isalpha() and not c.isascii()]
        if all(c in _CYRILLIC_LOOKALIKES for c in cyrillic):
            return given.translate(_TO_LATIN)
    return given


@lru_cache(maxsize=65536)
def given_tokens(name: Name) -> tuple[_Token, ...]:
    """Each given name and patronymic of ``name`` as (key, is an initial, script)."""
    given = " ".join(p for p in (name.given, name.patronymic) if p)
    given = _repaired(given, detect_script(name.family))
    out = []
    for word in given.translate(_SEPARATORS).split():
        key = match_key(word)
        if key:
            out.append(_Token(key, is_initials(word), detect_script(word)))
    return tuple(out)


def _first(token: _Token) -> str:
    return "f" if token.key.startswith("ph") else token.key[:1]


def _initials_fit(a: _Token, b: _Token) -> bool:
    first_a, first_b = _first(a), _first(b)
    if first_a == first_b or (first_a, first_b) in SAME_INITIALS:
        return True
    if {a.script, b.script} != {"Cyrl", "Latn"}:
        return False
    pair = (first_a, first_b) if a.script == "Cyrl" else (first_b, first_a)
    return pair in CROSS_SCRIPT_INITIALS


def compare_given(a: Name, b: Name) -> Agreement:
    """Compare the given names of ``a`` and ``b`` position by position (see the module doc)."""
    return compare_tokens(given_tokens(a), given_tokens(b))


def compare_tokens(a: tuple[_Token, ...], b: tuple[_Token, ...]) -> Agreement:
    """``compare_given`` on two names' ``given_tokens``, for a caller that compares each name
    with many others."""
    initials = exact = fuzzy = 0
    for x, y in zip(a, b, strict=False):
        if x.initial or y.initial:
            if not _initials_fit(x, y):
                return Agreement(conflict=True)
            initials += 1
        elif x.key == y.key:
            exact += 1
        elif ratio(x.key, y.key) >= FUZZY_RATIO:
            fuzzy += 1
        else:
            return Agreement(conflict=True)
    return Agreement(False, initials, exact, fuzzy)
