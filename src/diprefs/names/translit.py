"""Transliteration between Cyrillic and Latin by named standards.

Reference lists need a name in the romanisation a style or a journal demands (passport form,
library form, GOST for Russian journals, the Uzbek Latin alphabet), and the same name typed in
another script must be convertible back. Letters outside a scheme's table pass through unchanged,
so mixed text (initials, punctuation, Latin words) survives.
"""

from collections.abc import Callable

from diprefs.names.tables import (
    ALA_LC_RU,
    BGN_PCGN_1947_RU,
    GOST_7_79_B_RU,
    ICAO_9303_RU,
    RUSSIAN_VOWELS,
    UZ_CYRL_TO_LATN_1995,
    UZ_LATN_DIGRAPHS_1995,
    UZ_LATN_TO_CYRL_1995,
    UZBEK_APOSTROPHES,
    UZBEK_CYRILLIC_VOWELS,
    UZBEK_TUTUQ,
)

# A position rule sees the lower-case letter, its lower-case neighbours ("" at the ends) and
# returns the romanisation when the position calls for one other than the table's.
PositionRule = Callable[[str, str, str], str | None]


def _bgn_pcgn(letter: str, prev: str, nxt: str) -> str | None:
    """BGN/PCGN: е (and ё, diaeresis dropped) is "ye" initially and after a vowel, й, ъ, ь."""
    if letter in "её" and (not prev.isalpha() or prev in RUSSIAN_VOWELS + "йъь"):
        return "ye"
    return None


def _gost_b(letter: str, prev: str, nxt: str) -> str | None:
    """GOST 7.79 B: ц is "c" before the Latin letters i, e, y, j (judged on the romanised next)."""
    if letter == "ц" and GOST_7_79_B_RU.get(nxt, "")[:1] in ("i", "e", "y", "j"):
        return "c"
    return None


def _uzbek(letter: str, prev: str, nxt: str) -> str | None:
    """Uzbek 1995 rules: е ye / e, ц ts / s, and сҳ written sʼh so it is not read as ш."""
    if letter == "е" and (not prev.isalpha() or prev in UZBEK_CYRILLIC_VOWELS + "ъь"):
        return "ye"
    if letter == "ц" and prev and prev in UZBEK_CYRILLIC_VOWELS:
        return "ts"
    if letter == "с" and nxt == "ҳ":
        return "s" + UZBEK_TUTUQ
    return None


def _cased(latin: str, source: str, prev: str, nxt: str) -> str:
    """Give ``latin`` the case of ``source``: ALL CAPS inside an all-caps word, else Title."""
    if not source.isupper():
        return latin
    neighbour = nxt if nxt.isalpha() else prev
    if neighbour.isalpha() and neighbour.isupper():
        return latin.upper()
    return latin[:1].upper() + latin[1:]


def _romanize(text: str, table: dict[str, str], rule: PositionRule | None) -> str:
    """Cyrillic -> Latin, letter by letter, with an optional position rule."""
    out = []
    for i, char in enumerate(text):
        letter = char.lower()
        if letter not in table:
            out.append(char)
            continue
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        latin = rule(letter, prev.lower(), nxt.lower()) if rule else None
        out.append(_cased(table[letter] if latin is None else latin, char, prev, nxt))
    return "".join(out)


def _uzbek_latin_token(text: str, i: int) -> tuple[str, int]:
    """Read the Uzbek Latin letter at ``i``: its lower-case Cyrillic letter and its length.

    Returns ("", 1) for a character that is not an Uzbek Latin letter.
    """
    pair = text[i : i + 2].lower()
    after = text[i + 2 : i + 3].lower()
    marked = len(pair) == 2 and pair[1] in UZBEK_APOSTROPHES
    if marked and pair[0] in ("o", "g"):
        return ("ў" if pair[0] == "o" else "ғ"), 2
    if marked and pair[0] == "s" and after == "h":
        return "с", 2  # sʼh is с + ҳ; the apostrophe only keeps it apart from sh
    if pair == "yo" and after != "" and after in UZBEK_APOSTROPHES:
        return "й", 1  # y + oʻ, not yo + a stray apostrophe
    if pair in UZ_LATN_DIGRAPHS_1995:
        return UZ_LATN_DIGRAPHS_1995[pair], 2
    return UZ_LATN_TO_CYRL_1995.get(pair[:1], ""), 1


def _uzbek_cyrillic(text: str) -> str:
    """Uzbek Latin -> Uzbek Cyrillic; see ``transliterate`` for the rules and their domain."""
    out: list[str] = []
    i = 0
    while i < len(text):
        cyrillic, length = _uzbek_latin_token(text, i)
        before = out[-1].lower() if out else ""
        if not cyrillic:
            between_letters = before.isalpha() and text[i + 1 : i + 2].isalpha()
            is_tutuq = text[i] in UZBEK_APOSTROPHES and between_letters
            cyrillic = "ъ" if is_tutuq else text[i]
        elif (
            cyrillic == "е"
            and length == 1
            and (not before.isalpha() or before in UZBEK_CYRILLIC_VOWELS)
        ):
            cyrillic = "э"
        out.append(cyrillic.upper() if text[i].isupper() else cyrillic)
        i += length
    return "".join(out)


_SCHEMES: dict[str, Callable[[str], str]] = {
    "icao": lambda text: _romanize(text, ICAO_9303_RU, None),
    "bgn-pcgn": lambda text: _romanize(text, BGN_PCGN_1947_RU, _bgn_pcgn),
    "ala-lc": lambda text: _romanize(text, ALA_LC_RU, None),
    "gost-7.79-b": lambda text: _romanize(text, GOST_7_79_B_RU, _gost_b),
    "uz-cyrl-latn": lambda text: _romanize(text, UZ_CYRL_TO_LATN_1995, _uzbek),
    "uz-latn-cyrl": _uzbek_cyrillic,
}

#: The scheme names ``transliterate`` accepts.
SCHEMES = tuple(_SCHEMES)


def transliterate(text: str, scheme: str) -> str:
    """Transliterate ``text`` by ``scheme``; see docs/transliteration.md for every table.

    Schemes: "icao", "bgn-pcgn", "ala-lc", "gost-7.79-b" (Russian Cyrillic -> Latin),
    "uz-cyrl-latn" (Uzbek Cyrillic -> Uzbek Latin) and "uz-latn-cyrl" (the way back).

    Case is kept: a capital becomes Title case ("Щукин" -> "Shchukin") unless its word is in
    capitals ("ЖУРАЕВ" -> "ZHURAEV"). Characters outside the scheme's table pass through.

    "uz-latn-cyrl" reads sh, ch, oʻ, gʻ (with any of ʻ ' ` ‘ ’ ʼ) and ye, yo, yu, ya as one
    letter; sʼh (any apostrophe) as сҳ; any other apostrophe between letters as ъ; e as э at the
    start of a word or after a vowel, else е. It inverts "uz-cyrl-latn" exactly on lower-case
    (or all-capitals) text without ц, ъ, ь, ы and щ, in which й is not followed by а, о, у, е,
    э and э follows only a vowel or the start of a word; outside that domain the way back is a
    best guess (ts stays тс, a lost ь is not restored).
    """
    try:
        convert = _SCHEMES[scheme]
    except KeyError:
        raise ValueError(f"unknown scheme {scheme!r}; known: {', '.join(SCHEMES)}") from None
    return convert(text)
