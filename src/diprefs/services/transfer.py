"""Import and export: which reader or writer, duplicates, keys, one transaction.

Readers and writers are chosen by format name from two small tables; another format plugs in with
one line in each (a reader is ``read_x(text, *, file) -> ReadResult``, a writer is
``write_x(works, blocks) -> str``). ``--format auto`` asks each sniffer in ``SNIFFERS`` and falls
back to BibTeX, whose reader tells BibTeX from BibLaTeX by content.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from sqlite_utils import Database

from diprefs import faults
from diprefs.errors import DiprefsError, InvalidInputError, NotFoundError
from diprefs.forked import Forked, can_fork
from diprefs.formats.bibtex import read_bibtex
from diprefs.formats.bibtex_writer import write_bibtex
from diprefs.formats.csljson import looks_like_csljson, read_csljson, write_csljson
from diprefs.formats.encoding import decode
from diprefs.formats.records import Problem, ReadResult
from diprefs.formats.ris import looks_like_ris, read_ris, write_ris
from diprefs.model import Work
from diprefs.names.citekey import base_key, unique_key
from diprefs.services.duplicates import DuplicateFinder
from diprefs.storage import bulk, bulk_read, selection, works
from diprefs.storage.db import transaction

Reader = Callable[..., ReadResult]

#: format name -> reader
READERS: dict[str, Reader] = {
    "bibtex": partial(read_bibtex, dialect="bibtex"),
    "biblatex": partial(read_bibtex, dialect="biblatex"),
    "csljson": read_csljson,
    "ris": read_ris,
}
#: format name -> writer
WRITERS: dict[str, Callable[..., str]] = {
    "biblatex": partial(write_bibtex, dialect="biblatex"),
    "bibtex": partial(write_bibtex, dialect="bibtex"),
    "csljson": lambda works, _blocks: write_csljson(works),  # no @string/@comment blocks
    "ris": lambda works, _blocks: write_ris(works),
}
#: formats whose writer can write LaTeX escapes (``export --ascii``)
LATEX_FORMATS = frozenset({"bibtex", "biblatex"})
#: (test on the decoded text, format name), asked in order by ``--format auto``
SNIFFERS: list[tuple[Callable[[str], bool], str]] = [
    (looks_like_csljson, "csljson"),
    (looks_like_ris, "ris"),
]
STDIN = "-"
#: A file with more entries than this gets a progress bar (when stderr is a terminal).
PROGRESS_MIN = 2000
#: From this many works, a forked child computes the search rows while the tables are written.
PARALLEL_MIN = 2000
ON_DUPLICATE = ("skip", "update", "keep-both")


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: (new key, existing keys it may duplicate)
    near_duplicates: list[tuple[str, list[str]]] = field(default_factory=list)
    #: lines for stderr that are not problems (renamed and skipped duplicates)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "problems": [
                {"file": p.file, "line": p.line, "key": p.key or None, "message": p.message}
                for p in self.problems
            ],
            "near_duplicates": [{"key": k, "matches": m} for k, m in self.near_duplicates],
            "notes": self.notes,
        }


@dataclass(frozen=True)
class Input:
    """One FILE argument, read: its shown name and its bytes."""

    name: str
    data: bytes


def read_inputs(paths: list[str], stdin: Callable[[], bytes]) -> list[Input]:
    """Check every FILE before reading any (missing: exit 3; a directory: exit 5)."""
    for path in paths:
        if path == STDIN:
            continue
        p = Path(path)
        if not p.exists():
            raise NotFoundError(f"no such file: {path}")
        if p.is_dir():
            raise InvalidInputError(f"{path} is a directory, not a file to import")
    out = []
    for path in paths:
        if path == STDIN:
            out.append(Input("<stdin>", stdin()))
            continue
        try:
            out.append(Input(path, Path(path).read_bytes()))
        except OSError as exc:
            raise DiprefsError(f"cannot read {path}: {exc.strerror}") from exc
    return out


def _parse(item: Input, fmt: str, encoding: str) -> tuple[ReadResult, str]:
    decoded = decode(item.data, encoding, file=item.name)
    text = decoded.text
    if not text.strip():
        raise InvalidInputError(f"{item.name} is empty: nothing to import")
    if fmt == "auto":
        fmt = next((name for test, name in SNIFFERS if test(text)), "")
    reader = READERS.get(fmt) or read_bibtex
    result = reader(text, file=item.name)
    if decoded.note:
        result.problems.insert(0, Problem(item.name, decoded.note_line, "", decoded.note, True))
    if not result.works and not result.problems:
        raise InvalidInputError(f"{item.name} has no entries: nothing to import")
    return result, decoded.encoding


def import_files(
    db: Database,
    inputs: list[Input],
    *,
    fmt: str = "auto",
    encoding: str = "auto",
    on_duplicate: str = "skip",
    dry_run: bool = False,
    strict: bool = False,
    progress: Callable[[int], AbstractContextManager[Callable[[int], None]]] | None = None,
) -> ImportReport:
    """Read every input, then write all of it in one transaction (none of it with ``dry_run``).

    ``progress(total)`` is entered for a file of more than ``PROGRESS_MIN`` entries and yields
    ``advance(n)``, called as works are stored.
    """
    with _no_gc():
        return _import(db, inputs, fmt, encoding, on_duplicate, dry_run, strict, progress)


@contextmanager
def _no_gc() -> Iterator[None]:
    """Python's cycle collector paused while an import or export allocates millions of objects.

    They hold no reference cycles (pylatexenc's parse trees do, and ``formats.bibtex_fields`` keeps
    those from holding anything else), so a collection would find nothing, yet each one walks
    the objects made since the last: a quarter of a second on a 16,000-entry file.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import(db, inputs, fmt, encoding, on_duplicate, dry_run, strict, progress) -> ImportReport:
    parsed = [(item, *_parse(item, fmt, encoding)) for item in inputs]
    report = ImportReport()
    faults.arm(db.conn)
    try:
        # The write lock before the duplicate finder reads: an import that another process
        # committed while this one waited for the lock is seen, and no key is taken twice.
        with transaction(db):
            finder = _plan(db, parsed, strict, report)
            big = progress is not None and max(len(r.works) for _, r, _ in parsed) > PROGRESS_MIN
            bar = progress(sum(len(r.works) for _, r, _ in parsed)) if big else nullcontext(None)
            with bar as advance:
                _store(db, parsed, finder, report, on_duplicate, advance)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    faults.fault("import-done")
    return report


