"""APA 7 reference lists: "Author. (Date). Title. Source. DOI" per kind of work (styles.md §15-§21).

Cyrillic names, titles and journals are romanised (``apa.transliteration``, BGN/PCGN by default;
Uzbek Cyrillic by the Uzbek 1995 rules), titles are printed as stored (``check`` flags Title
Case), and a non-English title is followed by its English translation in brackets.
"""

from __future__ import annotations

import re

from diprefs.dates import DateValue
from diprefs.model import Contributor, Work
from diprefs.names.parse import is_others
from diprefs.styles import checks, gost, persons, values
from diprefs.styles import text as st
from diprefs.styles.base import Style
from diprefs.styles.latin import container, name_of, roman, scheme, title, titles
from diprefs.styles.template import Call, Ctx, Field, FirstOf, Italic, Part, Seq, Text, When
from diprefs.styles.terms import LEGAL_KINDS_EN
from diprefs.styles.text import Styled

_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


def name_list(ctx: Ctx, names: list[Contributor], initials_first: bool = False) -> str:
    """ "A", "A, & B", "A, B, & C"; 21 or more: the first 19, ". . .", the last (§16)."""
    others = any(is_others(c.name) for c in names)
    shown = [
        persons.apa(name_of(ctx, c), scheme(ctx), ctx.lang, initials_first)
        for c in names
        if not is_others(c.name)
    ]
    if not shown:
        return ""
    if initials_first:  # editors of a chapter's book: "A & B", "A, B, & C"
        if len(shown) == 2:
            return f"{shown[0]} & {shown[1]}"
        return ", ".join(shown[:-1]) + ", & " + shown[-1] if len(shown) > 2 else shown[0]
    if others:
        return ", ".join(shown) + ", et al."
    if len(shown) >= 21:
        return ", ".join(shown[:19]) + ", . . . " + shown[-1]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + ", & " + shown[-1]


def authors(ctx: Ctx) -> str:
    return name_list(ctx, ctx.names("author"))


#: Who stands in for absent authors, in this order, with the labels for one and for several.
_STAND_INS = (("editor", "(Ed.)", "(Eds.)"), ("compiler", "(Comp.)", "(Comps.)"))


def stand_ins(ctx: Ctx) -> tuple[list[Contributor], str]:
    """The editors of a work, else its compilers, with their label ("(Ed.)", "(Comps.)")."""
    for role, one, many in _STAND_INS:
        if names := ctx.names(role):
            return names, one if len(names) == 1 else many
    return [], ""


def _editors(ctx: Ctx, initials_first: bool = False) -> str:
    """ "A, & B (Eds.)" heading a work without authors; "A. Editor (Ed.)" of a host book."""
    editors, label = stand_ins(ctx)
    names = name_list(ctx, editors, initials_first)
    return f"{names} {label}" if names else ""


def editors_as_authors(ctx: Ctx) -> str:
    return "" if ctx.names("author") else _editors(ctx)


def has_creator(ctx: Ctx) -> bool:
    return bool(authors(ctx) or editors_as_authors(ctx))


#: Kinds whose editors belong to the host book ("In E. Editor (Ed.), *Book*").
_HOSTED = {"chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia"}
_WITH_DAY = {"article-newspaper", "article-magazine", "webpage", "post", "post-weblog"}


def undated(ctx: Ctx) -> bool:
    """No date, or an open range ("2000/.."): a resource that keeps changing (§17, §20)."""
    value = ctx.date("issued")
    return value.year is None or (value.is_range and value.end_year is None)


def date(ctx: Ctx) -> Styled:
    w = ctx.work
    if undated(ctx) and not ctx.date("issued").status:
        return st.plain(f"({values.apa_date(DateValue(), False, ctx.suffix)})")
    with_day = (
        w.type in _WITH_DAY
        or (w.type == "paper-conference" and not w.container_title)
        # an issue known only by its day, as a newspaper's is (GOST's classify says the same)
        or (w.type == "article-journal" and not w.issue and ctx.date("issued").day is not None)
    )
    return st.plain(f"({values.apa_date(ctx.date('issued'), with_day, ctx.suffix)})")


