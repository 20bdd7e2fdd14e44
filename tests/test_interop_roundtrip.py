"""Round trips across formats, and pandoc's citeproc as an outside reader of our CSL-JSON.

BibTeX -> diprefs -> CSL-JSON -> diprefs keeps every field of the model: what a CSL variable
cannot hold travels in ``custom``. What it cannot keep is the BibTeX *source record* (entry type and
field names as written, raw LaTeX, @string macros, fields the model does not map); the tests below
name it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from diprefs.formats.bibtex import read_bibtex
from diprefs.formats.csljson import read_csljson, write_csljson
from diprefs.formats.ris import read_ris, write_ris
from diprefs.model import Work

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SEED_BIB = Path(__file__).resolve().parents[1] / "src" / "diprefs" / "data" / "works.bib"
EXAMPLES = "biblatex/biblatex-examples.bib"
#: Corpus files (and how many entries of each) the model-level round trips run over.
SLICES = {
    EXAMPLES: None,
    "biblatex/biblatex-apa-test-references.bib": 120,
    "cyrillic/biblatex-gost-examples.bib": 250,
    "cyrillic/gost-bibtex-examples-utf8.bib": None,
    "cyrillic/russian-phd-template-external.bib": None,
    "messy/jabref-5.1-groups-1641.bib": None,
    "large/glottolog-zurich-1000.bib": 300,
}


def _corpus(name: str) -> Path:
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"corpus file {path} is not there (../shared/corpora is read-only input)")
    return path


def _works(name: str, limit: int | None = None) -> list[Work]:
    result = read_bibtex(_corpus(name).read_text(encoding="utf-8"), file=name)
    seen: set[str] = set()
    works = []
    for work in result.works:  # a file's duplicate keys are the importer's business
        if work.key and work.key not in seen:
            seen.add(work.key)
            works.append(work)
    return works[:limit]


def _plain(work: Work) -> Work:
    order = sorted(work.contributors, key=lambda c: (c.role != "author", c.role))
    return replace(work, source=None, contributors=tuple(order))


# --- BibTeX -> model -> CSL-JSON -> model ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SLICES))
def test_bibtex_to_csljson_and_back_keeps_the_whole_model(name):
    works = _works(name, SLICES[name])
    back = read_csljson(write_csljson(works), file="out.json")
    assert back.problems == []
    assert [_plain(w) for w in back.works] == [_plain(w) for w in works]


def test_the_seed_bib_file_round_trips_through_csljson():
    works = read_bibtex(SEED_BIB.read_text(encoding="utf-8"), file="works.bib").works
    back = read_csljson(write_csljson(works)).works
    assert [_plain(w) for w in back] == [_plain(w) for w in works]


def test_bibtex_exported_after_a_csljson_trip_equals_bibtex_from_the_model():
    """The CSL-JSON step is invisible to a BibLaTeX export written from the model."""
    from diprefs.formats.bibtex_writer import write_bibtex

    works = _works(EXAMPLES)
    back = read_csljson(write_csljson(works)).works
    direct = write_bibtex([_plain(w) for w in works], [], dialect="biblatex")
    assert write_bibtex(back, [], dialect="biblatex") == direct


def test_what_csljson_cannot_carry_is_the_bibtex_source_record():
    from diprefs.formats.bibtex_writer import write_bibtex

    aksin = next(w for w in _works(EXAMPLES) if w.key == "aksin")
    back = read_csljson(write_csljson([aksin])).works[0]
    raw = write_bibtex([aksin], [], dialect="biblatex")
    after = write_bibtex([back], [], dialect="biblatex")
    # the source record: the @string macro as written, LaTeX spelling, unmapped fields
    assert "journaltitle = jomch" in re.sub(r"\s+", " ", raw)
    assert "indextitle" in raw and "indextitle" not in after
    assert "{Pd-N}" in raw and "{Pd-N}" not in after  # braces that protect case
    assert r"Aks{\i}n" in after  # names as printed are carried in custom
    assert back.source.dialect == "csljson" and aksin.source.dialect == "biblatex"
    # ... while the model's value is the same
    assert back.container_title == aksin.container_title


# --- pandoc's citeproc reads our CSL-JSON ------------------------------------------------------


@pytest.fixture(scope="module")
def pandoc():
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary is in the test extra")
    try:
        pypandoc.get_pandoc_version()
    except OSError:
        pytest.skip("pypandoc is installed but no pandoc binary came with it or is on PATH")
    return pypandoc


def _rendered_ids(pandoc, items_json: str, tmp_path: Path) -> list[str]:
    refs = tmp_path / "refs.json"
    refs.write_text(items_json, encoding="utf-8")
    html = pandoc.convert_text(
        "---\nnocite: '@*'\n---\n",
        "html",
        format="markdown",
        extra_args=["--citeproc", f"--bibliography={refs}"],
    )
    return re.findall(r'<div id="ref-([^"]+)" class="csl-entry"', html)


def test_pandoc_renders_every_work_of_the_seed_library(pandoc, seeded_template, tmp_path):
    from diprefs.storage import works
    from diprefs.storage.db import open_library

    db = open_library(seeded_template)
    seed = [works.get_work(db, key) for key in works.all_keys(db)]
    db.conn.close()
    ids = _rendered_ids(pandoc, write_csljson(seed), tmp_path)
    assert sorted(ids) == sorted(w.key for w in seed)


def test_pandoc_renders_every_work_of_biblatex_examples(pandoc, tmp_path):
    examples = _works(EXAMPLES)
    assert len(examples) == 92
    ids = _rendered_ids(pandoc, write_csljson(examples), tmp_path)
    assert sorted(ids) == sorted(w.key for w in examples)


def test_pandoc_prints_names_places_and_years_as_we_mean_them(pandoc, tmp_path):
    seed = read_bibtex(SEED_BIB.read_text(encoding="utf-8")).works
    refs = tmp_path / "refs.json"
    refs.write_text(write_csljson(seed), encoding="utf-8")
    html = pandoc.convert_text(
        "---\nnocite: '@*'\n---\n",
        "html",
        format="markdown",
        extra_args=["--citeproc", f"--bibliography={refs}", "--wrap=none"],
    )
    entries = dict(
        re.findall(r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>\s*(.*?)\s*</div>', html)
    )
    assert entries["komolov2024"].startswith("Komolov, Mavlonbek Zafarjon ugli. 2024.")
    assert entries["usembassy2023"].startswith("US Embassy in Uzbekistan. 2023.")
    assert "<em>Digital History</em>" in entries["mominov2022"]
    assert "Nurafshon business" in entries["mominov2022"]


# --- BibTeX -> model -> RIS -> model -----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SLICES))
def test_every_work_survives_a_ris_trip_with_its_names_and_year(name):
    works = _works(name, SLICES[name])
    back = read_ris(write_ris(works), file="out.ris")
    assert back.problems == []
    assert len(back.works) == len(works)
    for before, after in zip(works, back.works, strict=True):
        assert after.key == before.key
        kept = ("author", "editor", "collection-editor", "translator")
        # RIS has no particle field: "van Gogh" comes back as one family name
        names = [(c.role, c.name.sort_form().split(",")[0]) for c in before.contributors]
        assert [(c.role, c.name.sort_form().split(",")[0]) for c in after.contributors] == sorted(
            (n for n in names if n[0] in kept), key=lambda n: (n[0] != "author", n[0])
        )
        year = re.match(r"\d{4}", before.issued)
        if year:
            assert after.issued.startswith(year.group(0))


def test_rispy_reads_every_record_we_write(tmp_path):
    rispy = pytest.importorskip("rispy", reason="rispy is in the test extra")
    works = _works("cyrillic/biblatex-gost-examples.bib", 250)
    entries = rispy.loads(write_ris(works))
    assert len(entries) == len(works)
    for work, entry in zip(works, entries, strict=True):
        assert len(entry.get("authors", [])) == len(work.names("author"))


# --- import --format auto tells the formats apart by content ---------------------------------

CSL_TEXT = '[{"id": "fromjson", "type": "book", "title": "From JSON"}]\n'
RIS_TEXT = "\ufeffTY  - BOOK\r\nID  - fromris\r\nTI  - From RIS\r\nER  - \r\n"
BIB_TEXT = "@book{frombib, title = {From BibTeX}, date = {2020}}\n"


def test_auto_reads_each_file_by_its_content_not_its_name(run, tmp_path):
    files = {"refs.bib": CSL_TEXT, "refs.txt": RIS_TEXT, "refs.ris": BIB_TEXT}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("import", *(str(tmp_path / name) for name in files))
    assert result.exit_code == 0, result.stderr
    dialects = {
        key: run.json("works", "show", key)["source"]["dialect"]
        for key in ("fromjson", "fromris", "frombib")
    }
    assert dialects == {"fromjson": "csljson", "fromris": "ris", "frombib": "biblatex"}


def test_an_explicit_format_is_obeyed(run, tmp_path):
    path = tmp_path / "refs.json"
    path.write_text(CSL_TEXT, encoding="utf-8")
    result = run("import", "--format", "ris", str(path))
    assert result.exit_code == 5  # no TY line: no RIS records in it
    assert run("import", "--format", "csljson", str(path)).exit_code == 0


def test_export_in_every_format_then_import_by_content(run, tmp_path):
    from conftest import Run

    for fmt in ("csljson", "ris", "biblatex", "bibtex"):
        out = tmp_path / f"library.{fmt}.txt"
        assert run("export", "--format", fmt, "-o", str(out)).exit_code == 0
        fresh = Run(tmp_path / f"{fmt}.db")
        assert fresh("init", "--empty").exit_code == 0
        result = fresh("import", str(out))
        assert result.exit_code == 0, (fmt, result.stderr)
        assert [w["key"] for w in fresh.json("works", "list")] == [
            w["key"] for w in run.json("works", "list")
        ]
