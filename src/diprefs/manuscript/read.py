"""Manuscript files to paragraphs: .docx (python-docx, footnotes too), .md, .tex, .txt.

Everything downstream works on a list of paragraphs plus footnotes, so each file kind only has to
be turned into text once, here. A paragraph's number is the line a report names: one line of a
.md, .tex or .txt file, one paragraph of a .docx. Where a footnote is called, the paragraph holds
a marker ``[^N]`` (docx footnote references, LaTeX ``\\footnote{}``, Markdown ``[^label]``).
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
        paragraphs, footnotes = _markdown_notes([_unmarkdown(p) for p in paragraphs])
        return Manuscript(str(path), kind, paragraphs, footnotes)
    return Manuscript(str(path), kind, paragraphs)


def _docx_text(paragraph) -> str:
    """The paragraph's text in reading order, with ``[^N]`` where footnote N is called."""
    out = []
    for node in paragraph._p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}footnoteReference"):
        if node.tag == f"{_W}t":
            out.append(node.text or "")
        elif node.tag == f"{_W}footnoteReference":
            out.append(f"[^{node.get(f'{_W}id')}]")
        else:
            out.append("\t" if node.tag == f"{_W}tab" else "\n")
    return "".join(out)


def _read_docx(path: Path) -> Manuscript:
    import docx

    document = docx.Document(str(path))
    paragraphs = [_docx_text(p).replace("\n", " ") for p in document.paragraphs]
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


#: Emphasis and code; ``_`` only at word edges, so that URLs keep their underscores.
_MD_MARKUP = re.compile(r"(\*\*|\*|`)(.+?)\1|(?<!\w)(__|_)(.+?)\3(?!\w)")


def _unmarkdown(line: str) -> str:
    """Drop heading marks, emphasis and backslash escapes (pandoc writes ``\\[1\\]``); keep the
    words, numbered-list numbers and footnote markers."""
    line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)
    line = _MD_MARKUP.sub(lambda m: m.group(2) or m.group(4), line)
    return re.sub(r"\\([\[\]()*_`#.\\$<>-])", r"\1", line)


_MD_NOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
_MD_NOTE_CALL = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def _markdown_notes(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """Footnote definitions ``[^label]: text`` (and their indented continuation lines) become
    footnotes numbered in the order they are first called; their lines are left empty so that
    line numbers stay those of the file."""
    notes: dict[str, str] = {}
    current = None
    out = []
    for line in lines:
        match = _MD_NOTE_DEFINITION.match(line)
        if match:
            current = match.group(1)
            notes[current] = match.group(2).strip()
            out.append("")
        elif current and line.startswith(("    ", "\t")) and line.strip():
            notes[current] += " " + line.strip()
            out.append("")
        else:
            current = None if line.strip() else current
            out.append(line)
    numbers: dict[str, int] = {}
    for line in out:
        for label in _MD_NOTE_CALL.findall(line):
            numbers.setdefault(label, len(numbers) + 1)
    out = [_MD_NOTE_CALL.sub(lambda m: f"[^{numbers[m.group(1)]}]", line) for line in out]
    footnotes = {numbers[label]: text for label, text in notes.items() if label in numbers}
    return out, footnotes


_FOOTNOTE = re.compile(r"\\footnote\{((?:[^{}]|\{[^{}]*\})*)\}")


def _read_latex(path: Path, text: str) -> Manuscript:
    """Sections become heading lines; \\bibitem lines stay; footnotes are numbered in order.
    Every replacement keeps the file's line breaks, so paragraph N is line N of the file."""
    text = re.sub(r"(?<!\\)%.*", "", text)
    footnotes: dict[int, str] = {}

    def note(match: re.Match[str]) -> str:
        footnotes[len(footnotes) + 1] = " ".join(match.group(1).split())
        return f"[^{len(footnotes)}]" + "\n" * match.group(0).count("\n")

    text = _FOOTNOTE.sub(note, text)
    text = re.sub(r"\\(?:sub)*section\*?\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\\begin\{thebibliography\}\{[^}]*\}", "References", text)
    text = re.sub(r"\\end\{(?:thebibliography|document)\}", "", text)
    text = re.sub(r"\\bibitem(?:\[[^\]]*\])?\{([^}]*)\}[ \t]*", r"[\1] ", text)
    return Manuscript(str(path), "latex", text.splitlines(), footnotes)


def item_text(manuscript: Manuscript, text: str) -> str:
    """A list item as a reader sees it: LaTeX markup of a .tex item turned into text."""
    if manuscript.kind != "latex":
        return text
    from diprefs.latex import latex_to_text

    return " ".join(latex_to_text(text).split())
