"""The domain model, in CSL vocabulary.

Plain frozen dataclasses: no I/O, no SQL, no Click. Storage maps them to tables, formats map them to
files, styles print them. Field names follow CSL variables (``container_title`` for CSL
``container-title``) so that every later reader, writer and style speaks one vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

#: CSL item types diprefs knows. Anything else imported is kept as ``document`` with the
#: original entry type in the lossless source record.
WORK_TYPES = (
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
)

#: Contributor roles: CSL name variables plus the roles CIS title pages print.
ROLES = (
    "author",
    "editor",
    "translator",
    "compiler",
    "supervisor",
    "reviewer",
    "contributor",
    "collection-editor",
    "container-author",
    "editorial-director",
    "director",
    "illustrator",
    "interviewer",
    "recipient",
    "opponent",
    "commentator",
    "chair",
    "organizer",
    "holder",
)

#: Kinds of legal act, from highest legal force to lowest (the order OAK sections use).
LEGAL_KINDS = ("constitution", "code", "law", "decree", "resolution", "departmental")

#: Kinds of date a work can carry. ``issued`` is the CSL date of publication.
DATE_KINDS = (
    "issued",
    "accessed",
    "original",
    "event",
    "adopted",
    "submitted",
    "received",
    "accepted",
    "available",
)

SCHOLAR_KINDS = ("person", "organisation")
CITATION_FORMS = ("in-text", "footnote")


@dataclass(frozen=True, slots=True)
class Name:
    """A personal or organisational name as parts.

    ``literal`` holds an organisation's name (or any name that must not be split). Given names
    stored as initials ("F. S.") stay initials: styles never expand or re-initialise them.
    ``genitive`` is an optional override for Russian "под редакцией ..." phrases.
    """

    family: str = ""
    given: str = ""
    particle: str = ""
    suffix: str = ""
    patronymic: str = ""
    literal: str = ""
    genitive: str = ""

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    def sort_form(self) -> str:
        """'Family, Given' (the form ``--json`` outputs use), or the literal name."""
        if self.literal:
            return self.literal
        family = " ".join(p for p in (self.particle, self.family) if p)
        given = " ".join(p for p in (self.given, self.patronymic) if p)
        parts = [family] + ([given] if given else []) + ([self.suffix] if self.suffix else [])
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Contributor:
    """A name on a work in a role. ``printed`` is the name exactly as the source wrote it."""

    name: Name
    role: str = "author"
    printed: str = ""


class SourceField(NamedTuple):
    """One field of an imported entry, exactly as written (name case and raw LaTeX kept).

    ``inherited_from`` names the crossref/xdata parent a field came from; ``None`` for the
    entry's own fields. Exporting writes only own fields, so nothing is doubled. A named tuple,
    not a dataclass: a large import makes 160,000 of them, and a tuple is made five times faster.
    """

    name: str
    value: str
    inherited_from: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """How a work came in: dialect, entry type as written, and its raw fields in order."""

    dialect: str  # bibtex | biblatex | csljson | ris
    entry_type: str
    key: str
    fields: tuple[SourceField, ...] = ()
    file: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Work:
    """A citable work. Empty string means unknown; ``check`` reports what a style needs."""

    key: str
    type: str = "document"
    language: str = ""
    title: str = ""
    subtitle: str = ""
    title_addon: str = ""
    title_supplied: bool = False
    title_translated: str = ""
    title_original: str = ""
    container_title: str = ""
    container_title_latin: str = ""
    collection_title: str = ""
    collection_number: str = ""
    publisher: str = ""
    publisher_place: str = ""
    edition: str = ""
    volume: str = ""
    number_of_volumes: str = ""
    issue: str = ""
    page: str = ""
    number_of_pages: str = ""
    genre: str = ""
    number: str = ""
    medium: str = ""
    doi: str = ""
    isbn: str = ""
    issn: str = ""
    url: str = ""
    abstract: str = ""
    note: str = ""
    keywords: str = ""
    degree: str = ""
    speciality_code: str = ""
    speciality: str = ""
    institution: str = ""
    legal_kind: str = ""
    event_title: str = ""
    event_place: str = ""
    #: kind -> EDTF string, e.g. {"issued": "2024-02-24", "received": "2023-12-20"}
    dates: dict[str, str] = field(default_factory=dict)
    contributors: tuple[Contributor, ...] = ()
    tags: tuple[str, ...] = ()
    source: Source | None = None

    @property
    def issued(self) -> str:
        return self.dates.get("issued", "")

    @property
    def accessed(self) -> str:
        return self.dates.get("accessed", "")

    def names(self, role: str) -> tuple[Contributor, ...]:
        return tuple(c for c in self.contributors if c.role == role)


#: Work attributes stored as plain text columns (everything but key, dates, names, tags, source).
WORK_TEXT_FIELDS: tuple[str, ...] = tuple(
    f
    for f in Work.__dataclass_fields__
    if f not in {"key", "title_supplied", "dates", "contributors", "tags", "source"}
)


@dataclass(frozen=True)
class Scholar:
    """One person or organisation across every spelling and script it appears in."""

    name: Name
    kind: str = "person"
    gender: str = ""  # "m", "f" or "" when unknown
    affiliation: str = ""
    country: str = ""
    orcid: str = ""
    variants: tuple[Name, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class ReferenceEntry:
    """One item of a work's printed reference list."""

    citing: str
    position: int
    cited: str | None
    label: str = ""
    printed: str = ""


@dataclass(frozen=True)
class Citation:
    """One occurrence of a citation in a work's text, with its locator."""

    citing: str
    cited: str
    marker: str = ""
    locator_label: str = ""
    locator: str = ""
    context: str = ""
    form: str = "in-text"
    note_text: str = ""


@dataclass(frozen=True)
class Mention:
    """A work names a scholar in its text (not a citation)."""

    work: str
    printed: str
    group: str = ""
    sentence: str = ""
