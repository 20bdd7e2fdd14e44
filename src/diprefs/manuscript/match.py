"""Matching a manuscript's list items and in-text references to works (pure).

A printed item is free text: "Mominov Khusanboy "Digital History". Tashkent ... 2022". It is
matched to a work by what any style prints of it: a title (as stored, transliterated or
translated) found in the item, the authors' family names under every spelling
(``names.keys.match_key``: Жураев = Juraev = Jurayev), the year, or the URL or DOI, which settle
it alone. Similarities come from rapidfuzz; the weights are in ``work_score``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from diprefs.model import Work
from diprefs.names.keys import FOLD_MARKS, match_key
from diprefs.names.translit import transliterate

#: A work matches an item at this score or above (``work_score``, 0-100).
WORK_MATCH = 80
#: Two texts of the same reference (an item and a stored printed item) at this score or above.
TEXT_MATCH = 70

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_QUOTES = str.maketrans({c: '"' for c in "«»„“”‟″"} | {c: "'" for c in "‘’‚‛ʹʼ′`"})
_ANGLE_URL = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_URL = re.compile(r"(?:https?|ftp)://\S+")
_WORD = re.compile(r"[^\W_][\w'ʻ’-]*")
_CYRILLIC = re.compile("[\u0400-\u052f]")
_NO_MARKS = str.maketrans(dict.fromkeys(FOLD_MARKS))
_COMBINING = re.compile("[\u0300-\u036f]")
_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """What a comparison of printed references ignores: Unicode forms, the dash and quote
    glyph used, angle brackets round a URL, runs of spaces, and a final full stop."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)
    text = _ANGLE_URL.sub(r"\1", text)
    return " ".join(text.split()).rstrip(" .")


def _folded(text: str) -> str:
    """Lower case, no diacritics, apostrophes or punctuation: for similarity scores. (Cheaper
    than ``names.keys.fold``: a library's every title goes through it.)"""
    text = unicodedata.normalize("NFKD", text.translate(_NO_MARKS)).casefold()
    return _NON_WORD.sub(" ", _COMBINING.sub("", text)).strip()


def text_similarity(a: str, b: str) -> float:
    """0-100: the mean of the plain and the token-set ratio of the folded texts."""
    fa, fb = _folded(a), _folded(b)
    if not fa or not fb:
        return 0.0
    return (fuzz.ratio(fa, fb) + fuzz.token_set_ratio(fa, fb)) / 2


def _url_key(url: str) -> str:
    url = re.sub(r"^(?:https?|ftp)://(?:www\.)?", "", url.strip().casefold())
    return url.rstrip("/.")


@dataclass(frozen=True)
class Signature:
    """What of a work can be recognised in a printed item."""

    key: str
    titles: tuple[str, ...]  # folded
    authors: tuple[str, ...]  # match keys of persons' family names
    organisations: tuple[str, ...]  # folded literal names
    year: str
    urls: tuple[str, ...]
    doi: str


def signature(work: Work) -> Signature:
    titles: list[str] = []
    if not work.title_supplied:
        full = f"{work.title}: {work.subtitle}" if work.subtitle else work.title
        sources = (work.title, full, work.title_original, work.title_translated)
        for one in dict.fromkeys(filter(None, sources)):
            forms = [one]
            if _CYRILLIC.search(one):
                forms += [transliterate(one, "bgn-pcgn"), transliterate(one, "uz-cyrl-latn")]
            titles += filter(None, map(_folded, forms))
    people = [c.name for c in work.contributors if c.role in ("author", "editor")]
    return Signature(
        key=work.key,
        titles=tuple(dict.fromkeys(titles)),
        authors=tuple(match_key(n.family) for n in people if n.family and not n.literal),
        organisations=tuple(_folded(n.literal) for n in people if n.literal),
        year=work.issued[:4] if work.issued[:4].isdigit() else "",
        urls=tuple(_url_key(u) for u in (work.url,) if u),
        doi=work.doi.casefold(),
    )


@dataclass(frozen=True)
class ItemText:
    """A printed item (or footnote) prepared once for scoring against many works."""

    folded: str
    keys: frozenset[str]  # match keys of its words
    urls: frozenset[str]
    years: frozenset[str]


def prepare(text: str) -> ItemText:
    text = normalise(text)
    folded = _folded(text)
    return ItemText(
        folded=folded,
        keys=frozenset(match_key(w) for w in _WORD.findall(text)),
        urls=frozenset(_url_key(u) for u in _URL.findall(text)),
        years=frozenset(re.findall(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text)),
    )


