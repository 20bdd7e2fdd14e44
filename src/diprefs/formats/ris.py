"""RIS reader and writer: the format of EndNote, Mendeley, Scopus and most publishers.

A record runs from ``TY  - `` to ``ER  - ``; each line is a two-character tag, two spaces, a hyphen
and a space, then the value; a line without a tag continues the line before. Tags and types are
mapped by the tables in ``ris_map``; every line of a record is also kept in the work's source
record, so tags diprefs does not map come back when the work is exported as RIS. rispy was weighed
for this and not used: it drops a record without ER, or one behind a UTF-8 BOM, without a word and
gives no line numbers, while the line grammar itself is one regular expression. (The tests use
rispy as an independent reader of what we write.)

A record that cannot be read (no ER, an unknown TY, a date that is no date) becomes a ``Problem``
naming its record number and line, and nothing of it is imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from diprefs.controls import strip_controls
from diprefs.dates import LITERAL, parse_bibtex_date, parse_date
from diprefs.formats import ris_map as m
from diprefs.formats.bibtex_map import LANGUAGES
from diprefs.formats.csljson_parts import split_given
from diprefs.formats.records import Problem, ReadResult
from diprefs.model import Contributor, Name, Source, SourceField, Work
from diprefs.names.parse import OTHERS

_TAG = re.compile(r"([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$")
_LINES = re.compile(r"\r\n|\r|\n")
_PLAIN = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_SEASON = re.compile(r"(\d{4})-(2[1-4])")
_PAGES = re.compile(r"\s*([^\s,;–—-]+)\s*[-–—]+\s*([^\s,;–—-]+)\s*")
_ISSN = re.compile(r"\d{4}-?\d{3}[\dXx]")
_ISBN = re.compile(r"(?:97[89])?\d{9}[\dXx]")
#: "May 2019", "MAY 3 2019", "3 May 2019" (Web of Science and EndNote write these in DA).
_WORDY = re.compile(r"(?:(\d{1,2})\s+)?([^\W\d]{3,})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})")
_DATE_HELP = "a RIS date is YYYY/MM/DD/other, e.g. 2019/05/17/ or 2019///Spring"


class BadRecord(ValueError):
    """One record cannot be read; the message says which tag and why."""


@dataclass
class _Record:
    number: int
    line: int
    ty: str
    fields: list[tuple[str, list[str], int]] = field(default_factory=list)

    @cached_property
    def _by_tag(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for tag, parts, _ in self.fields:
            out.setdefault(tag, []).append(_joined(tag, parts))
        return out

    def values(self, tag: str) -> list[str]:
        return self._by_tag.get(tag, [])

    def first(self, *tags: str) -> str:
        for tag in tags:
            for value in self.values(tag):
                if value:
                    return value
        return ""


def _joined(tag: str, parts: list[str]) -> str:
    glue = "\n" if tag in m.MULTILINE_TAGS else " "
    return glue.join(parts).strip()


def looks_like_ris(text: str) -> bool:
    """The first tag line (after a BOM and up to ten lines of header text) is a ``TY`` line."""
    for count, line in enumerate(_LINES.split(text.lstrip("\ufeff")[:8192])):
        found = _TAG.match(line)
        if found:
            return found.group(1) == "TY"
        if line.lstrip()[:1] in ("@", "[", "{", "%") or count > 10:
            return False
    return False


# --- reading -------------------------------------------------------------------------------


def _split(text: str, file: str, problems: list[Problem]) -> list[_Record]:
    """Cut the text into complete records; broken ones become problems."""
    records: list[_Record] = []
    current: _Record | None = None
    number, stray = 0, False
    for lineno, line in enumerate(_LINES.split(text), start=1):
        found = _TAG.match(line)
        if found is None:
            if current is not None and current.fields:
                current.fields[-1][1].append(line.strip())
            continue
        tag, value = found.group(1), (found.group(2) or "").strip()
        if tag == "TY":
            if current is not None:
                problems.append(
                    _problem(file, current, f"no ER before the next TY (line {lineno})")
                )
            number += 1
            current, stray = _Record(number, lineno, value), False
        elif current is None:
            if not stray:
                problems.append(
                    Problem(file, lineno, "", f"{tag} line outside a record (no TY before it)")
                )
            stray = tag != "ER"
        elif tag == "ER":
            records.append(current)
            current = None
        else:
            current.fields.append((tag, [value], lineno))
    if current is not None:
        problems.append(_problem(file, current, "the file ends before its ER line"))
    return records


def _problem(file: str, record: _Record, message: str) -> Problem:
    return Problem(file, record.line, record.first("ID"), f"record {record.number}: {message}")


def read_ris_name(text: str) -> Name:
    """'Family, Given[, Suffix]'; text without a comma is an organisation's name."""
    text = " ".join(text.split())
    if "," not in text:
        return OTHERS if text == OTHERS.literal else Name(literal=text)
    family, _, rest = text.partition(",")
    given, _, suffix = rest.partition(",")
    words = family.split()
    lead = 0
    while lead < len(words) - 1 and words[lead][:1].islower():
        lead += 1
    given, patronymic = split_given(given.strip())
    return Name(
        family=" ".join(words[lead:]),
        given=given,
        particle=" ".join(words[:lead]),
        suffix=suffix.strip(),
        patronymic=patronymic,
    )


