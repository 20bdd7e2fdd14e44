"""Bibliographies: select works, sort them, format them in a style; citations; checks.

No Click and no printing: the CLI passes plain values in and prints what comes back.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from diprefs import config as configuration
from diprefs.errors import DiprefsError, NotFoundError
from diprefs.model import Name, Work
from diprefs.services.library import require_work
from diprefs.settings import config_path
from diprefs.storage import selection
from diprefs.styles import apa, citations, gost
from diprefs.styles.base import Style, canonical, get_style
from diprefs.styles.checks import missing
from diprefs.styles.render import Item
from diprefs.styles.sections import group as grouped
from diprefs.styles.template import Ctx
from diprefs.styles.text import Styled

#: The raw imported fields the styles read (translations' source language).
STYLE_SOURCE_FIELDS = ("origlanguage",)
_CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


@dataclass
class Selection:
    keys: Sequence[str] = ()
    cited_by: str | None = None
    tags: Sequence[str] = ()

    @property
    def empty(self) -> bool:
        return not (self.keys or self.cited_by or self.tags)


@dataclass
class Bibliography:
    style: Style
    lang: str
    items: list[Item]
    config: dict[str, dict[str, Any]]
    #: index of the first item of each section -> its heading (``--sections``)
    headings: dict[int, str] = field(default_factory=dict)


def load_config(overrides: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    return configuration.load(config_path(), overrides)


def style_settings(name: str, config: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A style's settings: its section; GOST 7.0.5-2008 shares [gost]'s dash and Tashkent."""
    if name == "gost-2008":
        return {**config["gost"], **config["gost-2008"], "doi_position": "end"}
    return dict(config.get(name, {}))


def selected_ids(db: Database, sel: Selection) -> list[int]:
    """The union of the selectors, each work once; the whole library when none is given."""
    if sel.empty:
        return selection.all_ids(db)
    for key in [*sel.keys, *([sel.cited_by] if sel.cited_by else [])]:
        require_work(db, key)
    by_key = selection.ids_by_key(db, [*sel.keys, *([sel.cited_by] if sel.cited_by else [])])
    ids: list[int] = []
    if sel.cited_by:
        ids += selection.cited_ids(db, by_key[sel.cited_by])
    ids += [by_key[k] for k in sel.keys]
    for tag in sel.tags:
        tagged = selection.tagged_ids(db, tag)
        if not tagged:
            raise NotFoundError(f"no work has the tag {tag!r}")
        ids += tagged
    return list(dict.fromkeys(ids))


def contexts(
    style: Style,
    works: Sequence[Work],
    lang: str,
    settings: dict[str, Any],
    genders: dict[Name, str],
    suffixes: bool = True,
) -> list[Ctx]:
    """Rendering contexts; ``suffixes`` adds 2021a/2021b where authors and year repeat (APA
    lists, author-year citations; a numbered GOST list prints none)."""
    ctxs = [style.context(w, lang, settings, genders) for w in works]
    if suffixes:
        _year_suffixes(style, ctxs, lang)
    return ctxs


def _author_year_key(style: Style, ctx: Ctx) -> tuple:
    if style.name == "apa":
        issued = ctx.date("issued")
        return (apa.author_key(ctx), issued.year or issued.status)
    return (citations.gost_names(ctx), ctx.date("issued").year)


def _year_suffixes(style: Style, ctxs: list[Ctx], lang: str) -> None:
    """2021a, 2021b for works with the same authors and year, in title order (APA §21); GOST
    uses Cyrillic letters in a Russian-language list (styles.md §10)."""
    groups: dict[tuple, list[Ctx]] = defaultdict(list)
    for ctx in ctxs:
        if ctx.date("issued").year is not None or style.name == "apa":
            groups[_author_year_key(style, ctx)].append(ctx)
    letters = _CYRILLIC_LETTERS if style.name != "apa" and lang == "ru" else string.ascii_lowercase
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(
            key=lambda c: apa.sort_key(c)[2] if style.name == "apa" else gost._fold(c.work.title)
        )
        for i, ctx in enumerate(members[: len(letters)]):
            ctx.suffix = letters[i]


def format_list(
    db: Database,
    sel: Selection,
    style_name: str,
    lang: str | None = None,
    order: str | None = None,
    overrides: Iterable[str] = (),
    sections: str | None = None,
) -> Bibliography:
    """The selected works as references, in citation order (``--cited-by``) or the style's,
    grouped into ``sections`` (oak, type, language) when asked, numbered on across them."""
    config = load_config(overrides)
    style = get_style(style_name)
    lang = lang or style.default_lang
    works, genders = selection.load_works(db, selected_ids(db, sel), STYLE_SOURCE_FIELDS)
    settings = style_settings(style.name, config)
    ctxs = contexts(style, works, lang, settings, genders, suffixes=not style.numbered)
    if (order or ("cited" if sel.cited_by else "alpha")) == "alpha":
        ctxs.sort(key=style.sort_key)
    rendered = [(c, style.render(c)) for c in ctxs]
    headings: dict[int, str] = {}
    if sections:
        groups = grouped(sections, rendered, lang, lambda e: e[0], lambda e: e[1])
        rendered = []
        for heading, members in groups:
            headings[len(rendered)] = heading
            rendered += members
    items = [(c.work.key, styled) for c, styled in rendered]
    return Bibliography(style=style, lang=lang, items=items, config=config, headings=headings)


