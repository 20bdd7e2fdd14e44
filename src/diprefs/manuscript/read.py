"""Manuscript files to paragraphs: .docx (python-docx, footnotes too), .md, .tex, .txt.

Everything downstream works on a list of paragraphs plus footnotes, so each file kind only has to
be turned into text once, here.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from diprefs.errors import InvalidInputError

KINDS = {
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".tex": "latex",
    ".txt": "text",
}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Manuscript:
    path: str
    kind: str
    paragraphs: list[str]
    #: footnote number -> text (docx footnotes; LaTeX \footnote{} bodies)
    footnotes: dict[int, str] = field(default_factory=dict)


def read_manuscript(path: Path) -> Manuscript:
    """Read a manuscript; a file of an unknown kind or that cannot be read is invalid input."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(KINDS))
        raise InvalidInputError(
            f"{path}: cannot read a {path.suffix or 'suffixless'} file ({known})"
        )
    try:
        if kind == "docx":
            if not zipfile.is_zipfile(path):
                raise InvalidInputError(f"{path}: cannot read the manuscript: not a .docx file")
            return _read_docx(path)
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, KeyError) as exc:
        raise InvalidInputError(f"{path}: cannot read the manuscript: {exc}") from exc
    if kind == "latex":
        return _read_latex(path, text)
    paragraphs = [line.rstrip() for line in text.splitlines()]
    if kind == "markdown":
        paragraphs = [_unmarkdown(p) for p in paragraphs]
    return Manuscript(str(path), kind, paragraphs)


def _read_docx(path: Path) -> Manuscript:
    import docx

    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    footnotes: dict[int, str] = {}
    with zipfile.ZipFile(path) as archive:
        if "word/footnotes.xml" in archive.namelist():
            root = ElementTree.fromstring(archive.read("word/footnotes.xml"))
            for note in root.iter(f"{_W}footnote"):
                number = int(note.get(f"{_W}id", "0"))
                text = "".join(t.text or "" for t in note.iter(f"{_W}t")).strip()
                if number > 0 and text:
                    footnotes[number] = text
    return Manuscript(str(path), "docx", paragraphs, footnotes)


_MD_MARKUP = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")


def _unmarkdown(line: str) -> str:
    """Drop heading marks and emphasis, keep the words (and numbered-list numbers)."""
    line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)
    return _MD_MARKUP.sub(r"\2", line)


_FOOTNOTE = re.compile(r"\\footnote\{((?:[^{}]|\{[^{}]*\})*)\}")


def _read_latex(path: Path, text: str) -> Manuscript:
    """Sections become heading lines; \\bibitem lines stay; footnotes are numbered in order."""
    text = re.sub(r"(?<!\\)%.*", "", text)
    footnotes: dict[int, str] = {}

    def note(match: re.Match[str]) -> str:
        footnotes[len(footnotes) + 1] = match.group(1).strip()
        return f"[^{len(footnotes)}]"

    text = _FOOTNOTE.sub(note, text)
    text = re.sub(r"\\(?:sub)*section\*?\{([^}]*)\}", r"\n\1\n", text)
    text = re.sub(r"\\begin\{thebibliography\}\{[^}]*\}", "\nReferences\n", text)
    text = re.sub(r"\\bibitem(?:\[[^\]]*\])?\{([^}]*)\}", r"\n[\1] ", text)
    return Manuscript(str(path), "latex", text.splitlines(), footnotes)