def _parenthetical(ctx: Ctx, with_pages: bool) -> str:
    """ "(H. Weaver, Trans.; 2nd ed.)", "(Vol. 7)", "(4th ed., pp. 115–129)"."""
    w = ctx.work
    heads = []
    editors = ctx.names("editor")
    if ctx.names("author") and w.type not in _HOSTED and (names := name_list(ctx, editors, True)):
        heads.append(f"{names}, {'Ed.' if len(editors) == 1 else 'Eds.'}")
    if translators := name_list(ctx, ctx.names("translator"), True):
        heads.append(f"{translators}, Trans.")
    head = "; ".join(heads)
    rest = []
    if w.edition:
        edition = values.ordinal_edition(w.edition, "en")
        rest.append(edition if "ed" in edition else f"{edition} ed.")
    if w.volume and w.type not in ("article-journal", "article-magazine", "article-newspaper"):
        rest.append(f"Vol. {st.clean(w.volume)}")
    if with_pages and w.page:
        pages = values.page_range(w.page)
        rest.append(("pp. " if values.is_range(pages) else "p. ") + pages)
    inner = "; ".join(filter(None, (head, ", ".join(rest))))
    return f"({inner})" if inner else ""


def addon(ctx: Ctx) -> str:
    """A title addon as APA's bracketed description ("[Audiobook]", biblatex-apa), for English
    works only: in Russian and Uzbek records it is GOST's other title information [D]."""
    value = st.clean(ctx.work.title_addon)
    return f"[{value}]" if value and ctx.lang == "en" else ""


def book_title(description: Part | None = None, with_pages: bool = False) -> Part:
    parts = [title(True), Field(lambda ctx: _parenthetical(ctx, with_pages)), Field(addon)]
    if description:
        parts.append(description)
    return Seq(*parts, delim=" ")


def plain_title() -> Part:
    return Seq(title(False), Field(addon), delim=" ")


def not_author(value_of) -> Part:
    """A publisher or site, left out when it repeats the group author (§19)."""

    def get(ctx: Ctx) -> str:
        value = roman(ctx, value_of(ctx))
        return "" if value and value == authors(ctx) else value

    return Field(get)


def link(ctx: Ctx) -> Styled:
    """The DOI as https://doi.org/..., else the URL; a retrieval date only for undated pages."""
    w = ctx.work
    if w.doi:
        doi = st.clean(w.doi)
        return st.plain(doi if doi.startswith("http") else f"https://doi.org/{doi}")
    url = st.clean(w.url)
    if not url:
        return ()
    accessed = ctx.date("accessed")
    if accessed.year and undated(ctx):
        when = values.retrieval_date(accessed, ctx.list_lang)
        return st.plain(ctx.list_terms["retrieved"].format(date=when, url=url))
    return st.plain(url)


def original(ctx: Ctx) -> Styled:
    value = ctx.date("original")
    return st.plain(f"(Original work published {values.year(value)})") if value.year else ()


def entry(title_part: Part, source: Part, italic_title_first: bool = True) -> Part:
    """Author. (Date). Title. Source. Link (Original ...); with no author the title leads."""
    creator = Field(lambda ctx: authors(ctx) or editors_as_authors(ctx))
    with_author = Seq(creator, Call(date), title_part, source, delim=". ", suffix=".")
    without = Seq(title_part, Call(date), source, delim=". ", suffix=".")
    body = FirstOf(When(has_creator, with_author), without)
    return Seq(body, Call(link), Call(original), delim=" ")


def journal(italic_volume: bool = True) -> Part:
    """ "*Journal*, *8*(3), 207–217" / "*Journal*, (4), 15–27" (§19); a newspaper's volume is
    not italic."""
    volume = Field("volume", italic=italic_volume)
    issue = Field(lambda ctx: f"({st.clean(ctx.work.issue)})" if ctx.work.issue else "")
    pages = Field(lambda ctx: values.page_range(ctx.work.page))
    return Seq(Italic(Field(container)), Seq(volume, issue), pages, delim=", ")


def in_book() -> Part:
    """ "In A. Editor & B. Editor (Eds.), *Book* (pp. 345–359)"."""

    def render(ctx: Ctx) -> Styled:
        book = roman(ctx, ctx.work.container_title)
        if not book:
            return ()
        eds = _editors(ctx, initials_first=True)
        pieces = st.join([st.plain(eds), st.plain(book, True)], ", ")
        extra = _parenthetical(ctx, True)
        return st.wrap(st.join([pieces, st.plain(extra)], " "), "In ")

    return Call(render)


def _degree(ctx: Ctx) -> str:
    level = values.degree_level(ctx)
    return {"candidate": "Candidate of Sciences", "master": "Master's"}.get(level, "Doctoral")


