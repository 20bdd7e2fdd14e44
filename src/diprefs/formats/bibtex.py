"""BibTeX/BibLaTeX reader: text -> ``Work`` records, losing nothing.

bibtexparser v2's splitter cuts the file into blocks; ``bibvalue`` resolves ``@string`` macros
and ``#``; ``crossref`` adds what an entry inherits from its crossref/xdata parents;
``bibtex_fields`` maps each entry to the model (tables in ``bibtex_map``) and decodes LaTeX to
Unicode with pylatexenc; this module reads the blocks in order and keeps every field's original
name and raw value in ``Work.source``, so an export in the same dialect writes back exactly what
came in. A block the splitter rejects, a duplicate field, a 10 MB field or text stranded after an
entry's closing brace becomes a ``Problem``, never an aborted read.

The hot path avoids bibtexparser's middlewares (its name middlewares alone cost twice the split):
only the fields the model needs are decoded, and names, LaTeX and dates are cached.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from bibtexparser import model as bp

from diprefs.formats.bibsplit import Parts, SplitEntry, whole
from diprefs.formats.bibtex_fields import (
    GENITIVE_ROLE_FIELDS,
    MAX_FIELD_CHARS,
    decoded_name,
    map_fields,
    resolved_fields,
)
from diprefs.formats.bibtex_map import BIBLATEX_FIELDS, BIBLATEX_TYPES
from diprefs.formats.bibvalue import evaluate
from diprefs.formats.crossref import Resolver
from diprefs.formats.records import Block, Problem, ReadResult
from diprefs.latex import latex_to_text
from diprefs.model import Source, SourceField, Work
from diprefs.names.cases import GENITIVE_ONLY_WORD

#: The reader's decoders, which the writer and the round-trip checks use as well.
__all__ = ["decoded_name", "latex_to_text", "read_bibtex"]

#: ``@article{title = {X}}``: an entry whose first token is a field, i.e. it has no key.
_KEYLESS = re.compile(
    r"^([ \t]*@[ \t]*(?!(?:comment|string|preamble)\b)[A-Za-z][\w-]*[ \t]*[{(])"
    r"(?=\s*[^\s,={}()\"#%]+\s*=)",
    re.MULTILINE | re.IGNORECASE,
)
#: What every match of ``_KEYLESS`` also matches, found fast (it starts with a literal "@"):
#: most files have no keyless entry, and scanning for ``_KEYLESS`` tries every line start.
_KEYLESS_HINT = re.compile(r"@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]\s*[^\s,={}()\"#%]+\s*=", re.IGNORECASE)
#: Text right after an entry that continues it: an extra ``}`` closed the entry early.
_STRAY = re.compile(r"\s*(?:[,}]|[\w+.:-]+\s*=)")
#: What a @string macro name can be (BibTeX: no white space, no delimiters).
_MACRO_NAME = re.compile(r"[^\s{}\"#%,=()]+")
_FAILED_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s{}()=]*)")


@lru_cache(maxsize=1)
def _quiet_splitter() -> None:
    """The splitter logs every bad block to stderr; we report them as problems instead."""
    log = logging.getLogger("bibtexparser")
    log.addHandler(logging.NullHandler())
    log.propagate = False


def _dialect(entries: list[SplitEntry], field_names: set[str]) -> str:
    """BibLaTeX when any entry has a type or a field only BibLaTeX has."""
    if field_names & BIBLATEX_FIELDS or any(
        e.entry_type.lower() in BIBLATEX_TYPES for e in entries
    ):
        return "biblatex"
    return "bibtex"


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


@dataclass
class _Early:
    """The works of a file's first part, mapped before the rest was read, and what under."""

    entries: list[SplitEntry]
    works: list[Work | None]
    problems: list[Problem]
    #: (@string macros, dialect, genitive reading) they were mapped under
    context: tuple[dict[str, str], str, bool]
    #: ``map_more`` may add the entries read since
    open: bool = True

    def holds(self, reader: _Reader, dialect: str, parents: bool) -> bool:
        """Whether the whole file gives these entries the same works."""
        entries = reader.entries
        return (
            not parents
            and self.context == (reader.strings, dialect, reader.genitive_file)
            and len(entries) >= len(self.entries)
            and all(a is b for a, b in zip(entries, self.entries, strict=False))
        )


