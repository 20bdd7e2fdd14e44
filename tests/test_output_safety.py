"""Output safety (issue 7): hostile titles and names come out escaped in every format.

Titles and names holding HTML, LaTeX specials, Markdown syntax, control characters, bidi
controls, right-to-left scripts and very long strings go through ``format --to`` (text, markdown,
html, latex, docx), ``export`` (biblatex, bibtex, csljson, ris) and the terminal tables. The
expected strings are worked out by hand from each format's escaping rules (styles/render.py,
formats/bibtex_writer.py, docs/cli.md). Control and bidi control characters are stripped
(src/diprefs/controls.py), except in CSL-JSON, which writes them as JSON escapes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run
from diprefs.controls import strip_controls
from diprefs.formats.bibtex import read_bibtex
from diprefs.formats.bibtex_writer import safe_key, write_bibtex
from diprefs.formats.ris import read_ris
from diprefs.model import Contributor, Name, Work

# --- the hostile works ---------------------------------------------------------------------

SPECIALS = r"Tags <b>&amp; 50% $x^2$ a_b {c} #1 ~d \e *s* [l](u) `c` | x--y @me"
#: Every character between the capitals is a control or bidi control character.
CONTROLS = "A\x07B\x1bC\u202eD\u202cE\u2066F\u2069G\u200eH\u200fI\x00J\x7fK\x9bL\u061cM\uffffN"
BREAKS = "M\nN\tO\r\nP\u2028Q\x85R"
PERSIAN = "کتاب\u200cها و مقاله\u200cها"  # "books and articles", ZWNJ twice
HEBREW = "ספר הזיכרון"
ARABIC = "اللغة العربية"
ZWJ = "क\u200dष"
LONG = "Long " + "ab&c " * 20_000  # 100,005 characters

#: Every code point that must never appear raw in any output.
FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


def _work(key: str, title: str, *names: Name, **fields: str) -> Work:
    return Work(
        key=key,
        type="book",
        title=title,
        publisher_place="Tashkent",
        publisher="Fan",
        dates={"issued": "2020"},
        contributors=tuple(Contributor(n) for n in names),
        **fields,
    )


WORKS = [
    _work("specials", SPECIALS, Name(family="O'Brien", given="Jo")),
    _work("controls", CONTROLS, Name(family="Ev\u202eil", given="Bo\x1bb")),
    _work("breaks", BREAKS, Name(family="Karimov", given="A."), abstract="one\r\ntwo\rER  - x"),
    _work("persian", PERSIAN, Name(family="رضایی", given="علی")),
    _work("hebrew", HEBREW, Name(family="כהן", given="דוד")),
    _work("arabic", ARABIC, Name(family="الخطيب", given="أحمد")),
    _work("zwj", ZWJ, Name(family="Sharma", given="R.")),
    _work("long", LONG, Name(family="Long", given="L.")),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A library holding ``WORKS`` as works added by hand (written from the model on export)."""
    from diprefs.services.library import init
    from diprefs.storage.db import open_library, transaction
    from diprefs.storage.works import add_work

    path = tmp_path_factory.mktemp("hostile") / "library.db"
    init(path, empty=True, force=False)
    db = open_library(path)
    with transaction(db):
        for work in WORKS:
            add_work(db, work)
    db.conn.close()
    return path


@pytest.fixture
def run(hostile) -> Run:
    return Run(hostile)


