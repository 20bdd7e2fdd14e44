"""BibTeX/BibLaTeX reader: text -> ``Work`` records, losing nothing.

bibtexparser v2's splitter cuts the file into blocks; ``bibvalue`` resolves ``@string`` macros and
``#``; ``crossref`` adds what an entry inherits from its crossref/xdata parents; this module maps
each entry to the model (tables in ``bibtex_map``), decodes LaTeX to Unicode with pylatexenc, and
keeps every field's original name and raw value in ``Work.source`` so an export in the same dialect
writes back exactly what came in. A block the splitter rejects, a duplicate field, a 10 MB field or
text stranded after an entry's closing brace becomes a ``Problem``, never an aborted read.

The hot path avoids bibtexparser's middlewares (its name middlewares alone cost twice the split):
only the fields the model needs are decoded, and names, LaTeX and dates are cached.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from bibtexparser import model as bp

from diprefs.dates import parse_bibtex_date
from diprefs.formats import bibsplit
from diprefs.formats.bibtex_map import (
    ARTICLE_SUBTYPES,
    BIBLATEX_FIELDS,
    BIBLATEX_TYPES,
    DATE_FIELDS,
    EDITOR_TYPES,
    ENTRY_TYPES,
    LANGUAGES,
    NAME_FIELDS,
    TEXT_FIELDS,
)
from diprefs.formats.bibvalue import evaluate
from diprefs.formats.crossref import Resolver
from diprefs.formats.records import Block, Problem, ReadResult
from diprefs.model import Contributor, Name, Source, SourceField, Work
from diprefs.names.parse import parse_name, split_names

_TRUE = {"true", "yes", "1"}
#: biblatex's verbatim fields: in a URL "~" and "%" are characters, not LaTeX (manual 2.2.1).
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "pdf", "urlraw"})
#: A longer field is an unclosed brace that swallowed the rest of the file, not data.
MAX_FIELD_CHARS = 1_000_000
#: Fields decoded for the model besides TEXT_FIELDS (the rest stay raw only).
_MODEL_EXTRAS = frozenset(
    ("number", "organization", "langid", "language", "titlesupplied", "entrysubtype", "tags")
)
#: What ``map_fields`` does with a field: decode it into a model field (target, rank: when two
#: fields map to one model field, the one listed first in TEXT_FIELDS wins), read it as a name
#: list, decode it for a model extra, or take it as the role of a name list (``editoratype``).
#: One lookup per field; the later groups win, as the order of the tests once did.
_TEXT, _NAMES, _EXTRA, _ROLE = range(4)
_FIELD_USE: dict[str, tuple[int, str, int]] = {
    **{name + "type": (_ROLE, "", 0) for name in NAME_FIELDS},
    **{name: (_EXTRA, "", 0) for name in _MODEL_EXTRAS},
    **{name: (_NAMES, "", 0) for name in NAME_FIELDS},
    **{name: (_TEXT, target, rank) for rank, (name, target) in enumerate(TEXT_FIELDS.items())},
}
#: ``@article{title = {X}}``: an entry whose first token is a field, i.e. it has no key.
_KEYLESS = re.compile(
    r"^([ \t]*@[ \t]*(?!(?:comment|string|preamble)\b)[A-Za-z][\w-]*[ \t]*[{(])"
    r"(?=\s*[^\s,={}()\"#%]+\s*=)",
    re.MULTILINE | re.IGNORECASE,
)
#: What every match of ``_KEYLESS`` also matches, found fast (it starts with a literal "@"):
#: most files have no keyless entry, and scanning for ``_KEYLESS`` tries every line start.
_KEYLESS_HINT = re.compile(r"@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]\s*[^\s,={}()\"#%]+\s*=", re.IGNORECASE)
_DATE_NAMES = frozenset(DATE_FIELDS)
#: Text right after an entry that continues it: an extra ``}`` closed the entry early.
_STRAY = re.compile(r"\s*(?:[,}]|[\w+.:-]+\s*=)")
#: What a @string macro name can be (BibTeX: no white space, no delimiters).
_MACRO_NAME = re.compile(r"[^\s{}\"#%,=()]+")
#: White space BibTeX collapses (a non-breaking space, LaTeX's ~, stays).
_SPACES = re.compile(r"[ \t\r\n]+")
_FAILED_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s{}()=]*)")


@lru_cache(maxsize=1)
def _quiet_splitter() -> None:
    """The splitter logs every bad block to stderr; we report them as problems instead."""
    log = logging.getLogger("bibtexparser")
    log.addHandler(logging.NullHandler())
    log.propagate = False


@lru_cache(maxsize=1)
def _latex_decoder():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(strict_latex_spaces=True)


def _decoded(value: str) -> Iterator[str]:
    """pylatexenc's text for ``value``, computed in a generator's frame (``next`` gets it).

    pylatexenc's parser ends every value by catching an end-of-stream exception and keeping it
    in a local: a reference cycle through the exception's traceback. In CPython a frame that
    outlives its call keeps its caller's frame, and so on up the stack, so a call made straight
    from the import would keep everything the import's frames hold (the whole parsed file)
    until a full collection. A finished generator's frame has no caller: the chain ends here.
    """
    yield _latex_decoder().latex_to_text(value)


@lru_cache(maxsize=131072)
def latex_to_text(value: str) -> str:
    """LaTeX to Unicode; braces that only protect case are dropped; a run of white space (a line
    break included) is one space, as BibTeX reads it."""
    if "\\" in value or "$" in value or "~" in value:
        value = next(_decoded(value))
    else:
        value = value.replace("{", "").replace("}", "")
    return _SPACES.sub(" ", value).strip(" ")


@lru_cache(maxsize=65536)
def _issued(date: str, year: str, month: str, day: str) -> str:
    return parse_bibtex_date(date=date, year=year, month=month, day=day).to_edtf()


@lru_cache(maxsize=16384)
def _other_date(value: str) -> str:
    return parse_bibtex_date(date=value).to_edtf()


@lru_cache(maxsize=131072)
def decoded_name(printed: str) -> Name:
    """A printed name as parts, LaTeX decoded (cached: the same names recur across a file)."""
    name = parse_name(printed)
    if any("\\" in p for p in (name.family, name.given, name.literal, name.particle)):
        name = replace(
            name,
            family=latex_to_text(name.family),
            given=latex_to_text(name.given),
            particle=latex_to_text(name.particle),
            literal=latex_to_text(name.literal),
        )
    return name


@lru_cache(maxsize=65536)
def _names(raw: str) -> tuple[str, ...]:
    return tuple(split_names(raw))


def _language(value: str) -> str:
    """A BCP 47 tag from a babel name ('russian') or a tag already ('uz-Latn')."""
    value = value.strip()
    return LANGUAGES.get(value.lower(), value)


def _dialect(entries: list[bp.Entry], field_names: set[str]) -> str:
    """BibLaTeX when any entry has a type or a field only BibLaTeX has."""
    if field_names & BIBLATEX_FIELDS or any(
        e.entry_type.lower() in BIBLATEX_TYPES for e in entries
    ):
        return "biblatex"
    return "bibtex"


def _work_type(entry_type: str, fields: dict[str, str]) -> str:
    csl = ENTRY_TYPES.get(entry_type, "document")
    if csl == "article-journal":
        csl = ARTICLE_SUBTYPES.get(fields.get("entrysubtype", "").lower(), csl)
    return csl


def _contributors(fields: dict[str, str], raw_lists: dict[str, str]) -> tuple[Contributor, ...]:
    out: list[Contributor] = []
    for name, role in NAME_FIELDS.items():
        if name not in raw_lists:
            continue
        if name.startswith("editor") and len(name) == 7:  # editora, editorb, editorc
            kind = latex_to_text(fields.get(name + "type", "editor")).strip().lower()
            role = EDITOR_TYPES.get(kind, kind or "editor")
        for printed in _names(raw_lists[name]):
            out.append(Contributor(name=decoded_name(printed), role=role, printed=printed))
    return tuple(out)


def map_fields(
    entry_type: str, key: str, resolved: dict[str, str], source: Source | None = None
) -> Work:
    """A ``Work`` from an entry's evaluated fields (lower-case names, LaTeX still in).

    One pass over the fields: the hot path of a large import.
    """
    fields: dict[str, str] = {}
    text: dict[str, str] = {}
    ranks: dict[str, int] = {}
    names: dict[str, str] = {}
    roles: dict[str, str] = {}
    for name, value in resolved.items():
        use = _FIELD_USE.get(name)
        if use is None:
            continue
        kind, target, rank = use
        if kind == _TEXT:
            decoded = fields[name] = (
                value.strip() if name in VERBATIM_FIELDS else latex_to_text(value)
            )
            if decoded and rank < ranks.get(target, 1000):
                text[target] = decoded
                ranks[target] = rank
        elif kind == _NAMES:
            names[name] = value
        elif kind == _EXTRA:
            fields[name] = latex_to_text(value)
        else:
            roles[name] = value
    if "page" in text:
        text["page"] = text["page"].replace("--", "–")
    number = fields.get("number")
    if number:
        if entry_type == "article" and "issue" not in text:
            text["issue"] = number
        else:
            text["number"] = number
    if "publisher" not in text and fields.get("organization"):
        text["publisher"] = fields["organization"]
    tags = fields.get("tags")
    return Work(
        key=key,
        type=_work_type(entry_type, fields),
        language=_language(fields.get("langid") or fields.get("language") or ""),
        title_supplied=fields.get("titlesupplied", "").strip().lower() in _TRUE,
        dates=_dates(resolved),
        contributors=_contributors(roles, names) if names else (),
        tags=tuple(t.strip() for t in tags.split(",") if t.strip()) if tags else (),
        source=source,
        **text,
    )


def _dates(resolved: dict[str, str]) -> dict[str, str]:
    """Dates are read from the raw values: LaTeX decoding would turn EDTF's "~" into a space."""
    dates: dict[str, str] = {}
    if "date" in resolved or "year" in resolved:
        issued = _issued(
            resolved.get("date", ""),
            resolved.get("year", ""),
            resolved.get("month", ""),
            resolved.get("day", ""),
        )
        if issued:
            dates["issued"] = issued
    if _DATE_NAMES.isdisjoint(resolved):
        return dates
    for name, kind in DATE_FIELDS.items():
        if resolved.get(name):
            value = _other_date(resolved[name])
            if value:
                dates[kind] = value
    return dates


