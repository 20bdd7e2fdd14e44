"""BibTeX/BibLaTeX <-> model mapping tables (documented in docs/bibtex.md).

Sources: the biblatex manual (v3.19) sections 2.1 (entry types) and 2.2 (fields), the BibTeX
standard styles, biblatex-gost's field additions, and CSL 1.0.2's item types. Fields not named here
are not lost: every field is kept verbatim in the work's source record and exported again.
"""

from __future__ import annotations

#: Entry type (lower-case) -> CSL type.
ENTRY_TYPES: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "reference": "book",
    "mvreference": "book",
    "manual": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "bookinbook": "chapter",
    "suppbook": "chapter",
    "incollection": "chapter",
    "suppcollection": "chapter",
    "inreference": "entry-encyclopedia",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "report": "report",
    "techreport": "report",
    "patent": "patent",
    "periodical": "periodical",
    "suppperiodical": "article-journal",
    "dataset": "dataset",
    "software": "software",
    "unpublished": "manuscript",
    "legislation": "legislation",
    "legal": "legislation",
    "law": "legislation",
    "jurisdiction": "legal_case",
    "standard": "standard",
    "misc": "document",
    "artwork": "graphic",
    "image": "graphic",
    "audio": "song",
    "music": "song",
    "video": "motion_picture",
    "movie": "motion_picture",
    "performance": "performance",
    "letter": "personal_communication",
    "review": "review",
    "set": "document",
    "xdata": "document",
}

#: ``entrysubtype`` of an @article that changes its CSL type.
ARTICLE_SUBTYPES = {"newspaper": "article-newspaper", "magazine": "article-magazine"}

#: Entry types only BibLaTeX has; one of them marks a file as BibLaTeX.
BIBLATEX_TYPES = frozenset(
    {
        "mvbook",
        "bookinbook",
        "suppbook",
        "collection",
        "mvcollection",
        "suppcollection",
        "mvproceedings",
        "reference",
        "mvreference",
        "inreference",
        "online",
        "thesis",
        "report",
        "patent",
        "periodical",
        "suppperiodical",
        "dataset",
        "software",
        "set",
        "xdata",
    }
)
#: Fields only BibLaTeX has; one of them marks a file as BibLaTeX.
BIBLATEX_FIELDS = frozenset(
    {
        "journaltitle",
        "date",
        "location",
        "langid",
        "urldate",
        "origdate",
        "eventdate",
        "titleaddon",
        "pagetotal",
        "maintitle",
        "eventtitle",
        "venue",
        "origtitle",
        "xdata",
        "editora",
        "editoratype",
        "entrysubtype",
        "langidopts",
    }
)

#: Field (lower-case) -> model text field. Both dialects' names appear (journal/journaltitle ...).
TEXT_FIELDS: dict[str, str] = {
    "title": "title",
    "subtitle": "subtitle",
    "titleaddon": "title_addon",
    "origtitle": "title_original",
    "translatedtitle": "title_translated",
    "journaltitle": "container_title",
    "journal": "container_title",
    "booktitle": "container_title",
    "journaltitlelatin": "container_title_latin",
    "series": "collection_title",
    "publisher": "publisher",
    "location": "publisher_place",
    "address": "publisher_place",
    "edition": "edition",
    "volume": "volume",
    "volumes": "number_of_volumes",
    "issue": "issue",
    "pages": "page",
    "pagetotal": "number_of_pages",
    "type": "genre",
    "doi": "doi",
    "isbn": "isbn",
    "issn": "issn",
    "url": "url",
    "abstract": "abstract",
    "note": "note",
    "keywords": "keywords",
    "media": "medium",
    "institution": "institution",
    "school": "institution",
    "degree": "degree",
    "specialitycode": "speciality_code",
    "speciality": "speciality",
    "legalkind": "legal_kind",
    "eventtitle": "event_title",
    "venue": "event_place",
}

#: Date fields -> date kind. ``date``/``year``/``month``/``day`` make ``issued``.
DATE_FIELDS: dict[str, str] = {
    "urldate": "accessed",
    "origdate": "original",
    "eventdate": "event",
    "adopteddate": "adopted",
    "submitteddate": "submitted",
    "receiveddate": "received",
    "accepteddate": "accepted",
}

#: Name-list fields -> contributor role. ``editora``..``editorc`` take their role from
#: ``editoratype``..``editorctype`` (default "editor").
NAME_FIELDS: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
    "commentator": "commentator",
    "annotator": "commentator",
    "holder": "holder",
    "editora": "editor",
    "editorb": "editor",
    "editorc": "editor",
}

#: biblatex ``editortype`` values -> diprefs roles.
EDITOR_TYPES: dict[str, str] = {
    "editor": "editor",
    "compiler": "compiler",
    "supervisor": "supervisor",
    "reviewer": "reviewer",
    "translator": "translator",
    "founder": "contributor",
    "continuator": "contributor",
    "redactor": "editor",
    "collaborator": "contributor",
    "organizer": "organizer",
    "director": "director",
    "chair": "chair",
    "opponent": "opponent",
}

#: babel/polyglossia language names and common tags -> BCP 47.
LANGUAGES: dict[str, str] = {
    "english": "en",
    "american": "en-US",
    "british": "en-GB",
    "russian": "ru",
    "uzbek": "uz",
    "ukrainian": "uk",
    "belarusian": "be",
    "kazakh": "kk",
    "german": "de",
    "ngerman": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "turkish": "tr",
    "chinese": "zh",
    "japanese": "ja",
}
