"""Encodings: UTF-8 (BOM), JabRef's header, Cyrillic code pages, GBK, mixed files, --encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from diprefs.errors import InvalidInputError
from diprefs.formats.encoding import decode, detect
from diprefs.services import transfer
from diprefs.storage.db import create_library, open_library
from diprefs.storage.selection import all_ids, load_works

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
UTF8_TWIN = CORPORA / "cyrillic" / "gost-bibtex-examples-utf8.bib"
CP1251_TWIN = CORPORA / "cyrillic" / "gost-bibtex-examples-cp1251.bib"
needs_twins = pytest.mark.skipif(
    not (UTF8_TWIN.exists() and CP1251_TWIN.exists()), reason=f"corpora not found at {CORPORA}"
)
RUSSIAN = "@book{a, author = {Жураев, Фаррух}, title = {Цифровая дипломатия и мир}, year = 2018}\n"


def test_utf8_with_a_bom():
    decoded = decode(b"\xef\xbb\xbf" + RUSSIAN.encode())
    assert (decoded.text, decoded.encoding) == (RUSSIAN, "utf-8")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "cp866"])
def test_cyrillic_code_pages_are_told_apart(encoding):
    decoded = decode(RUSSIAN.encode(encoding))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == detect(RUSSIAN.encode(encoding)) == encoding.replace("_", "-")


def test_gbk_bytes_are_not_taken_for_cyrillic_letters():
    text = "@article{k, title = {测试期刊中的文章}}\n"
    assert detect(text.encode("gbk")) == "gbk"


def test_the_jabref_header_wins_over_detection():
    # Latin-1 "ü" (0xFC) is also the cp1251 letter "ь": without the header, detection could say
    # cp1251; the header says ISO8859_1 (JabRef's Java name).
    text = "% Encoding: ISO8859_1\n@book{m, author = {Müller, Jürgen}, title = {Über}}\n"
    decoded = decode(text.encode("latin-1"))
    assert decoded.text == text
    assert decoded.encoding == "iso8859-1"


def test_gbk_is_detected():
    text = "@article{k, author = {凯撒}, title = {测试期刊中的文章}, journal = {测试期刊}}\n"
    assert decode(text.encode("gbk")).text == text


def test_mixed_encodings_are_read_line_by_line_and_said_once():
    data = "@book{u, title = {Oʻzbekiston}}\n".encode() + RUSSIAN.encode("cp1251")
    decoded = decode(data)
    assert decoded.text == "@book{u, title = {Oʻzbekiston}}\n" + RUSSIAN
    assert decoded.note == "mixed encodings: 1 line is not UTF-8 and was read as cp1251"
    assert decoded.note_line == 2


def test_a_named_encoding_is_used_and_a_wrong_one_refused():
    assert decode(RUSSIAN.encode("koi8_r"), "KOI8-R").text == RUSSIAN
    with pytest.raises(InvalidInputError, match=r"^x\.bib:1: cannot be read as utf-8"):
        decode(RUSSIAN.encode("cp1251"), "utf-8", file="x.bib")


def test_binary_data_is_refused():
    with pytest.raises(InvalidInputError, match="binary"):
        decode(b"\x00\x01\x02\x03", file="b.bin")


def _import(tmp_path, name: str, data: bytes) -> list:
    path = tmp_path / f"{name}.db"
    create_library(path)
    db = open_library(path)
    transfer.import_files(db, [transfer.Input(name, data)])
    return [
        (w.key, w.type, w.title, w.publisher, w.publisher_place, w.dates, w.contributors)
        for w in load_works(db, all_ids(db))[0]
    ]


@needs_twins
def test_the_cp1251_and_utf8_twins_import_to_the_same_works(tmp_path):
    utf8 = _import(tmp_path, "utf8", UTF8_TWIN.read_bytes())
    cp1251 = _import(tmp_path, "cp1251", CP1251_TWIN.read_bytes())
    assert len(utf8) > 70
    assert any("ш" in str(w) for w in utf8)  # really Cyrillic
    assert cp1251 == utf8


@needs_twins
def test_a_koi8r_copy_of_the_utf8_twin_imports_to_the_same_works(tmp_path):
    # KOI8-R has no Ukrainian і, ї, є: the copy keeps the entries it can encode (most of them).
    entries = UTF8_TWIN.read_text(encoding="utf-8").split("\n@")
    kept = "\n@".join(
        e for e in entries if e.encode("koi8_r", errors="ignore").decode("koi8_r") == e
    )
    assert kept.count("\n@") > 50
    utf8 = _import(tmp_path, "utf8", kept.encode("utf-8"))
    koi8r = _import(tmp_path, "koi8r", kept.encode("koi8_r"))
    assert koi8r == utf8


def test_a_mixed_file_imports_with_one_problem_line(tmp_path):
    data = "@book{u, title = {Oʻzbekiston}}\n".encode() + RUSSIAN.encode("cp1251")
    path = tmp_path / "m.db"
    create_library(path)
    report = transfer.import_files(open_library(path), [transfer.Input("m.bib", data)])
    assert [str(p) for p in report.problems] == [
        "m.bib:2: (no key): mixed encodings: 1 line is not UTF-8 and was read as cp1251"
    ]
    assert report.imported == 2