def thesis_description(ctx: Ctx) -> Styled:
    """ "[Doctoral dissertation, Uni]" when published (URL), "[Unpublished … dissertation]"."""
    institution = roman(ctx, ctx.work.institution)
    kind = "thesis" if values.degree_level(ctx) == "master" else "dissertation"
    if values.is_autoreferat(ctx):
        level = values.degree_level(ctx)
        degree = {"doctor": "Doctor of Sciences", "master": "master's"}.get(level, _degree(ctx))
        return st.plain(f"[Abstract of a {degree} {kind}]")
    if ctx.work.url or ctx.work.container_title:
        inner = ", ".join(filter(None, (f"{_degree(ctx)} {kind}", institution)))
        return st.plain(f"[{inner}]")
    return st.plain(f"[Unpublished {_degree(ctx).replace('Doctoral', 'doctoral')} {kind}]")


def thesis_source(ctx: Ctx) -> str:
    if ctx.work.url or ctx.work.container_title:
        return roman(ctx, ctx.work.container_title)
    return roman(ctx, ctx.work.institution)


_LEGAL_KINDS = {**LEGAL_KINDS_EN, "constitution": ""}


def act_number(ctx: Ctx) -> str:
    """ "(Decree No. PF-4947)": the kind from ``legal_kind``, the number romanised."""
    number = roman(ctx, ctx.work.number)
    kind = _LEGAL_KINDS.get(ctx.work.legal_kind, "")
    if not number:
        return ""
    return f"({kind} No. {number})" if kind else f"(No. {number})"


def report_number(ctx: Ctx) -> str:
    """ "(Report No. 15)"; the stored genre names it only for English works."""
    if not ctx.work.number:
        return ""
    genre = st.clean(ctx.work.genre) if ctx.lang == "en" else ""
    return f"({genre or 'Report'} No. {roman(ctx, ctx.work.number)})"


def templates() -> dict[str, Part]:
    publisher = not_author(lambda ctx: ctx.work.publisher)
    book = entry(book_title(), publisher)
    article = entry(plain_title(), journal())
    newspaper = entry(plain_title(), journal(italic_volume=False))
    chapter = entry(
        plain_title(),
        Seq(in_book(), publisher, delim=". "),
    )
    presentation = entry(
        Seq(title(True), Text("[Conference presentation]"), delim=" "),
        Seq(
            Field(lambda ctx: roman(ctx, ctx.work.event_title)),
            Field(lambda ctx: roman(ctx, ctx.work.event_place)),
            delim=", ",
        ),
    )
    thesis = entry(book_title(Call(thesis_description)), Field(thesis_source))
    report_no = Field(report_number)
    report = entry(
        Seq(title(True), report_no, delim=" "),
        not_author(lambda ctx: ctx.work.publisher or ctx.work.institution),
    )
    act = entry(
        Seq(title(True), Field(act_number), delim=" "),
        not_author(lambda ctx: ctx.work.container_title or ctx.work.publisher),
    )
    webpage = entry(book_title(), not_author(lambda ctx: ctx.work.container_title))
    return {
        "book": book,
        "ebook": book,
        "article": article,
        "newspaper": newspaper,
        "chapter": chapter,
        "conference": chapter,
        "presentation": presentation,
        "thesis": thesis,
        "autoreferat": thesis,
        "report": report,
        "act": act,
        "act-in-host": act,
        "webpage": webpage,
        "webpage-alone": webpage,
        "website": webpage,
        "fallback": book,
    }


def classify(work: Work) -> str:
    kind = gost.classify(work)
    if kind == "thesis" and any(
        w in work.genre.casefold() for w in ("автореф", "avtoref", "author's abstract")
    ):
        return "autoreferat"
    return kind


def _fold(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum() or ch == " ").strip()


def author_key(ctx: Ctx) -> tuple[str, ...]:
    """Names letter by letter, nothing before something (Brown before Browning); no author:
    the title without A/An/The."""
    names = ctx.names("author") or stand_ins(ctx)[0]
    if names:
        return tuple(
            _fold(persons.apa(name_of(ctx, c), scheme(ctx), ctx.lang).replace(",", " "))
            for c in names
            if not is_others(c.name)
        )
    return (_fold(_ARTICLE.sub("", titles(ctx)[0])),)


def sort_key(ctx: Ctx) -> tuple:
    return (
        author_key(ctx),
        ctx.date("issued").sort_key(),
        _fold(_ARTICLE.sub("", titles(ctx)[0])),
    )


def suspects(ctx: Ctx) -> list[tuple[str | None, str]]:
    return checks.apa_suspects(ctx)


STYLE = Style(
    name="apa",
    numbered=False,
    default_lang="en",
    templates=templates(),
    classify=classify,
    sort_key=sort_key,
    required=checks.APA_REQUIRED,
    suspects=suspects,
)
