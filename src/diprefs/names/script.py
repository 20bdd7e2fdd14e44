"""Which script a name is written in, so callers know whether to transliterate it."""

# Unicode block ranges (Unicode 15.1, Blocks.txt) whose letters count as Latin script.
LATIN_BLOCKS = (
    (0x0041, 0x007A),  # Basic Latin (letters only are looked at)
    (0x00C0, 0x024F),  # Latin-1 Supplement, Latin Extended-A, Latin Extended-B
    (0x0250, 0x02AF),  # IPA Extensions
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xFF21, 0xFF5A),  # Halfwidth and Fullwidth Forms, Latin letters
)

# Unicode block ranges (Unicode 15.1, Blocks.txt) whose letters count as Cyrillic script;
# Uzbek ў қ ғ ҳ sit in the main Cyrillic block. (Cyrillic Extended-A holds only combining
# marks, which are not letters.)
CYRILLIC_BLOCKS = (
    (0x0400, 0x052F),  # Cyrillic, Cyrillic Supplement
    (0x1C80, 0x1C8F),  # Cyrillic Extended-C
    (0xA640, 0xA69F),  # Cyrillic Extended-B
)


def _in_blocks(char: str, blocks: tuple[tuple[int, int], ...]) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in blocks)


def detect_script(text: str) -> str:
    """Return "Cyrl", "Latn" or "mixed" by the letters of ``text``; "" if it has none.

    Only Latin and Cyrillic letters are looked at: digits, punctuation, the Uzbek apostrophe
    letters ʻ ʼ (Spacing Modifier Letters) and letters of other scripts are neutral.
    """
    letters = [char for char in text if char.isalpha()]
    cyrillic = any(_in_blocks(char, CYRILLIC_BLOCKS) for char in letters)
    latin = any(_in_blocks(char, LATIN_BLOCKS) for char in letters)
    if cyrillic and latin:
        return "mixed"
    if cyrillic:
        return "Cyrl"
    return "Latn" if latin else ""
