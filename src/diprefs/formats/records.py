"""What every reader returns: works, the file's non-entry blocks, and problems found."""

from __future__ import annotations

from dataclasses import dataclass, field

from diprefs.controls import strip_controls
from diprefs.model import Work


@dataclass(frozen=True)
class Problem:
    """A block that could not be read as given: reported as ``file:line: key: message``."""

    file: str
    line: int | None
    key: str
    message: str
    #: True when the entry was imported all the same (a generated key, an undefined macro)
    kept: bool = False

    def __str__(self) -> str:
        """One line, whatever the key or the quoted text holds (``diprefs.controls``)."""
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return strip_controls(f"{where}: {self.key or '(no key)'}: {self.message}")


@dataclass(frozen=True)
class Block:
    """A non-entry block kept for export: @string, @preamble or @comment (raw text)."""

    kind: str  # string | preamble | comment
    value: str
    key: str = ""
    #: 1-based line where the block starts in its file (None when not known)
    line: int | None = None


@dataclass
class ReadResult:
    works: list[Work] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dialect: str = "bibtex"
