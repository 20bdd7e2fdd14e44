"""Where the library and the config live.

Order: ``--db`` > ``DIPREFS_DB`` > ``$DIPREFS_HOME/library.db`` > the platform's user data dir.
Resolving a path never creates anything, so ``--help`` and ``db path`` stay side-effect free.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "diprefs"


def home_dir() -> Path | None:
    home = os.environ.get("DIPREFS_HOME")
    return Path(home).expanduser() if home else None


def library_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The library file the user means, by the documented order of precedence."""
    chosen = cli_value or os.environ.get("DIPREFS_DB")
    if chosen:
        return Path(chosen).expanduser().absolute()
    home = home_dir()
    if home is not None:
        return (home / "library.db").absolute()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library.db"


def config_path() -> Path:
    home = home_dir()
    if home is not None:
        return home / "config.toml"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"
