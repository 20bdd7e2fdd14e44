"""The whole schema after migrating, the library's identity, and the FTS index being filled."""

from __future__ import annotations

import sqlite3

from diprefs.model import WORK_TEXT_FIELDS
from diprefs.storage.schema import APPLICATION_ID

EXPECTED_COLUMNS = {
    "sources": ["id", "path", "dialect", "encoding", "imported_at"],
    "source_blocks": ["id", "source_id", "position", "kind", "key", "value"],
    "works": [
        "id",
        "key",
        "type",
        "language",
        "title",
        "subtitle",
        "title_addon",
        "title_translated",
        "title_original",
        "container_title",
        "container_title_latin",
        "collection_title",
        "collection_number",
        "publisher",
        "publisher_place",
        "edition",
        "volume",
        "number_of_volumes",
        "issue",
        "page",
        "number_of_pages",
        "genre",
        "number",
        "medium",
        "doi",
        "isbn",
        "issn",
        "url",
        "abstract",
        "note",
        "keywords",
        "degree",
        "speciality_code",
        "speciality",
        "institution",
        "legal_kind",
        "event_title",
        "event_place",
        "title_supplied",
        "source_id",
        "source_position",
        "source_line",
        "source_dialect",
        "source_type",
        "source_key",
        "created_at",
        "updated_at",
    ],
    "source_fields": ["work_id", "position", "name", "value", "inherited_from"],
    "dates": [
        "work_id",
        "kind",
        "edtf",
        "year",
        "month",
        "day",
        "end_year",
        "end_month",
        "end_day",
        "approximate",
        "uncertain",
        "status",
        "literal",
    ],
    "tags": ["work_id", "tag"],
    "scholars": ["id", "kind", "gender", "affiliation", "country", "orcid", "note", "created_at"],
    "names": [
        "id",
        "scholar_id",
        "canonical",
        "family",
        "given",
        "particle",
        "suffix",
        "patronymic",
        "literal",
        "genitive",
        "script",
        "fold",
        "match_key",
    ],
    "contributors": ["work_id", "role", "position", "name_id", "printed"],
    "reference_entries": ["id", "citing_id", "position", "label", "printed", "cited_id"],
    "citations": [
        "id",
        "citing_id",
        "cited_id",
        "position",
        "marker",
        "locator_label",
        "locator",
        "context",
        "form",
        "note_text",
    ],
    "mention_groups": ["work_id", "id", "label"],
    "mentions": ["id", "work_id", "position", "name_id", "printed", "group_id", "sentence"],
    "works_fts": ["title", "container", "abstract", "keywords", "note", "names", "name_keys"],
    "_sqlite_migrations": ["id", "migration_set", "name", "applied_at"],
}

EXPECTED_INDEXES = {
    "idx_source_blocks_source",
    "idx_works_doi",
    "idx_works_isbn",
    "idx_dates_year",
    "idx_tags_tag",
    "idx_names_scholar",
    "idx_names_fold",
    "idx_names_match_key",
    "idx_names_one_canonical",
    "idx_contributors_name",
    "idx_reference_entries_cited",
    "idx_citations_cited",
    "idx_mentions_name",
    "idx__sqlite_migrations_migration_set_name",
}


def _connect(path):
    return sqlite3.connect(path)


def test_full_schema(library):
    conn = _connect(library)
    tables = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("works_fts_") and not r[0].startswith("sqlite_")
    }
    assert tables == set(EXPECTED_COLUMNS)
    for table, columns in EXPECTED_COLUMNS.items():
        assert [r[1] for r in conn.execute(f"PRAGMA table_info({table})")] == columns, table
    indexes = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        if r[0].startswith("idx_")
    }
    assert indexes == EXPECTED_INDEXES


def test_work_columns_follow_the_model(library):
    conn = _connect(library)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(works)")]
    assert all(f in columns for f in WORK_TEXT_FIELDS)


def test_migrations_are_recorded_and_the_file_is_marked(library):
    conn = _connect(library)
    rows = conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
    assert rows == [
        ("diprefs", "m001_initial"),
        ("diprefs", "m002_given_name_keys"),
        ("diprefs", "m003_genitive_spellings"),
    ]
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_connection_settings(library):
    from diprefs.storage.db import open_library

    db = open_library(library)
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


def test_foreign_keys_are_enforced(library):
    import pytest

    from diprefs.storage.db import open_library

    db = open_library(library)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO tags (work_id, tag) VALUES (9999, 'x')")


def test_fts_index_is_filled(library):
    conn = _connect(library)
    count = conn.execute("SELECT count(*) FROM works_fts").fetchone()[0]
    assert count == conn.execute("SELECT count(*) FROM works").fetchone()[0] == 6

    def keys(query: str) -> set[str]:
        return {
            r[0]
            for r in conn.execute(
                "SELECT w.key FROM works_fts JOIN works w ON w.id = works_fts.rowid"
                " WHERE works_fts MATCH ?",
                [query],
            )
        }

    assert keys("diplomacy") == {"komolov2024", "juraev2018"}
    assert keys("names:husanboy") == {"komolov2024", "mominov2022"}  # every variant indexed
    assert keys("names:khusanboy") == {"komolov2024", "mominov2022"}
    assert keys("abstract:shortcomings") == {"komolov2024"}
    assert keys("keywords:flir") == {"komolov2024"}
    assert keys("container:caravanserai") == {"caravanserai-archive"}
