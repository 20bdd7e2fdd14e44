"""docs/styles.md shows what diprefs prints: its examples are golden cases, its table is the
table ``check`` uses."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from diprefs.styles.checks import APA_REQUIRED, GOST_REQUIRED

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "styles.md").read_text(encoding="utf-8")


def _golden() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in (ROOT / "tests" / "golden").glob("*.toml"):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            for style in ("gost", "gost-2008", "apa"):
                if style in case:
                    out.setdefault(style, set()).add(case[style])
    return out


def test_every_example_is_a_golden_case():
    golden = _golden()
    rows = re.findall(r"^\| `(gost|gost-2008|apa)` \| (.*) \|$", DOC, re.MULTILINE)
    assert len(rows) >= 60
    for style, text in rows:
        assert text.replace("\\|", "|") in golden[style], (style, text)


def _cell(requirements) -> str:
    return ", ".join(" or ".join(f"`{f}`" for f in r[0].split("|")) for r in requirements) or "—"


def test_required_elements_table_matches_the_checks():
    for kind in dict.fromkeys([*GOST_REQUIRED, *APA_REQUIRED]):
        gost, apa = _cell(GOST_REQUIRED.get(kind, ())), _cell(APA_REQUIRED.get(kind, ()))
        row = f"| {kind} | {gost} | {apa} |"
        assert row in DOC, row