def work_score(item: ItemText, sig: Signature) -> float:
    """0-100: 100 for the work's URL or DOI in the item; else 70 for the best title found in
    the item (partial ratio), 20 for its authors, 10 for its year. A work with no authors or
    no year is not marked down for them."""
    if sig.urls and any(u == v or u.startswith(v) for u in item.urls for v in sig.urls):
        return 100.0
    if sig.doi and sig.doi in item.folded.replace(" ", ""):
        return 100.0
    words = item.folded.split()
    title = max((_title_score(t, item.folded, words) for t in sig.titles), default=0.0)
    names = [*sig.authors, *sig.organisations]
    if names:
        found = sum(a in item.keys for a in sig.authors)
        found += sum(o in item.folded for o in sig.organisations)
        authors = found / len(names)
    else:
        authors = 1.0
    year = 1.0 if not sig.year or sig.year in item.years else 0.0
    return 0.7 * title + 20 * authors + 10 * year


class TitleIndex:
    """The words of many works' titles, so that an item is scored against the few works whose
    rarer title words it shares rather than against the whole library."""

    def __init__(self, sigs: list[Signature]) -> None:
        self.sigs = sigs
        self.postings: dict[str, list[int]] = {}
        for i, sig in enumerate(sigs):
            words = {w for t in sig.titles for w in t.split() if len(w) > 2}
            words |= {f"@{a}" for a in sig.authors if len(a) > 2}
            for word in words:
                self.postings.setdefault(word, []).append(i)
        self.urls = {u: i for i, sig in enumerate(sigs) for u in sig.urls}
        owners = [(t, i) for i, sig in enumerate(sigs) for t in sig.titles]
        self.titles = [t for t, _ in owners]
        self.title_owner = [i for _, i in owners]
        #: words in more titles than this say nothing about which work is meant
        self.common = max(50, len(sigs) // 50)

    def candidates(self, item: ItemText, limit: int = 30) -> list[int]:
        """Works sharing the item's URL, then the ``limit`` works sharing most of its rarer
        title words (weighted by rarity); when it shares no rare word, the titles most like it
        (rapidfuzz over every title: slower, and rare)."""
        found = [self.urls[u] for u in item.urls if u in self.urls]
        weights: dict[int, float] = {}
        for word in set(item.folded.split()) | {f"@{k}" for k in item.keys}:
            works = self.postings.get(word, ())
            if 0 < len(works) <= self.common:
                weight = math.log(len(self.sigs) / len(works)) + 1
                for i in works:
                    weights[i] = weights.get(i, 0.0) + weight
        ranked = sorted(weights, key=lambda i: -weights[i])[:limit]
        if not ranked:
            hits = process.extract(
                item.folded, self.titles, scorer=fuzz.partial_ratio, score_cutoff=70, limit=limit
            )
            ranked = [self.title_owner[index] for _t, _score, index in hits]
        return list(dict.fromkeys([*found, *ranked]))

    def best(self, item: ItemText) -> int | None:
        """The index of the work the item describes, if one scores ``WORK_MATCH`` or more."""
        scored = [(work_score(item, self.sigs[i]), i) for i in self.candidates(item)]
        top = max((score for score, _ in scored), default=0.0)
        if top < WORK_MATCH:
            return None
        tied = [i for score, i in scored if score == top]
        return max(tied, key=lambda i: (specificity(item, self.sigs[i]), -i))


def specificity(item: ItemText, sig: Signature) -> tuple[int, int]:
    """Where and how long the work's title stands whole in the item: between a chapter and its
    book the title printed first is the work meant (the book's comes after "//" or "In:"), and
    between "Part I" and "Part II" the longer."""
    found = []
    for t in sig.titles:
        hit = fuzz.partial_ratio_alignment(t, item.folded)
        if hit is not None and hit.score >= 95:
            found.append((-hit.dest_start, len(t)))
    return max(found, default=(-len(item.folded), 0))


def _title_score(title: str, folded: str, words: list[str]) -> float:
    """How well a title stands in an item: partial similarity, or for a title of three letters
    or fewer ("Kuy") whether it is one of the item's words."""
    if len(title) <= 3:
        return 100.0 if title in words else 0.0
    return fuzz.partial_ratio(title, folded)


def cites(authors: tuple[str, ...], year: str, sig: Signature | None, item: ItemText) -> bool:
    """Whether an author-year reference "(Karimov, Rahimova, 2021)" points at this item: its
    year (letters such as 2021a dropped) and every surname, by the work or the item's words."""
    plain_year = year[:4]
    if plain_year.isdigit():
        known = sig.year if sig and sig.year else ""
        if plain_year != known and plain_year not in item.years:
            return False
    for author in authors:
        author = re.sub(r"\s+(?:et al\.?|и др\.?)$", "", author).strip()
        key = match_key(author)
        if not key:
            return False
        if sig and (key in sig.authors or _folded(author) in sig.organisations):
            continue
        if key not in item.keys and _folded(author) not in item.folded:
            return False
    return True
