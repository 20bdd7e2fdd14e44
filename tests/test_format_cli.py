"""``diprefs format``: selection, order, styles, output formats and settings (docs/cli.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from diprefs.model import Contributor, Name, Work
from diprefs.storage.db import open_library
from diprefs.storage.works import add_work

SEED = {
    case["seed"]: case
    for case in tomllib.loads(
        (Path(__file__).parent / "golden" / "seed.toml").read_text(encoding="utf-8")
    )["case"]
}
CITED = ["mominov2022", "juraev2018", "caravanserai-archive", "usembassy2023", "daryo2023"]


def _unmarked(text: str) -> str:
    return text.replace("*", "")


def test_cited_by_prints_the_numbered_list_in_citation_order(run):
    result = run("format", "--cited-by", "komolov2024")
    assert result.exit_code == 0, result.output
    expected = [f"{i}. {SEED[k]['gost']}" for i, k in enumerate(CITED, 1)]
    assert result.stdout.splitlines() == expected


def test_apa_lists_are_never_numbered_and_alpha_sorts_by_author(run):
    result = run("format", "--cited-by", "komolov2024", "--style", "apa", "--order", "alpha")
    assert result.exit_code == 0, result.output
    order = ["caravanserai-archive", "juraev2018", "mominov2022", "usembassy2023", "daryo2023"]
    assert result.stdout.splitlines() == [_unmarked(SEED[k]["apa"]) for k in order]


def test_gost_2008_and_aliases(run):
    old = run("format", "mominov2022", "--style", "gost-7.0.5-2008")
    assert old.stdout == f"1. {SEED['mominov2022']['gost-2008']}\n"
    assert run("format", "mominov2022", "--style", "apa7").stdout == (
        _unmarked(SEED["mominov2022"]["apa"]) + "\n"
    )


def test_whole_library_without_selection(run):
    lines = run("format").stdout.splitlines()
    assert len(lines) == 6
    assert [line.split(". ", 1)[0] for line in lines] == ["1", "2", "3", "4", "5", "6"]


def test_unknown_key_tag_and_style(run):
    assert run("format", "nosuch").exit_code == 3
    assert run("format", "--tag", "nosuch").exit_code == 3
    assert run("format", "--cited-by", "komolov").exit_code == 3
    assert run("format", "--style", "mla").exit_code == 2


def test_option_combinations_that_are_usage_errors(run):
    assert run("format", "--to", "docx").exit_code == 2
    assert run("format", "--standalone").exit_code == 2
    assert run("format", "--to", "markdown", "--standalone").exit_code == 2


def test_lang_sets_content_type_wording(run):
    en = run("format", "mominov2022", "--lang", "en").stdout
    uz = run("format", "mominov2022", "--lang", "uz").stdout
    assert en.rstrip().endswith("— Text : unmediated.")
    assert uz.rstrip().endswith("— Matn : bevosita.")


def test_set_overrides_and_bad_settings(run):
    out = run("format", "mominov2022", "--set", "gost.dash=–").stdout
    assert out == "1. " + SEED["mominov2022"]["gost"].replace("—", "–") + "\n"
    short = run("format", "mominov2022", "--style", "gost-2008", "--set", "gost-2008.separator=. ")
    assert short.stdout == "1. Mominov K. Digital History. Tashkent : Nurafshon business, 2022.\n"
    assert run("format", "--set", "gost.dash=x").exit_code == 2
    assert run("format", "--set", "gost.nosuch=1").exit_code == 2
    assert run("format", "--set", "nonsense").exit_code == 2


def test_config_file_is_read_and_a_broken_one_refused(run, _isolated_home):
    config = _isolated_home / "config.toml"
    config.write_text('[gost]\ndash = "–"\n', encoding="utf-8")
    assert " – Tashkent" in run("format", "mominov2022").stdout
    config.write_text("[gost\n", encoding="utf-8")
    result = run("format", "mominov2022")
    assert result.exit_code == 1
    assert "config.toml" in result.stderr
    config.write_text('[gost]\ndash = "x"\n', encoding="utf-8")
    assert run("format", "mominov2022").exit_code == 1


def test_output_file_is_plain_numbered_text(run, tmp_path):
    target = tmp_path / "list.txt"
    assert run("format", "--cited-by", "komolov2024", "-o", str(target)).exit_code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"1. {SEED['mominov2022']['gost']}"
    assert len(lines) == 5


def test_markdown_keeps_italics(run):
    gost = run("format", "mominov2022", "--to", "markdown").stdout
    assert gost.startswith("1. Mominov, K. Digital History / K. Mominov.")
    apa = run("format", "mominov2022", "juraev2018", "--style", "apa", "--to", "markdown").stdout
    assert "Mominov, K. (2022). *Digital History*. Nurafshon business.\n" in apa
    assert "\\[Monograph\\]" in apa  # [..] would read as a link


def test_html_and_latex_fragments_and_documents(run):
    html = run("format", "--cited-by", "komolov2024", "--to", "html").stdout
    assert html.startswith('<ol class="references">') and html.count("<li>") == 5
    apa = run("format", "mominov2022", "--style", "apa", "--to", "html").stdout
    assert apa == (
        '<div class="references">\n'
        "  <p>Mominov, K. (2022). <i>Digital History</i>. Nurafshon business.</p>\n</div>\n"
    )
    page = run("format", "mominov2022", "--to", "html", "--standalone").stdout
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    latex = run("format", "mominov2022", "--style", "apa", "--to", "latex").stdout
    assert "\\bibitem[]{mominov2022} Mominov, K. (2022). \\textit{Digital History}." in latex
    gost = run("format", "mominov2022", "--to", "latex", "--standalone").stdout
    assert gost.startswith("\\documentclass") and "\\bibitem{mominov2022}" in gost


@pytest.fixture
def awkward(library):
    """A work whose title holds every character the output formats must escape."""
    db = open_library(library)
    with db.atomic():
        add_work(
            db,
            Work(
                key="awkward",
                type="book",
                language="en",
                title="Costs <b> & 50% of x_1 {y} #2 *bold*\u202e",
                publisher="P & Q",
                dates={"issued": "2020"},
                contributors=(Contributor(Name(family="Doe", given="Jane")),),
            ),
        )
    db.conn.close()
    return library


def test_specials_are_escaped_in_every_format(run, awkward):
    html = run("format", "awkward", "--style", "apa", "--to", "html").stdout
    assert "<i>Costs &lt;b&gt; &amp; 50% of x_1 {y} #2 *bold*</i>" in html
    assert "P &amp; Q" in html
    latex = run("format", "awkward", "--style", "apa", "--to", "latex").stdout
    assert r"\textit{Costs <b> \& 50\% of x\_1 \{y\} \#2 *bold*}" in latex
    md = run("format", "awkward", "--style", "apa", "--to", "markdown").stdout
    assert r"*Costs \<b\> & 50% of x\_1 {y} #2 \*bold\**" in md
    text = run("format", "awkward").stdout
    assert "\u202e" not in text  # bidi controls are stripped


def test_terminal_output_is_rich_text_with_italics(run, monkeypatch):
    monkeypatch.setattr("diprefs.cli.format.is_terminal", lambda: True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = run("format", "caravanserai-archive", "mominov2022", "--style", "apa").stdout
    assert "\x1b[3mDigital History\x1b[0m" in out  # italic
    assert "[Archives]. (n.d.)." in out  # no markup: brackets survive


def test_docx_gost_numbered_times_14_and_apa_hanging_12(run, tmp_path):
    docx = pytest.importorskip("docx")
    from docx.shared import Inches, Pt

    gost = tmp_path / "gost.docx"
    assert (
        run("format", "--cited-by", "komolov2024", "--to", "docx", "-o", str(gost)).exit_code == 0
    )
    doc = docx.Document(str(gost))
    items = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in items] == [SEED[k]["gost"] for k in CITED]
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Normal"].font.size == Pt(14)
    apa = tmp_path / "apa.docx"
    args = ("format", "mominov2022", "--style", "apa", "--to", "docx", "-o", str(apa))
    assert run(*args).exit_code == 0
    doc = docx.Document(str(apa))
    (entry,) = [p for p in doc.paragraphs if p.text.startswith("Mominov")]
    assert entry.paragraph_format.first_line_indent == -Inches(0.5)
    assert entry.paragraph_format.left_indent == Inches(0.5)
    assert [r.text for r in entry.runs if r.italic] == ["Digital History"]
    assert doc.styles["Normal"].font.size == Pt(12)


def test_readme_shows_what_the_first_command_prints(run):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    shown = readme.split("The first command prints:\n\n```\n", 1)[1].split("```", 1)[0]
    assert run("format", "--cited-by", "komolov2024").stdout == shown


def test_unwritable_output_is_one_error_line(run, tmp_path):
    for to in ("text", "docx"):
        result = run("format", "--to", to, "-o", str(tmp_path / "no" / "such" / "list.out"))
        assert result.exit_code == 1
        assert result.stderr.startswith("diprefs: error: cannot write")


def test_bulk_loader_builds_the_same_works_as_get_work(library):
    from diprefs.storage import selection, works

    db = open_library(library)
    loaded, genders = selection.load_works(db, selection.all_ids(db))
    assert [w.key for w in loaded] == works.all_keys(db)
    for work in loaded:
        assert work == works.get_work(db, work.key)
    assert genders == {}  # the seed records no genders
    only, _ = selection.load_works(db, selection.all_ids(db), ("origlanguage",))
    assert all(w.source is None or w.source.fields == () for w in only)
    db.conn.close()
