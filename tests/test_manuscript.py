"""Reading manuscripts: the reference list and the in-text references, in every file kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from diprefs.errors import InvalidInputError
from diprefs.manuscript.intext import InTextRef, find_references
from diprefs.manuscript.read import read_manuscript
from diprefs.manuscript.structure import split_manuscript

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_7445a23f6b1f4325.txt"


@pytest.fixture
def seed_text(tmp_path) -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seed is absent (a user's clone has no shared folder)")
    copy = tmp_path / "seed.txt"
    copy.write_bytes(SEED.read_bytes())
    return copy


def test_seed_article_list_has_six_items_with_a_doubled_2(seed_text):
    _, items, heading = split_manuscript(read_manuscript(seed_text).paragraphs)
    assert [i.label for i in items] == ["1.", "2.", "2.", "3.", "4.", "5."]
    assert items[2].text == "United States Central Command (USCENTCOM)"
    assert items[1].text.endswith("2018. – p. 80")
    assert items[1].line == items[2].line  # printed on one line
    assert heading is not None and heading < items[0].line


def test_seed_article_cites_only_1(seed_text):
    body, _, _ = split_manuscript(read_manuscript(seed_text).paragraphs)
    refs = find_references(body)
    assert [(r.kind, r.numbers) for r in refs] == [("numeric", (1,))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[5]", [InTextRef("numeric", "[5]", 1, numbers=(5,))]),
        ("[5, с. 47]", [InTextRef("numeric", "[5, с. 47]", 1, numbers=(5,), locator="с. 47")]),
        ("[5; 7]", [InTextRef("numeric", "[5; 7]", 1, numbers=(5, 7))]),
        ("[5–7]", [InTextRef("numeric", "[5–7]", 1, numbers=(5, 6, 7))]),
        ("[1, 3]", [InTextRef("numeric", "[1, 3]", 1, numbers=(1, 3))]),
        (
            "[Каримов, Рахимова, 2021, с. 34]",
            [
                InTextRef(
                    "author-year",
                    "[Каримов, Рахимова, 2021, с. 34]",
                    1,
                    authors=("Каримов", "Рахимова"),
                    year="2021",
                    locator="с. 34",
                )
            ],
        ),
        (
            "(Mominov, 2022, p. 258)",
            [
                InTextRef(
                    "author-year",
                    "(Mominov, 2022, p. 258)",
                    1,
                    authors=("Mominov",),
                    year="2022",
                    locator="p. 258",
                )
            ],
        ),
        (
            "as Mominov (2022, p. 258) shows",
            [
                InTextRef(
                    "author-year",
                    "Mominov (2022, p. 258)",
                    1,
                    authors=("Mominov",),
                    year="2022",
                    locator="p. 258",
                )
            ],
        ),
        (
            r"\parencite[47]{juraev2018}",
            [
                InTextRef(
                    "key", r"\parencite[47]{juraev2018}", 1, keys=("juraev2018",), locator="47"
                )
            ],
        ),
        (r"\cite{a, b}", [InTextRef("key", r"\cite{a, b}", 1, keys=("a", "b"))]),
        ("nothing here [see above] (in 1995 words)", []),
        ("[7–5] is not a range", []),
    ],
)
def test_in_text_forms(text, expected):
    assert find_references([text]) == expected


def test_two_works_in_one_parenthesis():
    refs = find_references(["(Smith & Jones, 2020; Lee, 2019a)"])
    assert [(r.authors, r.year) for r in refs] == [
        (("Smith", "Jones"), "2020"),
        (("Lee",), "2019a"),
    ]


def test_markdown_manuscript(tmp_path):
    md = tmp_path / "paper.md"
    md.write_text(
        "# Paper\n\nDigital diplomacy [1, p. 258] grows [2].\n\n## References\n\n"
        "1. Mominov Kh. Digital History. 2022.\n2. **Juraev F. S.** Digital diplomacy. 2018.\n",
        encoding="utf-8",
    )
    body, items, _ = split_manuscript(read_manuscript(md).paragraphs)
    assert [(i.label, i.text) for i in items] == [
        ("1.", "Mominov Kh. Digital History. 2022."),
        ("2.", "Juraev F. S. Digital diplomacy. 2018."),
    ]
    assert [r.numbers for r in find_references(body)] == [(1,), (2,)]


@pytest.mark.parametrize(
    "heading",
    [
        "Список литературы",
        "LIST OF REFERENCES",
        "Adabiyotlar",
        "Foydalanilgan adabiyotlar ro'yxati",
        "**References**",
        "Библиографический список:",
    ],
)
def test_headings_in_every_language(heading):
    _, items, _ = split_manuscript(["Text [1].", heading, "1. A. Book. 2020."])
    assert [i.text for i in items] == ["A. Book. 2020."]


def test_no_heading_means_no_list():
    body, items, heading = split_manuscript(["Text [1].", "1. Not a list."])
    assert items == [] and heading is None and len(body) == 2


def test_docx_manuscript_with_a_footnote(tmp_path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "paper.docx"
    document = docx.Document()
    document.add_heading("Digital diplomacy", level=1)
    document.add_paragraph("New media are used [1, с. 258]. See also [2].")
    document.add_paragraph("Список литературы")
    document.add_paragraph("1. Mominov Kh. Digital History. – Tashkent, 2022.")
    document.add_paragraph("2. Juraev F. S. Digital diplomacy. – Tashkent, 2018. – 80 p.")
    document.save(path)
    manuscript = read_manuscript(path)
    body, items, _ = split_manuscript(manuscript.paragraphs)
    assert [i.number for i in items] == [1, 2]
    assert [(r.numbers, r.locator) for r in find_references(body)] == [((1,), "с. 258"), ((2,), "")]


def test_latex_manuscript(tmp_path):
    tex = tmp_path / "paper.tex"
    tex.write_text(
        r"""\section{Intro}
Digital diplomacy\footnote{See \cite{mominov2022}.} grows \parencite[80]{juraev2018}.
% \cite{hidden} is a comment
\begin{thebibliography}{9}
\bibitem{mominov2022} Mominov Kh. Digital History. 2022.
\bibitem{juraev2018} Juraev F. S. Digital diplomacy. 2018.
\end{thebibliography}
""",
        encoding="utf-8",
    )
    manuscript = read_manuscript(tex)
    assert manuscript.footnotes == {1: r"See \cite{mominov2022}."}
    body, items, _ = split_manuscript(manuscript.paragraphs)
    assert [i.label for i in items] == ["mominov2022", "juraev2018"]
    assert [r.keys for r in find_references(body)] == [("juraev2018",)]


def test_unknown_kind_and_unreadable_files(tmp_path):
    odd = tmp_path / "paper.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(InvalidInputError, match=r"cannot read a \.pdf file"):
        read_manuscript(odd)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(
        InvalidInputError, match=r"broken\.docx: cannot read the manuscript: not a \.docx file"
    ):
        read_manuscript(broken)