def _out(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert FORBIDDEN.search(result.stdout) is None, repr(FORBIDDEN.search(result.stdout))
    return result.stdout


# --- format --to ---------------------------------------------------------------------------

ESCAPED_SPECIALS = {
    "text": SPECIALS,
    "markdown": (
        r"Tags \<b\>\&amp; 50% \$x\^2\$ a\_b {c} #1 \~d \\e \*s\* \[l\](u) \`c\` \| x--y \@me"
    ),
    "html": r"Tags &lt;b&gt;&amp;amp; 50% $x^2$ a_b {c} #1 ~d \e *s* [l](u) `c` | x--y @me",
    "latex": (
        r"Tags <b>\&amp; 50\% \$x\textasciicircum{}2\$ a\_b \{c\} \#1 \textasciitilde{}d"
        r" \textbackslash{}e *s* [l](u) `c` | x-{}-y @me"
    ),
}


@pytest.mark.parametrize("to", ["text", "markdown", "html", "latex"])
def test_specials_are_escaped_for_each_format(run, to):
    assert ESCAPED_SPECIALS[to] in _out(run, "format", "specials", "--to", to)


@pytest.mark.parametrize("to", ["text", "markdown", "html", "latex"])
@pytest.mark.parametrize("style", ["gost", "apa"])
def test_controls_and_bidi_controls_are_stripped_and_letters_kept(run, to, style):
    out = _out(run, "format", "controls", "breaks", "persian", "hebrew", "arabic", "zwj",
               "--style", style, "--to", to)  # fmt: skip
    assert "ABCDEFGHIJKLMN" in out
    assert "Evil" in out and "Bo\x1bb" not in out
    assert "M N O P Q R" in out  # line breaks and tabs are spaces: one reference, one line
    for text in (PERSIAN, HEBREW, ARABIC, ZWJ, "رضایی", "כהן", "الخطيب"):
        assert text in out, text


def test_a_reference_is_one_line_in_text_markdown_and_html(run):
    text = _out(run, "format", "breaks", "--to", "text")
    assert text.count("\n") == 1
    html = _out(run, "format", "breaks", "--to", "html")
    assert html.count("<li>") == 1 and html.count("\n") == 3  # <ol>, <li>, </ol>


@pytest.mark.parametrize("to", ["text", "markdown", "html", "latex"])
def test_a_very_long_title_comes_out_whole_and_escaped(run, to):
    out = _out(run, "format", "long", "--to", to)
    piece = {"text": "ab&c ", "markdown": "ab&c ", "html": "ab&amp;c ", "latex": r"ab\&c "}[to]
    assert out.count(piece) == 20_000


@pytest.mark.parametrize(
    ("start", "escaped"),
    [("1. Org", r"1\. Org"), ("2) Org", r"2\) Org"), ("# Org", r"\# Org"), ("- Org", r"\- Org")],
)
def test_markdown_never_starts_a_list_or_heading_from_data(start, escaped):
    from diprefs.styles.render import markdown

    assert markdown(((start, False),)) == escaped


def test_latex_bibitem_keys_cannot_break_out():
    from diprefs.styles.render import latex_list

    out = latex_list([("a}b%c d\\e#\x1b", (("T", False),))], numbered=True)
    assert "\\bibitem{a-b-c-d-e-} T\n" in out


def test_docx_runs_hold_the_text_without_controls(run, tmp_path):
    from docx import Document

    target = tmp_path / "list.docx"
    keys = ("specials", "controls", "breaks", "persian", "hebrew", "long")
    result = run("format", *keys, "--to", "docx", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert FORBIDDEN.search(text) is None
    for piece in (SPECIALS, "ABCDEFGHIJKLMN", "M N O P Q R", PERSIAN, HEBREW, LONG.strip()):
        assert piece in text


# --- export --------------------------------------------------------------------------------


def test_biblatex_export_escapes_and_strips(run):
    out = _out(run, "export", "specials", "controls", "breaks", "persian")
    assert "  title = {" + ESCAPED_SPECIALS["latex"] + "},\n" in out
    assert "  title = {ABCDEFGHIJKLMN},\n" in out
    assert "  author = {Evil, Bob},\n" in out
    assert "  title = {M N O  P Q R},\n" in out  # CR LF: two spaces, which BibTeX reads as one
    assert "  title = {" + PERSIAN + "},\n" in out


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_exported_bibtex_reads_back_as_the_same_fields(run, dialect):
    keys = ("controls", "breaks", "persian", "hebrew", "arabic", "zwj", "long")
    out = _out(run, "export", *keys, "--format", dialect)
    result = read_bibtex(out, file="x.bib")
    assert result.problems == []
    back = {w.key: w for w in result.works}
    for work in WORKS:
        if work.key in keys:
            assert back[work.key].title == " ".join(strip_controls(work.title).split())
            assert back[work.key].publisher == work.publisher


def test_ris_export_strips_and_cannot_be_cut_short(run):
    out = _out(run, "export", "specials", "controls", "breaks", "--format", "ris")
    assert f"TI  - {SPECIALS}\n" in out
    assert "TI  - ABCDEFGHIJKLMN\n" in out
    assert "AU  - Evil, Bob\n" in out
    # The abstract keeps its lines, and its "ER  - " line cannot end the record.
    result = read_ris(out, file="x.ris")
    assert result.problems == []
    assert [w.key for w in result.works] == ["specials", "controls", "breaks"]  # as selected
    assert result.works[2].abstract.split() == ["one", "two", "ER", "-", "x"]


def test_csljson_export_escapes_controls_and_keeps_the_data(run):
    out = _out(run, "export", "specials", "controls", "persian", "--format", "csljson")
    assert "\\u202e" in out and "\\u001b" in out  # inert JSON escapes
    items = {item["id"]: item for item in json.loads(out)}
    assert items["specials"]["title"] == SPECIALS
    assert items["controls"]["title"] == CONTROLS  # lossless
    assert items["persian"]["title"] == PERSIAN


# --- the terminal --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("works", "list"),
        ("works", "show", "controls"),
        ("search", "A"),
        ("search", "--author", "Evil"),
    ],
)
def test_tables_for_people_carry_no_escape_sequences(run, args):
    out = _out(run, *args)
    assert "ABCDEFGHIJKLMN" in out.replace("\n", "").replace(" ", "").replace("│", "")


