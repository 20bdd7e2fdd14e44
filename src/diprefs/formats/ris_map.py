"""RIS <-> model mapping tables (documented in docs/ris.md).

Sources: the RIS format specification (Research Information Systems / Thomson Reuters, "RIS
Format Specifications", 2011 revision: reference types and tags) and Zotero's RIS translator
(zotero/translators, RIS.js), whose type-dependent choices (A2/A3 of a book, SP as the page count of
a book or thesis, PB as the university of a thesis, SN as ISSN or ISBN) are what other tools expect.
Tags not named here are not lost: every line of a record is kept in the work's source record and
written again when the work is exported as RIS.
"""

from __future__ import annotations

#: TY -> CSL type, for every type of the RIS specification plus Zotero's aliases (GRNT, UNPD).
TYPES: dict[str, str] = {
    "ABST": "article-journal",
    "ADVS": "motion_picture",
    "AGGR": "dataset",
    "ANCIENT": "classic",
    "ART": "graphic",
    "BILL": "bill",
    "BLOG": "post-weblog",
    "BOOK": "book",
    "CASE": "legal_case",
    "CHAP": "chapter",
    "CHART": "figure",
    "CLSWK": "classic",
    "COMP": "software",
    "CONF": "paper-conference",  # "conference proceeding"; Scopus writes it for papers
    "CPAPER": "paper-conference",
    "CTLG": "document",
    "DATA": "dataset",
    "DBASE": "dataset",
    "DICT": "entry-dictionary",
    "EBOOK": "book",
    "ECHAP": "chapter",
    "EDBOOK": "book",
    "EJOUR": "article-journal",
    "ELEC": "webpage",
    "ENCYC": "entry-encyclopedia",
    "EQUA": "figure",
    "FIGURE": "figure",
    "GEN": "document",
    "GOVDOC": "report",
    "GRANT": "document",
    "GRNT": "document",
    "HEAR": "hearing",
    "ICOMM": "personal_communication",
    "INPR": "article-journal",
    "JFULL": "periodical",
    "JOUR": "article-journal",
    "LEGAL": "regulation",
    "MANSCPT": "manuscript",
    "MAP": "map",
    "MGZN": "article-magazine",
    "MPCT": "motion_picture",
    "MULTI": "motion_picture",
    "MUSIC": "musical_score",
    "NEWS": "article-newspaper",
    "PAMP": "pamphlet",
    "PAT": "patent",
    "PCOMM": "personal_communication",
    "RPRT": "report",
    "SER": "periodical",
    "SLIDE": "speech",
    "SOUND": "song",
    "STAND": "standard",
    "STAT": "legislation",
    "THES": "thesis",
    "UNBILL": "bill",
    "UNPB": "manuscript",
    "UNPD": "manuscript",
    "VIDEO": "motion_picture",
}

#: CSL type -> TY written. Types RIS lacks become GEN (read back as ``document``).
TY_FOR: dict[str, str] = {
    "article": "GEN",
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "bill": "BILL",
    "book": "BOOK",
    "broadcast": "MPCT",
    "chapter": "CHAP",
    "classic": "CLSWK",
    "collection": "GEN",
    "dataset": "DATA",
    "document": "GEN",
    "entry": "GEN",
    "entry-dictionary": "DICT",
    "entry-encyclopedia": "ENCYC",
    "event": "GEN",
    "figure": "FIGURE",
    "graphic": "ART",
    "hearing": "HEAR",
    "interview": "PCOMM",
    "legal_case": "CASE",
    "legislation": "STAT",
    "manuscript": "MANSCPT",
    "map": "MAP",
    "motion_picture": "MPCT",
    "musical_score": "MUSIC",
    "pamphlet": "PAMP",
    "paper-conference": "CPAPER",
    "patent": "PAT",
    "performance": "GEN",
    "periodical": "JFULL",
    "personal_communication": "PCOMM",
    "post": "ICOMM",
    "post-weblog": "BLOG",
    "regulation": "LEGAL",
    "report": "RPRT",
    "review": "JOUR",
    "review-book": "JOUR",
    "software": "COMP",
    "song": "SOUND",
    "speech": "SLIDE",
    "standard": "STAND",
    "thesis": "THES",
    "treaty": "GEN",
    "webpage": "ELEC",
}

#: Model text field -> tags read, first present wins; the first tag is the one written.
TEXT_TAGS: dict[str, tuple[str, ...]] = {
    "title": ("TI", "T1", "CT"),
    "title_translated": ("TT",),
    "title_original": ("OP",),
    "container_title": ("T2", "JF", "JO", "JA", "BT"),
    "collection_title": ("T3",),
    "volume": ("VL",),
    "issue": ("IS",),
    "edition": ("ET",),
    "number_of_volumes": ("NV",),
    "publisher_place": ("CY",),
    "publisher": ("PB",),
    "doi": ("DO",),
    "url": ("UR",),
    "language": ("LA",),
    "number": ("M1",),
    "genre": ("M3",),
    "abstract": ("AB", "N2"),
    "note": ("N1",),
}

#: Contributor role -> tag written. Read: AU/A1 author, A2 editor, A3 collection-editor, A4
#: translator, ED editor. Other roles have no RIS tag and are not written.
ROLE_TAGS: dict[str, str] = {
    "author": "AU",
    "editor": "A2",
    "collection-editor": "A3",
    "translator": "A4",
}
READ_ROLE_TAGS: dict[str, str] = {
    "AU": "author",
    "A1": "author",
    "A2": "editor",
    "A3": "collection-editor",
    "A4": "translator",
    "ED": "editor",
}
#: A whole book's A2 is its series editor and A3 its editor (Zotero, EndNote).
BOOK_TYS = frozenset({"BOOK", "EBOOK", "EDBOOK"})
BOOK_ROLE_SWAP = {"editor": "collection-editor", "collection-editor": "editor"}

#: Types whose SP (without EP) is the number of pages (Zotero: book, thesis, manuscript).
PAGE_COUNT_TYS = frozenset({"BOOK", "EBOOK", "EDBOOK", "THES", "MANSCPT", "UNPB"})
#: Types whose PB is the issuing institution (a thesis's university, a report's body).
INSTITUTION_TYS = frozenset({"THES", "RPRT", "GOVDOC"})
#: Types whose SN is an ISSN (for the rest it is an ISBN unless it looks like an ISSN).
SERIAL_TYS = frozenset({"JOUR", "EJOUR", "MGZN", "NEWS", "JFULL", "INPR", "ABST"})

#: Tags whose continuation lines are separate lines of text (others are joined by a space).
MULTILINE_TAGS = frozenset({"AB", "N1", "N2"})

#: Every tag the reader maps into the model; the others are written back from the source record.
MAPPED_TAGS = frozenset(
    {"TY", "ID", "ER", "PY", "Y1", "DA", "Y2", "SP", "EP", "SN", "KW"}
    | {tag for tags in TEXT_TAGS.values() for tag in tags}
    | set(READ_ROLE_TAGS)
)

#: RIS "other info" season words (and their Russian names) -> EDTF month 21-24.
SEASONS: dict[str, int] = {
    "spring": 21,
    "summer": 22,
    "autumn": 23,
    "fall": 23,
    "winter": 24,
    "весна": 21,
    "лето": 22,
    "осень": 23,
    "зима": 24,
}
SEASON_WORDS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
