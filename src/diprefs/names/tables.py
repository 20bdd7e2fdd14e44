"""Letter tables of the transliteration standards diprefs implements.

Kept apart from the engine in ``translit.py`` so that each table can be checked line by line
against its published source. Tables hold lower-case letters only; the engine derives upper and
title case. Where a standard writes a letter differently by position, the table holds the
"elsewhere" value and the position rule lives in ``translit.py`` (noted below per letter).
See docs/transliteration.md for the decisions taken where a standard offers options.
"""

# Apostrophe variants accepted for the Uzbek Latin letters oʻ and gʻ and for the tutuq belgisi:
# U+02BB (the official ʻ), ASCII ', `, U+2018 ‘, U+2019 ’ and U+02BC ʼ, all seen in the wild.
UZBEK_APOSTROPHES = "ʻ'`‘’ʼ"

# The modifier letter turned comma: the official sign in oʻ and gʻ (1995 alphabet as amended).
UZBEK_OKINA = "ʻ"

# The modifier letter apostrophe: the tutuq belgisi (ъ) and the separator in sʼh.
UZBEK_TUTUQ = "ʼ"

# Russian Cyrillic vowel letters, for the "after a vowel" rules of BGN/PCGN.
RUSSIAN_VOWELS = "аеёиоуыэюя"

# Uzbek Cyrillic vowel letters, for the "after a vowel" rules of the 1995 conversion rules.
UZBEK_CYRILLIC_VOWELS = "аеёиоуэюяў"

# ICAO Doc 9303 (7th ed., 2015), Part 3, section 6 "Transliteration of multinational
# characters", table for the Russian Cyrillic alphabet (machine-readable passports).
ICAO_9303_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip

# BGN/PCGN 1947 System for Russian (BGN 1944, PCGN 1947; checked June 2019 edition).
# е: "ye" word-initially and after a vowel, й, ъ or ь (rule in translit.py), else "e".
# ё: the standard's ë/yë with the diaeresis dropped, i.e. treated like е (Note 1 of the
#    standard: ё is often printed without the diaeresis and is then romanised as е).
# ъ ” and ь ’ are kept as printed in the table; the optional middle dot (·) is not used.
BGN_PCGN_1947_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "”", "ы": "y", "ь": "’", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip

# ALA-LC Romanization Tables, "Russian" (Library of Congress, 1997 and later), without the
# diacritics and ligature ties: ĭ -> i, ë -> e, ė -> e, t͡s -> ts, i͡u -> iu, i͡a -> ia.
# The soft and hard sign keep the table's spacing primes ʹ (U+02B9) and ʺ (U+02BA), which are
# letters of the table, not diacritics.
ALA_LC_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip

# GOST 7.79-2000, system B (Table 4, Russian column): letter combinations and the ASCII grave
# accent, no diacritics. ц: "c" before i, e, y, j (rule in translit.py), else "cz".
GOST_7_79_B_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "cz",
    "ч": "ch", "ш": "sh", "щ": "shh", "ъ": "``", "ы": "y`", "ь": "`", "э": "e`", "ю": "yu",
    "я": "ya",
}  # fmt: skip

# Uzbek Cyrillic -> Uzbek Latin: the 1995 Latin alphabet (Law of 24 Aug 1995, Cabinet decree
# No. 339 on spelling rules) as amended, with the conversion rules for Cyrillic letters that
# have no Latin letter of their own. Position rules in translit.py:
# е "ye" word-initially and after a vowel, ъ or ь, else "e"; ц "ts" after a vowel, else "s";
# с before ҳ is written sʼ so that сҳ (sʼh) stays distinct from ш (sh). ь is dropped.
UZ_CYRL_TO_LATN_1995 = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "s",
    "ч": "ch", "ш": "sh", "ъ": UZBEK_TUTUQ, "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ў": "o" + UZBEK_OKINA, "қ": "q", "ғ": "g" + UZBEK_OKINA, "ҳ": "h",
}  # fmt: skip

# Uzbek Latin -> Uzbek Cyrillic, the inverse of the 1995 alphabet table. Single letters here;
# the digraphs sh ch oʻ gʻ ye yo yu ya, sʼh and the tutuq are read in translit.py.
# e: э word-initially and after a vowel (where the Cyrillic е would have been "ye"), else е.
UZ_LATN_TO_CYRL_1995 = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "ҳ", "i": "и",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ",
    "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "x": "х", "y": "й", "z": "з",
}  # fmt: skip

# Uzbek Latin digraphs read as one Cyrillic letter (apostrophe digraphs are handled apart).
UZ_LATN_DIGRAPHS_1995 = {
    "sh": "ш", "ch": "ч", "ye": "е", "yo": "ё", "yu": "ю", "ya": "я",
}  # fmt: skip
