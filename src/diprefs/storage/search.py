"""Search over the works: the FTS5 index ``works_fts`` plus filters, on a plain sqlite3 connection.

``search`` is the command people run most, often in pipes, so its read path avoids sqlite-utils
(which alone doubles the start-up time): a current library is opened with ``sqlite3`` here, and
anything else (missing, older, newer, not a library) goes through ``storage.db.open_library``.
Every value a user typed reaches SQL as a bound parameter; the only text spliced into SQL is
built here from fixed fragments and quoted FTS5 strings of folded words.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diprefs.model import Name
from diprefs.names.keys import fold, match_key

#: The migrations whose schema the SQL below was written against. A library with exactly these
#: applied opens on the fast path; tests/test_search.py fails when storage/schema.py gains one,
#: so that whoever adds it checks these queries and extends this tuple.
READS_MIGRATIONS = ("m001_initial", "m002_given_name_keys", "m003_genitive_spellings")

#: ``PRAGMA application_id`` of a diprefs library (storage/schema.py; equality is tested).
APPLICATION_ID = 0x64697072

#: bm25 weights of the works_fts columns: title, container, abstract, keywords, note, names,
#: name_keys. A hit in a title or a name counts more than one in an abstract or a note.
BM25_WEIGHTS = (4.0, 2.0, 1.0, 2.0, 1.0, 3.0, 3.0)

_NAME_PARTS = ("family", "given", "particle", "suffix", "patronymic", "literal", "genitive")
_NAME_COLUMNS = ", ".join(f"n.{p}" for p in _NAME_PARTS)
_MAX_CHAR = "\U0010ffff"  # sorts after every character: [k, k + _MAX_CHAR) = "starts with k"


def open_current(path: Path, busy_timeout: float = 10.0) -> sqlite3.Connection | None:
    """A plain connection to the library at ``path`` if it is a current diprefs library, else None.

    None sends the caller to ``open_library`` (or to creating the library), which reports,
    upgrades or refuses; this function never writes and never raises for a bad file.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError:
        return None
    if not head.startswith(b"SQLite format 3\x00"):
        return None
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        return None
    conn = sqlite3.connect(str(path), timeout=busy_timeout)
    try:
        applied = tuple(
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'diprefs' ORDER BY rowid"
            )
        )
    except sqlite3.DatabaseError:
        applied = ()
    if applied != READS_MIGRATIONS:
        conn.close()
        return None
    return conn


def quote(text: str) -> str:
    """``text`` as an FTS5 string (a phrase of its tokens): double quotes doubled, nothing else."""
    return '"' + text.replace('"', '""') + '"'


def query_words(text: str) -> list[tuple[str, str]]:
    """(folded word, transliteration key) for each word of a typed query.

    The key is taken from the word as typed, before folding drops its apostrophes: Joʻrayev
    (Uzbek oʻ = ў) keys as "juraev", like Жураев. Initials and dotted groups ("F.S." folds to the
    phrase "f s") get no key, since keys are for family names. Words without a letter or digit
    are left out.
    """
    out = []
    for token in text.replace("\0", " ").split():  # SQLite would end a string at NUL
        folded = fold(token)
        if not any(ch.isalnum() for ch in folded):
            continue
        key = match_key(token) if len(folded) > 1 and " " not in folded else ""
        out.append((folded, key))
    return out


def plain_match(text: str) -> str | None:
    """An FTS5 expression requiring every word of ``text``, each as a prefix.

    Words are folded like the index (case, diacritics and apostrophes gone: Oʻzbekiston =
    O'zbekiston = ozbekiston). A word may also match a contributor's family name through its
    transliteration key (Bjola = Byola = Бьола). None when there is no word at all.
    """
    terms = []
    for folded, key in query_words(text):
        term = quote(folded) + "*"
        if key:
            term = f"({term} OR name_keys : {quote(key)}*)"
        terms.append(term)
    return " AND ".join(terms) or None


@dataclass(frozen=True)
class Filters:
    """Conditions on works, all of which must hold. ``None`` / empty means "no condition"."""

    name_ids: tuple[int, ...] | None = None  # contributors (any role) with one of these names
    year_from: int | None = None
    year_to: int | None = None
    type: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    language: str | None = None  # a BCP 47 tag or a prefix of whole subtags
    cites: int | None = None  # a work id: works listing or citing it
    cited_by: int | None = None  # a work id: works it lists or cites


