"""``diprefs works duplicates`` and the import's capped near-duplicate notes (docs/cli.md)."""

from __future__ import annotations

import json

import pytest

from conftest import Run

#: Stored in this order: each later work may duplicate an earlier one, or must not.
LIBRARY = """
@article{karimov2020, author = {Karimov, Alisher}, title = {Digital diplomacy of Uzbekistan},
  journal = {Foreign Affairs}, year = 2020, doi = {10.1000/dd.1}}
@book{bjola2015, author = {Bjola, Corneliu}, title = {Digital Diplomacy: Theory and Practice},
  year = 2015, isbn = {978-1-138-84381-3}}
@article{seib2016, author = {Seib, Philip}, title = {The Future of Diplomacy}, year = 2016}
@incollection{ch1, author = {Hocking, Brian}, title = {Chapter one},
  booktitle = {Digital Diplomacy}, year = 2015, isbn = {9781138843813}}
@article{karimov2020b, author = {Karimov, A.}, title = {Digital diplomacy of Uzbekistan.},
  journal = {Foreign Affairs}, year = 2020, doi = {https://doi.org/10.1000/DD.1}}
@book{bjola2015b, author = {Bjola, C.}, title = {Digital diplomacy - theory and practice},
  year = 2015, isbn = {1-138-84381-4}}
@article{seib2016b, author = {Seib, Philip}, title = {The future of diplomacy!}, year = 2016}
@article{seib2017, author = {Seib, Philip}, title = {The future of diplomacy}, year = 2017}
@article{other2016, author = {Nye, Joseph}, title = {The future of diplomacy}, year = 2016}
"""


@pytest.fixture
def stored(tmp_path) -> Run:
    run = Run(tmp_path / "library.db")
    assert run("init", "--empty").exit_code == 0
    path = tmp_path / "refs.bib"
    path.write_text(LIBRARY, encoding="utf-8")
    assert run("import", str(path), "--on-duplicate", "keep-both").exit_code == 0
    return run


def test_json_lists_each_later_work_with_the_earlier_ones_and_why(stored):
    assert stored.json("works", "duplicates") == [
        {"key": "karimov2020b", "matches": ["karimov2020"], "reason": "same DOI"},
        {"key": "bjola2015b", "matches": ["bjola2015"], "reason": "same ISBN"},
        {"key": "seib2016b", "matches": ["seib2016"], "reason": "similar title"},
    ]


def test_the_table_says_how_many_and_names_the_pairs(stored):
    result = stored("works", "duplicates")
    assert result.exit_code == 0
    assert "3 works may duplicate works stored before them" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "seib2016b" in line)
    assert "seib2016" in row.replace("seib2016b", "") and "similar title" in row


def test_a_chapter_sharing_its_volume_isbn_is_no_duplicate(stored):
    listed = {s["key"] for s in stored.json("works", "duplicates")}
    listed |= {k for s in stored.json("works", "duplicates") for k in s["matches"]}
    assert "ch1" not in listed
    assert {"seib2017", "other2016"}.isdisjoint(listed)  # another year; another first author


def test_a_library_without_duplicates_lists_none(run):
    assert run.json("works", "duplicates") == []
    result = run("works", "duplicates")
    assert result.exit_code == 0
    assert "0 works may duplicate" in result.stdout


def test_an_import_prints_ten_near_duplicates_and_counts_the_rest(tmp_path):
    run = Run(tmp_path / "library.db")
    assert run("init", "--empty").exit_code == 0
    entries = [
        f"@article{{{key}{i}, author = {{Smith, J.}}, title = {{Title number {i}{end}}},"
        f" year = {1900 + i}}}\n"
        for i in range(13)
        for key, end in (("a", ""), ("b", "."))
    ]
    path = tmp_path / "near.bib"
    path.write_text("".join(entries), encoding="utf-8")
    result = run("import", str(path), "--json")
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if "may duplicate" in line]
    assert notes[:10] == [f"diprefs: note: b{i} may duplicate a{i}" for i in range(10)]
    assert notes[10:] == [
        "diprefs: note: 3 more may duplicate works stored before them:"
        " 'diprefs works duplicates' lists them all"
    ]
    near = json.loads(result.stdout)["near_duplicates"]
    assert [n["key"] for n in near] == [f"b{i}" for i in range(13)]
    assert [s["key"] for s in run.json("works", "duplicates")] == [f"b{i}" for i in range(13)]
