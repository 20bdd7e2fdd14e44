"""Bytes of a .bib file -> text: UTF-8, JabRef's ``% Encoding:`` header, else detection.

Old CIS files arrive in Windows-1251 (sometimes KOI8-R or CP866), Chinese ones in GBK. The order is
fixed so the outcome is predictable: a BOM; valid UTF-8; the header JabRef writes on its first
lines; then a decision among single-byte Cyrillic code pages by letter case (correctly decoded
Russian is mostly lower-case, and KOI8-R swaps the case halves of Windows-1251), and for anything
else charset-normalizer among a short list of candidates. A file that is partly UTF-8 and partly
another encoding is read line by line and reported once. The rules are in docs/bibtex.md.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from diprefs.errors import InvalidInputError

#: Single-byte Cyrillic code pages, decided between by letter case.
CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "cp866")
#: Everything else charset-normalizer may choose; latin_1 decodes any byte, so it is the floor.
OTHER_CANDIDATES = ("gbk", "big5", "shift_jis", "euc_kr", "cp1252", "cp1250", "latin_1")

_HEADER = re.compile(rb"^%\s*Encoding:\s*([A-Za-z0-9_.:-]+)", re.MULTILINE)
_HEADER_LINES = 10
#: Correct Cyrillic text has whole Cyrillic words: few Cyrillic letters touch a Latin one.
_MAX_MIXED_SHARE = 0.2
_MIN_LETTER_SHARE = 0.8
#: Running Russian text is mostly lower-case; the wrong code page (or GBK bytes) is not.
_MIN_LOWER_SHARE = 0.6
_TOUCHING = re.compile(r"(?<=[A-Za-z])[\u0400-\u04ff]|[\u0400-\u04ff](?=[A-Za-z])")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    #: one line describing anything the reader should know (mixed encodings); "" when clean
    note: str = ""
    note_line: int | None = None


def _python_name(name: str) -> str | None:
    """A codec name as Python knows it, accepting Java's spellings (JabRef: "Cp1251", "UTF8")."""
    for candidate in (name, name.replace("_", "-"), name.removeprefix("x-")):
        try:
            return codecs.lookup(candidate).name
        except LookupError:
            continue
    return None


def check_encoding_name(name: str) -> str | None:
    """The Python codec for ``name``, or None when Python does not know it (a usage error)."""
    return _python_name(name)


def _cyrillic_score(data: bytes, encoding: str) -> float | None:
    """How plausible ``data`` is as Cyrillic text in ``encoding``; None when it is not at all."""
    text = data.decode(encoding, errors="replace")
    high = [c for c in text if ord(c) > 127]
    if not high:
        return None
    cyrillic = [c for c in high if "\u0400" <= c <= "\u04ff" and c.isalpha()]
    if len(cyrillic) < _MIN_LETTER_SHARE * len(high):
        return None
    touching = len(_TOUCHING.findall(text))
    if touching > _MAX_MIXED_SHARE * len(cyrillic):
        return None
    lower = sum(c.islower() for c in cyrillic) / len(cyrillic)
    return lower if lower >= _MIN_LOWER_SHARE else None


def detect(data: bytes) -> str:
    """The most plausible legacy encoding of bytes that are not UTF-8."""
    scores = {e: _cyrillic_score(data, e) for e in CYRILLIC_CANDIDATES}
    plausible = {e: s for e, s in scores.items() if s is not None}
    if plausible:
        return codecs.lookup(max(plausible, key=lambda e: plausible[e])).name
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(OTHER_CANDIDATES)).best()
    return codecs.lookup(best.encoding).name if best else "latin_1"


def _header_encoding(data: bytes) -> str | None:
    head = b"\n".join(data.split(b"\n", _HEADER_LINES)[:_HEADER_LINES])
    match = _HEADER.search(head)
    return _python_name(match.group(1).decode("ascii")) if match else None


def _mixed(data: bytes) -> Decoded | None:
    """Lines that are UTF-8 next to lines that are not: decode each line on its own."""
    lines = data.split(b"\n")
    bad: list[int] = []
    utf8_letters = False
    for i, line in enumerate(lines):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
            continue
        utf8_letters = utf8_letters or any(ord(c) > 127 and c.isalpha() for c in text)
    if not (bad and utf8_letters):
        return None
    legacy = detect(b"\n".join(lines[i] for i in bad))
    bad_set = set(bad)
    text = "\n".join(
        line.decode(legacy if i in bad_set else "utf-8", errors="replace")
        for i, line in enumerate(lines)
    )
    lines_are, were = ("lines are", "were") if len(bad) > 1 else ("line is", "was")
    note = f"mixed encodings: {len(bad)} {lines_are} not UTF-8 and {were} read as {legacy}"
    return Decoded(text, f"utf-8+{legacy}", note, bad[0] + 1)


def _strict(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidInputError(
            f"{file}:{line}: cannot be read as {encoding} (byte {exc.start}); try --encoding"
        ) from None


def decode(data: bytes, encoding: str = "auto", *, file: str = "") -> Decoded:
    """Decode a whole file. Binary data (NUL bytes outside UTF-16) is refused (exit 5)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_strict(data, "utf-16", file), "utf-16")
    if b"\x00" in data:
        raise InvalidInputError(f"{file} is a binary file, not BibTeX")
    if encoding != "auto":
        name = _python_name(encoding) or encoding
        if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            name = "utf-8-sig"
        return Decoded(_strict(data, name, file), name)
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data, "utf-8-sig", file), "utf-8")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    header = _header_encoding(data)
    if header and header != "utf-8":
        return Decoded(_strict(data, header, file), header)
    mixed = _mixed(data)
    if mixed:
        return mixed
    legacy = detect(data)
    return Decoded(data.decode(legacy, errors="replace"), legacy)
