"""In-text citations: GOST R 7.0.5-2008 links and footnotes (styles.md §10), APA 7 (§22).

Each cited work comes as a ``Cite``: its rendering context, its number in the list (numeric
links), and its locator. Labels follow each work's language ("с." / "p." / "b." / "б.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from diprefs.names.parse import is_others
from diprefs.styles import apa, latin, persons, values
from diprefs.styles import gost_parts as g
from diprefs.styles import text as st
from diprefs.styles.base import Style
from diprefs.styles.template import Ctx
from diprefs.styles.text import Styled

#: Locator labels ``cite`` accepts (docs/cli.md).
LABELS = ("page", "volume", "chapter", "paragraph", "section", "note")
_APA_LABELS = {
    "volume": "Vol.",
    "chapter": "Chapter",
    "paragraph": "para.",
    "section": "Section",
    "note": "n.",
}


@dataclass(frozen=True)
class Cite:
    ctx: Ctx
    number: int | None
    locator: tuple[tuple[str, str], ...] = ()


def parse_locator(text: str) -> tuple[tuple[str, str], ...]:
    """ "258" -> page 258; "47-49" -> page 47–49; "volume=2,page=47" -> both. ValueError if bad."""
    text = text.strip()
    if not text:
        raise ValueError("empty locator")
    if "=" not in text:
        return (("page", values.page_range(text)),)
    out = []
    for item in text.split(","):
        label, eq, value = item.partition("=")
        label, value = label.strip(), value.strip()
        if not eq or label not in LABELS or not value:
            raise ValueError(f"bad locator {item!r} (labels: {', '.join(LABELS)})")
        out.append((label, values.page_range(value) if label == "page" else value))
    return tuple(sorted(out, key=lambda lv: LABELS.index(lv[0]) if lv[0] != "page" else 99))


def _gost_locator(ctx: Ctx, locator, capital: bool = False) -> str:
    parts = []
    for label, value in locator:
        if label == "page":
            word = ctx.terms["page"] if capital else ctx.terms["pages"]
        elif label == "volume":
            word = ctx.terms["volume"] if capital else ctx.terms["volume_loc"]
        else:
            word = ctx.terms[f"{label}_loc"]
            word = word[:1].upper() + word[1:] if capital else word
        parts.append(f"{word} {value}")
    return ", ".join(parts)


def _apa_locator(locator) -> str:
    parts = []
    for label, value in locator:
        if label == "page":
            parts.append(("pp. " if values.is_range(value) else "p. ") + value)
        else:
            parts.append(f"{_APA_LABELS[label]} {value}")
    return ", ".join(parts)


def numeric(cites: Sequence[Cite]) -> Styled:
    """ "[1, p. 258]", "[5; 7]", "[5–7]" (a run of three or more numbers without locators)."""
    if all(not c.locator for c in cites):
        numbers = sorted({c.number for c in cites if c.number is not None})
        runs: list[list[int]] = []
        for n in numbers:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        text = "; ".join(f"{r[0]}–{r[-1]}" if len(r) >= 3 else "; ".join(map(str, r)) for r in runs)
        return st.plain(f"[{text}]")
    items = []
    for c in cites:
        loc = _gost_locator(c.ctx, c.locator)
        items.append(f"{c.number}, {loc}" if loc else str(c.number))
    return st.plain("[" + "; ".join(items) + "]")


def _short_title(ctx: Ctx) -> str:
    title = g.main_title(ctx).strip("[]")
    words = title.split(":")[0].split()
    return " ".join(words[:2]) + "…" if len(words) > 2 else " ".join(words)


def gost_names(ctx: Ctx) -> str:
    """ "Каримов, Рахимова"; four or more: "Давлатов и др."; no author: "Внешняя политика…"."""
    authors = ctx.names("author")
    people = [c for c in authors if not is_others(c.name)]
    if not people:
        return _short_title(ctx)
    if len(people) > 3 or len(people) < len(authors):
        return f"{persons.family(people[0].name)} {ctx.terms['et_al']}"
    return ", ".join(persons.family(c.name) for c in people)


def gost_author_year(cites: Sequence[Cite]) -> Styled:
    """ "[Каримов, Рахимова, 2021, с. 34]"; several works joined by "; "."""
    items = []
    for c in cites:
        year = values.year(c.ctx.date("issued")).strip(" —") + c.ctx.suffix
        loc = _gost_locator(c.ctx, c.locator)
        items.append(", ".join(filter(None, (gost_names(c.ctx), year, loc))))
    return st.plain("[" + "; ".join(items) + "]")


def apa_names(ctx: Ctx, narrative: bool = False) -> Styled:
    """ "Mominov", "Piaget & Inhelder" (narrative "and"), "Grady et al.", or the title."""
    names = ctx.names("author") or apa.stand_ins(ctx)[0]
    people = [c for c in names if not is_others(c.name)]
    fam = [latin.roman(ctx, persons.family(latin.name_of(ctx, c))) for c in people]
    if len(fam) == 1 and len(names) == 1:
        return st.plain(fam[0])
    if len(fam) == 2 and len(names) == 2:
        return st.plain(f"{fam[0]} {'and' if narrative else '&'} {fam[1]}")
    if fam:
        return st.plain(f"{fam[0]} et al.")
    main, _ = latin.titles(ctx)
    words = main.split(":")[0].split()
    short = " ".join(words[:4])
    if ctx.work.title_supplied:
        return st.plain(f"[{short}]")
    if apa.classify(ctx.work) in ("article", "newspaper", "chapter", "conference"):
        return st.plain(f"“{short}”")
    return st.plain(short, True)


def _apa_year(ctx: Ctx) -> str:
    return values.apa_date(ctx.date("issued"), False, ctx.suffix)


def apa_parenthetical(cites: Sequence[Cite]) -> Styled:
    """ "(Mominov, 2022, p. 258)"; several works alphabetically, one author's years together."""
    ordered = sorted(cites, key=lambda c: apa.sort_key(c.ctx))
    groups: list[tuple[Styled, list[str]]] = []
    for c in ordered:
        who = apa_names(c.ctx)
        when = ", ".join(filter(None, (_apa_year(c.ctx), _apa_locator(c.locator))))
        if groups and groups[-1][0] == who and not c.locator:
            groups[-1][1].append(when)
        else:
            groups.append((who, [when]))
    pieces = [st.join([who, st.plain(", ".join(years))], ", ") for who, years in groups]
    return st.wrap(st.join(pieces, "; "), "(", ")")


