"""Printed names -> scholars on import: the rule of issue 3, on the CLI and on the pure index."""

from __future__ import annotations

import pytest

from conftest import Run
from diprefs.model import Name
from diprefs.names.matching import NameIndex, given_names_agree
from diprefs.names.parse import OTHERS, parse_name


def scholar_ids(run: Run, key: str) -> list[int]:
    return [c["scholar_id"] for c in run.json("works", "show", key)["contributors"]]


def imported(run: Run, tmp_path, text: str) -> None:
    path = tmp_path / "names.bib"
    path.write_text(text, encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 0, result.output


def test_a_known_variant_joins_its_scholar(run, tmp_path):
    # The seed knows "Jurayev, F. S." as a variant of Juraev, F. S.
    imported(run, tmp_path, "@book{j2020, author = {Jurayev, F. S.}, title = {T}, year = 2020}")
    assert scholar_ids(run, "j2020") == scholar_ids(run, "juraev2018")


def test_cyrillic_spelling_with_a_full_given_name_joins(run, tmp_path):
    # Seed scholar: "Mominov, Husanboy Madaminjonovich" (variants "Mominov, Husanboy", ...).
    # Моминов = Mominov by match key; Хусанбой = Husanboy (х ~ h): a full given name agrees.
    imported(run, tmp_path, "@book{m2023, author = {Моминов, Хусанбой}, title = {T}, year = 2023}")
    assert scholar_ids(run, "m2023") == scholar_ids(run, "mominov2022")


@pytest.mark.parametrize(
    "author",
    [
        "Mominov, H.",  # initials only: too weak
        "Mominov, Bobur",  # a different given name
        "Mominov",  # no given name at all
        "Momin, Husanboy",  # another family name
    ],
)
def test_anything_weaker_starts_a_new_scholar(run, tmp_path, author):
    imported(run, tmp_path, f"@book{{x2023, author = {{{author}}}, title = {{T}}, year = 2023}}")
    assert scholar_ids(run, "x2023")[0] not in scholar_ids(run, "mominov2022")


def test_one_new_name_in_one_file_is_one_scholar(run, tmp_path):
    imported(
        run,
        tmp_path,
        "@book{a1, author = {Karimov, Alisher}, title = {A}, year = 2001}\n"
        "@book{a2, author = {Karimov, Alisher}, title = {B}, year = 2002}\n"
        "@book{a3, author = {Каримов, Алишер}, title = {C}, year = 2003}\n",
    )
    assert scholar_ids(run, "a1") == scholar_ids(run, "a2") == scholar_ids(run, "a3")


def test_and_others_is_never_a_scholar(run, tmp_path):
    imported(run, tmp_path, "@book{o1, author = {Karimov, Alisher and others}, title = {A}}")
    ids = scholar_ids(run, "o1")
    assert ids[0] is not None and ids[1] is None


def test_an_organisation_joins_only_by_its_exact_name(run, tmp_path):
    imported(
        run,
        tmp_path,
        "@misc{e1, author = {{US Embassy in Uzbekistan}}, title = {A}}\n"
        "@misc{e2, author = {{US Embassy in Tashkent}}, title = {B}}\n",
    )
    assert scholar_ids(run, "e1") == scholar_ids(run, "usembassy2023")
    assert scholar_ids(run, "e2") != scholar_ids(run, "usembassy2023")


def test_a_joined_spelling_is_searchable_under_the_scholar(run, tmp_path):
    imported(run, tmp_path, "@book{m2023, author = {Моминов, Хусанбой}, title = {T}, year = 2023}")
    shown = run.json("scholars", "show", "Моминов")
    assert "Моминов, Хусанбой" in shown["variants"]


@pytest.mark.parametrize(
    ("printed", "known", "agree"),
    [
        ("Juraev, Farrukh", "Жураев, Фаррух Собирович", True),  # full name, other script
        ("Juraev, F. S.", "Juraev, Farrukh Sobirovich", False),  # initials agree, no full name
        ("Juraev, Farrukh S.", "Juraev, Farrukh Sobirovich", True),
        ("Juraev, Farrukh B.", "Juraev, Farrukh Sobirovich", False),  # B. contradicts S...
        ("Juraev, Bobur", "Juraev, Farrukh", False),
    ],
)
def test_given_names_agree(printed, known, agree):
    assert given_names_agree(parse_name(printed), parse_name(known)) is agree


def test_the_index_refuses_an_ambiguous_match():
    index = NameIndex()
    index.add(1, 10, parse_name("Karimov, Alisher Bahodirovich"))
    index.add(2, 20, parse_name("Karimov, Alisher Rustamovich"))
    assert index.scholar_for(parse_name("Karimov, Alisher")) is None
    assert index.scholar_for(parse_name("Karimov, Alisher B.")) == 10
    assert index.scholar_for(OTHERS) is None
    assert index.scholar_for(Name(family="Karimov", given="Alisher", patronymic="R.")) == 20
