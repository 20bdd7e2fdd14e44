"""Fidelity over every real-world .bib file in ../shared/corpora (issue 3, "Fidelity").

Each file is imported into an empty library with ``--on-duplicate keep-both``, exported (in the
dialect it came in, and in the other one), re-parsed with bibtexparser and compared with the
original entry by entry and field by field. The differences allowed are only these: case of
entry types and field names, whitespace, field order, month forms, @string macros expanded, LaTeX
vs Unicode spelling of the same text, and, in the other dialect, the biblatex field and type
aliases (with ``date`` written as ``year``/``month`` towards BibTeX). The expected count of
changed fields is zero. Run with ``-s`` to see the per-file report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser import model as bp

from diprefs.dates import parse_bibtex_date
from diprefs.formats.bibtex import latex_to_text
from diprefs.formats.bibtex_map import BIBTEX_TYPES, FIELD_ALIASES, TYPE_ALIASES
from diprefs.formats.bibvalue import evaluate
from diprefs.formats.encoding import decode
from diprefs.services import transfer
from diprefs.storage.db import create_library, open_library

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FILES = sorted(CORPORA.rglob("*.bib")) if CORPORA.is_dir() else []
_DATE_PARTS = {"year", "month", "date", "day"}
_OTHER = {"bibtex": "biblatex", "biblatex": "bibtex"}
#: ``type`` values that only say what a BibTeX type alias said (@phdthesis = @thesis, phdthesis)
_ALIAS_SUBTYPES = {sub for _, sub in TYPE_ALIASES.values() if sub}

pytestmark = pytest.mark.skipif(not FILES, reason=f"corpora not found at {CORPORA}")


def _strings(library: bp.Library) -> dict[str, str]:
    strings: dict[str, str] = {}
    for s in library.strings:
        strings[s.key.lower()] = evaluate(str(s.value), strings)[0]
    return strings


def _entries(library: bp.Library) -> list[bp.Entry]:
    """Accepted entries plus those bibtexparser rejects only for a duplicate key (we keep both)."""
    dupes = [
        b.ignore_error_block
        for b in library.failed_blocks
        if isinstance(b, bp.DuplicateBlockKeyBlock) and isinstance(b.ignore_error_block, bp.Entry)
    ]
    return sorted([*library.entries, *dupes], key=lambda e: e.start_line)


def _value(raw: str, strings: dict[str, str]) -> str:
    """A raw value compared up to macros, LaTeX spelling and whitespace."""
    return " ".join(latex_to_text(evaluate(raw, strings)[0]).split())


def _fields(entry: bp.Entry, strings: dict[str, str], rename: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in entry.fields:
        name = f.key.lower()
        out[rename.get(name, name)] = _value(f.value, strings)
    return out


def _issued(fields: dict[str, str]) -> str:
    return parse_bibtex_date(
        date=fields.get("date", ""),
        year=fields.get("year", ""),
        month=fields.get("month", ""),
        day=fields.get("day", ""),
    ).to_edtf()


@dataclass
class Imported:
    library: Path
    dialect: str
    #: (source key, 1-based line) -> key in the library
    keys: dict[tuple[str, int], str]
    original: bp.Library


@pytest.fixture(scope="session")
def imported(tmp_path_factory):
    """Each corpus file imported once per session (the large ones take seconds)."""
    cache: dict[Path, Imported] = {}

    def get(path: Path) -> Imported:
        if path not in cache:
            library = tmp_path_factory.mktemp("corpus") / "library.db"
            create_library(library)
            db = open_library(library)
            inputs = [transfer.Input(path.name, path.read_bytes())]
            transfer.import_files(db, inputs, on_duplicate="keep-both")
            dialect = db.execute("SELECT dialect FROM sources").fetchone()[0]
            keys = {
                (source_key, line): key
                for key, source_key, line in db.execute(
                    "SELECT key, source_key, source_line FROM works"
                )
            }
            db.conn.close()
            text = decode(path.read_bytes()).text
            original = bibtexparser.parse_string(text, parse_stack=[])
            cache[path] = Imported(library, dialect, keys, original)
        return cache[path]

    return get


def _compare(item: Imported, dialect: str) -> tuple[int, int, list[str]]:
    """(entries in, entries out, changed fields as 'key.field: before -> after')."""
    db = open_library(item.library)
    text, _ = transfer.export_works(db, [], None, [], dialect, False)
    db.conn.close()
    exported = bibtexparser.parse_string(text, parse_stack=[])
    assert not exported.failed_blocks, [b.error for b in exported.failed_blocks][:3]
    out = {e.key: e for e in exported.entries}
    cross = dialect != item.dialect
    rename = FIELD_ALIASES if cross else {}  # across dialects, aliases compare as one name
    before_strings, after_strings = _strings(item.original), _strings(exported)
    entries_in = _entries(item.original)
    changed: list[str] = []
    found = 0
    for entry in entries_in:
        key = item.keys.get((entry.key, entry.start_line + 1))
        if key is None or key not in out:
            changed.append(f"{entry.key} (line {entry.start_line + 1}): entry missing")
            continue
        found += 1
        before = _fields(entry, before_strings, rename)
        after = _fields(out[key], after_strings, rename)
        if _type(entry.entry_type, cross) != _type(out[key].entry_type, cross):
            changed.append(f"{key}: type {entry.entry_type} -> {out[key].entry_type}")
        if cross:
            before, after = _dated(before, after)
            for fields in (before, after):
                if fields.get("type", "").lower() in _ALIAS_SUBTYPES:
                    del fields["type"]
        for name, value in before.items():
            if name not in after:
                changed.append(f"{key}.{name}: lost ({value[:60]!r})")
            elif after[name] != value:
                changed.append(f"{key}.{name}: {value[:60]!r} -> {after[name][:60]!r}")
        changed += [f"{key}.{name}: added" for name in after.keys() - before.keys()]
    return len(entries_in), found, changed


def _type(entry_type: str, cross: bool) -> str:
    """An entry type up to case, and across dialects up to the biblatex type aliases."""
    entry_type = entry_type.lower()
    if cross:
        entry_type = TYPE_ALIASES.get(entry_type, (entry_type, ""))[0]
        entry_type = BIBTEX_TYPES.get(entry_type, entry_type)
    return entry_type


def _dated(before: dict[str, str], after: dict[str, str]) -> tuple[dict, dict]:
    """Across dialects a date may move between ``date`` and ``year``/``month``: compare it once."""
    if not (_DATE_PARTS & before.keys()):
        return before, after
    parts_before = {k: v for k, v in before.items() if k not in _DATE_PARTS}
    parts_after = {k: v for k, v in after.items() if k not in _DATE_PARTS}
    parts_before["(issued)"] = _issued(before)
    parts_after["(issued)"] = _issued(after)
    return parts_before, parts_after


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPORA)))
@pytest.mark.parametrize("target", ["same", "other"])
def test_every_field_survives_a_round_trip(imported, path, target):
    item = imported(path)
    dialect = item.dialect if target == "same" else _OTHER[item.dialect]
    entries_in, entries_out, changed = _compare(item, dialect)
    report = (
        f"{path.relative_to(CORPORA)} [{item.dialect} -> {dialect}]: entries in {entries_in},"
        f" entries out {entries_out}, fields changed {len(changed)}"
    )
    print(report)
    assert entries_in > 0
    assert changed == [], report + "\n" + "\n".join(changed[:20])