def _undefined_message(pieces: list[str]) -> str:
    """One line for the parts of values that are neither braced, quoted, numbers nor macros."""
    macros = [p for p in dict.fromkeys(pieces) if _MACRO_NAME.fullmatch(p)]
    other = [" ".join(p.split()) for p in dict.fromkeys(pieces) if not _MACRO_NAME.fullmatch(p)]
    parts = [f"undefined @string macro: {', '.join(macros)}"] if macros else []
    if other:
        text = other[0] if len(other[0]) <= 60 else other[0][:57] + "..."
        parts.append(f"text outside braces or quotes, kept as written: {text!r}")
    return "; ".join(parts)


def _failure_message(block: bp.ParsingFailedBlock) -> str:
    """bibtexparser's reason, said the way a user fixes it."""
    if isinstance(block, bp.DuplicateFieldKeyBlock):
        names = ", ".join(repr(k) for k in sorted(block.duplicate_keys))
        return f"duplicate field {names}"
    reason = str(getattr(block.error, "abort_reason", block.error) or "")
    if "end of file" in reason:
        return "truncated entry: the file ends before its closing brace"
    if "Unexpected block start" in reason:
        what, want = ("quotes", '"') if 'closing `"`' in reason else ("braces", "}")
        return f"unbalanced {what}: no closing {want} before the next '@' at the start of a line"
    if "Expected comma after entry key" in reason:
        return "no comma after the entry key"
    if "Expected a `=`" in reason:
        return "a field without '=' (or text where a field should be)"
    return reason.split(". ")[0].strip() or "unreadable block"


