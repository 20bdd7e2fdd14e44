"""Editing works by hand: add, edit (as BibLaTeX), remove, tag, merge (docs/cli.md#works).

Each function is one transaction. A work read from BibTeX is exported from its raw fields, so a
change made here to its model (tags, fields filled by a merge) is written into those raw fields
as well (``_with_fields``): export, ``works edit`` and the model never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from sqlite_utils import Database

from diprefs.errors import ConflictError, InvalidInputError
from diprefs.formats.bibtex import read_bibtex
from diprefs.formats.bibtex_writer import entry_text
from diprefs.formats.encoding import decode
from diprefs.model import DATE_KINDS, WORK_TEXT_FIELDS, Contributor, Work
from diprefs.names.citekey import base_key, unique_key
from diprefs.services.library import require_work
from diprefs.services.scholars import read_name
from diprefs.services.transfer import Input
from diprefs.storage import links, work_edits, works
from diprefs.storage.db import transaction

#: Source dialects whose raw fields an export writes back verbatim.
RAW_DIALECTS = ("bibtex", "biblatex")
EDIT_DIALECT = "biblatex"


def require_id(db: Database, key: str) -> int:
    require_work(db, key)
    wid = works.work_id(db, key)
    assert wid is not None
    return wid


def _taken(db: Database, key: str) -> None:
    if works.work_id(db, key) is not None:
        raise ConflictError(f"a work with key {key!r} exists already")


def contributors(role: str, names: list[str]) -> list[Contributor]:
    """Typed names (see ``services.scholars.read_name``) as contributors, printed as typed."""
    return [Contributor(read_name(n), role, n.strip()) for n in names if n.strip()]


def add(db: Database, work: Work) -> str:
    """Add one work built from options; a missing key is generated. Returns the key."""
    with transaction(db):
        if work.key:
            _taken(db, work.key)
        else:
            work = replace(work, key=unique_key(base_key(work), set(works.all_keys(db))))
        work_edits.add_works(db, [work], None)
        return work.key


def add_bibtex(db: Database, item: Input, key: str | None) -> list[str]:
    """Add every entry of a BibLaTeX/BibTeX input; nothing is written if any block is bad."""
    file = item.name
    decoded = decode(item.data, "auto", file=file)
    result = read_bibtex(decoded.text, file=file)
    if result.problems:
        raise InvalidInputError(
            f"{file}: {len(result.problems)} bad blocks; nothing added",
            [str(p) for p in result.problems],
        )
    if not result.works:
        raise InvalidInputError(f"{file} has no entry: nothing added")
    if key is not None:
        if len(result.works) != 1:
            raise InvalidInputError(
                f"--key names one work, but {file} has {len(result.works)} entries"
            )
        result.works[0] = replace(result.works[0], key=key)
    with transaction(db):
        taken = set(works.all_keys(db))
        out = []
        for work in result.works:
            if work.key in taken:
                raise ConflictError(f"a work with key {work.key!r} exists already")
            if not work.key:
                work = replace(work, key=unique_key(base_key(work), taken))
            taken.add(work.key)
            out.append(work)
        source_id = works.add_source(db, file, result.dialect, decoded.encoding)
        works.add_blocks(db, source_id, result.blocks)
        work_edits.add_works(db, out, source_id)
        return [w.key for w in out]


def edit_text(db: Database, key: str) -> str:
    """The work as one BibLaTeX entry, as ``export`` writes it: what the editor shows."""
    require_work(db, key)
    work = works.get_work(db, key)
    assert work is not None
    return entry_text(work, EDIT_DIALECT) + "\n"


def _macros(db: Database, key: str) -> str:
    """The @string blocks of the work's file: its raw fields may use them."""
    return "".join(b.value + "\n" for b in works.blocks_of(db, [key]) if b.kind == "string")


@dataclass(frozen=True)
class Edited:
    key: str  # the key after the edit
    renamed_from: str | None


def _genitives(work: Work) -> bool | None:
    """True when the work's file wrote its editors and translators in the genitive (the import
    read them so: a surname differs from the one printed), so that its edited entry is read the
    same way; else None, to tell from the entry."""
    found = any(
        c.role != "author"
        and c.name.genitive
        and c.name.family not in c.printed.replace(",", " ").split()
        for c in work.contributors
    )
    return True if found else None


