"""A transliterated English "References" list beside the Russian "Список литературы".

Journals indexed in Scopus and Web of Science ask for it. The form follows the author guidelines
of Russian journals built on the recommendations for "References" lists (docs/references-en.md):
every author listed as "Ivanov I. I.", Cyrillic transliterated (``references-en.transliteration``,
BGN/PCGN by default; Uzbek Cyrillic always by the Uzbek Latin alphabet), the English title in
brackets after the original one, the journal's own Latin title where the work records one, output
data in English ("Moscow", "215 p.", "vol. 14, no. 2, pp. 25–30"), none of GOST's "//" and ". — ",
and the language of a non-English work at the end: "(In Russian)", "(In Uzbek)".
"""

from __future__ import annotations

import re

from diprefs.dates import DateValue
from diprefs.model import Contributor, Name
from diprefs.names.keys import fold
from diprefs.names.parse import is_others
from diprefs.styles import checks, gost, persons, values
from diprefs.styles import text as st
from diprefs.styles.base import Style
from diprefs.styles.latin import container, name_of, roman, scheme, title, titles
from diprefs.styles.places import english_place
from diprefs.styles.template import Call, Ctx, Date, Field, FirstOf, Italic, Part, Seq, Text, When
from diprefs.styles.terms import FROM_LANGUAGE_EN, LEGAL_KINDS_EN
from diprefs.styles.text import Styled

_LANGUAGE_OF_KEY = {"ru": "Russian", "uz-Latn": "Uzbek", "uz-Cyrl": "Uzbek"}
_ENGLISH = {"en": "English"}  # FROM_LANGUAGE_EN names the languages translated *into* English


# --- names ---------------------------------------------------------------------------------


def person(ctx: Ctx, name: Name, initials_first: bool = False) -> str:
    """ "Zhurayev F. S." (no comma before the initials), or "F. S. Zhurayev" after "Ed. by"."""
    return persons.apa(name, scheme(ctx), ctx.lang, initials_first, comma=False)


def name_list(ctx: Ctx, names: list[Contributor], initials_first: bool = False) -> str:
    """Every name: the guidelines forbid cutting a list at three; a stored "and others" marker
    is the only "et al."."""
    shown = [person(ctx, name_of(ctx, c), initials_first) for c in names if not is_others(c.name)]
    if not shown:
        return ""
    others = any(is_others(c.name) for c in names)
    return ", ".join(shown) + (", et al." if others else "")


def creators(ctx: Ctx) -> str:
    """The authors, else the editors with "(ed.)" / "(eds.)", else the compilers."""
    if authors := name_list(ctx, ctx.names("author")):
        return authors
    for role, one, many in (("editor", "ed.", "eds."), ("compiler", "comp.", "comps.")):
        group = ctx.names(role)
        if names := name_list(ctx, group):
            return f"{names} ({one if len(group) == 1 else many})"
    return ""


def responsibility(roles: tuple[str, ...]) -> Part:
    """ "Ed. by F. S. Zhurayev", "Transl. from English by I. I. Petrova": roles not in the
    heading."""

    def get(ctx: Ctx) -> str:
        groups = []
        in_heading = not ctx.names("author")
        for role in roles:
            if role == "editor" and in_heading:
                continue
            if role == "compiler" and in_heading and not ctx.names("editor"):
                continue
            names = name_list(ctx, ctx.names(role), initials_first=True)
            if not names:
                continue
            if role == "translator":
                source = values.source_field(ctx, "origlanguage").casefold()[:2]
                origin = _ENGLISH.get(source) or FROM_LANGUAGE_EN.get(source, "")
                groups.append(
                    f"Transl. from {origin} by {names}" if origin else f"Transl. by {names}"
                )
            else:
                groups.append(f"{'Ed.' if role == 'editor' else 'Comp.'} by {names}")
        return "; ".join(groups)

    return Field(get)


# --- titles --------------------------------------------------------------------------------


# --- places, dates, numbers ----------------------------------------------------------------


def place_en(value: str, ctx: Ctx) -> str:
    """One place in English (Moscow, Saint Petersburg, Tashkent), else transliterated."""
    return english_place(value) or roman(ctx, value)


def places(ctx: Ctx) -> str:
    return "; ".join(
        place_en(one.strip(), ctx)
        for one in st.clean(ctx.work.publisher_place).split(";")
        if one.strip()
    )


def year(ctx: Ctx, value: DateValue) -> str:
    """ "2020", "2005–2007", an open range "2000–"."""
    if value.is_range and value.year is not None and value.end_year is None:
        return f"{value.year}–"
    return values.year(value)


