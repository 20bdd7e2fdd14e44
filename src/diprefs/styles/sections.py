"""Sections of a reference list: OAK's three groups, entry types, or scripts (``--sections``).

Uzbekistan's Higher Attestation Commission (OAK) asks dissertations to group the list: (1)
normative and legal acts, by legal force (constitution, codes, laws, presidential decrees, Cabinet
resolutions, departmental acts) and then by date; (2) monographs, articles, collections; (3) other
sources, web resources included. The regulation's own text was not at hand: docs/sections.md
records the rules followed as decisions. Pure: the services pass rendering contexts in and get
groups back; numbering runs on across sections because the list stays one list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from diprefs.model import LEGAL_KINDS, Work
from diprefs.styles.template import Ctx
from diprefs.styles.text import Styled

SECTIONINGS = ("oak", "type", "language")

T = TypeVar("T")

#: CSL types that are normative and legal acts (with any work that records a ``legal_kind``).
LEGAL_TYPES = frozenset({"legislation", "regulation", "bill", "treaty"})
#: OAK's second group: the scholarly literature.
LITERATURE_TYPES = frozenset(
    {
        "book",
        "collection",
        "classic",
        "pamphlet",
        "periodical",
        "chapter",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "review",
        "review-book",
        "paper-conference",
        "thesis",
        "report",
    }
)

#: Section headings in the list's language (``--lang``).
OAK_HEADINGS = {
    "ru": (
        "I. Нормативно-правовые акты",
        "II. Монографии, статьи, сборники",
        "III. Другие источники (в том числе электронные ресурсы)",
    ),
    "uz": (
        "I. Normativ-huquqiy hujjatlar",
        "II. Monografiyalar, maqolalar, toʻplamlar",
        "III. Boshqa manbalar (shu jumladan internet resurslari)",
    ),
    "en": (
        "I. Normative and legal acts",
        "II. Monographs, articles, collections",
        "III. Other sources (including web resources)",
    ),
}

#: ``--sections type``: (group, CSL types), in the order the groups are printed.
TYPE_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("acts", LEGAL_TYPES | {"legal_case"}),
    ("books", frozenset({"book", "collection", "classic", "pamphlet", "periodical"})),
    (
        "parts",
        frozenset(
            {"chapter", "entry", "entry-dictionary", "entry-encyclopedia", "paper-conference"}
        ),
    ),
    (
        "articles",
        frozenset({"article", "article-journal", "article-magazine", "review", "review-book"}),
    ),
    ("newspapers", frozenset({"article-newspaper"})),
    ("theses", frozenset({"thesis"})),
    ("reports", frozenset({"report", "standard"})),
    ("web", frozenset({"webpage", "post", "post-weblog"})),
    ("other", frozenset()),
)
TYPE_HEADINGS = {
    "ru": {
        "acts": "Нормативно-правовые акты",
        "books": "Книги",
        "parts": "Главы и статьи в сборниках",
        "articles": "Статьи в журналах",
        "newspapers": "Статьи в газетах",
        "theses": "Диссертации и авторефераты",
        "reports": "Отчёты и стандарты",
        "web": "Электронные ресурсы",
        "other": "Другие источники",
    },
    "uz": {
        "acts": "Normativ-huquqiy hujjatlar",
        "books": "Kitoblar",
        "parts": "Toʻplamlardagi boblar va maqolalar",
        "articles": "Jurnal maqolalari",
        "newspapers": "Gazeta maqolalari",
        "theses": "Dissertatsiyalar va avtoreferatlar",
        "reports": "Hisobotlar va standartlar",
        "web": "Internet resurslari",
        "other": "Boshqa manbalar",
    },
    "en": {
        "acts": "Legal acts",
        "books": "Books",
        "parts": "Chapters and papers in collections",
        "articles": "Journal articles",
        "newspapers": "Newspaper articles",
        "theses": "Dissertations and autoreferats",
        "reports": "Reports and standards",
        "web": "Web resources",
        "other": "Other sources",
    },
}
SCRIPT_HEADINGS = {
    "ru": ("Источники на кириллице", "Источники на латинице", "Источники на других письменностях"),
    "uz": (
        "Kirill yozuvidagi manbalar",
        "Lotin yozuvidagi manbalar",
        "Boshqa yozuvlardagi manbalar",
    ),
    "en": ("Sources in Cyrillic script", "Sources in Latin script", "Sources in other scripts"),
}

_FIRST_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def is_legal_act(work: Work) -> bool:
    return work.type in LEGAL_TYPES or bool(work.legal_kind)


def oak_group(work: Work) -> int:
    """0 legal acts, 1 monographs/articles/collections, 2 other sources (web included)."""
    if is_legal_act(work):
        return 0
    return 1 if work.type in LITERATURE_TYPES else 2


def legal_force(ctx: Ctx) -> tuple:
    """Constitution, codes, laws, decrees, resolutions, departmental acts, then acts whose kind
    is not recorded; within a kind by the date of adoption (else of publication)."""
    kind = ctx.work.legal_kind
    rank = LEGAL_KINDS.index(kind) if kind in LEGAL_KINDS else len(LEGAL_KINDS)
    adopted = ctx.date("adopted")
    when = adopted if adopted.year else ctx.date("issued")
    return (rank, when.year is None, when.sort_key())


def type_group(work: Work) -> int:
    if is_legal_act(work):
        return 0
    for i, (_name, types) in enumerate(TYPE_GROUPS):
        if work.type in types:
            return i
    return len(TYPE_GROUPS) - 1


def script_group(styled: Styled) -> int:
    """0 when the entry starts with a Cyrillic letter, 1 Latin, 2 any other script."""
    text = "".join(t for t, _ in styled)
    first = _FIRST_LETTER.search(text)
    if first is None:
        return 2
    letter = first.group()
    return 0 if _CYRILLIC.match(letter) else 1 if _LATIN.match(letter) else 2


def group(
    kind: str,
    entries: Sequence[T],
    lang: str,
    ctx_of: Callable[[T], Ctx],
    styled_of: Callable[[T], Styled],
) -> list[tuple[str, list[T]]]:
    """(heading, entries) per non-empty section, in the order the sections are printed.

    Entries keep the list's order inside a section, except OAK's legal acts, which go by legal
    force and date. ``lang`` picks the headings' language (ru, uz, en)."""
    lang = lang if lang in OAK_HEADINGS else "en"
    if kind == "oak":
        headings: Sequence[str] = OAK_HEADINGS[lang]
        buckets = _bucket(entries, len(headings), lambda e: oak_group(ctx_of(e).work))
        buckets[0].sort(key=lambda e: legal_force(ctx_of(e)))
    elif kind == "type":
        headings = [TYPE_HEADINGS[lang][name] for name, _types in TYPE_GROUPS]
        buckets = _bucket(entries, len(headings), lambda e: type_group(ctx_of(e).work))
    elif kind == "language":
        headings = SCRIPT_HEADINGS[lang]
        buckets = _bucket(entries, len(headings), lambda e: script_group(styled_of(e)))
    else:
        raise ValueError(f"unknown sections {kind!r} (known: {', '.join(SECTIONINGS)})")
    return [(h, b) for h, b in zip(headings, buckets, strict=True) if b]


def _bucket(entries: Sequence[T], n: int, which: Callable[[T], int]) -> list[list[T]]:
    buckets: list[list[T]] = [[] for _ in range(n)]
    for entry in entries:
        buckets[which(entry)].append(entry)
    return buckets
