"""``search``: plain words or FTS5 syntax, filters, and where each hit matched.

Works on a plain ``sqlite3`` connection (see storage/search.py for why); it imports neither
sqlite-utils nor rich.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diprefs.errors import InvalidInputError, NotFoundError
from diprefs.names.keys import FOLD_MARKS, fold, match_key
from diprefs.storage import search as store

_YEAR = re.compile(r"\d{1,4}")

#: Apostrophe-like marks an FTS5 query loses before SQLite sees it (the index has none); the
#: double quote stays, since it is FTS5's string delimiter.
_FTS_MARKS = str.maketrans(dict.fromkeys(FOLD_MARKS.replace('"', "")))

#: A word as people see it in a title or a name: letters, digits and the apostrophes inside
#: Uzbek words (Oʻzbekiston, O'zbekiston, O’zbekiston are one word each).
_WORD = re.compile(r"[\w" + re.escape(FOLD_MARKS.replace('"', "")) + r"]+")

_TOKEN = re.compile(r"[^\W_]+")  # a token as FTS5's unicode61 tokenizer cuts it

#: Words of the SQLite errors that are about the library, not the query (see cli/__init__.py).
_NOT_THE_QUERY = ("locked", "busy", "disk", "unable to open", "readonly")

_FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_FTS_COLUMN = re.compile(r"[\w-]+\s*:")


def parse_years(text: str) -> tuple[int | None, int | None]:
    """``2022``, ``2018..2022``, ``2018..``, ``..2022`` -> (first, last), inclusive."""
    first, sep, last = text.strip().partition("..")
    if not sep:
        last = first
    for part in (first, last):
        if part and not _YEAR.fullmatch(part):
            raise ValueError(f"{text!r} is not a year or a range like 2018..2022")
    if not first and not last:
        raise ValueError(f"{text!r} is not a year or a range like 2018..2022")
    lo = int(first) if first else None
    hi = int(last) if last else None
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"{text!r}: the first year is after the last")
    return lo, hi


def normalise_fts(query: str) -> str:
    """An FTS5 query as the index was written: apostrophes and combining marks dropped.

    Operators, columns, quotes and stars are untouched; case is the tokenizer's business.
    ``й`` -> ``и`` and ``ё`` -> ``е`` as in names.keys.fold, which the tokenizer does not do.
    """
    text = unicodedata.normalize("NFKD", query.translate(_FTS_MARKS).replace("\0", " "))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Query:
    """What the user asked for, as typed."""

    words: str = ""
    fts: bool = False
    author: str | None = None
    years: tuple[int | None, int | None] = (None, None)
    type: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    cites: str | None = None
    cited_by: str | None = None


def search(conn: sqlite3.Connection, q: Query) -> list[dict[str, Any]]:
    """The works matching ``q``: the ``works list`` shape plus ``rank``, in result order.

    Raises NotFoundError for an unknown ``cites``/``cited_by`` key and InvalidInputError for an
    FTS5 query SQLite rejects.
    """
    filters = store.Filters(
        name_ids=store.author_name_ids(conn, q.author) if q.author is not None else None,
        year_from=q.years[0],
        year_to=q.years[1],
        type=q.type,
        tags=q.tags,
        language=q.language,
        cites=_work(conn, q.cites),
        cited_by=_work(conn, q.cited_by),
    )
    if not q.fts:
        return store.find_works(conn, store.plain_match(q.words), filters)
    match = normalise_fts(q.words).strip() or None
    try:
        return store.find_works(conn, match, filters)
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if any(word in message for word in _NOT_THE_QUERY):
            raise
        raise InvalidInputError(f"SQLite rejects the FTS5 query {q.words!r}: {message}") from exc


def _work(conn: sqlite3.Connection, key: str | None) -> int | None:
    if key is None:
        return None
    wid = store.work_id(conn, key)
    if wid is None:
        near = difflib.get_close_matches(key, store.all_keys(conn), n=3, cutoff=0.6)
        hint = f" (did you mean: {', '.join(near)}?)" if near else ""
        raise NotFoundError(f"no work with key {key!r}{hint}")
    return wid


def highlight_terms(q: Query) -> list[tuple[str, str]]:
    """(folded word, transliteration key) for each word of the query, for ``match_spans``."""
    text = q.words
    if q.fts:
        text = _FTS_COLUMN.sub(" ", normalise_fts(text))
        text = " ".join(w for w in _TOKEN.findall(text) if w not in _FTS_OPERATORS)
    return store.query_words(text)


def match_spans(
    text: str, terms: list[tuple[str, str]], names: bool = False
) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` that a query term matched.

    A word matches when its folded form starts with a term's folded form (the prefix rule of the
    search); with ``names`` (an authors cell) also when its transliteration key starts with the
    term's key, so that a search for Жураев marks "Juraev".
    """
    spans = []
    for m in _WORD.finditer(text):
        word = m.group()
        folded = fold(word).replace(" ", "")
        key = match_key(word) if names else ""
        for term, term_key in terms:
            if _hits(folded, term) or (key and term_key and key.startswith(term_key)):
                spans.append(m.span())
                break
    return spans


def _hits(word: str, term: str) -> bool:
    """FTS5's rule for a prefix phrase: its last token is a prefix, the others whole words."""
    pieces = _TOKEN.findall(term)
    return bool(pieces) and (word.startswith(pieces[-1]) or word in pieces[:-1])


def open_for_search(path: Path) -> sqlite3.Connection | None:
    """A fast read-only path to a current library; None: open it the ordinary way."""
    from diprefs.config import busy_timeout

    return store.open_current(path, busy_timeout())
