"""GOST R 7.0.100-2018 reference lists: templates per kind of work (styles.md §2-§9).

Each template is a table row built from the named parts of ``gost_parts``; ``templates(flavour)``
is reused by GOST R 7.0.5-2008 (``gost2008``), which differs only in the flavour and a few rows.
"""

from __future__ import annotations

import re

from diprefs.model import Work
from diprefs.styles import checks, persons, values
from diprefs.styles import gost_parts as g
from diprefs.styles import text as st
from diprefs.styles.base import Style
from diprefs.styles.template import Call, Ctx, Date, Field, FirstOf, Part, Seq, Term, When
from diprefs.styles.text import Styled

FLAVOUR = g.Flavour(
    edition="2018",
    heading_comma=True,
    heading_max=1,
    repeat_in_sor=True,
    abbreviate_cities=False,
    content_type=True,
)

_BOOK_ROLES = ("editor", "compiler", "translator")


def legal_designation(ctx: Ctx) -> Styled:
    """ "Указ Президента Республики Узбекистан от 7 февраля 2017 года № УП-4947" (styles.md §7)."""
    w = ctx.work
    adopted = ctx.date("adopted")
    when = adopted if adopted.year else ctx.date("issued")
    date = values.written_date(when, ctx.lang, ctx.terms["legal_date"])
    genre, number = st.clean(w.genre), st.clean(w.number)
    if not (genre or date or number):
        return ()
    pattern = ctx.terms["legal"]
    if not date:
        pattern = pattern.replace(" от {date}", "").replace(" of {date}", "")
        pattern = pattern.replace(" {date}dagi", "").replace(" {date}даги", "")
    if not number:
        pattern = pattern.split(" №")[0].split(" No.")[0].replace(" {number}-son", "")
        pattern = pattern.replace(" {number}-сон", "")
    return st.plain(" ".join(pattern.format(genre=genre, date=date, number=number).split()))


def host_year_of_act(ctx: Ctx) -> bool:
    """A gazette's year is printed only when the act's own date was given apart (``adopted``)."""
    return bool(ctx.date("adopted").year)


def speciality(ctx: Ctx) -> Styled:
    """ "специальность 07.00.02 «Отечественная история»"."""
    code, name = g.thesis_code(ctx), st.clean(ctx.work.speciality)
    if name and name == g.thesis_science(ctx):
        name = ""  # a branch of science, not the speciality's name: it goes in the genre
    if not (code or name):
        return ()
    quoted = ctx.terms["quote"].format(name) if name else ""
    return st.plain(" ".join(filter(None, (ctx.terms["speciality"], code, quoted))))


def thesis_sor(ctx: Ctx) -> Styled:
    """The author as on the title page, in full (styles.md §3), then the institution."""
    names = ", ".join(persons.full(c.name) for c in ctx.names("author"))
    return st.plain(" ; ".join(filter(None, (names, st.clean(ctx.work.institution)))))


def event() -> Part:
    """ "материалы конференции (Ташкент, 15–16 мая 2023 года)"."""
    where = Seq(
        Field("event_place"),
        Date("event", lambda ctx, v: values.written_date(v, ctx.lang, ctx.terms["event_date"])),
        delim=", ",
        prefix="(",
        suffix=")",
    )
    return Seq(Field("event_title"), where, delim=" ")


