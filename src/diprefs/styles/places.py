"""Places of publication in English, for the transliterated "References" list.

The guidelines for "References" lists want the place in English ("Moscow", not "M." or "Moskva").
This table holds the cities diprefs' users publish in most: Russia's two capitals with GOST's
abbreviations М. and СПб., Tashkent with the legacy Т./T., Uzbekistan's regional centres in
Russian, Uzbek Cyrillic and Uzbek Latin spelling, and the CIS capitals. Any other place is
transliterated by the style.
"""

from __future__ import annotations

from diprefs.names.keys import fold

#: Spelling -> English; looked up folded (``names.keys.fold``: case, dots, ʻ and й/ё/ў marks).
_PLACES = {
    "москва": "Moscow",
    "м": "Moscow",
    "moskva": "Moscow",
    "санкт-петербург": "Saint Petersburg",
    "спб": "Saint Petersburg",
    "sankt-peterburg": "Saint Petersburg",
    "ленинград": "Leningrad",
    "ташкент": "Tashkent",
    "тошкент": "Tashkent",
    "toshkent": "Tashkent",
    "т": "Tashkent",
    "t": "Tashkent",
    "самарканд": "Samarkand",
    "самарқанд": "Samarkand",
    "samarqand": "Samarkand",
    "бухара": "Bukhara",
    "бухоро": "Bukhara",
    "buxoro": "Bukhara",
    "андижан": "Andijan",
    "андижон": "Andijan",
    "andijon": "Andijan",
    "наманган": "Namangan",
    "namangan": "Namangan",
    "фергана": "Fergana",
    "фарғона": "Fergana",
    "fargona": "Fergana",
    "нукус": "Nukus",
    "nukus": "Nukus",
    "карши": "Karshi",
    "қарши": "Karshi",
    "qarshi": "Karshi",
    "термез": "Termez",
    "термиз": "Termez",
    "termiz": "Termez",
    "ургенч": "Urgench",
    "урганч": "Urgench",
    "urganch": "Urgench",
    "новосибирск": "Novosibirsk",
    "екатеринбург": "Yekaterinburg",
    "казань": "Kazan",
    "нижний новгород": "Nizhny Novgorod",
    "ростов-на-дону": "Rostov-on-Don",
    "киев": "Kyiv",
    "минск": "Minsk",
    "алматы": "Almaty",
    "алма-ата": "Almaty",
    "астана": "Astana",
    "бишкек": "Bishkek",
    "душанбе": "Dushanbe",
    "ашхабад": "Ashgabat",
    "баку": "Baku",
}
PLACES_EN = {fold(k): v for k, v in _PLACES.items()}


def english_place(value: str) -> str:
    """The English name of a place, or "" when the table does not know it."""
    return PLACES_EN.get(fold(value).rstrip(" ."), "")