def _plan(db, parsed, strict: bool, report: ImportReport) -> DuplicateFinder:
    """Keys for keyless entries and the problems to report; refuses a file with nothing to
    import (or, with ``strict``, any problem). Returns the library's duplicate finder."""
    finder = DuplicateFinder.load(db)
    taken = set(finder.keys) | {w.key for _, r, _ in parsed for w in r.works if w.key}
    for _, result, _ in parsed:
        result.works[:] = [_keyed(w, taken, result.problems, report.notes) for w in result.works]
        report.problems += sorted(result.problems, key=lambda p: p.line or 0)
    if not any(result.works for _, result, _ in parsed):
        raise InvalidInputError(
            "nothing importable: every entry has a problem",
            details=[str(p) for p in report.problems],
        )
    if strict and report.problems:
        raise InvalidInputError(
            f"{len(report.problems)} problems; nothing imported (--strict)",
            details=[str(p) for p in report.problems],
        )
    report.skipped = sum(not p.kept for p in report.problems)
    return finder


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def _store(db, parsed, finder: DuplicateFinder, report: ImportReport, on_duplicate, progress):
    writer: bulk.WorkWriter | None = None
    mid = faults.at_half("import-mid", sum(len(r.works) for _, r, _ in parsed))
    for item, result, encoding in parsed:
        source_id = works.add_source(db, item.name, result.dialect, encoding)
        works.add_blocks(db, source_id, result.blocks)
        if writer is None:  # after the first write, which holds the write lock: ids are ours
            faults.fault("import-early")
            writer = bulk.WorkWriter(db)
        for work in result.works:
            mid()
            existing = finder.duplicate_of(work)
            position = work.source.line if work.source and work.source.line else 0
            if existing is None:
                finder.add(work, writer.add(work, source_id, position), check_near=True)
                report.imported += 1
            elif on_duplicate == "update":
                work = replace(work, key=existing.key)
                writer.add(work, source_id, position, replace_id=existing.id)
                report.updated += 1
            elif on_duplicate == "keep-both":
                new_key = unique_key(work.key, finder.keys)
                report.notes.append(f"{work.key} kept as {new_key} ({existing.reason})")
                work = replace(work, key=new_key)
                finder.add(work, writer.add(work, source_id, position))
                report.imported += 1
            else:
                report.skipped += 1
                if existing.reason != "same key" or existing.earlier:
                    where = " of an earlier entry" if existing.earlier else ""
                    report.notes.append(f"{work.key} skipped ({existing.reason}{where})")
            if progress:
                progress(1)
    if writer is not None:
        report.near_duplicates += _write(writer, finder)
    works.drop_sources_without_works(db)


