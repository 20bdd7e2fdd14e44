"""RIS: the tag and type tables, names, dates, the BOM, bad records, and rispy as a second reader.

Expected records are written out by hand from the tables in docs/ris.md.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diprefs.formats import ris_map
from diprefs.formats.ris import (
    BadRecord,
    looks_like_ris,
    read_ris,
    read_ris_name,
    ris_date,
    ris_name,
    write_ris,
)
from diprefs.model import WORK_TYPES, Contributor, Name, Work
from diprefs.names.parse import OTHERS


@pytest.fixture(scope="session")
def seed_works(seeded_template):
    from diprefs.storage import works
    from diprefs.storage.db import open_library

    db = open_library(seeded_template)
    try:
        return [works.get_work(db, key) for key in works.all_keys(db)]
    finally:
        db.conn.close()


def _one(text: str) -> Work:
    result = read_ris(text, file="refs.ris")
    assert not result.problems, [str(p) for p in result.problems]
    assert len(result.works) == 1
    return result.works[0]


# --- the tables ----------------------------------------------------------------------------


def test_every_csl_type_has_a_ty_and_every_ty_a_csl_type():
    assert set(ris_map.TY_FOR) == set(WORK_TYPES)
    assert set(ris_map.TY_FOR.values()) <= set(ris_map.TYPES)
    assert set(ris_map.TYPES.values()) <= set(WORK_TYPES)


@pytest.mark.parametrize("csl", sorted(WORK_TYPES))
def test_a_type_comes_back_when_ris_has_its_own_ty(csl):
    work = _one(write_ris([Work(key="k", type=csl, title="T")]))
    ty = ris_map.TY_FOR[csl]
    assert work.type == ris_map.TYPES[ty]
    if ty != "GEN" and csl not in ("interview", "broadcast", "post", "review", "review-book"):
        assert work.type == csl


# --- writing the seed ------------------------------------------------------------------------


def test_juraev2018_as_ris(seed_works):
    work = next(w for w in seed_works if w.key == "juraev2018")
    assert write_ris([work]) == (
        "TY  - BOOK\n"
        "ID  - juraev2018\n"
        "AU  - Juraev, F. S.\n"
        "TI  - Digital diplomacy in the foreign policy of a national state\n"
        "PY  - 2018\n"
        "SP  - 80\n"  # a book's SP is its page count
        "CY  - Tashkent\n"
        "PB  - Institute of Strategic and Interregional Studies under the President of the"
        " Republic of Uzbekistan\n"
        "LA  - en\n"
        "ER  - \n"
    )


def test_komolov2024_as_ris(seed_works):
    work = next(w for w in seed_works if w.key == "komolov2024")
    lines = write_ris([work]).splitlines()
    assert lines[:7] == [
        "TY  - JOUR",
        "ID  - komolov2024",
        "AU  - Komolov, Mavlonbek Zafarjon ugli",  # the supervisor has no RIS tag
        "TI  - The development of digital diplomacy and its study in Uzbekistan",
        "PY  - 2024",
        "DA  - 2024/02/24/",
        "LA  - en",
    ]
    assert [line for line in lines if line.startswith("KW")] == [
        "KW  - Digital diplomacy",
        "KW  - e-diplomacy",
        "KW  - FLIR",
        "KW  - ICT",
        "KW  - F.M. Mukhtorov",
        "KW  - D.B. Saifullayev",
        "KW  - A.S. Sayfiddinov",
        "KW  - S.A. Jurayev",
    ]
    assert lines[-2:] == [f"AB  - {work.abstract}", "ER  - "]


def _ris_view(work: Work) -> Work:
    """What RIS carries of a work (docs/ris.md, "What RIS does not carry")."""
    kept = {"author", "editor", "collection-editor", "translator"}
    return Work(
        key=work.key,
        type=work.type,
        language=work.language,
        title=": ".join(p for p in (work.title, work.subtitle) if p),
        title_translated=work.title_translated,
        title_original=work.title_original,
        container_title=work.container_title,
        collection_title=work.collection_title,
        publisher=work.publisher,
        publisher_place=work.publisher_place,
        edition=work.edition,
        volume=work.volume,
        number_of_volumes=work.number_of_volumes,
        issue=work.issue,
        page=work.page,
        number_of_pages=work.number_of_pages,
        genre=work.genre,
        number=work.number,
        doi=work.doi,
        isbn=work.isbn,
        issn=work.issn,
        url=work.url,
        abstract=work.abstract,
        note=work.note,
        keywords=work.keywords,
        institution=work.institution,
        dates={k: v for k, v in work.dates.items() if k in ("issued", "accessed")},
        contributors=tuple(
            Contributor(c.name, c.role) for c in work.contributors if c.role in kept
        ),
    )


def test_the_seed_library_reads_back_as_far_as_ris_goes(seed_works):
    back = read_ris(write_ris(seed_works), file="seed.ris")
    assert back.problems == []
    assert [_ris_view(w) for w in back.works] == [_ris_view(w) for w in seed_works]


def test_what_ris_cannot_carry_is_named(seed_works):
    back = {w.key: w for w in read_ris(write_ris(seed_works)).works}
    komolov = back["komolov2024"]
    assert komolov.dates == {"issued": "2024-02-24"}  # received and accepted: no tag
    assert [c.role for c in komolov.contributors] == ["author"]  # supervisor: no tag
    assert not back["daryo2023"].title_supplied  # RIS cannot say a title was supplied
    assert back["juraev2018"].title_addon == ""  # nor "other title information"
    assert back["juraev2018"].source.dialect == "ris"  # the .bib source record is not carried


# --- reading --------------------------------------------------------------------------------

SCOPUS = (
    "\ufeffProvider: Example\r\n"
    "\r\n"
    "TY  - JOUR\r\n"
    "AU  - Жураев, Фаррух Собирович\r\n"
    "AU  - Smith, John, Jr.\r\n"
    "AU  - Юнусова, Д.\r\n"
    "A2  - Каримов, А.\r\n"
    "A2  - van der Berg, Jan\r\n"
    "TI  - Цифровая дипломатия Узбекистана\r\n"
    "T2  - Вестник МГИМО-Университета\r\n"
    "PY  - 2021\r\n"
    "DA  - 2021/03/15/\r\n"
    "VL  - 14\r\n"
    "IS  - 2\r\n"
    "SP  - 45\r\n"
    "EP  - 67\r\n"
    "SN  - 2071-8160\r\n"
    "DO  - 10.24833/2071-8160-2021-2-77-45-67\r\n"
    "UR  - https://example.org/a\r\n"
    "LA  - Russian\r\n"
    "KW  - дипломатия\r\n"
    "KW  - Узбекистан\r\n"
    "AB  - First line of the abstract\r\n"
    "continues here.\r\n"
    "DB  - Scopus\r\n"
    "ER  - \r\n"
)


def test_a_scopus_style_record_with_cyrillic_and_a_bom():
    work = _one(SCOPUS)
    assert work.key == ""  # no ID: the importer makes a key up
    assert work.type == "article-journal"
    assert [(c.role, c.name) for c in work.contributors] == [
        ("author", Name(family="Жураев", given="Фаррух", patronymic="Собирович")),
        ("author", Name(family="Smith", given="John", suffix="Jr.")),
        ("author", Name(family="Юнусова", given="Д.")),
        ("editor", Name(family="Каримов", given="А.")),
        ("editor", Name(family="Berg", given="Jan", particle="van der")),
    ]
    assert work.contributors[0].printed == "Жураев, Фаррух Собирович"
    assert work.title == "Цифровая дипломатия Узбекистана"
    assert work.container_title == "Вестник МГИМО-Университета"
    assert work.dates == {"issued": "2021-03-15"}
    assert (work.volume, work.issue, work.page) == ("14", "2", "45–67")
    assert (work.issn, work.isbn) == ("2071-8160", "")
    assert work.doi == "10.24833/2071-8160-2021-2-77-45-67"
    assert work.url == "https://example.org/a"
    assert work.language == "ru"
    assert work.keywords == "дипломатия, Узбекистан"
    assert work.abstract == "First line of the abstract\ncontinues here."
    assert work.source.line == 3
    assert ("DB", "Scopus") in [(f.name, f.value) for f in work.source.fields]


def test_tags_diprefs_does_not_map_are_written_back():
    text = SCOPUS.replace("DB  - Scopus", "DB  - Scopus\r\nUR  - https://example.org/b\r\nC1  - x")
    again = write_ris([_one(text)])
    assert "DB  - Scopus\nUR  - https://example.org/b\nC1  - x\nER  - \n" in again
    assert again.count("UR  - https://example.org/a") == 1


def test_a_book_swaps_a2_and_a3_and_a_thesis_university_is_pb():
    book = _one("TY  - BOOK\nA2  - Series, Ed\nA3  - Volume, Ed\nSP  - 312\nER  - \n")
    assert [(c.role, c.name.family) for c in book.contributors] == [
        ("collection-editor", "Series"),
        ("editor", "Volume"),
    ]
    assert book.number_of_pages == "312"
    thesis = _one("TY  - THES\nAU  - Komolov, M.\nPB  - Andijan State University\nER  - \n")
    assert (thesis.institution, thesis.publisher) == ("Andijan State University", "")
    assert "PB  - Andijan State University" in write_ris([thesis])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Juraev, F. S.", Name(family="Juraev", given="F. S.")),
        ("Komolov, Mavlonbek Zafarjon ugli", Name(
            family="Komolov", given="Mavlonbek", patronymic="Zafarjon ugli")),
        ("King, Martin Luther, Jr.", Name(family="King", given="Martin Luther", suffix="Jr.")),
        ("de la Fontaine, Jean", Name(family="Fontaine", given="Jean", particle="de la")),
        ("Aristotle,", Name(family="Aristotle")),
        ("US Embassy in Uzbekistan", Name(literal="US Embassy in Uzbekistan")),
        ("others", OTHERS),
    ],
)  # fmt: skip
def test_names(text, name):
    assert read_ris_name(text) == name
    assert read_ris_name(ris_name(name)) == name


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("2019", "2019"),
        ("2019/05/03/", "2019-05-03"),
        ("2019/5/3", "2019-05-03"),
        ("2019/05//", "2019-05"),
        ("2019///", "2019"),
        ("2019///Spring", "2019-21"),
        ("2019///осень", "2019-23"),
        ("2019///2019~/2020", "2019~/2020"),
        ("///in press", "in press"),
        ("///Spring 2019", "Spring 2019"),  # free text, given as "other info"
        ("2019-05-03", "2019-05-03"),
        ("2019-05-03 14:08:47", "2019-05-03"),
        ("MAY 2019", "2019-05"),
        ("3 May 2019", "2019-05-03"),
        ("", ""),
    ],
)
def test_ris_dates(value, edtf):
    assert ris_date(value, "DA") == edtf


@pytest.mark.parametrize(
    "value", ["2019/2020", "spring 2019", "2019/13/01/", "/05/03/", "2019/02/30/", "19/05/03"]
)
def test_dates_that_are_no_ris_dates_are_refused(value):
    with pytest.raises(BadRecord, match="DA"):
        ris_date(value, "DA")


@pytest.mark.parametrize(
    ("edtf", "lines"),
    [
        ("2019", ["PY  - 2019"]),
        ("2019-05", ["PY  - 2019", "DA  - 2019/05//"]),
        ("2019-22", ["PY  - 2019", "DA  - 2019///Summer"]),
        ("2019~/2020", ["PY  - 2019", "DA  - 2019///2019~/2020"]),
        ("201X", ["DA  - ///201X"]),
        ("in press", ["DA  - ///in press"]),
        ("n.d.", ["DA  - ///n.d."]),
        ("spring of 1950", ["DA  - ///spring of 1950"]),
        ("-0300", ["DA  - ///-0300"]),
        ("1967-69", ["DA  - ///1967-69"]),  # text that only looks like a date (BibTeX year)
    ],
)
def test_issued_dates_are_written_so_that_they_come_back(edtf, lines):
    work = Work(key="k", type="book", dates={"issued": edtf, "accessed": "2024-03-01"})
    text = write_ris([work])
    assert [line for line in text.splitlines() if line[:2] in ("PY", "DA")] == lines
    assert "Y2  - 2024/03/01/" in text
    assert _one(text).dates == work.dates


# --- bad input ------------------------------------------------------------------------------


def _read(text: str):
    result = read_ris(text, file="refs.ris")
    return [w.title for w in result.works], [str(p) for p in result.problems]


def test_a_record_without_er_at_the_end_is_not_imported():
    titles, problems = _read("TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nID  - b1\nTI  - B\n")
    assert titles == ["A"]
    assert problems == ["refs.ris:4: b1: record 2: the file ends before its ER line"]


def test_a_record_cut_short_by_the_next_ty_is_not_imported():
    titles, problems = _read("TY  - JOUR\nTI  - A\nTY  - BOOK\nTI  - B\nER  - \n")
    assert titles == ["B"]
    assert problems == ["refs.ris:1: (no key): record 1: no ER before the next TY (line 3)"]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("TY  - FOO\nTI  - B\nER  - \n", "record 2: unknown TY 'FOO'"),
        ("TY  - \nTI  - B\nER  - \n", "record 2: TY has no type"),
        (
            "TY  - JOUR\nTI  - B\nPY  - 2019/2020\nER  - \n",
            "record 2: PY '2019/2020' is not a date",
        ),
        ("TY  - JOUR\nTI  - B\nDA  - spring 2019\nER  - \n", "record 2: DA 'spring 2019' is not a"),
        ("TY  - JOUR\nTI  - B\nY2  - 2019/02/30/\nER  - \n", "record 2: Y2 '2019/02/30/' is not a"),
    ],
)
def test_a_bad_record_is_named_and_the_others_are_read(record, message):
    text = "TY  - JOUR\nTI  - A\nER  - \n\n" + record + "TY  - JOUR\nTI  - C\nER  - \n"
    titles, problems = _read(text)
    assert titles == ["A", "C"]
    assert len(problems) == 1
    assert problems[0].startswith("refs.ris:5: (no key): " + message)


def test_lines_outside_a_record_are_reported_once_per_run():
    titles, problems = _read("AU  - Lost, A.\nTI  - Lost\nTY  - JOUR\nTI  - A\nER  - \nER  - \n")
    assert titles == ["A"]
    assert problems == [
        "refs.ris:1: (no key): AU line outside a record (no TY before it)",
        "refs.ris:6: (no key): ER line outside a record (no TY before it)",
    ]


def test_detection_by_content():
    assert looks_like_ris(SCOPUS)
    assert looks_like_ris("1.\nTY  - JOUR\nER  - \n")  # rispy writes a number before each record
    assert not looks_like_ris("@article{a, title = {T}}\n")
    assert not looks_like_ris('[{"id": "a"}]')
    assert not looks_like_ris("AU  - Lost, A.\nTY  - JOUR\n")
    assert not looks_like_ris("")


# --- rispy, an independent implementation ----------------------------------------------------


def test_rispy_reads_what_we_write(seed_works):
    rispy = pytest.importorskip("rispy", reason="rispy is in the test extra")
    entries = rispy.loads(write_ris(seed_works))
    assert [e["id"] for e in entries] == [w.key for w in seed_works]
    komolov = entries[[w.key for w in seed_works].index("komolov2024")]
    assert komolov["type_of_reference"] == "JOUR"
    assert komolov["authors"] == ["Komolov, Mavlonbek Zafarjon ugli"]
    assert len(komolov["keywords"]) == 8


def test_we_read_what_rispy_writes():
    rispy = pytest.importorskip("rispy", reason="rispy is in the test extra")
    text = rispy.dumps(
        [
            {
                "type_of_reference": "CHAP",
                "authors": ["Жураев, Ф. С.", "Doe, Jane"],
                "secondary_authors": ["Editor, E."],
                "title": "Глава",
                "secondary_title": "Книга",
                "year": "2020",
                "start_page": "10",
                "end_page": "20",
                "keywords": ["a", "b"],
            }
        ]
    )
    work = _one(text)
    assert work.type == "chapter"
    assert [c.name.family for c in work.names("author")] == ["Жураев", "Doe"]
    assert [c.name.family for c in work.names("editor")] == ["Editor"]
    assert (work.title, work.container_title, work.issued) == ("Глава", "Книга", "2020")
    assert (work.page, work.keywords) == ("10–20", "a, b")


# --- property tests -------------------------------------------------------------------------

_tags = st.sampled_from(sorted(ris_map.MAPPED_TAGS | {"C1", "DB", "XX"}))
_values = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
_lines = st.one_of(
    st.builds(lambda t, v: f"{t}  - {v}", _tags, _values),
    st.builds(lambda t: f"TY  - {t}", st.sampled_from([*ris_map.TYPES, "FOO", ""])),
    st.just("ER  - "),
    _values,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_lines, max_size=25), st.booleans())
def test_random_ris_never_raises_and_every_rejection_is_placed(lines, bom):
    text = ("\ufeff" if bom else "") + "\n".join(lines)
    result = read_ris(text, file="x.ris")
    for problem in result.problems:
        assert problem.line is not None
        assert problem.message.startswith("record ") or "outside a record" in problem.message
    for work in result.works:
        again = read_ris(write_ris([work]))
        assert again.problems == []
        assert len(again.works) == 1


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_seed_ris_never_raises(seed_works, data):
    text = write_ris(seed_works)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 10)))
    mutated = text[:start] + data.draw(_values) + text[end:]
    result = read_ris(mutated, file="x.ris")
    assert len(result.works) <= len(seed_works) + 1
    for problem in result.problems:
        assert problem.message.startswith("record ") or "outside a record" in problem.message


def test_names_in_a_work_round_trip_through_text():
    work = Work(
        key="k",
        type="book",
        contributors=(
            Contributor(Name(family="Doe", given="J."), "author"),
            Contributor(OTHERS, "author"),
        ),
    )
    assert [c.name for c in _one(write_ris([work])).contributors] == [
        Name(family="Doe", given="J."),
        OTHERS,
    ]


# --- the command line ------------------------------------------------------------------------


def test_export_format_ris(run):
    result = run("export", "--format", "ris")
    assert result.exit_code == 0
    keys = [r["key"] for r in run.json("works", "list")]
    assert not result.stdout.startswith("\ufeff")
    assert result.stdout.count("ER  - \n") == len(keys)
    assert [line[6:] for line in result.stdout.splitlines() if line.startswith("ID  - ")] == keys


def test_import_refs_ris_with_bom_crlf_and_cyrillic(run, tmp_path):
    path = tmp_path / "refs.ris"
    path.write_bytes(
        SCOPUS.replace("TY  - JOUR\r\n", "TY  - JOUR\r\nID  - juraev2021\r\n").encode()
    )
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "diprefs: imported 1, updated 0, skipped 0, problems 0\n"
    work = run.json("works", "show", "juraev2021")
    assert work["title"] == "Цифровая дипломатия Узбекистана"
    assert [(c["role"], c["name"]) for c in work["contributors"]][:3] == [
        ("author", "Жураев, Фаррух Собирович"),
        ("author", "Smith, John, Jr."),
        ("author", "Юнусова, Д."),
    ]
    assert work["source"]["dialect"] == "ris"


def test_a_ris_record_without_id_gets_a_key_and_a_note_naming_it(run, tmp_path):
    """ID is optional in RIS (Scopus and Web of Science exports have none): a generated key is
    a note, not a problem, and the import exits 0."""
    path = tmp_path / "refs.ris"
    path.write_text("TY  - BOOK\nAU  - Каримов, А.\nTI  - Тарих\nPY  - 2020\nER  - \n")
    result = run("import", "--json", str(path))
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["problems"] == []
    assert report["notes"] == [f"{path}:1: record without an ID; imported as karimov2020tarikh"]
    assert f"diprefs: note: {path}:1: record without an ID; imported as karimov2020tarikh" in (
        result.stderr
    )
    assert run.json("works", "show", "karimov2020tarikh")["title"] == "Тарих"


def test_a_ris_file_whose_only_record_has_no_er_imports_nothing(run, tmp_path):
    path = tmp_path / "refs.ris"
    path.write_text("TY  - JOUR\nID  - x\nTI  - Cut short\n")
    result = run("import", str(path))
    assert result.exit_code == 5
    assert f"{path}:1: x: record 1: the file ends before its ER line" in result.stderr
    assert run("works", "show", "x").exit_code == 3


def test_strict_refuses_a_ris_file_with_an_unknown_ty(run, tmp_path):
    path = tmp_path / "refs.ris"
    path.write_text("TY  - JOUR\nID  - a\nER  - \n\nTY  - WHAT\nID  - b\nER  - \n")
    assert run("import", "--strict", str(path)).exit_code == 5
    assert run("works", "show", "a").exit_code == 3
    result = run("import", str(path))
    assert result.exit_code == 6
    assert f"{path}:5: b: record 2: unknown TY 'WHAT'" in result.stderr
    assert run.json("works", "show", "a")["type"] == "article-journal"
