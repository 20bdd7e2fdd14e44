"""The schema, as append-only migrations (sqlite-utils ``Migrations``).

Never edit a migration that has shipped: add the next one below the last. ``docs/schema.md``
describes the tables; ``tests/test_schema.py`` asserts the whole schema after migrating, so a change
here without a doc and test change fails.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from diprefs.model import WORK_TEXT_FIELDS

#: 'dipr' - marks a file as a diprefs library (``PRAGMA application_id``).
APPLICATION_ID = 0x64697072

migrations = Migrations("diprefs")

_WORK_COLUMNS = ",\n    ".join(f"{name} TEXT" for name in WORK_TEXT_FIELDS if name != "type")

M001_SQL = f"""
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    dialect TEXT NOT NULL,
    encoding TEXT,
    imported_at TEXT NOT NULL
);
CREATE TABLE source_blocks (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('string', 'preamble', 'comment')),
    key TEXT,
    value TEXT NOT NULL
);
CREATE INDEX idx_source_blocks_source ON source_blocks(source_id, position);
CREATE TABLE works (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL DEFAULT 'document',
    {_WORK_COLUMNS},
    title_supplied INTEGER NOT NULL DEFAULT 0,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    source_position INTEGER,
    source_line INTEGER,
    source_dialect TEXT,
    source_type TEXT,
    source_key TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_works_doi ON works(doi);
CREATE INDEX idx_works_isbn ON works(isbn);
CREATE TABLE source_fields (
    work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    inherited_from TEXT,
    PRIMARY KEY (work_id, position)
) WITHOUT ROWID;
CREATE TABLE dates (
    work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    edtf TEXT NOT NULL,
    year INTEGER,
    month INTEGER,
    day INTEGER,
    end_year INTEGER,
    end_month INTEGER,
    end_day INTEGER,
    approximate INTEGER NOT NULL DEFAULT 0,
    uncertain INTEGER NOT NULL DEFAULT 0,
    status TEXT,
    literal TEXT,
    PRIMARY KEY (work_id, kind)
) WITHOUT ROWID;
CREATE INDEX idx_dates_year ON dates(kind, year);
CREATE TABLE tags (
    work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (work_id, tag)
) WITHOUT ROWID;
CREATE INDEX idx_tags_tag ON tags(tag);
CREATE TABLE scholars (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
    gender TEXT CHECK (gender IN ('m', 'f')),
    affiliation TEXT,
    country TEXT,
    orcid TEXT,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE names (
    id INTEGER PRIMARY KEY,
    scholar_id INTEGER REFERENCES scholars(id) ON DELETE SET NULL,
    canonical INTEGER NOT NULL DEFAULT 0,
    family TEXT,
    given TEXT,
    particle TEXT,
    suffix TEXT,
    patronymic TEXT,
    literal TEXT,
    genitive TEXT,
    script TEXT,
    fold TEXT NOT NULL,
    match_key TEXT NOT NULL
);
CREATE INDEX idx_names_scholar ON names(scholar_id);
CREATE INDEX idx_names_fold ON names(fold);
CREATE INDEX idx_names_match_key ON names(match_key);
CREATE UNIQUE INDEX idx_names_one_canonical ON names(scholar_id) WHERE canonical = 1;
CREATE TABLE contributors (
    work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    name_id INTEGER NOT NULL REFERENCES names(id),
    printed TEXT NOT NULL,
    PRIMARY KEY (work_id, role, position)
) WITHOUT ROWID;
CREATE INDEX idx_contributors_name ON contributors(name_id);
CREATE TABLE reference_entries (
    id INTEGER PRIMARY KEY,
    citing_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT,
    printed TEXT,
    cited_id INTEGER REFERENCES works(id),
    UNIQUE (citing_id, position)
);
CREATE INDEX idx_reference_entries_cited ON reference_entries(cited_id);
CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    citing_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    cited_id INTEGER NOT NULL REFERENCES works(id),
    position INTEGER NOT NULL,
    marker TEXT,
    locator_label TEXT,
    locator TEXT,
    context TEXT,
    form TEXT NOT NULL DEFAULT 'in-text' CHECK (form IN ('in-text', 'footnote')),
    note_text TEXT,
    UNIQUE (citing_id, position)
);
CREATE INDEX idx_citations_cited ON citations(cited_id);
CREATE TABLE mention_groups (
    work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    label TEXT,
    PRIMARY KEY (work_id, id)
) WITHOUT ROWID;
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name_id INTEGER NOT NULL REFERENCES names(id),
    printed TEXT NOT NULL,
    group_id TEXT,
    sentence TEXT,
    FOREIGN KEY (work_id, group_id) REFERENCES mention_groups(work_id, id),
    UNIQUE (work_id, position)
);
CREATE INDEX idx_mentions_name ON mentions(name_id);
CREATE VIRTUAL TABLE works_fts USING fts5(
    title, container, abstract, keywords, note, names, name_keys,
    tokenize = "unicode61 remove_diacritics 2"
);
"""


@migrations()
def m001_initial(db: Database) -> None:
    """Works, scholars and their names, citations, mentions, the lossless source, FTS."""
    for statement in M001_SQL.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m002_given_name_keys(db: Database) -> None:
    """Search keys for given names as well as family names (``search Xusanboy`` finds works by
    Husanboy Mominov): every work's search row is built again."""
    _index_every_work(db)


@migrations()
def m003_genitive_spellings(db: Database) -> None:
    """Names' genitive forms in the search rows ("Грязнова" finds the works he edited, as the
    list prints him): every work's search row is built again."""
    _index_every_work(db)


def _index_every_work(db: Database) -> None:
    """Build every work's search row again, as the search row builder now makes them."""
    from diprefs.storage.works import index_work

    for (wid,) in db.execute("SELECT id FROM works").fetchall():
        index_work(db, wid)
