"""Audit a manuscript against its own printed reference list and the library.

Reads the file, cuts off the printed list, finds the in-text references (footnotes included),
matches list items to works (to KEY's stored list with ``--cited-by``, else to the whole
library) and reports the problems of docs/cli.md's ``audit`` table: references to numbers or
works not in the list, entries never cited (OAK forbids them), duplicate or skipped numbers,
numbering that does not follow first citation, entries that match nothing, works that fail
``check`` and entries that differ from what ``format`` prints. No Click and no printing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from diprefs.errors import InvalidInputError, NotFoundError
from diprefs.manuscript import match, numbering
from diprefs.manuscript.intext import InTextRef, find_references
from diprefs.manuscript.numbering import Problem
from diprefs.manuscript.read import Manuscript, item_text, read_manuscript
from diprefs.manuscript.structure import ListItem, split_manuscript
from diprefs.model import Work
from diprefs.services import bibliography as bib
from diprefs.services.library import require_work
from diprefs.storage import links, selection
from diprefs.styles.base import get_style
from diprefs.styles.render import plain_text

_NOTE_CALL = re.compile(r"\[\^(\d+)\]")
#: Footnotes that repeat the previous note's source (GOST R 7.0.5-2008, styles.md §10).
_IBID = re.compile(r"^\s*(?:там же|ibid|oʻsha joyda|o'sha joyda|ўша жойда)", re.IGNORECASE)


@dataclass
class Report:
    manuscript: str
    cited_by: str | None
    style: str
    heading: str
    heading_line: int
    entries: int
    citations: int
    problems: list[Problem]


@dataclass
class _Entry:
    """A printed item, prepared for matching, and the work it was matched to."""

    item: ListItem
    prepared: match.ItemText
    work: Work | None = None
    sig: match.Signature | None = None
    cited: bool = False

    def set_work(self, work: Work | None) -> None:
        self.work = work
        self.sig = match.signature(work) if work else None

    @property
    def label(self) -> str | None:
        return self.item.label or None


def audit(
    db: Database,
    path: Path,
    cited_by: str | None = None,
    style_name: str = "gost",
    overrides: Iterable[str] = (),
) -> Report:
    """The report on one manuscript; NotFoundError for a missing file, InvalidInputError for
    an unreadable one or one without a reference list."""
    if not path.is_file():
        raise NotFoundError(f"no such manuscript: {path}")
    style = get_style(style_name)
    if cited_by:
        require_work(db, cited_by)
    manuscript = read_manuscript(path)
    body, items, heading_line = split_manuscript(manuscript.paragraphs)
    if heading_line is None:
        raise InvalidInputError(
            f"{path}: no reference list found (no heading such as 'References' or"
            " 'Список литературы')"
        )
    heading = manuscript.paragraphs[heading_line - 1].strip()
    if not items:
        raise InvalidInputError(f"{path}:{heading_line}: no reference list found under {heading!r}")
    items = [dataclasses.replace(i, text=item_text(manuscript, i.text)) for i in items]
    entries = [_Entry(i, match.prepare(i.text)) for i in items]
    library = _Library(db)
    if cited_by:
        problems = _match_stored(db, entries, cited_by)
    else:
        problems = _match_library(entries, library)
    refs, notes = _in_text(manuscript, body)
    found, note_citations = _references(entries, refs, notes, library)
    problems += found
    problems += numbering.duplicates(items)
    problems += numbering.skipped(items)
    problems += numbering.unknown_numbers(refs, {i.number for i in items if i.number is not None})
    problems += numbering.out_of_order(refs, items)
    problems += _never_cited(entries)
    problems += _against_library(db, entries, style.name, overrides)
    return Report(
        manuscript=str(path),
        cited_by=cited_by,
        style=style.name,
        heading=heading,
        heading_line=heading_line,
        entries=len(entries),
        citations=len(refs) + note_citations,
        problems=numbering.sorted_problems(problems),
    )


class _Library:
    """The whole library, loaded on first need, with what matching looks up."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self.works, _ = selection.load_works(self.db, selection.all_ids(self.db), ())
        self.sigs = [match.signature(w) for w in self.works]
        self.by_key = {w.key: w for w in self.works}
        self.index = match.TitleIndex(self.sigs)
        self._loaded = True

    def find(self, item: match.ItemText) -> Work | None:
        """The work an item describes, if one scores ``WORK_MATCH`` or more."""
        self._load()
        best = self.index.best(item)
        return None if best is None else self.works[best]

    def key(self, key: str) -> Work | None:
        """The work with this citation key (one query, without loading the library)."""
        if self._loaded:
            return self.by_key.get(key)
        ids = list(selection.ids_by_key(self.db, [key]).values())
        works, _ = selection.load_works(self.db, ids, ())
        return works[0] if works else None

    def author_year(self, ref: InTextRef) -> Work | None:
        self._load()
        empty = match.prepare("")
        for work, sig in zip(self.works, self.sigs, strict=True):
            named = sig.authors or sig.organisations
            if sig.year and named and match.cites(ref.authors, ref.year, sig, empty):
                return work
        return None


