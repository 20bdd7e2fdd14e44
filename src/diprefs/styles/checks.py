"""What each style needs of each kind of work: the table ``diprefs check`` reports from.

Kept apart from the templates (conventions: "required-field checks live apart from formatting").
A requirement names a model field (alternatives joined by "|", e.g. "publisher|institution"), the
message printed when all of them are empty, and optionally a condition on the work. The same
table is rendered in docs/styles.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from diprefs.names.script import detect_script
from diprefs.styles.template import Ctx
from diprefs.styles.terms import work_lang

Condition = Callable[[Ctx], bool]


def _online(ctx: Ctx) -> bool:
    return bool(ctx.work.url)


def _undated(ctx: Ctx) -> bool:
    value = ctx.date("issued")
    return bool(ctx.work.url) and value.year is None


_TITLE = ("title", "no title")
_YEAR = ("issued", "no date of publication")
_PLACE = ("publisher_place", "no place of publication")
_PUBLISHER = ("publisher", "no publisher")
_CONTAINER = ("container_title", "no journal, book or site it appeared in")
_PAGES = ("page", "no pages of the part in its host")
_EXTENT = ("number_of_pages", "no number of pages (extent)")
_URL = ("url", "no URL")
_ACCESSED = ("accessed", "web resource without an access date (дата обращения)")

#: GOST R 7.0.100-2018 and 7.0.5-2008, per template row: (field, message[, condition]).
GOST_REQUIRED: dict[str, tuple] = {
    "book": (_TITLE, _PLACE, _PUBLISHER, _YEAR, _EXTENT),
    "ebook": (_TITLE, _PLACE, _PUBLISHER, _YEAR, _URL),
    "article": (_TITLE, _CONTAINER, _YEAR, _PAGES),
    "newspaper": (_TITLE, _CONTAINER, _YEAR, _PAGES),
    "chapter": (_TITLE, _CONTAINER, _PLACE, _PUBLISHER, _YEAR, _PAGES),
    "conference": (_TITLE, _CONTAINER, _PLACE, _YEAR, _PAGES),
    "presentation": (_TITLE, ("event_title", "no conference name"), _YEAR),
    "thesis": (
        _TITLE,
        ("genre", "no degree statement (диссертация на соискание ...)"),
        ("speciality_code", "no speciality code"),
        _PLACE,
        _YEAR,
        _EXTENT,
    ),
    "report": (_TITLE, ("publisher|institution", "no publisher or institution"), _PLACE, _YEAR),
    "act": (
        _TITLE,
        ("genre", "no kind of act (Федеральный закон, Указ ...)"),
        ("number", "no number of the act"),
        _YEAR,
    ),
    "act-in-host": (
        _TITLE,
        ("genre", "no kind of act (Федеральный закон, Указ ...)"),
        ("number", "no number of the act"),
        ("issued|adopted", "no date of the act"),
    ),
    "webpage": (_TITLE, _URL, ("container_title", "no website the page belongs to")),
    "webpage-alone": (_TITLE, _URL),
    "website": (_TITLE, _URL),
    "fallback": (_TITLE, _YEAR),
}
#: Every web resource needs its access date in GOST (styles.md §6).
GOST_ALWAYS = ((*_ACCESSED, _online),)

#: APA 7 per template row.
APA_REQUIRED: dict[str, tuple] = {
    "book": (_TITLE, ("publisher", "no publisher")),
    "article": (_TITLE, _CONTAINER, ("volume|issue", "no volume or issue"), _PAGES),
    "newspaper": (_TITLE, _CONTAINER),
    "chapter": (_TITLE, _CONTAINER, _PUBLISHER, _PAGES),
    "presentation": (_TITLE, ("event_title", "no conference name")),
    "thesis": (_TITLE, ("institution", "no institution")),
    "autoreferat": (_TITLE, ("institution", "no institution")),
    "report": (_TITLE, ("publisher|institution", "no publisher or institution")),
    "act": (_TITLE, ("url|container_title", "no URL or gazette")),
    "webpage": (_TITLE, _URL),
    "website": (_TITLE, _URL),
    "fallback": (_TITLE,),
}
for _kind, _same in (
    ("ebook", "book"),
    ("conference", "chapter"),
    ("act-in-host", "act"),
    ("webpage-alone", "webpage"),
):
    APA_REQUIRED[_kind] = APA_REQUIRED[_same]

#: APA gives a retrieval date only for undated pages that change (styles.md §20).
APA_ALWAYS = (("accessed", "undated web page without a retrieval date", _undated),)


def missing(ctx: Ctx, requirements) -> list[tuple[str, str]]:
    out = []
    for field, message, *condition in requirements:
        if condition and not condition[0](ctx):
            continue
        names = field.split("|")
        if any(_value(ctx, name) for name in names):
            continue
        out.append((names[0], message))
    return out


def _value(ctx: Ctx, name: str) -> bool:
    if name in ("issued", "accessed", "adopted"):
        return name in ctx.work.dates
    return bool(getattr(ctx.work, name))


def gost_suspects(ctx: Ctx) -> list[tuple[str | None, str]]:
    return missing(ctx, GOST_ALWAYS)


_WORD = re.compile(r"[^\W\d_][\w’'ʻ-]*")
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "via",
        "with",
    ]
)


def title_case(title: str) -> bool:
    """True for a Title Case English title ("Digital History"): APA wants sentence case.

    Counts the words after the first that are not short function words and not acronyms; a
    title is Title Case when it has two such words or more and all of them are capitalised,
    or one such word, capitalised, in a title of two words.
    """
    words = _WORD.findall(title.split(":")[0])[1:]
    content = [w for w in words if w.casefold() not in _SMALL and not w.isupper()]
    if not content:
        return False
    return all(w[0].isupper() for w in content) and (len(content) >= 2 or len(words) == 1)


def apa_suspects(ctx: Ctx) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = list(missing(ctx, APA_ALWAYS))
    w = ctx.work
    lang = work_lang(w)
    if lang == "en" and not w.title_supplied and title_case(w.title):
        out.append(("title", "Title Case title: APA needs sentence case (printed as stored)"))
    if lang != "en" and not w.title_supplied and not (w.title_translated or w.title_original):
        cyrillic = detect_script(w.title) in ("Cyrl", "mixed")
        note = "; the Cyrillic title is transliterated automatically" if cyrillic else ""
        out.append(("title_translated", f"no English translation of the title{note}"))
    if detect_script(w.container_title) in ("Cyrl", "mixed") and not w.container_title_latin:
        out.append(
            (
                "container_title_latin",
                "Cyrillic journal or site without its own Latin name (romanised automatically)",
            )
        )
    return out
