"""``diprefs stats``: the seed library in numbers, worked out from data/ by hand."""

from __future__ import annotations

import pytest

from conftest import Run
from diprefs.cli.render import bar
from diprefs.model import Citation, ReferenceEntry, Work

# From data/works.bib: issued 2024 (komolov), 2022 (mominov), 2018 (juraev), 2023 (usembassy,
# daryo), none (caravanserai); langid en ×3, uz-Latn ×1, none ×2 (usembassy, daryo).
SEED_BY_YEAR = [
    {"year": 2018, "works": 1},
    {"year": 2022, "works": 1},
    {"year": 2023, "works": 2},
    {"year": 2024, "works": 1},
    {"year": None, "works": 1},
]
# komolov2024 lists each of the five other works (caravanserai-archive twice: one work citing).
SEED_MOST_CITED = [
    {"key": k, "cited_by": 1}
    for k in ("caravanserai-archive", "daryo2023", "juraev2018", "mominov2022", "usembassy2023")
]
# data/mentions.toml: 33 people named once each; the first ten by name.
SEED_FIRST_MENTIONED = [
    "Arapov, Sh. D.",
    "Barshnikov, D. N.",
    "Bjola, Corneliu",
    "Castells, M.",
    "Dizard, W.",
    "Faizullayev, A. O.",
    "Fitzpatrick, K.",
    "Hallams, Ellen",
    "Hanson, F.",
    "Henick, Jonathan",
]


def test_json_of_the_seed(run):
    s = run.json("stats")
    assert list(s) == [
        "works",
        "scholars",
        "by_year",
        "by_type",
        "by_language",
        "most_cited",
        "most_mentioned",
        "groups",
    ]
    assert s["works"] == 6
    assert s["scholars"] == len(run.json("scholars", "list")) == 36
    assert s["by_year"] == SEED_BY_YEAR
    assert s["by_type"] == {"article-journal": 1, "book": 2, "webpage": 3}
    assert s["by_language"] == {"en": 3, "und": 2, "uz-Latn": 1}
    assert s["most_cited"] == SEED_MOST_CITED
    assert [m["name"] for m in s["most_mentioned"]] == SEED_FIRST_MENTIONED
    assert all(m["mentions"] == 1 for m in s["most_mentioned"])
    ids = {r["name"]: r["id"] for r in run.json("scholars", "list")}
    assert all(ids[m["name"]] == m["id"] for m in s["most_mentioned"])
    # The article's three groups: 8 specialists in Uzbekistan, 8 in Russia and the CIS, 15 from
    # the US and Europe; the same counts as `scholars list --group`.
    assert s["groups"] == {"russia-cis": 8, "us-europe": 15, "uzbekistan": 8}
    for group, n in s["groups"].items():
        assert len(run.json("scholars", "list", "--group", group)) == n


def test_most_cited_counts_distinct_citing_works(library):
    """A new work that lists mominov2022 and cites it twice adds one citer, not three."""
    from diprefs.storage import links
    from diprefs.storage.db import open_library, transaction
    from diprefs.storage.works import add_work, work_id

    db = open_library(library)
    with transaction(db):
        ids = {k: work_id(db, k) for k in ("mominov2022", "juraev2018")}
        ids["new2025"] = add_work(db, Work(key="new2025", title="New", dates={"issued": "2025"}))
        links.add_reference(db, ReferenceEntry("new2025", 1, "mominov2022"), ids)
        links.add_citation(db, Citation("new2025", "mominov2022", marker="[1]"), ids)
        links.add_citation(db, Citation("new2025", "mominov2022", marker="[1]"), ids)
        links.add_citation(db, Citation("new2025", "juraev2018", marker="[2]"), ids)
    db.conn.close()
    s = Run(library).json("stats")
    assert s["most_cited"][:2] == [
        {"key": "juraev2018", "cited_by": 2},
        {"key": "mominov2022", "cited_by": 2},
    ]
    assert len(s["most_cited"]) == 5
    assert s["by_year"][-2:] == [{"year": 2025, "works": 1}, {"year": None, "works": 1}]
    assert s["by_language"]["und"] == 3


def test_empty_library(tmp_path):
    run = Run(tmp_path / "empty.db")
    assert run("init", "--empty").exit_code == 0
    assert run.json("stats") == {
        "works": 0,
        "scholars": 0,
        "by_year": [],
        "by_type": {},
        "by_language": {},
        "most_cited": [],
        "most_mentioned": [],
        "groups": {},
    }
    assert run("stats").exit_code == 0


def test_terminal_output(run):
    result = run("stats")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    # 2023 has the most works (2): a full bar of 40; each other year has half of it.
    bars = {line.split()[0]: line.split()[-1] for line in lines if "█" in line}
    assert bars == {
        "2018": "█" * 20,
        "2022": "█" * 20,
        "2023": "█" * 40,
        "2024": "█" * 20,
        "n.d.": "█" * 20,
    }
    for title in ("by type", "by language", "most cited", "most mentioned", "scholars per group"):
        assert title in result.stdout
    assert "Bjola, Corneliu" in result.stdout and "us-europe" in result.stdout


@pytest.mark.parametrize(
    ("value", "top", "width", "expected"),
    [
        (1, 2, 40, "█" * 20),
        (2, 2, 40, "█" * 40),
        (1, 3, 8, "██▋"),  # 8/3 = 2.67 characters: 21 eighths = 2 full + 5/8
        (1, 1000, 40, "▏"),  # too small to see: still a sliver
        (0, 5, 40, ""),
    ],
)
def test_bar(value, top, width, expected):
    assert bar(value, top, width) == expected