class _Reader:
    """One file's blocks, read in order; entries are mapped once all blocks are known."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.result = ReadResult()
        self.entries: list[bp.Entry] = []
        self.strings: dict[str, str] = {}
        self._field_names: set[str] | None = None

    def field_names(self) -> set[str]:
        """Every field name used in the file, lower-case (computed once)."""
        if self._field_names is None:
            self._field_names = {f.key.lower() for e in self.entries for f in e.fields}
        return self._field_names

    def problem(self, line: int, key: str, message: str, kept: bool = False) -> None:
        self.result.problems.append(Problem(self.file, line, key, message, kept))

    def take(self, blocks: list[bp.Block]) -> None:
        previous: bp.Entry | None = None
        for block in blocks:
            entry = (
                block.ignore_error_block if isinstance(block, bp.DuplicateBlockKeyBlock) else block
            )
            if isinstance(entry, bp.Entry):
                self.entries.append(entry)
                previous = entry
                continue
            line = block.start_line + 1
            if isinstance(block, bp.ImplicitComment):
                if previous is not None and _STRAY.match(block.comment):
                    self.entries.remove(previous)
                    self.problem(
                        previous.start_line + 1,
                        previous.key,
                        f"unbalanced braces: an extra '}}' ends the entry before line {line}",
                    )
            elif isinstance(block, bp.String):
                self.strings[block.key.lower()] = evaluate(str(block.value), self.strings)[0]
                self.result.blocks.append(Block("string", block.raw, block.key, line))
            elif isinstance(block, bp.Preamble):
                self.result.blocks.append(Block("preamble", block.raw, line=line))
            elif isinstance(block, bp.ExplicitComment):
                self.result.blocks.append(Block("comment", block.raw, line=line))
            elif isinstance(block, bp.ParsingFailedBlock):
                inner = block.ignore_error_block
                key = getattr(inner, "key", None)
                if key is None:
                    found = _FAILED_KEY.match(block.raw or "")
                    key = found.group(1) if found else ""
                self.problem(line, key, _failure_message(block))
            previous = None

    def works(self, dialect: str) -> None:
        resolver = Resolver(self._parents(), dialect)
        for entry in self.entries:
            work = self.work(entry, dialect, resolver)
            if work is not None:
                self.result.works.append(work)

    def _parents(self) -> dict[str, tuple[str, str, list[tuple[str, str]]]]:
        """Every entry by lower-case key, when some entry has a crossref or xdata parent."""
        if not {"crossref", "xdata"} & self.field_names():
            return {}
        table: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}
        for e in self.entries:
            pairs = [(f.key, f.value) for f in e.fields]
            table.setdefault(e.key.lower(), (e.entry_type.lower(), e.key, pairs))
        return table

    def work(self, entry: bp.Entry, dialect: str, resolver: Resolver) -> Work | None:
        """The entry as a work, or None (and a problem) when it cannot be one."""
        line = entry.start_line + 1
        keys = [f.key for f in entry.fields]
        raws = [f.value for f in entry.fields]
        if max(map(len, raws), default=0) > MAX_FIELD_CHARS:
            key, size = next(
                (k, len(r) / 1_000_000)
                for k, r in zip(keys, raws, strict=True)
                if len(r) > MAX_FIELD_CHARS
            )
            self.problem(
                line,
                entry.key,
                f"field {key!r} is {size:.1f} million characters long"
                f" (the limit is {MAX_FIELD_CHARS:,}): an unclosed brace?",
            )
            return None
        if not keys and not entry.key:
            self.problem(line, "", "an empty entry: no key and no fields")
            return None
        resolved: dict[str, str] = {}
        undefined: list[str] = []
        strings = self.strings
        for key, raw in zip(keys, raws, strict=True):
            name = key.lower()
            if name in resolved:
                continue
            if raw.startswith("{") and raw.endswith("}") and "#" not in raw:  # the common case
                resolved[name] = raw[1:-1]
            else:
                resolved[name], missing = evaluate(raw, strings)
                undefined += missing
        entry_type = entry.entry_type.lower()
        fields: tuple[SourceField, ...] = tuple(map(SourceField, keys, raws))
        if resolver.entries and ("crossref" in resolved or "xdata" in resolved):
            pairs = list(zip(keys, raws, strict=True))
            for name, raw, origin in resolver.inherited(entry.key, entry_type, pairs):
                fields += (SourceField(name, raw, origin),)
                resolved.setdefault(name.lower(), evaluate(raw, strings)[0])
        if undefined:
            self.problem(line, entry.key, _undefined_message(undefined), kept=True)
        source = Source(dialect, entry.entry_type, entry.key, fields, self.file, line)
        return map_fields(entry_type, entry.key, resolved, source)


def read_bibtex(text: str, *, file: str = "", dialect: str = "auto") -> ReadResult:
    """Read BibTeX or BibLaTeX text. Bad blocks become problems; good ones become works."""
    _quiet_splitter()
    reader = _Reader(file)
    if _KEYLESS_HINT.search(text):
        text = _KEYLESS.sub(r"\1,", text)
    reader.take(bibsplit.split(text))
    chosen = _dialect(reader.entries, reader.field_names()) if dialect == "auto" else dialect
    reader.result.dialect = chosen
    reader.works(chosen)
    reader.result.problems.sort(key=lambda p: p.line or 0)
    return reader.result
