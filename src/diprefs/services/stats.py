"""``stats``: what the library holds, in the shape of docs/cli.md."""

from __future__ import annotations

from typing import Any

from diprefs.storage import graph, stats

#: How many works and scholars the "most" lists show.
TOP = 10


def library_stats(db: Any) -> dict[str, Any]:
    """Counts by year, type and language; the most cited works and most mentioned scholars."""
    works, scholars = stats.totals(db)
    counts = stats.mention_counts(db)
    names = graph.canonical_names(db, (sid for sid, _ in counts))
    mentioned = sorted(
        (
            {"id": sid, "name": names[sid].sort_form(), "mentions": n}
            for sid, n in counts
            if sid in names
        ),
        key=lambda r: (-r["mentions"], r["name"].casefold(), r["id"]),
    )
    return {
        "works": works,
        "scholars": scholars,
        "by_year": [{"year": y, "works": n} for y, n in stats.works_by_year(db)],
        "by_type": dict(stats.works_by_type(db)),
        "by_language": dict(stats.works_by_language(db)),
        "most_cited": [{"key": k, "cited_by": n} for k, n in stats.most_cited(db, TOP)],
        "most_mentioned": mentioned[:TOP],
        "groups": dict(stats.scholars_per_group(db)),
    }
