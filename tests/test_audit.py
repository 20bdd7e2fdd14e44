"""``diprefs audit``: a manuscript against its printed list and the library (docs/audit.md)."""

from __future__ import annotations

import json
import re
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT.parent / "shared" / "seed" / "000_7445a23f6b1f4325.txt"
GOLDEN = {
    case["seed"]: case
    for case in tomllib.loads((ROOT / "tests" / "golden" / "seed.toml").read_text("utf-8"))["case"]
}
JUNK = ("check", "differs")


@pytest.fixture
def seed_text(tmp_path) -> Path:
    if not SEED_TEXT.exists():
        pytest.skip("../shared/seed is absent (a clone without the shared folder)")
    copy = tmp_path / SEED_TEXT.name
    copy.write_bytes(SEED_TEXT.read_bytes())
    return copy


def _audit(run, path: Path, *args: str) -> tuple[int, dict]:
    result = run("audit", str(path), *args, "--json")
    return result.exit_code, json.loads(result.stdout)


def _brief(problems: list[dict]) -> list[tuple]:
    return [(p["kind"], p["line"], p["label"], p["key"]) for p in problems if p["kind"] not in JUNK]


# --- the seed article ----------------------------------------------------------------------


def test_seed_article_doubled_2_and_four_uncited_works(run, seed_text):
    code, report = _audit(run, seed_text, "--cited-by", "komolov2024")
    assert code == 6
    assert report["manuscript"] == str(seed_text)
    assert (report["cited_by"], report["style"]) == ("komolov2024", "gost")
    assert report["list"] == {"heading": "LIST OF REFERENCES", "line": 58, "entries": 6}
    assert report["citations"] == 1
    assert _brief(report["problems"]) == [
        ("duplicate-number", 61, "2.", None),
        ("never-cited", 61, "2.", "juraev2018"),
        ("never-cited", 61, "2.", "caravanserai-archive"),
        ("never-cited", 63, "4.", "usembassy2023"),
        ("never-cited", 64, "5.", "daryo2023"),
    ]
    messages = {p["kind"]: p["message"] for p in report["problems"]}
    assert messages["duplicate-number"] == "number 2 is used by two items"
    assert messages["never-cited"] == "listed but never cited"


def test_seed_article_check_and_differs(run, seed_text):
    _code, report = _audit(
        run, seed_text, "--cited-by", "komolov2024", "--style", "gost-7.0.100-2018"
    )
    found = [(p["kind"], p["line"], p["key"], p["message"]) for p in report["problems"]]
    assert ("check", 60, "mominov2022", "number_of_pages: no number of pages (extent)") in found
    gost = GOLDEN["mominov2022"]["gost"]
    assert ("differs", 60, "mominov2022", f"gost prints: {gost}") in found
    # the archive is printed twice (items "2." and "3."): each item differs, checked once
    assert [p[1] for p in found if p[2] == "caravanserai-archive" and p[0] == "differs"] == [61, 62]
    assert [p[1] for p in found if p[2] == "caravanserai-archive" and p[0] == "check"] == [61]
    assert report["style"] == "gost"


def test_seed_article_text_lines(run, seed_text):
    result = run("audit", str(seed_text), "--cited-by", "komolov2024")
    assert result.exit_code == 6
    lines = result.stdout.splitlines()
    assert f"{seed_text}:61: duplicate-number: number 2 is used by two items" in lines
    assert f"{seed_text}:64: never-cited: daryo2023: listed but never cited" in lines
    assert [int(line.split(":")[1]) for line in lines] == sorted(
        int(line.split(":")[1]) for line in lines
    )
    assert result.stderr.startswith(f"diprefs: {len(lines)} problems in {seed_text} (gost)")


def test_seed_article_without_cited_by_matches_the_library(run, seed_text):
    _code, report = _audit(run, seed_text)
    brief = _brief(report["problems"])
    # the URL items find their works; "United States Central Command" names no stored work
    assert ("unmatched-entry", 61, "2.", None) in brief
    assert ("never-cited", 62, "3.", "caravanserai-archive") in brief
    assert ("never-cited", 61, "2.", "juraev2018") in brief


# --- manuscripts of our own ----------------------------------------------------------------

MARKDOWN = """\
# Digital diplomacy in Uzbekistan

Digital history is written online [1, p. 258]. Diplomacy moved to the web [3].
Earlier work [2] studied the foreign policy. See also [7] and (Komolov, 2024).

## References

1. Mominov K. Digital History. Tashkent : Nurafshon business, 2022.
2. Juraev F. S. Digital diplomacy in the foreign policy of a national state. Tashkent, 2018. 80 p.
3. The USA donated special equipment to the border troops of Uzbekistan. URL: https://uz.usembassy.gov/uz/united-states-presents-equipment-to-uzbek-border-troops-2-uz/
5. Petrov P. Unknown book. Moscow, 2001.
"""


