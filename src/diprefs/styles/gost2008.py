"""GOST R 7.0.5-2008 references, the lighter form many journals still ask for (styles.md §11).

The GOST R 7.0.100 table with another flavour: up to three authors in the heading "Иванов И. И."
and not repeated after " / ", four or more as "/ Д. Д. Давлатов [и др.]", М. and СПб., role words
abbreviated ("под ред."), "[Электронный ресурс]" instead of the content type, the DOI at the end,
and dissertations as "дис. … канд. ист. наук : 07.00.02".
"""

from __future__ import annotations

from diprefs.styles import checks, gost, values
from diprefs.styles import gost_parts as g
from diprefs.styles.base import Style
from diprefs.styles.template import Field, Seq, When

FLAVOUR = g.Flavour(
    edition="2008",
    heading_comma=False,
    heading_max=3,
    repeat_in_sor=False,
    abbreviate_cities=True,
    content_type=False,
)

_TEMPLATES = gost.templates(FLAVOUR)
_TEMPLATES["thesis"] = g.Areas(
    g.with_heading(
        FLAVOUR,
        g.title_proper(
            FLAVOUR,
            Field(lambda ctx: g.abbreviated(g.thesis_genre(ctx), FLAVOUR)),
            Field(g.thesis_code),
            addon_last=True,
        ),
    ),
    Seq(Field(lambda ctx: values.place(ctx, True)), g.year_of(), delim=", "),
    g.extent(),
    When(values.is_online, g.url_note()),
    suffix=".",
)

STYLE = Style(
    name="gost-2008",
    numbered=True,
    default_lang="ru",
    templates=_TEMPLATES,
    classify=gost.classify,
    sort_key=gost.sort_key,
    required=checks.GOST_REQUIRED,
    suspects=checks.gost_suspects,
)
