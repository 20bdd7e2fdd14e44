"""CSL-JSON <-> model mapping tables (documented in docs/csljson.md).

Source: the CSL-JSON input schema (citation-style-language/schema, schemas/input/csl-data.json,
a copy in ../shared/corpora/csl/) and the CSL 1.0.2 specification's appendix IV (variables).
Model fields and roles with no CSL variable travel in the item's ``custom`` object, under the
model's own field names; ``tests/test_csljson.py`` checks these tables against the schema.
"""

from __future__ import annotations

#: Model text field -> CSL variable. ``title`` is written as "Title: Subtitle" (what processors
#: print); the subtitle itself travels in ``custom`` so that the reader can split it off again.
TEXT_VARIABLES: dict[str, str] = {
    "title": "title",
    "title_original": "original-title",
    "container_title": "container-title",
    "collection_title": "collection-title",
    "collection_number": "collection-number",
    "publisher": "publisher",
    "publisher_place": "publisher-place",
    "edition": "edition",
    "volume": "volume",
    "number_of_volumes": "number-of-volumes",
    "issue": "issue",
    "page": "page",
    "number_of_pages": "number-of-pages",
    "genre": "genre",
    "number": "number",
    "medium": "medium",
    "doi": "DOI",
    "isbn": "ISBN",
    "issn": "ISSN",
    "url": "URL",
    "abstract": "abstract",
    "note": "note",
    "keywords": "keyword",
    "event_title": "event-title",
    "event_place": "event-place",
}

#: CSL 1.0.1's name for ``event-title``; read when ``event-title`` is absent.
EVENT_ALIAS = "event"

#: Model role -> CSL name variable, for the roles CSL has. The others (supervisor, reviewer,
#: opponent, commentator, holder) go to ``custom["names"]``.
NAME_VARIABLES: dict[str, str] = {
    role: role
    for role in (
        "author",
        "editor",
        "translator",
        "compiler",
        "contributor",
        "collection-editor",
        "container-author",
        "editorial-director",
        "director",
        "illustrator",
        "interviewer",
        "recipient",
        "chair",
        "organizer",
    )
}

#: Date kind -> CSL date variable. ``adopted``, ``received`` and ``accepted`` have none and go
#: to ``custom["dates"]`` as EDTF.
DATE_VARIABLES: dict[str, str] = {
    "issued": "issued",
    "accessed": "accessed",
    "original": "original-date",
    "event": "event-date",
    "submitted": "submitted",
    "available": "available-date",
}

#: CSL ``status`` values that stand for an ``issued`` status word (CSL has no date for them).
STATUSES = ("in press", "forthcoming")

#: Keys of ``custom`` that diprefs writes and reads: model fields (text fields, title_supplied),
#: plus these structured ones. Other tools' keys in ``custom`` are kept and written back.
CUSTOM_STRUCTURED = ("tags", "dates", "names")

# The schema's variables by JSON type (csl-data.json, items.properties); every other key is
# not CSL-JSON and is carried in ``custom`` on export so that the output validates.
STRING_VARIABLES = frozenset(
    [
        "type",
        "citation-key",
        "language",
        "journalAbbreviation",
        "shortTitle",
        "abstract",
        "annote",
        "archive",
        "archive_collection",
        "archive_location",
        "archive-place",
        "authority",
        "call-number",
        "citation-label",
        "collection-title",
        "container-title",
        "container-title-short",
        "dimensions",
        "division",
        "DOI",
        "event",
        "event-title",
        "event-place",
        "genre",
        "ISBN",
        "ISSN",
        "jurisdiction",
        "keyword",
        "medium",
        "note",
        "original-publisher",
        "original-publisher-place",
        "original-title",
        "part-title",
        "PMCID",
        "PMID",
        "publisher",
        "publisher-place",
        "references",
        "reviewed-genre",
        "reviewed-title",
        "scale",
        "section",
        "source",
        "status",
        "title",
        "title-short",
        "URL",
        "version",
        "volume-title",
        "volume-title-short",
        "year-suffix",
    ]
)
NUMBER_VARIABLES = frozenset(
    [
        "id",
        "chapter-number",
        "citation-number",
        "collection-number",
        "edition",
        "first-reference-note-number",
        "issue",
        "locator",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "page",
        "page-first",
        "part",
        "printing",
        "supplement",
        "volume",
    ]
)
NAME_LIST_VARIABLES = frozenset(
    [
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "executive-producer",
        "guest",
        "host",
        "interviewer",
        "illustrator",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ]
)
DATE_VARIABLE_NAMES = frozenset(
    ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
)
SCHEMA_VARIABLES = (
    STRING_VARIABLES
    | NUMBER_VARIABLES
    | NAME_LIST_VARIABLES
    | DATE_VARIABLE_NAMES
    | {"categories", "custom"}
)

#: Keys of a CSL name object (csl-data.json, definitions.name-variable).
NAME_KEYS = frozenset(
    [
        "family",
        "given",
        "dropping-particle",
        "non-dropping-particle",
        "suffix",
        "comma-suffix",
        "static-ordering",
        "literal",
        "parse-names",
    ]
)

#: CSL seasons 1-4 are EDTF months 21-24; citeproc-js also writes them as months 13-16.
SEASON_NAMES = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
