"""One BibTeX entry -> a ``Work``: LaTeX decoded, names parsed, dates read, fields mapped.

``map_fields`` is the hot path of a large import (one call per entry): one dictionary lookup per
field says what the model makes of it, and LaTeX, names and dates are cached, since values recur
across a file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from diprefs.dates import parse_bibtex_date
from diprefs.formats.bibtex_map import (
    ARTICLE_SUBTYPES,
    DATE_FIELDS,
    EDITOR_TYPES,
    ENTRY_TYPES,
    LANGUAGES,
    NAME_FIELDS,
    TEXT_FIELDS,
    VERBATIM_FIELDS,
)
from diprefs.formats.bibvalue import evaluate
from diprefs.latex import latex_to_text
from diprefs.model import Contributor, Name, Source, Work
from diprefs.model_bulk import new_work
from diprefs.names.cases import nominative
from diprefs.names.initials import initials
from diprefs.names.parse import parse_name, split_names, strip_braces

_TRUE = {"true", "yes", "1"}
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
_DATE_NAMES = frozenset(DATE_FIELDS)
#: A backslash-escaped character in a URL (``\\_``, ``\\&``, ``\\%``, ``\\#`` and the like).
_URL_ESCAPE = re.compile(r"\\([_&%#$~{}])")


def _verbatim(value: str) -> str:
    """A URL or DOI as the model keeps it: not LaTeX (``~`` and ``%`` are characters), but the
    escapes older BibTeX styles needed (``2006\\_12\\_124.php``, ``?a=1\\&b=2``) are undone, since
    a URL never holds a backslash. The raw value, escapes and all, is kept for export."""
    value = value.strip()
    return _URL_ESCAPE.sub(r"\1", value) if "\\" in value else value


@lru_cache(maxsize=65536)
def _issued(date: str, year: str, month: str, day: str) -> str:
    return parse_bibtex_date(date=date, year=year, month=month, day=day).to_edtf()


@lru_cache(maxsize=16384)
def _other_date(value: str) -> str:
    return parse_bibtex_date(date=value).to_edtf()


@lru_cache(maxsize=131072)
def decoded_name(printed: str) -> Name:
    """A printed name as parts, LaTeX decoded (cached: the same names recur across a file)."""
    return parse_name(printed, _name_part) if "\\" in printed else parse_name(printed)


def _name_part(part: str) -> str:
    """A part of a name as text: LaTeX decoded while its braces still group (``Aks{\\i}n``)."""
    return latex_to_text(part) if "\\" in part else strip_braces(part)


@lru_cache(maxsize=65536)
def _names(raw: str) -> tuple[str, ...]:
    return tuple(split_names(raw))


def _language(value: str) -> str:
    """A BCP 47 tag from a babel name ('russian') or a tag already ('uz-Latn')."""
    value = value.strip()
    return LANGUAGES.get(value.lower(), value)


def _work_type(entry_type: str, fields: dict[str, str]) -> str:
    csl = ENTRY_TYPES.get(entry_type, "document")
    if csl == "article-journal":
        csl = ARTICLE_SUBTYPES.get(fields.get("entrysubtype", "").lower(), csl)
    return csl


#: Name lists that biblatex-gost prints after a role phrase ("под ред.", "пер."), which files made
#: for it write in the genitive.
GENITIVE_ROLE_FIELDS = frozenset(
    ("editor", "editora", "editorb", "editorc", "translator", "commentator", "annotator")
)


@lru_cache(maxsize=16384)
def _from_genitive(name: Name) -> Name:
    """A name a file wrote in the genitive (``names.cases``): the nominative as its surname, the
    form as printed ("А. Ф. Грязнова") as its genitive, which GOST's role phrases then use."""
    if name.literal or name.genitive:
        return name
    family = nominative(name.family, genitive_file=True)
    if family == name.family:
        return name
    given = " ".join(p for p in (name.given, name.patronymic) if p)
    printed = " ".join(p for p in (initials(given, "ru"), name.particle, name.family) if p)
    return replace(name, family=family, genitive=printed)


def _contributors(
    fields: dict[str, str], raw_lists: dict[str, str], genitive_file: bool
) -> tuple[Contributor, ...]:
    out: list[Contributor] = []
    for name, role in NAME_FIELDS.items():
        if name not in raw_lists:
            continue
        if name.startswith("editor"):  # editortype, editoratype .. editorctype
            kind = latex_to_text(fields.get(name + "type", "editor")).strip().lower()
            role = EDITOR_TYPES.get(kind, kind or "editor")
        genitive = genitive_file and name in GENITIVE_ROLE_FIELDS
        for printed in _names(raw_lists[name]):
            person = _from_genitive(decoded_name(printed)) if genitive else decoded_name(printed)
            out.append(Contributor(name=person, role=role, printed=printed))
    return tuple(out)


def map_fields(
    entry_type: str,
    key: str,
    resolved: dict[str, str],
    source: Source | None = None,
    genitive_file: bool = False,
) -> Work:
    """A ``Work`` from an entry's evaluated fields (lower-case names, LaTeX still in).

    One pass over the fields: the hot path of a large import. ``genitive_file``: the file writes
    editors and translators in the genitive (``names.cases``).
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
                _verbatim(value) if name in VERBATIM_FIELDS else latex_to_text(value)
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
    text["key"] = key
    text["type"] = _work_type(entry_type, fields)
    text["language"] = _language(fields.get("langid") or fields.get("language") or "")
    text["title_supplied"] = fields.get("titlesupplied", "").strip().lower() in _TRUE
    text["dates"] = _dates(resolved)
    text["contributors"] = _contributors(roles, names, genitive_file) if names else ()
    text["tags"] = tuple(t.strip() for t in tags.split(",") if t.strip()) if tags else ()
    text["source"] = source
    return new_work(text)


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


def resolved_fields(
    keys: Sequence[str], raws: Sequence[str], strings: dict[str, str]
) -> tuple[dict, list]:
    """(lower-case field name -> evaluated value, the first of a repeated name winning;
    macro names no @string defines)."""
    resolved: dict[str, str] = {}
    undefined: list[str] = []
    for key, raw in zip(keys, raws, strict=True):
        name = key.lower()
        if name in resolved:
            continue
        if raw.startswith("{") and raw.endswith("}") and "#" not in raw:  # the common case
            resolved[name] = raw[1:-1]
        else:
            resolved[name], missing = evaluate(raw, strings)
            undefined += missing
    return resolved, undefined
