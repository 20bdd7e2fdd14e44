"""Dates of works: EDTF text in, parsed parts out.

Every date a work carries (issued, accessed, original, ...) is kept as one string, the one
``DateValue.to_edtf()`` returns: canonical EDTF for real dates, or a status word ("n.d.",
"in press", "forthcoming"), or the unparseable text itself. ``parse_date`` turns that string back
into the same value, so the string alone is lossless and the parsed parts are only an index for
sorting, searching by year and exporting. Pure stdlib: no I/O, no third-party parser.
"""

from __future__ import annotations

import re
from calendar import isleap
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

ND = "n.d."
IN_PRESS = "in press"
FORTHCOMING = "forthcoming"
#: Status of text we could not read as a date; the text is kept in ``DateValue.literal``.
LITERAL = "literal"

#: Spellings of the statuses, compared after dropping case, spaces, dots and brackets, so that
#: "n. d.", "[б. г.]" and "In Press" all match. "s. a." / "s. d." (sine anno / sine dato) are
#: what GOST 7.1 prints for Latin-script works without a date.
_STATUS_WORDS = {
    "nd": ND,
    "nodate": ND,
    "бг": ND,
    "б/г": ND,
    "безгода": ND,
    "sa": ND,
    "sd": ND,
    "inpress": IN_PRESS,
    "впечати": IN_PRESS,
    "forthcoming": FORTHCOMING,
    "готовитсякпечати": FORTHCOMING,
}

#: One side of an EDTF interval. Level 1 allows X only at the end: "201X", "20XX", "2004-XX",
#: "1985-04-XX", "1985-XX-XX"; the suffix rule is checked in ``_side``. A time after the day is
#: accepted (biblatex allows it) and dropped: citations never print it.
_SIDE = re.compile(
    r"(?P<year>-?\d\d(?:\d\d|\dX|XX))(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX)"
    r"(?:T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d(?::?\d\d)?)?)?)?)?(?P<qualifier>[?~%])?"
)
#: DD.MM.YYYY, the numeric form of CIS library records and Russian "дата обращения".
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
#: A BibTeX ``year`` as people write it: "2019", "c. 1950", "[1950?]", "2019--2020", "2019 г.".
_BIBTEX_YEAR = re.compile(
    r"\[?(?:(?P<circa>c|ca|circa|около|ок)\.?\s*)?(?P<year>\d{4})(?P<q>\?)?"
    r"(?:\s*(?:--?|–|—)\s*(?P<end>\d{4}))?\]?(?:\s*гг?\.?)?",
    re.IGNORECASE,
)
#: First three letters of English and Russian month names ("Sept.", "февр.", "мая" included).
_MONTHS = {
    name: number
    for names in (
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "янв фев мар апр май июн июл авг сен окт ноя дек",
    )
    for number, name in enumerate(names.split(), start=1)
} | {"мая": 5}
#: A ``month`` that holds the day too: "19 нояб", "19 ноября", "Nov. 19".
_MONTH_WITH_DAY = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+\.?)|(?P<month2>[^\W\d_]+\.?)\s+(?P<day2>\d{1,2})"
)
#: A season (EDTF level 1 months 21-24) on either side of the value.
_SEASON = re.compile(r"(?:^|/)-?\d{4}-(2[1-4])(?=[?~%]?(?:/|$))")


@dataclass(frozen=True)
class DateValue:
    """A parsed date, with the parts the ``dates`` table stores.

    ``year``/``month``/``day`` are None when absent, unspecified ("201X") or a season (EDTF keeps
    those; the parts are only what a number can say). ``end_*`` are set only for ranges; an open
    end ("2000/..") leaves them None. ``status`` is "" for a date, "n.d.", "in press",
    "forthcoming", or "literal" for text we could not read (kept in ``literal``, with ``year``
    filled in when the text holds exactly one four-digit year, so it still sorts and filters).
    A value with every field empty means no date was given at all.
    """

    edtf: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    approximate: bool = False
    uncertain: bool = False
    status: str = ""
    literal: str = ""

    @property
    def is_range(self) -> bool:
        return "/" in self.edtf

    def to_edtf(self) -> str:
        """The one string to store: EDTF, else the status word, else the literal text.

        ``parse_date`` reads it back to an equal value; "" only for the empty value.
        """
        return self.edtf or self.literal or self.status

    def sort_key(self) -> tuple[int, int, int, int, int, int, int]:
        """Chronological key; undated first, in press and forthcoming last.

        This is APA 7 §9.46 order for works by the same author ("n.d." before dated works,
        in-press works after them). Values with no known year (n.d., "201X", unreadable text)
        come first; a range sorts by its start, then its end; an open start sorts by its end.
        """
        first = self.year if self.year is not None else self.end_year
        rank = 2 if self.status in (IN_PRESS, FORTHCOMING) else int(first is not None)
        parts = (first, self.month, self.day, self.end_year, self.end_month, self.end_day)
        return (rank, *(p or 0 for p in parts))

    def csl_date_parts(self) -> dict[str, object]:
        """The CSL-JSON date object: ``date-parts`` plus ``circa``/``season``, or ``literal``.

        Empty for n.d., in press and forthcoming: CSL has no date for them (the exporter writes
        CSL ``status`` instead). CSL has no "uncertain", so "?" also becomes ``circa``. An open
        end is ``[0]`` (the citeproc-js and pandoc convention). What date-parts cannot say (open
        start, unspecified digits, a range of seasons) goes out as a ``literal`` EDTF string.
        """
        if self.status == LITERAL:
            return {"literal": self.literal}
        if not self.edtf:
            return {}
        seasons = _SEASON.findall(self.edtf)
        if self.year is None or "X" in self.edtf or (seasons and self.is_range):
            return {"literal": self.edtf}
        parts = [[p for p in (self.year, self.month, self.day) if p is not None]]
        if self.is_range:
            end = [p for p in (self.end_year, self.end_month, self.end_day) if p is not None]
            parts.append(end or [0])
        result: dict[str, object] = {"date-parts": parts}
        if seasons:
            result["season"] = int(seasons[0]) - 20
        if self.approximate or self.uncertain:
            result["circa"] = True
        return result


