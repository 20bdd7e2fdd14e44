"""Find the in-text references of a manuscript's body.

Forms (GOST R 7.0.5-2008 and APA 7, and LaTeX): numeric ``[5]``, ``[5, с. 47]``, ``[5; 7]``,
``[5–7]``; author-year in brackets ``[Каримов, Рахимова, 2021, с. 34]``; APA parenthetical
``(Mominov, 2022, p. 258)`` and narrative ``Mominov (2022, p. 258)``; ``\\cite{key}`` and its
biblatex/natbib relatives. Each occurrence keeps the paragraph it stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BRACKETS = re.compile(r"\[([^\[\]\n]{1,120})\]")
_PARENS = re.compile(r"\(([^()\n]{1,200}?\b\d{4}[a-zа-я]?\b[^()\n]{0,60})\)")
_NARRATIVE = re.compile(
    r"([A-ZА-ЯЁЎҚҒҲ][\w'’ʻ-]+(?:\s(?:&|and|и)\s[A-ZА-ЯЁЎҚҒҲ][\w'’ʻ-]+|\set al\.|\sи др\.)?)"
    r"\s\((\d{4}[a-zа-я]?)(?:,\s*([^)\n]{1,40}))?\)"
)
_CITE = re.compile(
    r"\\(?:cite|citep|citet|parencite|textcite|autocite|footcite|fullcite|Cite|Textcite)\*?"
    r"(?:\[([^\]]*)\])?(?:\[([^\]]*)\])?\{([^}]+)\}"
)
_NUMBER = re.compile(r"^(\d{1,4})(?:\s*[–—-]\s*(\d{1,4}))?$")
_YEAR = re.compile(r"^(\d{4}[a-zа-я]?|n\.d\.|б\. г\.)$")


@dataclass(frozen=True)
class InTextRef:
    kind: str  # numeric | author-year | key
    text: str  # as printed
    paragraph: int  # 1-based
    numbers: tuple[int, ...] = ()
    authors: tuple[str, ...] = ()
    year: str = ""
    keys: tuple[str, ...] = ()
    locator: str = ""


def _numeric(content: str) -> tuple[tuple[int, ...], str] | None:
    """'5, с. 47' -> ((5,), 'с. 47'); '5; 7' -> ((5, 7), ''); '5–7' -> ((5, 6, 7), '')."""
    numbers: list[int] = []
    locator = ""
    for group in content.split(";"):
        parts = [p.strip() for p in group.split(",")]
        for i, part in enumerate(parts):
            match = _NUMBER.match(part)
            if match:
                start = int(match.group(1))
                end = int(match.group(2) or start)
                if end < start or end - start > 50:
                    return None
                numbers.extend(range(start, end + 1))
            elif i == 0:
                return None
            else:
                locator = ", ".join(parts[i:])
                break
    return (tuple(numbers), locator) if numbers else None


def _author_year(content: str) -> list[tuple[tuple[str, ...], str, str]]:
    """'Каримов, Рахимова, 2021, с. 34' -> [(('Каримов', 'Рахимова'), '2021', 'с. 34')]."""
    found = []
    for group in content.split(";"):
        parts = [p.strip() for p in group.split(",")]
        years = [i for i, p in enumerate(parts) if _YEAR.match(p)]
        if not years or years[0] == 0:
            return []
        i = years[0]
        authors = tuple(a for part in parts[:i] for a in re.split(r"\s(?:&|and|и)\s", part))
        found.append((authors, parts[i], ", ".join(parts[i + 1 :])))
    return found


def _author_year_refs(
    match: re.Match[str], content: str, paragraph: int
) -> list[tuple[int, int, InTextRef]]:
    """One reference per work named in a bracket or parenthesis ("A, 2020; B, 2019")."""
    return [
        (
            paragraph,
            match.start(),
            InTextRef("author-year", match.group(0), paragraph, authors=a, year=y, locator=loc),
        )
        for a, y, loc in _author_year(content)
    ]


def find_references(paragraphs: list[str]) -> list[InTextRef]:
    """Every in-text reference, in reading order."""
    found: list[tuple[int, int, InTextRef]] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        cites = list(_CITE.finditer(paragraph))
        for match in cites:
            keys = tuple(k.strip() for k in match.group(3).split(",") if k.strip())
            locator = (match.group(2) if match.group(2) is not None else match.group(1)) or ""
            ref = InTextRef("key", match.group(0), number, keys=keys, locator=locator)
            found.append((number, match.start(), ref))
        inside_cite = [range(m.start(), m.end()) for m in cites]
        for match in _BRACKETS.finditer(paragraph):
            if any(match.start() in span for span in inside_cite):
                continue  # the optional arguments of \\cite[..][..]{..}
            content = match.group(1)
            numeric = _numeric(content)
            if numeric:
                ref = InTextRef(
                    "numeric", match.group(0), number, numbers=numeric[0], locator=numeric[1]
                )
                found.append((number, match.start(), ref))
                continue
            found.extend(_author_year_refs(match, content, number))
        for match in _PARENS.finditer(paragraph):
            found.extend(_author_year_refs(match, match.group(1), number))
        for match in _NARRATIVE.finditer(paragraph):
            authors = tuple(
                re.split(r"\s(?:&|and|и)\s", re.sub(r"\s(et al\.|и др\.)$", "", match.group(1)))
            )
            ref = InTextRef(
                "author-year",
                match.group(0),
                number,
                authors=authors,
                year=match.group(2),
                locator=match.group(3) or "",
            )
            found.append((number, match.start(), ref))
    found.sort(key=lambda item: (item[0], item[1]))
    return [ref for _, _, ref in found]