def templates(f: g.Flavour) -> dict[str, Part]:
    """The table: one template per kind of work, for one flavour of GOST."""
    ct = When(lambda ctx: f.content_type, g.content_type())
    online = lambda ctx: values.is_online(ctx)  # noqa: E731 - a predicate, read as a name
    book_sor = Seq(g.authors_sor(f), g.roles_sor(f, _BOOK_ROLES), delim=" ; ")
    part_sor = Seq(g.authors_sor(f), g.roles_sor(f, ("translator",)), delim=" ; ")
    host_sor = g.roles_sor(f, ("editor", "compiler"))

    def described(title: Part, sor: Part) -> Part:
        return g.with_heading(f, g.title_and_sor(f, title, sor))

    book_body = (
        g.edition(),
        g.publication(f),
        g.extent(),
        g.series(),
    )
    book = g.Areas(
        described(g.title_proper(f, volumes=True), book_sor),
        *book_body,
        When(online, g.url_note()),
        g.isbn(),
        g.doi_at("before-content-type"),
        ct,
        g.doi_at("end"),
        suffix=".",
    )
    ebook = Seq(
        g.Areas(
            described(g.title_proper(f, volumes=True), book_sor),
            *book_body,
            g.isbn(),
            g.doi_at("before-content-type"),
            ct,
        ),
        g.Areas(g.site_title(f.content_type), g.url_note(), g.doi_at("end")),
        delim=" // ",
        suffix=".",
    )

    def analytic(title: Part, host: Part) -> Part:
        part = g.Areas(described(title, part_sor), g.doi_at("before-content-type"), ct)
        return Seq(part, host, delim=" // ", suffix=".")

    tail = (When(online, g.url_note()), g.doi_at("end"))
    article = analytic(
        g.title_proper(f),
        g.Areas(Field("container_title"), g.year_of(), g.volume_issue(), g.pages_in_host(), *tail),
    )
    newspaper = analytic(
        g.title_proper(f),
        g.Areas(
            Field("container_title"),
            g.year_of(),
            g.day_month(),
            g.volume_issue(),
            g.pages_in_host(),
            *tail,
        ),
    )
    book_host = (g.edition(), g.publication(f), g.volume_issue(), g.pages_in_host(), *tail)
    chapter = analytic(
        g.title_proper(f),
        g.Areas(g.title_and_sor(f, Field("container_title"), host_sor), *book_host),
    )
    conference = analytic(
        g.title_proper(f),
        g.Areas(
            g.title_and_sor(f, Seq(Field("container_title"), event(), delim=" : "), host_sor),
            *book_host,
        ),
    )
    presentation = g.Areas(
        described(g.title_proper(f, event()), book_sor),
        g.publication(f),
        When(online, g.url_note()),
        ct,
        suffix=".",
    )
    thesis = g.Areas(
        described(
            g.title_proper(f, Call(speciality), Field(g.thesis_genre), addon_last=True),
            Call(thesis_sor),
        ),
        Seq(Field(lambda ctx: values.place(ctx, f.abbreviate_cities)), g.year_of(), delim=", "),
        g.extent(),
        When(online, g.url_note()),
        ct,
        suffix=".",
    )
    report_no = Seq(Field("genre"), Seq(Term("issue"), Field("number"), delim=" "), delim=" ")
    report = g.Areas(
        described(g.title_proper(f, report_no), book_sor),
        g.edition(),
        g.publication(f, FirstOf(Field("publisher"), Field("institution"))),
        g.extent(),
        g.series(),
        When(online, g.url_note()),
        g.isbn(),
        g.doi_at("before-content-type"),
        ct,
        g.doi_at("end"),
        suffix=".",
    )
    act_title = g.title_proper(f, Call(legal_designation))
    act_in_host = Seq(
        g.Areas(act_title, ct),
        g.Areas(
            Field("container_title"),
            When(host_year_of_act, g.year_of()),
            g.volume_issue(),
            g.pages_in_host("article"),
            g.url_note(),
        ),
        delim=" // ",
        suffix=".",
    )
    act = g.Areas(act_title, g.publication(f), g.extent(), g.url_note(), ct, suffix=".")
    page_in_site = analytic(
        g.title_proper(f),
        g.Areas(
            g.title_and_sor(f, g.site_title(f.content_type), Field("publisher")),
            g.year_of(),
            g.day_month(),
            g.url_note(),
        ),
    )
    page_alone = g.Areas(
        described(g.title_proper(f), book_sor),
        g.publication(f),
        g.day_month(),
        g.url_note(),
        ct,
        suffix=".",
    )
    site_name = Seq(
        Field(g.main_title),
        Field("title_addon"),
        When(lambda ctx: f.content_type, Term("site", of_list=True)),
        delim=" : ",
    )
    website = g.Areas(
        g.title_and_sor(f, site_name, g.authors_sor(f)),
        g.publication(f),
        g.url_note(),
        ct,
        suffix=".",
    )
    return {
        "book": book,
        "ebook": ebook,
        "article": article,
        "newspaper": newspaper,
        "chapter": chapter,
        "conference": conference,
        "presentation": presentation,
        "thesis": thesis,
        "report": report,
        "act": act,
        "act-in-host": act_in_host,
        "webpage": page_in_site,
        "webpage-alone": page_alone,
        "website": website,
        "fallback": book,
    }


_ARTICLES = {"article-journal", "article-magazine", "article", "review", "review-book"}
_CHAPTERS = {"chapter", "entry", "entry-dictionary", "entry-encyclopedia"}
#: CSL types described as normative acts (also headless in references-en).
ACTS = {"legislation", "regulation", "bill", "treaty", "legal_case", "standard"}
_PAGES = {"webpage", "post", "post-weblog"}
_DAY = re.compile(r"\d{4}-\d\d-\d\d$")
_BOOKS = {"book", "collection", "classic", "pamphlet", "periodical"}


def classify(work: Work) -> str:
    """The template row a work is described by."""
    t, host = work.type, bool(work.container_title)
    if t in _ARTICLES:
        # An issue known only by its day (the BibTeX gost package's month = {19 нояб}) is told
        # by its date, as a newspaper's is.
        dated = _DAY.match(work.dates.get("issued", ""))
        return "newspaper" if dated and not work.issue else "article"
    if t == "article-newspaper":
        return "newspaper"
    if t in _CHAPTERS:
        return "chapter" if host else "book"
    if t == "paper-conference":
        return "conference" if host else "presentation"
    if t == "thesis":
        return "thesis"
    if t == "report":
        return "report"
    if t in ACTS:
        return "act-in-host" if host else "act"
    if t in _PAGES:
        if values.is_website(work):
            return "website"
        return "webpage" if host else "webpage-alone"
    if t in _BOOKS:
        return "ebook" if host and work.url else "book"
    return "fallback"


def _fold(text: str) -> str:
    """Letters for sorting: Ё with Е, Uzbek letters by their base letter, ʻ and brackets gone."""
    return text.casefold().translate(_SORT_TABLE).strip()


_SORT_TABLE = str.maketrans(
    {
        "ё": "е",
        "ў": "у",
        "қ": "к",
        "ғ": "г",
        "ҳ": "х",
        **dict.fromkeys("ʻʼ'‘’`[]«»\"“”()", None),
    }
)


def sort_key(ctx: Ctx) -> tuple:
    """Cyrillic headings first, then Latin (styles.md §9): the heading, else the title."""
    people = g.heading_people(ctx, FLAVOUR)
    title = g.main_title(ctx)
    head = _fold(persons.inverted(people[0].name, ctx.lang) if people else title)
    first = _FIRST_LETTER.search(head)
    rank = 2 if first is None else 0 if _CYRILLIC.match(first.group()) else 1
    return (rank, head, _fold(title), ctx.date("issued").sort_key())


_FIRST_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")


STYLE = Style(
    name="gost",
    numbered=True,
    default_lang="ru",
    templates=templates(FLAVOUR),
    classify=classify,
    sort_key=sort_key,
    required=checks.GOST_REQUIRED,
    suspects=checks.gost_suspects,
)