def test_markdown_manuscript_every_kind_of_list_problem(run, tmp_path):
    path = tmp_path / "paper.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    code, report = _audit(run, path)
    assert code == 6
    assert report["list"] == {"heading": "References", "line": 6, "entries": 4}
    assert report["citations"] == 5
    assert _brief(report["problems"]) == [
        ("out-of-order", 4, None, None),
        ("unknown-number", 4, None, None),
        ("unknown-work", 4, None, "komolov2024"),
        ("skipped-number", 11, "5.", None),
        ("unmatched-entry", 11, "5.", None),
        ("never-cited", 11, "5.", None),
    ]
    messages = [p["message"] for p in report["problems"] if p["kind"] not in JUNK]
    assert messages[:3] == [
        "[2]: item 2 is first cited after item 3; the list is not numbered in order of first"
        " citation",
        "[7]: no item in the list has the number 7",
        "(Komolov, 2024): komolov2024 is not in the list",
    ]
    assert messages[3] == "number 4 is skipped"
    differs = {p["key"] for p in report["problems"] if p["kind"] == "differs"}
    assert differs == {"mominov2022", "juraev2018", "usembassy2023"}


def test_a_clean_manuscript_exits_0_and_prints_nothing(run, tmp_path):
    path = tmp_path / "clean.md"
    path.write_text(
        "Digital diplomacy is a branch of foreign policy [1, p. 12].\n\n## Список литературы\n\n"
        f"1. {GOLDEN['juraev2018']['gost']}\n",
        encoding="utf-8",
    )
    result = run("audit", str(path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert run("audit", str(path), "--style", "apa").exit_code == 6  # an APA list differs


def test_apa_manuscript_author_year_references(run, tmp_path):
    apa = GOLDEN["juraev2018"]["apa"].replace("*", "")
    path = tmp_path / "apa.md"
    path.write_text(
        "As Juraev (2018, p. 5) shows, and as others agree (Mominov, 2022; Smith, 2020).\n\n"
        f"References\n\n{apa}\n\nMominov, K. (2022). Digital history. Nurafshon business.\n",
        encoding="utf-8",
    )
    code, report = _audit(run, path, "--style", "apa")
    assert report["list"]["entries"] == 2  # unnumbered paragraphs
    assert _brief(report["problems"]) == [("unknown-work", 1, None, None)]  # (Smith, 2020)
    differs = [p for p in report["problems"] if p["kind"] == "differs"]
    assert [p["key"] for p in differs] == ["mominov2022"]  # "Digital history" vs "Digital History"
    assert code == 6


def _docx_with_footnotes(path: Path, body: list[tuple[str, int | None]], notes: dict[int, str]):
    """A .docx whose paragraphs call footnotes (python-docx writes no footnotes itself)."""
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for text, note in body:
        paragraph = document.add_paragraph(text)
        if note:
            reference = OxmlElement("w:footnoteReference")
            reference.set(qn("w:id"), str(note))
            paragraph.add_run()._r.append(reference)
    document.save(str(path))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        for n, text in notes.items()
    )
    separator = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    )
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "word/footnotes.xml", f'<w:footnotes xmlns:w="{w}">{separator}{xml}</w:footnotes>'
        )


def test_docx_manuscript_with_footnotes(run, tmp_path):
    path = tmp_path / "paper.docx"
    _docx_with_footnotes(
        path,
        [
            ("Digital diplomacy", None),
            ("New media are used in diplomacy.", 1),
            ("History is digital too.", 2),
            ("The state studies it [2].", None),
            ("Список литературы", None),
            ("1. Mominov K. Digital History. – Tashkent : Nurafshon business, 2022.", None),
            (f"2. {GOLDEN['juraev2018']['gost']}", None),
            ("3. Daryo. Uzbekistan allocates aid. URL: https://daryo.uz/2023/11/02/x", None),
        ],
        {1: "Mominov K. Digital History. P. 258.", 2: "Там же. С. 260."},
    )
    code, report = _audit(run, path)
    assert report["list"] == {"heading": "Список литературы", "line": 5, "entries": 3}
    assert report["citations"] == 3  # two footnotes and [2]
    assert _brief(report["problems"]) == [
        ("unmatched-entry", 8, "3.", None),
        ("never-cited", 8, "3.", None),
    ]
    assert code == 6


