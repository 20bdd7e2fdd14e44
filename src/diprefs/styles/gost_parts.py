"""Named parts shared by the two GOST styles (styles.md §2-§11).

A description is built area by area: heading, title and statement of responsibility (SoR),
edition, publication, extent, series, notes, identifiers, content type; an analytic description
adds ``// host``. ``Flavour`` holds what differs between GOST R 7.0.100-2018 and GOST R 7.0.5-2008
(heading form, role words, abbreviated cities, content type or "[Электронный ресурс]").
"""

from __future__ import annotations

from dataclasses import dataclass

from diprefs.formats.bibtex_map import EDITOR_TYPES
from diprefs.model import Contributor
from diprefs.names.parse import is_others
from diprefs.styles import persons, values
from diprefs.styles import text as st
from diprefs.styles.template import Call, Ctx, Date, Field, Names, Part, Seq, Term, Text, When
from diprefs.styles.terms import FROM_LANGUAGE_EN, FROM_LANGUAGE_RU
from diprefs.styles.text import Styled


@dataclass(frozen=True)
class Flavour:
    edition: str  # "2018" or "2008"
    heading_comma: bool  # "Фамилия, И. О." (2018) or "Фамилия И. О." (2008)
    heading_max: int  # authors the heading may hold: 1 (2018), 3 (2008)
    repeat_in_sor: bool  # 2018 repeats heading names after " / "; 2008 does not
    abbreviate_cities: bool  # М., СПб.
    content_type: bool  # "Текст : электронный" (2018) or the GMD "[Электронный ресурс]" (2008)

    @property
    def suffix(self) -> str:
        return "" if self.edition == "2018" else "_2008"


def area_delim(ctx: Ctx) -> str:
    """The separator of areas: ". — " with the configured dash, or ". " (7.0.5 setting)."""
    sep = ctx.settings.get("separator")
    if sep:
        return sep
    return f". {ctx.settings.get('dash', '—')} "


class Areas(Part):
    """Parts joined by the area separator; vanishes like a ``Seq`` when no data printed."""

    def __init__(self, *parts: Part, suffix: str = "") -> None:
        self.parts = parts
        self.suffix = suffix
        self.data = True

    def render(self, ctx: Ctx) -> Styled:
        pieces = [out for out in (p.render(ctx) for p in self.parts) if out]
        if not pieces:
            return ()
        return st.wrap(st.join(pieces, area_delim(ctx)), suffix=self.suffix)


# --- names ---------------------------------------------------------------------------------


def _split(names: list[Contributor]) -> tuple[list[Contributor], list[Contributor], bool]:
    """(persons, organisations, and-others marker)."""
    people = [c for c in names if not c.name.literal]
    orgs = [c for c in names if c.name.literal and not is_others(c.name)]
    return people, orgs, any(is_others(c.name) for c in names)


def _shown(
    ctx: Ctx, flavour: Flavour, people: list[Contributor], others: bool
) -> tuple[list[Contributor], bool]:
    """Which of the names the SoR lists, and whether "[и др.]" follows (styles.md §3, §11)."""
    n = len(people)
    if flavour.edition == "2008":  # 7.0.5: the first name + [и др.] for four or more
        return (people[:1], True) if n > 3 or others else (people, False)
    if others:
        return people[:3], True
    if n == 4:
        return (
            (people, False)
            if ctx.settings.get("four_authors", "all") == "all"
            else (
                people[:1],
                True,
            )
        )
    if n >= 5:
        return people[:3], True
    return people, False


def et_al(ctx: Ctx) -> str:
    return f"[{ctx.terms['et_al']}]"


def heading_people(ctx: Ctx, flavour: Flavour) -> list[Contributor]:
    """The authors in the heading: 1-3 persons (1 in 2018, up to 3 in 2008), else none."""
    people, _orgs, others = _split(ctx.names("author"))
    if not people or others or len(people) > 3:
        return []
    return people[: flavour.heading_max]


def heading(flavour: Flavour) -> Part:
    def form(ctx: Ctx, _authors: list[Contributor]) -> Styled:
        people = heading_people(ctx, flavour)
        shown = [persons.inverted(c.name, ctx.lang, flavour.heading_comma) for c in people]
        return st.plain(", ".join(shown))

    return Names(("author",), form)


def _direct_list(ctx: Ctx, people: list[Contributor], case: str = "nom") -> str:
    return ", ".join(
        persons.direct(c.name, ctx.lang, ctx.genders.get(c.name, ""), case) for c in people
    )


