"""Hostile input through ``diprefs import`` (issue 7), for every reader: BibTeX, CSL-JSON, RIS.

Random bytes, and valid files mutated at random (spans deleted, repeated, cut short, replaced by
text full of the format's own syntax, control characters, stray encodings), are imported through
the CLI into a library. Whatever comes in:

- no traceback, and an exit code the contract names (0, 5 or 6);
- every problem line names the file and a line (``FILE:LINE: KEY: message``), and a refusal
  (exit 5) names the file or is followed by such lines;
- all or nothing: a refusal leaves the library as it was, and otherwise the library gains
  exactly the works the summary line counts, and checks clean.

The per-reader property tests (test_import_bad_input.py, test_csljson.py, test_ris.py) test the
readers themselves; this file tests the importer and the CLI around them.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run

FORMATS = ("bibtex", "csljson", "ris")
SUFFIX = {"bibtex": ".bib", "csljson": ".json", "ris": ".ris"}
#: Text each format is made of, so that mutations hit its syntax rather than only its words.
SYNTAX = {
    "bibtex": ["@", "{", "}", '"', ",", "=", "#", "%", "\\", "@string{", "@comment{", " and "],
    "csljson": ["[", "]", "{", "}", '"', ",", ":", "\\", "\\u", "\\ud800", "null", '"id"'],
    "ris": ["TY  - ", "ER  - ", "AU  - ", "PY  - ", "\r", "\n", "  - ", "ID  - ", "TY  - JOUR"],
}
_NOISE = st.sampled_from(
    ["\x00", "\x07", "\x1b[2J", "\u202e", "\ufeff", "\r\n", "\u2028", "é", "Ж", "ک", "\\u0000"]
)
SUMMARY = re.compile(r"^diprefs: imported (\d+), updated (\d+), skipped (\d+), problems (\d+)")


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory) -> Path:
    from diprefs.services.library import init

    path = tmp_path_factory.mktemp("empty") / "library.db"
    init(path, empty=True, force=False)
    return path


@pytest.fixture(scope="module")
def seeds(seeded_template, tmp_path_factory) -> dict[str, str]:
    """The seed library exported in each format: valid files to mutate."""
    library = tmp_path_factory.mktemp("seeds") / "library.db"
    shutil.copy(seeded_template, library)
    run = Run(library)
    out = {}
    for fmt, export in (("bibtex", "biblatex"), ("csljson", "csljson"), ("ris", "ris")):
        result = run("export", "--format", export)
        assert result.exit_code == 0, result.output
        out[fmt] = result.stdout
    return out


@st.composite
def mutated(draw, text: str, fmt: str) -> bytes:
    """``text`` with one to four random edits, then encoded (now and then not as UTF-8)."""
    pieces = st.sampled_from(SYNTAX[fmt]) | _NOISE | st.text(max_size=6)
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        edit = draw(st.sampled_from(["delete", "insert", "replace", "repeat", "cut"]))
        if edit == "delete":
            text = text[:start] + text[end:]
        elif edit == "insert":
            text = text[:start] + draw(pieces) + text[start:]
        elif edit == "replace":
            text = text[:start] + "".join(draw(st.lists(pieces, max_size=3))) + text[end:]
        elif edit == "repeat":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "cp1251"]))
    return text.encode(encoding, errors="replace")


def _works(library: Path) -> int:
    conn = sqlite3.connect(library)
    try:
        return conn.execute("SELECT count(*) FROM works").fetchone()[0]
    finally:
        conn.close()


def _check(tmp: Path, template: Path, data: bytes, fmt: str, explicit: bool):
    """Import ``data``, assert everything the module docstring promises, return the result."""
    library = tmp / "library.db"
    shutil.copy(template, library)
    path = tmp / f"input{SUFFIX[fmt]}"
    path.write_bytes(data)
    run = Run(library)
    args = ("import", str(path), *(("--format", fmt) if explicit else ()))
    result = run(*args)

    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 5, 6), result.output
    lines = result.stderr.splitlines()
    problems = [line for line in lines if not line.startswith("diprefs: ")]
    for line in problems:
        assert re.match(re.escape(str(path)) + r":\d+: ", line), line
    after = _works(library)
    if result.exit_code == 5:
        assert str(path) in result.stderr, result.stderr
        assert after == 0  # nothing written
        return result
    summary = [m for m in map(SUMMARY.match, lines) if m]
    assert len(summary) == 1, lines
    imported, updated, _, count = map(int, summary[0].groups())
    assert after == imported and updated == 0
    assert count == len(problems)
    assert (result.exit_code == 6) == bool(problems)
    check = run("db", "check", "--json")
    assert check.exit_code == 0, check.output
    return result


_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("fmt", FORMATS)
@_SETTINGS
@given(data=st.data(), explicit=st.booleans())
def test_mutated_files_import_all_or_nothing_and_say_where(
    fmt, data, explicit, seeds, empty_template, tmp_path_factory
):
    payload = data.draw(mutated(seeds[fmt], fmt))
    _check(tmp_path_factory.mktemp(fmt), empty_template, payload, fmt, explicit)


@pytest.mark.parametrize("fmt", FORMATS)
@_SETTINGS
@given(payload=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_random_bytes_never_give_a_traceback(fmt, payload, empty_template, tmp_path_factory):
    _check(tmp_path_factory.mktemp(fmt), empty_template, payload, fmt, explicit=True)


@pytest.mark.parametrize(
    ("fmt", "data", "code", "message"),
    [
        ("csljson", b'[{"id": "a", "type": "book", "title": "x\\ud800"}]', 5, "surrogate"),
        ("csljson", b"[" * 100_000, 5, "not valid JSON"),
        ("ris", b"TY  - BOOK\r\nTI  - a\rER  - \nAU  - x\n", 6, "outside a record"),
        ("bibtex", b"@book{k, title = {\\}\\#}, year = 2020}", 0, "imported 1,"),
        ("bibtex", b"@book{ok, title={A}}\n@online{d\r\nSome title},\n}\n", 6, "unbalanced"),
    ],
    ids=["lone-surrogate", "deep-nesting", "bare-cr", "escaped-braces", "line-break-in-a-problem"],
)
def test_known_hostile_shapes(fmt, data, code, message, empty_template, tmp_path):
    result = _check(tmp_path, empty_template, data, fmt, explicit=True)
    assert result.exit_code == code, result.output
    assert message in result.stderr