def full_date(value: DateValue) -> str:
    """ "2 February 2018", "February 2018" or "2018"."""
    return (
        values.written_date(value, "en", "{d} {month} {y}") if value.month else values.year(value)
    )


def accessed(ctx: Ctx) -> Styled:
    value = ctx.date("accessed")
    if value.year is None:
        return ()
    return st.plain(f"(accessed {full_date(value)})")


def pages(ctx: Ctx) -> str:
    """ "pp. 25–30" for a range, "p. 25" for one page."""
    value = values.page_range(ctx.work.page)
    if not value:
        return ""
    return f"pp. {value}" if values.is_range(value) else f"p. {value}"


def volume(ctx: Ctx) -> str:
    return f"vol. {roman(ctx, ctx.work.volume)}" if ctx.work.volume else ""


def issue(ctx: Ctx) -> str:
    return f"no. {roman(ctx, ctx.work.issue)}" if ctx.work.issue else ""


def edition(ctx: Ctx) -> str:
    return roman(ctx, values.ordinal_edition(ctx.work.edition, "en"))


def volumes_of_book(ctx: Ctx) -> str:
    """ "In 3 vols. Vol. 2" for one volume of a multi-volume book."""
    w = ctx.work
    total = f"In {st.clean(w.number_of_volumes)} vols." if w.number_of_volumes else ""
    one = f"Vol. {roman(ctx, w.volume)}" if w.volume else ""
    return " ".join(filter(None, (total, one)))


def language_note(ctx: Ctx) -> Styled:
    """ "(In Russian)", "(In Uzbek)": from the language tag, else from the title's script."""
    tag = ctx.work.language.casefold().split("-")[0]
    name = FROM_LANGUAGE_EN.get(tag) if tag else _LANGUAGE_OF_KEY.get(ctx.lang)
    if tag == "en" or not name:
        return ()
    return st.plain(f"(In {name})")


def legal_designation(ctx: Ctx) -> str:
    """ "Decree of 7 February 2017 No. UP-4947": the kind from ``legal_kind`` (else the stored
    genre, transliterated), the act's own date (``adopted``, else issued), its number."""
    w = ctx.work
    kind = LEGAL_KINDS_EN.get(w.legal_kind) or roman(ctx, w.genre)
    adopted = ctx.date("adopted")
    when = values.written_date(
        adopted if adopted.year else ctx.date("issued"), "en", "{d} {month} {y}"
    )
    number = roman(ctx, w.number)
    parts = [kind, f"of {when}" if when else "", f"No. {number}" if number else ""]
    return " ".join(p for p in parts if p) if (kind or number) else ""


def degree(ctx: Ctx) -> str:
    """ "Cand. Sci. diss.", "Dr. Sci. diss. abstract", "PhD diss.", "Master's thesis"."""
    text = " ".join((ctx.work.genre, ctx.work.degree)).casefold()
    level = values.degree_level(ctx)
    if level == "master":
        return "Master's thesis"
    if "phd" in text or "falsafa doktori" in text or "фалсафа доктори" in text:
        name = "PhD diss."
    else:
        name = {"candidate": "Cand. Sci. diss.", "doctor": "Dr. Sci. diss."}.get(level, "Diss.")
    return f"{name} abstract" if values.is_autoreferat(ctx) else name


# --- templates -----------------------------------------------------------------------------


def url_note() -> Part:
    """ "Available at: URL (accessed 28 November 2023)"."""
    return Seq(Seq(Text("Available at:"), Field("url"), delim=" "), Call(accessed), delim=" ")


def doi() -> Part:
    return Seq(Text("DOI:"), Field("doi"), delim=" ")


def entry(*areas: Part, heading: bool = True) -> Part:
    """Heading. Areas. URL. DOI. (In Language) — elements separated by full stops."""
    head = (Field(creators),) if heading else ()
    body = Seq(*head, *areas, url_note(), doi(), delim=". ", suffix=".")
    return Seq(body, Call(language_note), delim=" ")


def publication(publisher: Part | None = None, *more: Part) -> Part:
    """ "Moscow, Nauka, 2020" (the place in English, the publisher transliterated)."""
    who = publisher or Field(lambda ctx: roman(ctx, ctx.work.publisher))
    return Seq(Field(places), who, Date("issued", year), *more, delim=", ")


def extent() -> Part:
    return Seq(Field("number_of_pages"), Text("p."), delim=" ")