def apply_edit(db: Database, key: str, text: str) -> Edited:
    """Replace the work with the edited entry; exit 5 (nothing written) if it does not parse."""
    with transaction(db):
        wid = require_id(db, key)
        macros = _macros(db, key)
        shown = f"<edited {key}>"
        old = works.get_work(db, key)
        assert old is not None
        read = partial(read_bibtex, file=shown, dialect=EDIT_DIALECT, genitive_file=_genitives(old))
        result = read(macros + text)
        if result.problems or len(result.works) != 1:
            offset = macros.count("\n")
            found = f"{len(result.works)} entries" if not result.problems else "a bad block"
            raise InvalidInputError(
                f"the edited text of {key} must be one BibLaTeX entry ({found}); nothing changed",
                [
                    str(replace(p, line=p.line - offset if p.line else p.line))
                    for p in result.problems
                ],
            )
        new = result.works[0]
        if not new.key:
            raise InvalidInputError(f"the edited entry of {key} has no key; nothing changed")
        parents = _parents_text(db, new)
        if parents:  # read again beside its crossref/xdata parents, for what it inherits
            again = read(macros + parents + text)
            new = next(w for w in again.works if w.key == new.key)
        if new.key != key:
            _taken(db, new.key)
        if old.source is not None and old.source.dialect not in RAW_DIALECTS:
            # CSL-JSON and RIS exports restore what diprefs does not map from the old source.
            new = replace(new, source=old.source)
        elif new.source is not None:
            line = old.source.line if old.source else None
            new = replace(new, source=replace(new.source, file="", line=line))
        work_edits.replace_work(db, wid, new, work_edits.contributor_links(db, [wid]))
        if new.key != key:
            work_edits.rename_parent(db, key, new.key)
        return Edited(new.key, key if new.key != key else None)


def _parent_keys(work: Work) -> list[str]:
    """Keys named by a work's own crossref and xdata fields."""
    out: list[str] = []
    for f in work.source.fields if work.source else ():
        if f.inherited_from is None and f.name.lower() in ("crossref", "xdata"):
            value = f.value.strip().removeprefix("{").removesuffix("}").strip('"')
            out += [k.strip() for k in value.split(",") if k.strip()]
    return out


def _parents_text(db: Database, work: Work) -> str:
    """The library's crossref/xdata parents of ``work`` (and theirs), as BibLaTeX entries."""
    texts: dict[str, str] = {}
    wanted = _parent_keys(work)
    while wanted:
        found = [k for k in works.all_keys_like(db, wanted) if k not in texts]
        parents = [works.get_work(db, k) for k in found]
        wanted = []
        for parent in parents:
            if parent is not None and parent.key != work.key:
                texts[parent.key] = entry_text(parent, EDIT_DIALECT) + "\n"
                wanted += _parent_keys(parent)
    return "".join(texts.values())


def remove(db: Database, key: str, force: bool) -> list[str]:
    """Remove a work; refused (exit 4) while others list or cite it, unless ``force``.

    Returns the keys of the works whose entries or citations ``force`` removed.
    """
    with transaction(db):
        wid = require_id(db, key)
        citing = links.citers(db, wid)
        if citing and not force:
            raise ConflictError(
                f"{key} is listed or cited by {len(citing)} other"
                f" work{'s' if len(citing) > 1 else ''}"
                " (use --force to remove those entries too):",
                citing,
            )
        links.remove_links_to(db, wid)
        work_edits.delete_work(db, wid)
        return citing


def _with_fields(work: Work, fragment: Work, drop: frozenset[str] = frozenset()) -> Work:
    """``work`` whose raw BibTeX fields also say what ``fragment`` holds.

    The fragment is written by the model writer and read back, so its fields have the names and
    escapes of the work's own dialect; they replace raw fields of the same names, and the fields
    named in ``drop`` go.
    """
    src = work.source
    if src is None or src.dialect not in RAW_DIALECTS:
        return work

    def own_fields(w: Work) -> tuple:
        found = read_bibtex(entry_text(w, src.dialect), dialect=src.dialect).works
        return found[0].source.fields if found and found[0].source else ()

    baseline = {f.name.lower() for f in own_fields(Work(key=work.key, type=work.type))}
    new = [f for f in own_fields(fragment) if f.name.lower() not in baseline]
    gone = {f.name.lower() for f in new} | drop
    kept = [f for f in src.fields if f.inherited_from or f.name.lower() not in gone]
    return replace(work, source=replace(src, fields=(*kept, *new)))


