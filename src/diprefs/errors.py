"""The error tree. Each class carries its exit code, so the CLI maps errors in one place."""

from __future__ import annotations


class DiprefsError(Exception):
    """A user-facing error: one line, no traceback."""

    exit_code = 1

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: extra lines printed after the message (e.g. the candidates of an ambiguous name)
        self.details = details or []


class NotALibraryError(DiprefsError):
    """The file exists but is not a diprefs library (or not SQLite at all)."""


class NewerLibraryError(DiprefsError):
    """The library was written by a newer diprefs: refuse rather than guess."""


class NotFoundError(DiprefsError):
    exit_code = 3


class ConflictError(DiprefsError):
    """Refused: exists already, ambiguous, or still in use."""

    exit_code = 4


class InvalidInputError(DiprefsError):
    exit_code = 5


class ProblemsFound(DiprefsError):
    exit_code = 6