def _match_library(entries: list[_Entry], library: _Library) -> list[Problem]:
    problems = []
    for e in entries:
        keyed = library.key(e.item.label) if e.item.number is None and e.item.label else None
        e.set_work(keyed or library.find(e.prepared))
        if e.work is None:
            problems.append(_entry_problem("unmatched-entry", e, "matches no work in the library"))
    return problems


def _match_stored(db: Database, entries: list[_Entry], cited_by: str) -> list[Problem]:
    """Items to KEY's stored list: by text (the stored printed item, or the work) and position,
    best pairs first, each stored item used once."""
    rows = links.references_of(db, cited_by)
    keys = [r["key"] for r in rows if r["key"]]
    works, _ = selection.load_works(db, list(selection.ids_by_key(db, keys).values()), ())
    by_key = {w.key: w for w in works}
    sigs = {k: match.signature(w) for k, w in by_key.items()}
    pairs = []
    for e in entries:
        for r in rows:
            text = match.text_similarity(e.item.text, r["printed"]) if r["printed"] else 0.0
            work = match.work_score(e.prepared, sigs[r["key"]]) if r["key"] in sigs else 0.0
            base = max(text, work)
            if e.item.number is None and e.item.label and e.item.label == r["key"]:
                base = 100.0  # a \bibitem key names the work
            same = r["position"] == e.item.position
            if base >= match.TEXT_MATCH or (same and base >= 50):
                pairs.append((base + 10 * same, e.item.position, r["position"], e, r))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_entries: set[int] = set()
    used_rows: set[int] = set()
    for _score, position, row_position, e, r in pairs:
        if position in used_entries or row_position in used_rows:
            continue
        used_entries.add(position)
        used_rows.add(row_position)
        e.set_work(by_key.get(r["key"]))
    return [
        _entry_problem("unmatched-entry", e, f"matches no item of {cited_by}'s stored list")
        for e in entries
        if e.work is None
    ]


def _in_text(manuscript: Manuscript, body: list[str]) -> tuple[list[InTextRef], list[tuple]]:
    """The in-text references in reading order, with those inside footnotes read where the
    note is called; and the footnotes that hold no reference form, as (line, text)."""
    notes = manuscript.footnotes
    called: dict[int, int] = {}
    with_refs = {n for n, text in notes.items() if find_references([text])}

    def call(match_: re.Match[str], line: int) -> str:
        number = int(match_.group(1))
        called.setdefault(number, line)
        return f" {notes[number]} " if number in with_refs else " "

    paragraphs = [
        _NOTE_CALL.sub(lambda m, line=line: call(m, line), text)
        for line, text in enumerate(body, start=1)
    ]
    refs = find_references(paragraphs)
    plain = [
        (called[n], text) for n, text in sorted(notes.items()) if n not in with_refs and n in called
    ]
    return refs, sorted(plain, key=lambda note: note[0])