def test_stripping_rules():
    from diprefs.controls import escape_controls, strip_spans

    assert strip_controls("a\x1b[0mb\u202ec\u200cd\u200de") == "a[0mbc\u200cd\u200de"
    assert strip_controls("a\r\nb\tc\u2028d") == "a  b c d"
    assert strip_controls("a\r\nb\rc\u2028d\te\x00", keep_lines=True) == "a\nb\nc\nd e"
    assert strip_controls("\ud800\ufffe\uffff\x85\x9b") == " "
    # A search hit stays on its word when a control before it goes.
    assert strip_spans("\x1bab cd", [(4, 6)]) == ("ab cd", [(3, 5)])
    assert escape_controls("a\u202eb\u200cc", lambda ch: f"<{ord(ch):x}>") == "a<202e>b\u200cc"


# --- property: exported BibTeX re-parses to the same fields --------------------------------


def _norm(text: str) -> str:
    """What BibTeX keeps of a value: controls stripped, runs of spaces, tabs and line breaks one
    space, none at either end (a no-break space is kept)."""
    return re.sub(r"[ \t\r\n]+", " ", strip_controls(text)).strip(" ")


#: Field values: letters of several scripts, LaTeX, Markdown and HTML syntax, controls, bidi
#: controls, ZWNJ/ZWJ and white space.
_TEXT_CHARS = st.sampled_from(
    [
        *"aZ яЖ ўқ ʻ ک ע 7 .,;:!?()[]<>\"'`@*|=+-–—/{}\\%$&#_~^\t\n",
        *("\x07", "\x1b", "\u202e", "\u2066", "\u200e", "\u200c", "\u200d", "\xa0", "e\u0301"),
    ]
)
_TEXT = st.lists(_TEXT_CHARS, max_size=20).map("".join)
#: Name parts: no braces (the BibTeX name grammar reads them as protection), no TeX ligature
#: pairs.
_NAME_CHARS = st.sampled_from([*"aZ яЖ ўқ ʻ ک ע .,'-&%$#_@\\~^", "\x07", "\u202e", " and "])
_NAME = (
    st.lists(_NAME_CHARS, min_size=1, max_size=10)
    .map("".join)
    .filter(lambda s: _norm(s) and _norm(s).lower() != "others")
    .filter(lambda s: "--" not in _norm(s) and "''" not in _norm(s))
)
_PARTICLE = st.sampled_from(["", "de", "van der", "al"])
_KEY = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)
#: Model fields the BibTeX writer maps in both dialects (with the type's container field).
_FIELDS = ("title", "container_title", "publisher", "publisher_place", "volume", "note")