def ris_date(value: str, tag: str) -> str:
    """A RIS date (``YYYY/MM/DD/other``, or ISO, or "May 2019") as EDTF; raises BadRecord."""
    text = " ".join(value.split())
    if not text:
        return ""
    if "/" in text:
        return _slashed(text, tag)
    iso = re.match(r"(\d{4}-\d\d-\d\d)[ T]\d", text)  # a timestamp (Zotero's Y2)
    wordy = _WORDY.fullmatch(text)
    if iso:
        parsed = parse_date(iso.group(1))
    elif wordy:
        day = wordy.group(1) or wordy.group(3) or ""
        parsed = parse_bibtex_date(year=wordy.group(4), month=wordy.group(2), day=day)
    else:
        parsed = parse_date(text)
    if parsed.status == LITERAL:
        raise BadRecord(f"{tag} {value.strip()!r} is not a date ({_DATE_HELP})")
    return parsed.to_edtf()


def _slashed(text: str, tag: str) -> str:
    year, month, day, other = ([p.strip() for p in text.split("/", 3)] + ["", "", ""])[:4]
    shapes = (r"\d{4}|", r"\d{1,2}|", r"\d{1,2}|")
    if not all(re.fullmatch(s, p) for s, p in zip(shapes, (year, month, day), strict=True)):
        raise BadRecord(f"{tag} {text!r} is not a date ({_DATE_HELP})")
    if not year:
        if month or day:
            raise BadRecord(f"{tag} {text!r} has a month or day but no year")
        return parse_date(other).to_edtf() if other else ""  # free text, given as such
    edtf = year + "".join(f"-{int(p):02d}" for p in (month, day) if p)
    if other and not (month or day):
        season = m.SEASONS.get(other.lower())
        extra = parse_date(other)
        if season:
            edtf = f"{year}-{season}"
        elif not extra.status and extra.year == int(year):
            edtf = extra.to_edtf()  # diprefs writes a range or "circa" here
    parsed = parse_date(edtf)
    if parsed.status == LITERAL or (day and not month):
        raise BadRecord(f"{tag} {text!r} is not a real date")
    return parsed.to_edtf()


def _issued(record: _Record) -> str:
    """DA when it holds a dated value, else PY (or Y1); DA's free text only when there is no PY."""
    published = ris_date(record.first("PY", "Y1"), "PY")
    detailed = ris_date(record.first("DA"), "DA")
    if detailed and (parse_date(detailed).year is not None or not published):
        return detailed
    return published


