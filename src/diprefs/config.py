"""config.toml: the settings where practice disagrees, with the defaults of styles.md.

The file is optional; a key it leaves out keeps its default. ``--set SECTION.NAME=VALUE`` overrides
one key for one run. The schema below is the one docs/cli.md lists: an unknown key or a value
outside a key's choices is refused (in the file: exit 1 naming the file; in ``--set``: a usage
error, raised here as ``ValueError`` for the CLI to report).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from diprefs.errors import DiprefsError

_TRANSLITERATIONS = ("bgn-pcgn", "ala-lc", "gost-7.79-b")

#: section -> key -> (default, allowed values or a type)
SCHEMA: dict[str, dict[str, tuple[Any, tuple | type]]] = {
    "gost": {
        "dash": ("—", ("—", "–")),
        "doi_position": ("before-content-type", ("before-content-type", "end")),
        "four_authors": ("all", ("all", "first")),
        "tashkent": ("full", ("full", "abbreviated")),
    },
    "gost-2008": {"separator": (". — ", (". — ", ". "))},
    "apa": {"transliteration": ("bgn-pcgn", _TRANSLITERATIONS)},
    "references-en": {"transliteration": ("bgn-pcgn", _TRANSLITERATIONS)},
    "docx": {"font": ("Times New Roman", str), "size_gost": (14, int), "size_apa": (12, int)},
    "db": {"busy_timeout": (10, int)},
}

Config = dict[str, dict[str, Any]]


def defaults() -> Config:
    return {section: {k: v[0] for k, v in keys.items()} for section, keys in SCHEMA.items()}


def _checked(section: str, key: str, value: Any) -> Any:
    """The value converted to the key's type; ValueError naming the key otherwise."""
    if section not in SCHEMA or key not in SCHEMA[section]:
        known = ", ".join(f"{s}.{k}" for s, keys in SCHEMA.items() for k in keys)
        raise ValueError(f"unknown setting {section}.{key} (known: {known})")
    allowed = SCHEMA[section][key][1]
    if isinstance(allowed, tuple):
        if value not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            raise ValueError(f"{section}.{key} must be one of {choices}, not {value!r}")
        return value
    if allowed is int:
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValueError(f"{section}.{key} must be a whole number, not {value!r}") from None
        if number <= 0 or isinstance(value, bool):
            raise ValueError(f"{section}.{key} must be a positive whole number")
        return number
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{section}.{key} must be a non-empty string")
    return value


def parse_override(text: str) -> tuple[str, str, str]:
    """ "gost.dash=–" -> ("gost", "dash", "–"); the section is everything before the last dot
    of the name (``gost-2008.separator``)."""
    name, eq, value = text.partition("=")
    section, dot, key = name.strip().rpartition(".")
    if not eq or not dot or not section or not key:
        raise ValueError(f"expected SECTION.NAME=VALUE, got {text!r}")
    _checked(section, key, value)
    return section, key, value


def load(path: Path, overrides: Iterable[str] = ()) -> Config:
    """Defaults, then the file (if any), then ``--set`` overrides."""
    config = defaults()
    if path.exists():
        import tomllib  # only when there is a file: every command that opens the library asks

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise DiprefsError(f"{path}: {exc}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise DiprefsError(f"cannot read {path}: {exc}") from exc
        for section, keys in data.items():
            if not isinstance(keys, dict):
                raise DiprefsError(f"{path}: {section} must be a [section]")
            for key, value in keys.items():
                try:
                    config.setdefault(section, {})[key] = _checked(section, key, value)
                except ValueError as exc:
                    raise DiprefsError(f"{path}: {exc}") from exc
    for text in overrides:
        section, key, value = parse_override(text)
        config[section][key] = _checked(section, key, value)
    return config


def busy_timeout() -> int:
    """``[db] busy_timeout``: the seconds a command waits for another process's write lock."""
    from diprefs.settings import config_path

    return load(config_path())["db"]["busy_timeout"]
