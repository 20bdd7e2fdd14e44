"""Works -> BibTeX or BibLaTeX text.

Three cases, from most to least faithful:

- a work read in the dialect being written: its own raw fields, names and values exactly as they
  came (macros, braces, unknown fields, field order), under its current key;
- a work read in the other dialect: the same raw fields, renamed by the biblatex aliases
  (journal <-> journaltitle, address <-> location, school <-> institution, ...), with the entry type
  aliased and, towards BibTeX, ``date`` written as ``year``/``month``;
- a work with no source (added by hand): written from the model.

Inherited crossref/xdata fields are never written: the parent is exported with its children. Of
a work with a source only its key, raw fields and issued date are read (the export loads no
more). The text is written directly (no bibtexparser writer: its deep copies cost twice the
parse).
``ascii=True`` turns every non-ASCII character into its LaTeX escape (pylatexenc).

Whatever a work holds, the file stays BibTeX. Raw fields go back exactly as they came (they were
BibTeX already); a value written from the model loses its control and bidi control characters
(``diprefs.controls``) and is LaTeX-escaped (``diprefs.latex``), a name is braced where the name
grammar would split it, a verbatim value (url, doi) percent-encodes braces that would unbalance the
entry, and a key gets ``-`` for each character a key cannot hold.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache

from diprefs.controls import strip_controls
from diprefs.dates import parse_date
from diprefs.formats.bibtex import decoded_name
from diprefs.formats.bibtex_map import (
    BABEL_NAMES,
    BIBTEX_TYPES,
    CSL_SUBTYPES,
    CSL_TO_BIBLATEX,
    EDITOR_TYPES,
    FIELD_ALIASES,
    MODEL_FIELDS,
    ROLE_FIELDS,
    TYPE_ALIASES,
    VERBATIM_FIELDS,
)
from diprefs.formats.bibvalue import MONTH_MACROS
from diprefs.formats.records import Block
from diprefs.latex import escape as escape_latex
from diprefs.model import Contributor, Work
from diprefs.names.citekey import unique_key
from diprefs.names.parse import OTHERS

_MONTHS = tuple(MONTH_MACROS)
_TO_BIBTEX_FIELDS = {v: k for k, v in FIELD_ALIASES.items() if k != "school"}
#: What a key cannot hold (it would end the key or the entry, or biber refuses it), and an
#: ``@`` that bibtexparser's splitter would take for the start of a ``@type(`` block.
_KEY_UNSAFE = re.compile(r"[\s,{}=\"#%\\~]|@(?=\w*\()")
#: A LaTeX special not escaped by a backslash: a printed name holding one is not BibTeX.
_UNESCAPED = re.compile(r"(?<!\\)[%&$#_^]")
_AND = re.compile(r"(?:^|\s)and(?:\s|$)", re.IGNORECASE)
_THESIS_TYPES = {"mathesis": "mastersthesis", "phdthesis": "phdthesis", "": "phdthesis"}
_CONTAINER_AS_BOOKTITLE = {"chapter", "paper-conference", "entry", "entry-encyclopedia"}
_DATE_FIELDS = {
    "accessed": "urldate",
    "original": "origdate",
    "event": "eventdate",
    "adopted": "adopteddate",
    "submitted": "submitteddate",
    "received": "receiveddate",
    "accepted": "accepteddate",
}


@lru_cache(maxsize=1)
def _encoder():
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    logging.getLogger("pylatexenc").setLevel(logging.ERROR)
    return UnicodeToLatexEncoder(
        non_ascii_only=True, unknown_char_policy="keep", replacement_latex_protection="braces"
    )


@lru_cache(maxsize=65536)
def to_ascii(text: str) -> str:
    """Non-ASCII characters as LaTeX escapes; characters LaTeX has no name for are kept."""
    return text if text.isascii() else _encoder().unicode_to_latex(text)


def _braced(value: str) -> str:
    return "{" + value + "}"


def _splits_cleanly(value: str) -> bool:
    """True when ``{value}`` ends where it should: the splitter counts every brace not right
    after a backslash, so such braces must balance and the value must not end in a backslash."""
    if "{" not in value and "}" not in value and not value.endswith("\\"):
        return True
    depth, previous = 0, ""
    for ch in value:
        if ch in "{}" and previous != "\\":
            depth += 1 if ch == "{" else -1
            if depth < 0:
                return False
        previous = ch
    return depth == 0 and not value.endswith("\\")


def _verbatim(value: str) -> str:
    """A url, doi, file or eprint as written; its braces and backslashes percent-encoded when
    they would unbalance the entry (a URL cannot hold them unencoded anyway)."""
    value = strip_controls(value)
    if _splits_cleanly(value):
        return value
    return value.replace("%", "%25").replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def safe_key(key: str) -> str:
    """A citation key as BibTeX reads it and ``\\cite`` can name it: white space, commas,
    braces, ``=``, ``"``, ``#``, ``%``, ``\\``, ``~`` and an ``@`` before ``(`` become ``-``."""
    return _KEY_UNSAFE.sub("-", strip_controls(key)) or "-"


