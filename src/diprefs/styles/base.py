"""What every style provides, and the registry that finds a style by name or alias.

A style is one module exposing ``STYLE``: templates per kind of work, the rule that files a work
under a kind, the list's sort key and numbering, the citation forms, and the table of elements
``check`` requires. Adding a third style means adding one module and one line to ``STYLES``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from diprefs.model import Name, Work
from diprefs.styles.template import Ctx, Part
from diprefs.styles.terms import LIST_TERMS, WORK_TERMS, work_lang
from diprefs.styles.text import Styled

#: Canonical style name -> module; aliases -> canonical name (docs/cli.md "Styles").
STYLES = {
    "gost": "diprefs.styles.gost",
    "gost-2008": "diprefs.styles.gost2008",
    "apa": "diprefs.styles.apa",
    "references-en": "diprefs.styles.references_en",
}
ALIASES = {"gost-7.0.100-2018": "gost", "gost-7.0.5-2008": "gost-2008", "apa7": "apa"}

#: (field, message) pairs: what a kind of work needs for a style to describe it.
Requirement = tuple[str, str]


@dataclass(frozen=True)
class Style:
    name: str
    numbered: bool
    default_lang: str
    templates: Mapping[str, Part]
    classify: Callable[[Work], str]
    sort_key: Callable[[Ctx], tuple]
    required: Mapping[str, tuple[Requirement, ...]]
    #: extra checks beyond required fields: ctx -> [(field, message)]
    suspects: Callable[[Ctx], list[tuple[str | None, str]]] = lambda ctx: []

    def context(
        self,
        work: Work,
        lang: str,
        settings: Mapping[str, Any],
        genders: Mapping[Name, str] | None = None,
        suffix: str = "",
    ) -> Ctx:
        wl = work_lang(work)
        return Ctx(
            work=work,
            lang=wl,
            terms=WORK_TERMS[wl],
            list_lang=lang,
            list_terms=LIST_TERMS[lang],
            settings=settings,
            genders=genders or {},
            suffix=suffix,
        )

    def render(self, ctx: Ctx) -> Styled:
        return self.templates[self.classify(ctx.work)].render(ctx)


def canonical(name: str) -> str:
    """The canonical style name for a name or alias; ValueError for anything else."""
    name = ALIASES.get(name, name)
    if name not in STYLES:
        known = ", ".join([*STYLES, *ALIASES])
        raise ValueError(f"unknown style {name!r} (known: {known})")
    return name


def get_style(name: str) -> Style:
    return import_module(STYLES[canonical(name)]).STYLE