def test_latex_manuscript_cites_keys_and_keeps_line_numbers(run, tmp_path):
    path = tmp_path / "paper.tex"
    path.write_text(
        "\\documentclass{article}\n"  # 1
        "\\begin{document}\n"  # 2
        "\\section{Introduction}\n"  # 3
        "Digital history\\footnote{See\n"  # 4
        "\\cite{mominov2022}.} grows \\parencite[80]{komolov2024}.\n"  # 5
        "% \\cite{juraev2018} is only a comment\n"  # 6
        "\\begin{thebibliography}{9}\n"  # 7
        "\\bibitem{mominov2022} Mominov, K. \\textit{Digital History} / K. Mominov. --- Tashkent"
        " : Nurafshon business, 2022. --- Текст : непосредственный.\n"  # 8
        "\\bibitem{juraev2018} Juraev F. S. Digital diplomacy. 2018.\n"  # 9
        "\\end{thebibliography}\n"  # 10
        "\\end{document}\n",
        encoding="utf-8",
    )
    code, report = _audit(run, path)
    assert report["list"] == {"heading": "References", "line": 7, "entries": 2}
    assert report["citations"] == 2
    assert _brief(report["problems"]) == [
        ("unknown-work", 5, None, "komolov2024"),  # the footnote's lines are kept
        ("never-cited", 9, "juraev2018", "juraev2018"),  # a \\bibitem key names its work
    ]
    differs = [p["key"] for p in report["problems"] if p["kind"] == "differs"]
    assert differs == ["juraev2018"]  # the LaTeX markup of item 1 is read as text
    assert code == 6


def test_a_numbered_alphabetical_list_is_not_held_to_citation_order(run, tmp_path):
    path = tmp_path / "alpha.md"
    path.write_text(
        "First [2], then [1].\n\nReferences\n\n"
        "1. Juraev F. S. Digital diplomacy in the foreign policy of a national state. 2018.\n"
        "2. Mominov K. Digital History. 2022.\n",
        encoding="utf-8",
    )
    _code, report = _audit(run, path)
    assert "out-of-order" not in {p["kind"] for p in report["problems"]}
    path.write_text(
        "First [2], then [1].\n\nReferences\n\n"
        "1. Mominov K. Digital History. 2022.\n"
        "2. Juraev F. S. Digital diplomacy in the foreign policy of a national state. 2018.\n",
        encoding="utf-8",
    )
    _code, report = _audit(run, path)
    assert [p["line"] for p in report["problems"] if p["kind"] == "out-of-order"] == [1]


# --- errors --------------------------------------------------------------------------------


def test_errors_are_one_line(run, tmp_path):
    missing = run("audit", str(tmp_path / "nope.md"))
    assert missing.exit_code == 3 and missing.stderr.count("\n") == 1
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    odd = run("audit", str(pdf))
    assert odd.exit_code == 5
    assert (
        odd.stderr
        == f"diprefs: error: {pdf}: cannot read a .pdf file (.docx, .markdown, .md, .tex, .txt)\n"
    )
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    assert run("audit", str(broken)).exit_code == 5
    no_list = tmp_path / "nolist.md"
    no_list.write_text("Text [1].\n\n1. Not under a heading.\n", encoding="utf-8")
    result = run("audit", str(no_list))
    assert result.exit_code == 5
    assert result.stderr == (
        f"diprefs: error: {no_list}: no reference list found (no heading such as 'References'"
        " or 'Список литературы')\n"
    )
    empty = tmp_path / "empty.md"
    empty.write_text("Text [1].\n\n## References\n", encoding="utf-8")
    result = run("audit", str(empty))
    assert result.exit_code == 5 and "no reference list found under 'References'" in result.stderr
    assert run("audit", str(no_list), "--cited-by", "nosuch").exit_code == 3
    assert run("audit", str(no_list), "--style", "mla").exit_code == 2


def test_json_shape_follows_the_contract(run, tmp_path):
    path = tmp_path / "paper.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    _code, report = _audit(run, path)
    assert list(report) == ["manuscript", "cited_by", "style", "list", "citations", "problems"]
    assert list(report["list"]) == ["heading", "line", "entries"]
    assert all(list(p) == ["kind", "line", "label", "key", "message"] for p in report["problems"])
    assert report["cited_by"] is None


# --- the README's example ------------------------------------------------------------------


def test_readme_shows_the_real_audit_of_the_example_manuscript(run, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Auditing a manuscript", 1)[1].split("\n## ", 1)[0]
    command, output = re.findall(r"```\n(.*?)```", section, re.DOTALL)[:2]
    assert command == "diprefs audit examples/manuscript.md\n"
    monkeypatch.chdir(ROOT)
    result = run(*command.split()[1:])
    assert result.exit_code == 6
    assert result.stdout == output
