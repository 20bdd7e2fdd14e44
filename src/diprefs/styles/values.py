"""Derived values shared by the styles: page ranges, years, dates written out, places, kinds."""

from __future__ import annotations

import re

from diprefs.dates import FORTHCOMING, IN_PRESS, LITERAL, ND, DateValue
from diprefs.model import Work
from diprefs.styles.template import Ctx
from diprefs.styles.terms import LIST_MONTHS, LIST_MONTHS_FULL, MONTHS
from diprefs.styles.text import clean

_RANGE = re.compile(r"(?<=\w)\s*(?:-{1,3}|–|—)\s*(?=\w)")
_LEADING_NUMBER = re.compile(r"^(\d+)(?:\s*(?:-?е|-?th|-?nd|-?rd|-?st))?\.?$", re.IGNORECASE)
_WEBSITE_GENRES = {"website", "site", "сайт", "sayt", "веб-сайт", "veb-sayt", "[сайт]"}


def page_range(value: str) -> str:
    """'25--30', '25-30' and '25 - 30' all become '25–30' (en dash, no spaces)."""
    return _RANGE.sub("–", clean(value))


def is_range(value: str) -> bool:
    return "–" in page_range(value) or "," in value


def year(value: DateValue) -> str:
    """The year element: '2020', '2005–2007', an open range '2000 — ', '' for n.d."""
    if value.status == LITERAL:
        return clean(value.literal)
    if value.year is None:
        return ""
    if value.is_range:
        if value.end_year is None:
            return f"{value.year} — "
        if value.end_year != value.year:
            return f"{value.year}–{value.end_year}"
    return str(value.year)


def numeric_date(value: DateValue) -> str:
    """DD.MM.YYYY (the GOST access date), or as much of it as is known."""
    if value.year is None:
        return clean(value.literal)
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return f"{value.month:02d}.{value.year}"
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def day_month(value: DateValue, list_lang: str) -> str:
    """The separate day-month element of GOST ('17 июня', '2 февр.') in the list's language."""
    if value.month is None or (value.is_range and value.end_month not in (None, value.month)):
        return ""
    month = LIST_MONTHS[list_lang][value.month - 1]
    if value.day is None:
        return month[:1].upper() + month[1:]
    if value.is_range and value.end_day and value.end_day != value.day:
        return f"{value.day}–{value.end_day} {month}"
    return f"{value.day} {month}"


def written_date(value: DateValue, lang: str, pattern: str) -> str:
    """A date written out in a work's language ('7 февраля 2017 года', '15–16 May 2023')."""
    if value.year is None:
        return ""
    if value.month is None:
        return str(value.year)
    month = MONTHS[lang][value.month - 1]
    day = str(value.day) if value.day else ""
    if value.is_range and value.end_day and value.end_month == value.month:
        day = f"{value.day}–{value.end_day}"
    if not day:
        return f"{month} {value.year}"
    return pattern.format(d=day, month=month, y=value.year)


def apa_date(value: DateValue, with_day: bool, suffix: str = "") -> str:
    """APA's date: '2020', '2019, October 31', '2019, August 8–11', 'n.d.', 'in press'."""
    if value.status in (ND, "") and value.year is None and not value.literal:
        return "n.d." if not suffix else f"n.d.-{suffix}"
    if value.status == IN_PRESS:
        return "in press" if not suffix else f"in press-{suffix}"
    if value.status == FORTHCOMING:
        return "forthcoming"
    base = year(value).strip(" —") + suffix
    if not with_day or value.month is None or value.year is None:
        return base
    month = LIST_MONTHS_FULL["en"][value.month - 1]
    if value.day is None:
        return f"{base}, {month}"
    if value.is_range and value.end_day and value.end_month == value.month:
        return f"{base}, {month} {value.day}–{value.end_day}"
    return f"{base}, {month} {value.day}"


def retrieval_date(value: DateValue, list_lang: str) -> str:
    """'May 5, 2024' (en), '5 мая 2024 г.' (ru), '2024-yil 5-may' (uz)."""
    if value.year is None or value.month is None or value.day is None:
        return numeric_date(value)
    month = LIST_MONTHS_FULL[list_lang][value.month - 1]
    if list_lang == "en":
        return f"{month} {value.day}, {value.year}"
    if list_lang == "ru":
        return f"{value.day} {month} {value.year} г."
    return f"{value.year}-yil {value.day}-{month}"