def format_works(
    works: Sequence[Work],
    style_name: str,
    lang: str | None = None,
    settings: dict[str, Any] | None = None,
    genders: dict[Name, str] | None = None,
) -> list[Styled]:
    """Format works that are not in a library (golden tests, benchmarks), in the given order."""
    style = get_style(style_name)
    config = configuration.defaults()
    chosen = settings if settings is not None else style_settings(style.name, config)
    ctxs = contexts(
        style, works, lang or style.default_lang, chosen, genders or {}, not style.numbered
    )
    return [style.render(c) for c in ctxs]


@dataclass(frozen=True)
class CiteRequest:
    key: str
    locator: tuple[tuple[str, str], ...] = ()


def cite(
    db: Database,
    requests: Sequence[CiteRequest],
    style_name: str,
    form: str,
    cited_by: str | None = None,
    overrides: Iterable[str] = (),
) -> list[Styled]:
    """Citation lines: one for numeric/author-year/narrative, one per note for footnotes."""
    config = load_config(overrides)
    style = get_style(style_name)
    for r in requests:
        require_work(db, r.key)
    numbers: dict[str, int] = {}
    context_ids: list[int]
    if cited_by:
        require_work(db, cited_by)
        citing = selection.ids_by_key(db, [cited_by])[cited_by]
        context_ids = selection.cited_ids(db, citing)
        keys = selection.keys_of(db, context_ids)
        numbers = {k: i for i, k in enumerate(keys, 1)}
        outside = [r.key for r in requests if r.key not in numbers]
        if outside:
            raise NotFoundError(f"{outside[0]!r} is not in the reference list of {cited_by!r}")
    else:
        by_key = selection.ids_by_key(db, [r.key for r in requests])
        context_ids = list(dict.fromkeys(by_key[r.key] for r in requests))
    works, genders = selection.load_works(db, context_ids, STYLE_SOURCE_FIELDS)
    lang = style.default_lang
    ctxs = {
        c.work.key: c
        for c in contexts(style, works, lang, style_settings(style.name, config), genders)
    }
    cites = [citations.Cite(ctxs[r.key], numbers.get(r.key), r.locator) for r in requests]
    if form == "footnote":
        return citations.footnotes(style, cites)
    if form == "numeric":
        return [citations.numeric(cites)]
    if style.name == "apa":
        return [
            citations.apa_narrative(cites)
            if form == "narrative"
            else citations.apa_parenthetical(cites)
        ]
    return [citations.gost_author_year(cites)]


@dataclass(frozen=True)
class Finding:
    key: str
    style: str
    field: str | None
    message: str


def check(
    db: Database, sel: Selection, style_name: str, overrides: Iterable[str] = ()
) -> list[Finding]:
    """What each selected work lacks for the style: required elements, then suspects."""
    config = load_config(overrides)
    style = get_style(style_name)
    works, genders = selection.load_works(db, selected_ids(db, sel), STYLE_SOURCE_FIELDS)
    settings = style_settings(style.name, config)
    found: list[Finding] = []
    for work in works:
        ctx = style.context(work, style.default_lang, settings, genders)
        kind = style.classify(work)
        problems = missing(ctx, style.required.get(kind, style.required["fallback"]))
        problems += [p for p in style.suspects(ctx) if p not in problems]
        found += [Finding(work.key, style.name, f, m) for f, m in problems]
    return sorted(found, key=lambda f: (f.key, f.field or ""))


def style_name(name: str) -> str:
    """The canonical name of a style or alias; ValueError for an unknown one."""
    return canonical(name)


def render(bib: Bibliography, to: str, standalone: bool = False) -> str:
    """The list as text, Markdown, HTML or LaTeX (a fragment, or a whole document)."""
    from diprefs.styles import render as r

    numbered, headings = bib.style.numbered, bib.headings
    if to == "text":
        return r.text_list(bib.items, numbered, headings)
    if to == "markdown":
        return r.markdown_list(bib.items, numbered, headings)
    if to == "html":
        return r.html_list(bib.items, numbered, standalone, bib.lang, headings)
    return r.latex_list(bib.items, numbered, standalone, bib.lang, headings)


def write_docx(bib: Bibliography, path: Path) -> None:
    from diprefs.styles.word import write_docx as write

    try:
        write(path, bib.items, bib.style.numbered, bib.config["docx"], bib.lang, bib.headings)
    except OSError as exc:
        raise DiprefsError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DiprefsError(f"cannot write {path}: {exc.strerror or exc}") from exc
