"""A reference list as a Word document (python-docx, imported only when a .docx is written).

GOST lists are Word numbered lists (the template's "List Number" style: 1., 2., ...), APA lists get
a 0.5-inch hanging indent and double spacing. Italics come from
the StyledText spans. Font and sizes are settings (``[docx]``: Times New Roman, 14 pt GOST,
12 pt APA). Control and bidi control characters are stripped from every run (``diprefs.controls``):
python-docx refuses a control character, and Word would show a bidi override's effect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from diprefs.controls import strip_controls
from diprefs.styles.render import Item
from diprefs.styles.text import merge

_TITLES = {"ru": "Список литературы", "uz": "Adabiyotlar roʻyxati", "en": "References"}


def write_docx(
    path: Path,
    items: Sequence[Item],
    numbered: bool,
    settings: Mapping[str, Any],
    lang: str,
    headings: Mapping[int, str] | None = None,
) -> None:
    """The list after a centred title; a section heading is a bold paragraph outside the
    numbered list, and Word's numbering of "List Number" runs on past it."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    size = settings["size_gost"] if numbered else settings["size_apa"]
    font_name = settings["font"]
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = font_name
    normal.font.size = Pt(size)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font_name)  # Cyrillic and complex scripts use the same font
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(_TITLES.get(lang, "References"))
    run.bold = True
    for i, (_key, styled) in enumerate(items):
        if headings and i in headings:
            doc.add_paragraph().add_run(strip_controls(headings[i])).bold = True
        paragraph = doc.add_paragraph(style="List Number" if numbered else None)
        fmt = paragraph.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT  # justified lines gape around long URLs
        if numbered:
            fmt.line_spacing = 1.5
        else:
            fmt.left_indent = Inches(0.5)
            fmt.first_line_indent = Inches(-0.5)
            fmt.line_spacing = 2.0
        for text, italic in merge(styled):
            paragraph.add_run(strip_controls(text)).italic = italic or None
    doc.save(str(path))