class _Reader:
    """One file's blocks, read in order; entries are mapped once all blocks are known."""

    def __init__(self, file: str, cyrillic_endings: bool = True) -> None:
        self.file = file
        self.result = ReadResult()
        self.entries: list[SplitEntry] = []
        self.strings: dict[str, str] = {}
        self._field_names: set[str] | None = None
        #: the file writes editors and translators in the genitive (``names.cases``)
        self.genitive_file = False
        #: the text holds "ой" or "ого" at all (a fast test, before looking at name lists)
        self.cyrillic_endings = cyrillic_endings

    def field_names(self) -> set[str]:
        """Every field name used in the file, lower-case (computed once)."""
        if self._field_names is None:
            names = {key for e in self.entries for key in e.keys}
            self._field_names = {name.lower() for name in names}
        return self._field_names

    def problem(self, line: int, key: str, message: str, kept: bool = False) -> None:
        self.result.problems.append(Problem(self.file, line, key, message, kept))

    def take(self, blocks: list[SplitEntry | bp.Block]) -> None:
        previous: SplitEntry | None = None
        for block in blocks:
            if isinstance(block, SplitEntry):
                self.entries.append(block)
                previous = block
                continue
            line = block.start_line + 1
            if isinstance(block, bp.ImplicitComment):
                if previous is not None and _STRAY.match(block.comment):
                    self.entries.pop()  # ``previous`` is always the last one
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

    def works(
        self, dialect: str, genitive_file: bool | None = None, early: _Early | None = None
    ) -> None:
        """Map every entry, reusing ``early``'s works when what they were mapped under holds."""
        names = self.field_names()
        self.genitive_file = self._genitive_reading(names, genitive_file)
        parents = self._parents()
        resolver = Resolver(parents, dialect)
        start = 0
        if early is not None and early.holds(self, dialect, bool(parents)):
            self.result.problems += early.problems
            self.result.works += [w for w in early.works if w is not None]
            start = len(early.entries)
        for entry in self.entries[start:]:
            work = self.work(entry, dialect, resolver)
            if work is not None:
                self.result.works.append(work)

    def map_early(self, dialect: str, genitive_file: bool | None) -> _Early | None:
        """Map the entries read so far (the first part of a file that a child process is still
        splitting) under what they tell; ``works`` keeps them if the whole file tells the same:
        no @string in the rest, the same dialect and genitive reading, no crossref or xdata."""
        names = {key.lower() for e in self.entries for key in e.keys}
        if {"crossref", "xdata"} & names:
            return None
        if dialect == "auto":
            dialect = _dialect(self.entries, names)
        self.genitive_file = self._genitive_reading(names, genitive_file)
        resolver = Resolver({}, dialect)
        kept, self.result.problems = self.result.problems, []
        try:
            works = [self.work(entry, dialect, resolver) for entry in self.entries]
        finally:
            problems, self.result.problems = self.result.problems, kept
        context = (dict(self.strings), dialect, self.genitive_file)
        return _Early(list(self.entries), works, problems, context)

    def map_more(self, early: _Early) -> None:
        """Map the entries taken since ``early`` was, under what it was mapped under, while the
        text read so far still tells the same: no @string since, no crossref or xdata."""
        new = self.entries[len(early.entries) :]
        strings, dialect, _ = early.context
        if not early.open or not new:
            return
        names = {key.lower() for e in new for key in e.keys}
        if self.strings != strings or {"crossref", "xdata"} & names:
            early.open = False  # ``works`` maps these and the rest; ``holds`` decides on the rest
            return
        resolver = Resolver({}, dialect)
        kept, self.result.problems = self.result.problems, []
        try:
            early.works += [self.work(entry, dialect, resolver) for entry in new]
        finally:
            early.problems += self.result.problems
            self.result.problems = kept
        early.entries += new

    def _genitive_reading(self, names: set[str], given: bool | None) -> bool:
        """The caller's word on genitives (``read_bibtex``'s ``genitive_file``), else the text's."""
        return self._writes_genitives(names) if given is None else given

    def _writes_genitives(self, names: set[str]) -> bool:
        """Whether the file writes editors and translators in the genitive, as files made for
        biblatex-gost do: two surnames there with endings only a genitive has (Козловой,
        Достоевского) tell. One could be a nominative (a man named Луговой)."""
        if not self.cyrillic_endings or not GENITIVE_ROLE_FIELDS & names:
            return False
        found: set[str] = set()
        for e in self.entries:
            for key, raw in zip(e.keys, e.raws, strict=True):
                if key.lower() in GENITIVE_ROLE_FIELDS:
                    found.update(GENITIVE_ONLY_WORD.findall(raw))
                    if len(found) > 1:
                        return True
        return False

    def _parents(self) -> dict[str, tuple[str, str, list[tuple[str, str]]]]:
        """Every entry by lower-case key, when some entry has a crossref or xdata parent."""
        if not {"crossref", "xdata"} & self.field_names():
            return {}
        table: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}
        for e in self.entries:
            pairs = list(zip(e.keys, e.raws, strict=True))
            table.setdefault(e.key.lower(), (e.entry_type.lower(), e.key, pairs))
        return table

    def work(self, entry: SplitEntry, dialect: str, resolver: Resolver) -> Work | None:
        """The entry as a work, or None (and a problem) when it cannot be one."""
        line = entry.start_line + 1
        keys, raws = entry.keys, entry.raws
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
        strings = self.strings
        resolved, undefined = resolved_fields(keys, raws, strings)
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
        return map_fields(entry_type, entry.key, resolved, source, self.genitive_file)


def read_bibtex(
    text: str, *, file: str = "", dialect: str = "auto", genitive_file: bool | None = None
) -> ReadResult:
    """Read BibTeX or BibLaTeX text. Bad blocks become problems; good ones become works.

    ``genitive_file``: whether the text writes editors and translators in the genitive
    (``names.cases``); None: tell from the text. A large file's first part is mapped while a
    child process splits the rest, and each piece it sends is mapped as it comes
    (``bibsplit.Parts``).
    """
    _quiet_splitter()
    if _KEYLESS_HINT.search(text):
        text = _KEYLESS.sub(r"\1,", text)
    cyrillic_endings = "ой" in text or "ого" in text
    reader = _Reader(file, cyrillic_endings)
    parts = Parts(text)
    try:
        reader.take(parts.first)
        early = reader.map_early(dialect, genitive_file) if parts.pending else None
        for piece in parts.rest():
            reader.take(piece)
            if early is not None:
                reader.map_more(early)
    finally:
        parts.close()
    if parts.broken:  # a cut broke a block, or the child failed: read the whole text again
        reader, early = _Reader(file, cyrillic_endings), None
        reader.take(whole(text))
    chosen = _dialect(reader.entries, reader.field_names()) if dialect == "auto" else dialect
    reader.result.dialect = chosen
    reader.works(chosen, genitive_file, early)
    reader.result.problems.sort(key=lambda p: p.line or 0)
    return reader.result