def _pages(record: _Record) -> dict[str, str]:
    start, end = record.first("SP"), record.first("EP")
    if start and not end and record.ty in m.PAGE_COUNT_TYS:
        return {"number_of_pages": start}
    return {"page": "–".join(p for p in (start, end) if p)}


def _numbers(record: _Record) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in record.values("SN"):
        if _ISSN.fullmatch(value):
            kind = "issn"
        elif _ISBN.fullmatch(value.replace("-", "").replace(" ", "")):
            kind = "isbn"
        else:
            kind = "issn" if record.ty in m.SERIAL_TYS else "isbn"
        out.setdefault(kind, value)
    return out


def _contributors(record: _Record) -> tuple[Contributor, ...]:
    found: list[Contributor] = []
    for tag, parts, _ in record.fields:
        role = m.READ_ROLE_TAGS.get(tag)
        value = _joined(tag, parts)
        if role is None or not value:
            continue
        if record.ty in m.BOOK_TYS:
            role = m.BOOK_ROLE_SWAP.get(role, role)
        found.append(Contributor(name=read_ris_name(value), role=role, printed=value))
    return tuple(sorted(found, key=lambda c: (c.role != "author", c.role)))


def record_to_work(record: _Record, file: str = "") -> Work:
    """One complete record as a ``Work``; raises BadRecord."""
    kind = m.TYPES.get(record.ty.upper())
    if kind is None:
        raise BadRecord(f"unknown TY {record.ty!r}" if record.ty else "TY has no type")
    text = {f: record.first(*tags) for f, tags in m.TEXT_TAGS.items()}
    text.update(_pages(record))
    text.update(_numbers(record))
    if record.ty in m.INSTITUTION_TYS:
        text["institution"], text["publisher"] = text["publisher"], ""
    text["language"] = LANGUAGES.get(text["language"].lower(), text["language"])
    text["keywords"] = ", ".join(k for k in record.values("KW") if k)
    dates = {"issued": _issued(record), "accessed": ris_date(record.first("Y2"), "Y2")}
    key = record.first("ID")
    source = Source(
        dialect="ris",
        entry_type=record.ty,
        key=key,
        fields=tuple(SourceField(t, _joined(t, p)) for t, p, _ in record.fields),
        file=file,
        line=record.line,
    )
    return Work(
        key=key,
        type=kind,
        dates={k: v for k, v in dates.items() if v},
        contributors=_contributors(record),
        source=source,
        **text,
    )


def read_ris(text: str, *, file: str = "") -> ReadResult:
    """Read RIS text (a UTF-8 BOM is ignored). A bad record is a problem and is not imported."""
    result = ReadResult(dialect="ris")
    for record in _split(text.removeprefix("\ufeff"), file, result.problems):
        try:
            result.works.append(record_to_work(record, file))
        except BadRecord as exc:
            result.problems.append(_problem(file, record, str(exc)))
    result.problems.sort(key=lambda p: p.line or 0)
    return result


# --- writing -------------------------------------------------------------------------------


def ris_name(name: Name) -> str:
    """'Family, Given[, Suffix]' (particle with the family name), or an organisation as is."""
    if name.literal:
        return name.literal
    family = " ".join(p for p in (name.particle, name.family) if p)
    given = " ".join(p for p in (name.given, name.patronymic) if p)
    return ", ".join([family, given, name.suffix] if name.suffix else [family, given])


def _date_lines(edtf: str, year_tag: str, date_tag: str) -> list[tuple[str, str]]:
    value = parse_date(edtf)
    season = None if value.status else _SEASON.fullmatch(edtf)
    plain = None if season or value.status else _PLAIN.fullmatch(edtf)
    if plain:
        year, month, day = plain.groups()
        detail = f"{year}/{month}/{day or ''}/" if month else ""
    elif season:
        year, detail = season.group(1), f"{season.group(1)}///{m.SEASON_WORDS[int(season[2])]}"
    elif not value.status and value.year is not None and 0 <= value.year <= 9999:
        year, detail = f"{value.year:04d}", f"{value.year:04d}///{edtf}"
    else:  # free text, n.d., in press, or EDTF without a start year: "other info" only
        year, detail = "", f"///{edtf}"
    lines = [(year_tag, year)] if year and year_tag else []
    if detail or (year and not year_tag):
        lines.append((date_tag, detail or f"{year}///"))
    return lines