def ordinal_edition(value: str, lang: str) -> str:
    """A bare edition number in the work's language ('2' -> '2-е изд.', '2nd ed.')."""
    value = clean(value)
    match = _LEADING_NUMBER.match(value)
    if not match:
        return value
    n = int(match[1])
    if lang == "ru":
        return f"{n}-е изд."
    if lang == "uz-Latn":
        return f"{n}-nashr"
    if lang == "uz-Cyrl":
        return f"{n}-нашр"
    return f"{n}{english_ordinal(n)} ed."


def english_ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


#: GOST R 7.0.12-2011 allows exactly two abbreviated cities (styles.md §5).
_CITY_ABBREVIATIONS = {"москва": "М.", "санкт-петербург": "СПб."}
_TASHKENT = {"ташкент": "Т.", "тошкент": "Т.", "tashkent": "T.", "toshkent": "T."}


def place(ctx: Ctx, abbreviate_cities: bool) -> str:
    """The place of publication, abbreviated where the style and settings ask for it."""
    out = []
    for one in clean(ctx.work.publisher_place).split(";"):
        one = one.strip()
        key = one.casefold()
        if abbreviate_cities and key in _CITY_ABBREVIATIONS:
            one = _CITY_ABBREVIATIONS[key]
        elif ctx.settings.get("tashkent") == "abbreviated" and key in _TASHKENT:
            one = _TASHKENT[key]
        if one:
            out.append(one)
    return " ; ".join(out)


def is_online(ctx: Ctx) -> bool:
    """Read online: it has a URL, or its medium says so. A DOI alone is not enough [D]."""
    medium = ctx.work.medium.casefold()
    return bool(ctx.work.url) or any(w in medium for w in ("online", "электрон", "elektron"))


def is_website(work: Work) -> bool:
    """A whole website rather than a page in one: genre "website" (biblatex ``type``)."""
    return work.genre.casefold().strip() in _WEBSITE_GENRES


def is_autoreferat(ctx: Ctx) -> bool:
    genre = ctx.work.genre.casefold()
    return any(w in genre for w in ("автореф", "avtoref", "author's abstract", "autoref"))


def source_field(ctx: Ctx, name: str) -> str:
    """A raw field of the imported entry that the model has no column for (``origlanguage``)."""
    src = ctx.work.source
    if src is None:
        return ""
    for f in src.fields:
        if f.name.casefold() == name:
            return clean(f.value.strip("{}"))
    return ""


#: biblatex-gost's thesis types (``type = {phdthesis}``): in its Russian strings "phd" is the
#: candidate's degree (кандидат наук), "doc" the doctor's.
THESIS_TYPES = {
    "phdthesis": "candidate",
    "phdautoref": "candidate",
    "docthesis": "doctor",
    "docautoref": "doctor",
    "mathesis": "master",
}
#: Languages whose works take biblatex-gost's reading of ``phdthesis`` (a candidate's degree).
_CIS_LANGUAGES = frozenset({"ru", "uz", "be", "uk", "kk", "ky", "tg"})


def degree_level(ctx: Ctx) -> str:
    """'candidate', 'doctor', 'master' or '' from the thesis genre, degree or entry type."""
    typed = THESIS_TYPES.get(ctx.work.genre.strip().casefold())
    if typed == "candidate" and ctx.work.language.split("-")[0] not in _CIS_LANGUAGES:
        typed = "doctor"  # biblatex's own phdthesis: a PhD
    if typed:
        return typed
    text = " ".join(
        (ctx.work.genre, ctx.work.degree, ctx.work.source.entry_type if ctx.work.source else "")
    ).casefold()
    if any(w in text for w in ("кандидат", "candidate", "nomzod", "номзод", "канд.")):
        return "candidate"
    if any(w in text for w in ("магист", "master", "ma thesis", "mathesis")):
        return "master"
    if any(w in text for w in ("доктор", "д-ра", "doctor", "phd", "doktor", "докт")):
        return "doctor"
    return ""
