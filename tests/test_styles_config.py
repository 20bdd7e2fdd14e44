"""config.toml and ``--set``: defaults from styles.md, overrides, refusals (docs/cli.md)."""

from __future__ import annotations

import pytest

from diprefs.config import defaults, load, parse_override
from diprefs.errors import DiprefsError


def test_defaults_are_the_documented_ones():
    config = defaults()
    assert config["gost"] == {
        "dash": "—",
        "doi_position": "before-content-type",
        "four_authors": "all",
        "tashkent": "full",
    }
    assert config["gost-2008"] == {"separator": ". — "}
    assert config["apa"] == {"transliteration": "bgn-pcgn"}
    assert config["docx"] == {"font": "Times New Roman", "size_gost": 14, "size_apa": 12}


def test_file_then_overrides(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[gost]\ndash = "–"\n[docx]\nsize_gost = 13\n', encoding="utf-8")
    config = load(path, ["gost.four_authors=first", "docx.size_apa=11"])
    assert config["gost"]["dash"] == "–"
    assert config["gost"]["four_authors"] == "first"
    assert config["docx"]["size_gost"] == 13 and config["docx"]["size_apa"] == 11
    assert load(tmp_path / "missing.toml") == defaults()


@pytest.mark.parametrize(
    "text",
    ["gost.dash", "gost=1", "nosuch.key=1", "gost.nosuch=1", "gost.dash=-", "docx.size_gost=big"],
)
def test_bad_overrides(text):
    with pytest.raises(ValueError):
        parse_override(text)


def test_section_name_with_a_dot_free_hyphen():
    assert parse_override("gost-2008.separator=. ") == ("gost-2008", "separator", ". ")


@pytest.mark.parametrize("content", ["[gost\n", '[gost]\ndash = "x"\n', 'gost = "x"\n'])
def test_bad_files_name_the_file(tmp_path, content):
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DiprefsError) as err:
        load(path)
    assert str(path) in err.value.message
