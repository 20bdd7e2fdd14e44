"""Works in Latin letters, as the English-language lists print them (APA and references-en).

Both romanise Cyrillic by the style's ``transliteration`` setting (BGN/PCGN by default; Uzbek
Cyrillic by the Uzbek Latin alphabet), follow a non-English title with its English translation
in brackets, print a journal's own Latin title where the work records one, and print an
editor's surname that a biblatex-gost file wrote in the genitive in the nominative.
"""

from __future__ import annotations

from diprefs.model import Contributor, Name
from diprefs.styles import persons
from diprefs.styles import text as st
from diprefs.styles.template import Call, Ctx, Part
from diprefs.styles.text import Styled


def scheme(ctx: Ctx) -> str:
    return ctx.settings.get("transliteration", "bgn-pcgn")


def name_of(ctx: Ctx, contributor: Contributor) -> Name:
    """The name as these lists print it: an editor written in the genitive in the nominative."""
    return persons.as_printed(contributor, ctx.genders.get(contributor.name, ""))


def roman(ctx: Ctx, value: str) -> str:
    return persons.romanised(st.clean(value), scheme(ctx), ctx.lang)


def titles(ctx: Ctx) -> tuple[str, str]:
    """(title as printed, its English translation): title plus ``title_translated``, or the
    biblatex-apa pair of an untranslated work, where ``origtitle`` is the original and
    ``title`` its translation."""
    w = ctx.work
    title = f"{w.title}: {w.subtitle}" if w.subtitle else w.title
    if w.title_original and not w.names("translator") and not w.title_translated:
        return roman(ctx, w.title_original), st.clean(title)
    return roman(ctx, title), st.clean(w.title_translated)


def title(italic: bool) -> Part:
    """ "Title [Translation]" (the title italic for stand-alone works); a title the cataloguer
    supplied stands alone in brackets."""

    def render(ctx: Ctx) -> Styled:
        main, translated = titles(ctx)
        if not main:
            return ()
        if ctx.work.title_supplied:
            return st.plain(f"[{main}]")
        return st.join(
            [st.plain(main, italic), st.plain(f"[{translated}]" if translated else "")], " "
        )

    return Call(render)


def container(ctx: Ctx) -> str:
    """The journal, book or site: its recorded Latin title, else romanised."""
    return st.clean(ctx.work.container_title_latin) or roman(ctx, ctx.work.container_title)
