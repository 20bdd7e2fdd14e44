"""BibTeX/BibLaTeX reader core: text -> ``Work`` records, losing nothing.

bibtexparser v2's splitter cuts the file into blocks and resolves ``@string`` macros and ``#``
concatenation; this module maps each entry to the model (tables in ``bibtex_map``), decodes LaTeX to
Unicode with pylatexenc, and keeps every field's original name and raw value in ``Work.source`` so
an export in the same dialect writes back exactly what came in. A block the splitter rejects becomes
a ``Problem``, never an aborted read.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from bibtexparser import model as bp
from bibtexparser.splitter import Splitter

from diprefs.dates import parse_bibtex_date
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
from diprefs.formats.records import Block, Problem, ReadResult
from diprefs.model import Contributor, Name, Source, SourceField, Work
from diprefs.names.parse import parse_name, split_names

_TRUE = {"true", "yes", "1"}


@lru_cache(maxsize=131072)
def latex_to_text(value: str) -> str:
    """LaTeX to Unicode; braces that only protect case are dropped. Plain text is returned as is."""
    if "\\" in value or "$" in value or "~" in value:
        from pylatexenc.latex2text import LatexNodes2Text

        return LatexNodes2Text(strict_latex_spaces=True).latex_to_text(value).strip()
    return value.replace("{", "").replace("}", "").strip()


def _language(value: str) -> str:
    """A BCP 47 tag from a babel name ('russian') or a tag already ('uz-Latn')."""
    value = value.strip()
    return LANGUAGES.get(value.lower(), value)


def _dialect(entries: list[bp.Entry]) -> str:
    for entry in entries:
        if entry.entry_type.lower() in BIBLATEX_TYPES:
            return "biblatex"
        if any(f.key.lower() in BIBLATEX_FIELDS for f in entry.fields):
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
            kind = fields.get(name + "type", "editor").strip().lower()
            role = EDITOR_TYPES.get(kind, kind or "editor")
        for printed in split_names(raw_lists[name]):
            out.append(Contributor(name=_decoded_name(printed), role=role, printed=printed))
    return tuple(out)


def _decoded_name(printed: str) -> Name:
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


def entry_to_work(entry: bp.Entry, strings: dict[str, str], dialect: str, file: str = "") -> Work:
    """Map one split entry (raw values as written) to a ``Work``; the raw values are kept."""
    resolved: dict[str, str] = {}
    for f in entry.fields:
        resolved.setdefault(f.key.lower(), evaluate(str(f.value), strings)[0])
    fields = {k: latex_to_text(v) for k, v in resolved.items()}
    entry_type = entry.entry_type.lower()
    text: dict[str, str] = {}
    for name, target in TEXT_FIELDS.items():
        value = fields.get(name)
        if value and target not in text:
            text[target] = value
    if "page" in text:
        text["page"] = text["page"].replace("--", "–")
    if entry_type == "article" and fields.get("number") and "issue" not in text:
        text["issue"] = fields["number"]
    elif fields.get("number"):
        text["number"] = fields["number"]
    if "publisher" not in text and fields.get("organization"):
        text["publisher"] = fields["organization"]
    language = _language(fields.get("langid") or fields.get("language") or "")
    dates: dict[str, str] = {}
    # Dates are read from the raw values: LaTeX decoding would turn EDTF's "~" into a space.
    issued = parse_bibtex_date(
        date=resolved.get("date", ""),
        year=resolved.get("year", ""),
        month=resolved.get("month", ""),
        day=resolved.get("day", ""),
    )
    if issued.to_edtf():
        dates["issued"] = issued.to_edtf()
    for name, kind in DATE_FIELDS.items():
        if resolved.get(name):
            dates[kind] = parse_bibtex_date(date=resolved[name]).to_edtf()
    tags = tuple(t.strip() for t in fields.get("tags", "").split(",") if t.strip())
    source = Source(
        dialect=dialect,
        entry_type=entry.entry_type,
        key=entry.key,
        fields=tuple(SourceField(f.key, str(f.value)) for f in entry.fields),
        file=file,
        line=entry.start_line + 1,
    )
    return Work(
        key=entry.key,
        type=_work_type(entry_type, fields),
        language=language,
        title_supplied=fields.get("titlesupplied", "").strip().lower() in _TRUE,
        dates={k: v for k, v in dates.items() if v},
        contributors=_contributors(fields, {k: v for k, v in resolved.items() if k in NAME_FIELDS}),
        tags=tags,
        source=source,
        **text,
    )


def read_bibtex(text: str, *, file: str = "", dialect: str = "auto") -> ReadResult:
    """Read BibTeX or BibLaTeX text. Bad blocks become problems; good ones become works."""
    library = Splitter(text).split()
    strings: dict[str, str] = {}
    for string in library.strings:
        strings[string.key.lower()] = evaluate(str(string.value), strings)[0]
    chosen = _dialect(library.entries) if dialect == "auto" else dialect
    result = ReadResult(dialect=chosen)
    for block in library.blocks:
        if isinstance(block, bp.Entry):
            result.works.append(entry_to_work(block, strings, chosen, file))
        elif isinstance(block, bp.String):
            result.blocks.append(Block("string", block.raw, key=block.key))
        elif isinstance(block, bp.Preamble):
            result.blocks.append(Block("preamble", block.raw))
        elif isinstance(block, bp.ExplicitComment):
            result.blocks.append(Block("comment", block.raw))
        elif isinstance(block, bp.ParsingFailedBlock):
            key = getattr(block.ignore_error_block, "key", "") if block.ignore_error_block else ""
            message = str(block.error).split(". Note:")[0]
            result.problems.append(Problem(file, block.start_line + 1, key or "", message))
    return result