def _name_part(text: str, family: bool = False) -> str:
    """One part of a name, escaped, and braced where the grammar would split it: a comma or a
    lone "and" anywhere, in a family name a space (its lower-case words would become a
    particle), and an escape (bibtexparser drops ``\\%`` at the end of a name before "and")."""
    escaped = escape_latex(" ".join(strip_controls(text).split()))
    if "," in escaped or "\\" in escaped or _AND.search(escaped) or (family and " " in escaped):
        return _braced(escaped)
    return escaped


def _person(c: Contributor) -> str:
    """A name as BibTeX writes it: as printed when that is BibTeX reading back as the same name
    (``Aks{\\i}n, Özge`` carried through CSL-JSON), else from its parts ('von Family, Suffix,
    Given Patronymic', '{Organisation}'), escaped."""
    printed, name = c.printed, c.name
    bibtex = printed.isprintable() and _splits_cleanly(printed) and not _UNESCAPED.search(printed)
    if printed and bibtex and decoded_name(printed) == name:
        return printed
    if name == OTHERS:
        return "others"
    if name.literal:
        return _braced(escape_latex(name.literal))
    family = _name_part(name.family, family=True)
    if name.particle:
        family = f"{_name_part(name.particle)} {family}"
    given = _name_part(" ".join(p for p in (name.given, name.patronymic) if p))
    if name.suffix:
        return f"{family}, {_name_part(name.suffix)}, {given}"
    if given:
        return f"{family}, {given}"
    return family + "," if family.endswith("}") else family  # "{A B}" alone is an organisation


