"""Running the user's $EDITOR on a text (``works edit``), and whether a person can be asked."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from diprefs.errors import DiprefsError


def interactive() -> bool:
    """Whether a person can answer a question (stdin is a terminal)."""
    return sys.stdin.isatty()


def run(text: str, name: str) -> str:
    """``text`` after the user edited it in $EDITOR (else vi), in a file named after ``name``.

    $EDITOR may hold arguments ("code --wait"). An editor that cannot start or exits non-zero is
    an error (exit 1): the caller has changed nothing yet.
    """
    editor = os.environ.get("EDITOR") or "vi"
    with tempfile.TemporaryDirectory(prefix="diprefs-") as folder:
        path = Path(folder) / (re.sub(r"[^\w.-]", "_", name) + ".bib")
        path.write_text(text, encoding="utf-8")
        try:
            code = subprocess.call([*shlex.split(editor), str(path)])
        except OSError as exc:
            raise DiprefsError(f"cannot run the editor {editor!r}: {exc.strerror}") from exc
        if code != 0:
            raise DiprefsError(f"the editor {editor!r} exited with status {code}; nothing changed")
        return path.read_text(encoding="utf-8")
