"""Is an incoming work already in the library? Exact duplicates and near ones.

Exact: the same key, the same DOI (case and resolver prefix ignored) or the same ISBN (hyphens
ignored, ISBN-10 read as its ISBN-13) between two works that are whole books, reports or theses (a
chapter or a conference paper carries the ISBN of the volume it is in). Near: a title at least
``NEAR_RATIO`` similar (rapidfuzz, on folded titles) among works with the same year and the same
first-author match key, so the comparison is blocked and an import stays linear. Everything is held
in memory for one import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from sqlite_utils import Database

from diprefs.model import Work
from diprefs.names.matching import family_key, quick_fold

NEAR_RATIO = 90
#: Types whose ISBN names the work itself (not the volume it appears in).
ISBN_TYPES = frozenset({"book", "report", "thesis", "pamphlet", "standard", "periodical"})
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_PUNCTUATION = re.compile(r"[^\w\s]")


@lru_cache(maxsize=1)
def _rapidfuzz() -> tuple[ModuleType, ModuleType]:
    """rapidfuzz's scorers, imported once when a first title needs comparing."""
    from rapidfuzz import fuzz, process

    return fuzz, process


def norm_doi(doi: str) -> str:
    return _DOI_PREFIX.sub("", doi.strip()).lower()


def norm_isbn(isbn: str) -> str:
    """ISBN-13 digits of the first ISBN in ``isbn``; "" when it has none."""
    digits = re.sub(r"[^0-9Xx]", "", isbn.split(",")[0].split(";")[0]).upper()
    if len(digits) == 10:
        core = "978" + digits[:9]
        check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(core)) % 10) % 10
        return core + str(check)
    return digits if len(digits) == 13 else ""


@lru_cache(maxsize=65536)
def norm_title(title: str) -> str:
    """A title folded, without punctuation; cached, and asked only when a block has two titles."""
    return " ".join(_PUNCTUATION.sub(" ", quick_fold(title)).split())


@dataclass(frozen=True)
class Existing:
    id: int
    key: str
    reason: str  # "same key", "same DOI as KEY", "same ISBN as KEY"
    #: the duplicate is an entry read earlier in this same import
    earlier: bool = False


@dataclass
class DuplicateFinder:
    keys: dict[str, int] = field(default_factory=dict)
    dois: dict[str, tuple[int, str]] = field(default_factory=dict)
    isbns: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: ids of the works added by this import (``add``)
    added: set[int] = field(default_factory=set)
    #: (year, first-author key) -> ([titles], [their keys]); a title is normalised only when
    #: another work falls into its block, which most never do
    blocks: dict[tuple[str, str], tuple[list[str], list[str]]] = field(default_factory=dict)
    #: works added (``add``) whose titles are not yet in ``blocks``, and whether to check them
    queued: list[tuple[Work, bool]] = field(default_factory=list)

    @classmethod
    def load(cls, db: Database) -> DuplicateFinder:
        finder = cls()
        for row in _stored(db):
            finder._add(*row)
        return finder

    def _add(self, wid, key, doi, isbn, title, year, author_key) -> None:
        self._exact(wid, key, doi, isbn)
        self._titled(key, title, (year, author_key or ""))

    def _exact(self, wid: int, key: str, doi: str, isbn: str) -> None:
        self.keys[key] = wid
        if doi and norm_doi(doi):
            self.dois.setdefault(norm_doi(doi), (wid, key))
        if isbn and norm_isbn(isbn):
            self.isbns.setdefault(norm_isbn(isbn), (wid, key))

    def _titled(self, key: str, title: str, block: tuple[str, str]) -> None:
        if title:
            titles, keys = self.blocks.setdefault(block, ([], []))
            titles.append(title)
            keys.append(key)

    def add(self, work: Work, wid: int, *, check_near: bool = False) -> None:
        """Remember a work of this import, so later entries are compared with it too.

        Its title joins the near-duplicate blocks only in ``near_duplicates``, which also compares
        it with the titles before it when ``check_near``: the exact checks cannot wait, the
        fuzzy ones can, and a large import runs them in a second process (``services.transfer``).
        """
        self.added.add(wid)
        isbn = work.isbn if work.type in ISBN_TYPES else ""
        self._exact(wid, work.key, work.doi, isbn)
        self.queued.append((work, check_near))

    def near_duplicates(self) -> list[tuple[str, list[str]]]:
        """(key, keys of works with nearly the same title, year and first author) of each work
        added with ``check_near``, compared with the works stored and added before it."""
        out = []
        for work, check_near in self.queued:
            year = _YEAR.search(work.issued)
            author = next((c.name for c in work.contributors if c.role == "author"), None)
            block = (year.group() if year else "", "" if author is None else family_key(author))
            if check_near:
                found = self._near(work.title, block)
                if found:
                    out.append((work.key, found))
            self._titled(work.key, work.title, block)
        self.queued = []
        return out

    def duplicate_of(self, work: Work) -> Existing | None:
        if work.key in self.keys:
            wid = self.keys[work.key]
            return Existing(wid, work.key, "same key", wid in self.added)
        for value, table, what, norm in (
            (work.doi, self.dois, "DOI", norm_doi),
            (work.isbn if work.type in ISBN_TYPES else "", self.isbns, "ISBN", norm_isbn),
        ):
            found = table.get(norm(value)) if value else None
            if found:
                return Existing(
                    found[0], found[1], f"same {what} as {found[1]}", found[0] in self.added
                )
        return None

    def _near(self, title: str, block: tuple[str, str]) -> list[str]:
        titles, keys = self.blocks.get(block, ((), ()))
        title = norm_title(title) if titles and title else ""
        if not title:  # an empty title (or one of punctuation only) is near nothing
            return []
        fuzz, process = _rapidfuzz()
        found = process.extract(
            title,
            [norm_title(t) for t in titles],
            scorer=fuzz.ratio,
            score_cutoff=NEAR_RATIO,
            limit=None,
        )
        return [keys[index] for _, _, index in sorted(found, key=lambda f: f[2])]