def authors_sor(flavour: Flavour) -> Part:
    """The authors after " / ": direct order, shortened by the 4/5+ rules, organisations too."""

    def form(ctx: Ctx, authors: list[Contributor]) -> Styled:
        people, orgs, others = _split(authors)
        in_heading = heading_people(ctx, flavour)
        if in_heading and not flavour.repeat_in_sor:
            people = []
        shown, more = _shown(ctx, flavour, people, others)
        text = _direct_list(ctx, shown)
        if more and text:
            text += " " + et_al(ctx)
        groups = [g for g in (text, ", ".join(persons.family(c.name) for c in orgs)) if g]
        return st.plain(" ; ".join(groups))

    return Names(("author",), form)


def _translator_phrase(ctx: Ctx, flavour: Flavour) -> str:
    source = values.source_field(ctx, "origlanguage").casefold()[:2]
    src = ""
    if ctx.lang == "ru" and source in FROM_LANGUAGE_RU:
        src = " " + FROM_LANGUAGE_RU[source][flavour.edition == "2008"]
    elif ctx.lang == "en" and source in FROM_LANGUAGE_EN:
        src = " from " + FROM_LANGUAGE_EN[source]
    return ctx.terms["translated" + flavour.suffix].format(src=src)


def role_group(ctx: Ctx, flavour: Flavour, role: str) -> str:
    """ "под редакцией Ф. С. Жураева", "перевод с английского И. И. Петровой", "составитель ..."."""
    people, orgs, others = _split(ctx.names(role))
    shown, more = _shown(ctx, flavour, people, others)
    case = "nom" if role == "compiler" else "gen"
    names = _direct_list(ctx, shown, case)
    names = ", ".join(filter(None, (names, ", ".join(persons.family(c.name) for c in orgs))))
    if more and names:
        names += " " + et_al(ctx)
    if not names:
        return ""
    if role == "translator":
        word = _translator_phrase(ctx, flavour)
    elif role == "compiler":
        word = ctx.terms["compiled" + flavour.suffix]
        if ctx.lang == "ru" and flavour.edition == "2018" and len(shown) > 1:
            word = "составители"
    else:
        word = ctx.terms["edited" + flavour.suffix]
        if _general_editors(ctx):  # no word of its own in Uzbek: the editors' one
            word = ctx.terms.get("edited_general" + flavour.suffix, word)
    return f"{word} {names}"


#: ``editoratype`` values (none: "editor") that make an ``editora`` list an editors' list, as
#: the import maps them.
_EDITOR_KINDS = frozenset({"", *(kind for kind, role in EDITOR_TYPES.items() if role == "editor")})


def _general_editors(ctx: Ctx) -> bool:
    """biblatex-gost's ``editortype = {geneditor}``: "под общей редакцией". Only when the editors
    are the ``editor`` field's alone: no ``editora``..``editorc`` of editors joined them (a list
    of compilers there, as in "сост. и общ. ред.", does not)."""
    if values.source_field(ctx, "editortype").casefold() != "geneditor":
        return False
    return not any(
        values.source_field(ctx, f"editor{x}")
        and values.source_field(ctx, f"editor{x}type").casefold() in _EDITOR_KINDS
        for x in "abc"
    )


def roles_sor(flavour: Flavour, roles: tuple[str, ...]) -> Part:
    def render(ctx: Ctx) -> Styled:
        groups = [role_group(ctx, flavour, r) for r in roles]
        return st.plain(" ; ".join(g for g in groups if g))

    return Call(render)


# --- title area ----------------------------------------------------------------------------


def main_title(ctx: Ctx) -> str:
    """The title proper: the original-language title of a biblatex-apa pair, bracketed when the
    cataloguer supplied it."""
    w = ctx.work
    title = w.title_original if w.title_original and not w.names("translator") else w.title
    title = st.clean(title)
    return f"[{title}]" if title and w.title_supplied else title


