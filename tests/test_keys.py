"""Folding and the drift-proof name keys."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diprefs.names.keys import fold, match_key, name_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("  Müller   Ñúñez ", "muller nunez"),  # diacritics, case, whitespace
        ("STRASSE Straße", "strasse strasse"),  # casefold, not lower
        ("F.S.", "f s"),  # dots become spaces
        ("J. R. R.", "j r r"),
        ("Gʻayrat G'ayrat G`ayrat G‘ayrat G’ayrat Gʼayrat", " ".join(["gayrat"] * 6)),
        ("O´tkir", "otkir"),  # the acute is dropped, not split into space + accent
        ("O＇tkir", "otkir"),  # the fullwidth apostrophe only becomes ' under NFKD
        ("Iurʹev Pod”yachev Yur’yev Yur`ev Obʺ Ob″", "iurev podyachev yuryev yurev ob ob"),
        ("Ёлкин Йошкар ЎТКИР", "елкин иошкар уткир"),  # NFKD: ё е, й и, ў у
        ("Қодиров Ғайрат Ҳусан", "қодиров ғаират ҳусан"),  # no decomposition: kept
        ("Жураев-Петрова", "жураев-петрова"),  # hyphens kept
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


# Spellings of one name that must share a key.
SAME_PERSON = [
    ["Жураев", "Жўраев", "ЖУРАЕВ", "Juraev", "Jurayev", "Joʻrayev", "Jo'rayev", "Djuraev",
     "Zhuraev", "Dzhuraev"],
    ["Бьола", "Byola", "Bjola"],
    ["Цветкова", "Tsvetkova", "Tzvetkova", "Czvetkova"],
    ["Хусанбой", "Ҳусанбой", "Khusanboy", "Husanboy", "Xusanboy", "Husanboi"],
    ["Мирзиёев", "Mirziyoyev", "Mirziyoev"],
    ["Сайфуллаев", "Saifullayev", "Sayfullaev"],
    ["Алиев", "Aliev", "Aliyev"],
    ["Васильев", "Vasiliev", "Vasilyev"],
    ["Зиновьева", "Zinovieva", "Zinovyeva", "Zinov’yeva"],
    ["Ермаков", "Yermakov", "Ermakov"],
    ["Горбачёв", "Горбачев", "Gorbachev", "Gorbachëv"],
    ["Қодиров", "Qodirov", "Kodirov"],
    ["Ғайрат", "Gʻayrat", "Gayrat", "Gairat"],
    ["Ўткир", "Oʻtkir", "Utkir"],
    ["Ёқубов", "Yoqubov", "Yokubov"],
    ["Щукин", "Shchukin", "Shhukin"],
    ["Мария", "Mariia", "Mariya", "Maria"],
    ["Ляхов", "Lyakhov", "Liakhov"],
    ["Юсупов", "Yusupov", "Iusupov"],
    ["Соловьёв", "Solovyev", "Soloviev"],
    ["Abdul Aziz", "Abdulaziz", "Abdul-Aziz"],
]  # fmt: skip


@pytest.mark.parametrize("spellings", SAME_PERSON, ids=lambda spellings: spellings[1])
def test_spellings_of_one_name_share_a_key(spellings: list[str]) -> None:
    keys = {spelling: match_key(spelling) for spelling in spellings}
    assert len(set(keys.values())) == 1, keys


# Different names (or garblings) that must keep different keys.
DIFFERENT = [
    ("Tsvetkova", "Svetkova"),  # a garbling, not drift
    ("Manor", "Minor"),
    ("Segev", "Seib"),
    ("Hanson", "Hansen"),  # vowels other than i/y are kept
    ("Holmes", "Holms"),
    ("Surma", "Sarma"),
    ("Volkova", "Vlasov"),
    ("Zonova", "Zinovyeva"),
    ("Novikov", "Nikolaev"),
    ("Juraev", "Jurayeva"),  # the feminine form is another key
    ("Mirziyoyev", "Mirzoev"),  # и before ё is kept
    ("Lyakhov", "Lakhov"),
    ("Gurin", "Gorin"),
    ("Yusupov", "Usupov"),
]


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert match_key(one) != match_key(other)


# Known misses, documented in docs/transliteration.md: pinned so a change is deliberate.
KNOWN_MISSES = [
    ("Vasiliev", "Vasilev"),  # ICAO / ALA-LC drop ь, so the glide is gone
    ("Ёлкин", "Elkin"),  # ICAO writes initial ё as e; the key keeps yo for Uzbek Ё
    ("Gorbachev", "Gorbachyov"),  # GOST B ё after a consonant
    ("Oʻtkir", "Otkir"),  # oʻ typed without its apostrophe is plain o
]


@pytest.mark.parametrize(("one", "other"), KNOWN_MISSES)
def test_known_misses(one: str, other: str) -> None:
    assert match_key(one) != match_key(other)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Жураев", "juraev"),
        ("Husanboy", "husanboi"),  # й/y before a consonant or at the end is i
        ("Sayfullaev", "saifulaev"),  # doubled letters collapse
        ("Mirziyoyev", "mirzyoev"),
        ("Yermakov", "ermakov"),  # word-initial ye is e
        ("Byola", "byola"),
        ("Tzvetkova", "tsvetkova"),
        ("Cecil", "tsetsil"),  # c before e, i, y is ts (GOST B's ц)
        ("Charles", "charles"),  # ch is kept
        ("Shhukin", "shchukin"),
        ("Xusanboy", "husanboi"),
        ("O'Brien", "ubryen"),  # o + apostrophe reads as Uzbek oʻ (= у); -rie- as -rye-
        ("", ""),
    ],
)
def test_match_key_values(text: str, key: str) -> None:
    assert match_key(text) == key


@pytest.mark.parametrize(
    ("family", "given", "key"),
    [
        ("Иванов", "Иван", "ivanov i"),
        ("Ivanov", "I.", "ivanov i"),
        ("Жураев", "Жасур", "juraev j"),
        ("Juraev", "Zhasur", "juraev j"),
        ("Жўраев", "Ўткир", "juraev u"),
        ("Joʻrayev", "Oʻtkir", "juraev u"),
        ("Khusanov", "Gʻayrat", "husanov g"),
        ("Ivanov", "", "ivanov "),
    ],
)
def test_name_key(family: str, given: str, key: str) -> None:
    assert name_key(family, given) == key


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=20))
def test_the_ascii_fast_path_gives_the_general_key(text: str) -> None:
    """A leading "´" (a fold mark, not ASCII) sends the text down the general path; the mark
    itself vanishes there, so both paths must give one key."""
    assert match_key(text) == match_key("´" + text)
