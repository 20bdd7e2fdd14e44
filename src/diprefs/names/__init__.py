"""Personal names across scripts: transliteration, script detection, initials and lookup keys.

Pure functions only, so that the formats, styles and storage can share one notion of "the same
name" whether it was typed in Russian or Uzbek Cyrillic, Uzbek Latin or a passport romanisation.
"""
