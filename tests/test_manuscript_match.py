"""The manuscript readers' footnotes and line numbers, unnumbered lists, and the matching of
printed items to works (``manuscript.read``, ``structure``, ``match``, ``numbering``)."""

from __future__ import annotations

import pytest

from diprefs.manuscript import match, numbering
from diprefs.manuscript.intext import find_references
from diprefs.manuscript.read import read_manuscript
from diprefs.manuscript.structure import ListItem, split_manuscript
from diprefs.model import Contributor, Name, Work


def test_markdown_footnotes_numbered_by_first_call_and_lines_kept(tmp_path):
    md = tmp_path / "paper.md"
    md.write_text(
        "Text.[^b] More text.[^a]\n\n[^a]: Second note\n    continued.\n[^b]: First note.\n\n"
        "References\n\n1. A. Book. 2020.\n",
        encoding="utf-8",
    )
    manuscript = read_manuscript(md)
    assert manuscript.paragraphs[0] == "Text.[^1] More text.[^2]"
    assert manuscript.footnotes == {1: "First note.", 2: "Second note continued."}
    assert manuscript.paragraphs[2:5] == ["", "", ""]  # definitions leave their lines empty
    assert split_manuscript(manuscript.paragraphs)[2] == 7


def test_markdown_escapes_and_underscores_in_urls(tmp_path):
    md = tmp_path / "paper.md"
    md.write_text("Cited \\[1\\] in _italics_ at https://x.uz/a_b_c.\n", encoding="utf-8")
    (line,) = read_manuscript(md).paragraphs
    assert line == "Cited [1] in italics at https://x.uz/a_b_c."


def test_latex_keeps_the_file_lines(tmp_path):
    tex = tmp_path / "paper.tex"
    tex.write_text(
        "\\section{Intro}\nA\\footnote{a\nb} c \\cite{k}.\nEnd.\n"
        "\\begin{thebibliography}{9}\n\\bibitem{k}\nK. Book.\n\\end{thebibliography}\n",
        encoding="utf-8",
    )
    manuscript = read_manuscript(tex)
    assert manuscript.paragraphs[:4] == ["Intro", "A[^1]", " c \\cite{k}.", "End."]
    assert manuscript.footnotes == {1: "a b"}
    _body, items, heading = split_manuscript(manuscript.paragraphs)
    assert heading == 5
    assert [(i.label, i.text, i.line) for i in items] == [("k", "K. Book.", 6)]


def test_docx_footnote_calls_become_markers(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    paragraph = document.add_paragraph("Before")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "3")
    paragraph.add_run()._r.append(reference)
    paragraph.add_run(" after\tend")
    path = tmp_path / "p.docx"
    document.save(str(path))
    assert read_manuscript(path).paragraphs == ["Before[^3] after\tend"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["A, B. (2020). One.", "C, D. (2021). Two."],
            [("A, B. (2020). One.", 3), ("C, D. (2021). Two.", 4)],
        ),
        (
            ["A, B. (2020).", "One.", "", "C, D. (2021).", "Two."],
            [("A, B. (2020). One.", 3), ("C, D. (2021). Two.", 6)],
        ),
        (["- A. One.", "  wrapped", "* B. Two."], [("A. One. wrapped", 3), ("B. Two.", 5)]),
    ],
    ids=["one line each", "blocks between blank lines", "bullets"],
)
def test_unnumbered_lists(lines, expected):
    _body, items, _heading = split_manuscript(["Text.", "References", *lines])
    assert [(i.text, i.line) for i in items] == expected
    assert {(i.label, i.number) for i in items} == {("", None)}


def test_normalise_ignores_glyphs_not_content():
    a = "Иванов, И. И. Основы. — Москва : «Наука», 2020. — URL: <https://x.uz/a>."
    b = 'Иванов, И. И. Основы. – Москва : "Наука", 2020.  —  URL: https://x.uz/a'
    assert match.normalise(a) == match.normalise(b)
    assert match.normalise("Москва: Наука") != match.normalise("Москва : Наука")


ZHURAEV = Work(
    key="zh",
    type="book",
    title="Цифровая дипломатия",
    dates={"issued": "2018"},
    contributors=(Contributor(Name(family="Жураев", given="Фарход")),),
)


