"""Words the styles print, by language.

Two sets: ``WORK_TERMS`` follow the language of each work (page, volume and issue labels, "и др.",
role words, months of transcribed dates: GOST describes a work in its own language, styles.md §5);
``LIST_TERMS`` follow the language of the paper the list goes into (content type, access note,
"[сайт]", the day-month of a newspaper or web page: styles.md §5 and §7 [D]). Russian forms follow
GOST R 7.0.12-2011, English GOST 7.11-2004. No standard gives Uzbek forms: the Uzbek words here are
diprefs decisions (docs/styles.md), "b."/"б." being the common Uzbek practice (styles.md §5).
"""

from __future__ import annotations

import re

from diprefs.model import Work

#: Any Cyrillic letter (the blocks ``names.script`` counts as Cyrillic).
_CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")

_RU_MONTHS_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
_RU_MONTHS_ABBR = [
    "янв.",
    "февр.",
    "марта",
    "апр.",
    "мая",
    "июня",
    "июля",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
]
_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_EN_MONTHS_ABBR = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
_UZ_MONTHS = [
    "yanvar",
    "fevral",
    "mart",
    "aprel",
    "may",
    "iyun",
    "iyul",
    "avgust",
    "sentabr",
    "oktabr",
    "noyabr",
    "dekabr",
]
_UZ_MONTHS_ABBR = [
    "yan.",
    "fev.",
    "mart",
    "apr.",
    "may",
    "iyun",
    "iyul",
    "avg.",
    "sent.",
    "okt.",
    "noya.",
    "dek.",
]
_UZC_MONTHS = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]

#: Labels and words in the language of each work.
WORK_TERMS: dict[str, dict[str, str]] = {
    "ru": {
        "page": "С.",
        "pages": "с.",
        "volume": "Т.",
        "volume_loc": "т.",
        "issue": "№",
        "article": "Ст.",
        "et_al": "и др.",
        "edited": "под редакцией",
        "edited_2008": "под ред.",
        "edited_general": "под общей редакцией",
        "edited_general_2008": "под общ. ред.",
        "translated": "перевод{src}",
        "translated_2008": "пер.{src}",
        "compiled": "составитель",
        "compiled_2008": "сост.",
        "vols_in": "в {n} томах",
        "vols_in_2008": "в {n} т.",
        "vol_head": "Том {v}",
        "vol_head_2008": "Т. {v}",
        "speciality": "специальность",
        "quote": "«{}»",
        "no_date": "[б. г.]",
        "ibid": "Там же",
        "op_cit": "Указ. соч.",
        "chapter_loc": "гл.",
        "section_loc": "разд.",
        "paragraph_loc": "п.",
        "note_loc": "примеч.",
        "legal": "{genre} от {date} № {number}",
        "legal_date": "{d} {month} {y} года",
        "event_date": "{d} {month} {y} года",
    },
    "en": {
        "page": "P.",
        "pages": "p.",
        "volume": "Vol.",
        "volume_loc": "vol.",
        "issue": "No.",
        "article": "Art.",
        "et_al": "et al.",
        "edited": "edited by",
        "edited_2008": "ed. by",
        "edited_general": "general editor",
        "edited_general_2008": "gen. ed.",
        "translated": "translated{src} by",
        "translated_2008": "transl.{src} by",
        "compiled": "compiled by",
        "compiled_2008": "comp. by",
        "vols_in": "in {n} volumes",
        "vols_in_2008": "in {n} vol.",
        "vol_head": "Vol. {v}",
        "vol_head_2008": "Vol. {v}",
        "speciality": "specialty",
        "quote": "“{}”",
        "no_date": "[s. a.]",
        "ibid": "Ibid",
        "op_cit": "Op. cit.",
        "chapter_loc": "ch.",
        "section_loc": "sect.",
        "paragraph_loc": "para.",
        "note_loc": "n.",
        "legal": "{genre} of {date} No. {number}",
        "legal_date": "{d} {month} {y}",
        "event_date": "{d} {month} {y}",
    },
    "uz-Latn": {
        "page": "B.",
        "pages": "b.",
        "volume": "J.",
        "volume_loc": "j.",
        "issue": "№",
        "article": "M.",
        "et_al": "et al.",
        "edited": "mas’ul muharrir",
        "edited_2008": "mas’ul muharrir",
        "translated": "tarjimon",
        "translated_2008": "tarjimon",
        "compiled": "tuzuvchi",
        "compiled_2008": "tuzuvchi",
        "vols_in": "{n} jildda",
        "vols_in_2008": "{n} jildda",
        "vol_head": "{v}-jild",
        "vol_head_2008": "{v}-jild",
        "speciality": "ixtisoslik",
        "quote": "«{}»",
        "no_date": "[s. a.]",
        "ibid": "Oʻsha joyda",
        "op_cit": "Koʻrsatilgan asar",
        "chapter_loc": "bob",
        "section_loc": "boʻlim",
        "paragraph_loc": "band",
        "note_loc": "izoh",
        "legal": "{genre} {date}dagi {number}-son",
        "legal_date": "{y}-yil {d}-{month}",
        "event_date": "{y}-yil {d}-{month}",
    },
    "uz-Cyrl": {
        "page": "Б.",
        "pages": "б.",
        "volume": "Ж.",
        "volume_loc": "ж.",
        "issue": "№",
        "article": "М.",
        "et_al": "и др.",
        "edited": "масъул муҳаррир",
        "edited_2008": "масъул муҳаррир",
        "translated": "таржимон",
        "translated_2008": "таржимон",
        "compiled": "тузувчи",
        "compiled_2008": "тузувчи",
        "vols_in": "{n} жилдда",
        "vols_in_2008": "{n} жилдда",
        "vol_head": "{v}-жилд",
        "vol_head_2008": "{v}-жилд",
        "speciality": "ихтисослик",
        "quote": "«{}»",
        "no_date": "[б. г.]",
        "ibid": "Ўша жойда",
        "op_cit": "Кўрсатилган асар",
        "chapter_loc": "боб",
        "section_loc": "бўлим",
        "paragraph_loc": "банд",
        "note_loc": "изоҳ",
        "legal": "{genre} {date}даги {number}-сон",
        "legal_date": "{y}-йил {d}-{month}",
        "event_date": "{y}-йил {d}-{month}",
    },
}