def series() -> Part:
    return Seq(
        Field(lambda ctx: roman(ctx, ctx.work.collection_title)),
        Field("collection_number"),
        delim=", ",
        prefix="(",
        suffix=")",
    )


def templates() -> dict[str, Part]:
    book_roles = ("editor", "compiler", "translator")
    book = entry(
        title(True),
        Field(volumes_of_book),
        Field(edition),
        responsibility(book_roles),
        publication(),
        extent(),
        series(),
    )
    journal = Seq(
        Italic(Field(container)),
        Date("issued", year),
        Field(volume),
        Field(issue),
        Field(pages),
        delim=", ",
    )
    article = entry(title(False), journal)
    newspaper = entry(
        title(False),
        Seq(
            Italic(Field(container)),
            Date("issued", lambda ctx, v: full_date(v)),
            Field(issue),
            Field(pages),
            delim=", ",
        ),
    )
    in_book = Seq(Italic(Field(container)), prefix="In: ")
    chapter = entry(
        title(False),
        in_book,
        responsibility(("editor", "compiler")),
        publication(None, Field(pages)),
    )
    presentation = entry(
        title(True),
        Seq(
            Field(lambda ctx: roman(ctx, ctx.work.event_title)),
            Field(lambda ctx: place_en(ctx.work.event_place, ctx) if ctx.work.event_place else ""),
            FirstOf(Date("event", lambda ctx, v: full_date(v)), Date("issued", year)),
            delim=", ",
        ),
    )
    thesis = entry(
        title(True),
        Field(degree),
        Seq(Field(places), Date("issued", year), delim=", "),
        extent(),
    )
    report = entry(
        title(True),
        Field(lambda ctx: f"No. {roman(ctx, ctx.work.number)}" if ctx.work.number else ""),
        publication(
            FirstOf(
                Field(lambda ctx: roman(ctx, ctx.work.publisher)),
                Field(lambda ctx: roman(ctx, ctx.work.institution)),
            )
        ),
        extent(),
        series(),
    )
    act_host = Seq(
        Italic(Field(container)),
        When(lambda ctx: bool(ctx.date("adopted").year), Date("issued", year)),
        Field(issue),
        Field(lambda ctx: f"art. {values.page_range(ctx.work.page)}" if ctx.work.page else ""),
        delim=", ",
    )
    act = entry(title(True), Field(legal_designation), publication(), extent(), heading=False)
    act_in_host = entry(title(True), Field(legal_designation), act_host, heading=False)
    page_in_site = entry(
        title(True),
        Seq(Field(container), Date("issued", lambda ctx, v: full_date(v)), delim=", "),
    )
    page_alone = entry(title(True), Date("issued", lambda ctx, v: full_date(v)))
    website = entry(title(True), Seq(Field(places), Date("issued", year), delim=", "))
    return {
        "book": book,
        "ebook": entry(
            title(True),
            Field(edition),
            responsibility(book_roles),
            publication(),
            extent(),
            Field(container),
        ),
        "article": article,
        "newspaper": newspaper,
        "chapter": chapter,
        "conference": chapter,
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


def _sortable(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def sort_key(ctx: Ctx) -> tuple:
    """Alphabetical by what the entry starts with (all of it in Latin letters), brackets and
    punctuation ignored."""
    main = titles(ctx)[0]
    head = creators(ctx) if ctx.work.type not in gost.ACTS else ""
    return (_sortable(head or main), _sortable(main), ctx.date("issued").sort_key())


#: GOST's table, less what this list never prints (a dissertation's speciality code).
REQUIRED = {
    kind: tuple(r for r in reqs if r[0] != "speciality_code")
    for kind, reqs in checks.GOST_REQUIRED.items()
}


def suspects(ctx: Ctx) -> list[tuple[str | None, str]]:
    """Web resources without an access date, non-English works without an English title,
    Cyrillic journals without their own Latin title."""
    out: list[tuple[str | None, str]] = list(checks.gost_suspects(ctx))
    w = ctx.work
    if ctx.lang != "en" and not w.title_supplied and not (w.title_translated or w.title_original):
        out.append(("title_translated", "no English translation of the title for the [brackets]"))
    cyrillic = persons.romanised(w.container_title, "bgn-pcgn") != w.container_title
    if cyrillic and not w.container_title_latin:
        message = "Cyrillic journal or site without its own Latin title (transliterated)"
        out.append(("container_title_latin", message))
    return out


STYLE = Style(
    name="references-en",
    numbered=True,
    default_lang="en",
    templates=templates(),
    classify=gost.classify,
    sort_key=sort_key,
    required=REQUIRED,
    suspects=suspects,
)
