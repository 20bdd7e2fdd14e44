"""Bad input (issue 3): one clear line each, the right exit code, never a traceback.

Also the property test: mutated .bib text thrown at the importer leaves the library equal to a
clean import of exactly the good blocks.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run
from diprefs.services import transfer
from diprefs.storage.db import create_library, open_library

GOOD = "@book{good, author = {Каримов, Алишер}, title = {Good}, year = 2020}\n"


@pytest.fixture
def empty(tmp_path) -> Run:
    run = Run(tmp_path / "library.db")
    assert run("init", "--empty").exit_code == 0
    return run


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"@book{trunc, title = {Cut off", "{f}:2: trunc: truncated entry: the file ends"),
        (
            b"@book{open, title = {A {b}\n@book{after, title = {After}}\n",
            "{f}:2: open: unbalanced braces: no closing }",
        ),
        (b"@book{mac, journal = undefinedjournal}\n", "{f}:2: mac: undefined @string macro"),
        (
            b"@book{huge, abstract = {" + b"x" * 10_000_000 + b"}}\n",
            "{f}:2: huge: field 'abstract' is 10.0 million characters long",
        ),
        ("@book{cp, title = {Мир}}\n".encode("cp1251"), "{f}:2: (no key): mixed encodings"),
    ],
    ids=["truncated", "unbalanced", "undefined-macro", "10MB-field", "mixed-encodings"],
)
def test_one_clear_line_and_exit_6(empty, tmp_path, data, line):
    path = tmp_path / "bad.bib"
    path.write_bytes(GOOD.encode() + data)
    result = empty("import", str(path))
    assert result.exit_code == 6
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith(line.replace("{f}", str(path)))
    assert lines[1].startswith("diprefs: imported ")
    assert "Traceback" not in result.output
    assert "good" in [w["key"] for w in empty.json("works", "list")]


# --- property: mutated text ---------------------------------------------------------------

_WORDS = st.text(alphabet="abcdefghij klmnopqrstuvwxyzАБВабвгўқʻ", min_size=1, max_size=12)


@st.composite
def good_block(draw, index: int) -> str:
    title = draw(_WORDS).strip() or "t"
    author = draw(st.sampled_from(["Karimov, Alisher", "Жураев, Фаррух", "Smith, J.", "{UNESCO}"]))
    year = draw(st.integers(1950, 2025))
    return f"@article{{k{index}, author = {{{author}}}, title = {{{title}}}, year = {year}}}\n"


#: Mutations that make a block bad without touching its neighbours.
MUTATIONS = {
    "duplicate field": lambda b: b.replace(", year", ", title = {again}, year", 1),
    "extra closing brace": lambda b: b.replace("}, year", "}}, year", 1),
    "unclosed brace": lambda b: b.replace("title = {", "title = {{", 1),
    "no equals sign": lambda b: b.replace("year =", "year", 1),
    "truncated": lambda b: b[: b.index("title")] + "\n",
}


@st.composite
def mixed_file(draw) -> tuple[str, str]:
    """(the whole text, the text of its good blocks only)."""
    count = draw(st.integers(1, 6))
    blocks = [draw(good_block(i)) for i in range(count)]
    bad = draw(st.lists(st.integers(0, count - 1), unique=True, max_size=count - 1))
    mutations = [draw(st.sampled_from(sorted(MUTATIONS))) for _ in bad]
    whole = list(blocks)
    for i, name in zip(bad, mutations, strict=True):
        whole[i] = MUTATIONS[name](blocks[i])
    good = [b for i, b in enumerate(blocks) if i not in bad]
    return "".join(whole), "".join(good)


def _library_after(tmp_path_factory, text: str) -> str:
    path = tmp_path_factory.mktemp("prop") / "library.db"
    create_library(path)
    db = open_library(path)
    transfer.import_files(db, [transfer.Input("x.bib", text.encode())])
    exported, _ = transfer.export_works(db, [], None, [], "biblatex", False)
    scholars = db.execute("SELECT count(*) FROM scholars").fetchone()[0]
    db.conn.close()
    return f"{exported}\nscholars: {scholars}"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mixed_file())
def test_mutated_text_imports_exactly_the_good_blocks(tmp_path_factory, case):
    whole, good = case
    assert _library_after(tmp_path_factory, whole) == _library_after(tmp_path_factory, good)