@st.composite
def _works(draw) -> Work:
    people = draw(st.lists(st.tuples(_PARTICLE, _NAME, _NAME | st.just("")), max_size=3))
    # After a particle the family name starts with a capital, as it does in life ("de Gaulle",
    # "van der Waals"), and a given name follows: bibtexparser reads "de a" and "de Gaulle,"
    # as a given name and a family name.
    people = [(p, "Z" + f, g or "J.") if p else (p, f, g) for p, f, g in people]
    return Work(
        key=draw(_KEY),
        type=draw(st.sampled_from(["book", "article-journal", "chapter", "report"])),
        dates={"issued": "2021"},
        contributors=tuple(Contributor(Name(family=f, given=g, particle=p)) for p, f, g in people),
        **{field: draw(_TEXT) for field in _FIELDS},
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_works(), st.sampled_from(["biblatex", "bibtex"]))
def test_exported_bibtex_always_reparses_to_the_same_fields(work, dialect):
    result = read_bibtex(write_bibtex([work], [], dialect=dialect), file="x.bib")
    assert result.problems == []
    (back,) = result.works
    assert back.key == safe_key(work.key)
    for field in _FIELDS:
        assert getattr(back, field) == _norm(getattr(work, field)), field
    assert back.dates == work.dates
    assert [
        (c.name.particle, c.name.family, " ".join(filter(None, (c.name.given, c.name.patronymic))))
        for c in back.contributors
    ] == [(c.name.particle, _norm(c.name.family), _norm(c.name.given)) for c in work.contributors]


def test_two_keys_bibtex_cannot_hold_are_told_apart():
    works = [Work(key="a b", title="One"), Work(key="a,b", title="Two"), Work(key="a-b-x")]
    result = read_bibtex(write_bibtex(works, []), file="x.bib")
    assert [w.key for w in result.works] == ["a-b", "a-ba", "a-b-x"]
    assert [w.title for w in result.works] == ["One", "Two", ""]


@pytest.mark.parametrize(
    ("key", "written"), [("@(", "-("), ("a@b(c)", "a-b(c)"), ("me@uz", "me@uz")]
)
def test_an_at_sign_the_splitter_would_take_for_a_block_start_is_replaced(key, written):
    result = read_bibtex(write_bibtex([Work(key=key, type="book", title="T")], []), file="x.bib")
    assert result.problems == []
    assert [(w.key, w.title) for w in result.works] == [(written, "T")]


def test_a_caret_round_trips_through_bibtex():
    work = Work(key="k", type="book", title="x^2")
    assert read_bibtex(write_bibtex([work], [])).works[0].title == "x^2"


def test_a_url_with_a_tilde_and_a_percent_round_trips_through_bibtex():
    url = "https://example.org/~user/a%20b"
    assert read_bibtex(f"@misc{{k, url = {{{url}}}}}").works[0].url == url


def test_a_csljson_import_exports_to_bibtex_with_its_fields(tmp_path):
    run = Run(tmp_path / "library.db")
    assert run("init", "--empty").exit_code == 0
    path = tmp_path / "one.json"
    path.write_text(
        '[{"id": "smith2020", "type": "book", "title": "A Book", "publisher": "Pub",'
        ' "author": [{"family": "Smith", "given": "John"}], "issued": {"date-parts": [[2020]]}}]',
        encoding="utf-8",
    )
    assert run("import", str(path)).exit_code == 0
    (back,) = read_bibtex(run("export").stdout).works
    assert (back.title, back.publisher, back.contributors[0].name.family) == (
        "A Book",
        "Pub",
        "Smith",
    )
