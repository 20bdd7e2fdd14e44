"""Properties of every reference any work gives: no doubled punctuation, balanced brackets."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as s

from diprefs.model import Contributor, Name, Work
from diprefs.services.bibliography import format_works
from diprefs.styles.render import plain_text

WORD = s.text(alphabet="abcdefxyzАБВгдеёжўқOʻsh", min_size=1, max_size=8)
PHRASE = s.lists(WORD, min_size=1, max_size=5).map(" ".join)
VALUE = s.one_of(s.just(""), PHRASE, PHRASE.map(lambda p: p + "."), PHRASE.map(str.title))
NUMBER = s.one_of(s.just(""), s.integers(1, 999).map(str), s.just("12--15"))
DATE = s.one_of(
    s.just(""),
    s.just("2020"),
    s.just("2019-10-31"),
    s.just("2023-05-15/2023-05-16"),
    s.just("2000/.."),
    s.just("n.d."),
    s.just("in press"),
)
NAME = s.one_of(
    s.builds(Name, family=WORD.map(str.title), given=s.one_of(WORD.map(str.title), s.just(""))),
    s.builds(Name, literal=PHRASE),
    s.just(Name(literal="others")),
)
ROLE = s.sampled_from(["author", "author", "editor", "translator", "compiler"])
TYPES = s.sampled_from(
    [
        "book", "article-journal", "article-newspaper", "chapter", "paper-conference", "thesis",
        "report", "legislation", "webpage", "document", "collection", "entry-encyclopedia",
    ]
)  # fmt: skip


@s.composite
def works(draw) -> Work:
    dates = {k: v for k in ("issued", "accessed", "original", "adopted") if (v := draw(DATE))}
    return Work(
        key="w",
        type=draw(TYPES),
        language=draw(s.sampled_from(["", "ru", "en", "uz-Latn", "uz-Cyrl", "de"])),
        title=draw(VALUE),
        subtitle=draw(VALUE),
        title_addon=draw(VALUE),
        title_supplied=draw(s.booleans()),
        title_translated=draw(VALUE),
        container_title=draw(VALUE),
        publisher=draw(VALUE),
        publisher_place=draw(s.sampled_from(["", "Москва", "Ташкент", "Toshkent", "Oxford"])),
        edition=draw(NUMBER),
        volume=draw(NUMBER),
        number_of_volumes=draw(NUMBER),
        issue=draw(NUMBER),
        page=draw(NUMBER),
        number_of_pages=draw(NUMBER),
        genre=draw(s.one_of(VALUE, s.just("website"))),
        number=draw(NUMBER),
        doi=draw(s.sampled_from(["", "10.1000/xyz"])),
        isbn=draw(s.sampled_from(["", "978-5-00-000000-0"])),
        url=draw(s.sampled_from(["", "https://example.org/a"])),
        institution=draw(VALUE),
        speciality_code=draw(NUMBER),
        speciality=draw(VALUE),
        legal_kind=draw(s.sampled_from(["", "law", "decree"])),
        event_title=draw(VALUE),
        event_place=draw(VALUE),
        dates=dates,
        contributors=tuple(
            Contributor(name, role)
            for name, role in draw(s.lists(s.tuples(NAME, ROLE), max_size=7))
        ),
    )


def _balanced(text: str) -> bool:
    stack = []
    pairs = {")": "(", "]": "[", "»": "«"}
    for ch in text:
        if ch in "([«":
            stack.append(ch)
        elif ch in pairs and (not stack or stack.pop() != pairs[ch]):
            return False
    return not stack


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(works(), s.sampled_from(["gost", "gost-2008", "apa"]), s.sampled_from(["ru", "en", "uz"]))
def test_no_doubled_punctuation_and_balanced_brackets(work, style, lang):
    text = plain_text(format_works([work], style, lang)[0])
    for bad in (". .", ",,", "  ", "..", " ,"):
        assert bad not in text.replace(". . .", "…"), (bad, text)
    assert not re.search(r"(?<!—) \.", text), text  # GOST's open date "2000 — ." is allowed
    assert _balanced(text), text
    assert text == text.strip()