def work_to_lines(work: Work) -> list[tuple[str, str]]:
    """The (tag, value) lines of one record, TY first and ER last."""
    ty = m.TY_FOR.get(work.type, "GEN")
    text = {f: getattr(work, f) for f in m.TEXT_TAGS}
    text["title"] = ": ".join(p for p in (work.title, work.subtitle) if p)
    if ty in m.INSTITUTION_TYS and not work.publisher:
        text["publisher"] = work.institution

    def tagged(*names: str) -> list[tuple[str, str]]:
        return [(m.TEXT_TAGS[f][0], text[f]) for f in names if text[f]]

    lines = [("TY", ty), ("ID", work.key)] if work.key else [("TY", ty)]
    for role in m.ROLE_TAGS:
        tag = m.ROLE_TAGS[m.BOOK_ROLE_SWAP.get(role, role) if ty in m.BOOK_TYS else role]
        lines += [(tag, ris_name(c.name)) for c in work.names(role)]
    lines += tagged("title", "title_translated", "title_original")
    lines += tagged("container_title", "collection_title")
    lines += _date_lines(work.issued, "PY", "DA") if work.issued else []
    lines += _date_lines(work.accessed, "", "Y2") if work.accessed else []
    lines += _page_lines(work, ty)
    lines += tagged("volume", "issue", "edition", "number_of_volumes", "publisher_place")
    lines += tagged("publisher")
    lines += [("SN", v) for v in (work.isbn, work.issn) if v]
    lines += tagged("doi", "url", "language", "number", "genre")
    lines += [("KW", k.strip()) for k in re.split(r"[,;]", work.keywords) if k.strip()]
    lines += tagged("abstract", "note")
    lines += _restored(work)
    return [*lines, ("ER", "")]


def _page_lines(work: Work, ty: str) -> list[tuple[str, str]]:
    if ty in m.PAGE_COUNT_TYS and work.number_of_pages and not work.page:
        return [("SP", work.number_of_pages)]
    pages = _PAGES.fullmatch(work.page)
    if pages:
        return [("SP", pages.group(1)), ("EP", pages.group(2))]
    return [("SP", work.page)] if work.page else []


def _restored(work: Work) -> list[tuple[str, str]]:
    """Lines of a RIS-born work that diprefs does not map (and URLs after the first)."""
    if work.source is None or work.source.dialect != "ris":
        return []
    out, urls = [], 0
    for f in work.source.fields:
        urls += f.name == "UR"
        if f.name not in m.MAPPED_TAGS or (f.name == "UR" and urls > 1):
            out.append((f.name, f.value))
    return out


def _format(tag: str, value: str) -> list[str]:
    """One tag line, with the value's further lines as continuation lines. Control and bidi
    control characters are stripped (``diprefs.controls``): a CR or U+2028 would end a line."""
    if tag not in m.MULTILINE_TAGS:
        value = " ".join(strip_controls(value).split())
    else:
        value = strip_controls(value, keep_lines=True)
    first, *rest = value.split("\n") if value else [""]
    # A continuation line that looks like a tag line would start a field of its own.
    return [f"{tag}  - {first}".rstrip() + (" " if tag == "ER" else "")] + [
        f" {line}" if _TAG.match(line) else line for line in rest
    ]


def write_ris(works: list[Work]) -> str:
    """RIS text (no BOM): one record per work, ``ER  - `` closing each, blank lines between."""
    records = [
        "\n".join(line for tag, value in work_to_lines(w) for line in _format(tag, value))
        for w in works
    ]
    return "".join(record + "\n\n" for record in records).removesuffix("\n")