def _references(
    entries: list[_Entry], refs: list[InTextRef], notes: list[tuple], library: _Library
) -> tuple[list[Problem], int]:
    """Mark the entries the text cites; problems for references to works not in the list.
    Returns the problems and the number of footnotes that are references."""
    problems = []
    by_number: dict[int, list[_Entry]] = {}
    for e in entries:
        if e.item.number is not None:
            by_number.setdefault(e.item.number, []).append(e)
    for place, ref in enumerate(refs):
        if ref.kind == "numeric":
            for number in ref.numbers:
                for e in by_number.get(number, []):
                    e.cited = True
            continue
        targets = ref.keys if ref.kind == "key" else (None,)
        for key in targets:
            hits = _cited_entries(entries, ref, key)
            for e in hits:
                e.cited = True
            if not hits:
                work = library.key(key) if key else library.author_year(ref)
                problems.append(_unknown_work(ref.text, ref.paragraph, work, place, key))
    previous: list[_Entry] = []
    counted = 0
    for line, text in notes:
        is_ibid = _IBID.match(text)
        hits = previous if is_ibid else _note_entries(entries, match.prepare(text), text)
        if hits:
            counted += 1
            for e in hits:
                e.cited = True
            previous = hits
            continue
        work = library.find(match.prepare(text))
        if work is not None:  # a note that is a reference, to a work outside the list
            counted += 1
            problems.append(_unknown_work(_short(text), line, work, 10_000 + line, None))
    return problems, counted


def _cited_entries(entries: list[_Entry], ref: InTextRef, key: str | None) -> list[_Entry]:
    if key is not None:
        return [e for e in entries if e.item.label == key or (e.work and e.work.key == key)]
    hits = [e for e in entries if match.cites(ref.authors, ref.year, e.sig, e.prepared)]
    suffix = ref.year[4:5]
    if len(hits) > 1 and suffix.isalpha():  # 2021a, 2021b: the n-th of the same author-year
        index = ord(suffix.casefold()) - ord("a" if suffix.isascii() else "а")
        return hits[index : index + 1] or hits
    return hits


def _note_entries(entries: list[_Entry], prepared: match.ItemText, text: str) -> list[_Entry]:
    """The list entry a footnote written out as a reference points at (the best match)."""
    scored = []
    for e in entries:
        score = match.text_similarity(text, e.item.text)
        if e.sig is not None:
            score = max(score, match.work_score(prepared, e.sig))
        threshold = match.WORK_MATCH if e.sig is not None else match.TEXT_MATCH
        if score >= threshold:
            scored.append((score, -e.item.position, e))
    return [max(scored, key=lambda s: s[:2])[2]] if scored else []


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_work(text: str, line: int, work: Work | None, order: int, key: str | None) -> Problem:
    if work is not None:
        message = f"{text}: {work.key} is not in the list"
    elif key is not None:
        message = f"{text}: no list item and no work in the library has the key {key!r}"
    else:
        message = f"{text}: no item of the list matches it"
    return Problem("unknown-work", line, None, work.key if work else None, message, order)


def _entry_problem(kind: str, e: _Entry, message: str) -> Problem:
    key = e.work.key if e.work else None
    return Problem(kind, e.item.line, e.label, key, message, e.item.position)


def _never_cited(entries: list[_Entry]) -> list[Problem]:
    """One problem per listed work no reference reaches (at its first item), and one per
    uncited item that matches no work."""
    cited_works = {e.work.key for e in entries if e.work and e.cited}
    seen: set[str] = set()
    problems = []
    for e in entries:
        if e.work is None:
            if not e.cited:
                problems.append(_entry_problem("never-cited", e, "listed but never cited"))
        elif e.work.key not in cited_works and e.work.key not in seen:
            seen.add(e.work.key)
            problems.append(_entry_problem("never-cited", e, "listed but never cited"))
    return problems


def _against_library(
    db: Database, entries: list[_Entry], style: str, overrides: Iterable[str]
) -> list[Problem]:
    """``check`` findings of the listed works (at each work's first item), and items that
    differ from what ``format`` prints for their work (normalised: dash and quote glyphs,
    spaces, angle brackets round URLs and a final full stop do not count)."""
    matched = [e for e in entries if e.work is not None]
    keys = list(dict.fromkeys(e.work.key for e in matched if e.work))
    if not keys:
        return []
    first: dict[str, _Entry] = {}
    for e in matched:
        first.setdefault(e.work.key if e.work else "", e)
    problems = []
    for f in bib.check(db, bib.Selection(keys=keys), style, overrides):
        message = f"{f.field}: {f.message}" if f.field else f.message
        problems.append(_entry_problem("check", first[f.key], message))
    listed = bib.format_list(db, bib.Selection(keys=keys), style, None, "cited", overrides)
    expected = {key: plain_text(styled) for key, styled in listed.items}
    for e in matched:
        text = expected[e.work.key if e.work else ""]
        if match.normalise(e.item.text) != match.normalise(text):
            problems.append(_entry_problem("differs", e, f"{style} prints: {text}"))
    return problems