def _filter_sql(f: Filters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.name_ids is not None:
        where.append(
            "w.id IN (SELECT work_id FROM contributors WHERE name_id IN"
            " (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(list(f.name_ids)))
    if f.year_from is not None:
        where.append("d.year >= ?")
        params.append(f.year_from)
    if f.year_to is not None:
        where.append("d.year <= ?")
        params.append(f.year_to)
    if f.type is not None:
        where.append("w.type = ?")
        params.append(f.type)
    for tag in f.tags:
        where.append("EXISTS (SELECT 1 FROM tags t WHERE t.work_id = w.id AND t.tag = ?)")
        params.append(tag)
    if f.language is not None:
        where.append(
            "(lower(w.language) = lower(?)"
            " OR substr(lower(w.language), 1, length(?) + 1) = lower(?) || '-')"
        )
        params += [f.language] * 3
    if f.cites is not None:
        where.append(
            "w.id IN (SELECT citing_id FROM reference_entries WHERE cited_id = ?"
            " UNION SELECT citing_id FROM citations WHERE cited_id = ?)"
        )
        params += [f.cites, f.cites]
    if f.cited_by is not None:
        where.append(
            "w.id IN (SELECT cited_id FROM reference_entries WHERE citing_id = ?"
            " UNION SELECT cited_id FROM citations WHERE citing_id = ?)"
        )
        params += [f.cited_by, f.cited_by]
    return where, params


def find_works(
    conn: sqlite3.Connection, match: str | None, filters: Filters
) -> list[dict[str, Any]]:
    """Works passing ``filters`` (and the FTS5 expression ``match``), in result order.

    With ``match``: ranked by bm25 (smaller is better), ties by key. Without: sorted by key, rank
    None. Each row has the ``works list`` keys plus ``rank``. SQLite's rejection of ``match``
    (``sqlite3.OperationalError``) propagates to the caller.
    """
    where, params = _filter_sql(filters)
    select = "SELECT w.id, w.key, w.type, w.title, d.year, w.language"
    joins = " LEFT JOIN dates d ON d.work_id = w.id AND d.kind = 'issued'"
    if match is not None:
        weights = ", ".join(str(x) for x in BM25_WEIGHTS)
        sql = (
            f"{select}, bm25(works_fts, {weights}) AS rank FROM works_fts"
            f" JOIN works w ON w.id = works_fts.rowid{joins}"
            f" WHERE works_fts MATCH ?{''.join(' AND ' + c for c in where)}"
            " ORDER BY rank, w.key"
        )
        params = [match, *params]
    else:
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        sql = f"{select}, NULL AS rank FROM works w{joins}{clause} ORDER BY w.key"
    rows = conn.execute(sql, params).fetchall()
    authors = _authors(conn, [r[0] for r in rows])
    return [
        {
            "key": key,
            "type": type_,
            "title": title,
            "year": year,
            "authors": authors.get(wid, []),
            "language": language,
            "rank": rank,
        }
        for wid, key, type_, title, year, language, rank in rows
    ]


def _authors(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[str]]:
    """Author names ("Family, Given") of these works, in position order."""
    out: dict[int, list[str]] = {}
    if not ids:
        return out
    formatted: dict[tuple[Any, ...], str] = {}  # one author, many works: format once
    for row in conn.execute(
        f"SELECT c.work_id, {_NAME_COLUMNS} FROM contributors c JOIN names n ON n.id = c.name_id"
        " WHERE c.role = 'author' AND c.work_id IN (SELECT value FROM json_each(?))"
        " ORDER BY c.work_id, c.position",
        [json.dumps(ids)],
    ):
        parts = row[1:]
        if parts not in formatted:
            formatted[parts] = _name(parts).sort_form()
        out.setdefault(row[0], []).append(formatted[parts])
    return out


def _name(parts: tuple[Any, ...]) -> Name:
    # storage.scholars.name_from_row does this for dict rows, but importing it loads sqlite-utils.
    return Name(**{p: v or "" for p, v in zip(_NAME_PARTS, parts, strict=True)})


def work_id(conn: sqlite3.Connection, key: str) -> int | None:
    row = conn.execute("SELECT id FROM works WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def all_keys(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT key FROM works ORDER BY key")]


def author_name_ids(conn: sqlite3.Connection, text: str) -> tuple[int, ...]:
    """Every ``names`` row of every scholar whose name loosely matches ``text``.

    A name matches when its family name's transliteration key starts with the key of the whole
    text ("Juraev", "Жураев", "Jura"), or with the key of one word of it while the other words fit
    its given names and patronymic ("F. S. Juraev", "Juraev Ф. С."); an organisation matches when
    the text's key occurs anywhere in its name's key ("Embassy"). The match then spreads to
    every spelling of the same scholar, so a work printed "Jurayev, F. S." is found too.
    """
    words = [w for w in re.split(r"[\s,.]+", text) if w]
    whole = match_key(text)
    if not whole:
        return ()
    found: dict[int, int | None] = {}  # name id -> scholar id
    sql = f"SELECT n.id, n.scholar_id, {_NAME_COLUMNS} FROM names n"
    starts = f"{sql} WHERE n.match_key >= ? AND n.match_key < ?"
    for row in conn.execute(starts, [whole, whole + _MAX_CHAR]):
        found[row[0]] = row[1]
    literal = f"{sql} WHERE n.literal IS NOT NULL AND instr(n.match_key, ?) > 0"
    for row in conn.execute(literal, [whole]):
        found[row[0]] = row[1]
    if len(words) > 1:
        for i, word in enumerate(words):
            key = match_key(word)
            if len(fold(word)) < 2 or not key:
                continue
            rest = words[:i] + words[i + 1 :]
            for row in conn.execute(starts, [key, key + _MAX_CHAR]):
                if _fits_given(_name(row[2:]), rest):
                    found[row[0]] = row[1]
    scholars = sorted({s for s in found.values() if s is not None})
    if scholars:
        for row in conn.execute(
            "SELECT id FROM names WHERE scholar_id IN (SELECT value FROM json_each(?))",
            [json.dumps(scholars)],
        ):
            found[row[0]] = None
    return tuple(sorted(found))


def _fits_given(name: Name, words: list[str]) -> bool:
    """True when each word (as typed) starts one of the name's given names, or is started by one.

    Compared folded and through transliteration keys, so Ф. fits F. S. and Xusanboy fits
    Husanboy.
    """
    given = " ".join(p for p in (name.given, name.patronymic) if p).replace(".", " ").split()
    if not given:
        return False

    def fits(word: str, part: str) -> bool:
        a, b = fold(word), fold(part)
        if a and b and (a.startswith(b) or b.startswith(a)):
            return True
        a, b = match_key(word), match_key(part)
        return bool(a and b) and (a.startswith(b) or b.startswith(a))

    return all(any(fits(w, g) for g in given) for w in words)
