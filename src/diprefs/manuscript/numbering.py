"""Problems of a manuscript's list and its numbers, and the problem record itself (pure).

The kinds are docs/cli.md's ``audit`` table. The numbering checks need only the printed items
and the numeric in-text references: numbers used twice, numbers skipped, numbers cited outside
the list, and a list that is not numbered in order of first citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diprefs.manuscript.intext import InTextRef
from diprefs.manuscript.structure import ListItem
from diprefs.names.keys import fold

#: Problem kinds in the order a report lists them within one line: the list's own numbering
#: first, then references, entries, and what the library says of the entries.
KINDS = (
    "duplicate-number",
    "skipped-number",
    "out-of-order",
    "unknown-number",
    "unknown-work",
    "unmatched-entry",
    "never-cited",
    "check",
    "differs",
)
_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


@dataclass(frozen=True)
class Problem:
    kind: str
    line: int
    label: str | None
    key: str | None
    message: str
    order: int = 0  # the item's position or the reference's place, to keep reading order


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """By line, then kind (``KINDS``), then reading order."""
    return sorted(problems, key=lambda p: (p.line, KINDS.index(p.kind), p.order))


def duplicates(items: list[ListItem]) -> list[Problem]:
    """One problem per number printed on more than one item, at its second item."""
    seen: dict[int, list[ListItem]] = {}
    for item in items:
        if item.number is not None:
            seen.setdefault(item.number, []).append(item)
    out = []
    for number, same in seen.items():
        if len(same) > 1:
            second = same[1]
            count = _COUNT_WORDS.get(len(same), str(len(same)))
            out.append(
                Problem(
                    "duplicate-number",
                    second.line,
                    second.label,
                    None,
                    f"number {number} is used by {count} items",
                    second.position,
                )
            )
    return out


def skipped(items: list[ListItem]) -> list[Problem]:
    """One problem per gap in the numbers (the list starts at 1), at the item after it."""
    out = []
    expected = 1
    for item in sorted((i for i in items if i.number is not None), key=lambda i: i.number or 0):
        number = item.number or 0
        if number > expected:
            message = (
                f"number {expected} is skipped"
                if number == expected + 1
                else f"numbers {expected}–{number - 1} are skipped"
            )
            out.append(
                Problem("skipped-number", item.line, item.label, None, message, item.position)
            )
        expected = max(expected, number + 1)
    return out


def unknown_numbers(refs: list[InTextRef], numbers: set[int]) -> list[Problem]:
    """In-text numbers no list item carries."""
    out = []
    for place, ref in enumerate(refs):
        missing = [n for n in ref.numbers if n not in numbers]
        if ref.kind == "numeric" and missing:
            listed = ", ".join(map(str, missing))
            what = "number" if len(missing) == 1 else "numbers"
            out.append(
                Problem(
                    "unknown-number",
                    ref.paragraph,
                    None,
                    None,
                    f"{ref.text}: no item in the list has the {what} {listed}",
                    place,
                )
            )
    return out


def alphabetical(items: list[ListItem]) -> bool:
    """Whether the printed list reads as an alphabetical one (Cyrillic before Latin), in which
    case its numbers are not expected to follow the order of first citation."""
    keys = []
    for item in items:
        text = fold(item.text)
        first = re.search(r"[^\W\d_]", text)
        cyrillic = bool(first and "\u0400" <= first.group() <= "\u052f")
        keys.append((0 if cyrillic else 1, re.sub(r"[^\w\s]", "", text).strip()))
    return keys == sorted(keys)


def out_of_order(refs: list[InTextRef], items: list[ListItem]) -> list[Problem]:
    """A number first cited after a higher number was: the list is not numbered in the order
    of first citation. Not asked of an alphabetical list (``alphabetical``)."""
    numbered = [i for i in items if i.number is not None]
    if len(numbered) < 2 or alphabetical(numbered):
        return []
    listed = {i.number for i in numbered}
    seen: set[int] = set()
    highest = 0
    out = []
    for place, ref in enumerate(refs):
        if ref.kind != "numeric":
            continue
        for number in ref.numbers:
            if number in seen or number not in listed:
                continue
            seen.add(number)
            if number < highest:
                out.append(
                    Problem(
                        "out-of-order",
                        ref.paragraph,
                        None,
                        None,
                        f"{ref.text}: item {number} is first cited after item {highest}; the"
                        " list is not numbered in order of first citation",
                        place,
                    )
                )
            highest = max(highest, number)
    return out