def _stored(db: Database) -> Iterator[tuple[int, str, str, str, str, str, str]]:
    """(id, key, DOI, ISBN of a whole book/report/thesis, title, year, first-author match key)
    of every work, in the order stored."""
    for wid, key, doi, isbn, title, year, author_key in db.execute(
        "SELECT w.id, w.key, w.doi, CASE WHEN w.type IN (SELECT value FROM json_each(?))"
        " THEN w.isbn END, w.title, d.year, n.match_key FROM works w"
        " LEFT JOIN dates d ON d.work_id = w.id AND d.kind = 'issued'"
        " LEFT JOIN contributors c ON c.work_id = w.id AND c.role = 'author'"
        " AND c.position = 1 LEFT JOIN names n ON n.id = c.name_id ORDER BY w.id",
        [json.dumps(sorted(ISBN_TYPES))],
    ):
        yield wid, key, doi or "", isbn or "", title or "", str(year or ""), author_key or ""


@dataclass(frozen=True)
class Suspect:
    """A work that may duplicate works stored before it, and why."""

    key: str
    matches: list[str]
    reason: str  # "same DOI", "same ISBN", "similar title"

    def as_json(self) -> dict:
        return {"key": self.key, "matches": self.matches, "reason": self.reason}


def library_duplicates(db: Database) -> list[Suspect]:
    """Every work that may duplicate one stored before it, by the rules an import reports with:
    each work is compared with those before it, as if the library were imported in order."""
    finder = DuplicateFinder()
    out: list[Suspect] = []
    for wid, key, doi, isbn, title, year, author_key in _stored(db):
        exact: list[str] = []
        for value, table, what, norm in (
            (doi, finder.dois, "DOI", norm_doi),
            (isbn, finder.isbns, "ISBN", norm_isbn),
        ):
            found = table.get(norm(value)) if value else None
            if found and found[1] not in exact:
                exact.append(found[1])
                out.append(Suspect(key, [found[1]], f"same {what}"))
        similar = [k for k in finder._near(title, (year, author_key)) if k not in exact]
        if similar:
            out.append(Suspect(key, similar, "similar title"))
        finder._add(wid, key, doi, isbn, title, year, author_key)
    return out
