"""Transliteration schemes and script detection.

Expected strings are copied from the standards' own tables (cited per table), never produced by
the code under test.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diprefs.names.script import detect_script
from diprefs.names.translit import SCHEMES, transliterate

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

# ICAO Doc 9303 Part 3, Russian table (ё -> E, й -> I, ъ -> IE, ь not written).
ICAO = [
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia",
]  # fmt: skip

# BGN/PCGN 1947, the "elsewhere" column (е, ё after a consonant; ë without its diaeresis).
BGN_PCGN = [
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "”", "y", "’", "e", "yu", "ya",
]  # fmt: skip

# ALA-LC Russian without diacritics and ties (ĭ i, ë e, t͡s ts, ė e, i͡u iu, i͡a ia), primes kept.
ALA_LC = [
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ʺ", "y", "ʹ", "e", "iu", "ia",
]  # fmt: skip

# GOST 7.79-2000 system B, Table 4, Russian (ц as "cz", the form before a non-i/e/y/j letter).
GOST_B = [
    "a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "j", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "x", "cz", "ch", "sh", "shh", "``", "y`", "`", "e`", "yu", "ya",
]  # fmt: skip

UZBEK = "абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ"

# Uzbek 1995 Latin alphabet and conversion rules, the "elsewhere" column (е after a consonant
# e, ц after a consonant s, ь not written).
UZ_LATIN = [
    "a", "b", "v", "g", "d", "e", "yo", "j", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "x", "s", "ch", "sh", "ʼ", "", "e", "yu", "ya", "oʻ", "q", "gʻ", "h",
]  # fmt: skip

LETTER_CASES = [
    *[("icao", c, latin) for c, latin in zip(RUSSIAN, ICAO, strict=True)],
    *[("bgn-pcgn", c, latin) for c, latin in zip(RUSSIAN, BGN_PCGN, strict=True)],
    *[("ala-lc", c, latin) for c, latin in zip(RUSSIAN, ALA_LC, strict=True)],
    *[("gost-7.79-b", c, latin) for c, latin in zip(RUSSIAN, GOST_B, strict=True)],
    *[("uz-cyrl-latn", c, latin) for c, latin in zip(UZBEK, UZ_LATIN, strict=True)],
]


@pytest.mark.parametrize(("scheme", "letter", "latin"), LETTER_CASES)
def test_each_letter_follows_the_standard_table(scheme: str, letter: str, latin: str) -> None:
    # After б, every position rule takes its "elsewhere" branch.
    assert transliterate("б" + letter, scheme) == "b" + latin


@pytest.mark.parametrize(("scheme", "letter", "latin"), LETTER_CASES)
def test_each_letter_in_capitals_is_all_caps(scheme: str, letter: str, latin: str) -> None:
    assert transliterate("Б" + letter.upper(), scheme) == "B" + latin.upper()


@pytest.mark.parametrize(
    ("scheme", "cyrillic", "latin"),
    [
        ("icao", "Щукин", "Shchukin"),
        ("icao", "ЖУРАЕВ", "ZHURAEV"),
        ("icao", "ЩУКИН", "SHCHUKIN"),
        ("icao", "Ж. Щ.", "Zh. Shch."),
        ("icao", "Юрьев", "Iurev"),
        ("icao", "ЮРЬЕВ", "IUREV"),
        ("gost-7.79-b", "Цезарь", "Cezar`"),
        ("gost-7.79-b", "ЦАРЬ", "CZAR`"),
        ("bgn-pcgn", "ЁЛКИН", "YELKIN"),
    ],
)
def test_case_is_kept(scheme: str, cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, scheme) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("е", "ye"),  # word-initially
        ("Елена", "Yelena"),
        ("ае", "aye"),  # after a vowel
        ("йе", "yye"),  # after й
        ("ъе", "”ye"),  # after ъ
        ("ье", "’ye"),  # after ь
        ("бе", "be"),  # elsewhere
        ("ё", "ye"),  # ë/yë without the diaeresis
        ("оё", "oye"),
        ("Горбачёв", "Gorbachev"),
        ("Чапаевск", "Chapayevsk"),  # the standard's own example
    ],
)
def test_bgn_pcgn_ye_rule(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "bgn-pcgn") == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("ци", "ci"),
        ("це", "ce"),
        ("цы", "cy`"),
        ("цй", "cj"),
        ("цю", "cyu"),  # ю is yu: c before y
        ("цэ", "ce`"),
        ("ца", "cza"),
        ("цв", "czv"),
        ("ц", "cz"),
        ("центр", "centr"),
    ],
)
def test_gost_b_ts_rule(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "gost-7.79-b") == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("ер", "yer"),  # е word-initially
        ("ае", "aye"),  # after a vowel
        ("ўе", "oʻye"),  # ў is a vowel
        ("ъе", "ʼye"),  # after ъ
        ("ье", "ye"),  # after ь, which is dropped
        ("бе", "be"),
        ("цирк", "sirk"),  # ц word-initially
        ("лицей", "litsey"),  # after a vowel
        ("фарфорцы", "farforsы"),  # after a consonant; ы is not Uzbek, passes through
        ("исҳоқ", "isʼhoq"),  # сҳ is kept apart from ш
        ("исхоқ", "isxoq"),
        ("маъно", "maʼno"),
    ],
)
def test_uzbek_position_rules(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "uz-cyrl-latn") == latin


# Real names, romanised by hand from each standard's table.
NAMES = {
    "Жураев": ("Zhuraev", "Zhurayev", "Zhuraev", "Zhuraev", "Jurayev"),
    "Цветкова": ("Tsvetkova", "Tsvetkova", "Tsvetkova", "Czvetkova", "Svetkova"),
    "Зиновьева": ("Zinoveva", "Zinov’yeva", "Zinovʹeva", "Zinov`eva", "Zinovyeva"),
    "Щукин": ("Shchukin", "Shchukin", "Shchukin", "Shhukin", "Щukin"),
    "Юрьев": ("Iurev", "Yur’yev", "Iurʹev", "Yur`ev", "Yuryev"),
    "Ёлкин": ("Elkin", "Yelkin", "Elkin", "Yolkin", "Yolkin"),
    "Мирзиёев": ("Mirzieev", "Mirziyeyev", "Mirzieev", "Mirziyoev", "Mirziyoyev"),
}
NAME_SCHEMES = ("icao", "bgn-pcgn", "ala-lc", "gost-7.79-b", "uz-cyrl-latn")


@pytest.mark.parametrize(
    ("scheme", "cyrillic", "latin"),
    [
        (scheme, cyrillic, latin)
        for cyrillic, forms in NAMES.items()
        for scheme, latin in zip(NAME_SCHEMES, forms, strict=True)
    ],
)
def test_real_names(scheme: str, cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, scheme) == latin


UZBEK_NAMES = [
    ("Жўраев", "Joʻrayev"),
    ("Ғайрат", "Gʻayrat"),
    ("Шавкат", "Shavkat"),
    ("Ўткир", "Oʻtkir"),
    ("Қодиров", "Qodirov"),
    ("Ҳусанбой", "Husanboy"),
    ("Мирзиёев", "Mirziyoyev"),
    ("Исҳоқ", "Isʼhoq"),
    ("Маъруф", "Maʼruf"),
    ("Эргаш", "Ergash"),
    ("Сайёра", "Sayyora"),
    ("ЖЎРАЕВ ШАВКАТ", "JOʻRAYEV SHAVKAT"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), UZBEK_NAMES)
def test_uzbek_names_to_latin(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "uz-cyrl-latn") == latin


@pytest.mark.parametrize(("cyrillic", "latin"), UZBEK_NAMES)
def test_uzbek_names_to_cyrillic(cyrillic: str, latin: str) -> None:
    assert transliterate(latin, "uz-latn-cyrl") == cyrillic


# The 1995 alphabet read back letter by letter (single letters after б, digraphs alone).
UZ_BACK = [
    ("a", "а"), ("b", "б"), ("d", "д"), ("f", "ф"), ("g", "г"), ("h", "ҳ"), ("i", "и"),
    ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("q", "қ"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("x", "х"),
    ("y", "й"), ("z", "з"), ("e", "е"), ("sh", "ш"), ("ch", "ч"), ("oʻ", "ў"), ("gʻ", "ғ"),
    ("ya", "я"), ("yo", "ё"), ("yu", "ю"), ("ye", "е"),
]  # fmt: skip


@pytest.mark.parametrize(("latin", "cyrillic"), UZ_BACK)
def test_uzbek_latin_letters_back(latin: str, cyrillic: str) -> None:
    assert transliterate("b" + latin, "uz-latn-cyrl") == "б" + cyrillic
    assert transliterate("B" + latin.upper(), "uz-latn-cyrl") == "Б" + cyrillic.upper()


@pytest.mark.parametrize("mark", ["ʻ", "'", "`", "‘", "’", "ʼ"])
def test_any_apostrophe_variant_reads_as_o_and_g(mark: str) -> None:
    assert transliterate(f"O{mark}tkir G{mark}ayrat", "uz-latn-cyrl") == "Ўткир Ғайрат"
    assert transliterate(f"Is{mark}hoq", "uz-latn-cyrl") == "Исҳоқ"
    assert transliterate(f"Ma{mark}ruf", "uz-latn-cyrl") == "Маъруф"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Ergash", "Эргаш"),  # e word-initially
        ("poeziya", "поэзия"),  # e after a vowel
        ("Rustem", "Рустем"),  # e after a consonant
        ("Yelena", "Елена"),
        ("Joʻrayev", "Жўраев"),
        ("Ishoq", "Ишоқ"),  # sh without an apostrophe is ш
        ("yoʻl", "йўл"),  # y + oʻ, not yo + apostrophe
        ("'Husan'", "'Ҳусан'"),  # quotes are not between letters: no ъ
        ("Wolf", "Wолф"),  # w is not an Uzbek letter
        ("Otsiz", "Отсиз"),  # ts is т + с (ц is not restored)
    ],
)
def test_uzbek_latin_back_rules(latin: str, cyrillic: str) -> None:
    assert transliterate(latin, "uz-latn-cyrl") == cyrillic


@pytest.mark.parametrize("scheme", ["icao", "bgn-pcgn", "ala-lc", "gost-7.79-b"])
def test_russian_schemes_pass_other_characters_through(scheme: str) -> None:
    assert transliterate("Smith, J. 2024 — Ўқ", scheme) == "Smith, J. 2024 — Ўқ"


def test_unknown_scheme_is_an_error() -> None:
    with pytest.raises(ValueError, match="iso-9"):
        transliterate("Жураев", "iso-9")


def test_schemes_are_listed() -> None:
    assert SCHEMES == (
        "icao", "bgn-pcgn", "ala-lc", "gost-7.79-b", "uz-cyrl-latn", "uz-latn-cyrl",
    )  # fmt: skip


# The round trip is exact on lower-case Uzbek Cyrillic without ц ъ ь (and ы щ, which are not
# Uzbek), where й is not followed by а о у е э and э follows only a vowel or a word start.
_ROUND_TRIP_LETTERS = "абвгдеёжзийклмнопрстуфхчшэюяўқғҳ "
_OUTSIDE_DOMAIN = re.compile("й[аоуеэ]|[^аеёиоуэюяў ]э")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ROUND_TRIP_LETTERS, max_size=12).filter(
    lambda text: not _OUTSIDE_DOMAIN.search(text)
))  # fmt: skip
def test_uzbek_round_trip(text: str) -> None:
    assert transliterate(transliterate(text, "uz-cyrl-latn"), "uz-latn-cyrl") == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ROUND_TRIP_LETTERS, min_size=1, max_size=12).filter(
    lambda text: not _OUTSIDE_DOMAIN.search(text)
))  # fmt: skip
def test_uzbek_round_trip_in_capitals(text: str) -> None:
    upper = text.upper()
    assert transliterate(transliterate(upper, "uz-cyrl-latn"), "uz-latn-cyrl") == upper


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Жураев", "Cyrl"),
        ("Ўткир Қодиров", "Cyrl"),  # Uzbek letters are Cyrillic
        ("Juraev", "Latn"),
        ("Gʻayrat", "Latn"),  # ʻ is neutral
        ("Müller", "Latn"),
        ("Жураев J.", "mixed"),
        ("Cвeтлaнa", "mixed"),  # Latin C, e, a inside Cyrillic
        ("", ""),
        ("1984 — ?", ""),
        ("Σωκράτης", ""),  # letters of other scripts are neutral
        # one letter from each Latin and Cyrillic block looked at
        ("ễ", "Latn"),  # Latin Extended Additional
        ("ɐ", "Latn"),  # IPA Extensions
        ("ⱥ", "Latn"),  # Latin Extended-C
        ("ꝁ", "Latn"),  # Latin Extended-D
        ("Ｊ", "Latn"),  # fullwidth Latin
        ("ԃ", "Cyrl"),  # Cyrillic Supplement
        ("ᲀ", "Cyrl"),  # Cyrillic Extended-C
        ("Ꙋ", "Cyrl"),  # Cyrillic Extended-B
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script
