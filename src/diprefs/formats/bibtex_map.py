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
        "editortype",
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
    "science": "degree",  # biblatex-gost: the branch of a dissertation ("ист. наук")
    "specialitycode": "speciality_code",
    "major": "degree",  # biblatex-gost's examples: the branch of science of a thesis, too
    "majorcode": "speciality_code",
    "speciality": "speciality",
    "legalkind": "legal_kind",
    "eventtitle": "event_title",
    "venue": "event_place",
    # A volume of a multi-volume work without a title of its own (biblatex's @mvbook children
    # inherit the parent's title as maintitle): the main title, with the volume after it.
    "maintitle": "title",
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

#: Name-list fields -> contributor role. ``editor`` and ``editora``..``editorc`` take their role
#: from ``editortype`` and ``editoratype``..``editorctype`` (default "editor").
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
    # biblatex-gost's own: "под общей редакцией" (general editor), compiler and general editor
    "geneditor": "editor",
    "gecompiler": "compiler",
    "editorcollaborator": "contributor",
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

#: biblatex manual, appendix B (default crossref setup): parent types -> child types -> renamed
#: fields. A field not renamed is inherited under its own name; ``None`` means not inherited.
_MAIN_TITLES = {
    "title": "maintitle",
    "subtitle": "mainsubtitle",
    "titleaddon": "maintitleaddon",
}
_BOOK_TITLES = {
    "title": "booktitle",
    "subtitle": "booksubtitle",
    "titleaddon": "booktitleaddon",
}
_NO_SHORT_TITLES = dict.fromkeys(("shorttitle", "sorttitle", "indextitle", "indexsorttitle"))
INHERITANCE: dict[tuple[str, str], dict[str, str | None]] = {
    **{
        (parent, child): {**_MAIN_TITLES, **_NO_SHORT_TITLES}
        for parent, children in (
            ("mvbook", ("book", "inbook", "bookinbook", "suppbook")),
            ("mvcollection", ("collection", "reference", "incollection", "inreference")),
            ("mvreference", ("collection", "reference", "incollection", "inreference")),
            ("mvproceedings", ("proceedings", "inproceedings")),
        )
        for child in children
    },
    **{
        (parent, child): {**_BOOK_TITLES, **_NO_SHORT_TITLES}
        for parent, children in (
            ("book", ("inbook", "bookinbook", "suppbook")),
            ("collection", ("incollection", "inreference", "suppcollection")),
            ("reference", ("incollection", "inreference", "suppcollection")),
            ("proceedings", ("inproceedings",)),
        )
        for child in children
    },
    **{
        ("periodical", child): {
            "title": "journaltitle",
            "subtitle": "journalsubtitle",
            **_NO_SHORT_TITLES,
        }
        for child in ("article", "suppperiodical")
    },
}
#: A book's author is also the ``bookauthor`` of its parts (biblatex.def).
ALSO_INHERITED: dict[tuple[str, str], dict[str, str]] = {
    ("book", child): {"author": "bookauthor"} for child in ("inbook", "bookinbook", "suppbook")
}
#: Fields biblatex never inherits (``\DeclareDataInheritance{*}{*}``); BibTeX inherits the rest.
NOT_INHERITED = frozenset(
    {
        "ids",
        "crossref",
        "xref",
        "xdata",
        "entryset",
        "entrysubtype",
        "execute",
        "label",
        "options",
        "presort",
        "related",
        "relatedoptions",
        "relatedstring",
        "relatedtype",
        "shorthand",
        "shorthandintro",
        "sortkey",
    }
)

#: biblatex manual 2.2.5, "Field Aliases": BibTeX field -> BibLaTeX field, applied when a work read
#: as BibTeX is exported as BibLaTeX (and the other way round, reversed).
FIELD_ALIASES: dict[str, str] = {
    "address": "location",
    "annote": "annotation",
    "archiveprefix": "eprinttype",
    "journal": "journaltitle",
    "key": "sortkey",
    "primaryclass": "eprintclass",
    "school": "institution",
}
#: biblatex manual 2.1.2, "Type Aliases": BibTeX type -> (BibLaTeX type, its ``type`` field).
TYPE_ALIASES: dict[str, tuple[str, str]] = {
    "conference": ("inproceedings", ""),
    "electronic": ("online", ""),
    "www": ("online", ""),
    "mastersthesis": ("thesis", "mathesis"),
    "phdthesis": ("thesis", "phdthesis"),
    "techreport": ("report", "techreport"),
}
#: BibLaTeX-only types -> the BibTeX type that standard styles know (the rest keep their name).
BIBTEX_TYPES: dict[str, str] = {
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "reference": "book",
    "mvreference": "book",
    "mvproceedings": "proceedings",
    "bookinbook": "inbook",
    "suppbook": "inbook",
    "suppcollection": "incollection",
    "inreference": "incollection",
    "suppperiodical": "article",
    "online": "misc",
    "dataset": "misc",
    "software": "misc",
    "report": "techreport",
}

#: CSL type -> BibLaTeX entry type, for works written from the model (no source of their own).
CSL_TO_BIBLATEX: dict[str, str] = {
    "article": "article",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "entry": "inreference",
    "entry-dictionary": "inreference",
    "entry-encyclopedia": "inreference",
    "webpage": "online",
    "post": "online",
    "post-weblog": "online",
    "thesis": "thesis",
    "report": "report",
    "patent": "patent",
    "periodical": "periodical",
    "dataset": "dataset",
    "software": "software",
    "manuscript": "unpublished",
    "legislation": "legislation",
    "regulation": "legislation",
    "legal_case": "jurisdiction",
    "standard": "standard",
    "graphic": "artwork",
    "song": "audio",
    "motion_picture": "video",
    "performance": "performance",
    "personal_communication": "letter",
    "review": "review",
    "review-book": "review",
    "pamphlet": "booklet",
}
#: The ``entrysubtype`` that tells a newspaper or magazine article from a journal article.
CSL_SUBTYPES = {v: k for k, v in ARTICLE_SUBTYPES.items()}

#: Model text field -> BibLaTeX field name (the first spelling of TEXT_FIELDS, in reverse).
MODEL_FIELDS: dict[str, str] = {
    target: name
    for name, target in reversed(TEXT_FIELDS.items())
    if name not in ("journal", "booktitle", "address", "school", "maintitle")
}
#: Fields whose value is verbatim (URLs, paths): never LaTeX-escaped.
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "pdf", "urlraw", "verba", "verbb"})
#: Roles written to the name fields BibLaTeX has for them; others go to editora/b/c + type.
ROLE_FIELDS: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "container-author": "bookauthor",
    "commentator": "commentator",
    "holder": "holder",
}
#: BCP 47 tag -> babel name, for ``langid`` written from the model.
BABEL_NAMES = {tag: name for name, tag in reversed(LANGUAGES.items())}