def test_work_score_across_scripts_and_by_url():
    sig = match.signature(ZHURAEV)
    latin = match.prepare("Juraev F. Tsifrovaya diplomatiya. Tashkent, 2018.")
    assert match.work_score(latin, sig) == 100
    wrong_year = match.prepare("Juraev F. Tsifrovaya diplomatiya. Tashkent, 2019.")
    assert match.work_score(wrong_year, sig) == 90
    other = match.prepare("Petrov P. Tsifrovaya ekonomika. 2018.")
    assert match.work_score(other, sig) < match.WORK_MATCH
    online = match.signature(Work(key="w", title="x", url="https://www.gov.uz/news/1/"))
    assert match.work_score(match.prepare("Портал <https://gov.uz/news/1>"), online) == 100


def test_author_year_references_match_items():
    sig = match.signature(ZHURAEV)
    item = match.prepare("Жураев Ф. Цифровая дипломатия. 2018.")
    assert match.cites(("Juraev",), "2018", sig, item)
    assert match.cites(("Jurayev", "et al."), "2018a", sig, item) is False  # "et al." alone
    assert match.cites(("Жураев",), "2018", None, item)  # by the item's words
    assert not match.cites(("Juraev",), "2019", sig, item)
    assert not match.cites(("Karimov",), "2018", sig, item)


def _items(*numbers: int) -> list[ListItem]:
    return [ListItem(i + 1, f"{n}.", n, f"Item {n}", 10 + i) for i, n in enumerate(numbers)]


def test_numbering_problems():
    dup = numbering.duplicates(_items(1, 2, 2, 2, 3))
    assert [(p.line, p.message) for p in dup] == [(12, "number 2 is used by three items")]
    gaps = numbering.skipped(_items(2, 3, 6))
    assert [(p.label, p.message) for p in gaps] == [
        ("2.", "number 1 is skipped"),
        ("6.", "numbers 4–5 are skipped"),
    ]
    refs = find_references(["See [1–3] and [9]."])
    unknown = numbering.unknown_numbers(refs, {1, 2})
    assert [p.message for p in unknown] == [
        "[1–3]: no item in the list has the number 3",
        "[9]: no item in the list has the number 9",
    ]


def test_sorted_problems_by_line_then_kind_then_reading_order():
    problems = [
        numbering.Problem("never-cited", 5, "2.", "b", "m", 3),
        numbering.Problem("never-cited", 5, "2.", "a", "m", 2),
        numbering.Problem("duplicate-number", 5, "2.", None, "m", 3),
        numbering.Problem("differs", 1, "1.", "c", "m", 1),
    ]
    ordered = numbering.sorted_problems(problems)
    assert [(p.kind, p.key) for p in ordered] == [
        ("differs", "c"),
        ("duplicate-number", None),
        ("never-cited", "a"),
        ("never-cited", "b"),
    ]


def _work(key: str, title: str, family: str, year: str, **more) -> Work:
    return Work(
        key=key,
        title=title,
        dates={"issued": year},
        contributors=(Contributor(Name(family=family, given="A.")),),
        **more,
    )


def test_title_index_prefers_the_part_over_its_book_and_part_ii_over_part_i():
    works = [
        _work("book", "Tone systems of Tibeto-Burman languages", "Hale", "1970"),
        _work("chapter", "Pitch in Gurung", "Hale", "1970", container_title="Tone systems"),
        _work("part1", "Proto-Aztecan vowels: Part I", "Campbell", "1978"),
        _work("part2", "Proto-Aztecan vowels: Part II", "Campbell", "1978"),
        _work("kuy", "Kuy", "Johnston", "1976"),
        *[_work(f"other{i}", f"Grammar of language {i}", "Smith", "1990") for i in range(60)],
    ]
    index = match.TitleIndex([match.signature(w) for w in works])

    def found(text: str) -> str | None:
        best = index.best(match.prepare(text))
        return None if best is None else works[best].key

    assert found("Hale A. Pitch in Gurung // Tone systems of Tibeto-Burman languages. 1970.") == (
        "chapter"
    )
    assert found("Hale A. Tone systems of Tibeto-Burman languages. 1970. 300 p.") == "book"
    assert found("Campbell A. (1978). Proto-Aztecan vowels: Part II. IJAL.") == "part2"
    assert found("Campbell A. (1978). Proto-Aztecan vowels: Part I. IJAL.") == "part1"
    assert found("Johnston A. (1976). Kuy. Pacific Linguistics.") == "kuy"
    assert found("Johnston A. (1976). Kuyavia. Pacific Linguistics.") is None
    assert found("Smith A. Grammar of language 17. 1990.") == "other17"