def _write(writer: bulk.WorkWriter, finder: DuplicateFinder) -> list[tuple[str, list[str]]]:
    """Write what ``writer`` holds; returns the near-duplicate notes.

    The notes and the search rows only read what is buffered, so for a large import a forked
    child computes them while this process writes the tables: they are a third of the writing.
    """

    def derived() -> tuple[list[tuple[str, list[str]]], list[tuple]]:
        return finder.near_duplicates(), writer.search_rows()

    parallel = len(writer.works) >= PARALLEL_MIN and can_fork()
    with Forked.one(derived) if parallel else nullcontext() as child:
        writer.write_tables()
        done = child.result() if child is not None else None
    near, rows = done if done is not None else derived()
    writer.write_search_rows(rows)
    return near


def _keyed(work: Work, taken: set[str], problems: list[Problem], notes: list[str]) -> Work:
    """A work with no key gets one, and a problem line naming it; only a note for a RIS record,
    where ``ID`` is optional and most exports (Scopus, Web of Science) have none."""
    if work.key:
        return work
    key = unique_key(base_key(work), taken)
    taken.add(key)
    src = work.source
    file, line = (src.file, src.line) if src else ("", None)
    if src is not None and src.dialect == "ris":
        notes.append(f"{file}:{line}: record without an ID; imported as {key}")
    else:
        problems.append(Problem(file, line, "", f"entry without a key; imported as {key}", True))
    return replace(work, key=key)


def _parent_keys(work: Work) -> list[str]:
    """Keys named by a work's own crossref and xdata fields."""
    if work.source is None:
        return []
    out = []
    for f in work.source.fields:
        if f.inherited_from is None and f.name.lower() in ("crossref", "xdata"):
            value = f.value.strip().removeprefix("{").removesuffix("}").strip('"')
            out += [k.strip() for k in value.split(",") if k.strip()]
    return out


def _with_parents(db: Database, chosen: list[Work], load) -> list[Work]:
    """The works and every crossref/xdata parent they need, children before parents."""
    if not works.has_parents(db):
        return chosen
    order = {w.key: w for w in chosen}
    parents: dict[str, Work] = {}
    wanted = [k for w in chosen for k in _parent_keys(w)]
    while wanted:
        known = {k.lower(): k for k in works.all_keys_like(db, wanted)}
        keys = [known[k.lower()] for k in wanted if k.lower() in known]
        keys = [k for k in dict.fromkeys(keys) if k not in parents]
        found = load(db, list(selection.ids_by_key(db, keys).values()))
        found.sort(key=lambda w: keys.index(w.key))
        for w in found:
            parents[w.key] = w
        wanted = [k for w in found for k in _parent_keys(w)]
    return [w for k, w in order.items() if k not in parents] + list(parents.values())


def export_works(
    db: Database, keys: list[str], cited_by: str | None, tags: list[str], fmt: str, ascii: bool
) -> tuple[str, int]:
    """The selected works (and their crossref/xdata parents) as text; also how many."""
    with _no_gc():  # the works are gone when _export returns: the collector finds no heap
        return _export(db, keys, cited_by, tags, fmt, ascii)


def _export(db, keys, cited_by, tags, fmt, ascii) -> tuple[str, int]:
    if keys or cited_by or tags:
        from diprefs.services.bibliography import Selection, selected_ids  # loads the styles

        ids = selected_ids(db, Selection(keys=keys, cited_by=cited_by, tags=tags))
    else:
        ids = selection.all_ids(db)
    # The BibTeX writer reads only raw fields of works that have them: load no more.
    load = bulk_read.load_for_export if fmt in LATEX_FORMATS else bulk_read.load_works
    chosen = _with_parents(db, load(db, ids), load)
    blocks = works.blocks_of(db, [w.key for w in chosen])
    write = WRITERS[fmt]
    text = write(chosen, blocks, ascii=True) if ascii else write(chosen, blocks)
    return text, len(chosen)