def apa_narrative(cites: Sequence[Cite]) -> Styled:
    """ "Mominov (2022, p. 258)"; several as "A (2020), B (2021) and C (2022)"."""
    pieces = []
    for c in cites:
        when = ", ".join(filter(None, (_apa_year(c.ctx), _apa_locator(c.locator))))
        pieces.append(st.join([apa_names(c.ctx, True), st.plain(f"({when})")], " "))
    if len(pieces) == 1:
        return pieces[0]
    return st.join([st.join(pieces[:-1], ", "), pieces[-1]], " and ")


_TRAILING_STOP = re.compile(r"\.$")


def footnotes(style: Style, cites: Sequence[Cite]) -> list[Styled]:
    """One note per cite: the full reference the first time, then "Там же" / "Ibid." for the
    source of the previous note, "Указ. соч." / "Op. cit." for one cited earlier."""
    notes: list[Styled] = []
    seen: set[str] = set()
    previous = None
    for c in cites:
        key = c.ctx.work.key
        loc = _gost_locator(c.ctx, c.locator, capital=True)
        if key == previous:
            note = st.plain(f"{c.ctx.terms['ibid']}.")
        elif key in seen:
            people = g.heading_people(c.ctx, g.Flavour("2008", False, 3, False, True, False))
            head = ", ".join(persons.inverted(p.name, c.ctx.lang, False) for p in people)
            head = head or g.main_title(c.ctx)
            note = st.plain(f"{head} {c.ctx.terms['op_cit']}")
        else:
            note = style.render(c.ctx)
            if style.numbered:
                note = st.wrap(note, suffix="")
        if loc:
            delim = g.area_delim(c.ctx) if style.numbered and key not in seen else " "
            if not style.numbered and key not in seen:
                delim, loc = ", ", _apa_locator(c.locator)
            note = st.join([note, st.plain(loc)], delim)
        notes.append(st.wrap(note, suffix="."))
        seen.add(key)
        previous = key
    return notes
