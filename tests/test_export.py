"""``diprefs export``: raw fields in the same dialect, aliases across, the model for the rest."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest

from conftest import Run
from diprefs.formats.bibtex import latex_to_text, read_bibtex
from diprefs.formats.bibtex_writer import entry_text, to_ascii
from diprefs.model import Contributor, Name, Work

KOMOLOV = r"""@article{komolov2024,
  author = {Komolov, Mavlonbek Zafarjon ugli},
  editora = {Mominov, Husanboy Madaminjonovich},
  editoratype = {supervisor},
  title = {The development of digital diplomacy and its study in Uzbekistan},
  date = {2024-02-24},
  receiveddate = {2023-12-20},
  accepteddate = {2024-01-08},
  langid = {en},
  abstract = {This article examines the work being done in Uzbekistan on digital diplomacy, as well as achievements and shortcomings in the field of diplomacy.},
  keywords = {Digital diplomacy, e-diplomacy, FLIR, ICT, F.M. Mukhtorov, D.B. Saifullayev, A.S. Sayfiddinov, S.A. Jurayev},
}"""  # noqa: E501 - the seed's entry, exactly as data/works.bib writes it


@pytest.fixture
def empty(tmp_path) -> Run:
    run = Run(tmp_path / "library.db")
    assert run("init", "--empty").exit_code == 0
    return run


def imported(run: Run, tmp_path, text: str) -> None:
    path = tmp_path / "in.bib"
    path.write_text(text, encoding="utf-8")
    assert run("import", str(path)).exit_code == 0


def test_a_work_in_its_own_dialect_comes_back_exactly(run):
    result = run("export", "komolov2024")
    assert result.exit_code == 0
    entry, comment = result.stdout.split("\n\n", 1)
    assert entry == KOMOLOV
    assert comment.startswith("@comment{\n  diprefs seed data:")  # the file's comment comes along


def test_strings_and_raw_values_come_back(empty, tmp_path):
    imported(
        empty,
        tmp_path,
        '@string{jir = "Journal of International Relations"}\n'
        '@article{k2021, Journal = jir # " (Tashkent)", Title = {{Cyfrovaya} Diplomatiya},'
        " month = feb, year = 2021, x-custom = {kept}}\n",
    )
    assert empty("export", "--format", "bibtex").stdout == (
        '@string{jir = "Journal of International Relations"}\n\n'
        "@article{k2021,\n"
        '  Journal = jir # " (Tashkent)",\n'
        "  Title = {{Cyfrovaya} Diplomatiya},\n"
        "  month = feb,\n"
        "  year = 2021,\n"
        "  x-custom = {kept},\n"
        "}\n"
    )


def test_bibtex_work_to_biblatex_uses_the_aliases(empty, tmp_path):
    imported(
        empty,
        tmp_path,
        "@phdthesis{t1, author = {Doe, Jane}, title = {On Things}, school = {MIT},"
        " address = {Cambridge}, year = 1999}\n"
        "@article{a1, journal = {J. Phys.}, year = 2001, month = mar, annote = {good}}\n",
    )
    out = empty("export").stdout  # biblatex is the default
    assert (
        "@thesis{t1,\n  author = {Doe, Jane},\n  title = {On Things},\n"
        "  institution = {MIT},\n  location = {Cambridge},\n  year = 1999,\n"
        "  type = {phdthesis},\n}"
    ) in out
    assert "@article{a1,\n  journaltitle = {J. Phys.},\n  year = 2001,\n  month = mar," in out
    assert "  annotation = {good},\n" in out


def test_biblatex_work_to_bibtex_maps_back(empty, tmp_path):
    imported(
        empty,
        tmp_path,
        "@thesis{t2, author = {Doe, Jane}, title = {T}, institution = {MIT}, type = {phdthesis},"
        " location = {Cambridge}, date = {2021-02}}\n"
        "@article{a2, journaltitle = {J}, date = {2020-05-17}}\n"
        "@report{r2, institution = {NASA}, date = {2019}, type = {techreport}}\n",
    )
    out = empty("export", "--format", "bibtex").stdout
    assert (
        "@phdthesis{t2,\n  author = {Doe, Jane},\n  title = {T},\n  school = {MIT},\n"
        "  address = {Cambridge},\n  year = {2021},\n  month = feb,\n}"
    ) in out
    # A day has no BibTeX field: the date is kept beside year and month.
    assert (
        "@article{a2,\n  journal = {J},\n  year = {2020},\n  month = may,\n"
        "  date = {2020-05-17},\n}"
    ) in out
    assert "@techreport{r2,\n  institution = {NASA},\n  year = {2019},\n}" in out


def test_ascii_writes_latex_escapes(empty, tmp_path):
    imported(
        empty,
        tmp_path,
        "@book{m1, author = {Müller, Jürgen}, title = {Жураев}, url = {http://x.uz/ш}}",
    )
    out = empty("export", "--ascii").stdout
    assert r"author = {M\"uller, J\"urgen}," in out
    assert r"title = {{\CYRZH}{\cyru}{\cyrr}{\cyra}{\cyre}{\cyrv}}," in out
    assert "url = {http://x.uz/ш}," in out  # verbatim fields are not escaped
    assert latex_to_text(r"{\CYRZH}{\cyru}{\cyrr}{\cyra}{\cyre}{\cyrv}") == "Жураев"


def test_to_ascii_round_trips_through_the_reader():
    text = "Oʻzbekiston – Ёжик ўқиш Łódź naïve"
    assert latex_to_text(to_ascii(text)) == text


CROSSREF = """
@inproceedings{child, author = {Doe, Jane}, title = {A Talk}, crossref = {proc}, pages = {1--5}}
@proceedings{proc, title = {Proceedings of Things}, year = 2020, publisher = {ACM}}
@book{other, title = {Other}}
"""


def test_a_child_brings_its_crossref_parent_after_it(empty, tmp_path):
    imported(empty, tmp_path, CROSSREF)
    out = empty("export", "child").stdout
    assert out == (
        "@inproceedings{child,\n  author = {Doe, Jane},\n  title = {A Talk},\n"
        "  crossref = {proc},\n  pages = {1--5},\n}\n\n"
        "@proceedings{proc,\n  title = {Proceedings of Things},\n  year = 2020,\n"
        "  publisher = {ACM},\n}\n"
    )
    shown = empty.json("works", "show", "child")
    assert shown["publisher"] == "ACM"  # inherited into the model (BibTeX: same names)
    assert shown["dates"] == {"issued": "2020"}
    assert "publisher" not in shown["source"]["fields"]  # but not one of its own fields


def test_a_parent_selected_before_its_child_is_still_written_after_it(empty, tmp_path):
    imported(empty, tmp_path, CROSSREF)
    out = empty("export", "proc", "child").stdout
    assert out.index("@inproceedings{child") < out.index("@proceedings{proc")


def test_output_file_and_message(empty, tmp_path):
    imported(empty, tmp_path, CROSSREF)
    target = tmp_path / "out.bib"
    result = empty("export", "other", "-o", str(target))
    assert result.stderr == f"diprefs: exported 1 works to {target}\n"
    assert target.read_text(encoding="utf-8") == "@book{other,\n  title = {Other},\n}\n"


def test_an_empty_library_writes_nothing(empty):
    result = empty("export")
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["nosuchkey"], 3),
        (["--tag", "nosuchtag"], 3),
        (["--cited-by", "nosuchkey"], 3),
        (["--format", "endnote"], 2),
        (["--format", "csljson", "--ascii"], 2),
    ],
)
def test_export_errors(run, args, code):
    result = run("export", *args)
    assert result.exit_code == code
    assert "Traceback" not in result.output


def test_cited_by_exports_a_reference_list_in_its_order(run):
    out = run("export", "--cited-by", "komolov2024").stdout
    keys = [e.key for e in bibtexparser.parse_string(out, parse_stack=[]).entries]
    listed = [r["key"] for r in run.json("works", "show", "komolov2024")["references"]]
    assert keys == [k for k in dict.fromkeys(listed) if k]


def test_a_work_without_a_source_is_written_from_the_model():
    work = Work(
        key="tsvetkova2017",
        type="article-journal",
        language="ru",
        title="Цифровая дипломатия & мир",
        container_title="Вестник МГИМО",
        volume="5",
        issue="2",
        page="112–130",
        doi="10.24833/2071-8160-2017-5-56-112-130",
        dates={"issued": "2017", "accessed": "2023-05-01"},
        contributors=(
            Contributor(Name(family="Цветкова", given="Наталья"), printed="Цветкова, Наталья"),
            Contributor(Name(family="Smith", given="J."), role="supervisor"),
        ),
    )
    assert entry_text(work, "biblatex") == (
        "@article{tsvetkova2017,\n"
        "  author = {Цветкова, Наталья},\n"
        "  editora = {Smith, J.},\n"
        "  editoratype = {supervisor},\n"
        r"  title = {Цифровая дипломатия \& мир},"
        "\n"
        "  journaltitle = {Вестник МГИМО},\n"
        "  volume = {5},\n"
        "  number = {2},\n"
        "  pages = {112--130},\n"
        "  doi = {10.24833/2071-8160-2017-5-56-112-130},\n"
        "  langid = {russian},\n"
        "  date = {2017},\n"
        "  urldate = {2023-05-01},\n"
        "}"
    )
    back = read_bibtex(entry_text(work, "biblatex")).works[0]
    for field in ("type", "language", "title", "container_title", "volume", "issue", "page"):
        assert getattr(back, field) == getattr(work, field), field
    assert back.dates == work.dates
    assert [(c.name, c.role) for c in back.contributors] == [
        (c.name, c.role) for c in work.contributors
    ]
    bibtex = entry_text(work, "bibtex")
    assert "  journal = {Вестник МГИМО},\n" in bibtex and "  year = {2017},\n" in bibtex


CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
JABREF = CORPORA / "messy" / "jabref-2.10-groups-97.bib"


@pytest.mark.skipif(not JABREF.exists(), reason=f"corpus file not found: {JABREF}")
def test_jabref_groups_and_preamble_survive(empty):
    assert empty("import", str(JABREF)).exit_code in (0, 6)
    out = empty("export", "--format", "bibtex").stdout
    original = bibtexparser.parse_string(JABREF.read_text(encoding="utf-8"), parse_stack=[])
    exported = bibtexparser.parse_string(out, parse_stack=[])
    groups = [c.comment for c in original.comments if "jabref-meta" in c.comment]
    assert groups and [c.comment for c in exported.comments if "jabref-meta" in c.comment] == groups
    preambles = [p.value for p in original.preambles]
    assert preambles and [p.value for p in exported.preambles] == preambles


def test_a_work_added_by_hand_is_exported_from_the_model(run):
    from diprefs.storage.db import open_library, transaction
    from diprefs.storage.works import add_work

    db = open_library(run.db)
    with transaction(db):
        add_work(
            db,
            Work(
                key="hand2024",
                type="book",
                title="Made by hand",
                publisher="Fan",
                dates={"issued": "2024"},
                contributors=(
                    Contributor(Name(family="Karimov", given="A."), printed="Karimov, A."),
                ),
            ),
        )
    db.conn.close()
    assert run("export", "hand2024").stdout == (
        "@book{hand2024,\n  author = {Karimov, A.},\n  title = {Made by hand},\n"
        "  publisher = {Fan},\n  date = {2024},\n}\n"
    )


def test_model_names_keep_particles_and_suffixes_in_bibtex_order():
    names = (
        Name(family="Fontaine", given="Jean", particle="de la"),
        Name(family="Smith", given="John", suffix="Jr."),
    )
    work = Work(key="k", type="book", contributors=tuple(Contributor(n) for n in names))
    text = entry_text(work, "biblatex")
    assert "  author = {de la Fontaine, Jean and Smith, Jr., John},\n" in text
    assert [c.name for c in read_bibtex(text).works[0].contributors] == list(names)
