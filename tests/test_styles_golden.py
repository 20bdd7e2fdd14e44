"""Golden cases: each work (BibLaTeX) against strings worked out by hand (tests/golden/*.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from diprefs.config import defaults
from diprefs.formats.bibtex import read_bibtex
from diprefs.services.bibliography import format_works, style_settings
from diprefs.styles.text import merge

GOLDEN = Path(__file__).parent / "golden"
SEED_BIB = Path(__file__).resolve().parents[1] / "src" / "diprefs" / "data" / "works.bib"
STYLES = ("gost", "gost-2008", "apa")


def _cases():
    seed = {w.key: w for w in read_bibtex(SEED_BIB.read_text(encoding="utf-8")).works}
    for path in sorted(GOLDEN.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            if "seed" in case:
                work = seed[case["seed"]]
            else:
                result = read_bibtex(case["bib"])
                assert not result.problems and len(result.works) == 1, case["id"]
                work = result.works[0]
            for style in STYLES:
                if style in case:
                    yield pytest.param(work, style, case, id=f"{case['id']}-{style}")


CASES = list(_cases())


def marked(styled) -> str:
    """Italics written *like this*, as the golden files write them."""
    return "".join(f"*{t}*" if italic else t for t, italic in merge(styled))


@pytest.mark.parametrize(("work", "style", "case"), CASES)
def test_golden(work, style, case):
    settings = {**style_settings(style, defaults()), **case.get("settings", {})}
    (out,) = format_works([work], style, case.get("lang"), settings)
    assert marked(out) == case[style]


def test_enough_golden_cases_across_styles():
    assert len(CASES) >= 60
    assert {style for _w, style, _c in (p.values for p in CASES)} == set(STYLES)