class _Side(NamedTuple):
    year: int | None
    month: int | None
    day: int | None
    approximate: bool
    uncertain: bool
    text: str


_OPEN = _Side(None, None, None, False, False, "..")
_PARTS = ("year", "month", "day")


def _side(text: str) -> _Side:
    """One date of an interval, validated; raises ValueError."""
    match = _SIDE.fullmatch(text)
    if not match:
        raise ValueError(text)
    digits = [p for p in match.group(*_PARTS) if p]
    if any("X" in a and b != "XX" for a, b in pairwise(digits)):
        raise ValueError(text)
    year, month, day = (int(p) if p and "X" not in p else None for p in match.group(*_PARTS))
    if month is not None and 21 <= month <= 24 and not match["day"]:
        month = None  # a season: EDTF keeps it, the month column cannot
    elif month is not None and not 1 <= month <= 12:
        raise ValueError(text)
    if day is not None:
        assert year is not None and month is not None  # X is only a suffix, seasons have no day
        days = (31, 29 if isleap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
        if not 1 <= day <= days[month - 1]:
            raise ValueError(text)
    qualifier = match["qualifier"] or ""
    return _Side(
        year,
        month,
        day,
        qualifier in ("~", "%"),
        qualifier in ("?", "%"),
        "-".join(digits) + qualifier,
    )


def _reversed(start: _Side, end: _Side) -> bool:
    """Whether an interval runs backwards; a missing part widens its side: 2019-05/2019 is fine."""
    if start.year is None or end.year is None:
        return False
    return (start.year, start.month or 0, start.day or 0) > (
        end.year,
        end.month or 99,
        end.day or 99,
    )


def _edtf(text: str) -> DateValue:
    """An EDTF date or interval; raises ValueError. Empty or ".." sides are open ends."""
    if "/" not in text:
        one = _side(text)
        return DateValue(one.text, *one[:3], approximate=one.approximate, uncertain=one.uncertain)
    start, end = (_OPEN if s in ("", "..") else _side(s) for s in text.split("/", 1))
    if _reversed(start, end) or (start is _OPEN and end is _OPEN):
        raise ValueError(text)
    return DateValue(
        f"{start.text}/{end.text}",
        *start[:3],
        *end[:3],
        approximate=start.approximate or end.approximate,
        uncertain=start.uncertain or end.uncertain,
    )


def _literal(text: str) -> DateValue:
    """Unreadable text, kept verbatim; a lone four-digit year in it still sorts and filters."""
    years = set(re.findall(r"(?<!\d)\d{4}(?!\d)", text))
    return DateValue(
        year=int(years.pop()) if len(years) == 1 else None, status=LITERAL, literal=text
    )


def parse_date(text: str) -> DateValue:
    """EDTF level 0 and common level 1, status words, or Russian DD.MM.YYYY; never raises.

    Anything else comes back with status ``LITERAL`` for the caller to report.
    """
    text = " ".join(text.split())
    if not text:
        return DateValue()
    status = _STATUS_WORDS.get(re.sub(r"[\s.\[\]]", "", text).lower())
    if status:
        return DateValue(status=status)
    dotted = _DOTTED.fullmatch(text)
    candidate = f"{dotted[3]}-{int(dotted[2]):02d}-{int(dotted[1]):02d}" if dotted else text
    try:
        return _edtf(candidate)
    except ValueError:
        return _literal(text)


def _month(text: str) -> int | None:
    """A BibTeX month: "2", "02", "feb", "February", "февр.", "февраля"; None if not one."""
    text = text.strip().rstrip(".").lower()
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text[:3]) if len(text) >= 3 and text.isalpha() else None


def parse_bibtex_date(
    *, date: str = "", year: str = "", month: str = "", day: str = ""
) -> DateValue:
    """BibLaTeX ``date`` if given, else BibTeX ``year`` (free text) with ``month`` and ``day``."""
    if date.strip():
        return parse_date(date)
    year, month, day = (
        " ".join(v.replace("{", "").replace("}", "").split()) for v in (year, month, day)
    )
    if not (month or day):
        match = _BIBTEX_YEAR.fullmatch(year)
        if not match:
            return parse_date(year)
        circa, query = bool(match["circa"]), bool(match["q"])
        qualifier = "%" if circa and query else "~" if circa else "?" if query else ""
        end = f"/{match['end']}{qualifier}" if match["end"] else ""
        value = parse_date(f"{match['year']}{qualifier}{end}")
        return _literal(year) if value.status else value
    whole = " ".join(p for p in (year, month, day) if p)
    with_day = _MONTH_WITH_DAY.fullmatch(month)
    if with_day and not day:  # the BibTeX gost package's "19 нояб" (or "Nov. 19")
        month, day = with_day["month"] or with_day["month2"], with_day["day"] or with_day["day2"]
    number = _month(month) if month else None
    if not re.fullmatch(r"\d{4}", year) or number is None or not (day or "0").isdigit():
        return _literal(whole)
    value = parse_date(f"{year}-{number:02d}" + (f"-{int(day):02d}" if day else ""))
    return _literal(whole) if value.status else value