#: Full month names for dates written out in a work's language (legal acts, conferences).
MONTHS: dict[str, list[str]] = {
    "ru": _RU_MONTHS_GEN,
    "en": _EN_MONTHS,
    "uz-Latn": _UZ_MONTHS,
    "uz-Cyrl": _UZC_MONTHS,
}

#: Source languages of translations (biblatex ``origlanguage``) in the Russian role phrase.
FROM_LANGUAGE_RU = {
    "en": ("с английского", "с англ."),
    "de": ("с немецкого", "с нем."),
    "fr": ("с французского", "с фр."),
    "es": ("с испанского", "с исп."),
    "it": ("с итальянского", "с итал."),
    "uz": ("с узбекского", "с узб."),
    "tr": ("с турецкого", "с тур."),
    "zh": ("с китайского", "с кит."),
    "ja": ("с японского", "с яп."),
    "uk": ("с украинского", "с укр."),
    "kk": ("с казахского", "с каз."),
    "ar": ("с арабского", "с араб."),
    "fa": ("с персидского", "с перс."),
}
FROM_LANGUAGE_EN = {
    "ru": "Russian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "uz": "Uzbek",
    "tr": "Turkish",
    "zh": "Chinese",
    "ja": "Japanese",
    "uk": "Ukrainian",
    "kk": "Kazakh",
    "ar": "Arabic",
    "fa": "Persian",
}

#: ``legal_kind`` -> the kind of act in English (references-en; APA names a constitution alone).
LEGAL_KINDS_EN = {
    "constitution": "Constitution",
    "code": "Code",
    "law": "Law",
    "decree": "Decree",
    "resolution": "Resolution",
    "departmental": "Order",
}

#: Words in the language of the list (``--lang``).
LIST_TERMS: dict[str, dict[str, str]] = {
    "ru": {
        "content_print": "Текст : непосредственный",
        "content_online": "Текст : электронный",
        "accessed": "дата обращения",
        "site": "[сайт]",
        "gmd": "[Электронный ресурс]",
        "retrieved": "Получено {date}, с {url}",
    },
    "en": {
        "content_print": "Text : unmediated",
        "content_online": "Text : electronic",
        "accessed": "accessed",
        "site": "[website]",
        "gmd": "[Electronic resource]",
        "retrieved": "Retrieved {date}, from {url}",
    },
    "uz": {
        "content_print": "Matn : bevosita",
        "content_online": "Matn : elektron",
        "accessed": "murojaat sanasi",
        "site": "[sayt]",
        "gmd": "[Elektron resurs]",
        "retrieved": "Murojaat sanasi: {date}, {url}",
    },
}

#: Abbreviated months (genitive in Russian) for the day-month element of the list language.
LIST_MONTHS: dict[str, list[str]] = {
    "ru": _RU_MONTHS_ABBR,
    "en": _EN_MONTHS_ABBR,
    "uz": _UZ_MONTHS_ABBR,
}
#: Full months for APA dates ("October 31") and retrieval dates in each list language.
LIST_MONTHS_FULL: dict[str, list[str]] = {
    "ru": _RU_MONTHS_GEN,
    "en": _EN_MONTHS,
    "uz": _UZ_MONTHS,
}


def work_lang(work: Work) -> str:
    """The language key whose labels a work takes: ru, en, uz-Latn or uz-Cyrl.

    From the BCP 47 tag; an Uzbek tag without a script, an unknown tag or none at all is settled
    by the script of the title (Cyrillic -> Russian or Uzbek Cyrillic, anything else -> English
    labels, the GOST 7.11 forms for European languages).
    """
    tag = work.language.casefold()
    if tag.startswith("ru"):
        return "ru"
    if tag.startswith("en"):
        return "en"
    cyrillic = bool(_CYRILLIC.search(work.title))
    if tag.startswith("uz"):
        return "uz-Cyrl" if tag.endswith("cyrl") or (tag == "uz" and cyrillic) else "uz-Latn"
    return "ru" if cyrillic else "en"
