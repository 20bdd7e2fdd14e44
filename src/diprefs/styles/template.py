"""A small template language: a reference is a tree of parts rendered against one work.

Parts: ``Seq`` (a sequence joined by a delimiter, with prefix and suffix), ``Field`` (a value of
the work or a derived variable), ``Names`` (contributors by role), ``Date``, ``Term`` (a word of
the work's or the list's language), ``Text`` (a literal), ``Italic``, ``FirstOf`` and ``When``.
The group rule of CSL holds: a ``Seq`` none of whose data parts printed anything vanishes with
its literals and punctuation, so "Т. , № ." can never appear for a work without volume or issue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from diprefs.dates import DateValue, parse_date
from diprefs.model import Contributor, Name, Work
from diprefs.styles import text as st
from diprefs.styles.text import Styled


@dataclass
class Ctx:
    """Everything a template may look at while rendering one work."""

    work: Work
    lang: str  # the work's language key: ru, en, uz-Latn or uz-Cyrl (labels)
    terms: Mapping[str, str]
    list_lang: str  # the list's language (content type, notes, access date)
    list_terms: Mapping[str, str]
    settings: Mapping[str, Any]
    genders: Mapping[Name, str] = field(default_factory=dict)
    suffix: str = ""  # a year suffix (2021a) given by the list
    _dates: dict[str, DateValue] = field(default_factory=dict)

    def date(self, kind: str) -> DateValue:
        value = self._dates.get(kind)
        if value is None:
            value = self._dates[kind] = parse_date(self.work.dates.get(kind, ""))
        return value

    def names(self, *roles: str) -> list[Contributor]:
        return [c for c in self.work.contributors if c.role in roles]


class Part:
    """A piece of a template. ``data`` is False for literals, which never keep a group alive."""

    data = True

    def render(self, ctx: Ctx) -> Styled:
        raise NotImplementedError


Getter = Callable[[Ctx], str]


class Field(Part):
    """A work attribute (by name) or a derived variable (a function of the context)."""

    def __init__(self, source: str | Getter, italic: bool = False) -> None:
        self.get: Getter = (
            (lambda ctx: getattr(ctx.work, source)) if isinstance(source, str) else source
        )
        self.italic = italic

    def render(self, ctx: Ctx) -> Styled:
        return st.plain(st.clean(self.get(ctx)), self.italic)


class Names(Part):
    """Contributors in ``roles``, printed by ``form`` (a function of the context and names)."""

    def __init__(self, roles: tuple[str, ...], form: Callable[[Ctx, list[Contributor]], Styled]):
        self.roles = roles
        self.form = form

    def render(self, ctx: Ctx) -> Styled:
        names = ctx.names(*self.roles)
        return self.form(ctx, names) if names else ()


class Date(Part):
    """A date of the work (issued, accessed, event, ...), printed by ``form``."""

    def __init__(self, kind: str, form: Callable[[Ctx, DateValue], str]) -> None:
        self.kind = kind
        self.form = form

    def render(self, ctx: Ctx) -> Styled:
        value = ctx.date(self.kind)
        if not (value.year or value.status or value.literal):
            return ()
        return st.plain(self.form(ctx, value))


class Term(Part):
    """A word from the terms of the work's language (or of the list's, ``of_list=True``)."""

    data = False

    def __init__(self, name: str, of_list: bool = False) -> None:
        self.name = name
        self.of_list = of_list

    def render(self, ctx: Ctx) -> Styled:
        terms = ctx.list_terms if self.of_list else ctx.terms
        return st.plain(terms.get(self.name, ""))


class Text(Part):
    data = False

    def __init__(self, literal: str) -> None:
        self.literal = literal

    def render(self, ctx: Ctx) -> Styled:
        return st.plain(self.literal)


class Italic(Part):
    def __init__(self, part: Part) -> None:
        self.part = part
        self.data = part.data

    def render(self, ctx: Ctx) -> Styled:
        return st.italic(self.part.render(ctx))


class Seq(Part):
    """Parts joined by ``delim``; vanishes when no data part printed anything."""

    def __init__(self, *parts: Part, delim: str = "", prefix: str = "", suffix: str = ""):
        self.parts = parts
        self.delim = delim
        self.prefix = prefix
        self.suffix = suffix
        self.data = any(p.data for p in parts)

    def render(self, ctx: Ctx) -> Styled:
        pieces: list[Styled] = []
        alive = False
        for part in self.parts:
            out = part.render(ctx)
            if out:
                pieces.append(out)
                alive = alive or part.data
        if not alive:
            return ()
        return st.wrap(st.join(pieces, self.delim), self.prefix, self.suffix)


class FirstOf(Part):
    def __init__(self, *parts: Part) -> None:
        self.parts = parts

    def render(self, ctx: Ctx) -> Styled:
        for part in self.parts:
            out = part.render(ctx)
            if out:
                return out
        return ()


class When(Part):
    """``part`` only where ``test`` holds for the context."""

    def __init__(self, test: Callable[[Ctx], bool], part: Part) -> None:
        self.test = test
        self.part = part
        self.data = part.data

    def render(self, ctx: Ctx) -> Styled:
        return self.part.render(ctx) if self.test(ctx) else ()


class Call(Part):
    """A named part too specific for the primitives: a function of the context."""

    def __init__(self, fn: Callable[[Ctx], Styled]) -> None:
        self.fn = fn

    def render(self, ctx: Ctx) -> Styled:
        return self.fn(ctx)
