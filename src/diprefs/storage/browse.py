"""Read-only SQL for browsing the library in Datasette: canned queries and full-text search.

The queries call two SQL functions that ``services.serve`` registers on every connection:
``diprefs_fold(text)`` and ``diprefs_match_key(text)``, the same folding and match keys the
``names`` table stores, so "juraev", "Jurayev" and "Жураев" find one scholar.
"""

from __future__ import annotations

from diprefs.names.keys import fold, match_key

#: SQL function name -> Python function, registered on each Datasette connection.
SQL_FUNCTIONS = {"diprefs_fold": fold, "diprefs_match_key": match_key}

SCHOLAR_WORKS = """
-- The works of every scholar one of whose names matches :name (a family name, or a whole name
-- as written), under whichever variant each work printed.
WITH wanted AS (
  SELECT DISTINCT scholar_id FROM names
  WHERE scholar_id IS NOT NULL AND (
    fold = diprefs_fold(:name)
    OR ' ' || fold || ' ' LIKE '% ' || diprefs_fold(:name) || ' %'
    OR match_key = diprefs_match_key(:name)
  )
)
SELECT
  n.scholar_id AS scholar,
  (SELECT coalesce(cn.literal, cn.family || coalesce(', ' || cn.given, ''))
     FROM names cn WHERE cn.scholar_id = n.scholar_id AND cn.canonical = 1) AS canonical_name,
  c.printed AS printed_as,
  c.role,
  w.key,
  d.year,
  w.title
FROM contributors c
JOIN names n ON n.id = c.name_id
JOIN works w ON w.id = c.work_id
LEFT JOIN dates d ON d.work_id = w.id AND d.kind = 'issued'
WHERE n.scholar_id IN (SELECT scholar_id FROM wanted)
ORDER BY n.scholar_id, d.year, w.key, c.role
"""

REFERENCE_LIST = """
-- The printed reference list of the work :key, in order, with the work behind each item.
SELECT r.position, r.label, r.printed, cited.key AS cited_key, cited.title AS cited_title
FROM reference_entries r
JOIN works w ON w.id = r.citing_id
LEFT JOIN works cited ON cited.id = r.cited_id
WHERE w.key = :key
ORDER BY r.position
"""

MOST_CITED = """
-- Works by the number of distinct works that list or cite them (as in diprefs stats).
SELECT w.key, w.title, count(DISTINCT x.citing_id) AS cited_by
FROM (
  SELECT citing_id, cited_id FROM reference_entries WHERE cited_id IS NOT NULL
  UNION SELECT citing_id, cited_id FROM citations
) x
JOIN works w ON w.id = x.cited_id
GROUP BY w.id
ORDER BY cited_by DESC, w.key
"""

#: Canned query name -> (title, SQL).
CANNED = {
    "scholar_works": ("A scholar's works, across all their variants", SCHOLAR_WORKS),
    "reference_list": ("A work's reference list, in order", REFERENCE_LIST),
    "most_cited": ("The most-cited works", MOST_CITED),
}

#: The FTS5 table over works (its rowid is ``works.id``; see storage/works.index_work).
WORKS_FTS = ("works", "works_fts", "id")