def title_proper(
    flavour: Flavour, *other_info: Part, volumes: bool = False, addon_last: bool = False
) -> Part:
    """Title [GMD] : other title information (subtitle, title addon, extras), and for one volume
    of a multi-volume book ": в 3 томах. Том 2" (7.0.5: ": в 3 т. Т. 2"). ``addon_last`` puts
    the title addon after the extras: a thesis's "защищена 22.01.02 : утв. 15.07.02" follows its
    designation and speciality code, as GOST 7.1-2003's example has it."""
    addon = Field(lambda ctx: abbreviated(ctx.work.title_addon, flavour))
    parts = (*other_info, addon) if addon_last else (addon, *other_info)
    info = Seq(Field("subtitle"), *parts, delim=" : ")

    def render(ctx: Ctx) -> Styled:
        out = st.plain(main_title(ctx))
        if not out:
            return ()
        if not flavour.content_type and values.is_online(ctx):
            out += st.plain(" " + ctx.list_terms["gmd"])
        out = st.join([out, info.render(ctx)], " : ")
        total, volume = st.clean(ctx.work.number_of_volumes), st.clean(ctx.work.volume)
        if volumes and total:
            out = st.join(
                [out, st.plain(ctx.terms["vols_in" + flavour.suffix].format(n=total))], " : "
            )
        if volumes and volume:
            out = st.join(
                [out, st.plain(ctx.terms["vol_head" + flavour.suffix].format(v=volume))], ". "
            )
        return out

    return Call(render)


def title_and_sor(flavour: Flavour, title: Part, sor: Part) -> Part:
    """ "Title / SoR"; without a title the SoR stands alone (never a leading " / ")."""

    def render(ctx: Ctx) -> Styled:
        head = title.render(ctx)
        return st.join([head, st.wrap(sor.render(ctx), " / " if head else "")], "")

    return Call(render)


def with_heading(flavour: Flavour, body: Part) -> Part:
    """Heading and the rest: "Иванов, И. И. Основы ...": the heading's own stop is the period."""
    return Seq(heading(flavour), body, delim=". ")


#: GOST R 7.0.12-2011 abbreviations used by 7.0.5-2008 references (styles.md §11).
ABBREVIATIONS_2008 = (
    ("автореферат диссертации на соискание ученой степени", "автореф. дис. …"),
    ("автореферат диссертации на соискание учёной степени", "автореф. дис. …"),
    ("диссертация на соискание ученой степени", "дис. …"),
    ("диссертация на соискание учёной степени", "дис. …"),
    ("кандидата", "канд."),
    ("доктора", "д-ра"),
    ("учебное пособие", "учеб. пособие"),
    ("учебно-методическое пособие", "учеб.-метод. пособие"),
    ("исторических", "ист."),
    ("политических", "полит."),
    ("экономических", "экон."),
    ("филологических", "филол."),
    ("педагогических", "пед."),
    ("юридических", "юрид."),
    ("технических", "техн."),
    ("психологических", "психол."),
    ("философских", "филос."),
    ("социологических", "социол."),
    ("физико-математических", "физ.-мат."),
)


#: A thesis type of biblatex-gost written out as GOST R 7.0.100 has it (styles.md §8); the branch
#: of science (``science = {ист. наук}``) follows it, in full.
_THESIS_GENRES = {
    "candidate": "диссертация на соискание ученой степени кандидата",
    "doctor": "диссертация на соискание ученой степени доктора",
}
_AUTOREFERAT = "автореферат диссертации на соискание ученой степени"
#: The branches of science in full, from their 7.0.12 short forms ("ист." -> "исторических").
_SCIENCES = {short: full for full, short in ABBREVIATIONS_2008 if full.endswith("ических")}
_SCIENCES["филос."] = "философских"


def thesis_genre(ctx: Ctx) -> str:
    """The genre of a thesis: as written, or spelt out from biblatex-gost's type key
    (``phdthesis`` + ``ист. наук``: "диссертация на соискание ученой степени кандидата
    исторических наук") for a Russian work, biblatex's "PhD thesis" or "Master's thesis" for
    another."""
    genre = st.clean(ctx.work.genre)
    key = genre.casefold()
    if key not in values.THESIS_TYPES:
        return genre
    if ctx.lang != "ru":  # biblatex's own English strings for its two keys
        return {"phdthesis": "PhD thesis", "mathesis": "Master's thesis"}.get(key, genre)
    level = values.degree_level(ctx)
    if level == "master":
        return "магистерская диссертация"
    head = _THESIS_GENRES[level]
    if key.endswith("autoref"):
        head = f"{_AUTOREFERAT} {head.split()[-1]}"
    science = " ".join(_SCIENCES.get(w, w) for w in thesis_science(ctx).split())
    return f"{head} {science or 'наук'}"


