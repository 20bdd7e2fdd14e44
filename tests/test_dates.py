"""Tests for diprefs.dates: every accepted form, every rejection, and a round-trip property."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diprefs.dates import (
    FORTHCOMING,
    IN_PRESS,
    LITERAL,
    ND,
    DateValue,
    parse_bibtex_date,
    parse_date,
)


def d(edtf: str, *parts: int | None, a: bool = False, u: bool = False) -> DateValue:
    """Expected value: canonical EDTF, then year, month, day, end year, end month, end day."""
    padded = (*parts, *(None,) * (6 - len(parts)))
    return DateValue(edtf, *padded, approximate=a, uncertain=u)


def literal(text: str, year: int | None = None) -> DateValue:
    return DateValue(year=year, status=LITERAL, literal=text)


ACCEPTED = [
    ("2024", d("2024", 2024)),
    ("2024-02", d("2024-02", 2024, 2)),
    ("2024-02-24", d("2024-02-24", 2024, 2, 24)),
    ("  2024-02-24 ", d("2024-02-24", 2024, 2, 24)),
    ("2024-02-29", d("2024-02-29", 2024, 2, 29)),
    ("2000-02-29", d("2000-02-29", 2000, 2, 29)),
    ("2019-04-30", d("2019-04-30", 2019, 4, 30)),
    ("0000", d("0000", 0)),
    ("-0100", d("-0100", -100)),
    ("-0044-03-15", d("-0044-03-15", -44, 3, 15)),
    # ranges
    ("2019/2020", d("2019/2020", 2019, None, None, 2020)),
    ("2019-05-15/2019-05-16", d("2019-05-15/2019-05-16", 2019, 5, 15, 2019, 5, 16)),
    ("2019-05-15/2019-05-15", d("2019-05-15/2019-05-15", 2019, 5, 15, 2019, 5, 15)),
    ("2019-05/2019", d("2019-05/2019", 2019, 5, None, 2019)),
    ("2019/2019-05", d("2019/2019-05", 2019, None, None, 2019, 5)),
    ("-0100/0100", d("-0100/0100", -100, None, None, 100)),
    # open ranges: biblatex "2000/" and EDTF "2000/.." are the same value
    ("2000/..", d("2000/..", 2000)),
    ("2000/", d("2000/..", 2000)),
    ("../2000", d("../2000", None, None, None, 2000)),
    ("/2000", d("../2000", None, None, None, 2000)),
    ("2019-05-15/..", d("2019-05-15/..", 2019, 5, 15)),
    # qualifiers
    ("2024?", d("2024?", 2024, u=True)),
    ("2024~", d("2024~", 2024, a=True)),
    ("2024%", d("2024%", 2024, a=True, u=True)),
    ("2024-02-24~", d("2024-02-24~", 2024, 2, 24, a=True)),
    ("2019~/2020", d("2019~/2020", 2019, None, None, 2020, a=True)),
    ("2019/2020?", d("2019/2020?", 2019, None, None, 2020, u=True)),
    ("2000~/..", d("2000~/..", 2000, a=True)),
    # unspecified digits: the parts say only what is known
    ("201X", d("201X")),
    ("20XX", d("20XX")),
    ("2004-XX", d("2004-XX", 2004)),
    ("1985-04-XX", d("1985-04-XX", 1985, 4)),
    ("1985-XX-XX", d("1985-XX-XX", 1985)),
    ("201X/2020", d("201X/2020", None, None, None, 2020)),
    # seasons 21-24
    ("2001-21", d("2001-21", 2001)),
    ("2001-24?", d("2001-24?", 2001, u=True)),
    ("2001-21/2001-22", d("2001-21/2001-22", 2001, None, None, 2001)),
    # times are dropped
    ("2024-02-24T10:30:00", d("2024-02-24", 2024, 2, 24)),
    ("2024-02-24T10:30:00Z", d("2024-02-24", 2024, 2, 24)),
    ("2024-02-24T10:30+03:00", d("2024-02-24", 2024, 2, 24)),
    # Russian numeric DD.MM.YYYY
    ("31.12.2020", d("2020-12-31", 2020, 12, 31)),
    ("1.2.2020", d("2020-02-01", 2020, 2, 1)),
    ("29.02.2024", d("2024-02-29", 2024, 2, 29)),
]

STATUSES = [
    ("n.d.", ND),
    ("N.D.", ND),
    ("n. d.", ND),
    ("nd", ND),
    ("no date", ND),
    ("No Date", ND),
    ("б. г.", ND),
    ("б.г.", ND),
    ("[б. г.]", ND),
    ("Б. г.", ND),
    ("б/г", ND),
    ("без года", ND),
    ("s. a.", ND),
    ("s.d.", ND),
    ("in press", IN_PRESS),
    ("In Press", IN_PRESS),
    ("в печати", IN_PRESS),
    ("В печати", IN_PRESS),
    ("forthcoming", FORTHCOMING),
    ("Forthcoming", FORTHCOMING),
    ("готовится к печати", FORTHCOMING),
]

REJECTED = [
    ("spring 2019", 2019),
    ("circa 1950", 1950),
    ("2019 г.", 2019),
    ("2019–2020", None),
    ("2019/2020/2021", None),
    ("12/31/2020", 2020),
    ("2023-02-29", 2023),
    ("1900-02-29", 1900),
    ("2019-13", 2019),
    ("2019-00", 2019),
    ("2019-04-31", 2019),
    ("2019-02-00", 2019),
    ("2019-5-1", 2019),
    ("32.12.2020", 2020),
    ("29.02.2023", 2023),
    ("31.13.2020", 2020),
    ("2020/2019", None),
    ("2019-06/2019-05-31", 2019),
    ("..", None),
    ("/", None),
    ("../..", None),
    ("201X-05", None),
    ("20X0", None),
    ("2004-XX-05", 2004),
    ("2001-21-05", 2001),
    ("2001-25", 2001),
    ("2024??", 2024),
    ("2024?~", 2024),
    ("?2024", 2024),
    ("19", None),
    ("12345", None),
    ("2024-02-24T10", 2024),
    ("hello", None),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted(text: str, expected: DateValue) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "status"), STATUSES)
def test_status_words(text: str, status: str) -> None:
    assert parse_date(text) == DateValue(status=status)


@pytest.mark.parametrize(("text", "year"), REJECTED)
def test_rejected_kept_as_literal(text: str, year: int | None) -> None:
    assert parse_date(text) == literal(text, year)


def test_empty_is_no_value() -> None:
    assert parse_date("") == parse_date("  ") == DateValue()
    assert DateValue().to_edtf() == ""


@pytest.mark.parametrize(
    "text", [t for t, _ in ACCEPTED] + [t for t, _ in STATUSES] + [t for t, _ in REJECTED]
)
def test_to_edtf_round_trips(text: str) -> None:
    value = parse_date(text)
    assert parse_date(value.to_edtf()) == value


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("2000/", "2000/.."),
        ("31.12.2020", "2020-12-31"),
        ("[б. г.]", ND),
        ("В печати", IN_PRESS),
        ("spring  2019", "spring 2019"),
    ],
)
def test_to_edtf_is_canonical(text: str, stored: str) -> None:
    assert parse_date(text).to_edtf() == stored


@pytest.mark.parametrize(
    ("text", "is_range"),
    [("2019", False), ("2019/2020", True), ("2000/..", True), ("../2000", True), ("n.d.", False)],
)
def test_is_range(text: str, is_range: bool) -> None:
    assert parse_date(text).is_range is is_range


BIBTEX = [
    # BibLaTeX date wins over year/month/day, even when it is unreadable
    ({"date": "2019-05", "year": "2018", "month": "jan"}, d("2019-05", 2019, 5)),
    ({"date": "2000/", "year": "2000"}, d("2000/..", 2000)),
    ({"date": "spring 2019", "year": "2019"}, literal("spring 2019", 2019)),
    ({"date": "n.d."}, DateValue(status=ND)),
    # BibTeX year
    ({}, DateValue()),
    ({"year": "2019"}, d("2019", 2019)),
    ({"year": "{2019}"}, d("2019", 2019)),
    ({"year": "2019--2020"}, d("2019/2020", 2019, None, None, 2020)),
    ({"year": "{2019-2020}"}, d("2019/2020", 2019, None, None, 2020)),
    ({"year": "2019 – 2020"}, d("2019/2020", 2019, None, None, 2020)),
    ({"year": "2019/2020"}, d("2019/2020", 2019, None, None, 2020)),
    ({"year": "2019–2020 гг."}, d("2019/2020", 2019, None, None, 2020)),
    ({"year": "2019 г."}, d("2019", 2019)),
    ({"year": "2019 г"}, d("2019", 2019)),
    ({"year": "c. 1950"}, d("1950~", 1950, a=True)),
    ({"year": "{c. 1950}"}, d("1950~", 1950, a=True)),
    ({"year": "ca. 1950"}, d("1950~", 1950, a=True)),
    ({"year": "Circa 1950"}, d("1950~", 1950, a=True)),
    ({"year": "c1950"}, d("1950~", 1950, a=True)),
    ({"year": "около 1950"}, d("1950~", 1950, a=True)),
    ({"year": "ок. 1950"}, d("1950~", 1950, a=True)),
    ({"year": "c. 1950-1960"}, d("1950~/1960~", 1950, None, None, 1960, a=True)),
    ({"year": "[1950]"}, d("1950", 1950)),
    ({"year": "1950?"}, d("1950?", 1950, u=True)),
    ({"year": "[1950?]"}, d("1950?", 1950, u=True)),
    ({"year": "c. 1950?"}, d("1950%", 1950, a=True, u=True)),
    ({"year": "1950~"}, d("1950~", 1950, a=True)),
    ({"year": "n.d."}, DateValue(status=ND)),
    ({"year": "{in press}"}, DateValue(status=IN_PRESS)),
    ({"year": "б. г."}, DateValue(status=ND)),
    ({"year": "forthcoming"}, DateValue(status=FORTHCOMING)),
    # year + month (+ day)
    ({"year": "2019", "month": "2"}, d("2019-02", 2019, 2)),
    ({"year": "2019", "month": "02"}, d("2019-02", 2019, 2)),
    ({"year": "2019", "month": "feb"}, d("2019-02", 2019, 2)),
    ({"year": "2019", "month": "Feb."}, d("2019-02", 2019, 2)),
    ({"year": "2019", "month": "February"}, d("2019-02", 2019, 2)),
    ({"year": "2019", "month": "Sept."}, d("2019-09", 2019, 9)),
    ({"year": "2019", "month": "{Dec}"}, d("2019-12", 2019, 12)),
    ({"year": "2019", "month": "февраль"}, d("2019-02", 2019, 2)),
    ({"year": "2019", "month": "февр."}, d("2019-02", 2019, 2)),
    ({"year": "2019", "month": "февраля"}, d("2019-02", 2019, 2)),
    ({"year": "2019", "month": "май"}, d("2019-05", 2019, 5)),
    ({"year": "2019", "month": "мая"}, d("2019-05", 2019, 5)),
    ({"year": "2019", "month": "feb", "day": "24"}, d("2019-02-24", 2019, 2, 24)),
    ({"year": "2019", "month": "2", "day": "5"}, d("2019-02-05", 2019, 2, 5)),
    ({"year": "2024", "month": "feb", "day": "29"}, d("2024-02-29", 2024, 2, 29)),
    # the BibTeX gost package puts the day in month: "19 нояб"
    ({"year": "1997", "month": "19 нояб"}, d("1997-11-19", 1997, 11, 19)),
    ({"year": "1997", "month": "{19 ноября}"}, d("1997-11-19", 1997, 11, 19)),
    ({"year": "1997", "month": "Nov. 19"}, d("1997-11-19", 1997, 11, 19)),
    # rejections: the text is kept, joined in year-month-day order
    ({"year": "spring 2019"}, literal("spring 2019", 2019)),
    ({"year": "1950s"}, literal("1950s", 1950)),
    ({"year": "19"}, literal("19")),
    ({"year": "2020--2019"}, literal("2020--2019")),
    ({"year": "2019", "month": "spring"}, literal("2019 spring", 2019)),
    ({"year": "2019", "month": "13"}, literal("2019 13", 2019)),
    ({"year": "2019", "month": "0"}, literal("2019 0", 2019)),
    ({"year": "2019", "month": "ma"}, literal("2019 ma", 2019)),
    ({"year": "2019", "month": "jan--feb"}, literal("2019 jan--feb", 2019)),
    ({"year": "2019", "day": "5"}, literal("2019 5", 2019)),
    ({"year": "2019", "month": "feb", "day": "30"}, literal("2019 feb 30", 2019)),
    ({"year": "2019", "month": "feb", "day": "5th"}, literal("2019 feb 5th", 2019)),
    ({"year": "1997", "month": "31 нояб"}, literal("1997 31 нояб", 1997)),
    ({"year": "1997", "month": "19 spring"}, literal("1997 19 spring", 1997)),
    ({"month": "feb"}, literal("feb")),
    ({"year": "c. 1950", "month": "may"}, literal("c. 1950 may", 1950)),
    ({"year": "2019/2020", "month": "may"}, literal("2019/2020 may")),
]


@pytest.mark.parametrize(("fields", "expected"), BIBTEX)
def test_parse_bibtex_date(fields: dict[str, str], expected: DateValue) -> None:
    value = parse_bibtex_date(**fields)
    assert value == expected
    assert parse_date(value.to_edtf()) == value


@pytest.mark.parametrize(
    ("text", "csl"),
    [
        ("2024-02-24", {"date-parts": [[2024, 2, 24]]}),
        ("2024-02", {"date-parts": [[2024, 2]]}),
        ("0000", {"date-parts": [[0]]}),
        ("2019/2020", {"date-parts": [[2019], [2020]]}),
        ("-0001/0000", {"date-parts": [[-1], [0]]}),
        ("2019-05-15/2019-05-16", {"date-parts": [[2019, 5, 15], [2019, 5, 16]]}),
        ("2000/..", {"date-parts": [[2000], [0]]}),
        ("2024~", {"date-parts": [[2024]], "circa": True}),
        ("2024?", {"date-parts": [[2024]], "circa": True}),
        ("2019/2020%", {"date-parts": [[2019], [2020]], "circa": True}),
        ("2001-21", {"date-parts": [[2001]], "season": 1}),
        ("2001-24~", {"date-parts": [[2001]], "season": 4, "circa": True}),
        ("2001-05-21", {"date-parts": [[2001, 5, 21]]}),
        ("201X", {"literal": "201X"}),
        ("1985-04-XX", {"literal": "1985-04-XX"}),
        ("../2000", {"literal": "../2000"}),
        ("2001-21/2001-22", {"literal": "2001-21/2001-22"}),
        ("spring 2019", {"literal": "spring 2019"}),
        ("n.d.", {}),
        ("in press", {}),
        ("forthcoming", {}),
        ("", {}),
    ],
)
def test_csl_date_parts(text: str, csl: dict[str, object]) -> None:
    assert parse_date(text).csl_date_parts() == csl


def test_sort_order() -> None:
    """APA 7 §9.46: undated first, then chronological (ranges by start, then end), in press last."""
    ordered = [
        "n.d.",
        "-0100",
        "2000/..",
        "../2018",
        "2019",
        "2019/2020",
        "2019-05",
        "2019-05-03",
        "spring 2020",
        "2020-01",
        "in press",
    ]
    keys = [parse_date(t).sort_key() for t in ordered]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("n.d.", 0),
        ("201X", 0),
        ("hello", 0),
        ("", 0),
        ("2019", 1),
        ("spring 2019", 1),
        ("../2000", 1),
        ("in press", 2),
        ("forthcoming", 2),
    ],
)
def test_sort_rank(text: str, rank: int) -> None:
    assert parse_date(text).sort_key()[0] == rank


def _days(year: int, month: int) -> int:
    return calendar.mdays[month] + (month == 2 and calendar.isleap(year))


@st.composite
def _dates(draw: st.DrawFn) -> tuple[int, int | None, int | None]:
    year = draw(st.integers(-9999, 9999))
    month = draw(st.none() | st.integers(1, 12))
    day = None if month is None else draw(st.none() | st.integers(1, _days(year, month)))
    return year, month, day


def _text(parts: tuple[int, int | None, int | None]) -> str:
    year, month, day = parts
    out = f"{year:05d}" if year < 0 else f"{year:04d}"
    return out + "".join(f"-{p:02d}" for p in (month, day) if p is not None)


_QUALIFIERS = st.sampled_from(["", "?", "~", "%"])


@settings(max_examples=200, deadline=None)
@given(parts=_dates(), qualifier=_QUALIFIERS)
def test_single_date_round_trips(parts: tuple[int, int | None, int | None], qualifier: str) -> None:
    value = parse_date(_text(parts) + qualifier)
    assert (value.year, value.month, value.day) == parts
    assert (value.end_year, value.end_month, value.end_day) == (None, None, None)
    assert value.approximate is (qualifier in ("~", "%"))
    assert value.uncertain is (qualifier in ("?", "%"))
    assert value.status == ""
    assert parse_date(value.to_edtf()) == value


@settings(max_examples=200, deadline=None)
@given(a=_dates(), b=_dates(), qa=_QUALIFIERS, qb=_QUALIFIERS)
def test_range_round_trips(
    a: tuple[int, int | None, int | None],
    b: tuple[int, int | None, int | None],
    qa: str,
    qb: str,
) -> None:
    start, end = sorted((a, b), key=lambda p: (p[0], p[1] or 0, p[2] or 0))
    value = parse_date(f"{_text(start)}{qa}/{_text(end)}{qb}")
    assert (value.year, value.month, value.day) == start
    assert (value.end_year, value.end_month, value.end_day) == end
    assert value.approximate is ("~" in qa + qb or "%" in qa + qb)
    assert value.uncertain is ("?" in qa + qb or "%" in qa + qb)
    assert value.is_range
    assert parse_date(value.to_edtf()) == value