def _unwrap(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and (raw[0], raw[-1]) in (("{", "}"), ('"', '"')):
        return raw[1:-1]
    return raw


def _entry(entry_type: str, key: str, fields: list[tuple[str, str]], ascii: bool) -> str:
    if ascii:
        fields = [(n, r if n.lower() in VERBATIM_FIELDS else to_ascii(r)) for n, r in fields]
    body = "".join(f"  {name} = {raw},\n" for name, raw in fields)
    return f"@{entry_type}{{{safe_key(key)},\n{body}}}"


def _own(work: Work) -> list[tuple[str, str]]:
    assert work.source is not None
    return [(f.name, f.value) for f in work.source.fields if not f.inherited_from]


def _date_fields(edtf: str) -> list[tuple[str, str]]:
    """BibTeX ``year``/``month`` for an EDTF date, plus ``date`` when they cannot say it all."""
    value = parse_date(edtf)
    if value.year is None:
        return [("date", _braced(escape_latex(edtf)))]
    out = [("year", _braced(str(value.year)))]
    if value.month and value.month <= 12:
        out.append(("month", _MONTHS[value.month - 1]))
    simple = f"{value.year}" + (f"-{value.month:02d}" if value.month else "")
    if edtf != simple:
        out.append(("date", _braced(edtf)))
    return out


@lru_cache(maxsize=4096)
def _biblatex_names(entry_type: str, names: tuple[str, ...]) -> tuple[str, tuple[str, ...], str]:
    """(entry type, field names, ``type`` to add) in BibLaTeX for a BibTeX entry's field names.

    Cached: the entries of one file share a few field-name sequences.
    """
    lowered = {n.lower() for n in names}
    out = []
    for name in names:
        target = FIELD_ALIASES.get(name.lower())
        out.append(target if target and target not in lowered else name)
    alias = TYPE_ALIASES.get(entry_type.lower())
    if alias is None:
        return entry_type, tuple(out), ""
    return alias[0], tuple(out), alias[1] if "type" not in lowered else ""


def _to_biblatex(work: Work) -> tuple[str, list[tuple[str, str]]]:
    assert work.source is not None
    fields = _own(work)
    entry_type, names, subtype = _biblatex_names(
        work.source.entry_type, tuple(n for n, _ in fields)
    )
    out = list(zip(names, (r for _, r in fields), strict=True))
    if subtype:
        out.append(("type", _braced(subtype)))
    return entry_type, out


def _to_bibtex(work: Work) -> tuple[str, list[tuple[str, str]]]:
    assert work.source is not None
    entry_type = work.source.entry_type
    fields = _own(work)
    values = {n.lower(): r for n, r in fields}
    names = set(values)
    lower = entry_type.lower()
    subtype = _unwrap(values.get("type", "")).lower()
    if lower == "thesis" and subtype in _THESIS_TYPES:
        entry_type = _THESIS_TYPES[subtype]
        fields = [(n, r) for n, r in fields if n.lower() != "type" or not subtype]
    elif lower in BIBTEX_TYPES:
        entry_type = BIBTEX_TYPES[lower]
        if lower == "report" and subtype == "techreport":
            fields = [(n, r) for n, r in fields if n.lower() != "type"]
    thesis = entry_type.lower() in ("phdthesis", "mastersthesis")
    out: list[tuple[str, str]] = []
    for name, raw in fields:
        low = name.lower()
        if low == "date" and "year" not in names and work.issued:
            out.extend(_date_fields(work.issued))
            continue
        target = "school" if low == "institution" and thesis else _TO_BIBTEX_FIELDS.get(low)
        out.append((target if target and target not in names else name, raw))
    return entry_type, out


def _model_fields(work: Work, dialect: str) -> tuple[str, list[tuple[str, str]]]:
    """Fields of a work that has no source of its own."""
    entry_type = CSL_TO_BIBLATEX.get(work.type, "misc")
    fields = _name_fields(work)
    if work.type in CSL_SUBTYPES:
        fields.append(("entrysubtype", _braced(CSL_SUBTYPES[work.type])))
    for attr, name in reversed(MODEL_FIELDS.items()):
        value = getattr(work, attr)
        if not value:
            continue
        if attr == "container_title" and work.type in _CONTAINER_AS_BOOKTITLE:
            name = "booktitle"
        elif attr == "issue" and entry_type == "article":
            name = "number"
        if name in VERBATIM_FIELDS:
            fields.append((name, _braced(_verbatim(value))))
        elif attr == "page":  # a range's dash as BibTeX writes it (after escaping: kept joined)
            fields.append((name, _braced(escape_latex(value).replace("–", "--"))))
        else:
            fields.append((name, _braced(escape_latex(value))))
    if work.number:  # an article's own number is its eid (its issue is written as number)
        name = "eid" if entry_type == "article" else "number"
        fields.append((name, _braced(escape_latex(work.number))))
    if work.language:
        langid = BABEL_NAMES.get(work.language, work.language)
        fields.append(("langid", _braced(escape_latex(langid))))
    if work.title_supplied:
        fields.append(("titlesupplied", "{true}"))
    if work.issued:
        fields.append(("date", _braced(_date(work.issued))))
    for kind, name in _DATE_FIELDS.items():
        if work.dates.get(kind):
            fields.append((name, _braced(_date(work.dates[kind]))))
    if work.tags:
        fields.append(("tags", _braced(escape_latex(", ".join(work.tags)))))
    if dialect == "biblatex":
        return entry_type, fields
    converted: list[tuple[str, str]] = []
    for name, raw in fields:
        if name == "date":
            converted.extend(_date_fields(work.issued))
        else:
            converted.append((_TO_BIBTEX_FIELDS.get(name, name), raw))
    bibtex_type = BIBTEX_TYPES.get(entry_type, entry_type)
    if entry_type == "thesis":
        bibtex_type = "mastersthesis" if "master" in work.degree.lower() else "phdthesis"
        converted = [("school" if n == "institution" else n, r) for n, r in converted]
    return bibtex_type, converted


def _date(text: str) -> str:
    """An EDTF date as is (its ``~`` and ``%`` are EDTF's); a date kept as free text, escaped."""
    return text if parse_date(text).year is not None else escape_latex(text)


def _name_fields(work: Work) -> list[tuple[str, str]]:
    """Name-list fields, one per role in the order roles appear; roles without a field of their
    own go to ``editora``..``editorc`` with an ``editoratype``."""
    by_role: dict[str, list[str]] = {}
    for c in work.contributors:
        by_role.setdefault(c.role, []).append(_person(c))
    out: list[tuple[str, str]] = []
    spare = iter(("editora", "editorb", "editorc"))
    kinds = {v: k for k, v in reversed(EDITOR_TYPES.items())}
    for role, printed in by_role.items():
        value = _braced(" and ".join(printed))
        field = ROLE_FIELDS.get(role) or next(spare, None)
        if field is None:
            out.append(("editor", value))
            continue
        out.append((field, value))
        if field.startswith("editor") and len(field) == 7:
            out.append((field + "type", _braced(kinds.get(role, role))))
    return out


def entry_text(work: Work, dialect: str, ascii: bool = False) -> str:
    """One entry: raw in its own dialect, aliased across dialects, else from the model."""
    src = work.source
    if src is not None and src.dialect == dialect:
        return _entry(src.entry_type, work.key, _own(work), ascii)
    if src is not None and src.dialect in ("bibtex", "biblatex"):
        convert = _to_biblatex if dialect == "biblatex" else _to_bibtex
        entry_type, fields = convert(work)
        return _entry(entry_type, work.key, fields, ascii)
    entry_type, fields = _model_fields(work, dialect)
    return _entry(entry_type, work.key, fields, ascii)


def write_bibtex(
    works: list[Work], blocks: list[Block], *, dialect: str = "biblatex", ascii: bool = False
) -> str:
    """The file: @preamble and @string blocks first, then the entries, then @comment blocks.

    Two works whose keys become the same ``safe_key`` are told apart (a, b, ... as on import).
    """
    works = _keys_apart(works)
    head = [b.value for b in blocks if b.kind != "comment"]
    tail = [b.value for b in blocks if b.kind == "comment"]
    parts = [*head, *(entry_text(w, dialect, ascii) for w in works), *tail]
    if ascii:
        parts = [*(to_ascii(p) for p in head), *parts[len(head) : len(head) + len(works)]]
        parts += [to_ascii(p) for p in tail]
    return "\n\n".join(parts) + "\n" if parts else ""


def _keys_apart(works: list[Work]) -> list[Work]:
    """The works, those whose key BibTeX cannot hold under a safe key no other work has."""
    taken = {w.key for w in works}
    out = []
    for work in works:
        key = safe_key(work.key)
        if key != work.key:
            key = unique_key(key, taken)
            taken.add(key)
            work = replace(work, key=key)
        out.append(work)
    return out
