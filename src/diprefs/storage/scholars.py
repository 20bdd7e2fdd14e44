"""Scholars and their names (every variant, in every script) in the ``names`` table."""

from __future__ import annotations

import datetime as dt
import re
from operator import attrgetter
from typing import Any

from sqlite_utils import Database

from diprefs.model import Name, Scholar
from diprefs.names.keys import fold, match_key
from diprefs.names.matching import NameIndex, family_key, name_fold
from diprefs.names.parse import OTHERS
from diprefs.names.script import detect_script
from diprefs.storage.search import _fits_given as fits_given

#: Where a typed name splits into words: spaces, commas, dots ("F.S." is two initials).
_WORD_SPLIT = re.compile(r"[\s,.]+")

_NAME_PARTS = ("family", "given", "particle", "suffix", "patronymic", "literal", "genitive")
_parts_of = attrgetter(*_NAME_PARTS)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _script(text: str) -> str:
    """``detect_script``, with a fast path for ASCII (letters there are Latin)."""
    if text.isascii():
        return "Latn" if any(c.isalpha() for c in text) else ""
    return detect_script(text)


#: The ``names`` columns a name fills, in the order ``name_values`` gives them.
NAME_VALUE_COLUMNS = (*_NAME_PARTS, "script", "fold", "match_key")


def name_values(name: Name) -> tuple[Any, ...]:
    """The ``NAME_VALUE_COLUMNS`` of a name (a tuple: an import makes thousands)."""
    return (
        *[part or None for part in _parts_of(name)],
        _script(name.sort_form()) or None,
        name_fold(name),
        family_key(name),
    )


def name_row(name: Name) -> dict[str, Any]:
    return dict(zip(NAME_VALUE_COLUMNS, name_values(name), strict=True))


def name_from_row(row: dict[str, Any]) -> Name:
    return Name(**{part: row[part] or "" for part in _NAME_PARTS})


def load_name_index(db: Database) -> NameIndex:
    """Every stored name, for an import to match printed names against without queries."""
    index = NameIndex()
    columns = ", ".join(_NAME_PARTS)
    for row in db.execute(f"SELECT id, scholar_id, {columns} FROM names ORDER BY id"):
        index.add(row[0], row[1], Name(*(part or "" for part in row[2:])))
    return index


def add_name(db: Database, name: Name, scholar_id: int | None, canonical: bool = False) -> int:
    row = {**name_row(name), "scholar_id": scholar_id, "canonical": int(canonical)}
    return db["names"].insert(row).last_pk


def add_scholar(db: Database, scholar: Scholar) -> int:
    """Insert a scholar with its canonical name and variants; returns its id."""
    scholar_id = (
        db["scholars"]
        .insert(
            {
                "kind": scholar.kind,
                "gender": scholar.gender or None,
                "affiliation": scholar.affiliation or None,
                "country": scholar.country or None,
                "orcid": scholar.orcid or None,
                "note": None,
                "created_at": _now(),
            }
        )
        .last_pk
    )
    add_name(db, scholar.name, scholar_id, canonical=True)
    for variant in scholar.variants:
        add_name(db, variant, scholar_id)
    return scholar_id


def name_for(db: Database, name: Name) -> int:
    """The ``names`` row for a printed name, joining a scholar that knows this exact variant.

    A name already stored (same parts) is reused; a name equal to a known variant of exactly one
    scholar joins that scholar as a new row; anything else starts a new scholar. ``and others`` is
    never a scholar.
    """
    key = name_fold(name)
    rows = list(db.query("SELECT * FROM names WHERE fold = ?", [key]))
    for row in rows:
        if name_from_row(row) == name:
            return row["id"]
    scholars = {row["scholar_id"] for row in rows if row["scholar_id"] is not None}
    if name == OTHERS:
        return add_name(db, name, None)
    if len(scholars) == 1:
        return add_name(db, name, scholars.pop())
    kind = "organisation" if name.literal else "person"
    return add_scholar(db, Scholar(name=name, kind=kind)) and _canonical_name_id(db, key)


def _canonical_name_id(db: Database, key: str) -> int:
    row = next(
        db.query("SELECT id FROM names WHERE fold = ? AND canonical = 1 ORDER BY id DESC", [key])
    )
    return row["id"]


def scholar_for_variant(db: Database, name: Name) -> int | None:
    """The one scholar who has ``name`` as canonical name or variant (exact, folded)."""
    ids = {
        row["scholar_id"]
        for row in db.query(
            "SELECT scholar_id FROM names WHERE fold = ? AND scholar_id IS NOT NULL",
            [name_fold(name)],
        )
    }
    return ids.pop() if len(ids) == 1 else None


def find_scholars(db: Database, query: str) -> list[int]:
    """Scholars any of whose names match ``query``: a whole name or the family name alone.

    Case, apostrophes, dots and diacritics do not matter ("bjola", "Byola K", "Jo'rayev"). Tiers,
    first hit wins: the whole name exactly; a family name plus fitting given names or initials
    in either order; the same through the transliteration match key (Жураев Ф. С. and
    Joʻrayev F. S. find Juraev, F. S.). Keys are taken from the words as typed, before folding
    drops the apostrophe of Uzbek oʻ; given names fit by fold or by key (Ф. fits F.).
    """
    q = fold(query.replace(",", " "))
    if not q:
        return []
    exact = _scholar_ids(db.query("SELECT * FROM names WHERE fold = ?", [q]))
    if exact:
        return exact
    words = [w for w in _WORD_SPLIT.split(query) if fold(w)]
    keys = sorted({match_key(w) for w in words} - {""})
    if not keys:
        return []
    marks = ", ".join("?" for _ in keys)
    candidates = list(db.query(f"SELECT * FROM names WHERE match_key IN ({marks})", keys))
    by_fold = [r for r in candidates if _compatible(r, words, fold)]
    if by_fold:
        return _scholar_ids(by_fold)
    return _scholar_ids(r for r in candidates if _compatible(r, words, match_key))


def _scholar_ids(rows) -> list[int]:
    return sorted({r["scholar_id"] for r in rows if r["scholar_id"] is not None})


def _compatible(row: dict[str, Any], words: list[str], key) -> bool:
    """True when one word is the row's family name (compared by ``key``) and the rest fit its
    given names (``search``'s rule: by fold or by transliteration key)."""
    family = row["literal"] or row["family"] or ""
    if " " in fold(family):  # a multi-word family or organisation must be given whole
        return False
    for i, word in enumerate(words):
        if key(word) == key(family):
            rest = words[:i] + words[i + 1 :]
            return not rest or fits_given(name_from_row(row), rest)
    return False


def scholar_names(db: Database, scholar_id: int) -> tuple[Name, list[Name]]:
    """(canonical name, other variants in insertion order, without duplicates)."""
    canonical: Name | None = None
    variants: list[Name] = []
    for row in db.query(
        "SELECT * FROM names WHERE scholar_id = ? ORDER BY canonical DESC, id", [scholar_id]
    ):
        name = name_from_row(row)
        if row["canonical"]:
            canonical = name
        elif name not in variants and name != canonical:
            variants.append(name)
    if canonical is None:  # every scholar is written with one; keep reads total anyway
        canonical = variants.pop(0) if variants else Name()
    return canonical, variants


def all_name_candidates(db: Database) -> list[str]:
    """Every stored name as 'Family, Given', for 'did you mean' suggestions."""
    return [
        name_from_row(r).sort_form()
        for r in db.query("SELECT * FROM names WHERE scholar_id IS NOT NULL")
    ]