def thesis_science(ctx: Ctx) -> str:
    """The branch of science of a thesis ("ист. наук"): ``science``, or a ``speciality`` that
    names one, as the BibTeX ``gost`` package's examples write it (a speciality's own name,
    «Отечественная история», never ends in "наук")."""
    speciality = st.clean(ctx.work.speciality)
    return st.clean(ctx.work.degree) or (speciality if speciality.endswith("наук") else "")


def thesis_code(ctx: Ctx) -> str:
    """The speciality code; biblatex-gost's examples give it as a thesis's ``number``."""
    return st.clean(ctx.work.speciality_code or ctx.work.number)


def abbreviated(value: str, flavour: Flavour) -> str:
    """Role and genre words in the 7.0.12 short forms for 7.0.5-2008; as written for 2018."""
    if flavour.edition != "2008":
        return value
    for full, short in ABBREVIATIONS_2008:
        value = value.replace(full, short)
    return value


# --- other areas ---------------------------------------------------------------------------


def edition() -> Part:
    return Field(lambda ctx: values.ordinal_edition(ctx.work.edition, ctx.lang))


def year_of(kind: str = "issued") -> Part:
    def form(ctx: Ctx, value) -> str:
        if value.status == "n.d.":
            return ctx.terms["no_date"]
        return values.year(value)

    return Date(kind, form)


def publication(flavour: Flavour, publisher: Part | None = None) -> Part:
    """ "Москва : Наука, 2020"; "Место, Год" without a publisher."""
    place = Field(lambda ctx: values.place(ctx, flavour.abbreviate_cities))
    who = publisher or Field("publisher")
    return Seq(Seq(place, who, delim=" : "), year_of(), delim=", ")


def extent() -> Part:
    """ "215 с."; a count that already names its unit ("159 с. : ил.") is printed as written."""
    return Seq(Field("number_of_pages"), When(_count_only, Term("pages")), delim=" ")


def _count_only(ctx: Ctx) -> bool:
    unit = ctx.terms["pages"].rstrip(".")  # "с." or, as some files write it, "с"
    return unit not in (w.rstrip(".") for w in st.clean(ctx.work.number_of_pages).split())


def series() -> Part:
    return Seq(
        Field("collection_title"), Field("collection_number"), delim=" ; ", prefix="(", suffix=")"
    )


def isbn() -> Part:
    return Seq(Text("ISBN"), Field("isbn"), delim=" ")


def doi() -> Part:
    return Seq(Text("DOI"), Field("doi"), delim=" ")


def doi_at(position: str) -> Part:
    return When(
        lambda ctx: ctx.settings.get("doi_position", "before-content-type") == position, doi()
    )


def url_note() -> Part:
    """ "URL: … (дата обращения: 28.11.2026)"; the date part vanishes without an access date."""

    def access(ctx: Ctx) -> Styled:
        value = ctx.date("accessed")
        if value.year is None:
            return ()
        return st.plain(f"({ctx.list_terms['accessed']}: {values.numeric_date(value)})")

    return Seq(Seq(Text("URL:"), Field("url"), delim=" "), Call(access), delim=" ")


def content_type() -> Part:
    def render(ctx: Ctx) -> Styled:
        key = "content_online" if values.is_online(ctx) else "content_print"
        return st.plain(ctx.list_terms[key])

    return Call(render)


def pages_in_host(label: str = "page") -> Part:
    return Seq(Term(label), Field(lambda ctx: values.page_range(ctx.work.page)), delim=" ")


def volume_issue() -> Part:
    """ "Т. 14, № 2" / "Vol. 8, No. 3": one element, volume and issue joined by a comma."""
    vol = Seq(Term("volume"), Field("volume"), delim=" ")
    issue = Seq(Term("issue"), Field("issue"), delim=" ")
    return Seq(vol, issue, delim=", ")


def day_month() -> Part:
    return Date("issued", lambda ctx, v: values.day_month(v, ctx.list_lang))


def site_title(with_term: bool) -> Part:
    """The host website: "Caravanserai : [сайт]"; a name that already says "сайт" is kept."""

    def term(ctx: Ctx) -> Styled:
        name = ctx.work.container_title.casefold()
        if not with_term or "сайт" in name or "sayt" in name or "website" in name:
            return ()
        return st.plain(ctx.list_terms["site"])

    return Seq(Field("container_title"), Call(term), delim=" : ")