def set_tags(db: Database, key: str, tags: list[str], add: bool) -> list[str]:
    """Add (or remove) tags; returns the work's tags afterwards."""
    with transaction(db):
        wid = require_id(db, key)
        work = works.get_work(db, key)
        assert work is not None
        if add:
            work_edits.add_tags(db, wid, tags)
            after = tuple(dict.fromkeys((*work.tags, *tags)))
        else:
            work_edits.remove_tags(db, wid, tags)
            after = tuple(t for t in work.tags if t not in tags)
        if after != work.tags and work.source and work.source.dialect in RAW_DIALECTS:
            fragment = Work(key=key, type=work.type, tags=after)
            synced = _with_fields(work, fragment, frozenset({"tags"}))
            assert synced.source is not None
            work_edits.set_source_fields(db, wid, synced.source.fields)
        return sorted(after)


@dataclass(frozen=True)
class Merged:
    filled: list[str]  # KEEP's fields filled from OTHER
    overridden: list[str]  # fields both had, with different values (KEEP's kept)
    moved: list[str]  # "references", "citations", "mentions" taken over from OTHER
    dropped: dict[str, int]  # OTHER's own links left behind because KEEP had its own
    contributors_from_other: bool


def merge(db: Database, keep_key: str, other_key: str) -> Merged:
    """Merge OTHER into KEEP and remove OTHER (docs/cli.md: KEEP's fields win)."""
    with transaction(db):
        keep_id, other_id = require_id(db, keep_key), require_id(db, other_key)
        if keep_id == other_id:
            raise ConflictError(f"cannot merge {keep_key} with itself")
        keep, other = works.get_work(db, keep_key), works.get_work(db, other_key)
        assert keep is not None and other is not None
        filled = {
            f: getattr(other, f)
            for f in WORK_TEXT_FIELDS
            if f != "type" and not getattr(keep, f) and getattr(other, f)
        }
        overridden = [
            f
            for f in WORK_TEXT_FIELDS
            if getattr(keep, f) and getattr(other, f) and getattr(keep, f) != getattr(other, f)
        ]
        dates = {k: other.dates[k] for k in DATE_KINDS if k in other.dates and k not in keep.dates}
        people = not keep.contributors and bool(other.contributors)
        tags = tuple(dict.fromkeys((*keep.tags, *other.tags)))
        fragment = Work(
            key=keep.key,
            type=keep.type,
            dates=dates,
            contributors=other.contributors if people else (),
            tags=tags,
            **filled,
        )
        merged = replace(
            keep,
            dates={**keep.dates, **dates},
            contributors=other.contributors if people else keep.contributors,
            tags=tags,
            **filled,
        )
        merged = _with_fields(merged, fragment, frozenset({"tags"}))
        names = work_edits.contributor_links(db, [other_id if people else keep_id])
        mine, theirs = links.own_links(db, keep_id), links.own_links(db, other_id)
        moved = [w for w in ("references", "citations", "mentions") if theirs[w] and not mine[w]]
        for what in moved:
            links.move_own(db, what, other_id, keep_id)
        links.retarget(db, other_id, keep_id)
        dropped = {w: n for w, n in theirs.items() if n and w not in moved}
        if keep.contributors and _people(other) not in ([], _people(keep)):
            dropped["contributors"] = len(other.contributors)
        work_edits.replace_work(db, keep_id, merged, names)
        work_edits.delete_work(db, other_id)
        work_edits.rename_parent(db, other.key, keep.key)
        filled_names = sorted([*filled, *(f"date ({k})" for k in dates)])
        return Merged(filled_names, overridden, moved, dropped, people)


def _people(work: Work) -> list[tuple[str, str]]:
    return [(c.role, c.name.sort_form()) for c in work.contributors]
